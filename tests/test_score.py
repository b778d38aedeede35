"""The reference-free score (every check report) and `checker score` with references."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.pipeline import check_paths, check_texts

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIRS = sorted(p for p in CORPORA.iterdir() if (p / f"{p.name}.errors.en.txt").exists())


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("folder", PAIRS, ids=[p.name for p in PAIRS])
def test_a_faithful_translation_scores_above_the_one_with_planted_errors(folder: Path) -> None:
    source = folder / f"{folder.name}.zh.txt"
    faithful = check_paths(source, folder / f"{folder.name}.en.txt")
    planted = check_paths(source, folder / f"{folder.name}.errors.en.txt")
    assert faithful.overall_score > planted.overall_score
    # and segment by segment, where the errors were planted (when both align alike)
    shapes = [[(s.src, s.tgt) for s in r.segments] for r in (faithful, planted)]
    if shapes[0] == shapes[1]:
        worse = {i for i, (a, b) in enumerate(zip(faithful.segments, planted.segments,
                                                  strict=True)) if b.score < a.score}
        assert {f.segment for f in planted.findings if f.segment is not None} <= worse


def test_every_corpus_pair_has_a_variant_with_errors() -> None:
    assert len(PAIRS) == 9


def test_a_magnitude_slip_costs_more_than_a_faithful_rendering() -> None:
    source = "英伟达面临45亿美元库存损失。"
    right = check_texts(source, "NVIDIA faced a $4.5 billion inventory loss.")
    wrong = check_texts(source, "NVIDIA faced a $45 billion inventory loss.")
    assert right.findings == [] and wrong.findings[0].rule == "N102"
    assert right.overall_score - wrong.overall_score > 15
    assert 0 <= wrong.overall_score < right.overall_score <= 100


@pytest.mark.parametrize(("broken", "why"), [
    ("NVIDIA faced a $4.5 billion inventory loss due to unsold H20 chips",  "final stop"),
    ("nvidia faced a $4.5 billion inventory loss due to unsold H20 chips.", "lower case"),
    ("NVIDIA faced a $4.5 billion inventory inventory loss due to unsold H20 chips.", "repeat"),
    ("NVIDIA faced a $4.5 billion inventroy loss due to unsold H20 chips.", "spelling"),
    ("NVIDIA faced a $4.5 billion 库存 loss due to unsold H20 chips.", "untranslated"),
    ("NVIDIA did not face a $4.5 billion inventory loss due to unsold H20 chips.", "negation"),
    ("Did NVIDIA face a $4.5 billion inventory loss due to unsold H20 chips?", "question"),
    ("NVIDIA faced a $4.5 billion inventory loss .", "omission"),
])
def test_surface_errors_lower_the_score(broken: str, why: str) -> None:
    source = "英伟达因H20芯片滞销面临45亿美元库存损失。"
    good = check_texts(source,
                       "NVIDIA faced a $4.5 billion inventory loss due to unsold H20 chips.")
    assert check_texts(source, broken).overall_score < good.overall_score, why


def test_the_json_report_has_a_score_per_segment_and_overall(tmp_path: Path) -> None:
    folder = CORPORA / "finance"
    code, out, _ = run("check", folder / "finance.zh.txt", folder / "finance.errors.en.txt",
                       "--format", "json", "--fail-on", "never")
    report = json.loads(out)
    assert code == 0
    scores = [s["score"] for s in report["segments"]]
    assert all(0 <= s <= 100 for s in scores) and len(set(scores)) > 3
    assert min(scores) <= report["score"]["overall"] <= max(scores)
    assert all(0 <= s["similarity"] <= 1 for s in report["segments"])


def test_pre_aligned_pairs_get_a_measured_similarity(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("英伟达面临库存损失。\tNVIDIA faced an inventory loss.\n"
                     "公司股价下跌。\tThe weather was sunny in Paris.\n", encoding="utf-8")
    report = check_paths(pairs)
    related, unrelated = report.segments
    assert related.similarity > unrelated.similarity
    assert related.score > unrelated.score


def test_explain_score_lists_the_evidence_and_the_weights() -> None:
    code, out, _ = run("explain", "score")
    assert code == 0
    for needed in ("semantic similarity", "source coverage", "target coverage",
                   "fact agreement", "critical 25", "major 5", "minor 1", "0.30", "0.80",
                   "length", "broken phrase"):
        assert needed in out, needed


# ---------------------------------------------------------------- checker score


def test_score_with_a_line_aligned_reference(tmp_path: Path) -> None:
    folder = CORPORA / "finance"
    output = tmp_path / "scores.json"
    code, out, err = run("score", folder / "finance.zh.txt", folder / "finance.errors.en.txt",
                         "--reference", folder / "finance.en.txt", "-f", "json", "-o", output)
    assert code == 0, err
    assert out == ""
    result = json.loads(output.read_text(encoding="utf-8"))
    assert result["references"]["alignment"] == "lines"
    corpus = result["corpus"]
    assert corpus["bleu"]["signature"].startswith("nrefs:1|case:mixed|eff:no|tok:13a|")
    assert "tok:13a" in result["sentence_signatures"]["bleu"]
    assert 80 < corpus["bleu"]["score"] < 100 and 80 < corpus["chrf"]["score"] < 100
    assert 0 < corpus["ter"]["score"] < 10
    lines = [u["lines"] for u in result["units"]]
    assert [n for group in lines for n in group] == list(range(12))
    # units with a planted error are below 100 chrF; the others match their reference exactly
    errors = {f.segment for f in check_paths(folder / "finance.zh.txt",
                                             folder / "finance.errors.en.txt").findings}
    for unit in result["units"]:
        if set(unit["segments"]) & errors:
            assert unit["chrf"] < 100
    assert any(u["chrf"] == 100.0 and u["bleu"] == 100.0 and u["ter"] == 0.0
               for u in result["units"])


def test_score_with_two_references_and_a_chinese_target(tmp_path: Path) -> None:
    zh = tmp_path / "ref1.zh.txt"
    zh.write_text("英伟达面临45亿美元库存损失。\n公司股价下跌了百分之五。\n", encoding="utf-8")
    second = tmp_path / "ref2.zh.txt"
    second.write_text("英伟达面临四十五亿美元的库存损失。\n该公司股价下跌5%。\n", encoding="utf-8")
    en = tmp_path / "a.en.txt"
    en.write_text("NVIDIA faced a $4.5 billion inventory loss.\nThe company's shares fell 5%.\n",
                  encoding="utf-8")
    target = tmp_path / "a.zh.txt"
    target.write_text("英伟达面临45亿美元库存损失。\n公司股价下跌5%。\n", encoding="utf-8")
    code, out, err = run("score", en, target, "--reference", zh, "--reference", second,
                         "-f", "json")
    assert code == 0, err
    result = json.loads(out)
    assert result["source"]["lang"] == "en" and result["target"]["lang"] == "zh"
    assert "nrefs:2" in result["corpus"]["bleu"]["signature"]
    assert "tok:zh" in result["corpus"]["bleu"]["signature"]
    assert "asian:yes" in result["corpus"]["ter"]["signature"]
    assert result["units"][0]["bleu"] == 100.0  # identical to the first reference


def test_score_aligns_a_reference_with_other_line_breaks(tmp_path: Path) -> None:
    folder = CORPORA / "finance"
    lines = (folder / "finance.en.txt").read_text(encoding="utf-8").splitlines()
    reference = tmp_path / "ref.en.txt"
    reference.write_text("\n\n".join(lines) + "\n", encoding="utf-8")  # twice the lines
    code, out, err = run("score", folder / "finance.zh.txt", folder / "finance.en.txt",
                         "--reference", reference, "-f", "json")
    assert code == 0, err
    result = json.loads(out)
    assert result["references"]["alignment"] == "sentences"
    assert result["corpus"]["bleu"]["score"] > 99
    assert all(u["chrf"] == 100.0 for u in result["units"])


def test_score_prints_a_table_and_the_signatures(tmp_path: Path) -> None:
    folder = CORPORA / "names"
    code, out, _ = run("score", folder / "names.zh.txt", folder / "names.errors.en.txt",
                       "--reference", folder / "names.en.txt")
    assert code == 0
    assert "reference-free score:" in out and "BLEU" in out and "chrF" in out
    assert "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:" in out
    assert "case:lc|tok:tercom" in out


@pytest.mark.parametrize("problem", ["missing", "wrong-language", "binary"])
def test_a_bad_reference_is_an_input_error(tmp_path: Path, problem: str) -> None:
    folder = CORPORA / "finance"
    reference = tmp_path / "ref.txt"
    if problem == "wrong-language":
        reference.write_text("英伟达面临库存损失。\n", encoding="utf-8")
    elif problem == "binary":
        reference.write_bytes(b"\x00\x01\x02\xff" * 50)
    output = tmp_path / "out.json"
    code, out, err = run("score", folder / "finance.zh.txt", folder / "finance.en.txt",
                         "--reference", reference, "-o", output)
    assert code == 2 and out == ""
    assert err.startswith("checker: error: ") and len(err.strip().splitlines()) == 1
    assert not output.exists()


def test_score_without_references_is_the_reference_free_score(tmp_path: Path) -> None:
    folder = CORPORA / "seed"
    code, out, _ = run("score", folder / "seed.zh.txt", folder / "seed.en.txt", "-f", "json")
    result = json.loads(out)
    report = check_paths(folder / "seed.zh.txt", folder / "seed.en.txt")
    assert code == 0
    assert result["score"]["overall"] == report.overall_score
    assert result["corpus"] == {} and result["mt"] is None
    assert [u["score"] for u in result["units"]] == [s.score for s in report.segments]

"""The bundled corpus: every pair's findings must be exactly its expected findings.

Each expected finding names a rule and the Chinese and English text of the fact (null where
that side has nothing); a reported finding matches when the rule is the same and each
expected text lies within the reported span (or the span within it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.pipeline import check_paths

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def _cases() -> list[tuple[str, Path, Path, Path]]:
    cases = [("seed", CORPORA / "seed/seed.zh.txt", CORPORA / "seed/seed.en.txt",
              CORPORA / "seed/expected.json")]
    for folder in sorted(p for p in CORPORA.iterdir() if p.is_dir() and p.name != "seed"):
        name = folder.name
        source = folder / f"{name}.zh.txt"
        cases.append((f"{name}-faithful", source, folder / f"{name}.en.txt",
                      folder / "expected.json"))
        cases.append((f"{name}-errors", source, folder / f"{name}.errors.en.txt",
                      folder / "expected.errors.json"))
    return cases


def _side_matches(expected: str | None, span: dict | None) -> bool:
    if expected is None or span is None:
        return expected is None and span is None
    return expected in span["text"] or span["text"] in expected


def _matches(expected: dict, finding: dict) -> bool:
    return (
        expected["rule"] == finding["rule"]
        and _side_matches(expected["source"], finding["source"])
        and _side_matches(expected["target"], finding["target"])
    )


CATEGORIES_UNDER_TEST = {"number", "date", "name", "consistency", "term"}


@pytest.mark.parametrize(("name", "source", "target", "expected_file"), _cases(),
                         ids=[c[0] for c in _cases()])
def test_corpus_pair_has_exactly_the_expected_findings(
    name: str, source: Path, target: Path, expected_file: Path
) -> None:
    from checker.report.json_report import report_to_dict

    report = report_to_dict(check_paths(source, target))
    found = [f for f in report["findings"] if f["category"] in CATEGORIES_UNDER_TEST]
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    unmatched = list(found)
    missed = []
    for item in expected:
        partner = next((f for f in unmatched if _matches(item, f)), None)
        if partner is None:
            missed.append(item)
        else:
            unmatched.remove(partner)
    assert not missed, f"{name}: missed {missed}"
    assert not unmatched, f"{name}: unexpected {[(f['rule'], f['message']) for f in unmatched]}"


def test_every_number_date_and_name_rule_is_planted_somewhere() -> None:
    planted = set()
    for folder in CORPORA.iterdir():
        errors = folder / "expected.errors.json"
        if errors.exists():
            planted |= {e["rule"] for e in json.loads(errors.read_text(encoding="utf-8"))}
    expected = {f"N10{i}" for i in range(1, 10)} | {"D101", "D102"}
    expected |= {"E201", "E202", "E203", "E204", "E205"}
    assert expected <= planted

"""SARIF 2.1.0 (the OASIS format GitHub code scanning reads): one run, every rule of the
registry with its documentation, and a result per finding located in the translation (the
original as a related location), by line and column.

For a bilingual ``.tsv`` or ``.tmx`` input both sides name that one file, and line n is
the n-th pair: the documents are its columns, one cell per line (as in the JSON report).
"""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from checker.model import LANGUAGE_NAMES, Document, Finding, Report, Severity, Span
from checker.report.positions import LineIndex

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
TOOL_NAME = "checker"

# SARIF has three levels; critical and major both fail a build, so both are errors
LEVELS = {
    Severity.CRITICAL: "error",
    Severity.MAJOR: "error",
    Severity.MINOR: "warning",
    Severity.INFO: "note",
}


def render_sarif(report: Report) -> str:
    return json.dumps(report_to_sarif(report), ensure_ascii=False, indent=2) + "\n"


def report_to_sarif(report: Report) -> dict:
    rules = rule_descriptors()
    rule_index = {rule["id"]: number for number, rule in enumerate(rules)}
    sides = _Sides(report)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": TOOL_NAME,
                "version": tool_version(),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": sides.artifacts,
            "results": [_result(f, rule_index, sides) for f in report.findings],
            "properties": {"score": report.overall_score, "segments": len(report.segments)},
        }],
    }


def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("checker")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def rule_descriptors() -> list[dict]:
    """Every registered rule as a SARIF reportingDescriptor, in code order."""
    from checker.rules import RULES

    descriptors = []
    for code, rule in sorted(RULES.items()):
        documentation = unwrap(rule.documentation())
        examples = (f"Correct:\n  zh: {rule.correct[0]}\n  en: {rule.correct[1]}\n"
                    f"Incorrect:\n  zh: {rule.incorrect[0]}\n  en: {rule.incorrect[1]}")
        descriptors.append({
            "id": code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary()},
            "fullDescription": {"text": documentation},
            "help": {"text": f"{documentation}\n\n{examples}"},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"category": rule.category, "severity": rule.severity.value,
                           "tags": ["translation", rule.category]},
        })
    return descriptors


def unwrap(text: str) -> str:
    """A docstring's hard-wrapped paragraphs as one line each."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def artifact_uri(path: str) -> str:
    """A file name as a URI reference: relative paths stay relative, with forward slashes;
    anything a URI cannot hold (spaces, Chinese characters) is percent-encoded."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())


class _Sides:
    """The two documents as SARIF artifacts, with what it takes to locate a span in each."""

    def __init__(self, report: Report) -> None:
        self.artifacts: list[dict] = []
        self._index: dict[str, int] = {}
        self.source = self._side(report.source, report.source_label, "source")
        self.target = self._side(report.target, report.target_label, "target")

    def _side(self, document: Document, label: str | None, role: str
              ) -> tuple[int, LineIndex, str]:
        uri = artifact_uri(label or document.path or f"{role}.{document.lang}.txt")
        if uri not in self._index:  # a bilingual file is one artifact for both sides
            self._index[uri] = len(self.artifacts)
            self.artifacts.append({"location": {"uri": uri}, "encoding": document.encoding,
                                   "roles": ["analysisTarget"]})
        language = LANGUAGE_NAMES.get(document.lang, document.lang)
        return self._index[uri], LineIndex(document.text), language

    def location(self, span: Span | None, which: tuple[int, LineIndex, str]) -> dict:
        index, lines, _ = which
        physical: dict = {"artifactLocation": {"uri": self.artifacts[index]["location"]["uri"],
                                               "index": index}}
        if span is not None:
            region = lines.region(span)
            physical["region"] = {
                "startLine": region.start_line, "startColumn": region.start_column,
                "endLine": region.end_line, "endColumn": region.end_column,
                "snippet": {"text": span.text},
            }
        return {"physicalLocation": physical}


def message_text(finding: Finding) -> str:
    """The finding's message, with the suggestion when there is one."""
    if finding.suggestion:
        return f"{finding.message}; suggested: {finding.suggestion}"
    return finding.message


def _result(finding: Finding, rule_index: dict[str, int], sides: _Sides) -> dict:
    # located in the translation, where the fix goes; an omission only in the original
    if finding.target is not None or finding.source is None:
        primary = sides.location(finding.target, sides.target)
        related = finding.source
    else:
        primary = sides.location(finding.source, sides.source)
        related = None
    result: dict = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": message_text(finding)},
        "locations": [primary],
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    if related is not None:
        location = sides.location(related, sides.source)
        language = sides.source[2]
        location["id"] = 0
        location["message"] = {"text": f"the original ({language}): {related.text}"}
        result["relatedLocations"] = [location]
    properties: dict = {"severity": finding.severity.value, "category": finding.category}
    if finding.segment is not None:
        properties["segment"] = finding.segment
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    result["properties"] = properties
    return result

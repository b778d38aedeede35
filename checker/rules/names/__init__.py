"""Name and term rules: given how each Chinese name links to the aligned English
(checker.names.link), report wrong, misspelt, missing, non-standard and inconsistent
renderings, and glossary terms not translated as the glossary says."""

from __future__ import annotations

from checker.model import Finding, SentenceFacts
from checker.names.link import link_document
from checker.names.table import EntityTable
from checker.rules.names.common import (
    NameInconsistent,
    NameMismatch,
    NameMissing,
    NameMisspelled,
    NameNonStandard,
    TermMismatch,
)
from checker.rules.names.document import document_findings
from checker.rules.names.segment import document_spellings, nearby_chinese, segment_findings

__all__ = ["NameInconsistent", "NameMismatch", "NameMissing", "NameMisspelled",
           "NameNonStandard", "TermMismatch", "check_names"]


def check_names(segments: list[tuple[int, SentenceFacts, SentenceFacts]], zh_is_source: bool,
                table: EntityTable) -> list[Finding]:
    """Name and term findings of a document: (segment index, zh facts, en facts) each."""
    linked = link_document(segments, table)
    nearby = nearby_chinese(linked)
    spellings = document_spellings(linked)
    findings: list[Finding] = []
    for segment in linked:
        if segment.en_texts:  # a sentence left untranslated is the omission rules' finding
            findings += segment_findings(segment, linked, table, nearby[segment.index],
                                         spellings)
    findings += document_findings(linked)
    return [_orient(f, zh_is_source) for f in findings]


def _orient(finding: Finding, zh_is_source: bool) -> Finding:
    """Findings are built zh → en; swap the sides when the English is the original."""
    if zh_is_source:
        return finding
    return Finding(finding.rule, finding.name, finding.category, finding.severity,
                   finding.message, finding.target, finding.source, finding.suggestion,
                   finding.segment)

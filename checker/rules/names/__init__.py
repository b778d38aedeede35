"""Name and term rules: given how each Chinese name links to the aligned English
(checker.names.link), report wrong, misspelt, missing, non-standard and inconsistent
renderings, and glossary terms not translated as the glossary says."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.model import Finding, SentenceFacts, Severity, Span
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
from checker.rules.names.segment import (
    document_spellings,
    nearby_chinese,
    segment_findings,
    unrendered_names,
)

__all__ = ["NameCheck", "NameInconsistent", "NameMismatch", "NameMissing", "NameMisspelled",
           "NameNonStandard", "TermMismatch", "check_names"]


@dataclass
class NameCheck:
    """The name findings of a document, and per segment index the Chinese names that its
    English does not render at all (whether reported or not: a name given elsewhere may
    go unsaid) and the Chinese names it links to an English rendering, which the omission
    rules weigh with the words around them."""

    findings: list[Finding] = field(default_factory=list)
    unrendered: dict[int, list[Span]] = field(default_factory=dict)
    linked: dict[int, dict[Span, Span]] = field(default_factory=dict)  # zh name → English


def check_names(segments: list[tuple[int, SentenceFacts, SentenceFacts]], zh_is_source: bool,
                table: EntityTable) -> NameCheck:
    """Name and term findings of a document: (segment index, zh facts, en facts) each."""
    linked = link_document(segments, table)
    nearby = nearby_chinese(linked)
    spellings = document_spellings(linked)
    check = NameCheck()
    for segment in linked:
        if segment.en_texts:  # a sentence left untranslated is the omission rules' finding
            found = segment_findings(segment, linked, table, nearby[segment.index], spellings)
            check.findings += found
            check.unrendered[segment.index] = unrendered_names(segment, linked, found)
            check.linked[segment.index] = {link.mention.span: link.rendering
                                           for link in segment.links}
    # a name the sentence rules found worth a look, the document may show to be another
    # name of a body it names otherwise: one finding, the stronger
    reported = {f.source for f in check.findings
                if f.source is not None and f.severity.rank >= Severity.MAJOR.rank}
    # one finding a name: the document's say on an English name the sentence rules have
    # reported at major adds nothing
    said = {f.target for f in check.findings
            if f.target is not None and f.severity.rank >= Severity.MAJOR.rank}
    across = [f for f in document_findings(linked, reported)
              if f.target is None or f.target not in said]
    stronger = {f.source for f in across
                if f.source is not None and f.severity.rank >= Severity.MAJOR.rank}
    check.findings = [f for f in check.findings if f.source not in stronger
                      or f.severity.rank >= Severity.MAJOR.rank
                      or f.rule not in ("E202", "E204")] + across
    check.findings = [_orient(f, zh_is_source) for f in check.findings]
    return check


def _orient(finding: Finding, zh_is_source: bool) -> Finding:
    """Findings are built zh → en; swap the sides when the English is the original."""
    if zh_is_source:
        return finding
    return Finding(finding.rule, finding.name, finding.category, finding.severity,
                   finding.message, finding.target, finding.source, finding.suggestion,
                   finding.segment)

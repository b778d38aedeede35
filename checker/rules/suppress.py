"""Suppression comments, applied after the rules: ``<!-- checker: ignore N101 -->`` in a
source or target file silences those rules for the paragraph after it.

The load stage records each comment's paragraph as a ``Suppression`` on its Document; here a
finding is dropped when its span in that document starts inside one that names its rule.
"""

from __future__ import annotations

from checker.model import Document, Finding, InputError, Span, Suppression
from checker.rules.registry import RULES


def validate_suppressions(document: Document) -> None:
    """InputError for a comment naming a rule that does not exist (a typo would otherwise
    silently suppress nothing)."""
    for suppression in document.suppressions:
        for code in suppression.rules:
            if not any(known.startswith(code) for known in RULES):
                where = f"{document.path}:{suppression.line}" if document.path else "input"
                raise InputError(f"{where}: unknown rule {code} in a checker: ignore comment "
                                 "(see `checker rules`)")


def apply_suppressions(findings: list[Finding], source: Document, target: Document
                       ) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed): a finding is suppressed when its source span falls in a
    suppressed paragraph of the source file, or its target span in one of the target's."""
    if not source.suppressions and not target.suppressions:
        return findings, []
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        quiet = (_covered(finding.rule, finding.source, source.suppressions)
                 or _covered(finding.rule, finding.target, target.suppressions))
        (suppressed if quiet else kept).append(finding)
    return kept, suppressed


def _covered(code: str, span: Span | None, suppressions: tuple[Suppression, ...]) -> bool:
    return span is not None and any(s.covers(code, span.start) for s in suppressions)

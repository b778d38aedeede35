"""The rule registry: every check has a stable code, a name, a category and a default severity.

A rule's docstring is its documentation (``checker explain CODE``): what it checks, why it
matters, and one correct and one incorrect example pair.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, replace
from typing import ClassVar, Generic, TypeVar

from checker.model import CATEGORIES, Finding, Severity, Span

F = TypeVar("F")


class Rule:
    """Base class: subclasses set the metadata and document themselves in their docstring."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity]
    correct: ClassVar[tuple[str, str]]  # (Chinese, English) a correct translation
    incorrect: ClassVar[tuple[str, str]]  # (Chinese, English) the error this rule reports

    @classmethod
    def summary(cls) -> str:
        return inspect.getdoc(cls).splitlines()[0] if cls.__doc__ else cls.name

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def finding(
        cls,
        message: str,
        source: Span | None,
        target: Span | None,
        suggestion: str | None = None,
        segment: int | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            rule=cls.code,
            name=cls.name,
            category=cls.category,
            severity=severity or cls.severity,
            message=message,
            source=source,
            target=target,
            suggestion=suggestion,
            segment=segment,
        )


@dataclass
class Comparison(Generic[F]):
    """How the facts of one kind in one aligned segment compare across the two languages."""

    matched: list[tuple[F, F]]
    mismatched: list[tuple[F, F, type[Rule]]]  # (source fact, target fact, the rule it breaks)
    missing: list[F]  # source facts with no counterpart
    added: list[F]  # target facts with no source


RULES: dict[str, type[Rule]] = {}


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry, refusing duplicate codes and bad metadata."""
    if rule.code in RULES:
        raise ValueError(f"duplicate rule code {rule.code}")
    if rule.category not in CATEGORIES:
        raise ValueError(f"{rule.code}: unknown category {rule.category!r}")
    if not rule.__doc__:
        raise ValueError(f"{rule.code}: a rule needs a docstring")
    RULES[rule.code] = rule
    return rule


@dataclass(frozen=True)
class RuleSelection:
    """Which rules run and at what severity: ``select``/``ignore`` take codes or prefixes."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: tuple[tuple[str, Severity], ...] = ()

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)

    def severity_for(self, code: str, default: Severity) -> Severity:
        for prefix, severity in self.severities:
            if code.startswith(prefix):
                return severity
        return default

    def apply(self, findings: list[Finding]) -> list[Finding]:
        """Drop disabled rules and re-grade the rest."""
        kept = []
        for finding in findings:
            if self.enabled(finding.rule):
                severity = self.severity_for(finding.rule, finding.severity)
                kept.append(replace(finding, severity=severity))
        return kept


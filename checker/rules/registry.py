"""The rule registry: every check has a stable code, a name, a category and a default severity.

A rule's docstring is its documentation (``checker explain CODE``, docs/rules.md): a
one-line summary, then paragraphs on what it checks, one of them starting "Why:" (why it
matters). The class attributes ``correct`` and ``incorrect`` hold one example pair each,
(Chinese, English); ``glossary`` the (Chinese, English) glossary entries those examples
assume, if any. ``register`` refuses a rule that lacks any of these.
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
    glossary: ClassVar[tuple[tuple[str, str], ...]] = ()  # entries the examples need

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
    if "\nWhy: " not in "\n" + rule.documentation():
        raise ValueError(f"{rule.code}: the docstring needs a paragraph starting 'Why: '")
    for example in ("correct", "incorrect"):
        pair = getattr(rule, example, None)
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(pair)):
            raise ValueError(f"{rule.code}: needs the {example} example, a (zh, en) pair")
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


"""Rule documentation from the registry: ``checker explain CODE`` and docs/rules.md.

    python -m checker.docs              # write docs/rules.md (make docs)
    python -m checker.docs --check      # exit 1 when docs/rules.md is out of date

Each rule's page is built from its class: the docstring's summary line, its paragraphs on
what it checks, its "Why:" paragraph, the correct and incorrect example pairs, and what the
checker reports on the incorrect pair — found by running the checker on it, so the page
cannot promise a finding the rule does not make.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from checker.model import Finding
from checker.rules.registry import RULES, Rule

DOCS_PATH = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
_CJK_END = re.compile("[\u3000-\u9fff\uff00-\uffef]$")
_CJK_START = re.compile("^[\u3000-\u9fff\uff00-\uffef]")
_WIDTH = 88  # the terminal page of `checker explain`


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation, in parts that can be rendered anywhere."""

    code: str
    name: str
    category: str
    severity: str
    summary: str
    details: tuple[str, ...]  # paragraphs on what it checks, after the summary
    why: str
    correct: tuple[str, str]
    incorrect: tuple[str, str]
    glossary: tuple[tuple[str, str], ...]


def rule_doc(rule: type[Rule]) -> RuleDoc:
    paragraphs = [_unwrap(p) for p in re.split(r"\n\s*\n", inspect.getdoc(rule) or "")
                  if p.strip()]
    why = next((p for p in paragraphs if p.startswith("Why:")), "")
    details = tuple(p for p in paragraphs[1:] if p is not why)
    return RuleDoc(rule.code, rule.name, rule.category, rule.severity.value, paragraphs[0],
                   details, why.removeprefix("Why:").strip(), rule.correct, rule.incorrect,
                   rule.glossary)


def _unwrap(paragraph: str) -> str:
    """A docstring paragraph as one line: a line break is a space, except between two
    Chinese characters."""
    lines = [line.strip() for line in paragraph.strip().splitlines()]
    text = lines[0]
    for line in lines[1:]:
        joined_without_space = _CJK_END.search(text) and _CJK_START.search(line)
        text += ("" if joined_without_space else " ") + line
    return text.replace("``", "`")  # reStructuredText literals as Markdown ones


def example_findings(rule: type[Rule], example: tuple[str, str]) -> list[Finding]:
    """What the checker reports on an example pair, with the rule's example glossary."""
    from checker.names.glossary import GlossaryEntry
    from checker.pipeline import CheckOptions, check_texts

    glossary = tuple(GlossaryEntry((zh,), en, ()) for zh, en in rule.glossary)
    return check_texts(*example, CheckOptions(glossary=glossary)).findings


def _fill(paragraph: str) -> str:
    return textwrap.fill(paragraph, width=_WIDTH, break_long_words=False,
                         break_on_hyphens=False)


def _finding_line(finding: Finding) -> str:
    line = f"{finding.rule} {finding.severity.value}: {finding.message}"
    return line + (f" → {finding.suggestion}" if finding.suggestion else "")


# ---------------------------------------------------------------- checker explain


def explain_text(rule: type[Rule]) -> str:
    """The terminal page of ``checker explain CODE``."""
    doc = rule_doc(rule)
    lines = [f"{doc.code} {doc.name}  [{doc.category}, default severity {doc.severity}]", "",
             _fill(doc.summary)]
    for paragraph in doc.details:
        lines += ["", _fill(paragraph)]
    lines += ["", _fill(f"Why: {doc.why}"), ""]
    if doc.glossary:
        entries = "; ".join(f"{zh} → {en}" for zh, en in doc.glossary)
        lines += [f"With the glossary entry: {entries}", ""]
    lines += ["Correct:", f"  zh: {doc.correct[0]}", f"  en: {doc.correct[1]}",
              "Incorrect:", f"  zh: {doc.incorrect[0]}", f"  en: {doc.incorrect[1]}"]
    reported = [f for f in example_findings(rule, doc.incorrect) if f.rule == doc.code]
    if reported:
        lines += ["The checker reports:", *(f"  {_finding_line(f)}" for f in reported)]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- docs/rules.md


def rules_markdown() -> str:
    """docs/rules.md: an index table, then a section per rule."""
    rules = [RULES[code] for code in sorted(RULES)]
    docs = [rule_doc(rule) for rule in rules]
    out = ["# Rules", "",
           "<!-- Generated from the rule registry by `python -m checker.docs` (`make docs`);",
           "     edit the rules' docstrings in checker/rules/*.py, not this file. -->", "",
           "Every rule has a stable code. Select, ignore or re-grade rules by code or prefix "
           "(`--select N1`, `--ignore D104`); silence one for a paragraph with "
           "`<!-- checker: ignore CODE -->`. `checker explain CODE` prints a rule's page.", "",
           "| code | name | category | default severity | what it checks |",
           "|---|---|---|---|---|"]
    out += [f"| [{d.code}](#{_anchor(d)}) | {d.name} | {d.category} | {d.severity} | "
            f"{_cell(d.summary)} |" for d in docs]
    for rule, doc in zip(rules, docs, strict=True):
        out += ["", f"## {doc.code} {doc.name}", "",
                f"Category: {doc.category} · default severity: {doc.severity}", "",
                doc.summary]
        for paragraph in doc.details:
            out += ["", paragraph]
        out += ["", f"**Why:** {doc.why}", ""]
        if doc.glossary:
            entries = "; ".join(f"{zh} → {en}" for zh, en in doc.glossary)
            out += [f"The examples assume the glossary entry {entries}.", ""]
        out += ["| | Chinese | English |", "|---|---|---|",
                f"| correct | {_cell(doc.correct[0])} | {_cell(doc.correct[1])} |",
                f"| incorrect | {_cell(doc.incorrect[0])} | {_cell(doc.incorrect[1])} |"]
        reported = [f for f in example_findings(rule, doc.incorrect) if f.rule == doc.code]
        if reported:
            out += ["", "On the incorrect pair the checker reports:", ""]
            out += [f"    {_finding_line(f)}" for f in reported]
    return "\n".join(out) + "\n"


def _anchor(doc: RuleDoc) -> str:
    """GitHub's heading anchor for "## N101 number-mismatch"."""
    return f"{doc.code}-{doc.name}".lower()


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.docs",
                                     description="Generate docs/rules.md from the registry.")
    parser.add_argument("path", nargs="?", type=Path, default=DOCS_PATH,
                        help="The file to write or check (default: docs/rules.md).")
    parser.add_argument("--check", action="store_true",
                        help="Write nothing; exit 1 when the file is not what would be "
                        "generated.")
    args = parser.parse_args(argv)
    content = rules_markdown()
    if args.check:
        current = args.path.read_text(encoding="utf-8") if args.path.is_file() else None
        if current != content:
            print(f"{args.path} is out of date: run `make docs`", file=sys.stderr)
            return 1
        return 0
    args.path.parent.mkdir(parents=True, exist_ok=True)
    temporary = args.path.with_name(f".{args.path.name}.tmp")
    temporary.write_text(content, encoding="utf-8")
    temporary.replace(args.path)
    print(f"wrote {args.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

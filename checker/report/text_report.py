"""The terminal report: each segment with findings, both sides highlighted, then a summary."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.model import Finding, Report, Sentence, Severity, Span

SEVERITY_STYLES = {
    Severity.CRITICAL: "bold white on red",
    Severity.MAJOR: "bold red",
    Severity.MINOR: "yellow",
    Severity.INFO: "cyan",
}


def _highlighted(sentences: list[Sentence], spans: list[tuple[Span, Severity]]) -> Text:
    text = Text()
    for number, sentence in enumerate(sentences):
        if number:
            text.append(" ")
        piece = Text(sentence.text)
        for span, severity in spans:
            start = max(span.start, sentence.start) - sentence.start
            end = min(span.end, sentence.end) - sentence.start
            if start < end:
                piece.stylize(SEVERITY_STYLES[severity] + " underline", start, end)
        text.append_text(piece)
    return text


def _finding_line(finding: Finding) -> Text:
    line = Text("  ")
    line.append(f"{finding.rule} ", style="bold")
    line.append(f"{finding.severity.value:<8}", style=SEVERITY_STYLES[finding.severity])
    line.append(f" {finding.message}")
    if finding.suggestion:
        line.append("  → ", style="dim")
        line.append(finding.suggestion, style="green")
    return line


def render_text(report: Report, console: Console) -> None:
    by_segment: dict[int | None, list[Finding]] = {}
    for finding in report.findings:
        by_segment.setdefault(finding.segment, []).append(finding)
    source_name = report.source_label or report.source.lang
    target_name = report.target_label or report.target.lang
    console.print(Text(f"{source_name} ({report.source.lang}) ↔ {target_name} "
                       f"({report.target.lang})", style="bold"))
    for index, segment in enumerate(report.segments):
        findings = by_segment.get(index)
        if not findings:
            continue
        src = [report.source_sentences[i] for i in segment.src]
        tgt = [report.target_sentences[i] for i in segment.tgt]
        console.print()
        console.print(Text(f"segment {index + 1}  ·  score {segment.score:g}", style="dim"))
        sides = Table.grid(padding=(0, 2))
        sides.add_column(style="dim", no_wrap=True)
        sides.add_column(overflow="fold")
        sides.add_row(report.source.lang,
                      _highlighted(src, [(f.source, f.severity) for f in findings if f.source]))
        sides.add_row(report.target.lang,
                      _highlighted(tgt, [(f.target, f.severity) for f in findings if f.target]))
        console.print(sides)
        for finding in findings:
            console.print(_finding_line(finding))
    console.print()
    console.print(summary_line(report))


def summary_line(report: Report) -> Text:
    counts = Counter(f.severity for f in report.findings)
    parts = [f"{counts[s]} {s.value}" for s in Severity if counts[s]]
    text = Text(_count(len(report.findings), "finding"), style="bold")
    if parts:
        text.append(" (" + ", ".join(parts) + ")")
    text.append(f"  ·  score {report.overall_score:g}/100  ·  "
                f"{_count(len(report.segments), 'segment')} "
                f"({len(report.source_sentences)} {report.source.lang} / "
                f"{_count(len(report.target_sentences), report.target.lang + ' sentence')})")
    if report.suppressed:
        text.append(f"  ·  {len(report.suppressed)} suppressed")
    return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"

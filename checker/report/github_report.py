"""GitHub Actions workflow commands: one ``::error``, ``::warning`` or ``::notice`` line per
finding, which the runner shows as an annotation on the file and line.

    ::error file=a.en.txt,line=3,endLine=3,col=5,endColumn=18,title=N102 magnitude-slip::…

The annotation sits in the translation; a finding with nothing there (an omission) sits in
the original. Values are escaped as the runner expects: ``%``, CR and LF everywhere, and
``:`` and ``,`` in the properties too.
"""

from __future__ import annotations

from checker.model import LANGUAGE_NAMES, Document, Finding, Report, Severity, Span
from checker.report.positions import LineIndex

COMMANDS = {
    Severity.CRITICAL: "error",
    Severity.MAJOR: "error",
    Severity.MINOR: "warning",
    Severity.INFO: "notice",
}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    source = _Side(report.source, report.source_label, "source")
    target = _Side(report.target, report.target_label, "target")
    return "".join(_command(f, source, target) + "\n" for f in report.findings)


class _Side:
    def __init__(self, document: Document, label: str | None, role: str) -> None:
        self.file = label or document.path or f"{role}.{document.lang}.txt"
        self.language = LANGUAGE_NAMES.get(document.lang, document.lang)
        self._lines = LineIndex(document.text)

    def properties(self, span: Span | None) -> list[tuple[str, str]]:
        found = [("file", self.file)]
        if span is not None:
            region = self._lines.region(span)
            found += [("line", str(region.start_line)), ("endLine", str(region.end_line)),
                      ("col", str(region.start_column)),
                      ("endColumn", str(region.end_column))]
        return found

    def where(self, span: Span) -> str:
        line, column = self._lines.position(span.start)
        return f"{self.file}:{line}:{column}"


def _command(finding: Finding, source: _Side, target: _Side) -> str:
    in_target = finding.target is not None or finding.source is None
    properties = (target.properties(finding.target) if in_target
                  else source.properties(finding.source))
    properties.append(("title", f"{finding.rule} {finding.name}"))
    message = f"{finding.message} [{finding.severity.value}, {finding.category}]"
    if finding.suggestion:
        message += f"\nSuggested: {finding.suggestion}"
    if in_target and finding.source is not None:
        message += (f"\nThe original ({source.language}): {finding.source.text} "
                    f"({source.where(finding.source)})")
    rendered = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{COMMANDS[finding.severity]} {rendered}::{escape_data(message)}"

"""``--save-extracted DIR``: the text each side of a report was checked on, as files.

The offsets of a report point into this text: for a .docx or .html file, the text extracted
from it; for plain text and Markdown, the decoded file with comments blanked out. Each file
is written atomically, in UTF-8, with its line endings as they were.
"""

from __future__ import annotations

from pathlib import Path

from checker.files import write_atomically
from checker.model import Document, InputError, Report


def extracted_names(report: Report) -> tuple[str, str]:
    """NAME.txt after each input's file name (a.zh.docx → a.zh.docx.txt); when both sides
    come from one file (a bilingual .tsv) or two files of one name, .source.txt and
    .target.txt tell them apart."""
    source, target = (_file_name(doc, fallback) for doc, fallback in
                      ((report.source, "source"), (report.target, "target")))
    if source == target:
        return f"{source}.source.txt", f"{target}.target.txt"
    return f"{source}.txt", f"{target}.txt"


def save_extracted(report: Report, directory: Path) -> list[Path]:
    """Write both sides' text into ``directory`` (created if missing); the paths written.
    InputError when the directory cannot be made or a file cannot be written."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot create {directory}: {error.strerror or error}") from None
    written = []
    for document, name in zip((report.source, report.target), extracted_names(report),
                              strict=True):
        path = directory / name
        try:
            write_atomically(path, document.text, newline="")
        except OSError as error:
            raise InputError(f"cannot write {path}: {error.strerror or error}") from None
        written.append(path)
    return written


def _file_name(document: Document, fallback: str) -> str:
    return Path(document.path).name if document.path else fallback

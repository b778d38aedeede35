"""The text of a Word .docx file: its body's paragraphs and tables, in document order.

Read with the standard library's zipfile and defusedxml rather than python-docx: nothing
to install (defusedxml is already a dependency; python-docx would bring lxml), and every
step can be bounded — only the two parts needed are read, each at most ``MAX_PART_BYTES``
uncompressed (a zip bomb is refused before it is inflated) and ``MAX_ELEMENTS`` elements,
and an XML file that declares a DTD or entities is refused.

Each paragraph becomes a paragraph of the extracted text, separated by a blank line; a
table row becomes one line with its cells separated by a tab (a row whose cells hold
several paragraphs gives one line per paragraph); nested tables and content controls are
read in place; a manual line break stays a line break. Left out: headers, footers,
footnotes, comments, text boxes and drawings, field codes, deleted text (tracked changes:
the text as it would be after accepting them) and text formatted as hidden.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from checker.model import InputError

# far beyond a 500-page report (a few MB, some hundred thousand elements); a tree of a
# million elements takes a few hundred MB, so these bound memory as well as time
MAX_PART_BYTES = 32 * 1024 * 1024
MAX_ELEMENTS = 1_000_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .docx, or an old .doc
_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # "Strict Open XML"
)
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_DEFAULT_PART = "word/document.xml"
_MARKUP_COMPATIBILITY = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_FALSE = ("0", "false", "off")


class _Tags:
    """Qualified tag names in the document's WordprocessingML namespace."""

    def __init__(self, namespace: str) -> None:
        def tag(name: str) -> str:
            return f"{{{namespace}}}{name}"

        self.body, self.p, self.r, self.t, self.tbl = (tag(n) for n in
                                                       ("body", "p", "r", "t", "tbl"))
        self.tr, self.tc, self.sdt, self.sdt_content = (tag(n) for n in
                                                        ("tr", "tc", "sdt", "sdtContent"))
        self.r_pr, self.vanish, self.val = tag("rPr"), tag("vanish"), tag("val")
        self.tabs = {tag("tab"), tag("ptab")}
        self.breaks = {tag("br"), tag("cr")}
        self.hyphen = tag("noBreakHyphen")
        # block-level wrappers whose children are paragraphs and tables
        self.containers = {tag("customXml"), tag("ins"), tag("moveTo"), tag("smartTag")}
        # never shown, or not body text: properties, deleted and moved-away text, field
        # codes, drawings and text boxes, references to notes and comments
        self.skipped = {tag(n) for n in (
            "pPr", "rPr", "tblPr", "trPr", "tcPr", "sdtPr", "sdtEndPr", "del", "moveFrom",
            "delText", "instrText", "delInstrText", "drawing", "pict", "object",
            "footnoteReference", "endnoteReference", "commentReference", "fldData",
        )}


def extract_docx(data: bytes, name: str) -> str:
    """The text of a .docx file's body; InputError for anything that is not a readable,
    unencrypted Word document with some text."""
    if data.startswith(_OLE_MAGIC):
        raise InputError(f"{name}: an encrypted (password-protected) Word file or an old "
                         ".doc file: save it as a .docx without a password")
    if not data.startswith(b"PK"):
        raise InputError(f"{name}: not a .docx file (not a ZIP archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _main_part(archive, name)
            xml = _read_part(archive, part, name)
    except InputError:
        raise
    except RuntimeError as error:  # zipfile: "File … is encrypted, password required"
        raise InputError(f"{name}: encrypted ZIP entries: not a readable .docx") from error
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError,
            OSError) as error:
        raise InputError(f"{name}: not a valid .docx file (corrupt ZIP archive: "
                         f"{error})") from None
    root = _parse(xml, f"{name}: {part}")
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    if namespace not in _NAMESPACES:
        raise InputError(f"{name}: not a Word document ({part} is not WordprocessingML)")
    tags = _Tags(namespace)
    body = root.find(tags.body)
    try:
        blocks = _blocks(body, tags) if body is not None else []
    except RecursionError:
        raise InputError(f"{name}: refused: {part} is nested too deeply") from None
    text = "\n\n".join(block for block in blocks if block.strip())
    if not text.strip():
        raise InputError(f"{name}: the document has no text")
    return text + "\n"


# ---------------------------------------------------------------- the package


def _main_part(archive: zipfile.ZipFile, name: str) -> str:
    """The main document part, as the package relationships name it."""
    names = set(archive.namelist())
    part = _DEFAULT_PART
    if "_rels/.rels" in names:
        relationships = _parse(_read_part(archive, "_rels/.rels", name), f"{name}: _rels/.rels")
        for relation in relationships.iter(_RELATIONSHIPS):
            if relation.get("Type", "").endswith(_OFFICE_DOCUMENT) and relation.get("Target"):
                part = posixpath.normpath(relation.get("Target", "").lstrip("/"))
                break
    if part not in names:
        raise InputError(f"{name}: not a Word document (the archive has no {part})")
    return part


def _read_part(archive: zipfile.ZipFile, part: str, name: str) -> bytes:
    """A part's bytes, refusing encrypted entries and any that inflate beyond the limit."""
    info = archive.getinfo(part)
    if info.flag_bits & 0x1:
        raise InputError(f"{name}: {part} is encrypted: not a readable .docx")
    if info.file_size > MAX_PART_BYTES:
        raise InputError(f"{name}: refused: {part} would inflate to {info.file_size:,} bytes "
                         f"(the limit is {MAX_PART_BYTES:,}; a zip bomb?)")
    with archive.open(info) as stream:
        data = stream.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:  # zipfile trusts the header's size; be sure anyway
        raise InputError(f"{name}: refused: {part} inflates beyond {MAX_PART_BYTES:,} bytes")
    return data


def _parse(xml: bytes, where: str):
    """The XML's root element; refused beyond ``MAX_ELEMENTS`` elements (counted while
    parsing, so a part of millions of empty elements never becomes a tree of them)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, iterparse

    try:
        parsing = iterparse(io.BytesIO(xml), events=("start",), forbid_dtd=True)
        for count, _ in enumerate(parsing, start=1):
            if count > MAX_ELEMENTS:
                raise InputError(f"{where}: refused: more than {MAX_ELEMENTS:,} XML elements")
        return parsing.root
    except DefusedXmlException:
        raise InputError(f"{where}: refused: the XML declares a DTD or entities") from None
    except ParseError as error:
        raise InputError(f"{where}: not well-formed XML ({error})") from None


# ---------------------------------------------------------------- the body


def _blocks(container, tags: _Tags) -> list[str]:
    """The paragraphs and tables of a body, cell or content control, in order; a table is
    one block of row lines."""
    blocks: list[str] = []
    for child in container:
        if child.tag == tags.p:
            blocks.append(_paragraph(child, tags).strip())
        elif child.tag == tags.tbl:
            blocks.append("\n".join(_table_rows(child, tags)))
        elif child.tag == tags.sdt:
            content = child.find(tags.sdt_content)
            if content is not None:
                blocks += _blocks(content, tags)
        elif child.tag in tags.containers:
            blocks += _blocks(child, tags)
    return [block for block in blocks if block.strip()]


def _table_rows(table, tags: _Tags) -> list[str]:
    lines: list[str] = []
    for row in _children(table, tags.tr, tags):
        cells = [_blocks(cell, tags) for cell in _children(row, tags.tc, tags)]
        if all(len(cell) <= 1 and "\n" not in "".join(cell) for cell in cells):
            line = "\t".join(cell[0] if cell else "" for cell in cells).rstrip("\t")
            if line.strip():
                lines.append(line)
        else:  # cells of several paragraphs: one line each, cell after cell
            lines += [block for cell in cells for block in cell]
    return lines


def _children(element, tag: str, tags: _Tags):
    """Children with ``tag``, looking inside content controls and custom XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == tags.sdt:
            content = child.find(tags.sdt_content)
            if content is not None:
                yield from _children(content, tag, tags)
        elif child.tag in tags.containers:
            yield from _children(child, tag, tags)


def _paragraph(paragraph, tags: _Tags) -> str:
    pieces: list[str] = []
    _runs(paragraph, tags, pieces)
    return "".join(pieces)


def _runs(element, tags: _Tags, pieces: list[str]) -> None:
    """The visible text under ``element`` (a paragraph, hyperlink, field, run …)."""
    for child in element:
        tag = child.tag
        if tag in tags.skipped or tag.startswith(_MARKUP_COMPATIBILITY):
            continue
        if tag == tags.t:
            pieces.append(child.text or "")
        elif tag in tags.tabs:
            pieces.append("\t")
        elif tag in tags.breaks:
            pieces.append("\n")
        elif tag == tags.hyphen:
            pieces.append("-")
        elif tag == tags.r and _hidden(child, tags):
            continue
        else:  # runs, hyperlinks, inserted text, simple fields, inline content controls
            _runs(child, tags, pieces)


def _hidden(run, tags: _Tags) -> bool:
    properties = run.find(tags.r_pr)
    vanish = properties.find(tags.vanish) if properties is not None else None
    return vanish is not None and vanish.get(tags.val, "true").lower() not in _FALSE

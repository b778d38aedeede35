"""The Python API: ``from checker import check``.

Importing it costs nothing beyond ``checker.model``: the pipeline (dictionaries, grammars)
is imported on the first call.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.model import Document, InputError, Report, Severity

if TYPE_CHECKING:
    from checker.names.glossary import GlossaryEntry
    from checker.pipeline import CheckOptions

Text = str | os.PathLike[str]  # a str is text; a Path (any path-like) is a file
Codes = str | Iterable[str]


def check(
    source: Text,
    target: Text | None = None,
    *,
    glossary: Text | Iterable[Text | GlossaryEntry] | None = None,
    select: Codes | None = None,
    ignore: Codes | None = None,
    severity: Mapping[str, str] | None = None,
    options: CheckOptions | None = None,
) -> Report:
    """Check a translation and return its :class:`checker.model.Report`.

    ``source`` and ``target`` are each the text itself (a ``str``) or a file (a
    ``pathlib.Path`` or other path-like); either may be the Chinese one, and languages are
    detected. With ``source`` alone, it is a bilingual ``.tsv`` or ``.tmx`` file.
    ``glossary``: glossary files (CSV, TSV, TBX) or ``GlossaryEntry`` objects, later ones
    win. ``select`` / ``ignore``: rule codes or prefixes (``"N1,D101"`` or a list).
    ``severity``: re-grades, e.g. ``{"N104": "minor"}``. These replace the matching parts of
    ``options``. No config file is read. Raises ``checker.model.InputError`` for bad input
    (an unreadable file, two texts in one language, an unknown rule code).
    """
    from checker.pipeline import CheckOptions

    options = _options(options or CheckOptions(), glossary, select, ignore, severity)
    if target is None:
        if isinstance(source, str):
            raise InputError("give a target text, or a path to a bilingual .tsv/.tmx file")
        from checker.pipeline import check_paths

        return check_paths(os.fspath(source), None, options)
    return _check_pair(source, target, options)


def _check_pair(source: Text, target: Text, options: CheckOptions) -> Report:
    from checker.pipeline import check_documents, check_paths, check_texts

    if isinstance(source, str) and isinstance(target, str):
        return check_texts(source, target, options)
    if not isinstance(source, str) and not isinstance(target, str):
        return check_paths(os.fspath(source), os.fspath(target), options)
    from checker.load import require_both_languages

    documents = (_document(source), _document(target))
    require_both_languages(*documents)
    labels = tuple(d.path or d.lang for d in documents)
    return check_documents(*documents, options, labels=labels)


def _document(value: Text) -> Document:
    from checker.load import detect_language, load_document

    if not isinstance(value, str):
        return load_document(os.fspath(value))
    lang = detect_language(value)
    if lang is None:
        raise InputError("cannot tell whether a text is Chinese or English")
    return Document(value, lang)


def _options(options: CheckOptions, glossary: object, select: Codes | None,
             ignore: Codes | None, severity: Mapping[str, str] | None) -> CheckOptions:
    selection = options.selection
    if select is not None:
        selection = replace(selection, select=_codes(select))
    if ignore is not None:
        selection = replace(selection, ignore=_codes(ignore))
    if severity is not None:
        selection = replace(selection, severities=_severities(severity))
    _known_codes([*selection.select, *selection.ignore,
                  *(code for code, _ in selection.severities)])
    options = replace(options, selection=selection)
    if glossary is not None:
        options = replace(options, glossary=_glossary(glossary))
    return options


def _codes(codes: Codes) -> tuple[str, ...]:
    parts = codes.split(",") if isinstance(codes, str) else codes
    return tuple(code.strip().upper() for code in parts if code.strip())


def _severities(severity: Mapping[str, str]) -> tuple[tuple[str, Severity], ...]:
    levels = {s.value: s for s in Severity}
    pairs = []
    for code, level in severity.items():
        if str(level).lower() not in levels:
            raise InputError(f"severity of {code} must be one of {', '.join(levels)}, "
                             f"not {level!r}")
        pairs.append((code.strip().upper(), levels[str(level).lower()]))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))  # N102 before N1


def _known_codes(codes: list[str]) -> None:
    from checker.rules import RULES

    for code in codes:
        if not any(rule.startswith(code) for rule in RULES):
            raise InputError(f"unknown rule code or prefix: {code}")


def _glossary(glossary: object) -> tuple[GlossaryEntry, ...]:
    from checker.names.glossary import GlossaryEntry, load_glossary

    items = [glossary] if isinstance(glossary, str | os.PathLike) else list(glossary)
    entries: list[GlossaryEntry] = []
    for item in items:
        if isinstance(item, GlossaryEntry):
            entries.append(item)
        else:
            entries.extend(load_glossary(os.fspath(item)))
    return tuple(entries)

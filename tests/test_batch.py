"""checker batch: inputs, output, resume after a kill, errors, exit codes, progress, Dask.

Everything runs on real files in tmp_path, built from the document pairs in corpora/, and
through the command line (in-process with CliRunner, or as a subprocess where a real
process matters: a kill, a terminal).
"""

from __future__ import annotations

import hashlib
import json
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner
from writing import write

from checker.batch.inputs import JobSpec, discover
from checker.batch.jobs import Job, Outcome, check_job, content_hash
from checker.batch.local import LocalEngine
from checker.cli import app
from checker.pipeline import CheckOptions

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
TOPICS = ("finance", "health", "sport", "statistics", "technology")
runner = CliRunner()


# ---------------------------------------------------------------- helpers


def corpus_text(topic: str, variant: str) -> str:
    """The Chinese ("zh"), faithful English ("en") or planted-error English ("errors")."""
    suffix = {"zh": "zh", "en": "en", "errors": "errors.en"}[variant]
    return (CORPORA / topic / f"{topic}.{suffix}.txt").read_text(encoding="utf-8")


def make_tagged_pairs(folder: Path, count: int, english: str = "errors",
                      topics_per_document: int = 1) -> list[str]:
    """``count`` pairs NAME.zh.txt / NAME.en.txt under new names; returns the names. With
    ``topics_per_document`` > 1 each document joins several topics (a slower check)."""
    names = []
    for i in range(count):
        topics = [TOPICS[(i + k) % len(TOPICS)] for k in range(topics_per_document)]
        name = f"doc{i:03d}"
        write(folder / f"{name}.zh.txt", "\n".join(corpus_text(t, "zh") for t in topics))
        write(folder / f"{name}.en.txt", "\n".join(corpus_text(t, english) for t in topics))
        names.append(name)
    return names


def batch(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["batch", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def records(path: Path) -> list[dict]:
    """Every line of a JSONL output, each of which must be valid JSON."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def job_rules(output: Path) -> set[tuple[str, str, tuple[str, ...]]]:
    """(source, target, sorted rules or the error) of each record: what two runs must agree
    on."""
    return {(r["job"]["source"], r["job"]["target"],
             (r["error"],) if "error" in r else tuple(sorted(f["rule"] for f in r["findings"])))
            for r in records(output)}


def summary_of(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def cli_process(*args: str | Path, **kwargs) -> subprocess.Popen:
    command = [sys.executable, "-m", "checker.cli", "batch", *map(str, args)]
    return subprocess.Popen(command, cwd=ROOT, **kwargs)


# ---------------------------------------------------------------- inputs


def test_directory_of_tagged_pairs_gives_one_report_per_pair(tmp_path: Path) -> None:
    names = make_tagged_pairs(tmp_path / "corpus", 4)
    write(tmp_path / "corpus" / "orphan.zh.txt", corpus_text("sport", "zh"))
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"

    code, _, _ = batch(tmp_path / "corpus", "-o", out, "--summary", summary, "--jobs", "2")

    assert code == 1  # planted errors are major and above
    found = records(out)
    assert sorted(Path(r["job"]["source"]).name for r in found) == \
        sorted(f"{n}.zh.txt" for n in names)
    for record in found:
        assert record["schema"] == 1 and record["findings"] and "score" in record
        assert record["source"]["path"] == record["job"]["source"]
        assert record["source"]["lang"] == "zh" and record["target"]["lang"] == "en"
        zh, en = Path(record["job"]["source"]), Path(record["job"]["target"])
        assert record["job"]["sha256"] == content_hash([zh.read_bytes(), en.read_bytes()])
    report = summary_of(summary)
    assert report["pairs"]["checked"] == 4 and report["pairs"]["errors"] == 0
    assert [u["path"] for u in report["unpaired"]] == [str(tmp_path / "corpus/orphan.zh.txt")]
    assert "orphan.en.txt" in report["unpaired"][0]["reason"]


def test_findings_per_rule_and_worst_documents_in_the_summary(tmp_path: Path) -> None:
    write(tmp_path / "c/seed.zh.txt", (CORPORA / "seed/seed.zh.txt").read_text("utf-8"))
    write(tmp_path / "c/seed.en.txt", (CORPORA / "seed/seed.en.txt").read_text("utf-8"))
    make_tagged_pairs(tmp_path / "c", 2, english="en")  # faithful: no findings
    summary = tmp_path / "summary.json"

    batch(tmp_path / "c", "-o", tmp_path / "out.jsonl", "--summary", summary, "-q")

    report = summary_of(summary)
    assert report["findings"]["by_rule"] == {"E205": 3}
    assert report["findings"]["by_severity"]["major"] == 3
    seed = [w for w in report["worst"] if w["source"].endswith("seed.zh.txt")]
    assert len(seed) == 1 and seed[0]["findings"] == 3
    assert 0 < report["scores"]["min"] < report["scores"]["max"] < 100.0
    assert sum(b["count"] for b in report["scores"]["bins"]) == 3


def test_glossary_and_rule_selection_reach_the_workers(tmp_path: Path) -> None:
    write(tmp_path / "c/seed.zh.txt", (CORPORA / "seed/seed.zh.txt").read_text("utf-8"))
    write(tmp_path / "c/seed.en.txt", (CORPORA / "seed/seed.en.txt").read_text("utf-8"))
    glossary = write(tmp_path / "house.tsv", "黄仁勋\tHuang Jen-hsun\n")
    with_glossary, numbers_only = tmp_path / "glossary.jsonl", tmp_path / "numbers.jsonl"

    batch(tmp_path / "c", "-o", with_glossary, "-q", "--glossary", glossary, "--jobs", "1")
    code, _, _ = batch(tmp_path / "c", "-o", numbers_only, "-q", "--select", "N", "--jobs", "1")

    [record] = records(with_glossary)
    assert "T101" in {f["rule"] for f in record["findings"]}
    assert records(numbers_only)[0]["findings"] == [] and code == 0


def test_parallel_zh_and_en_folders_pair_by_relative_path(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for name in ("a.txt", "news/b.txt"):
        write(corpus / "zh" / name, corpus_text("finance", "zh"))
        write(corpus / "en" / name, corpus_text("finance", "errors"))
    write(corpus / "en" / "only-english.txt", corpus_text("health", "en"))
    write(corpus / ".hidden" / "x.zh.txt", corpus_text("health", "zh"))

    write(corpus / "x.zh.txt", "中文")
    write(corpus / "x.ZH.txt", "中文")

    found = discover([corpus])

    assert [(s.source, s.target) for s in found.specs] == [
        (str(corpus / "zh/a.txt"), str(corpus / "en/a.txt")),
        (str(corpus / "zh/news/b.txt"), str(corpus / "en/news/b.txt")),
    ]
    assert [u.path for u in found.unpaired] == [
        str(corpus / "en/only-english.txt"), str(corpus / "x.zh.txt"), str(corpus / "x.ZH.txt")]
    assert "same name" in found.unpaired[1].reason + found.unpaired[2].reason


def test_the_same_pair_named_twice_is_checked_once(tmp_path: Path) -> None:
    make_tagged_pairs(tmp_path / "c", 2)
    found = discover([tmp_path / "c", tmp_path / "c"])
    assert len(found.specs) == 2 and found.duplicates == 2


def test_manifest_with_paths_relative_to_it_and_either_language_first(tmp_path: Path) -> None:
    write(tmp_path / "docs/a-zh.txt", corpus_text("finance", "zh"))
    write(tmp_path / "docs/a-en.txt", corpus_text("finance", "errors"))
    write(tmp_path / "docs/b-zh.txt", corpus_text("sport", "zh"))
    write(tmp_path / "docs/b-en.txt", corpus_text("sport", "errors"))
    write(tmp_path / "docs/b-ref.txt", corpus_text("sport", "en"))
    manifest = write(tmp_path / "lists/manifest.csv",
                     "source,target,reference\n"
                     "../docs/a-zh.txt,../docs/a-en.txt,\n"
                     "../docs/b-en.txt,../docs/b-zh.txt,../docs/b-ref.txt\n")
    out = tmp_path / "out.jsonl"

    code, _, _ = batch(manifest, "-o", out, "-q")

    assert code == 1
    by_source = {Path(r["job"]["source"]).name: r for r in records(out)}
    assert set(by_source) == {"a-zh.txt", "b-en.txt"}
    english_first = by_source["b-en.txt"]
    assert english_first["source"]["lang"] == "en" and english_first["target"]["lang"] == "zh"
    assert english_first["findings"]  # the planted errors are found in either direction
    assert english_first["job"]["reference"] == str(tmp_path / "lists/../docs/b-ref.txt")
    assert "reference" not in by_source["a-zh.txt"]["job"]


def test_tsv_manifest_is_told_from_a_bilingual_file_by_its_rows(tmp_path: Path) -> None:
    write(tmp_path / "a.zh.md", corpus_text("health", "zh"))
    write(tmp_path / "a.en.md", corpus_text("health", "errors"))
    manifest = write(tmp_path / "manifest.tsv", "source\ttarget\na.zh.md\ta.en.md\n")
    out = tmp_path / "out.jsonl"

    batch(manifest, "-o", out, "-q")

    [record] = records(out)
    assert record["job"]["source"] == str(tmp_path / "a.zh.md")
    assert record["findings"]


@pytest.mark.parametrize("content, problem", [
    ("zh,en\na.txt,b.txt\n", "header"),
    ("source,target\n", "no pairs"),
    ("source,target\na.txt,\n", "target cell is empty"),
    ("source,target\na.txt,b.txt,c.txt,d.txt\n", "columns"),
])
def test_a_bad_manifest_is_a_usage_error(tmp_path: Path, content: str, problem: str) -> None:
    manifest = write(tmp_path / "manifest.csv", content)
    code, _, err = batch(manifest, "-o", tmp_path / "out.jsonl")
    assert code == 2
    assert problem in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("args, problem", [
    ([], "Missing argument"),
    (["{tmp}/nothing-here"], "no such file or directory"),
    (["{tmp}/empty-dir"], "no document pairs found"),
    (["{tmp}/notes.txt"], "not a directory, a manifest"),
    (["{tmp}/empty-dir", "--resume"], "--resume needs --output"),
    (["{tmp}/empty-dir", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine"),
    (["{tmp}/empty-dir", "--chunk", "0"], "--chunk must be at least 1"),
])
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, args: list[str], problem: str
                                           ) -> None:
    (tmp_path / "empty-dir").mkdir()
    write(tmp_path / "notes.txt", "hello")
    code, _, err = batch(*(a.format(tmp=tmp_path) for a in args))
    assert code == 2 and problem in err and "Traceback" not in err


def test_a_folder_with_only_unpaired_files_names_them(tmp_path: Path) -> None:
    write(tmp_path / "c/a.zh.txt", corpus_text("sport", "zh"))
    code, _, err = batch(tmp_path / "c")
    assert code == 2 and "1 unpaired files" in err and "a.zh.txt" in err


def test_bilingual_tsv_one_job_per_file_or_per_chunk(tmp_path: Path) -> None:
    zh = corpus_text("statistics", "zh").splitlines()
    en = corpus_text("statistics", "errors").splitlines()
    lines = ["source\ttarget"] + [f"{z}\t{e}" for z, e in zip(zh, en, strict=True)]
    tsv = write(tmp_path / "tm.tsv", "\n".join(lines) + "\n")
    whole, chunked = tmp_path / "whole.jsonl", tmp_path / "chunked.jsonl"

    batch(tsv, "-o", whole, "-q")
    batch(tsv, "-o", chunked, "-q", "--chunk", "5")

    [single] = records(whole)
    assert single["job"]["source"] == single["job"]["target"] == str(tsv)
    assert len(single["segments"]) == len(zh)
    chunks = records(chunked)
    spans = sorted(tuple(r["job"]["lines"]) for r in chunks)
    expected_spans = [(start, min(start + 4, len(zh) + 1)) for start in range(2, len(zh) + 2, 5)]
    assert spans == expected_spans  # line 1 is the header
    assert sum(len(r["segments"]) for r in chunks) == len(zh)
    assert sorted(f["rule"] for r in chunks for f in r["findings"]) == \
        sorted(f["rule"] for f in single["findings"])


def test_a_bad_line_costs_only_its_chunk(tmp_path: Path) -> None:
    zh = corpus_text("sport", "zh").splitlines()
    en = corpus_text("sport", "en").splitlines()
    lines = [f"{z}\t{e}" for z, e in zip(zh, en, strict=True)]
    lines[6] = "a line without a tab"
    tsv = write(tmp_path / "tm.tsv", "\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"

    batch(tsv, "-o", out, "-q", "--chunk", "4", "--fail-on", "never")

    found = records(out)
    errors = [r for r in found if "error" in r]
    assert [r["job"]["lines"] for r in errors] == [[5, 8]]
    assert "line 7" in errors[0]["error"] and "no tab" in errors[0]["error"]
    assert len(found) - len(errors) == len(range(0, len(lines), 4)) - 1


# ---------------------------------------------------------------- robustness


def test_bad_files_in_the_middle_become_error_records(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    make_tagged_pairs(corpus, 6)
    write(corpus / "doc001.en.txt", b"caf\xe9 na\xefve \xc3\x28 \xff\x80" * 20)  # undecodable
    write(corpus / "doc002.zh.txt", b"")
    write(corpus / "doc003.en.txt", corpus_text("sport", "zh"))  # two Chinese files
    write(corpus / "doc004.zh.txt", "中" * 3000)  # 9,000 bytes: over --max-bytes below
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"

    code, _, _ = batch(corpus, "-o", out, "--summary", summary, "-q", "--max-bytes", "8000")

    assert code == 1  # the pairs that could be checked have major findings
    by_name = {Path(r["job"]["source"]).stem.split(".")[0]: r for r in records(out)}
    assert sorted(by_name) == [f"doc{i:03d}" for i in range(6)]
    errors = {name: r["error"] for name, r in by_name.items() if "error" in r}
    assert sorted(errors) == ["doc001", "doc002", "doc003", "doc004"]
    assert "cannot decode" in errors["doc001"]
    assert "empty" in errors["doc002"]
    assert "both files are Chinese" in errors["doc003"]
    assert "too large" in errors["doc004"]
    assert all("\n" not in e for e in errors.values())
    assert by_name["doc000"]["findings"] and by_name["doc005"]["findings"]
    report = summary_of(summary)
    assert report["pairs"]["errors"] == 4 and report["pairs"]["checked"] == 2
    assert len(report["errors"]) == 4


def test_every_pair_failing_is_exit_2(tmp_path: Path) -> None:
    write(tmp_path / "c/a.zh.txt", b"")
    write(tmp_path / "c/a.en.txt", corpus_text("sport", "en"))
    code, _, err = batch(tmp_path / "c", "-o", tmp_path / "out.jsonl", "-q")
    assert code == 2 and "no pair could be checked" in err
    assert "error" in records(tmp_path / "out.jsonl")[0]


def test_an_exception_in_the_pipeline_costs_only_its_pair(tmp_path: Path) -> None:
    zh = corpus_text("sport", "zh").encode()
    en = corpus_text("sport", "en").encode()
    job = Job(JobSpec("a.zh.txt", "a.en.txt"), content_hash([zh, en]), (zh, en))
    broken_options = CheckOptions(glossary=(42,))  # type: ignore[arg-type]

    outcome = check_job(job, broken_options)

    record = json.loads(outcome.line)
    assert record["error"].startswith("internal error: AttributeError")
    assert record["job"]["sha256"] == job.sha256 and outcome.line.count("\n") == 1
    assert json.loads(check_job(job, CheckOptions()).line)["findings"] == []


def crash_on_doc001(job: Job, options: CheckOptions) -> Outcome:
    """A check whose worker dies on one pair, as if killed for memory."""
    if "doc001" in job.spec.source:
        os._exit(9)
    return check_job(job, options)


def test_a_worker_that_dies_costs_only_its_pair(tmp_path: Path) -> None:
    from checker.batch.jobs import JobLoader

    make_tagged_pairs(tmp_path / "c", 5)
    loader = JobLoader()
    jobs = [loader.load(spec) for spec in discover([tmp_path / "c"]).specs]

    with LocalEngine(2, CheckOptions(), check=crash_on_doc001) as engine:
        outcomes = list(engine.run(jobs))

    found = {Path(o.digest.key[0]).name: o.digest for o in outcomes}
    assert len(outcomes) == 5 and len(found) == 5
    assert "died" in found["doc001.zh.txt"].error
    assert all(d.error is None and d.findings for n, d in found.items() if "doc001" not in n)


def test_a_run_killed_half_way_then_resumed_has_each_pair_once(tmp_path: Path) -> None:
    names = make_tagged_pairs(tmp_path / "c", 30, topics_per_document=3)
    out = tmp_path / "out.jsonl"
    process = cli_process(tmp_path / "c", "-o", out, "--jobs", "1", "-q",
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    lines_at_kill = _wait_for_lines(out, 5, process)
    workers = psutil.Process(process.pid).children(recursive=True)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert 5 <= lines_at_kill < 30, "the run must be killed half-way"
    records(out)  # whole lines only: every one parses
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, "orphaned workers must exit when their parent is killed"

    summary = tmp_path / "summary.json"
    code, _, _ = batch(tmp_path / "c", "-o", out, "--resume", "--summary", summary, "-q")

    assert code == 1
    sources = [Path(r["job"]["source"]).name for r in records(out)]
    assert sorted(sources) == sorted(f"{n}.zh.txt" for n in names)  # each exactly once
    report = summary_of(summary)
    assert report["pairs"]["from_earlier_run"] >= 5
    assert report["pairs"]["from_earlier_run"] + report["pairs"]["this_run"] == 30


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_ctrl_c_stops_cleanly_and_resume_finishes(tmp_path: Path, engine: str) -> None:
    names = make_tagged_pairs(tmp_path / "c", 30, topics_per_document=3)
    out = tmp_path / "out.jsonl"
    # a session of its own: Ctrl-C in a terminal signals the whole process group
    process = cli_process(tmp_path / "c", "-o", out, "--jobs", "2", "--engine", engine,
                          start_new_session=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    _wait_for_lines(out, 3, process)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)

    # the run's stderr and how far it got, should Ctrl-C ever end it with another code
    assert process.returncode == 130, (err.decode(), len(records(out)))
    assert "interrupted" in err.decode() and "Traceback" not in err.decode()
    assert len(records(out)) < 30
    batch(tmp_path / "c", "-o", out, "--resume", "-q", "--jobs", "2")
    sources = [Path(r["job"]["source"]).name for r in records(out)]
    assert sorted(sources) == sorted(f"{n}.zh.txt" for n in names)


def _wait_for_lines(path: Path, wanted: int, process: subprocess.Popen) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if path.exists():
            count = path.read_bytes().count(b"\n")
            if count >= wanted:
                return count
        assert process.poll() is None, process.stderr.read().decode()
        time.sleep(0.005)
    raise AssertionError("no output within a minute")


def test_resume_drops_a_partial_last_line_and_completes(tmp_path: Path) -> None:
    make_tagged_pairs(tmp_path / "c", 3)
    out = tmp_path / "out.jsonl"
    batch(tmp_path / "c", "-o", out, "-q")
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(lines[0] + lines[1][:50], encoding="utf-8")  # killed mid-line

    batch(tmp_path / "c", "-o", out, "--resume", "-q")

    assert job_rules(out) == {(r["job"]["source"], r["job"]["target"],
                               tuple(sorted(f["rule"] for f in r["findings"])))
                              for r in map(json.loads, lines)}
    assert out.read_text(encoding="utf-8").count("\n") == 3


def test_resume_checks_changed_files_and_retries_errors_once(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    make_tagged_pairs(corpus, 3)
    write(corpus / "doc002.zh.txt", b"")
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    batch(corpus, "-o", out, "-q")
    first = {Path(r["job"]["source"]).name: r for r in records(out)}
    assert "error" in first["doc002.zh.txt"]

    write(corpus / "doc002.zh.txt", corpus_text(TOPICS[2], "zh"))  # fixed
    write(corpus / "doc000.en.txt", corpus_text("finance", "en"))  # changed: no errors now
    batch(corpus, "-o", out, "--resume", "--summary", summary, "-q")

    final = {Path(r["job"]["source"]).name: r for r in records(out)}
    assert len(records(out)) == 3
    assert final["doc001.zh.txt"] == first["doc001.zh.txt"]  # untouched, not checked again
    assert "error" not in final["doc002.zh.txt"]
    changed = final["doc000.zh.txt"]
    assert changed["job"]["sha256"] != first["doc000.zh.txt"]["job"]["sha256"]
    assert changed["findings"] == []
    assert summary_of(summary)["pairs"]["from_earlier_run"] == 1


def test_resume_refuses_a_file_that_is_not_a_batch_output(tmp_path: Path) -> None:
    make_tagged_pairs(tmp_path / "c", 1)
    out = write(tmp_path / "out.jsonl", "some notes\n")
    code, _, err = batch(tmp_path / "c", "-o", out, "--resume")
    assert code == 2 and "line 1 is not a batch record" in err
    assert out.read_text(encoding="utf-8") == "some notes\n"


def test_jsonl_to_stdout_and_the_summary_to_stderr(tmp_path: Path) -> None:
    make_tagged_pairs(tmp_path / "c", 2)
    done = subprocess.run([sys.executable, "-m", "checker.cli", "batch", str(tmp_path / "c")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["findings"] for line in lines)
    assert "2 of 2 jobs checked" in done.stderr


# ---------------------------------------------------------------- exit codes and progress


@pytest.mark.parametrize("fail_on, code", [
    ("major", 1), ("minor", 1), ("critical", 0), ("never", 0)])
def test_fail_on_over_the_whole_batch(tmp_path: Path, fail_on: str, code: int) -> None:
    write(tmp_path / "c/seed.zh.txt", (CORPORA / "seed/seed.zh.txt").read_text("utf-8"))
    write(tmp_path / "c/seed.en.txt", (CORPORA / "seed/seed.en.txt").read_text("utf-8"))
    make_tagged_pairs(tmp_path / "c", 2, english="en")  # faithful
    args = ["-o", tmp_path / "out.jsonl", "-q", "--jobs", "1", "--fail-on", fail_on]
    assert batch(tmp_path / "c", *args)[0] == code  # the seed pair has 3 major findings


def test_a_faithful_batch_exits_0(tmp_path: Path) -> None:
    make_tagged_pairs(tmp_path / "c", 3, english="en")
    assert batch(tmp_path / "c", "-o", tmp_path / "out.jsonl", "-q")[0] == 0


def test_progress_shows_on_a_terminal_and_not_in_a_pipe(tmp_path: Path) -> None:
    make_tagged_pairs(tmp_path / "c", 3)
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120"}
    piped = cli_process(tmp_path / "c", "-o", tmp_path / "a.jsonl", env=env,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, piped_err = piped.communicate(timeout=120)
    primary, secondary = pty.openpty()
    on_terminal = cli_process(tmp_path / "c", "-o", tmp_path / "b.jsonl", env=env,
                              stdout=subprocess.DEVNULL, stderr=secondary)
    os.close(secondary)
    terminal_err = _read_all(primary)
    on_terminal.wait(timeout=120)

    assert b"pairs/s" in terminal_err and b"3/3" in terminal_err and b"ETA" in terminal_err
    assert b"pairs/s" not in piped_err and b"ETA" not in piped_err
    assert records(tmp_path / "a.jsonl") and records(tmp_path / "b.jsonl")


def _read_all(descriptor: int) -> bytes:
    data = b""
    while True:
        try:
            chunk = os.read(descriptor, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        data += chunk
    os.close(descriptor)
    return data


def test_help_and_check_do_not_import_dask() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from checker.cli import app\n"
        "CliRunner().invoke(app, ['--help'])\n"
        f"CliRunner().invoke(app, ['check', r'{CORPORA}/seed/seed.zh.txt',"
        f" r'{CORPORA}/seed/seed.en.txt'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


# ---------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def dask_cluster():
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    yield cluster
    cluster.close()


def test_dask_cluster_gives_the_local_engine_findings(tmp_path: Path, dask_cluster) -> None:
    corpus = tmp_path / "c"
    make_tagged_pairs(corpus, 8)
    make_tagged_pairs(corpus / "faithful", 3, english="en")
    write(corpus / "bad.zh.txt", b"")
    write(corpus / "bad.en.txt", corpus_text("sport", "en"))
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"

    batch(corpus, "-o", local, "-q", "--jobs", "2")
    code, _, _ = batch(corpus, "-o", remote, "-q", "--engine", "dask",
                       "--scheduler", dask_cluster.scheduler_address)

    assert code == 1
    assert len(records(remote)) == 12
    assert job_rules(remote) == job_rules(local)
    # the very same lines, apart from their order
    assert sorted(remote.read_text("utf-8").splitlines()) == \
        sorted(local.read_text("utf-8").splitlines())


def test_dask_resumes_like_the_local_engine(tmp_path: Path, dask_cluster) -> None:
    make_tagged_pairs(tmp_path / "c", 6)
    out = tmp_path / "out.jsonl"
    batch(tmp_path / "c", "-o", out, "-q", "--jobs", "1")
    kept = out.read_text(encoding="utf-8").splitlines(keepends=True)[:2]
    out.write_text("".join(kept), encoding="utf-8")

    batch(tmp_path / "c", "-o", out, "-q", "--resume", "--engine", "dask",
          "--scheduler", dask_cluster.scheduler_address)

    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[:2] == kept and len(lines) == 6
    assert len({r["job"]["source"] for r in records(out)}) == 6


def test_dask_without_an_address_starts_a_local_cluster(tmp_path: Path) -> None:
    make_tagged_pairs(tmp_path / "c", 3)
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    code, _, _ = batch(tmp_path / "c", "-o", out, "-q", "--engine", "dask", "--jobs", "2",
                       "--summary", summary)
    assert code == 1 and len(records(out)) == 3
    assert summary_of(summary)["run"]["engine"] == "dask"


def test_a_job_that_kills_dask_workers_costs_only_itself(tmp_path: Path) -> None:
    import dask
    from distributed import LocalCluster

    from checker.batch.dask_engine import DaskEngine
    from checker.batch.jobs import JobLoader

    make_tagged_pairs(tmp_path / "c", 5)
    loader = JobLoader()
    jobs = [loader.load(spec) for spec in discover([tmp_path / "c"]).specs]
    # the first death of a worker fails its task, instead of the third
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
    try:
        with DaskEngine(cluster.scheduler_address, 2, CheckOptions(),
                        check=crash_on_doc001) as engine:
            outcomes = list(engine.run(jobs))
    finally:
        cluster.close()

    found = {Path(o.digest.key[0]).name: o.digest for o in outcomes}
    assert len(outcomes) == 5 and len(found) == 5
    assert "died" in found["doc001.zh.txt"].error
    assert all(d.error is None and d.findings for n, d in found.items() if "doc001" not in n)


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    import dask

    make_tagged_pairs(tmp_path / "c", 1)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code, _, err = batch(tmp_path / "c", "-o", tmp_path / "out.jsonl", "--engine", "dask",
                             "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and "cannot connect to the Dask scheduler" in err


def test_job_hash_covers_both_files_in_order() -> None:
    assert content_hash([b"ab", b"c"]) != content_hash([b"a", b"bc"])
    assert content_hash([b"x"]) == hashlib.sha256(
        (1).to_bytes(8, "big") + b"x").hexdigest()
    assert JobSpec("a", "b", lines=(1, 2)).identity == ("a", "b", (1, 2))

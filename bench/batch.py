"""Batch throughput and memory: 2,000 document pairs through `checker batch`'s engines.

The corpus is built in a temp dir: every pair of corpora/ (faithful and with planted errors)
and, when the WMT21 news data is present, its zh-en test set cut into documents of 20 lines,
each facing the reference and every system output. Without WMT the corpora/ pairs are
repeated under new names to reach 2,000.

Each configuration — 1 and 2 local worker processes, a 2-worker LocalCluster — checks the
whole corpus once (2,000 pairs × 3 configurations is what fits in the time budget; a repeat
would double it), through ``run_batch``, the code behind the CLI. The wall time includes
finding the pairs, starting the workers and writing the JSONL, as a user would see it.
Memory is each worker's resident set after each of its jobs, measured in the worker (psutil).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, WMT21_DIR, WMT21_REFERENCE, WMT21_SOURCE, missing, title
from checker.batch.runner import BatchResult, BatchSettings, run_batch

PAIRS = 2000
LINES_PER_DOCUMENT = 20
WORKERS = 2
FIRST_PAIRS = 100  # memory after these is compared with memory after the last pair
TARGET_SPEEDUP = 1.8
TARGET_PEAK_MB = 1024
FLAT_TOLERANCE_MB = 25  # RSS varies by a few MB with the document in hand
CORPORA = ROOT / "corpora"
SYSTEM_OUTPUTS = WMT21_DIR / "system-outputs"


# ---------------------------------------------------------------- the corpus


def corpora_pairs() -> list[tuple[str, str, str]]:
    """(name, Chinese text, English text) for each pair in corpora/."""
    pairs = []
    for zh in sorted(CORPORA.glob("*/*.zh.txt")):
        topic = zh.parent.name
        for en in sorted(zh.parent.glob(f"{topic}*.en.txt")):
            variant = en.name.removeprefix(f"{topic}.").removesuffix(".en.txt") or "faithful"
            pairs.append((f"corpora-{topic}-{variant}", zh.read_text("utf-8"),
                          en.read_text("utf-8")))
    return pairs


def wmt_pairs() -> list[tuple[str, str, str]]:
    """(name, Chinese chunk, English chunk): the test set in documents of 20 lines, each
    against the reference, then against each system output."""
    source = WMT21_SOURCE.read_text("utf-8").splitlines()
    translations = [("ref-A", WMT21_REFERENCE)] + [
        (path.name.split(".hyp.")[1].removesuffix(".en"), path)
        for path in sorted(SYSTEM_OUTPUTS.glob("newstest2021.zh-en.hyp.*.en"))]
    pairs = []
    for system, path in translations:
        english = path.read_text("utf-8").splitlines()
        if len(english) != len(source):
            continue
        for start in range(0, len(source), LINES_PER_DOCUMENT):
            end = start + LINES_PER_DOCUMENT
            pairs.append((f"wmt-{system}-{start // LINES_PER_DOCUMENT:03d}",
                          "\n".join(source[start:end]) + "\n",
                          "\n".join(english[start:end]) + "\n"))
    return pairs


def build_corpus(folder: Path) -> str:
    """Write PAIRS pairs as NAME.zh.txt / NAME.en.txt; returns where they came from."""
    base = corpora_pairs()
    absent = missing(WMT21_SOURCE, WMT21_REFERENCE)
    extra = [] if absent else wmt_pairs()
    chosen = (base + extra)[:PAIRS]
    copy = 1
    while len(chosen) < PAIRS:  # no WMT data: the corpora/ pairs again, under new names
        chosen += [(f"{name}-copy{copy}", zh, en) for name, zh, en in base]
        copy += 1
    for name, zh, en in chosen[:PAIRS]:
        (folder / f"{name}.zh.txt").write_text(zh, encoding="utf-8")
        (folder / f"{name}.en.txt").write_text(en, encoding="utf-8")
    wmt_used = max(0, min(len(extra), PAIRS - len(base)))
    source = f"{len(base)} corpora/ pairs + {wmt_used} WMT21 chunks of {LINES_PER_DOCUMENT} lines"
    if absent:
        source += f" (WMT21 not found: {absent}; corpora/ pairs repeated)"
    return source


# ---------------------------------------------------------------- runs


def run(corpus: Path, output: Path, engine: str, workers: int) -> tuple[float, BatchResult]:
    output.unlink(missing_ok=True)
    settings = BatchSettings(inputs=(corpus,), output=output, engine=engine, workers=workers,
                             fail_on="never")
    started = time.perf_counter()
    result = run_batch(settings)
    return time.perf_counter() - started, result


def sentence_pairs(output: Path) -> int:
    with output.open(encoding="utf-8") as stream:
        return sum(len(json.loads(line).get("segments", ())) for line in stream)


def memory_line(result: BatchResult, workers: int) -> tuple[str, float, float]:
    """Peak RSS per worker, and RSS after the first 100 pairs of the batch vs after the last
    (each worker did about 100/workers of those first pairs); returns the text, the highest
    peak and the largest growth, in MB."""
    parts, peaks, growths = [], [], []
    first_index = FIRST_PAIRS // workers - 1
    for pid, samples in sorted(result.worker_memory.items()):
        peak = max(samples) / 2**20
        early = samples[min(first_index, len(samples) - 1)] / 2**20
        middle = samples[len(samples) // 2] / 2**20
        last = samples[-1] / 2**20
        parts.append(f"pid {pid}: peak {peak:.0f} MB; after ~{FIRST_PAIRS} pairs {early:.0f}, "
                     f"half-way {middle:.0f}, at the end {last:.0f} MB ({len(samples)} jobs)")
        peaks.append(peak)
        growths.append(last - early)
    return "; ".join(parts), max(peaks), max(growths)


def report(label: str, seconds: float, result: BatchResult, output: Path, workers: int
           ) -> float:
    pairs = result.summary["pairs"]
    assert pairs["checked"] + pairs["errors"] == PAIRS, pairs
    segments = sentence_pairs(output)
    rate = PAIRS / seconds
    print(f"{label:<28} {seconds:7.1f} s  {rate:6.1f} pairs/s  {segments / seconds:7.0f} "
          f"sentence pairs/s  ({pairs['errors']} errors, {segments} sentence pairs)")
    text, peak, growth = memory_line(result, workers)
    print(f"  memory: {text}")
    flat = "flat" if growth <= FLAT_TOLERANCE_MB else "GROWING"
    print(f"  peak per worker {peak:.0f} MB (target < {TARGET_PEAK_MB} MB: "
          f"{'met' if peak < TARGET_PEAK_MB else 'MISSED'}); growth from pair {FIRST_PAIRS} to "
          f"the last {growth:+.0f} MB ({flat}, tolerance {FLAT_TOLERANCE_MB} MB)")
    return rate


def main() -> None:
    title(f"Batch: {PAIRS} document pairs, local workers and a Dask LocalCluster")
    with tempfile.TemporaryDirectory(prefix="checker-batch-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        started = time.perf_counter()
        print(f"corpus: {build_corpus(corpus)}; built in {time.perf_counter() - started:.1f} s")
        output = Path(tmp) / "out.jsonl"
        rates = {}
        for label, engine, workers in (("local, 1 worker", "local", 1),
                                       (f"local, {WORKERS} workers", "local", WORKERS),
                                       (f"dask LocalCluster, {WORKERS}", "dask", WORKERS)):
            seconds, result = run(corpus, output, engine, workers)
            rates[label] = report(label, seconds, result, output, workers)
        speedup = rates[f"local, {WORKERS} workers"] / rates["local, 1 worker"]
        verdict = "met" if speedup >= TARGET_SPEEDUP else "MISSED"
        print(f"speed-up {WORKERS} vs 1 local workers: {speedup:.2f}× "
              f"(target ≥ {TARGET_SPEEDUP}×: {verdict})")
        shutil.rmtree(corpus)


if __name__ == "__main__":
    main()

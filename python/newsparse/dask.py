"""Dask integration: the seven tables of a Dask DataFrame of articles, as Dask DataFrames.

Each partition is parsed by one task; the seven tables take their partitions from that same
task, so computing them together (``dask.compute(*tables)``) parses every article once.
``doc_id`` is the article's position in the whole Dask DataFrame, as with ``parse`` on the
same rows.

Example (not run by doctest: it needs dask)::

    import dask.dataframe as dd
    import newsparse.dask
    ddf = dd.read_parquet("articles/")
    t = newsparse.dask.parse(ddf, text="text", published="date")
    t.events.groupby("root").size().compute()

Workers start their own processes (``distributed`` spawns them), so the Rust thread pool
is never inherited across a fork; ``workers`` (threads per task) defaults to 1 because
Dask already runs one task per core.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from .corpus import TABLES, empty_table

__all__ = ["DaskTables", "parse"]


@dataclass
class DaskTables:
    """The seven tables as Dask DataFrames."""

    articles: Any
    sentences: Any
    entities: Any
    quotes: Any
    dates: Any
    amounts: Any
    events: Any

    def compute(self, **kwargs: Any) -> dict[str, pd.DataFrame]:
        """Compute all seven tables in one pass (each article parsed once)."""
        from dask.base import compute

        frames = compute(*(getattr(self, n) for n in TABLES), **kwargs)
        return dict(zip(TABLES, frames, strict=True))


def _parse_partition(
    part: pd.DataFrame,
    offset: int,
    text: str,
    id: str | None,
    published: str | None,
    kwargs: dict[str, Any],
) -> dict[str, pd.DataFrame]:
    from ._api import parse as _parse

    corpus = _parse(
        part[text].tolist(),
        ids=part[id].tolist() if id else None,
        published=part[published].tolist() if published else None,
        **kwargs,
    )
    corpus.shift_doc_ids(offset)
    return corpus.tables


def parse(
    ddf: Any,
    text: str = "text",
    id: str | None = None,
    published: str | None = None,
    workers: int = 1,
    **kwargs: Any,
) -> DaskTables:
    """Parse the ``text`` column of a Dask DataFrame into seven Dask DataFrames.

    Args:
        ddf: a ``dask.dataframe.DataFrame`` with a column of article texts.
        text: the text column's name.
        id: a column to keep as ``id`` in every table.
        published: a column of publication dates (the anchor for relative dates).
        workers: threads per partition task.
        kwargs: passed on to :func:`newsparse.parse` (``lexicon``, ``max_chars``, ...).
    """
    import dask
    import dask.dataframe as dd
    from dask.delayed import delayed

    for col in (text, id, published):
        if col is not None and col not in ddf.columns:
            raise KeyError(f"the Dask DataFrame has no column {col!r}")
    lengths = ddf.map_partitions(len).compute()
    offsets, total = [], 0
    for n in lengths:
        offsets.append(total)
        total += int(n)
    kwargs = dict(kwargs, workers=workers)
    parts = [
        delayed(_parse_partition)(p, off, text, id, published, kwargs)
        for p, off in zip(ddf.to_delayed(), offsets, strict=True)
    ]
    out = {}
    # Keep text columns as Python objects: Dask's string conversion would turn the list
    # column `sources` into its repr and None into <NA>.
    with dask.config.set({"dataframe.convert-string": False}):
        for name in TABLES:
            meta = empty_table(name, with_id=id is not None)
            out[name] = dd.from_delayed(
                [delayed(_table)(p, name) for p in parts], meta=meta, verify_meta=False
            )
    return DaskTables(**out)


def _table(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    return tables[name]

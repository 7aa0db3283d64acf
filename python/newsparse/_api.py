"""parse() and friends: arguments checked and converted here, the work done in Rust."""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from . import _core
from ._progress import Progress, interactive
from .corpus import Corpus, build_tables
from .exceptions import NewsparseError
from .lexicon import Lexicon

__all__ = ["parse", "iter_parse", "resolve_workers"]

DEFAULT_MAX_CHARS = 20_000_000
_EPOCH = _dt.date(1970, 1, 1)


def resolve_workers(workers: int | None) -> int:
    """Threads to use: ``workers``, else ``$NEWSPARSE_NUM_THREADS``, else all cores.

    Example:
        >>> from newsparse._api import resolve_workers
        >>> resolve_workers(3)
        3
    """
    if workers is None:
        env = os.environ.get("NEWSPARSE_NUM_THREADS", "").strip()
        if env:
            try:
                workers = int(env)
            except ValueError:
                raise ValueError(
                    f"NEWSPARSE_NUM_THREADS must be a positive integer, not {env!r}"
                ) from None
        else:
            workers = os.cpu_count() or 1
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive integer, not {workers!r}")
    return workers


def _as_list(values: Any, what: str) -> list[Any]:
    if values is None:
        raise TypeError(f"{what} must be an iterable of str, not None")
    if isinstance(values, (str, bytes)):
        raise TypeError(
            f"{what} must be an iterable of str, not a single {type(values).__name__}; "
            "wrap one document in a list"
        )
    if isinstance(values, list):
        return values
    tolist = getattr(values, "tolist", None)  # pandas Series / numpy array
    if callable(tolist):
        return list(tolist())
    try:
        return list(values)
    except TypeError:
        raise TypeError(f"{what} must be an iterable of str, not {type(values).__name__}") from None


def _days(value: Any, i: int) -> int | None:
    """A publication date as days since 1970-01-01, or None."""
    if value is None:
        return None
    try:
        import pandas as pd

        if value is pd.NaT or (isinstance(value, float) and value != value):
            return None
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    if isinstance(value, _dt.datetime):
        value = value.date()
    elif isinstance(value, str):
        s = value.strip()
        try:
            value = _dt.date.fromisoformat(s[:10])
        except ValueError:
            raise ValueError(
                f"published[{i}] = {value!r} is not an ISO date (YYYY-MM-DD)"
            ) from None
    elif hasattr(value, "astype") and "datetime64" in str(getattr(value, "dtype", "")):
        return _days(str(value)[:10], i) if str(value) != "NaT" else None
    if not isinstance(value, _dt.date):
        raise ValueError(
            f"published[{i}] is {type(value).__name__}; expected a date, datetime, "
            "ISO string, pandas Timestamp or None"
        )
    return (value - _EPOCH).days


def _anchors(published: Any, n: int) -> list[int | None]:
    if published is None:
        return [None] * n
    if isinstance(published, (str, _dt.date)):
        raise TypeError("published must be one date per text (a list), not a single date")
    values = _as_list(published, "published")
    if len(values) != n:
        raise ValueError(f"published has {len(values)} entries for {n} texts")
    return [_days(v, i) for i, v in enumerate(values)]


def parse(
    texts: Iterable[str],
    ids: Iterable[Any] | None = None,
    published: Iterable[Any] | None = None,
    workers: int | None = None,
    *,
    lexicon: Lexicon | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    errors: str = "record",
    progress: bool | None = None,
    _fail_on: list[int] | None = None,
) -> Corpus:
    """Parse news articles into seven pandas tables.

    Args:
        texts: the articles, any iterable of ``str`` (list, tuple, Series, generator).
        ids: optional user ids, one per text, kept as the ``id`` column of every table.
        published: optional publication dates, one per text (``date``, ``datetime``, ISO
            string, ``pd.Timestamp`` or ``None``), the anchor for relative dates when the
            text states no date of its own.
        workers: threads (default ``$NEWSPARSE_NUM_THREADS``, else all cores).
        lexicon: a :class:`Lexicon` with the user's own actors, titles and verb patterns.
        max_chars: longer documents are cut to this many characters, noted in ``error``.
        errors: ``"record"`` (default): a document that fails is a row of ``articles`` with
            its ``error`` set, the others are complete; ``"raise"``: raise
            :class:`NewsparseError` naming the document.
        progress: show a tqdm progress bar (``None``: when tqdm is installed, in a terminal
            or a notebook, and the input is large enough to take more than a few seconds).

    Returns:
        A :class:`Corpus` with ``articles``, ``sentences``, ``entities``, ``quotes``,
        ``dates``, ``amounts`` and ``events`` DataFrames.

    Example:
        >>> import newsparse
        >>> corpus = newsparse.parse(["TEHRAN - Iran's foreign minister met his counterpart."])
        >>> list(corpus.articles.columns)[:3]
        ['doc_id', 'title', 'published']
        >>> len(corpus.articles)
        1
    """
    items = _as_list(texts, "texts")
    n = len(items)
    id_list = None
    if ids is not None:
        id_list = _as_list(ids, "ids")
        if len(id_list) != n:
            raise ValueError(f"ids has {len(id_list)} entries for {n} texts")
    anchors = _anchors(published, n)
    if errors not in ("record", "raise"):
        raise ValueError(f"errors must be 'record' or 'raise', not {errors!r}")
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError(f"max_chars must be a positive integer, not {max_chars!r}")
    compiled = lexicon.compiled() if lexicon is not None else None
    n_workers = resolve_workers(workers)
    columns = _run(items, anchors, n_workers, compiled, max_chars, _fail_on, progress)
    tables = build_tables(columns, id_list)
    corpus = Corpus(tables, texts=items, ids=id_list)
    if errors == "raise":
        failed = corpus.articles[
            corpus.articles["error"].str.startswith("internal error", na=False)
        ]
        if len(failed):
            row = failed.iloc[0]
            raise NewsparseError(f"document {int(row['doc_id'])} failed: {row['error']}")
    return corpus


# Inputs larger than this many characters get a progress bar (when one is wanted): a few
# seconds of work at the pipeline's speed.
PROGRESS_MIN_CHARS = 16_000_000


def _run(
    items: list[Any],
    anchors: list[int | None],
    workers: int,
    compiled: Any,
    max_chars: int,
    fail_on: list[int] | None,
    progress: bool | None,
) -> dict[str, dict[str, Any]]:
    """The core's columns for all items; in slices with a progress bar when it is large."""
    if progress is False or (progress is None and not interactive()):
        return _core.parse_columns(items, anchors, workers, compiled, max_chars, fail_on)
    total = sum(len(t) for t in items if isinstance(t, str))
    if progress is None and total < PROGRESS_MIN_CHARS:
        return _core.parse_columns(items, anchors, workers, compiled, max_chars, fail_on)
    bar = Progress(total, True)
    step = max(1, len(items) // 100)
    parts = []
    done = 0
    try:
        for lo in range(0, len(items), step):
            chunk = items[lo : lo + step]
            fails = [i - lo for i in fail_on or [] if lo <= i < lo + step] or None
            try:
                part = _core.parse_columns(
                    chunk, anchors[lo : lo + step], workers, compiled, max_chars, fails
                )
            except (TypeError, ValueError) as e:  # name the position in the whole input
                raise type(e)(_shift_positions(str(e), lo)) from None
            for table in part.values():
                table["doc_id"] += lo
            parts.append(part)
            done += sum(len(t) for t in chunk if isinstance(t, str))
            bar.update(done, lo + len(chunk))
    finally:
        bar.close()
    return _concat_columns(parts)


def _shift_positions(message: str, offset: int) -> str:
    """`texts[3]` in a slice's error message -> its position in the whole input."""
    return re.sub(r"texts\[(\d+)\]", lambda m: f"texts[{int(m[1]) + offset}]", message)


def _concat_columns(parts: list[dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name in parts[0]:
        out[name] = {}
        for col, first in parts[0][name].items():
            values = [p[name][col] for p in parts]
            if isinstance(first, np.ndarray):
                out[name][col] = np.concatenate(values)
            else:
                out[name][col] = [v for vs in values for v in vs]
    return out


def iter_parse(
    texts: Iterable[str],
    batch_size: int = 10_000,
    ids: Iterable[Any] | None = None,
    published: Iterable[Any] | None = None,
    **kwargs: Any,
) -> Iterator[Corpus]:
    """Parse a stream of texts in batches, yielding one :class:`Corpus` per batch.

    ``doc_id`` keeps counting across batches, so rows of different batches never collide.
    Only one batch of texts is held in memory at a time.

    Example:
        >>> import newsparse
        >>> docs = (f"Story number {i}. It is short." for i in range(5))
        >>> [len(c.articles) for c in newsparse.iter_parse(docs, batch_size=2)]
        [2, 2, 1]
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, not {batch_size!r}")
    if texts is None or isinstance(texts, (str, bytes)):
        _as_list(texts, "texts")  # raises the usual TypeError
    text_it = iter(texts)
    id_it = iter(ids) if ids is not None else None
    pub_it = iter(published) if published is not None else None
    offset = 0
    while True:
        batch = []
        for t in text_it:
            batch.append(t)
            if len(batch) == batch_size:
                break
        if not batch:
            return
        b_ids = [next(id_it) for _ in batch] if id_it is not None else None
        b_pub = [next(pub_it) for _ in batch] if pub_it is not None else None
        corpus = parse(batch, ids=b_ids, published=b_pub, **kwargs)
        corpus.shift_doc_ids(offset)
        offset += len(batch)
        yield corpus

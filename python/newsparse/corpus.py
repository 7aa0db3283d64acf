"""The Corpus: seven pandas DataFrames built once from the Rust core's columns."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from .display import DocumentView

__all__ = ["Corpus", "SCHEMA", "TABLES", "build_tables", "empty_table"]

# The contract: every table's columns, in order, with their dtypes ("str" columns hold
# str or None, as object). `id` follows `doc_id` when the caller gave ids.
SCHEMA: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("doc_id", "int64"),
        ("title", "str"),
        ("published", "datetime64[ns]"),
        ("dateline", "str"),
        ("sources", "object"),
        ("body_start", "int64"),
        ("n_chars", "int64"),
        ("n_sentences", "int64"),
        ("error", "str"),
    ],
    "sentences": [("doc_id", "int64"), ("sentence", "int64"), ("start", "int64"), ("end", "int64")],
    "entities": [
        ("doc_id", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "str"),
        ("kind", "str"),
        ("canonical", "str"),
        ("code", "str"),
        ("title", "str"),
    ],
    "quotes": [
        ("doc_id", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "str"),
        ("speaker", "str"),
        ("speaker_start", "int64"),
        ("speaker_end", "int64"),
        ("verb", "str"),
        ("partial", "bool"),
    ],
    "dates": [
        ("doc_id", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "str"),
        ("value", "str"),
        ("granularity", "str"),
        ("relative", "bool"),
    ],
    "amounts": [
        ("doc_id", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "str"),
        ("value", "float64"),
        ("unit", "str"),
    ],
    "events": [
        ("doc_id", "int64"),
        ("sentence", "int64"),
        ("source", "str"),
        ("source_agent", "str"),
        ("source_text", "str"),
        ("target", "str"),
        ("target_agent", "str"),
        ("target_text", "str"),
        ("code", "str"),
        ("root", "str"),
        ("plover", "str"),
        ("quad_class", "int64"),
        ("goldstein", "float64"),
        ("date", "str"),
        ("location", "str"),
        ("text", "str"),
    ],
}
TABLES = tuple(SCHEMA)
# Tables whose rows point into the text with start/end.
SPAN_TABLES = ("sentences", "entities", "quotes", "dates", "amounts")


def _column(values: Any, dtype: str) -> Any:
    if dtype == "datetime64[ns]":
        return np.asarray(values, dtype=np.int64).view("datetime64[D]").astype("datetime64[ns]")
    if dtype in ("str", "object"):
        return _objects(values)
    return np.asarray(values, dtype=dtype)


def _objects(values: Any) -> pd.Series:
    """An object column (str or None), whatever pandas' default string dtype is."""
    if isinstance(values, np.ndarray) and values.dtype == object:
        return pd.Series(values, dtype=object, copy=False)
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return pd.Series(out, dtype=object, copy=False)


def empty_table(name: str, with_id: bool = False) -> pd.DataFrame:
    """A table of the contract's shape with no rows."""
    return _frame(name, {c: [] for c, _ in SCHEMA[name]}, None, with_id)


def _frame(name: str, cols: dict[str, Any], ids: np.ndarray | None, with_id: bool) -> pd.DataFrame:
    data: dict[str, Any] = {}
    for col, dtype in SCHEMA[name]:
        data[col] = _column(cols[col], dtype)
        if col == "doc_id" and with_id:
            doc = data["doc_id"]
            data["id"] = _objects(ids[doc] if ids is not None else [])
    return pd.DataFrame(data, copy=False)


def build_tables(
    columns: dict[str, dict[str, Any]], ids: list[Any] | None
) -> dict[str, pd.DataFrame]:
    """DataFrames from the core's `{table: {column: values}}`, each built once."""
    id_arr = None
    if ids is not None:
        id_arr = np.empty(len(ids), dtype=object)
        id_arr[:] = ids
    return {name: _frame(name, columns[name], id_arr, ids is not None) for name in TABLES}


class Corpus:
    """The tables extracted from a batch of articles.

    Attributes ``articles``, ``sentences``, ``entities``, ``quotes``, ``dates``,
    ``amounts`` and ``events`` are pandas DataFrames; every table starts with ``doc_id``
    (the text's position in the input), then ``id`` when ids were given.

    Example:
        >>> import newsparse
        >>> c = newsparse.parse(["One story.", "Another story."])
        >>> len(c)
        2
        >>> c[1].articles["doc_id"].tolist()
        [1]
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    entities: pd.DataFrame
    quotes: pd.DataFrame
    dates: pd.DataFrame
    amounts: pd.DataFrame
    events: pd.DataFrame

    def __init__(
        self,
        tables: dict[str, pd.DataFrame],
        texts: list[str] | None = None,
        ids: list[Any] | None = None,
    ) -> None:
        for name in TABLES:
            setattr(self, name, tables[name])
        self._texts = texts
        self._ids = ids

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The seven tables by name.

        Example:
            >>> import newsparse
            >>> list(newsparse.parse(["A story."]).tables)[:3]
            ['articles', 'sentences', 'entities']
        """
        return {name: getattr(self, name) for name in TABLES}

    @property
    def texts(self) -> dict[int, str]:
        """The input text of each document, by ``doc_id`` (empty if not kept).

        Example:
            >>> import newsparse
            >>> newsparse.parse(["One.", "Two."]).texts
            {0: 'One.', 1: 'Two.'}
        """
        if self._texts is None:
            return {}
        return dict(zip(self.articles["doc_id"].tolist(), self._texts, strict=False))

    @property
    def errors(self) -> pd.DataFrame:
        """The ``articles`` rows of documents that could not be read or processed in full.

        Example:
            >>> import newsparse
            >>> c = newsparse.parse(["Fine.", "Far too long."], max_chars=5)
            >>> c.errors["doc_id"].tolist()
            [1]
        """
        a = self.articles
        return a[a["error"].notna()]

    def shift_doc_ids(self, offset: int) -> None:
        """Add ``offset`` to ``doc_id`` in every table (batches of a stream).

        Example:
            >>> import newsparse
            >>> c = newsparse.parse(["A story."])
            >>> c.shift_doc_ids(100)
            >>> c.articles["doc_id"].tolist()
            [100]
        """
        if offset:
            for name in TABLES:
                getattr(self, name)["doc_id"] += offset

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(getattr(self, name))}" for name in TABLES[1:])
        return f"<Corpus {len(self)} documents: {counts}>"

    def __getitem__(self, key: Any) -> Corpus:
        """A sub-corpus of the documents with these ``doc_id`` values (int, slice or list)."""
        doc_ids = self.articles["doc_id"].to_numpy()
        if isinstance(key, (int, np.integer)):
            if key not in set(doc_ids.tolist()):
                raise KeyError(f"no document with doc_id {key}")
            keep = np.array([key])
        elif isinstance(key, slice):
            keep = doc_ids[key]
        else:
            keep = np.asarray(list(key))
        tables = {name: getattr(self, name) for name in TABLES}
        tables = {n: t[t["doc_id"].isin(keep)].reset_index(drop=True) for n, t in tables.items()}
        texts = None
        if self._texts is not None:
            by_id = dict(zip(doc_ids.tolist(), self._texts, strict=False))
            texts = [by_id[d] for d in tables["articles"]["doc_id"].tolist()]
        return Corpus(tables, texts=texts)

    def show(self, doc_id: int) -> DocumentView:
        """One document with its entities, quotes, dates and amounts highlighted.

        Returns a :class:`~newsparse.display.DocumentView`, which Jupyter displays as HTML;
        ``.html()`` gives the HTML, ``.save(path)`` writes a page.

        Example:
            >>> import newsparse
            >>> corpus = newsparse.parse(["First story.", "Second story."])
            >>> corpus.show(1).text
            'Second story.'
        """
        from .display import DocumentView

        if self._texts is None:
            raise ValueError("this corpus does not keep its texts, so it cannot show one")
        texts = self.texts
        if isinstance(doc_id, bool) or doc_id not in texts:
            raise KeyError(f"no document with doc_id {doc_id!r}")

        def rows(table: pd.DataFrame) -> pd.DataFrame:
            return table[table["doc_id"] == doc_id]

        article = {str(k): v for k, v in rows(self.articles).iloc[0].to_dict().items()}
        return DocumentView(
            texts[doc_id],
            doc_id=int(doc_id),
            doc_key=article.get("id"),
            article=article,
            entities=rows(self.entities),
            quotes=rows(self.quotes),
            dates=rows(self.dates),
            amounts=rows(self.amounts),
            events=rows(self.events),
        )

    def to_parquet(self, folder: str | Path) -> list[Path]:
        """Write one Parquet file per table (``articles.parquet``, ...) into ``folder``.

        Needs pyarrow. Text columns are Arrow strings, ``sources`` a list of strings.

        Example:
            >>> import tempfile, newsparse
            >>> paths = newsparse.parse(["A story."]).to_parquet(tempfile.mkdtemp())
            >>> [p.name for p in paths][:2]
            ['articles.parquet', 'sentences.parquet']
        """
        return self._write(folder, "parquet")

    def to_csv(self, folder: str | Path) -> list[Path]:
        """Write one CSV file per table into ``folder`` (``sources`` as a JSON list).

        Example:
            >>> import tempfile, newsparse
            >>> paths = newsparse.parse(["A story."]).to_csv(tempfile.mkdtemp())
            >>> paths[0].read_text().splitlines()[0]
            'doc_id,title,published,dateline,sources,body_start,n_chars,n_sentences,error'
        """
        return self._write(folder, "csv")

    def to_jsonl(self, folder: str | Path) -> list[Path]:
        """Write one JSON Lines file per table into ``folder`` (dates in ISO format).

        Example:
            >>> import json, tempfile, newsparse
            >>> paths = newsparse.parse(["A story."]).to_jsonl(tempfile.mkdtemp())
            >>> json.loads(paths[0].read_text())["n_chars"]
            8
        """
        return self._write(folder, "jsonl")

    def _write(self, folder: str | Path, fmt: str) -> list[Path]:
        from ._writer import TableWriter

        with TableWriter(folder, fmt) as writer:
            writer.write(self)
        return writer.paths

    @classmethod
    def concat(cls, corpora: Iterable[Corpus], renumber: bool = False) -> Corpus:
        """One corpus from several, every table stacked in order.

        ``doc_id`` is kept as it is: the batches of :func:`newsparse.iter_parse` and
        :func:`newsparse.iter_parse_files` already count on from one batch to the next.
        With ``renumber=True`` each corpus's ``doc_id`` values are shifted to follow the
        previous corpus's (for corpora parsed separately, each starting at 0).

        Raises:
            ValueError: ``doc_id`` values repeat (without ``renumber``), or some corpora
                have an ``id`` column and others not.

        Example:
            >>> import newsparse
            >>> a = newsparse.parse(["One story."])
            >>> b = newsparse.parse(["Another story.", "A third."])
            >>> c = newsparse.Corpus.concat([a, b], renumber=True)
            >>> c.articles["doc_id"].tolist()
            [0, 1, 2]
            >>> c.texts[2]
            'A third.'
        """
        parts = list(corpora)
        if not parts:
            return cls({name: empty_table(name) for name in TABLES}, texts=[])
        with_id = {"id" in p.articles.columns for p in parts}
        if len(with_id) > 1:
            raise ValueError("cannot concatenate corpora with ids and corpora without")
        if renumber:
            shifted = []
            next_id = 0
            for p in parts:
                q = Corpus({n: t.copy() for n, t in p.tables.items()}, p._texts, p._ids)
                if len(q):
                    q.shift_doc_ids(next_id - int(q.articles["doc_id"].min()))
                    next_id = int(q.articles["doc_id"].max()) + 1
                shifted.append(q)
            parts = shifted
        tables = {}
        for name in TABLES:
            frames = [getattr(p, name) for p in parts]
            # pandas warns about concatenating empty frames: keep one only when all are.
            rows = [f for f in frames if len(f)] or frames[:1]
            tables[name] = (
                pd.concat(rows, ignore_index=True)
                if len(rows) > 1
                else (rows[0].reset_index(drop=True))
            )
        if not tables["articles"]["doc_id"].is_unique:
            raise ValueError("doc_id values repeat across the corpora; pass renumber=True")
        texts: list[str] | None = None
        if all(p._texts is not None for p in parts):
            texts = [t for p in parts for t in (p._texts or [])]
        ids: list[Any] | None = None
        if all(p._ids is not None for p in parts):
            ids = [i for p in parts for i in (p._ids or [])]
        return cls(tables, texts=texts, ids=ids)

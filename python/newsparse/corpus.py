"""The Corpus: seven pandas DataFrames built once from the Rust core's columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["Corpus", "SCHEMA", "TABLES", "build_tables", "empty_table"]

# The contract: every table's columns, in order, with their dtypes ("str" columns hold
# str or None, as object). `id` follows `doc_id` when the caller gave ids.
SCHEMA: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("doc_id", "int64"), ("title", "str"), ("published", "datetime64[ns]"),
        ("dateline", "str"), ("sources", "object"), ("body_start", "int64"),
        ("n_chars", "int64"), ("n_sentences", "int64"), ("error", "str"),
    ],
    "sentences": [("doc_id", "int64"), ("sentence", "int64"), ("start", "int64"), ("end", "int64")],
    "entities": [
        ("doc_id", "int64"), ("start", "int64"), ("end", "int64"), ("text", "str"),
        ("kind", "str"), ("canonical", "str"), ("code", "str"), ("title", "str"),
    ],
    "quotes": [
        ("doc_id", "int64"), ("start", "int64"), ("end", "int64"), ("text", "str"),
        ("speaker", "str"), ("speaker_start", "int64"), ("speaker_end", "int64"),
        ("verb", "str"), ("partial", "bool"),
    ],
    "dates": [
        ("doc_id", "int64"), ("start", "int64"), ("end", "int64"), ("text", "str"),
        ("value", "str"), ("granularity", "str"), ("relative", "bool"),
    ],
    "amounts": [
        ("doc_id", "int64"), ("start", "int64"), ("end", "int64"), ("text", "str"),
        ("value", "float64"), ("unit", "str"),
    ],
    "events": [
        ("doc_id", "int64"), ("sentence", "int64"), ("source", "str"), ("source_agent", "str"),
        ("source_text", "str"), ("target", "str"), ("target_agent", "str"),
        ("target_text", "str"), ("code", "str"), ("root", "str"), ("plover", "str"),
        ("quad_class", "int64"), ("goldstein", "float64"), ("date", "str"),
        ("location", "str"), ("text", "str"),
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
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return pd.Series(out, dtype=object, copy=False)


def empty_table(name: str, with_id: bool = False) -> pd.DataFrame:
    """A table of the contract's shape with no rows."""
    return _frame(name, {c: [] for c, _ in SCHEMA[name]}, None, with_id)


def _frame(
    name: str, cols: dict[str, Any], ids: np.ndarray | None, with_id: bool
) -> pd.DataFrame:
    data: dict[str, Any] = {}
    for col, dtype in SCHEMA[name]:
        data[col] = _column(cols[col], dtype)
        if col == "doc_id" and with_id:
            doc = data["doc_id"]
            data["id"] = _objects(ids[doc] if ids is not None else [])
    return pd.DataFrame(data, copy=False)


def build_tables(columns: dict[str, dict[str, Any]], ids: list[Any] | None) -> dict[str, pd.DataFrame]:
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
        """The seven tables by name."""
        return {name: getattr(self, name) for name in TABLES}

    @property
    def texts(self) -> dict[int, str]:
        """The input text of each document, by ``doc_id`` (empty if not kept)."""
        if self._texts is None:
            return {}
        return dict(zip(self.articles["doc_id"].tolist(), self._texts, strict=False))

    @property
    def errors(self) -> pd.DataFrame:
        """The ``articles`` rows of documents that could not be read or processed in full."""
        a = self.articles
        return a[a["error"].notna()]

    def shift_doc_ids(self, offset: int) -> None:
        """Add ``offset`` to ``doc_id`` in every table (batches of a stream)."""
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

    def to_parquet(self, folder: str | Path) -> list[Path]:
        """Write one Parquet file per table (``articles.parquet``, ...) into ``folder``."""
        return self._write(folder, "parquet")

    def to_csv(self, folder: str | Path) -> list[Path]:
        """Write one CSV file per table into ``folder``."""
        return self._write(folder, "csv")

    def to_jsonl(self, folder: str | Path) -> list[Path]:
        """Write one JSON Lines file per table into ``folder``."""
        return self._write(folder, "jsonl")

    def _write(self, folder: str | Path, fmt: str) -> list[Path]:
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in TABLES:
            df = getattr(self, name)
            path = out / f"{name}.{fmt}"
            if fmt == "parquet":
                df.to_parquet(path, index=False)
            elif fmt == "csv":
                df.to_csv(path, index=False)
            else:
                df.to_json(path, orient="records", lines=True, date_format="iso")
            paths.append(path)
        return paths

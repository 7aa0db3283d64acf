"""Write the seven tables into a folder, one file per table, one batch after another.

Parquet files get an explicit Arrow schema from the contract (so that a batch whose text
column is all None still writes as strings) and one row group per batch; CSV files get
their header once and ``sources`` as a JSON list; JSON Lines files are appended to.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .corpus import SCHEMA, TABLES, empty_table
from .exceptions import InputError

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = ["FORMATS", "TableWriter"]

FORMATS = ("parquet", "csv", "jsonl")


def _arrow_schema(name: str, id_type: Any) -> Any:
    import pyarrow as pa

    types = {
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "str": pa.string(),
        "datetime64[ns]": pa.timestamp("ns"),
        "object": pa.list_(pa.string()),
    }
    fields = []
    for col, dtype in SCHEMA[name]:
        fields.append(pa.field(col, types[dtype]))
        if col == "doc_id" and id_type is not None:
            fields.append(pa.field("id", id_type))
    return pa.schema(fields)


def _for_csv(df: pd.DataFrame) -> pd.DataFrame:
    """``sources`` (a list per row) as a JSON list, which CSV readers can parse back."""
    if "sources" not in df.columns:
        return df
    out = df.copy()
    out["sources"] = pd.Series(
        [json.dumps(list(v), ensure_ascii=False) for v in df["sources"]],
        index=df.index,
        dtype=object,
    )
    return out


class TableWriter:
    """One file per table in ``folder`` (``articles.parquet``, ...), written batch by batch.

    Existing files of the same names are replaced. Use as a context manager, or call
    :meth:`close`, which returns the paths written.

    Example:
        >>> import tempfile, newsparse
        >>> from newsparse._writer import TableWriter
        >>> out = tempfile.mkdtemp()
        >>> with TableWriter(out, "jsonl") as w:
        ...     w.write(newsparse.parse(["One."]))
        ...     w.write(newsparse.parse(["Two."]))
        >>> [p.name for p in w.paths][:2]
        ['articles.jsonl', 'sentences.jsonl']
    """

    def __init__(self, folder: str | Path, fmt: str) -> None:
        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
        if fmt == "parquet":
            try:
                import pyarrow.parquet  # noqa: F401
            except ImportError:
                raise InputError(
                    "writing Parquet needs pyarrow: pip install pyarrow (or choose csv or jsonl)"
                ) from None
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.fmt = fmt
        self.paths = [self.folder / f"{name}.{fmt}" for name in TABLES]
        self._files: dict[str, IO[str]] = {}
        self._parquet: dict[str, Any] = {}
        self._id_type: Any = None
        self._has_id: bool | None = None
        self._closed = False

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def write(self, corpus: Corpus) -> None:
        """Append every table of ``corpus`` to its file."""
        has_id = "id" in corpus.articles.columns
        if self._has_id is None:
            self._has_id = has_id
            if has_id and self.fmt == "parquet":
                self._id_type = self._infer_id_type(corpus.articles["id"])
        elif has_id != self._has_id:
            raise ValueError("every batch written must have ids, or none")
        for name, path in zip(TABLES, self.paths, strict=True):
            self._append(name, path, getattr(corpus, name))

    @staticmethod
    def _infer_id_type(ids: pd.Series) -> Any:
        import pyarrow as pa

        values = [v for v in ids.tolist() if v is not None]
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return pa.int64()
        return pa.string()

    def _append(self, name: str, path: Path, df: pd.DataFrame) -> None:
        if self.fmt == "parquet":
            self._append_parquet(name, path, df)
            return
        f = self._files.get(name)
        first = f is None
        if f is None:
            f = self._files[name] = open(path, "w", encoding="utf-8", newline="")
        if self.fmt == "csv":
            _for_csv(df).to_csv(f, header=first, index=False, lineterminator="\n")
        elif len(df):
            text = df.to_json(orient="records", lines=True, date_format="iso", force_ascii=False)
            # pandas escapes every "/" as "\/"; both are valid JSON, the plain one greps.
            text = text.replace("\\/", "/")
            f.write(text if text.endswith("\n") else text + "\n")

    def _append_parquet(self, name: str, path: Path, df: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _arrow_schema(name, self._id_type)
        if self._id_type == pa.string() and "id" in df.columns:
            df = df.copy()
            ids = np.empty(len(df), dtype=object)
            ids[:] = [None if v is None else str(v) for v in df["id"].tolist()]
            df["id"] = pd.Series(ids, index=df.index, dtype=object)
        try:
            table = pa.Table.from_pandas(df, schema=schema, preserve_index=False)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
            raise ValueError(f"{name}: rows do not fit the table's Parquet schema: {e}") from e
        writer = self._parquet.get(name)
        if writer is None:
            writer = self._parquet[name] = pq.ParquetWriter(path, schema)
        if table.num_rows:
            writer.write_table(table)

    def close(self) -> list[Path]:
        """Finish every file (tables that never got a batch are written empty)."""
        if self._closed:
            return self.paths
        self._closed = True
        with_id = bool(self._has_id)
        try:
            for name, path in zip(TABLES, self.paths, strict=True):
                if self.fmt == "parquet" and name not in self._parquet:
                    self._append_parquet(name, path, empty_table(name, with_id))
                elif self.fmt != "parquet" and name not in self._files:
                    self._append(name, path, empty_table(name, with_id))
        finally:
            for w in self._parquet.values():
                w.close()
            for f in self._files.values():
                f.close()
        return self.paths

"""Parse articles straight from files: .txt, .jsonl, .csv and .parquet, in batches.

A ``.txt`` file is one article (its ``id`` is the path); a ``.jsonl`` file holds one article
per line (a JSON object with a text field); a ``.csv`` or ``.parquet`` file one article per
row (a text column). ``.txt``, ``.jsonl`` and ``.csv`` may also be gzip-compressed
(``.txt.gz``, ...). Files are read lazily, one batch of articles at a time.

A file or record that cannot be read is never dropped and never stops the run: it becomes a
row of ``articles`` whose ``error`` says why (the OS error; undecodable bytes replaced by
U+FFFD and counted; binary content; a malformed JSON line or a missing text field). Only a
path that does not exist, or a set of paths with no input files at all, raises.
"""

from __future__ import annotations

import codecs
import csv
import glob
import gzip
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

import numpy as np
import pandas as pd

from ._api import _days, parse
from ._progress import Progress
from .corpus import TABLES, Corpus, empty_table
from .exceptions import InputError

__all__ = ["SUFFIXES", "input_files", "iter_parse_files", "parse_files"]

# File types read, by the suffix after an optional ".gz".
SUFFIXES = (".txt", ".jsonl", ".csv", ".parquet")
DEFAULT_BATCH_SIZE = 1_000
# A NUL byte among the first bytes marks a binary file (as git and grep decide).
_SNIFF = 8192
# Undecodable bytes come out of the "surrogateescape" decoder as U+DC80..U+DCFF; JSON
# escapes can produce any lone surrogate. Either cannot reach the Rust core.
_ESCAPED = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_GLOB_CHARS = re.compile(r"[*?\[]")

PathLike = str | os.PathLike[str]


def _kind(path: Path) -> str | None:
    """The file type (".txt", ...) of a path, looking through ".gz"; None if unsupported."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return None


def _as_items(paths_or_glob: PathLike | Iterable[PathLike]) -> list[str]:
    if isinstance(paths_or_glob, (str, os.PathLike)):
        return [os.fspath(paths_or_glob)]
    try:
        items = [os.fspath(p) for p in paths_or_glob]
    except TypeError:
        raise TypeError(
            "paths_or_glob must be a path, a glob pattern, a folder or a list of those, not "
            f"{type(paths_or_glob).__name__}"
        ) from None
    return items


def _walk(folder: Path) -> list[Path]:
    """The supported files under a folder, recursively, in a stable order.

    A directory whose name looks like an input file (``notes.txt/``) is listed too: it
    becomes a row whose error says it is a directory.
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        base = Path(root)
        names = sorted(files + [d for d in dirs if _kind(Path(d))])
        found.extend(base / n for n in names if _kind(Path(n)))
    return found


def input_files(paths_or_glob: PathLike | Iterable[PathLike]) -> list[Path]:
    """The input files that ``paths_or_glob`` names, in order, without duplicates.

    Each item is a file, a folder (every supported file inside, recursively) or a glob
    pattern (``**`` matches folders at any depth). A file named explicitly must have a
    supported type (``.txt``, ``.jsonl``, ``.csv``, ``.parquet``; the first three also
    ``.gz``); a folder or a pattern skips other files.

    Raises:
        FileNotFoundError: a path does not exist or a pattern matches nothing.
        InputError: a named file has an unsupported type, or there are no input files.

    Example:
        >>> import pathlib, tempfile
        >>> from newsparse.files import input_files
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> for name in ("b.txt", "a.jsonl", "x.png"):
        ...     _ = (d / name).write_text("B")
        >>> [p.name for p in input_files(d)]
        ['a.jsonl', 'b.txt']
    """
    out: list[Path] = []
    for item in _as_items(paths_or_glob):
        item = os.path.expanduser(item)
        path = Path(item)
        if path.is_dir():
            out.extend(_walk(path))
        elif path.exists() or os.path.lexists(path):
            if _kind(path) is None:
                raise InputError(
                    f"{item}: unsupported file type (newsparse reads {', '.join(SUFFIXES)})"
                )
            out.append(path)
        elif _GLOB_CHARS.search(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise FileNotFoundError(f"no file matches {item!r}")
            for m in matches:
                mp = Path(m)
                if _kind(mp):
                    out.append(mp)
                elif mp.is_dir():
                    out.extend(_walk(mp))
        else:
            raise FileNotFoundError(f"no such file or folder: {item}")
    seen: set[Path] = set()
    unique: list[Path] = []
    for p in out:
        if p not in seen:
            seen.add(p)
            unique.append(p)
    if not unique:
        raise InputError(
            f"no input files ({', '.join(SUFFIXES)}) in {', '.join(_as_items(paths_or_glob))}"
        )
    return unique


@dataclass
class _Record:
    """One article as read from a file, before parsing."""

    text: str
    id: Any
    published: Any
    error: str | None
    # Bytes of input consumed once this record is read (for the progress bar).
    done: int


def _decode(data: bytes) -> tuple[str, int]:
    """UTF-8 text and the number of undecodable bytes replaced by U+FFFD."""
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")
        return _ESCAPED.subn("\ufffd", text)


def _clean_field(value: str) -> tuple[str, int]:
    """A field read with "surrogateescape": undecodable bytes and lone surrogates replaced."""
    try:
        value.encode("utf-8")  # far faster than a regex search; fails on any surrogate
        return value, 0
    except UnicodeEncodeError:
        return _SURROGATE.subn("\ufffd", value)


def _note(*parts: str | None) -> str | None:
    kept = [p for p in parts if p]
    return "; ".join(kept) if kept else None


def _bytes_note(n: int) -> str | None:
    return f"{n} undecodable byte{'s' if n != 1 else ''} replaced" if n else None


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def _is_binary(path: Path) -> bool:
    with _open_binary(path) as f:
        head = f.read(_SNIFF)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\0" in head


def _oserror(e: OSError) -> str:
    return f"cannot read file: {e.strerror or e}" + (f" [Errno {e.errno}]" if e.errno else "")


def _published(value: Any, where: str) -> tuple[Any, str | None]:
    """A publication date usable by parse(), or None and a note saying why not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    try:
        _days(value, 0)
    except (ValueError, TypeError):
        return None, f"{where}: published value {value!r} is not a date, ignored"
    return value, None


def _read_txt(path: Path, size: int, done: int) -> Iterator[_Record]:
    ident = str(path)
    try:
        with _open_binary(path) as f:
            data = f.read()
    except OSError as e:
        yield _Record("", ident, None, _oserror(e), done + size)
        return
    binary = None
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text, bad = data.decode("utf-16", "replace"), 0
        bad = text.count("\ufffd")
    else:
        if b"\0" in data[:_SNIFF]:
            binary = "binary content (NUL bytes in the first 8 KB), read as text"
        text, bad = _decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    yield _Record(text, ident, None, _note(binary, _bytes_note(bad)), done + size)


def _record(
    rec: dict[str, Any] | None,
    where: str,
    default_id: str,
    text_field: str,
    id_field: str | None,
    published_field: str | None,
    bad_bytes: int,
    done: int,
) -> _Record:
    """A record of a .jsonl/.csv/.parquet row, with every problem noted in ``error``."""
    notes: list[str | None] = [_bytes_note(bad_bytes)]
    ident: Any = default_id
    published: Any = None
    text = ""
    if rec is not None:
        if id_field is not None:
            raw_id = rec.get(id_field)
            if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool):
                ident = raw_id
            elif isinstance(raw_id, (np.integer,)):
                ident = int(raw_id)
            elif raw_id is not None and not (isinstance(raw_id, float) and raw_id != raw_id):
                ident = str(raw_id)
        if published_field is not None:
            published, why = _published(rec.get(published_field), where)
            notes.append(why)
        value = rec.get(text_field)
        if isinstance(value, str):
            text, lone = _clean_field(value)
            if lone:
                notes.append(f"{lone} lone surrogate{'s' if lone != 1 else ''} replaced")
        elif value is None or (isinstance(value, float) and value != value):
            notes.append(
                f"{where}: no {text_field!r} field"
                if text_field not in rec
                else f"{where}: {text_field!r} is null"
            )
        else:
            notes.append(f"{where}: {text_field!r} is {type(value).__name__}, not str")
    return _Record(text, ident, published, _note(*notes), done)


def _read_jsonl(
    path: Path,
    size: int,
    done: int,
    text_field: str,
    id_field: str | None,
    published_field: str | None,
) -> Iterator[_Record]:
    f = _open_binary(path)
    with f:
        pos = 0
        for lineno, raw in enumerate(f, 1):
            pos += len(raw)
            if not raw.strip():
                continue
            line, bad = _decode(raw)
            if lineno == 1 and line.startswith("\ufeff"):
                line = line[1:]
            where = f"line {lineno}"
            try:
                obj = json.loads(line)
            except ValueError as e:
                yield _Record(
                    "",
                    f"{path}:{lineno}",
                    None,
                    f"{where}: invalid JSON ({e})",
                    done + min(pos, size),
                )
                continue
            if not isinstance(obj, dict):
                yield _Record(
                    "",
                    f"{path}:{lineno}",
                    None,
                    f"{where}: a JSON {type(obj).__name__}, not an object",
                    done + min(pos, size),
                )
                continue
            yield _record(
                obj,
                where,
                f"{path}:{lineno}",
                text_field,
                id_field,
                published_field,
                bad,
                done + min(pos, size),
            )


def _read_csv(
    path: Path,
    size: int,
    done: int,
    text_field: str,
    id_field: str | None,
    published_field: str | None,
) -> Iterator[_Record]:
    # Articles are longer than the csv module's default field limit (128 KiB).
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    raw = _open_binary(path)
    with raw, io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="") as f:
        reader = csv.reader(f)
        try:
            header = next(reader)
        except StopIteration:
            return
        header = [_SURROGATE.sub("\ufffd", h) for h in header]
        if header and header[0].startswith("\ufeff"):
            header[0] = header[0][1:]
        if text_field not in header:
            yield _Record(
                "",
                str(path),
                None,
                f"no {text_field!r} column (columns: {', '.join(header)})",
                done + size,
            )
            return
        compressed = path.name.lower().endswith(".gz")
        for rowno, row in enumerate(reader, 1):
            bad = 0
            fields: list[str] = []
            for v in row:
                clean, n = _clean_field(v)
                fields.append(clean)
                bad += n
            rec: dict[str, Any] = dict(zip(header, fields, strict=False))
            if published_field and rec.get(published_field) == "":
                rec[published_field] = None
            at = size if compressed else min(raw.tell(), size)
            yield _record(
                rec,
                f"row {rowno}",
                f"{path}:{rowno}",
                text_field,
                id_field,
                published_field,
                bad,
                done + at,
            )


def _read_parquet(
    path: Path,
    size: int,
    done: int,
    text_field: str,
    id_field: str | None,
    published_field: str | None,
    batch_size: int,
) -> Iterator[_Record]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except OSError as e:
        yield _Record("", str(path), None, _oserror(e), done + size)
        return
    except Exception as e:  # noqa: BLE001 - pyarrow raises several types for a bad file
        yield _Record("", str(path), None, f"not a readable Parquet file: {e}", done + size)
        return
    names = pf.schema_arrow.names
    if text_field not in names:
        yield _Record(
            "",
            str(path),
            None,
            f"no {text_field!r} column (columns: {', '.join(names)})",
            done + size,
        )
        return
    wanted = (text_field, id_field, published_field)
    cols = [c for c in dict.fromkeys(c for c in wanted if c is not None) if c in names]
    total = max(pf.metadata.num_rows, 1)
    rowno = 0
    for batch in pf.iter_batches(batch_size=batch_size, columns=cols):
        data = {c: batch.column(c).to_pylist() for c in cols}
        for i in range(batch.num_rows):
            rowno += 1
            rec = {c: data[c][i] for c in cols}
            yield _record(
                rec,
                f"row {rowno}",
                f"{path}:{rowno}",
                text_field,
                id_field,
                published_field,
                0,
                done + size * rowno // total,
            )


def _records(
    files: list[Path],
    text_field: str,
    id_field: str | None,
    published_field: str | None,
    batch_size: int,
) -> Iterator[_Record]:
    done = 0
    for path in files:
        try:
            size = path.stat().st_size if path.is_file() else 0
        except OSError:
            size = 0
        kind = _kind(path)
        if kind == ".txt" or path.is_dir():
            yield from _read_txt(path, size, done)
        else:
            try:
                binary = kind != ".parquet" and _is_binary(path)
            except OSError as e:
                yield _Record("", str(path), None, _oserror(e), done + size)
                done += size
                continue
            if binary:
                yield _Record(
                    "",
                    str(path),
                    None,
                    f"binary content (NUL bytes in the first 8 KB), not a {kind} file",
                    done + size,
                )
            else:
                try:
                    if kind == ".jsonl":
                        yield from _read_jsonl(
                            path, size, done, text_field, id_field, published_field
                        )
                    elif kind == ".csv":
                        yield from _read_csv(
                            path, size, done, text_field, id_field, published_field
                        )
                    else:
                        yield from _read_parquet(
                            path, size, done, text_field, id_field, published_field, batch_size
                        )
                except (OSError, EOFError, csv.Error) as e:
                    # A read failing part-way (a truncated .gz, a broken CSV quote): the
                    # rows read so far are kept, the rest of the file is one error row.
                    why = _oserror(e) if isinstance(e, OSError) else f"cannot read further: {e}"
                    yield _Record("", f"{path}:rest", None, why, done + size)
        done += size


def _batches(records: Iterator[_Record], batch_size: int) -> Iterator[list[_Record]]:
    batch: list[_Record] = []
    for r in records:
        batch.append(r)
        if len(batch) == batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _add_errors(corpus: Corpus, notes: list[str | None]) -> None:
    """Merge the read errors into ``articles.error`` (after any error of the parse)."""
    if not any(notes):
        return
    current = corpus.articles["error"].tolist()
    merged = np.empty(len(current), dtype=object)
    merged[:] = [_note(n, c) for n, c in zip(notes, current, strict=True)]
    corpus.articles["error"] = pd.Series(merged, index=corpus.articles.index, dtype=object)


def iter_parse_files(
    paths_or_glob: PathLike | Iterable[PathLike],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    published_field: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int | None = None,
    progress: bool | None = None,
    **parse_kwargs: Any,
) -> Iterator[Corpus]:
    """Parse the articles in files batch by batch, yielding one :class:`Corpus` per batch.

    Takes the same arguments as :func:`parse_files`; only one batch of articles is in
    memory at a time, and ``doc_id`` keeps counting across batches.

    Example:
        >>> import pathlib, tempfile, newsparse
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "news.jsonl").write_text('{"text": "A story."}\\n' * 5)
        >>> [len(c) for c in newsparse.iter_parse_files(d, batch_size=2, progress=False)]
        [2, 2, 1]
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, not {batch_size!r}")
    files = input_files(paths_or_glob)
    if any(_kind(p) == ".parquet" for p in files):
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise InputError("reading .parquet files needs pyarrow: pip install pyarrow") from None
    total = 0
    for p in files:
        try:
            total += p.stat().st_size if p.is_file() else 0
        except OSError:
            pass
    bar = Progress(total, progress)
    docs = 0
    try:
        records = _records(files, text_field, id_field, published_field, batch_size)
        for batch in _batches(records, batch_size):
            corpus = parse(
                [r.text for r in batch],
                ids=[r.id for r in batch],
                published=[r.published for r in batch],
                workers=workers,
                **parse_kwargs,
            )
            corpus.shift_doc_ids(docs)
            _add_errors(corpus, [r.error for r in batch])
            docs += len(batch)
            bar.update(batch[-1].done, docs)
            yield corpus
    finally:
        bar.close()


def parse_files(
    paths_or_glob: PathLike | Iterable[PathLike],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    published_field: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int | None = None,
    progress: bool | None = None,
    **parse_kwargs: Any,
) -> Corpus:
    """Parse the articles in files into one :class:`Corpus`.

    Args:
        paths_or_glob: a file, a folder (every supported file inside, recursively), a glob
            pattern (``"news/**/*.jsonl"``), or a list of those.
        text_field: the JSON field or CSV/Parquet column holding the article text.
        id_field: a field/column kept as ``id``; without it the ``id`` of a ``.txt`` file is
            its path and that of a record ``"<path>:<line or row number>"``.
        published_field: a field/column of publication dates (the anchor for relative
            dates); a value that is not a date is ignored, with a note in ``error``.
        batch_size: articles parsed per call into the core.
        workers: threads (default ``$NEWSPARSE_NUM_THREADS``, else all cores).
        progress: show a tqdm progress bar (default: when tqdm is installed and stderr
            is a terminal).
        parse_kwargs: passed on to :func:`newsparse.parse` (``lexicon``, ``max_chars``,
            ``errors``).

    Every file and record is a row of ``articles``, also those that cannot be read: their
    ``error`` says why (see the module's docstring).

    Example:
        >>> import pathlib, tempfile, newsparse
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("KABUL - Talks resumed on Monday.")
        >>> _ = (d / "b.txt").write_bytes(b"Caf\\xe9 owners met the mayor.")
        >>> c = newsparse.parse_files(d, progress=False)
        >>> c.articles["error"].tolist()
        [None, '1 undecodable byte replaced']
        >>> [pathlib.Path(i).name for i in c.articles["id"]]
        ['a.txt', 'b.txt']
    """
    corpora = list(
        iter_parse_files(
            paths_or_glob,
            text_field=text_field,
            id_field=id_field,
            published_field=published_field,
            batch_size=batch_size,
            workers=workers,
            progress=progress,
            **parse_kwargs,
        )
    )
    if not corpora:  # only empty files: the tables still have their `id` column
        return Corpus({n: empty_table(n, with_id=True) for n in TABLES}, texts=[], ids=[])
    return Corpus.concat(corpora)

"""The ``newsparse`` command: a demo on the sample articles, and files in, tables out.

    newsparse demo
    newsparse news/*.jsonl --out tables/ --format parquet

Exit status: 0 on success (documents that could not be read are rows with an ``error``, not
a failure), 1 when the input cannot be read at all (a missing path, no input files, an
output folder that cannot be written), 2 for a bad command line, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from . import __version__
from .corpus import TABLES, Corpus
from .exceptions import NewsparseError

__all__ = ["main"]

PROG = "newsparse"

EXAMPLES = """\
examples:
  newsparse demo                                  parse the bundled sample articles
  newsparse articles/ --out tables/               every .txt/.jsonl/.csv/.parquet inside
  newsparse 'news/2022-*.jsonl' --out tables/ --format csv
  newsparse dump.parquet --text-field body --id-field url --published-field date \\
      --out tables/ --workers 4
  python -m newsparse ...                         the same, without the console script

input files:
  .txt      one article per file; its id is the path
  .jsonl    one JSON object per line with a text field (--text-field, default "text")
  .csv      one article per row, a text column; .parquet likewise (needs pyarrow)
  (.txt, .jsonl and .csv may be gzip-compressed: .jsonl.gz, ...)
  Without --id-field a record's id is "<path>:<line or row number>". A file or record that
  cannot be read is still a row of articles, with the reason in its error column.

output (--out DIR): one file per table, articles.<fmt> ... events.<fmt>, each holding
  every batch (Parquet: one row group per batch; CSV: sources as a JSON list). Files of
  the same names in DIR are replaced.
"""

# The columns the demo prints, per table: enough to read each table at a glance.
DEMO_COLUMNS: dict[str, list[str]] = {
    "articles": [
        "doc_id",
        "id",
        "title",
        "published",
        "dateline",
        "sources",
        "n_sentences",
        "error",
    ],
    "sentences": ["doc_id", "sentence", "start", "end", "text"],
    "entities": ["doc_id", "text", "kind", "canonical", "code", "title"],
    "quotes": ["doc_id", "speaker", "verb", "partial", "text"],
    "dates": ["doc_id", "text", "value", "granularity", "relative"],
    "amounts": ["doc_id", "text", "value", "unit"],
    "events": ["doc_id", "source", "code", "plover", "target", "goldstein", "date", "text"],
}


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors on one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a positive integer: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a positive integer: {value!r}")
    return n


def _files_parser() -> _Parser:
    p = _Parser(
        prog=PROG,
        description=(
            "Turn news articles into seven tables (articles, sentences, entities, quotes,\n"
            "dates, amounts, events). Run 'newsparse demo' to see them on sample articles."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE_OR_GLOB",
        help="files, folders or glob patterns (quote patterns for the shell)",
    )
    p.add_argument(
        "--out",
        "-o",
        required=True,
        metavar="DIR",
        help="folder to write the tables into (created if needed)",
    )
    p.add_argument(
        "--format",
        "-f",
        default="parquet",
        metavar="FMT",
        help="parquet (default; needs pyarrow), csv or jsonl",
    )
    p.add_argument(
        "--workers",
        "-w",
        type=_positive,
        default=None,
        metavar="N",
        help="threads (default: $NEWSPARSE_NUM_THREADS, else all cores)",
    )
    p.add_argument(
        "--text-field",
        default="text",
        metavar="F",
        help="JSON field / column holding the text (default: text)",
    )
    p.add_argument(
        "--id-field",
        default=None,
        metavar="F",
        help="field / column kept as the id of each article",
    )
    p.add_argument(
        "--published-field",
        default=None,
        metavar="F",
        help="field / column of publication dates (anchors relative dates)",
    )
    p.add_argument(
        "--batch-size",
        type=_positive,
        default=1_000,
        metavar="N",
        help="articles per batch (default: 1000); memory grows with it",
    )
    p.add_argument(
        "--max-chars",
        type=_positive,
        default=None,
        metavar="N",
        help="cut longer articles to N characters (noted in error)",
    )
    p.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (shown when tqdm is installed and stderr is a terminal)",
    )
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return p


def _demo_parser() -> _Parser:
    p = _Parser(
        prog=f"{PROG} demo",
        description="Parse the sample articles bundled with newsparse and print each table.",
    )
    p.add_argument(
        "--rows",
        type=_positive,
        default=5,
        metavar="N",
        help="rows to print per table (default: 5)",
    )
    p.add_argument(
        "--width",
        type=_positive,
        default=None,
        metavar="W",
        help="line width (default: the terminal's)",
    )
    return p


def _cell(value: Any) -> str:
    if value is None or value is pd.NaT:
        return "-"
    if isinstance(value, float):
        if math.isnan(value):
            return "-"
        if value.is_integer() and abs(value) < 1e15:
            return f"{value:,.0f}"
        return f"{value:,.4g}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else str(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) if value else "-"
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return _cell(value.tolist())
    return " ".join(str(value).split())


def _clip(s: str, width: int) -> str:
    return s if len(s) <= width else s[: max(width - 1, 0)].rstrip() + "…"


def render(df: pd.DataFrame, width: int) -> list[str]:
    """``df`` as aligned text lines no wider than ``width`` (long cells clipped with "…").

    Example:
        >>> import pandas as pd
        >>> from newsparse.cli import render
        >>> df = pd.DataFrame({"n": [1, 20], "text": ["short", "a longer cell"]})
        >>> print("\\n".join(render(df, 14)))
         n  text
         1  short
        20  a longer…
    """
    cols = list(df.columns)
    cells = [[_cell(v) for v in df[c].tolist()] for c in cols]
    numeric = [
        pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c]) for c in cols
    ]
    widths = [max([len(c)] + [len(v) for v in col]) for c, col in zip(cols, cells, strict=True)]
    widths = [min(w, 60) for w in widths]
    gap = 2
    while sum(widths) + gap * (len(cols) - 1) > width:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= max(len(cols[widest]), 6):
            break
        widths[widest] -= 1

    def line(values: Sequence[str]) -> str:
        parts = []
        for v, w, num in zip(values, widths, numeric, strict=True):
            v = _clip(v, w)
            parts.append(v.rjust(w) if num else v.ljust(w))
        return (" " * gap).join(parts).rstrip()

    out = [line(cols)]
    out.extend(line([col[i] for col in cells]) for i in range(len(df)))
    return out


def _demo_view(corpus: Corpus, name: str) -> pd.DataFrame:
    df: pd.DataFrame = getattr(corpus, name)
    cols = [c for c in DEMO_COLUMNS[name] if c in df.columns or (name, c) == ("sentences", "text")]
    if name == "sentences":
        texts = corpus.texts
        df = df.assign(
            text=[
                texts[d][s:e] for d, s, e in zip(df["doc_id"], df["start"], df["end"], strict=True)
            ]
        )
    return df[cols]


def _counts(corpus_sizes: dict[str, int]) -> str:
    return ", ".join(f"{corpus_sizes[n]:,} {n}" for n in TABLES[1:])


def _demo(argv: list[str]) -> int:
    args = _demo_parser().parse_args(argv)
    from . import samples
    from ._api import parse

    records = samples.load()
    start = time.perf_counter()
    corpus = parse(
        [r["text"] for r in records],
        ids=[r["id"] for r in records],
        published=[r["published"] for r in records],
    )
    elapsed = time.perf_counter() - start
    width = args.width or max(shutil.get_terminal_size((110, 24)).columns, 60)
    out: list[str] = []
    for name in TABLES:
        df = _demo_view(corpus, name)
        n = len(df)
        shown = f", first {args.rows}" if n > args.rows else ""
        out.append(f"== {name} ({n:,} rows{shown})")
        out.extend(render(df.head(args.rows), width) if n else ["(no rows)"])
        out.append("")
    sizes = {n: len(getattr(corpus, n)) for n in TABLES}
    chars = sum(len(r["text"]) for r in records)
    out.append(
        f"{len(corpus)} sample articles ({chars:,} characters): {_counts(sizes)}; "
        f"parsed in {elapsed * 1000:.0f} ms"
    )
    print("\n".join(out))
    return 0


def _files(argv: list[str]) -> int:
    parser = _files_parser()
    if not argv:
        parser.error("give input files and --out DIR, or run 'newsparse demo'")
    args = parser.parse_args(argv)
    from ._writer import FORMATS, TableWriter
    from .files import input_files, iter_parse_files

    fmt = args.format.lower()
    if fmt not in FORMATS:
        raise _Fail(f"unknown format {args.format!r} (choose parquet, csv or jsonl)", 2)
    files = input_files(args.inputs)
    size = sum(p.stat().st_size for p in files if p.is_file() and os.access(p, os.R_OK))
    kwargs: dict[str, Any] = {}
    if args.max_chars:
        kwargs["max_chars"] = args.max_chars
    start = time.perf_counter()
    sizes = dict.fromkeys(TABLES, 0)
    n_errors = 0
    out = Path(args.out)
    try:
        writer = TableWriter(out, fmt)
    except OSError as e:
        raise _Fail(f"cannot write to {out}: {e.strerror or e}") from e
    with writer:
        for corpus in iter_parse_files(
            args.inputs,
            text_field=args.text_field,
            id_field=args.id_field,
            published_field=args.published_field,
            batch_size=args.batch_size,
            workers=args.workers,
            progress=False if args.no_progress else None,
            **kwargs,
        ):
            writer.write(corpus)
            for name in TABLES:
                sizes[name] += len(getattr(corpus, name))
            n_errors += int(corpus.articles["error"].notna().sum())
    elapsed = time.perf_counter() - start
    docs = sizes["articles"]
    rate = size / 1e6 / elapsed if elapsed > 0 else 0.0
    errors = f"; {n_errors:,} with an error (see articles.error)" if n_errors else ""
    print(
        f"{docs:,} documents from {len(files):,} file{'s' if len(files) != 1 else ''} "
        f"({size / 1e6:,.1f} MB) in {elapsed:.1f} s ({rate:,.1f} MB/s): "
        f"{_counts(sizes)}{errors}; wrote {len(TABLES)} {fmt} files to {out}"
    )
    return 0


class _Fail(Exception):
    """A failure reported as one line, with an exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Example:
        >>> from newsparse.cli import main
        >>> main(["demo", "--rows", "1", "--width", "80"])  # doctest: +ELLIPSIS
        == articles (8 rows, first 1)
        ...
        0
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:1] == ["demo"]:
            return _demo(args[1:])
        return _files(args)
    except _Fail as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return e.status
    except BrokenPipeError:
        # The reader went away (`newsparse demo | head`): stop quietly, as `cat` does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (FileNotFoundError, NewsparseError) as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        where = f" {e.filename}" if e.filename else ""
        print(f"{PROG}: error:{where} {e.strerror or e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130

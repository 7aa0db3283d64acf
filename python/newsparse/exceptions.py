"""The newsparse exception hierarchy, defined once.

Every error newsparse raises on purpose is a ``NewsparseError``; those that are about a bad
argument are also ``ValueError`` or ``TypeError``, so ordinary ``except`` clauses work.
"""

from __future__ import annotations

__all__ = ["NewsparseError", "LexiconFormatError", "InputError"]


class NewsparseError(Exception):
    """Base class of newsparse's errors (also raised for an internal error in a document
    when ``parse(..., errors="raise")``)."""


class LexiconFormatError(NewsparseError, ValueError):
    """A lexicon row or file is malformed; the message names the file/row and the problem."""


class InputError(NewsparseError, ValueError):
    """An input file or record cannot be read; the message names it."""

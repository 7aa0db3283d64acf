"""newsparse: raw news-article text in, tidy pandas tables out.

>>> import newsparse
>>> corpus = newsparse.parse(["WASHINGTON (Reuters) - The talks ended on Friday."])
>>> sorted(corpus.tables)
['amounts', 'articles', 'dates', 'entities', 'events', 'quotes', 'sentences']
"""

from __future__ import annotations

from ._api import iter_parse, parse
from ._core import __version__
from .corpus import Corpus
from .exceptions import InputError, LexiconFormatError, NewsparseError
from .files import iter_parse_files, parse_files
from .lexicon import Lexicon

__all__ = [
    "Corpus",
    "InputError",
    "Lexicon",
    "LexiconFormatError",
    "NewsparseError",
    "__version__",
    "iter_parse",
    "iter_parse_files",
    "parse",
    "parse_files",
]

"""Sample news articles shipped with newsparse, for the demo, the notebook and the benchmark.

Eight articles written for this package in the styles newsparse meets in scraped news:
one-line articles with a ``TEHRAN –`` dateline, agency header lines (``News ID: ...``,
``Published: 0712 GMT March 3, 2022``, `` date 2022-05-04 ANKARA (Agency / Agency - ...)``),
repeated headlines, photo captions with credits, keyword tag lines, ``About <site>`` blurbs,
licence lines and captcha boilerplate; from the Middle East, Europe, Africa, Asia and the
Americas, plus one business article in the Wikinews style. The people and companies in them
are invented; countries, organizations and places are real.

Example:
    >>> from newsparse import samples
    >>> records = samples.load()
    >>> len(records)
    8
    >>> sorted(records[0])
    ['id', 'published', 'text']
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TypedDict

__all__ = ["Sample", "load", "texts"]


class Sample(TypedDict):
    """One sample article: its id, its text as scraped, and the caller's publication date."""

    id: str
    text: str
    published: str | None


def load() -> list[Sample]:
    """The sample articles as ``{"id", "text", "published"}`` records.

    ``published`` is an ISO date string for the articles whose page gave a date outside the
    text (the way a scraper's metadata would), else ``None``.

    Example:
        >>> from newsparse import samples
        >>> [r["id"] for r in samples.load()][:2]
        ['mideast-tehran-oneline', 'mideast-newsid-header']
    """
    raw = resources.files(__name__).joinpath("articles.jsonl").read_text(encoding="utf-8")
    out: list[Sample] = []
    for line in raw.splitlines():
        if line.strip():
            rec = json.loads(line)
            out.append(Sample(id=rec["id"], text=rec["text"], published=rec.get("published")))
    return out


def texts() -> list[str]:
    """Just the texts of the sample articles.

    Example:
        >>> from newsparse import samples
        >>> samples.texts()[0].startswith("TEHRAN –")
        True
    """
    return [r["text"] for r in load()]

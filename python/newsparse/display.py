"""One article as HTML, with what newsparse found in it highlighted.

Entities are coloured by kind (PERSON, ORG, COUNTRY, PLACE), quotes underlined with a small
label naming the speaker, the speaker's mention in bold, dates and amounts marked; a
tooltip (the ``title`` attribute) on each mark gives the canonical name, code, value. The
header part of the text (before ``body_start``) is greyed. Plain HTML and CSS, no
JavaScript: the view renders the same in Jupyter, in a saved file, or in a mail.

Spans may overlap (a date inside a quote, an amount across an entity): the text is cut at
every span boundary and each piece opens and closes the marks that cover it, so the HTML
is always well formed.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["DocumentView", "KIND_COLOURS"]

# Background colours of entity kinds, dates and amounts (light, readable under black text).
KIND_COLOURS = {
    "PERSON": "#fde68a",
    "ORG": "#bfdbfe",
    "COUNTRY": "#bbf7d0",
    "PLACE": "#fbcfe8",
}
DATE_COLOUR = "#a5f3fc"
AMOUNT_COLOUR = "#fed7aa"
QUOTE_COLOUR = "#7c3aed"

# Marks nest in this order, outermost first.
_LAYERS = {"quote": 0, "speaker": 1, "entity": 2, "date": 3, "amount": 4}
_CLOSING_MARKS = "\"'”’»›"
# Characters HTML does not allow in text (C0 controls but tab, LF, CR; DEL; C1 controls):
# shown as U+FFFD, one for one, so nothing shifts.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_CSS = f"""
.newsparse-doc {{ font-family: Georgia, 'Times New Roman', serif; font-size: 15px;
  line-height: 1.9; color: #111827; background: #ffffff; max-width: 52em; padding: 0.8em 1em;
  border: 1px solid #e5e7eb; border-radius: 6px; }}
.newsparse-doc .np-meta {{ font: 12px/1.5 system-ui, sans-serif; color: #4b5563;
  margin-bottom: 0.4em; }}
.newsparse-doc .np-legend {{ font: 12px/2 system-ui, sans-serif; margin-bottom: 0.6em; }}
.newsparse-doc .np-legend span {{ margin-right: 0.6em; }}
.newsparse-doc .np-text {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
.newsparse-doc .np-head {{ color: #6b7280; }}
.newsparse-doc .np-e, .newsparse-doc .np-d, .newsparse-doc .np-a {{ padding: 1px 0;
  border-radius: 3px; }}
{{kinds}}
.newsparse-doc .np-d {{ background: {DATE_COLOUR}; }}
.newsparse-doc .np-a {{ background: {AMOUNT_COLOUR}; }}
.newsparse-doc .np-q {{ text-decoration: underline {QUOTE_COLOUR} 2px;
  text-underline-offset: 4px; }}
.newsparse-doc .np-qp {{ text-decoration-style: dashed; }}
.newsparse-doc .np-s {{ font-weight: bold; }}
.newsparse-doc .np-who {{ font: bold 10px/1 system-ui, sans-serif; color: #ffffff;
  background: {QUOTE_COLOUR}; border-radius: 3px; padding: 1px 4px; margin: 0 2px;
  vertical-align: super; white-space: nowrap; }}
.newsparse-doc .np-who.np-none {{ background: #9ca3af; }}
.newsparse-doc table.np-events {{ font: 12px/1.4 system-ui, sans-serif; border-collapse: collapse;
  margin-top: 0.8em; }}
.newsparse-doc table.np-events th, .newsparse-doc table.np-events td {{ text-align: left;
  padding: 2px 8px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }}
"""


_CSS = _CSS.replace(
    "{kinds}",
    "\n".join(f".newsparse-doc .np-{k} {{ background: {c}; }}" for k, c in KIND_COLOURS.items()),
)


@dataclass(order=True)
class _Span:
    start: int
    end: int
    layer: int
    css: str = field(compare=False)
    tooltip: str | None = field(compare=False, default=None)


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _missing(value: Any) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and value != value)


def _int(value: Any) -> int:
    return int(value)


def _tooltip(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if not _missing(p) and str(p) != "")


class DocumentView:
    """An article with its entities, quotes, dates and amounts marked, as HTML.

    Made by :meth:`Corpus.show`; in Jupyter it displays itself (``_repr_html_``).
    ``html()`` gives the HTML fragment, ``save(path)`` writes a complete page.

    Example:
        >>> import newsparse
        >>> corpus = newsparse.parse(["Kenya's president spoke on Monday. <b>Not bold</b>"])
        >>> view = corpus.show(0)
        >>> "&lt;b&gt;Not bold&lt;/b&gt;" in view.html()
        True
        >>> view
        <DocumentView doc_id=0: ... entities, ... quotes, ... dates, ... amounts>
    """

    def __init__(
        self,
        text: str,
        *,
        doc_id: int = 0,
        doc_key: Any = None,
        article: dict[str, Any] | None = None,
        entities: pd.DataFrame | None = None,
        quotes: pd.DataFrame | None = None,
        dates: pd.DataFrame | None = None,
        amounts: pd.DataFrame | None = None,
        events: pd.DataFrame | None = None,
    ) -> None:
        self.text = text
        self.doc_id = doc_id
        self.doc_key = doc_key
        self.article = article or {}
        empty = pd.DataFrame()
        self.entities = entities if entities is not None else empty
        self.quotes = quotes if quotes is not None else empty
        self.dates = dates if dates is not None else empty
        self.amounts = amounts if amounts is not None else empty
        self.events = events if events is not None else empty

    def __repr__(self) -> str:
        return (
            f"<DocumentView doc_id={self.doc_id}: {len(self.entities)} entities, "
            f"{len(self.quotes)} quotes, {len(self.dates)} dates, {len(self.amounts)} amounts>"
        )

    def _spans(self) -> tuple[list[_Span], dict[int, list[str]]]:
        n = len(self.text)
        spans: list[_Span] = []
        labels: dict[int, list[str]] = {}

        def add(start: Any, end: Any, layer: str, css: str, tip: str | None) -> None:
            s, e = int(start), int(end)
            if 0 <= s < e <= n:
                spans.append(_Span(s, e, _LAYERS[layer], css, tip or None))

        for r in self.entities.itertuples(index=False):
            kind = str(r.kind) if str(r.kind) in KIND_COLOURS else "PLACE"
            add(r.start, r.end, "entity", f"np-e np-{kind}",
                _tooltip(r.kind, r.canonical, r.code, r.title))  # fmt: skip
        for r in self.dates.itertuples(index=False):
            add(r.start, r.end, "date", "np-d", _tooltip("date", r.value, r.granularity))
        for r in self.amounts.itertuples(index=False):
            add(r.start, r.end, "amount", "np-a", _tooltip("amount", f"{r.value:g}", r.unit))
        for r in self.quotes.itertuples(index=False):
            partial = bool(r.partial)
            speaker = None if _missing(r.speaker) else str(r.speaker)
            add(r.start, r.end, "quote", "np-q np-qp" if partial else "np-q",
                _tooltip("partial quote" if partial else "quote", speaker, r.verb))  # fmt: skip
            if _int(r.speaker_start) >= 0:
                add(r.speaker_start, r.speaker_end, "speaker", "np-s", _tooltip("speaker", speaker))
            end = _int(r.end)
            if 0 <= end <= n:
                at = end + 1 if self.text[end : end + 1] in tuple(_CLOSING_MARKS) else end
                who = _esc(speaker) if speaker else "?"
                css = "np-who" if speaker else "np-who np-none"
                labels.setdefault(at, []).append(f'<span class="{css}">{who}</span>')
        spans.sort()
        return spans, labels

    def _body_html(self) -> str:
        text = _BAD_CHARS.sub("\ufffd", self.text)
        n = len(text)
        spans, labels = self._spans()
        body_start = int(self.article.get("body_start") or 0)
        cuts = {0, n, *labels}
        if 0 < body_start < n:
            cuts.add(body_start)
        for sp in spans:
            cuts.update((sp.start, sp.end))
        bounds = sorted(c for c in cuts if 0 <= c <= n)
        # The spans covering each piece [bounds[i], bounds[i + 1]).
        pieces: list[list[_Span]] = [[] for _ in bounds]
        for sp in spans:
            first = bisect.bisect_left(bounds, sp.start)
            last = bisect.bisect_left(bounds, sp.end)
            for i in range(first, last):
                pieces[i].append(sp)
        out: list[str] = []
        for i, a in enumerate(bounds):
            out.extend(labels.get(a, ()))
            if i + 1 == len(bounds):
                break
            b = bounds[i + 1]
            piece = _esc(text[a:b])
            if a < body_start:
                piece = f'<span class="np-head">{piece}</span>'
            for sp in sorted(pieces[i], key=lambda s: s.layer, reverse=True):
                tip = f' title="{_esc(sp.tooltip)}"' if sp.tooltip else ""
                piece = f'<span class="{sp.css}"{tip}>{piece}</span>'
            out.append(piece)
        return "".join(out)

    def _meta_html(self) -> str:
        a = self.article
        parts = [f"doc_id {self.doc_id}"]
        if not _missing(self.doc_key):
            parts.append(f"id {_esc(self.doc_key)}")
        published = a.get("published")
        if not _missing(published):
            parts.append(f"published {_esc(str(published)[:10])}")
        if not _missing(a.get("dateline")):
            parts.append(f"dateline {_esc(a['dateline'])}")
        sources = a.get("sources")
        if sources is not None and len(sources):
            parts.append("sources " + _esc(", ".join(str(s) for s in sources)))
        if not _missing(a.get("error")):
            parts.append(f"error: {_esc(a['error'])}")
        return '<div class="np-meta">' + " · ".join(parts) + "</div>"

    @staticmethod
    def _legend_html() -> str:
        chips = [f'<span class="np-e np-{k}">{k}</span>' for k in KIND_COLOURS]
        chips += [
            '<span class="np-d">date</span>',
            '<span class="np-a">amount</span>',
            '<span class="np-q">quote</span><span class="np-who">speaker</span>',
        ]
        return '<div class="np-legend">' + "".join(chips) + "</div>"

    def _events_html(self) -> str:
        if self.events is None or self.events.empty:
            return ""
        cols = ["sentence", "source", "code", "plover", "target", "goldstein", "date"]
        cols = [c for c in cols if c in self.events.columns]
        head = "".join(f"<th>{_esc(c)}</th>" for c in cols)
        rows = []
        for r in self.events[cols].itertuples(index=False):
            cells = "".join(f"<td>{'' if _missing(v) else _esc(v)}</td>" for v in r)
            rows.append(f"<tr>{cells}</tr>")
        return f'<table class="np-events"><tr>{head}</tr>{"".join(rows)}</table>'

    def html(self) -> str:
        """The view as an HTML fragment (a ``<div>`` with its own ``<style>``).

        Example:
            >>> from newsparse.display import DocumentView
            >>> v = DocumentView("Hi <there>")
            >>> '<div class="np-text">Hi &lt;there&gt;</div>' in v.html()
            True
        """
        return (
            f'<div class="newsparse-doc"><style>{_CSS}</style>'
            f"{self._meta_html()}{self._legend_html()}"
            f'<div class="np-text">{self._body_html()}</div>{self._events_html()}</div>'
        )

    def _repr_html_(self) -> str:
        return self.html()

    def save(self, path: str | Path) -> Path:
        """Write the view as a complete HTML page (UTF-8) and return its path.

        Example:
            >>> import pathlib, tempfile
            >>> from newsparse.display import DocumentView
            >>> p = DocumentView("Text.").save(pathlib.Path(tempfile.mkdtemp()) / "doc.html")
            >>> p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
            True
        """
        out = Path(path)
        title = _esc(self.article.get("title") or f"newsparse document {self.doc_id}")
        out.write_text(
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f"<title>{title}</title></head>\n<body>{self.html()}</body></html>\n",
            encoding="utf-8",
        )
        return out

"""The HTML view of one document: marks for every span, overlaps, escaping, rendering."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import newsparse
from newsparse.display import AMOUNT_COLOUR, DATE_COLOUR, KIND_COLOURS, QUOTE_COLOUR, DocumentView

TEXT = (
    "News ID: 5511\n"
    "NAIROBI – Kenyan Foreign Minister Joseph Mwangi met Somalia's envoy on Monday. "
    "“We will withdraw 2,000 troops by March 2024,” Mwangi said. <script>alert(1)</script>"
)


def span(s: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = TEXT.index(s, at + 1)
    return at, at + len(s)


QUOTE = "We will withdraw 2,000 troops by March 2024,"


def frames() -> dict[str, pd.DataFrame]:
    ents = [
        (*span("Joseph Mwangi"), "Joseph Mwangi", "PERSON", "Joseph Mwangi", "KEN",
         "Foreign Minister"),
        (*span("Kenyan"), "Kenyan", "COUNTRY", "Kenya", "KEN", None),
        (*span("Somalia"), "Somalia", "COUNTRY", "Somalia", "SOM", None),
        (*span("NAIROBI"), "NAIROBI", "PLACE", "Nairobi", "KEN", None),
        (*span("Mwangi", 1), "Mwangi", "PERSON", "Joseph Mwangi", "KEN", None),
    ]  # fmt: skip
    entities = pd.DataFrame(
        [(0, *e) for e in ents],
        columns=["doc_id", "start", "end", "text", "kind", "canonical", "code", "title"],
    )
    q0, q1 = span(QUOTE)
    s0, s1 = span("Mwangi", 1)
    quotes = pd.DataFrame(
        [(0, q0, q1, QUOTE, "Joseph Mwangi", s0, s1, "said", False)],
        columns=["doc_id", "start", "end", "text", "speaker", "speaker_start", "speaker_end",
                 "verb", "partial"],
    )  # fmt: skip
    # "March 2024" lies inside the quote; "2,000 troops" overlaps a made-up date span to
    # check that crossing spans still give well-formed HTML.
    d0, d1 = span("March 2024")
    m0, m1 = span("Monday")
    a0, a1 = span("2,000 troops")
    dates = pd.DataFrame(
        [(0, d0, d1, "March 2024", "2024-03", "month", False),
         (0, m0, m1, "Monday", "2022-05-02", "day", True),
         (0, a0 + 2, a1 + 3, TEXT[a0 + 2 : a1 + 3], None, "day", True)],
        columns=["doc_id", "start", "end", "text", "value", "granularity", "relative"],
    )  # fmt: skip
    amounts = pd.DataFrame(
        [(0, a0, a1, "2,000 troops", 2000.0, "troops")],
        columns=["doc_id", "start", "end", "text", "value", "unit"],
    )
    return {"entities": entities, "quotes": quotes, "dates": dates, "amounts": amounts}


def view() -> DocumentView:
    article = {"title": None, "published": pd.NaT, "dateline": "NAIROBI", "sources": [],
               "body_start": TEXT.index("NAIROBI"), "error": None}  # fmt: skip
    return DocumentView(TEXT, doc_id=0, doc_key="k-1", article=article, **frames())


class _Checker(HTMLParser):
    """Checks that tags nest properly and collects the article text and the marks."""

    VOID = {"meta", "br"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.marked: list[tuple[str, str]] = []  # (class, text) of each innermost piece
        self.in_text = False
        self.labels: list[str] = []
        self.before_label: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        cls = dict(attrs).get("class") or ""
        self.stack.append((tag, cls))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def handle_data(self, data: str) -> None:
        classes = [c for _, c in self.stack]
        if "np-text" not in classes:
            return
        if any("np-who" in c for c in classes):
            self.labels.append(data)
            self.before_label.append(self.text[-1] if self.text else "")
            return
        self.text.append(data)
        for c in classes[classes.index("np-text") + 1 :]:
            self.marked.append((c, data))


def check(html: str) -> _Checker:
    parser = _Checker()
    parser.feed(html)
    parser.close()
    assert not parser.stack, f"unclosed: {parser.stack}"
    return parser


def marked_text(parser: _Checker, css: str) -> str:
    return "".join(d for c, d in parser.marked if c == css)


def test_every_span_is_marked_and_the_text_is_intact() -> None:
    parser = check(view().html())
    assert "".join(parser.text) == TEXT
    assert "Joseph Mwangi" in marked_text(parser, "np-e np-PERSON")
    assert marked_text(parser, "np-e np-COUNTRY") == "KenyanSomalia"
    assert marked_text(parser, "np-e np-PLACE") == "NAIROBI"
    assert marked_text(parser, "np-q") == QUOTE
    assert marked_text(parser, "np-s") == "Mwangi"
    assert "March 2024" in marked_text(parser, "np-d")
    assert marked_text(parser, "np-a") == "2,000 troops"
    assert marked_text(parser, "np-head") == "News ID: 5511\n"
    # The speaker label comes after the closing quote mark.
    assert parser.labels == ["Joseph Mwangi"]
    assert parser.before_label == ["”"]


def test_tooltips_and_legend() -> None:
    html = view().html()
    assert 'title="PERSON · Joseph Mwangi · KEN · Foreign Minister"' in html
    assert 'title="date · 2024-03 · month"' in html
    assert 'title="amount · 2000 · troops"' in html
    for kind in KIND_COLOURS:
        assert f'<span class="np-e np-{kind}">{kind}</span>' in html
    assert "dateline NAIROBI" in html and "id k-1" in html


def test_text_is_escaped_and_there_is_no_script() -> None:
    html = view().html()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html.lower()
    text = 'He said "<img src=x onerror=alert(1)>" & left.\x00\x07'
    shown = newsparse.parse([text]).show(0).html()
    assert "<img" not in shown and "\x00" not in shown and "\x07" not in shown
    # Whatever the stages mark in it, the text reads back intact (controls as U+FFFD).
    assert "".join(check(shown).text) == text[:-2] + "\ufffd\ufffd"


def test_spans_at_the_edges_and_out_of_range_are_safe() -> None:
    text = "Kenya"
    ents = pd.DataFrame(
        [(0, 0, 5, "Kenya", "COUNTRY", "Kenya", "KEN", None),
         (0, 3, 99, "bad", "ORG", "x", None, None),
         (0, 4, 4, "", "ORG", "x", None, None)],
        columns=["doc_id", "start", "end", "text", "kind", "canonical", "code", "title"],
    )  # fmt: skip
    parser = check(DocumentView(text, entities=ents).html())
    assert "".join(parser.text) == "Kenya"
    assert marked_text(parser, "np-e np-COUNTRY") == "Kenya"
    assert marked_text(parser, "np-e np-ORG") == ""


def test_corpus_show_and_save(tmp_path: Path) -> None:
    from newsparse import samples

    records = samples.load()
    corpus = newsparse.parse([r["text"] for r in records], ids=[r["id"] for r in records])
    for doc_id in range(len(records)):
        shown = corpus.show(doc_id)
        parser = check(shown.html())
        assert "".join(parser.text) == records[doc_id]["text"]
        assert shown._repr_html_() == shown.html()
    path = corpus.show(3).save(tmp_path / "doc.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'charset="utf-8"' in page
    with pytest.raises(KeyError):
        corpus.show(99)


# ---- rendering in a real browser (skipped where Chromium is not installed) ----


def _png_pixels(data: bytes) -> set[tuple[int, int, int]]:
    """The distinct RGB colours of an 8-bit, non-interlaced RGB/RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    prev = bytearray(stride)
    colours: set[tuple[int, int, int]] = set()
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        colours.update((line[x], line[x + 1], line[x + 2]) for x in range(0, stride, bpp))
        prev = line
    return colours


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def test_screenshot_shows_the_highlight_colours(tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed")
    page = view().save(tmp_path / "view.html")
    shot = tmp_path / "view.png"
    cmd = [browser, "--headless", "--disable-gpu", "--hide-scrollbars",
           "--window-size=900,700", f"--screenshot={shot}", page.as_uri()]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.insert(1, "--no-sandbox")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if not shot.exists():
        pytest.skip(f"chromium could not take a screenshot here: {proc.stderr.strip()[-200:]}")
    colours = _png_pixels(shot.read_bytes())
    wanted = {
        "PERSON": KIND_COLOURS["PERSON"],
        "COUNTRY": KIND_COLOURS["COUNTRY"],
        "PLACE": KIND_COLOURS["PLACE"],
        "ORG (legend)": KIND_COLOURS["ORG"],
        "date": DATE_COLOUR,
        "amount": AMOUNT_COLOUR,
        "speaker label": QUOTE_COLOUR,
    }
    missing = [name for name, c in wanted.items() if _rgb(c) not in colours]
    assert not missing, f"colours not on screen: {missing}"

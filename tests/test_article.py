"""The articles and sentences tables on scraped shapes: headline, publication date,
dateline, sources, where the body starts, and which lines are body sentences."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

import newsparse

ROOT = Path(__file__).resolve().parents[1]
DEV = next(
    (
        p
        for p in (
            ROOT.parent / "shared/eval/dev.jsonl",
            ROOT.parent.parent / "shared/eval/dev.jsonl",
        )
        if p.exists()
    ),
    ROOT.parent / "shared/eval/dev.jsonl",
)

PRESS_PAGE = """News ID: 220417
Published: 0915 GMT March 3, 2022

‘Stay out of our waters,’ Oslo tells trawler fleets

‘Stay out of our waters,’ Oslo tells trawler fleets

Norway's fisheries minister said on Thursday that trawlers must leave, Press TV reported.

"The zone is ours. We will defend it," the minister said at a news conference in Oslo.

Security Key:
Captcha refresh
Page Generated in 0/0433 sec
"""

PHOTO_PAGE = """The minister is pictured during a visit to Bergen, on June 2, 2021. (AFP)

August 9, 2021

The minister called on Thursday for calm in the North Sea.

He met the U.S. envoy, Lt. Gen. Ray Holm, at 10 a.m. on Friday.

oslo, fishing, border, north sea
A coast guard cutter patrols the harbour in Bergen on July 19, 2011. JON DOE/AFP/Getty Images

AFP/Al Arabiya

About Fjord Watch

Fjord Watch is a platform run by analysts who follow the Nordic region.
"""

ONE_LINE = (
    " date 2021-02-03 OSLO (UrduPoint News / Sputnik - 03rd February, 2021) The minister "
    "held talks on Wednesday, as quoted by the Tasnim news agency. Talks resume Feb. 5. "
    "All Content by Nordic News Agency is licensed under a Creative Commons Attribution "
    "4.0 International License."
)


def parse(*texts: str, published=None) -> newsparse.Corpus:
    return newsparse.parse(list(texts), published=published, workers=1)


def sentences_of(corpus, doc_id: int, text: str) -> list[str]:
    s = corpus.sentences[corpus.sentences["doc_id"] == doc_id]
    return [text[a:b] for a, b in zip(s["start"], s["end"], strict=True)]


def test_press_page_header_repeated_headline_and_chrome() -> None:
    c = parse(PRESS_PAGE)
    a = c.articles.iloc[0]
    assert a["title"] == "‘Stay out of our waters,’ Oslo tells trawler fleets"
    assert a["published"] == pd.Timestamp("2022-03-03")
    assert a["dateline"] is None
    assert list(a["sources"]) == ["Press TV"]
    body = sentences_of(c, 0, PRESS_PAGE)
    assert body[0].startswith("Norway's fisheries minister")
    assert PRESS_PAGE[a["body_start"] :].startswith("Norway's fisheries minister")
    # the headline, its repeat and the captcha lines are not body sentences
    assert not any("Oslo tells" in s or "Captcha" in s or "Page Generated" in s for s in body)
    assert '"The zone is ours.' in body
    assert a["n_sentences"] == len(body) == 3


def test_photo_page_caption_tags_credit_and_about_block() -> None:
    c = parse(PHOTO_PAGE)
    a = c.articles.iloc[0]
    assert a["title"] is None  # the first line is a photo caption
    assert a["published"] == pd.Timestamp("2021-08-09")
    assert list(a["sources"]) == ["AFP", "Getty Images", "Al Arabiya"]
    body = sentences_of(c, 0, PHOTO_PAGE)
    assert body == [
        "The minister called on Thursday for calm in the North Sea.",
        "He met the U.S. envoy, Lt. Gen. Ray Holm, at 10 a.m. on Friday.",
    ]


def test_one_line_article_with_header_dateline_and_licence() -> None:
    c = parse(ONE_LINE)
    a = c.articles.iloc[0]
    assert a["title"] is None
    assert a["published"] == pd.Timestamp("2021-02-03")
    assert a["dateline"] == "OSLO"
    assert list(a["sources"]) == ["UrduPoint News", "Sputnik", "Tasnim", "Nordic News Agency"]
    assert ONE_LINE[a["body_start"] :].startswith("OSLO (UrduPoint")
    body = sentences_of(c, 0, ONE_LINE)
    assert body[-1] == "Talks resume Feb. 5."
    assert len(body) == 2


def test_published_falls_back_to_the_callers_date_never_a_body_date() -> None:
    texts = [
        "Officials met in Oslo on April 12, 2021. They agreed.",
        "Officials met in Oslo on April 12, 2021. They agreed.",
        PRESS_PAGE,
    ]
    c = parse(*texts, published=[None, dt.date(2021, 5, 1), "2020-01-01"])
    got = c.articles["published"].tolist()
    assert pd.isna(got[0])
    assert got[1] == pd.Timestamp("2021-05-01")
    assert got[2] == pd.Timestamp("2022-03-03")  # the text's own header wins


@pytest.mark.parametrize(
    "opening, place, sources",
    [
        ("OSLO – The minister spoke.", "OSLO", []),
        ("OSLO (Reuters) - The minister spoke.", "OSLO", ["Reuters"]),
        ("NEW YORK, May 3 (Xinhua) -- The minister spoke.", "NEW YORK", ["Xinhua"]),
        ("Lake Town (Norway) : The minister spoke.", "Lake Town", []),
        ("The minister spoke - briefly - in Oslo.", None, []),
    ],
)
def test_datelines(opening: str, place, sources) -> None:
    a = parse(opening).articles.iloc[0]
    assert a["dateline"] == place
    assert list(a["sources"]) == sources


def test_sentence_offsets_are_code_points() -> None:
    text = "Ålesund – “Ja.” Møller left the U.S. embassy. He returned at 9 p.m. The end…"
    c = parse(text)
    assert sentences_of(c, 0, text) == [
        "Ålesund – “Ja.”",
        "Møller left the U.S. embassy.",
        "He returned at 9 p.m.",
        "The end…",
    ]


def test_dev_header_fields_when_available() -> None:
    if not DEV.exists():
        pytest.skip("shared eval data not present")
    gold = [
        json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    c = newsparse.parse([g["text"] for g in gold], workers=1)
    for g, (_, a) in zip(gold, c.articles.iterrows(), strict=True):
        assert a["title"] == g["title"], g["id"]
        want = pd.Timestamp(g["published"]) if g["published"] else None
        assert (pd.isna(a["published"]) and want is None) or a["published"] == want, g["id"]
        assert a["dateline"] == g["dateline"], g["id"]

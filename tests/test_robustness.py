"""Hostile input: every adversarial document parses, offsets stay valid, nothing is lost.

Time bounds are measured in benches/adversarial.py, not asserted here.
"""

from __future__ import annotations

import pytest
from adversarial import MAKERS

import newsparse

SPAN_TABLES = ("sentences", "entities", "quotes", "dates", "amounts")


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_adversarial_document_parses_with_valid_offsets(kind: str) -> None:
    text = MAKERS[kind](200_000)
    corpus = newsparse.parse([text, "Iran said so."], workers=2)
    assert len(corpus.articles) == 2
    assert corpus.articles["error"].isna().all()
    assert corpus.articles["n_chars"].tolist() == [len(text), len("Iran said so.")]
    for name in SPAN_TABLES:
        df = getattr(corpus, name)
        for row in df[df["doc_id"] == 0].itertuples():
            if name != "sentences":
                assert text[row.start : row.end] == row.text
            assert 0 <= row.start <= row.end <= len(text)


def test_five_million_character_line() -> None:
    text = MAKERS["one_line"](5_000_000)
    corpus = newsparse.parse([text], workers=1)
    assert corpus.articles["n_chars"].iloc[0] == len(text)
    assert len(corpus.sentences) > 1000


def test_max_chars_truncates_with_a_note() -> None:
    text = MAKERS["news"](10_000)
    corpus = newsparse.parse([text, "short."], max_chars=1_000)
    err = corpus.articles["error"].tolist()
    assert "truncated" in err[0] and "10000" in err[0]
    assert err[1] is None
    assert (corpus.entities.loc[corpus.entities["doc_id"] == 0, "end"] <= 1_000).all()


def test_same_output_for_one_and_two_workers() -> None:
    texts = [MAKERS[k](5_000) for k in sorted(MAKERS)] * 3
    one = newsparse.parse(texts, workers=1)
    two = newsparse.parse(texts, workers=2)
    for name, df in one.tables.items():
        assert df.equals(getattr(two, name)), name

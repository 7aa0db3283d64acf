"""Offsets are Python string offsets: ``texts[doc_id][start:end] == text`` for every row.

Property tests over arbitrary Unicode (astral emoji, CJK, combining marks, right-to-left
script, CRLF, lone CR, NUL, characters whose case mapping changes length) and over news
sentences with such characters inserted at random places.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse

SPAN_TABLES = ("sentences", "entities", "quotes", "dates", "amounts")

# Our own news-like sentences: names, titles, quotes, dates, amounts, datelines.
NEWS = [
    "TEHRAN – Iranian Foreign Minister Hamid Rezaeifar met his Iraqi counterpart on Monday.",
    "“We will not accept any foreign presence,” Rezaeifar told reporters in Baghdad.",
    'Kenya\'s President said 2,500 troops would leave Somalia by March 2024, "as agreed."',
    "The U.S. Treasury imposed sanctions on four officials on Thursday, the ministry said.",
    "Shares rose 3.2% to $45.10 in Amsterdam, and the deal is worth €2.1 billion.",
    "News ID: 418822\nPublished: 0712 GMT March 3, 2022\n",
    " date 2022-05-04 ANKARA (UrduPoint News / Sputnik - 04th May, 2022) Talks began.",
    "ATTA KENARE/AFP/Getty Images\niran, military, border, afghanistan\n",
    "Security Key:\nCaptcha refresh\nPage Generated in 0/0712 sec",
    "The African Union condemned the strike, which killed 24 civilians last week.",
    "‘Leave the region,’ the minister said. He added: ‘Now.’",
]
# Characters that break byte/char or grapheme assumptions.
ODD = [
    "😀",
    "👍🏽",
    "🇮🇷",
    "中文报道",
    "e\u0301",
    "مرحبا بالعالم",
    "\u200f",
    "\r\n",
    "\r",
    "\x00",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\t",
    "İ",
    "ß",
    "ﬁ",
    "“",
    "”",
    "’",
    "«",
    "»",
    "—",
    "\xa0",
    "𝐀",
]

# Any code point but lone surrogates (which parse() rejects), mixed with multi-character
# pieces (emoji sequences, CRLF, words in other scripts) and news punctuation.
unicode_text = st.lists(
    st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from(ODD),
        st.sampled_from(list(" .,\"'“”‘’()-–\n")),
    ),
    max_size=200,
).map("".join)


@st.composite
def mutated_news(draw: st.DrawFn) -> str:
    sentences = draw(st.lists(st.sampled_from(NEWS), min_size=1, max_size=6))
    text = draw(st.sampled_from([" ", "\n", "\n\n", "\r\n"])).join(sentences)
    for _ in range(draw(st.integers(0, 10))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(ODD)) + text[at:]
    return text


def check_offsets(texts: list[str], corpus: newsparse.Corpus) -> None:
    """Every span of every table points at its own text in its own document."""
    arts = corpus.articles
    assert arts["doc_id"].tolist() == list(range(len(texts)))
    for doc, n_chars, body_start in zip(
        arts["doc_id"], arts["n_chars"], arts["body_start"], strict=True
    ):
        assert n_chars == len(texts[doc])
        assert 0 <= body_start <= n_chars
    for name in SPAN_TABLES:
        df = getattr(corpus, name)
        for row in df.itertuples():
            text = texts[row.doc_id]
            assert 0 <= row.start <= row.end <= len(text), (name, row)
            if name != "sentences":
                assert text[row.start : row.end] == row.text, (name, row)
    for row in corpus.quotes.itertuples():
        n = len(texts[row.doc_id])
        if row.speaker_start == -1:
            assert row.speaker_end == -1
        else:
            assert 0 <= row.speaker_start < row.speaker_end <= n, row


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.lists(unicode_text, min_size=1, max_size=4))
def test_offsets_hold_for_arbitrary_unicode(texts: list[str]) -> None:
    check_offsets(texts, newsparse.parse(texts, workers=1))


@FAST
@given(st.lists(mutated_news(), min_size=1, max_size=4))
def test_offsets_hold_for_news_with_odd_characters(texts: list[str]) -> None:
    check_offsets(texts, newsparse.parse(texts, workers=1))


def test_offsets_hold_for_the_samples_with_astral_characters_in_front() -> None:
    from newsparse import samples

    texts = [("😀🇮🇷 " * (i + 1)) + t for i, t in enumerate(samples.texts())]
    check_offsets(texts, newsparse.parse(texts))

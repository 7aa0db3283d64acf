"""The quotes table: who said what, as a user of newsparse checks it."""

from __future__ import annotations

import json
import pathlib

import pytest

import newsparse

DEV = pathlib.Path("/work/shared/eval/dev.jsonl")

WIRE = (
    "AMMAN – Jordanian Foreign Minister Karim Haddad met his Syrian counterpart on Monday, "
    "the state news agency reported.\n\n"
    "“Our borders will stay open to trade,” Haddad said after the meeting.\n\n"
    "He added that the two sides had agreed to “deepen cooperation” on water.\n\n"
    "“We have no other choice.\n\n"
    "“The drought does not stop at the border,” the minister said.\n\n"
    "A senior Syrian official, speaking on condition of anonymity, told reporters: "
    '"The talks were constructive." "We will meet again," the official added.\n\n'
    "The agreement, dubbed the “Yarmouk Accord” by local media, still needs approval."
)


def _rows(text: str):
    q = newsparse.parse([text]).quotes
    return [
        {
            "text": r.text,
            "speaker": r.speaker,
            "partial": bool(r.partial),
            "verb": r.verb,
            "mention": text[r.speaker_start : r.speaker_end] if r.speaker_start >= 0 else None,
        }
        for r in q.itertuples()
    ]


def test_columns_and_offsets():
    q = newsparse.parse([WIRE]).quotes
    for col in (
        "doc_id",
        "start",
        "end",
        "text",
        "speaker",
        "speaker_start",
        "speaker_end",
        "verb",
        "partial",
    ):
        assert col in q.columns
    for r in q.itertuples():
        assert WIRE[r.start : r.end] == r.text


def test_who_said_what():
    rows = _rows(WIRE)
    texts = [r["text"] for r in rows]
    assert texts == [
        "Our borders will stay open to trade,",
        "deepen cooperation",
        "We have no other choice.\n\n“The drought does not stop at the border,",
        "The talks were constructive.",
        "We will meet again,",
    ]
    by_text = {r["text"]: r for r in rows}
    first = by_text["Our borders will stay open to trade,"]
    # a surname resolves to the full name seen earlier; the mention is the surname
    assert (
        first["speaker"] == "Karim Haddad"
        and first["mention"] == "Haddad"
        and first["verb"] == "said"
    )
    assert first["partial"] is False
    # a pronoun resolves to the person; a fragment inside a sentence is partial
    frag = by_text["deepen cooperation"]
    assert frag["speaker"] == "Karim Haddad" and frag["mention"] == "He" and frag["partial"] is True
    # a quote over two paragraphs is one quote, attributed by "the minister"
    multi = rows[2]
    assert multi["speaker"] == "Karim Haddad" and multi["mention"] == "the minister"
    # an unnamed speaker keeps its noun phrase, and "the official" refers back to it
    assert by_text["The talks were constructive."]["speaker"] == "senior Syrian official"
    assert by_text["We will meet again,"]["speaker"] == "senior Syrian official"


def test_names_of_things_are_not_quotes():
    assert all("Yarmouk" not in r["text"] for r in _rows(WIRE))


def test_quote_styles():
    cases = [
        (
            "'We will not back down,' Anne Holloway told reporters.",
            "We will not back down,",
            "Anne Holloway",
        ),
        (
            '"Nothing has changed," said Defence Minister Omar Faris.',
            "Nothing has changed,",
            "Omar Faris",
        ),
        ("Paul Girard said: «We stay.»", "We stay.", "Paul Girard"),
        ("Lina Farouk said: ‘The clinic is full.’", "The clinic is full.", "Lina Farouk"),
    ]
    for text, quote, speaker in cases:
        rows = _rows(text)
        assert [r["text"] for r in rows] == [quote], text
        assert rows[0]["speaker"] == speaker, text


def test_quoting_frame_names_the_person_not_the_outlet():
    text = "“Trade must grow,” the presidency website quoted Sami Nasser as saying."
    (row,) = _rows(text)
    assert row["speaker"] == "Sami Nasser"
    assert row["verb"] == "quoted ... as saying"


def test_unbalanced_marks_do_not_spoil_the_document():
    text = 'He said “stop and left. ’90s fans and the generals\' plan. "Go home," Omar Faris said.'
    rows = _rows(text)
    assert [r["text"] for r in rows] == ["Go home,"]
    assert rows[0]["speaker"] == "Omar Faris"


def test_apostrophes_are_not_quote_marks():
    assert _rows("Iran’s envoy didn't attend the ministers' meeting in Doha.") == []


def test_many_unbalanced_marks_in_one_document():
    text = "“ a " * 100_000 + "“It works,” Omar Faris said."
    rows = _rows(text)
    assert rows[-1]["text"] == "It works," and rows[-1]["speaker"] == "Omar Faris"


@pytest.mark.skipif(not DEV.exists(), reason="shared eval set not present")
def test_dev_quotes_found_with_speakers():
    docs = [json.loads(line) for line in DEV.read_text().splitlines() if line.strip()]
    q = newsparse.parse([d["text"] for d in docs]).quotes
    found = hit = total = 0
    for i, d in enumerate(docs):
        got = q[q.doc_id == i]
        for g in d["quotes"]:
            total += 1
            m = got[got.text.str.contains(g["text"][:30], regex=False)]
            if len(m):
                found += 1
                sp = m.iloc[0].speaker or ""
                hit += g["speaker"].split()[-1] in sp
    assert found / total >= 0.9
    assert hit / total >= 0.85

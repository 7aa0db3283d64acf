"""Events whose actors the text only implies: bare group nouns (`police`, `rebels`) coded
by the country the sentence names, violence coded from its scene, and PLOVER types."""

from __future__ import annotations

import newsparse


def events_of(text: str) -> set[tuple]:
    ev = newsparse.parse([text]).events
    return {
        (r.source, r.root, r.target if isinstance(r.target, str) else None, r.plover)
        for r in ev.itertuples()
    }


def test_group_noun_takes_the_sentence_country():
    got = events_of("Police in Kenya arrested dozens of students in Nairobi on Monday.")
    assert any(s == "KEN" and root == "17" and t == "KEN" for s, root, t, _ in got), got


def test_violence_with_a_scene_and_no_named_doer():
    got = events_of("A roadside bomb near Kandahar killed two Canadian soldiers on Sunday.")
    assert any(s == "AFG" and t == "CAN" and p == "ASSAULT" for s, _, t, p in got), got


def test_a_led_country_acts():
    got = events_of("Saudi-led forces withdrew from Yemen in March.")
    assert any(s == "SAU" and root == "08" for s, root, _, _ in got), got


def test_sanctions_are_plover_sanction():
    got = events_of("Canada imposed sanctions on Russia on Friday.")
    assert any(s == "CAN" and t == "RUS" and p == "SANCTION" for s, _, t, p in got), got

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


def test_conditions_and_possibilities_are_not_events():
    got = events_of("Chile threatened to cut ties with Peru unless Lima accepted the court ruling.")
    assert any(s == "CHL" and root == "13" for s, root, _, _ in got), got
    assert not any(root == "08" for _, root, _, _ in got), got
    assert events_of("If Ghana asks Togo for help, it will act.") == set()
    assert events_of("Peru and Chile should cooperate with Bolivia, analysts said.") == set()


def test_a_country_qualifying_a_thing_is_not_its_subject():
    # the presence does not help: Russia is not the one rejecting anything
    got = events_of("The Russian presence in Syria does not help Turkey, Ankara said.")
    assert not any(s == "RUS" for s, _, _, _ in got), got


def test_anti_and_backed_words_are_not_actors():
    got = events_of("Kenya and Ethiopia began to cooperate closely on anti-Shabaab operations.")
    assert ("KEN", "06", "ETH", "COOPERATE") in got, got
    assert not any(t == "SOM" or s == "SOM" for s, _, t, _ in got), got


def test_a_host_of_refugees_is_not_a_visit_and_a_label_needs_someone():
    assert not any(
        root == "04"
        for _, root, _, _ in events_of("Turkey hosts about 3.6 million refugees from Syria.")
    )
    got = events_of("Mexico rejected what it described as interference.")
    assert not any(root in ("11", "12") for _, root, _, _ in got), got


def test_praised_for_doing_and_accused_of_doing():
    got = events_of("Germany praised Austria for supporting Slovenia.")
    assert ("AUT", "05", "SVN", "SUPPORT") in got, got
    got = events_of("Germany accused Austria of attacking Slovenia.")
    assert ("DEU", "11", "AUT", "ACCUSE") in got, got
    assert not any(s == "AUT" for s, _, _, _ in got), got


def test_a_news_story_codes_who_did_what_to_whom():
    text = (
        "Iran and Oman discuss regional security\n\n"
        "TEHRAN – Iranian Foreign Minister Hossein Karimi held a phone call with his Omani "
        "counterpart on Sunday.\n\n"
        "In a meeting with Iraqi officials in Baghdad on Monday, Karimi condemned the "
        "European Union's decision to impose new sanctions on Syria.\n\n"
        "He discussed border security and thanked Oman for its mediation.\n\n"
        "If Washington returns to the talks, Tehran will respond, he said."
    )
    ev = newsparse.parse([text]).events
    got = {
        (r.source, r.root, r.target if isinstance(r.target, str) else None) for r in ev.itertuples()
    }
    assert ("IRN", "04", "OMN") in got, got  # the phone call
    assert ("IRN", "04", "IRQ") in got, got  # an opening `In a meeting with`
    assert ("IGO", "16", "SYR") in got, got  # the EU's decision to impose
    assert ("IRN", "05", "OMN") in got, got  # the coordinated `thanked`
    # a condition is not an event, and discussing a topic meets no one
    assert not any(s == "USA" for s, _, _ in got), got
    assert not any(root == "04" and t is None for _, root, t in got), got

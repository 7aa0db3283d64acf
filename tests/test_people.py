"""Well-known people whose country the article never states: the people list gives their
code to the entity and so to the events they take part in; the article's own country
still wins, and a bare surname is never coded from the list."""

from __future__ import annotations

import newsparse

STORY = (
    "President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Monday to discuss "
    "energy prices.\n"
    "Macron praised Scholz for his support, officials said.\n"
    "Sergey Lavrov criticised the meeting on Tuesday."
)


def people(text: str):
    ents = newsparse.parse([text]).entities
    return ents[ents["kind"] == "PERSON"]


def test_a_known_person_is_coded_at_every_mention():
    p = people(STORY)
    macron = p[p["canonical"] == "Emmanuel Macron"]
    assert len(macron) == 2, p
    assert set(macron["code"]) == {"FRA"}
    assert set(p[p["canonical"] == "Olaf Scholz"]["code"]) == {"DEU"}
    assert set(p[p["canonical"] == "Sergey Lavrov"]["code"]) == {"RUS"}


def test_events_of_a_known_person_have_their_country():
    ev = newsparse.parse(
        ["President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Monday."]
    ).events
    pairs = {(r.source, r.target) for r in ev.itertuples()}
    assert ("FRA", "DEU") in pairs or ("DEU", "FRA") in pairs, ev


def test_the_article_country_wins_and_a_bare_surname_stays_uncoded():
    p = people(
        "Norwegian Finance Minister Jens Stoltenberg presented the budget on Tuesday.\n"
        "Johnson said the plan was sound."
    )
    assert set(p[p["canonical"] == "Jens Stoltenberg"]["code"]) == {"NOR"}
    johnson = p[p["canonical"] == "Johnson"]
    assert johnson["code"].isna().all(), johnson

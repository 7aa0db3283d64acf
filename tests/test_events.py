"""The events table: CAMEO-coded political events from verb patterns, with actors,
date and location; user verb patterns through Lexicon and PETRARCH-format dictionaries."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

import newsparse
from newsparse._petrarch_verbs import read_petrarch_verbs

ARTICLE = (
    "ANKARA - Turkish Foreign Minister Selim Yavuzer urged Greece to withdraw its warships "
    "from the disputed waters on Tuesday. Yavuzer met with his Bulgarian counterpart in Sofia "
    "on March 2, 2022. Greece did not reject the proposal. Athens condemned the Turkish "
    "naval drills outside Rhodes, and Greek jets were scrambled. The European Union "
    "imposed sanctions on Belarus."
)

EVAL = Path("/work/shared/eval")


@pytest.fixture(scope="module")
def events():
    c = newsparse.parse([ARTICLE], published=[dt.date(2022, 3, 1)])
    return c.events


def triples(ev):
    return {
        (r.source, r.code, r.target if isinstance(r.target, str) else None) for r in ev.itertuples()
    }


def test_columns(events):
    want = [
        "doc_id",
        "sentence",
        "source",
        "source_agent",
        "source_text",
        "target",
        "target_agent",
        "target_text",
        "code",
        "root",
        "plover",
        "quad_class",
        "goldstein",
        "date",
        "location",
        "text",
    ]
    assert list(events.columns) == want


def test_appeal_with_people_coded_through_their_country(events):
    row = events[events.code == "025"].iloc[0]
    assert (row.source, row.target) == ("TUR", "GRC")
    assert row.root == "02" and row.plover == "REQUEST" and row.quad_class == 1
    assert row.source_agent == "GOV"
    assert row.date == "2022-03-01"  # "Tuesday" aside, no dated mention: the publication date


def test_meeting_a_later_mention_and_its_place(events):
    row = events[(events.root == "04")].iloc[0]
    assert (row.source, row.target) == ("TUR", "BGR")
    assert row.location == "Sofia"


def test_negation_capital_as_government_and_igo(events):
    t = triples(events)
    assert not any(code.startswith("12") for _, code, _ in t)  # "did not reject"
    assert ("GRC", "111", "TUR") in t  # "Athens condemned the Turkish ..."
    assert ("IGO", "163", "BLR") in t
    row = events[events.code == "163"].iloc[0]
    assert row.root == "16" and row.quad_class == 4 and row.goldstein < 0 and row.plover is not None


def test_every_row_is_consistent(events):
    for r in events.itertuples():
        assert r.code.startswith(r.root)
        assert r.text in ARTICLE
        assert isinstance(r.source, str) and r.source


def test_user_verb_pattern():
    text = "Chile snubbed Peru at the regional summit in Lima."
    assert newsparse.parse([text]).events.empty
    lex = newsparse.Lexicon()
    lex.add_verb("snub * at _ summit", "125")
    ev = newsparse.parse([text], lexicon=lex).events
    assert triples(ev) == {("CHL", "125", "PER")}
    assert ev.plover.iloc[0] == "REJECT"


def test_petrarch_verb_dictionary(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text(
        "# our own sample in PETRARCH format\n"
        "&FORCES\n+TROOPS\n+SOLDIERS\n\n"
        "--- PROD   [020] ---\nPROD\nPRODDED\nNUDGE\n"
        "- * + TO PULL_OUT &FORCES  [025]\n"
        "- $ * + TO TALK  [026]\n"
        "- * {TO|INTO} TALKS  [026]\n"
        "--- SMITE  [---] ---\nSMITE {SMOTE SMITTEN}\n- * +  [190]\n",
        encoding="utf-8",
    )
    lex = newsparse.Lexicon()
    added, skipped = read_petrarch_verbs(lex, path)
    # prod, nudge (the block code); both with the pull-out pattern; smite with its pattern
    assert (added, skipped) == (5, 2)
    text = "Egypt prodded Sudan to pull out troops from the border. Libya smote Chad."
    t = triples(newsparse.parse([text], lexicon=lex).events)
    assert ("EGY", "025", "SDN") in t
    assert ("LBY", "190", "TCD") in t


def _score(name):
    path = EVAL / name
    if not path.exists() or not (EVAL / "score.py").exists():
        pytest.skip(f"{path} not available")
    spec = importlib.util.spec_from_file_location("nscore", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    docs = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    corpus = newsparse.parse([d["text"] for d in docs])
    acc, prf, _ = mod.score(docs, corpus)
    return acc, prf


def test_accuracy_floor_plover_gsr():
    acc, prf = _score("plover_gsr.jsonl")
    ok, n = acc["event_types"]
    assert ok / n >= 0.55
    assert prf["events"].f() >= 0.33


def test_accuracy_floor_dev():
    acc, prf = _score("dev.jsonl")
    ok, n = acc["event_types"]
    assert ok / n >= 0.7
    assert prf["events"].f() >= 0.33

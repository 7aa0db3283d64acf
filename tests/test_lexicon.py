"""Users extend the lexicon: actors and titles by hand, or from PETRARCH/Phoenix dictionaries."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsparse
from newsparse.exceptions import LexiconFormatError

DATA = Path(__file__).resolve().parent / "data"


def test_from_petrarch_reads_actors_aliases_and_current_codes():
    lex = newsparse.Lexicon.from_petrarch(DATA / "petrarch_actors.txt")
    forms = {a[0]: a for a in lex._actors}
    # the entry line, its "+" aliases, and the code in force last (open-ended NLDELI)
    assert forms["Tomas Veldkamp"][1:5] == ("PERSON", "NLD", "Tomas Veldkamp", "ELI")
    assert forms["Veldkamp"][3] == "Tomas Veldkamp"
    assert forms["Ariana Kostova"][2] == "BGR" and forms["Ariana Kostova"][4] == "MIL"
    assert "Hasan al Bazzaz" in forms


def test_petrarch_actors_are_found_in_text():
    lex = newsparse.Lexicon.from_petrarch(
        DATA / "petrarch_actors.txt", DATA / "petrarch_organizations.txt"
    )
    text = (
        "Veldkamp met officials of the Northern Rivers Development Fund. "
        "Later the ZLF said Kostova was wrong."
    )
    e = newsparse.parse([text], lexicon=lex).entities
    by_text = {r.text: r for r in e.itertuples()}
    assert by_text["Veldkamp"].canonical == "Tomas Veldkamp"
    assert by_text["Veldkamp"].code == "NLD"
    assert by_text["Northern Rivers Development Fund"].kind == "ORG"
    assert by_text["Northern Rivers Development Fund"].code == "IGO"
    assert (by_text["ZLF"].canonical, by_text["ZLF"].code) == ("Zorbian Liberation Front", "ZLF")
    assert by_text["Kostova"].kind == "PERSON"


def test_petrarch_agents_rows_become_titles(tmp_path):
    agents = tmp_path / "agents.txt"
    agents.write_text("# roles\nHARBOUR_MASTER_ [~GOV]\n+PORT_CHIEF_\n", encoding="utf-8")
    lex = newsparse.Lexicon.from_petrarch(agents)
    assert ("harbour master", "GOV", []) in lex._titles
    e = newsparse.parse(["Harbour master Ilse Brandt closed the port."], lexicon=lex).entities
    person = e[e["kind"] == "PERSON"].iloc[0]
    assert person["canonical"] == "Ilse Brandt"
    assert person["title"].lower() == "harbour master"


def test_petrarch_bad_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("+ALIAS_FIRST_\nSOMEONE_ [USAGOV\n", encoding="utf-8")
    with pytest.raises(LexiconFormatError, match="bad.txt:1"):
        newsparse.Lexicon.from_petrarch(bad)
    with pytest.raises(LexiconFormatError):
        newsparse.Lexicon.from_petrarch(tmp_path / "missing.txt")


def test_user_actor_wins_over_builtin():
    lex = newsparse.Lexicon()
    lex.add_actor("Kabul", kind="ORG", code="KBL", aliases=[])
    e = newsparse.parse(["Kabul said it would talk."], lexicon=lex).entities
    assert list(e[e["text"] == "Kabul"]["kind"]) == ["ORG"]


def test_bad_actor_kind_is_rejected():
    lex = newsparse.Lexicon()
    with pytest.raises(LexiconFormatError):
        lex.add_actor("Somebody", kind="ANIMAL")

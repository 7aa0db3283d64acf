"""Dates table: surface forms, ISO values resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import newsparse
import pytest

REPORT = (
    "TEHRAN - Iran's foreign minister met his Iraqi counterpart on Saturday, the state news "
    "agency reported. The two last met on 19 Dec 2020 and again on January 15. "
    "A follow-up round will be held on Tuesday, officials said, and a summit is planned "
    "for mid-2021. Trade between the neighbours has doubled since the 1990s and grew "
    "30 percent last year. The truce lasted seven days in recent months."
)


def rows(text: str, published=None) -> list[tuple[str, object, str, bool]]:
    corpus = newsparse.parse([text], published=[published])
    df = corpus.dates
    return list(zip(df["text"], df["value"], df["granularity"], df["relative"], strict=True))


def test_report_resolved_against_the_callers_date() -> None:
    got = rows(REPORT, dt.date(2021, 2, 3))  # a Wednesday
    values = {t: v for t, v, _, _ in got}
    assert values == {
        "Saturday": "2021-01-30",
        "19 Dec 2020": "2020-12-19",
        "January 15": "2021-01-15",
        "Tuesday": "2021-02-09",  # future clause: the next Tuesday
        "mid-2021": "2021",
        "1990s": "199",
        "last year": "2020",
    }
    gran = {t: g for t, _, g, _ in got}
    assert gran["Saturday"] == "day" and gran["last year"] == "year"
    rel = {t: r for t, _, _, r in got}
    assert rel["Saturday"] and not rel["19 Dec 2020"]


def test_without_an_anchor_relative_dates_stay_unresolved() -> None:
    got = {t: v for t, v, _, _ in rows(REPORT)}
    assert got["19 Dec 2020"] == "2020-12-19"
    for t in ("Saturday", "January 15", "Tuesday", "last year"):
        assert got[t] is None, t


def test_offsets_and_week_values() -> None:
    text = "Markets fell this week after the bank cut rates last week."
    corpus = newsparse.parse([text], published=["2021-02-03"])
    df = corpus.dates
    for r in df.itertuples():
        assert text[r.start : r.end] == r.text
    assert df["value"].tolist() == ["2021-W05", "2021-W04"]
    assert set(df["granularity"]) == {"week"}


@pytest.mark.parametrize(
    "text",
    [
        "Officials may decide soon.",
        "The siege lasted 18 years.",
        "The vote is at 10:30 local time.",
        "Fighting has eased in the past weeks.",
    ],
)
def test_not_dates(text: str) -> None:
    assert rows(text, dt.date(2021, 2, 3)) == []


GOLD = Path("/work/shared/eval")


def test_meantime_date_values_floor() -> None:
    path = GOLD / "meantime.jsonl"
    if not path.exists():
        pytest.skip("gold files not available")
    out = subprocess.run(
        [sys.executable, str(GOLD / "score.py"), str(path), "--anchor-dates"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("date_values"))
    assert float(line.split()[2]) >= 0.80, out

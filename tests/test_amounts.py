"""Amounts table: value as a float and the counted thing; years, times, codes are not amounts."""

from __future__ import annotations

import math

import newsparse
import pytest

STORY = (
    "News ID: 401877\n"
    "Kabul, 4 March 2021 - More than 2,400 U.S. soldiers have died since 2001, and roughly "
    "14,000 personnel remain, the Pentagon said at 0930 GMT. Washington has spent $1.5 billion "
    "on the base, while Iran pledged 2.3bn rials and 30% of the costs. Two sources said "
    "tens of thousands of refugees crossed. The council cited Resolution 2231 and the 3rd clause."
)


def amounts(text: str) -> list[tuple[str, float, object]]:
    df = newsparse.parse([text]).amounts
    for r in df.itertuples():
        assert text[r.start : r.end] == r.text
    return list(zip(df["text"], df["value"], df["unit"], strict=True))


def test_story_amounts() -> None:
    got = amounts(STORY)
    assert got == [
        ("2,400 U.S. soldiers", 2400.0, "soldiers"),
        ("14,000 personnel", 14000.0, "personnel"),
        ("$1.5 billion", 1.5e9, "USD"),
        ("2.3bn rials", 2.3e9, "IRR"),
        ("30%", 30.0, "%"),
        ("Two sources", 2.0, "sources"),
        ("tens of thousands of refugees", 10000.0, "refugees"),
    ]


def test_values_are_floats() -> None:
    df = newsparse.parse(["Turnout was 48.5 percent among 4 million voters."]).amounts
    assert df["value"].dtype == "float64"
    assert df["value"].tolist() == [48.5, 4e6]
    assert df["unit"].tolist() == ["%", "voters"]


@pytest.mark.parametrize(
    "text",
    [
        "The Boeing 737 and the A380 landed.",
        "He was born in 1979 and left on 12 May 2019.",
        "Talks began at 10:30 and lasted five hours.",
        "One of them came 2nd.",
        "Page 3 of the report cites Article 51.",
    ],
)
def test_not_amounts(text: str) -> None:
    assert amounts(text) == []


def test_empty_and_unicode_text() -> None:
    assert amounts("") == []
    got = amounts("Über 5 Mio. — “about 12 ships” sailed €20 million.")
    assert ("€20 million", 2e7, "EUR") in got
    assert all(not math.isnan(v) for _, v, _ in got)

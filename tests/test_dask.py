"""newsparse.dask on a real two-process LocalCluster gives the same rows as parse()."""

from __future__ import annotations

import pandas as pd
import pytest

import newsparse

ARTICLES = [
    "TEHRAN – Iran's foreign minister met his Iraqi counterpart in Tehran on Monday, the "
    "ministry said. \"We want calm,\" he said.",
    "WASHINGTON (Reuters) - The United States imposed sanctions on three Russian banks on "
    "Friday, officials said.",
    "",
    "Kenya's president said 2,000 troops would leave Somalia by March 2024.",
    "Ankara, 4 May 2022 - Turkish officials condemned the attack, which killed 12 people.",
]


def test_dask_tables_match_parse() -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    df = pd.DataFrame(
        {
            "text": ARTICLES * 4,
            "key": [f"a{i}" for i in range(len(ARTICLES) * 4)],
            "day": ["2022-05-06"] * (len(ARTICLES) * 4),
        }
    )
    ddf = dd.from_pandas(df, npartitions=3)
    expected = newsparse.parse(df["text"], ids=df["key"], published=df["day"])
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster):
        import newsparse.dask as nd

        tables = nd.parse(ddf, text="text", id="key", published="day")
        got = tables.compute()
    assert got["articles"]["doc_id"].is_unique
    for name, want in expected.tables.items():
        have = got[name].reset_index(drop=True)
        assert list(have.columns) == list(want.columns), name
        pd.testing.assert_frame_equal(_plain(have), _plain(want), check_dtype=False)


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns as objects with None for missing: Dask may store them as Arrow strings."""
    out = df.reset_index(drop=True).copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = [None if _missing(v) else v for v in out[col].tolist()]
    return out


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)

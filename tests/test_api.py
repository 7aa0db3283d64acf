"""The Python API contract: table shapes, accepted inputs, errors, determinism.

The contract below is copied from DESIGN.md by hand on purpose: a change to the package's
SCHEMA that breaks the contract must fail here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pandas as pd
import pytest

import newsparse
from newsparse import samples

# DESIGN.md, "Columns": every table's columns in order. "object" columns hold str or None
# (sources: a list of str), whatever pandas' default string dtype is.
CONTRACT: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("doc_id", "int64"),
        ("title", "object"),
        ("published", "datetime64[ns]"),
        ("dateline", "object"),
        ("sources", "object"),
        ("body_start", "int64"),
        ("n_chars", "int64"),
        ("n_sentences", "int64"),
        ("error", "object"),
    ],
    "sentences": [("doc_id", "int64"), ("sentence", "int64"), ("start", "int64"), ("end", "int64")],
    "entities": [
        ("doc_id", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "object"),
        ("kind", "object"),
        ("canonical", "object"),
        ("code", "object"),
        ("title", "object"),
    ],
    "quotes": [
        ("doc_id", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "object"),
        ("speaker", "object"),
        ("speaker_start", "int64"),
        ("speaker_end", "int64"),
        ("verb", "object"),
        ("partial", "bool"),
    ],
    "dates": [
        ("doc_id", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "object"),
        ("value", "object"),
        ("granularity", "object"),
        ("relative", "bool"),
    ],
    "amounts": [
        ("doc_id", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "object"),
        ("value", "float64"),
        ("unit", "object"),
    ],
    "events": [
        ("doc_id", "int64"),
        ("sentence", "int64"),
        ("source", "object"),
        ("source_agent", "object"),
        ("source_text", "object"),
        ("target", "object"),
        ("target_agent", "object"),
        ("target_text", "object"),
        ("code", "object"),
        ("root", "object"),
        ("plover", "object"),
        ("quad_class", "int64"),
        ("goldstein", "float64"),
        ("date", "object"),
        ("location", "object"),
        ("text", "object"),
    ],
}

ARTICLES = [
    "TEHRAN – Iranian Foreign Minister Hamid Rezaeifar met his Iraqi counterpart in Tehran on "
    "Saturday, the IRNA news agency reported. “We reject foreign interference,” Rezaeifar said.",
    "",
    "NAIROBI (Reuters) - Kenya will send 1,000 police officers to Haiti next month, Interior "
    'Minister Daniel Kiprono said on Tuesday. "We are ready," he told reporters.',
    "Shares of the carmaker fell 4.5% on Monday after it cut its forecast for 2024.",
]


def _expected_columns(name: str, with_id: bool) -> list[tuple[str, str]]:
    cols = list(CONTRACT[name])
    if with_id:
        cols.insert(1, ("id", "object"))
    return cols


def _check_contract(corpus: newsparse.Corpus, with_id: bool) -> None:
    assert set(corpus.tables) == set(CONTRACT)
    for name in CONTRACT:
        df = getattr(corpus, name)
        got = [(c, str(df[c].dtype)) for c in df.columns]
        assert got == _expected_columns(name, with_id), name


def _assert_same(a: newsparse.Corpus, b: newsparse.Corpus) -> None:
    for name in CONTRACT:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


def test_every_table_has_the_contract_columns_and_dtypes() -> None:
    records = samples.load()
    corpus = newsparse.parse([r["text"] for r in records])
    _check_contract(corpus, with_id=False)
    assert corpus.articles["doc_id"].tolist() == list(range(len(records)))


def test_id_column_follows_doc_id_in_every_table() -> None:
    records = samples.load()
    ids = [r["id"] for r in records]
    corpus = newsparse.parse([r["text"] for r in records], ids=ids)
    _check_contract(corpus, with_id=True)
    for name, df in corpus.tables.items():
        assert [ids[d] for d in df["doc_id"]] == df["id"].tolist(), name


def test_integer_ids_are_kept() -> None:
    corpus = newsparse.parse(["One.", "Two."], ids=[101, 205])
    assert corpus.articles["id"].tolist() == [101, 205]


def test_no_texts_gives_empty_tables_of_the_contract_shape() -> None:
    corpus = newsparse.parse([])
    _check_contract(corpus, with_id=False)
    assert all(len(df) == 0 for df in corpus.tables.values())
    _check_contract(newsparse.parse([], ids=[]), with_id=True)


def _generator() -> Iterator[str]:
    yield from ARTICLES


@pytest.mark.parametrize(
    "texts",
    [tuple(ARTICLES), pd.Series(ARTICLES), pd.Series(ARTICLES, index=[7, 3, 9, 1]), _generator()],
    ids=["tuple", "series", "series-with-index", "generator"],
)
def test_texts_as_any_iterable_of_str(texts: object) -> None:
    _assert_same(newsparse.parse(texts), newsparse.parse(list(ARTICLES)))  # type: ignore[arg-type]


def test_series_of_pandas_strings() -> None:
    series = pd.Series(ARTICLES, dtype="string")
    _assert_same(newsparse.parse(series), newsparse.parse(ARTICLES))


@pytest.mark.parametrize(
    "day",
    [
        dt.date(2022, 1, 15),
        dt.datetime(2022, 1, 15, 7, 30),
        "2022-01-15",
        "2022-01-15T07:30:00Z",
        pd.Timestamp("2022-01-15"),
    ],
    ids=["date", "datetime", "iso", "iso-time", "timestamp"],
)
def test_published_in_every_accepted_form_means_the_same_day(day: object) -> None:
    texts = ARTICLES[:1] * 2
    want = newsparse.parse(texts, published=[dt.date(2022, 1, 15), None])
    got = newsparse.parse(texts, published=[day, None])
    _assert_same(got, want)


def test_published_none_nan_and_nat_are_missing() -> None:
    texts = ARTICLES[:1] * 3
    _assert_same(
        newsparse.parse(texts, published=[None, float("nan"), pd.NaT]),
        newsparse.parse(texts),
    )


def test_published_anchors_relative_dates() -> None:
    text = ARTICLES[0]
    early = newsparse.parse([text], published=["2022-01-15"]).dates
    late = newsparse.parse([text], published=["2023-06-10"]).dates
    if early.empty:
        pytest.skip("the dates stage finds no date in this text yet")
    assert early["value"].tolist() != late["value"].tolist()
    assert all(v is None or v <= "2022-01-15" for v in early["value"])


def test_none_as_texts_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="texts"):
        newsparse.parse(None)  # type: ignore[arg-type]


def test_a_single_string_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="list"):
        newsparse.parse("TEHRAN – one article, not a list")


@pytest.mark.parametrize("bad", [3, None, b"bytes", ["a list"]])
def test_non_str_element_is_a_type_error_naming_position_and_type(bad: object) -> None:
    with pytest.raises(TypeError) as info:
        newsparse.parse(["fine", bad])  # type: ignore[list-item]
    assert "texts[1]" in str(info.value)
    assert type(bad).__name__ in str(info.value)


def test_lone_surrogate_is_a_value_error_naming_the_position() -> None:
    with pytest.raises(ValueError) as info:
        newsparse.parse(["fine", "abc\ud800def"])
    msg = str(info.value)
    assert "texts[1]" in msg and "surrogate" in msg and "position 3" in msg


def test_ids_of_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="ids"):
        newsparse.parse(["a", "b"], ids=["only one"])


def test_published_of_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="published"):
        newsparse.parse(["a", "b"], published=["2022-01-01"])


def test_unparsable_published_names_the_position() -> None:
    with pytest.raises(ValueError, match=r"published\[1\]"):
        newsparse.parse(["a", "b"], published=["2022-01-01", "last Tuesday"])
    with pytest.raises(ValueError, match=r"published\[0\]"):
        newsparse.parse(["a"], published=[12345])


def test_empty_string_is_one_empty_document() -> None:
    corpus = newsparse.parse(["", ARTICLES[0]])
    row = corpus.articles.iloc[0]
    assert len(corpus.articles) == 2
    assert row["n_chars"] == 0 and row["n_sentences"] == 0 and row["body_start"] == 0
    assert row["error"] is None and row["title"] is None
    for name in ("sentences", "entities", "quotes", "dates", "amounts", "events"):
        assert (getattr(corpus, name)["doc_id"] != 0).all(), name


def test_a_failing_document_is_recorded_and_the_others_are_complete() -> None:
    texts = [ARTICLES[0], ARTICLES[2], ARTICLES[3]]
    good = newsparse.parse(texts)
    corpus = newsparse.parse(texts, errors="record", _fail_on=[1])
    errors = corpus.articles["error"].tolist()
    assert errors[0] is None and errors[2] is None
    assert errors[1] is not None and "document 1" in errors[1]
    assert corpus.articles["n_sentences"].tolist()[1] == 0
    for name in CONTRACT:
        df, want = getattr(corpus, name), getattr(good, name)
        if name != "articles":
            assert not (df["doc_id"] == 1).any(), name
        pd.testing.assert_frame_equal(
            df[df["doc_id"] != 1].reset_index(drop=True),
            want[want["doc_id"] != 1].reset_index(drop=True),
            obj=name,
        )
    assert corpus.errors["doc_id"].tolist() == [1]


def test_errors_raise_names_the_document() -> None:
    with pytest.raises(newsparse.NewsparseError, match="document 2"):
        newsparse.parse(ARTICLES, errors="raise", _fail_on=[2])


def test_errors_must_be_record_or_raise() -> None:
    with pytest.raises(ValueError, match="errors"):
        newsparse.parse(ARTICLES, errors="ignore")


@pytest.mark.parametrize("workers", [0, -1, 1.5, True])
def test_workers_must_be_a_positive_integer(workers: object) -> None:
    with pytest.raises(ValueError, match="workers"):
        newsparse.parse(ARTICLES, workers=workers)  # type: ignore[arg-type]


def _many() -> list[str]:
    # More documents than one parallel work item (32) holds, of uneven sizes.
    base = samples.texts() + ARTICLES
    return [f"Item {i}. " + base[i % len(base)] * (1 + i % 3) for i in range(150)]


def test_same_tables_whatever_the_number_of_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _many()
    one = newsparse.parse(texts, workers=1)
    _assert_same(newsparse.parse(texts, workers=2), one)
    _assert_same(newsparse.parse(texts, workers=5), one)
    for n in ("1", "2"):
        monkeypatch.setenv("NEWSPARSE_NUM_THREADS", n)
        _assert_same(newsparse.parse(texts), one)


def test_bad_thread_count_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPARSE_NUM_THREADS", "many")
    with pytest.raises(ValueError, match="NEWSPARSE_NUM_THREADS"):
        newsparse.parse(ARTICLES)


def test_max_chars_truncates_and_says_so() -> None:
    long = ARTICLES[0] * 20
    corpus = newsparse.parse([long, ARTICLES[3]], max_chars=100)
    first, second = corpus.articles["error"].tolist()
    assert first is not None and "truncated" in first and str(len(long)) in first
    assert second is None
    assert corpus.articles["n_chars"].tolist() == [100, len(ARTICLES[3])]
    for name in ("sentences", "entities", "quotes", "dates", "amounts"):
        df = getattr(corpus, name)
        assert (df.loc[df["doc_id"] == 0, "end"] <= 100).all(), name


def test_iter_parse_continues_doc_ids_and_matches_parse() -> None:
    texts = _many()[:40]
    ids = [f"doc-{i}" for i in range(len(texts))]
    batches = list(newsparse.iter_parse(iter(texts), batch_size=16, ids=ids))
    assert [len(b) for b in batches] == [16, 16, 8]
    _assert_same(newsparse.Corpus.concat(batches), newsparse.parse(texts, ids=ids))


def test_concat_renumbers_or_refuses_repeated_doc_ids() -> None:
    a, b = newsparse.parse(ARTICLES[:2]), newsparse.parse(ARTICLES[2:])
    with pytest.raises(ValueError, match="renumber"):
        newsparse.Corpus.concat([a, b])
    both = newsparse.Corpus.concat([a, b], renumber=True)
    _assert_same(both, newsparse.parse(ARTICLES))
    assert both.texts == dict(enumerate(ARTICLES))
    empty = newsparse.Corpus.concat([])
    _check_contract(empty, with_id=False)


def test_corpus_len_repr_and_subset() -> None:
    corpus = newsparse.parse(ARTICLES, ids=["a", "b", "c", "d"])
    assert len(corpus) == 4
    assert repr(corpus).startswith("<Corpus 4 documents:")
    sub = corpus[[0, 2]]
    assert sub.articles["id"].tolist() == ["a", "c"]
    assert sub.texts == {0: ARTICLES[0], 2: ARTICLES[2]}
    with pytest.raises(KeyError):
        corpus[10]


def test_to_files_round_trip(tmp_path: object) -> None:
    pytest.importorskip("pyarrow")
    from pathlib import Path

    folder = Path(str(tmp_path))
    corpus = newsparse.parse(samples.texts(), ids=[r["id"] for r in samples.load()])
    paths = corpus.to_parquet(folder)
    assert [p.name for p in paths] == [f"{n}.parquet" for n in CONTRACT]
    for name in CONTRACT:
        back = pd.read_parquet(folder / f"{name}.parquet")
        assert list(back.columns) == list(getattr(corpus, name).columns)
        assert len(back) == len(getattr(corpus, name))
    corpus.to_csv(folder)
    corpus.to_jsonl(folder)
    assert len(pd.read_csv(folder / "articles.csv")) == len(corpus)
    assert len(pd.read_json(folder / "articles.jsonl", lines=True)) == len(corpus)


def test_progress_bar_path_gives_the_same_tables_and_positions() -> None:
    pytest.importorskip("tqdm")
    texts = ["TEHRAN – Iran met Iraq on Monday. “Go,” Zarif said."] * 250 + [""]
    quiet = newsparse.parse(texts, ids=list(range(len(texts))), progress=False)
    shown = newsparse.parse(texts, ids=list(range(len(texts))), progress=True)
    for name, df in quiet.tables.items():
        pd.testing.assert_frame_equal(df, getattr(shown, name))
    with pytest.raises(TypeError, match=r"texts\[251\] is int"):
        newsparse.parse([*texts, 7], progress=True)


def test_text_cells_keep_their_values_and_equal_values_share_one_string() -> None:
    # thousands of distinct names (the conversion's table of strings grows many times),
    # each named twice, non-ASCII among them, and places repeated down the column
    syllables = ["ka", "ri", "mo", "za", "në", "ta", "bi", "lu", "ro", "sé"]
    surnames = [
        (a + b + c + d).capitalize()
        for a in syllables
        for b in syllables
        for c in syllables
        for d in syllables[:4]
    ]
    texts = [
        f"Officials said Foreign Minister Ali {name} met envoys in Tehran on Monday. "
        f"{name} said the talks were useful."
        for name in surnames
    ]
    c = newsparse.parse(texts, workers=2)
    people = c.entities[c.entities["kind"] == "PERSON"]
    for row in people.itertuples():
        assert row.text == texts[row.doc_id][row.start : row.end]
    assert people["text"].nunique() > 2 * len(surnames) * 0.9
    for _, group in c.entities.groupby("text")["text"]:
        assert len({id(v) for v in group}) == 1

"""parse_files: every input file and record is a row of articles, readable or not."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pandas as pd
import pytest

import newsparse
from newsparse.exceptions import InputError
from newsparse.files import input_files

STORY = "DAKAR – Senegal's foreign minister met his Gambian counterpart on Monday."
OTHER = "LIMA (AFP) - Peru's Congress voted on Thursday to remove the interior minister."


def _write_jsonl(path: Path, records: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of every kind of input, good and bad."""
    d = tmp_path / "news"
    (d / "sub").mkdir(parents=True)
    (d / "a_story.txt").write_text(STORY, encoding="utf-8")
    (d / "b_empty.txt").write_bytes(b"")
    (d / "c_latin1.txt").write_bytes("Caf\xe9 owners in Dakar protested.".encode("latin-1"))
    (d / "d_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "e_folder.txt").mkdir()
    (d / "f_notes.md").write_text("not an input type")
    _write_jsonl(
        d / "sub" / "feed.jsonl",
        [
            {"text": OTHER, "url": "https://example.org/1", "date": "2023-03-02"},
            {"text": STORY, "url": "https://example.org/2", "date": "not a date"},
        ],
    )
    pd.DataFrame({"body": [STORY, OTHER], "key": ["k1", "k2"]}).to_csv(
        d / "sub" / "table.csv", index=False
    )
    return d


def test_every_file_is_a_row_with_its_error(folder: Path) -> None:
    corpus = newsparse.parse_files(folder, progress=False)
    arts = corpus.articles
    ids = [Path(str(i).split(":")[0]).name for i in arts["id"]]
    by_name = dict(zip(ids, arts["error"], strict=True))
    assert by_name["a_story.txt"] is None
    assert by_name["b_empty.txt"] is None
    assert by_name["c_latin1.txt"] == "1 undecodable byte replaced"
    assert "binary content" in by_name["d_binary.txt"]
    assert "Is a directory" in by_name["e_folder.txt"]
    assert "f_notes.md" not in by_name
    # table.csv has no "text" column: one row saying so, naming the columns it has.
    assert "no 'text' column" in by_name["table.csv"] and "body" in by_name["table.csv"]
    assert arts["doc_id"].tolist() == list(range(len(arts)))
    texts = corpus.texts
    latin = arts.index[arts["id"].str.endswith("c_latin1.txt")][0]
    assert texts[latin] == "Caf\ufffd owners in Dakar protested."
    assert arts.loc[latin, "n_chars"] == len(texts[latin])


def test_txt_id_is_the_path_and_published_is_none(folder: Path) -> None:
    corpus = newsparse.parse_files(folder / "a_story.txt", progress=False)
    row = corpus.articles.iloc[0]
    assert row["id"] == str(folder / "a_story.txt")
    assert corpus.texts[0] == STORY
    assert row["error"] is None


def test_jsonl_fields(folder: Path) -> None:
    corpus = newsparse.parse_files(
        folder / "sub" / "feed.jsonl", id_field="url", published_field="date", progress=False
    )
    arts = corpus.articles
    assert arts["id"].tolist() == ["https://example.org/1", "https://example.org/2"]
    assert arts["error"].tolist()[0] is None
    assert "'not a date' is not a date" in arts["error"].tolist()[1]
    assert corpus.texts == {0: OTHER, 1: STORY}


def test_jsonl_without_id_field_uses_path_and_line(folder: Path) -> None:
    corpus = newsparse.parse_files(folder / "sub" / "feed.jsonl", progress=False)
    path = folder / "sub" / "feed.jsonl"
    assert corpus.articles["id"].tolist() == [f"{path}:1", f"{path}:2"]


def test_bad_jsonl_lines_are_rows(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b'{"text": "Fine."}\n'
        b"\n"
        b"{not json\n"
        b'{"text": null}\n'
        b'{"text": 42}\n'
        b'["a", "list"]\n'
        b'{"title": "no text"}\n'
        b'{"text": "Bad \xff byte."}\n'
        b'{"text": "Lone \\udc00 surrogate."}\n'
    )
    corpus = newsparse.parse_files(path, progress=False)
    errors = corpus.articles["error"].tolist()
    assert len(errors) == 8  # the blank line is not a record
    assert errors[0] is None
    assert "line 3: invalid JSON" in errors[1]
    assert "line 4: 'text' is null" in errors[2]
    assert "line 5: 'text' is int, not str" in errors[3]
    assert "line 6: a JSON list" in errors[4]
    assert "line 7: no 'text' field" in errors[5]
    assert errors[6] == "1 undecodable byte replaced"
    assert errors[7] == "1 lone surrogate replaced"
    assert corpus.texts[6] == "Bad \ufffd byte." and corpus.texts[7] == "Lone \ufffd surrogate."


def test_csv_with_text_field_bom_and_multiline(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    pd.DataFrame(
        {"body": [STORY, "Line one.\nLine two, with a comma.", ""], "key": [1, 2, 3]}
    ).to_csv(path, index=False, encoding="utf-8-sig")
    corpus = newsparse.parse_files(path, text_field="body", id_field="key", progress=False)
    assert corpus.articles["id"].tolist() == ["1", "2", "3"]  # CSV values are text
    assert corpus.texts == {0: STORY, 1: "Line one.\nLine two, with a comma.", 2: ""}
    assert corpus.articles["error"].isna().all()


def test_parquet(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "dump.parquet"
    pd.DataFrame(
        {
            "text": [STORY, None, OTHER],
            "id": [10, 11, 12],
            "day": pd.to_datetime(["2023-01-02", None, "2023-01-04"]),
        }
    ).to_parquet(path)
    corpus = newsparse.parse_files(
        path, id_field="id", published_field="day", batch_size=2, progress=False
    )
    assert corpus.articles["id"].tolist() == [10, 11, 12]
    errors = corpus.articles["error"].tolist()
    assert errors[0] is None and "'text' is null" in errors[1] and errors[2] is None
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 this is not parquet")
    broken = newsparse.parse_files(tmp_path / "broken.parquet", progress=False)
    assert "not a readable Parquet file" in broken.articles["error"].iloc[0]


def test_gzip_and_utf16(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": STORY}) + "\n")
    (tmp_path / "windows.txt").write_bytes(OTHER.encode("utf-16"))
    corpus = newsparse.parse_files(tmp_path, progress=False)
    assert sorted(corpus.texts.values()) == sorted([STORY, OTHER])
    assert corpus.articles["error"].isna().all()


def test_unreadable_file_is_a_row(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(STORY)
    (tmp_path / "open.txt").write_text(OTHER)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read a chmod 000 file (root)")
        corpus = newsparse.parse_files(tmp_path, progress=False)
    finally:
        locked.chmod(0o644)
    errors = dict(zip(corpus.articles["id"], corpus.articles["error"], strict=True))
    assert "Permission denied" in errors[str(locked)]
    assert errors[str(tmp_path / "open.txt")] is None


def test_batches_give_the_same_corpus(folder: Path) -> None:
    whole = newsparse.parse_files(folder, progress=False, batch_size=1000)
    small = newsparse.parse_files(folder, progress=False, batch_size=2)
    for name, df in whole.tables.items():
        pd.testing.assert_frame_equal(df, getattr(small, name), obj=name)
    batches = list(newsparse.iter_parse_files(folder, progress=False, batch_size=3))
    assert [len(b) for b in batches[:-1]] == [3] * (len(batches) - 1)
    starts = [int(b.articles["doc_id"].iloc[0]) for b in batches]
    assert starts == [3 * i for i in range(len(batches))]


def test_globs_lists_and_folders(folder: Path) -> None:
    assert [p.name for p in input_files(str(folder / "*.txt"))] == [
        "a_story.txt",
        "b_empty.txt",
        "c_latin1.txt",
        "d_binary.txt",
        "e_folder.txt",
    ]
    assert [p.name for p in input_files(str(folder / "**" / "*.jsonl"))] == ["feed.jsonl"]
    both = input_files([folder / "a_story.txt", folder / "sub", folder / "a_story.txt"])
    assert [p.name for p in both] == ["a_story.txt", "feed.jsonl", "table.csv"]


def test_missing_unsupported_and_empty_inputs(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file"):
        newsparse.parse_files(tmp_path / "missing.txt")
    with pytest.raises(FileNotFoundError, match="no file matches"):
        newsparse.parse_files(str(tmp_path / "*.jsonl"))
    (tmp_path / "notes.md").write_text("x")
    with pytest.raises(InputError, match="unsupported file type"):
        newsparse.parse_files(tmp_path / "notes.md")
    with pytest.raises(InputError, match="no input files"):
        newsparse.parse_files(tmp_path)
    with pytest.raises(TypeError, match="paths_or_glob"):
        newsparse.parse_files(42)  # type: ignore[arg-type]


def test_parse_kwargs_are_passed_on(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(STORY * 10)
    corpus = newsparse.parse_files(tmp_path, max_chars=50, workers=1, progress=False)
    assert "truncated" in corpus.articles["error"].iloc[0]
    assert corpus.articles["n_chars"].iloc[0] == 50


def test_progress_bar_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    (tmp_path / "a.txt").write_text(STORY)
    newsparse.parse_files(tmp_path, progress=True)
    assert "newsparse" in capsys.readouterr().err
    newsparse.parse_files(tmp_path, progress=False)
    assert capsys.readouterr().err == ""


def test_dangling_symlink_is_a_row(tmp_path: Path) -> None:
    """An unreadable file even for root: the link's target is gone."""
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted-long-ago.txt")
    (tmp_path / "here.txt").write_text(STORY)
    corpus = newsparse.parse_files(tmp_path, progress=False)
    errors = dict(zip(corpus.articles["id"], corpus.articles["error"], strict=True))
    assert "No such file or directory" in errors[str(tmp_path / "gone.txt")]
    assert errors[str(tmp_path / "here.txt")] is None


def test_only_empty_files_give_empty_tables_with_ids(tmp_path: Path) -> None:
    (tmp_path / "nothing.jsonl").write_text("\n\n")
    pd.DataFrame({"text": []}).to_csv(tmp_path / "nothing.csv", index=False)
    corpus = newsparse.parse_files(tmp_path, progress=False)
    assert len(corpus) == 0
    for name, df in corpus.tables.items():
        assert list(df.columns[:2]) == ["doc_id", "id"], name

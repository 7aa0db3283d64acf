"""The command line: the demo, files to tables in each format, clear one-line failures."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newsparse.cli import main

TABLES = ("articles", "sentences", "entities", "quotes", "dates", "amounts", "events")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="120", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "newsparse", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "KABUL – Afghan officials met Pakistani envoys on Sunday, the ministry said.",
        encoding="utf-8",
    )
    records = [
        {"text": "ANKARA - Turkey condemned the strike on Tuesday.", "url": "u1"},
        {"text": "BRUSSELS - EU ministers agreed new sanctions.", "url": "u2"},
        {"body": "no text field here", "url": "u3"},
    ]
    (folder / "more.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    return folder


def read(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".csv":
        return pd.read_csv(path)
    return pd.read_json(path, lines=True)


def test_demo_prints_every_table_and_a_summary() -> None:
    proc = run("demo")
    assert proc.returncode == 0, proc.stderr
    for name in TABLES:
        assert f"== {name} (" in proc.stdout
    summary = proc.stdout.strip().splitlines()[-1]
    assert summary.startswith("8 sample articles") and "parsed in" in summary
    width = max(len(line) for line in proc.stdout.splitlines() if not line.startswith("8 sample"))
    assert width <= 120


def test_help_shows_examples() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    assert "examples:" in proc.stdout and "newsparse demo" in proc.stdout
    assert "--published-field" in proc.stdout


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_files_to_one_file_per_table(inputs: Path, tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    proc = run(
        str(inputs), "--out", str(out), "--format", fmt, "--id-field", "url",
        "--batch-size", "2", "--no-progress",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    articles = read(out / f"articles.{fmt}")
    # Four documents in two batches, written into one file, doc_id counting on.
    assert articles["doc_id"].tolist() == [0, 1, 2, 3]
    assert articles["id"].tolist() == ["u1", "u2", "u3", str(inputs / "one.txt")]
    assert articles["error"].notna().tolist() == [False, False, True, False]
    sentences = read(out / f"sentences.{fmt}")
    assert set(sentences["doc_id"]) <= {0, 1, 2, 3}
    assert "4 documents from 2 files" in proc.stdout
    assert "1 with an error" in proc.stdout


def test_glob_and_single_file(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main([str(inputs / "*.txt"), "--out", str(out), "-f", "jsonl", "--no-progress"]) == 0
    assert len(read(out / "articles.jsonl")) == 1
    assert main([str(inputs / "more.jsonl"), "-o", str(out), "-f", "csv", "--no-progress"]) == 0
    assert len(read(out / "articles.csv")) == 3
    assert "3 documents from 1 file " in capsys.readouterr().out


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("newsparse: error:")
    return err


def test_missing_path_fails_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([str(tmp_path / "nowhere.jsonl"), "--out", str(tmp_path / "out")])
    assert code == 1
    assert "no such file or folder" in one_line_error(capsys)
    assert not (tmp_path / "out").exists()


def test_unknown_format_fails(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([str(inputs), "--out", str(tmp_path / "out"), "--format", "xlsx"])
    assert code == 2
    assert "unknown format 'xlsx'" in one_line_error(capsys)


def test_no_input_files_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("not an input type")
    assert main([str(empty), "--out", str(tmp_path / "out")]) == 1
    assert "no input files" in one_line_error(capsys)
    assert main([str(tmp_path / "*.jsonl"), "--out", str(tmp_path / "out")]) == 1
    assert "no file matches" in one_line_error(capsys)


def test_usage_errors_are_one_line(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([str(inputs)])
    assert info.value.code == 2
    assert "--out" in one_line_error(capsys)
    with pytest.raises(SystemExit):
        main([str(inputs), "--out", "x", "--workers", "0"])
    assert "positive integer" in one_line_error(capsys)
    with pytest.raises(SystemExit):
        main([])
    assert "demo" in one_line_error(capsys)


def test_parquet_without_pyarrow_says_so(
    inputs: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main([str(inputs), "--out", str(tmp_path / "out"), "--format", "parquet"]) == 1
    assert "pip install pyarrow" in one_line_error(capsys)


def test_console_script_is_installed() -> None:
    exe = shutil.which("newsparse", path=os.path.dirname(sys.executable))
    if exe is None:
        pytest.skip("the newsparse console script is not installed next to this Python")
    proc = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("newsparse ")

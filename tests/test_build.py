"""The build backend's profile-guided step (tools/pgo_backend.py, tools/pgo_train.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsparse import _core, samples

TOOLS = Path(__file__).resolve().parent.parent / "tools"
pytestmark = pytest.mark.skipif(not TOOLS.is_dir(), reason="no source checkout")


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_training_run_parses_the_samples(monkeypatch: pytest.MonkeyPatch) -> None:
    # the training run calls the extension's entry point directly: a change of its
    # signature would make every profile-guided build fall back to a plain one, silently
    train = _load("pgo_train")
    monkeypatch.setattr(train, "TARGET_BYTES", 200_000)
    tables: list[dict[str, Any]] = []

    class Spy:
        def parse_columns(self, *args: Any) -> Any:
            tables.append(_core.parse_columns(*args))
            return tables[-1]

    docs = train.train(Spy(), [dict(r) for r in samples.load()])
    assert docs == sum(len(t["articles"]["doc_id"]) for t in tables) > 50
    # whole articles and their paragraphs: people, quotes, dates and events all get parsed
    for name in ("entities", "quotes", "dates", "events"):
        assert sum(len(t[name]["doc_id"]) for t in tables) > 0, name


def test_training_workload_mixes_whole_articles_and_paragraphs() -> None:
    train = _load("pgo_train")
    records = [dict(r) for r in samples.load()]
    texts, anchors = train.workload(records)
    whole = {r["text"] for r in records}
    assert sum(len(t.encode()) for t in texts) >= train.TARGET_BYTES
    assert whole <= set(texts) and any(t not in whole for t in texts)
    assert any(a is not None for a in anchors)


def test_pgo_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("maturin")
    backend = _load("pgo_backend")
    monkeypatch.setenv("NEWSPARSE_PGO", "0")
    assert backend._profdata() is None
    assert "numpy" not in backend.get_requires_for_build_wheel()

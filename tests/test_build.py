"""Building the store and the index, and publishing builds atomically."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.build import CURRENT, build_kb, current_build, current_build_version
from indexer.cli import cli
from indexer.engine import Engine
from indexer.fingerprint import data_version
from indexer.search import SearchRequest
from kb.errors import BuildError, NoBuild
from kb.loader import load_corpus

from .conftest import MINI
from .test_loader import corpus_with


def test_build_writes_store_index_and_manifest(mini_build: Path) -> None:
    build = current_build(mini_build)
    manifest = json.loads((build / "BUILD.json").read_text())
    assert manifest["records"] == 9
    assert manifest["provisions"] == 4
    assert manifest["data_version"] == data_version(MINI)
    db = sqlite3.connect(build / "kb.sqlite")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {
        "records",
        "provisions",
        "relations",
        "sources",
        "topics",
        "record_topics",
        "jurisdictions",
        "meta",
    } <= tables
    assert db.execute("SELECT count(*) FROM records").fetchone()[0] == 9
    relations = db.execute("SELECT source, type, target, declared FROM relations ORDER BY type").fetchall()
    assert ("kr-incident-nth-room", "gave_rise_to", "kr-case-supreme-cho-jubin", 0) in relations
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    assert json.loads(meta["data_version"]) == manifest["data_version"]


def test_record_data_round_trips_the_yaml_fields(mini_build: Path, mini_corpus) -> None:  # type: ignore[no-untyped-def]
    engine = Engine.open(mini_build)
    for record in mini_corpus.records:
        stored = engine.record_data(record.id)["record"]
        for provision in stored.get("provisions", []):
            provision.pop("key")
            provision.pop("citation")
        assert stored == record.model_dump(mode="json", exclude_unset=True)


def test_rebuild_publishes_atomically_and_keeps_serving(tmp_path: Path) -> None:
    data = corpus_with(tmp_path, {})
    build_dir = tmp_path / "build"
    build_kb(load_corpus(data), build_dir)
    engine = Engine.open(build_dir)
    first = engine.build().path
    assert engine.search(SearchRequest(q="Maskpark")).total == 1

    changed = (
        (data / "incidents/cn/cn-incident-maskpark-2025.yaml")
        .read_text("utf-8")
        .replace("Maskpark]", "Maskpark, 面具公园]")
    )
    (data / "incidents/cn/cn-incident-maskpark-2025.yaml").write_text(changed, "utf-8")
    build_kb(load_corpus(data), build_dir)
    assert os.path.islink(build_dir / CURRENT)
    assert engine.build().path != first
    assert engine.search(SearchRequest(q="面具公园")).total == 1
    assert current_build_version(build_dir) == data_version(data)


def test_failed_build_leaves_previous_build_serving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_dir = tmp_path / "build"
    corpus = load_corpus(MINI)
    build_kb(corpus, build_dir)
    before = current_build(build_dir)

    def explode(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr("indexer.build._write_index", explode)
    with pytest.raises(BuildError):
        build_kb(corpus, build_dir)
    assert current_build(build_dir) == before
    assert not [p for p in (build_dir / "builds").iterdir() if p.name.startswith(".tmp")]


def test_incomplete_build_is_refused(tmp_path: Path) -> None:
    build_dir = tmp_path / "build"
    build_kb(load_corpus(MINI), build_dir)
    (current_build(build_dir) / "BUILD.json").unlink()
    with pytest.raises(NoBuild):
        Engine.open(build_dir)
    assert current_build_version(build_dir) is None


def test_broken_data_builds_nothing(tmp_path: Path) -> None:
    data = corpus_with(tmp_path, {"incidents/kr/kr-incident-b.yaml": "id: [\n"})
    result = CliRunner().invoke(cli, ["build", "--data", str(data), "--out", str(tmp_path / "build")])
    assert result.exit_code == 1
    assert not (tmp_path / "build").exists()


def test_cli_build_and_search(tmp_path: Path) -> None:
    runner = CliRunner()
    built = runner.invoke(cli, ["build", "--data", str(MINI), "--out", str(tmp_path / "b"), "--quiet"])
    assert built.exit_code == 0, built.output
    result = runner.invoke(cli, ["search", "텔레그램에서", "--build", str(tmp_path / "b"), "-j", "KR"])
    assert result.exit_code == 0, result.output
    assert "kr-incident-nth-room" in result.output
    assert "int-policy-telegram-privacy-2024-09" not in result.output


def test_serve_keeps_the_previous_build_when_the_data_breaks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`kb serve` reports every data problem and serves the last good build instead of stopping."""
    from api import serving

    data = corpus_with(tmp_path, {})
    build_dir = tmp_path / "build"
    build_kb(load_corpus(data), build_dir)
    before = current_build(build_dir)
    (data / "incidents/kr/kr-incident-b.yaml").write_text("id: [\n", "utf-8")
    served: list[str] = []
    monkeypatch.setattr(serving, "run", lambda host, port, workers: served.append(serving.APP))
    result = CliRunner().invoke(cli, ["serve", "--data", str(data), "--build", str(build_dir)])
    assert result.exit_code == 0, result.output
    assert "kr-incident-b.yaml:2: YAML syntax" in result.output
    assert "serving the previous build" in result.output
    assert served == ["api.main:app"] and current_build(build_dir) == before


def test_serve_without_any_build_and_broken_data_stops(tmp_path: Path) -> None:
    data = corpus_with(tmp_path, {"incidents/kr/kr-incident-b.yaml": "id: [\n"})
    result = CliRunner().invoke(cli, ["serve", "--data", str(data), "--build", str(tmp_path / "build")])
    assert result.exit_code == 1
    assert "no earlier build to serve" in result.output

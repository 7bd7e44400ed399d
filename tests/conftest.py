"""Shared fixtures: the mini corpus built once per session, and a TestClient over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from indexer.build import build_kb
from kb.loader import Corpus, load_corpus

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "corpora" / "mini"
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def mini_corpus() -> Corpus:
    return load_corpus(MINI)


@pytest.fixture(scope="session")
def mini_build(tmp_path_factory: pytest.TempPathFactory, mini_corpus: Corpus) -> Path:
    build_dir = tmp_path_factory.mktemp("mini-build")
    build_kb(mini_corpus, build_dir)
    return build_dir


@pytest.fixture(scope="session")
def real_corpus() -> Corpus:
    return load_corpus(DATA)


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory, real_corpus: Corpus) -> Path:
    """The real data/, built once per session."""
    build_dir = tmp_path_factory.mktemp("real-build")
    build_kb(real_corpus, build_dir)
    return build_dir


@pytest.fixture(scope="module")
def client(mini_build: Path) -> Iterator[TestClient]:
    with TestClient(create_app(mini_build, warm=False)) as test_client:
        yield test_client


def assert_error_shape(response, status: int) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """The one error shape: {"error": {"code", "message", "detail"}} with the given status."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["message"]
    return body["error"]

"""A large corpus is indexed by two processes, one segment each: the index holds exactly what one writer gives."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.reading import IndexReader

from indexer import build
from indexer.analysis import korean
from indexer.build import KOREAN_CACHE, build_kb, current_build
from kb.loader import Corpus


def _contents(reader: IndexReader) -> dict[str, Any]:
    """Everything a search can see: terms with their postings (positions included), stored fields, lengths."""
    fields = reader.schema.names()
    return {
        "stored": [reader.stored_fields(n) for n in range(reader.doc_count_all())],
        "terms": {
            (name, text): list(reader.postings(name, text).items_as("positions"))
            if reader.schema[name].format.supports("positions")
            else list(reader.postings(name, text).all_ids())
            for name, text in reader.all_terms()
        },
        "frequencies": {(name, text): reader.frequency(name, text) for name, text in reader.all_terms()},
        "lengths": {name: reader.field_length(name) for name in fields},
    }


def _build(corpus: Corpus, out: Path) -> tuple[dict[str, Any], int]:
    build_kb(corpus, out)
    ix = whoosh_index.open_dir(str(current_build(out) / "index"))
    with ix.reader() as reader:
        return _contents(reader), len(ix._segments())


@pytest.fixture(autouse=True)
def empty_korean_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(korean, "_cache", type(korean._cache)())


def test_two_processes_index_exactly_what_one_does_and_save_the_korean_cache(
    mini_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, one_segments = _build(mini_corpus, tmp_path / "one")
    analyses = dict(korean._cache)
    korean._cache.clear()
    monkeypatch.setattr(build, "PARALLEL_MIN_DOCS", 2)
    two, two_segments = _build(mini_corpus, tmp_path / "two")
    assert (one_segments, two_segments) == (1, 2)
    assert two == one
    assert not korean._cache  # analysed in the two processes, saved by them
    assert korean.load_korean_cache(tmp_path / "two" / KOREAN_CACHE) == len(analyses) > 0
    assert dict(korean._cache) == analyses


def test_parts_hold_about_half_the_text_each(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [{"body_en": "x" * size, "year": 2020} for size in (10, 10, 30, 40, 10)]
    assert build._parts(docs) == [docs]
    monkeypatch.setattr(build, "PARALLEL_MIN_DOCS", 2)
    assert build._parts(docs) == [docs[:3], docs[3:]]


def test_cache_parts_are_loaded_together(tmp_path: Path) -> None:
    korean.prime_korean(["텔레그램에서", "불법촬영물을"])
    path = tmp_path / "cache.pickle"
    korean.write_korean_cache(
        path, [korean.korean_cache_part(["텔레그램에서"]), korean.korean_cache_part(["불법촬영물을"])]
    )
    saved = dict(korean._cache)
    korean._cache.clear()
    assert korean.load_korean_cache(path) == 2
    assert dict(korean._cache) == saved


@pytest.mark.parametrize(
    "content",
    [
        b"not a pickle",
        pickle.dumps({"version": "another-kiwi", "parts": 0}),
        pickle.dumps({"version": korean.cache_version(), "entries": {"텔레그램": [("텔레그램", "NNP", 0, 4)]}}),
        pickle.dumps({"version": korean.cache_version(), "parts": 2}),
    ],
    ids=["damaged", "outdated", "older layout", "truncated"],
)
def test_an_unusable_cache_file_adds_nothing(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "cache.pickle"
    path.write_bytes(content)
    assert korean.load_korean_cache(path) == 0
    assert not korean._cache

"""Build the store and the index into a fresh directory, then publish it by atomic symlink switch.

Layout of the build folder::

    build/
      current -> builds/<stamp>      the published build (a symlink, switched atomically)
      builds/<stamp>/kb.sqlite       the SQLite store
      builds/<stamp>/index/          the whoosh index
      builds/<stamp>/BUILD.json      written last: a build without it is incomplete and never served

A failed build leaves ``current`` untouched, so the previous build keeps serving.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import shutil
import time
import uuid
from bisect import bisect_left
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

import click
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from indexer.analysis import korean_segments, prime_korean
from indexer.analysis.korean import korean_cache_part, load_korean_cache, save_korean_cache, write_korean_cache
from indexer.analysis.normalize import normalize_with_offsets
from indexer.datasette_metadata import write_datasette_metadata
from indexer.documents import documents
from indexer.fingerprint import data_version
from indexer.history import history_rows
from indexer.schema import TEXT_FIELDS, build_schema
from indexer.store import write_store
from kb.errors import BuildError, NoBuild
from kb.loader import Corpus
from kb.models import Law

SCHEMA_VERSION = 1
MANIFEST = "BUILD.json"
CURRENT = "current"
KEEP_BUILDS = 3
# Documents analysed per batch: Kiwi analyses a batch's Korean text in one call (about twice as fast as
# one call per text), and a batch's analyses stay well inside the analysis cache (korean.CACHE_SIZE).
BATCH_DOCS = 2000
# Korean analyses kept between builds (keyed by text), so a rebuild sends only new text to Kiwi.
KOREAN_CACHE = Path("cache") / "ko-morphemes.pickle"
# whoosh indexes in pure Python, on one core: from this many documents on, two processes each index half of them
# into a segment of their own (below it, starting the processes costs more than it saves).
PARALLEL_MIN_DOCS = 4000
WRITER_MB = 256


@dataclass(frozen=True)
class BuildInfo:
    path: Path
    data_version: str
    records: int
    provisions: int
    seconds: float


def read_manifest(build_path: Path) -> dict[str, object]:
    """The manifest of a complete build; :class:`NoBuild` if the build is missing or incomplete."""
    manifest = build_path / MANIFEST
    try:
        data = json.loads(manifest.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise NoBuild(f"No complete build at {build_path.name!r}; run `kb build`") from exc
    if data.get("schema_version") != SCHEMA_VERSION or not (build_path / "kb.sqlite").is_file():
        raise NoBuild(f"The build at {build_path.name!r} is incomplete or from another version; run `kb build`")
    return data


def current_build(build_dir: Path) -> Path:
    """The published build directory (resolved), or :class:`NoBuild`."""
    link = build_dir / CURRENT
    if not link.exists():
        raise NoBuild("No build has been published yet; run `kb build`")
    return link.resolve()


def current_build_version(build_dir: Path) -> str | None:
    """The data version of the published build, or None if there is no usable build."""
    try:
        return str(read_manifest(current_build(build_dir))["data_version"])
    except NoBuild:
        return None


def _korean_texts(doc: dict[str, object]) -> list[str]:
    """The Korean runs of a document's analysed fields, exactly as the analyzer will pass them to Kiwi."""
    return [
        seg
        for name in TEXT_FIELDS
        if isinstance(doc.get(name), str)
        for seg in korean_segments(normalize_with_offsets(str(doc[name]))[0])
    ]


def _index_batches(writer: SegmentWriter, docs: list[dict[str, Any]], done: Callable[[int], object]) -> list[str]:
    """Add ``docs`` to ``writer``, each batch's Korean text analysed first in one Kiwi call; the Korean texts."""
    korean: list[str] = []
    for first in range(0, len(docs), BATCH_DOCS):
        batch = docs[first : first + BATCH_DOCS]
        texts = [seg for doc in batch for seg in _korean_texts(doc)]
        korean.extend(texts)
        prime_korean(texts)
        for doc in batch:
            writer.add_document(**doc)
        done(len(batch))
    return korean


def _index_part(index_dir: Path, docs: list[dict[str, Any]], cache_file: Path | None) -> tuple[Any, bytes]:
    """Run in a process of its own: index ``docs`` into a new segment of the index whose lock the parent holds.

    Returns the finished segment, for the parent to commit, and the Korean analyses, a part of the cache file.
    Uses whoosh's multiprocessing-writer internals (``_lk=False``, ``_finalize_segment``) as ``MpWriter`` does.
    """
    if cache_file is not None:
        load_korean_cache(cache_file)
    writer = SegmentWriter(whoosh_index.open_dir(str(index_dir)), _lk=False, limitmb=WRITER_MB)
    korean = _index_batches(writer, docs, lambda _count: None)
    return writer._finalize_segment(), korean_cache_part(korean)


def _parts(docs: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """``docs`` cut in two parts of about the same amount of text, or left whole when there are few."""
    if len(docs) < PARALLEL_MIN_DOCS:
        return [docs]
    text = list(accumulate(sum(len(v) for v in doc.values() if isinstance(v, str)) for doc in docs))
    count = bisect_left(text, text[-1] / 2) + 1
    return [docs[:count], docs[count:]]


def _index_here(
    writer: SegmentWriter, docs: list[dict[str, Any]], cache_file: Path | None, done: Callable[[int], object]
) -> None:
    """Index ``docs`` in this process, reusing and then saving the Korean analyses of ``cache_file``."""
    if cache_file is not None:
        load_korean_cache(cache_file)
    korean = _index_batches(writer, docs, done)
    if cache_file is not None:
        with suppress(OSError):  # the cache only saves time; a build never fails for it
            save_korean_cache(cache_file, korean)  # all still in memory (below korean.CACHE_SIZE)


def _index_in_processes(path: Path, parts: list[list[dict[str, Any]]], cache_file: Path | None) -> list[Any]:
    """Index each part in a process of its own; the segments, in the order of the parts.

    The processes are spawned, not forked: Kiwi keeps worker threads, and a fork of a threaded process can hang.
    """
    with ProcessPoolExecutor(len(parts), mp_context=multiprocessing.get_context("spawn")) as pool:
        results = [future.result() for future in [pool.submit(_index_part, path, p, cache_file) for p in parts]]
    if cache_file is not None:
        with suppress(OSError):
            write_korean_cache(cache_file, [analyses for _segment, analyses in results])
    return [segment for segment, _analyses in results]


def _write_index(corpus: Corpus, path: Path, progress: bool, cache_file: Path | None = None) -> None:
    path.mkdir()
    ix = whoosh_index.create_in(str(path), build_schema())
    docs = list(documents(corpus.records))
    parts = _parts(docs)
    writer = ix.writer(limitmb=WRITER_MB)  # holds the index lock, also for the processes' segments
    segments = []
    with click.progressbar(length=len(docs), label="Indexing", show_pos=True, hidden=not progress) as bar:
        if len(parts) == 1:
            _index_here(writer, docs, cache_file, bar.update)
        else:
            segments = _index_in_processes(path, parts, cache_file)
            bar.update(len(docs))
    # The processes' segments, in order, keep the document numbers a single writer would give.
    writer.commit(mergetype=lambda _writer, existing: [*existing, *segments])


def _publish(build_dir: Path, new: Path) -> None:
    link = build_dir / CURRENT
    tmp_link = build_dir / f".{CURRENT}-{uuid.uuid4().hex}"
    os.symlink(os.path.relpath(new, build_dir), tmp_link)
    os.replace(tmp_link, link)


def _prune(build_dir: Path, keep: Path) -> None:
    builds = sorted((p for p in (build_dir / "builds").iterdir() if p.is_dir()), key=lambda p: p.name)
    for old in builds[:-KEEP_BUILDS]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


def build_kb(corpus: Corpus, build_dir: Path | str, *, progress: bool = False) -> BuildInfo:
    """Build ``corpus`` into a new directory under ``build_dir`` and publish it atomically."""
    started = time.perf_counter()
    build_dir = Path(build_dir)
    (build_dir / "builds").mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    work = build_dir / "builds" / f".tmp-{stamp}-{uuid.uuid4().hex[:8]}"
    work.mkdir()
    version = data_version(corpus.data_dir)
    provisions = sum(len(r.provisions) for r in corpus.records if isinstance(r, Law))
    try:
        meta = {
            "schema_version": SCHEMA_VERSION,
            "data_version": version,
            "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "records": len(corpus.records),
            "provisions": provisions,
            "relations": len(corpus.edges) // 2,
        }
        try:
            previous_db: Path | None = current_build(build_dir) / "kb.sqlite"
        except NoBuild:
            previous_db = None
        history = history_rows(corpus, previous_db, str(meta["built_at"]))
        write_store(corpus, work / "kb.sqlite", meta, history)
        _write_index(corpus, work / "index", progress, build_dir / KOREAN_CACHE)
        write_datasette_metadata(work)
        (work / MANIFEST).write_text(json.dumps(meta, indent=2), "utf-8")
        final = build_dir / "builds" / f"{stamp}-{version}"
        os.rename(work, final)
        _publish(build_dir, final)
    except Exception as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise BuildError(f"build failed: {exc}") from exc
    _prune(build_dir, final)
    return BuildInfo(final, version, len(corpus.records), provisions, time.perf_counter() - started)

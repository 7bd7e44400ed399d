"""A published build opened for reading: search, records, provisions, version.

whoosh searchers and SQLite connections are not safe to share between threads, so each thread
gets its own, over the one open index. :class:`Engine` follows the ``current`` symlink: when a new
build is published it opens it for the next request, while requests in flight finish on the old one.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.searching import Searcher

from indexer.analysis import MultilingualAnalyzer
from indexer.build import CURRENT, current_build, read_manifest
from indexer.search import SearchRequest, SearchResult, run_search
from indexer.thesaurus import Thesaurus
from kb.citation_grammar import find_citations
from kb.citation_resolver import KeyRow, Resolution, Resolver, Target
from kb.errors import NoBuild, ProvisionNotFound, RecordNotFound
from kb.ids import MAX_ID_LENGTH, PROVISION_NUMBER_RE, RECORD_ID_RE, provision_key

log = logging.getLogger(__name__)


class Build:
    """One immutable build: its index, its store and its manifest."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.manifest = read_manifest(path)
        try:
            self.index = whoosh_index.open_dir(str(path / "index"))
        except Exception as exc:  # whoosh raises several unrelated types for a damaged index
            raise NoBuild(f"The index of build {path.name!r} cannot be opened") from exc
        self.analyzer = MultilingualAnalyzer()
        self._local = threading.local()
        topics = {row["id"]: _topic_terms(row) for row in self.query("SELECT id, label, terms FROM topics")}
        self.thesaurus = Thesaurus(topics, lambda text: [t.text for t in self.analyzer(text, mode="query")])
        self.resolver = Resolver(self._keys, self._provisions_of, self._laws_with_article)

    def _keys(self, key: str) -> list[KeyRow]:
        rows = self.query(
            "SELECT key, record_id, provision, kind, jurisdiction FROM citation_keys WHERE key = ?", (key,)
        )
        return [KeyRow(**dict(row)) for row in rows]

    def _provisions_of(self, record_id: str) -> dict[str, str]:
        return {
            r["key"]: r["number"]
            for r in self.query("SELECT key, number FROM provisions WHERE record_id = ?", (record_id,))
        }

    def _laws_with_article(self, jurisdiction: str, key: str) -> list[Target]:
        rows = self.query(
            "SELECT p.record_id, p.number FROM provisions p JOIN records r ON r.id = p.record_id"
            " WHERE p.key = ? AND r.jurisdiction = ? ORDER BY p.record_id",
            (key, jurisdiction),
        )
        return [Target(r["record_id"], r["number"]) for r in rows]

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path / 'kb.sqlite'}?mode=ro", uri=True, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    def searcher(self) -> Searcher:
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self.index.searcher()
            self._local.searcher = searcher
        return searcher

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        return self.connection().execute(sql, params).fetchall()


def _topic_terms(row: sqlite3.Row) -> list[str]:
    terms: dict[str, list[str]] = json.loads(row["terms"])
    labels: dict[str, str] = json.loads(row["label"])
    return [*labels.values(), *(t for values in terms.values() for t in values)]


def check_record_id(record_id: str) -> None:
    """Reject ids that break the grammar before any lookup."""
    if len(record_id) > MAX_ID_LENGTH or not RECORD_ID_RE.fullmatch(record_id):
        raise RecordNotFound(record_id[:MAX_ID_LENGTH])


class Engine:
    """The knowledge base as the API and the CLI see it."""

    def __init__(self, build_dir: Path) -> None:
        self.build_dir = build_dir
        self._lock = threading.Lock()
        self._target: str | None = None
        self._build: Build | None = None

    @classmethod
    def open(cls, build_dir: Path | str) -> Engine:
        engine = cls(Path(build_dir))
        engine.build()
        return engine

    def build(self) -> Build:
        """The current build, reopened if a new one was published since the last call."""
        try:
            target = os.readlink(self.build_dir / CURRENT)
        except OSError:
            target = None
        if self._build is not None and target == self._target:
            return self._build
        with self._lock:
            if self._build is None or target != self._target:
                try:
                    self._build = Build(current_build(self.build_dir))
                    self._target = target
                except NoBuild:
                    if self._build is None:
                        raise
                    log.error("the newly published build %s is unusable; still serving %s", target, self._target)
                    self._target = target
        assert self._build is not None
        return self._build

    def warm(self) -> None:
        """Load the analyzers and open a searcher before the first request."""
        self.search(SearchRequest(q="텔레그램 偷拍 deepfake"))

    def search(self, request: SearchRequest) -> SearchResult:
        build = self.build()
        return run_search(build.searcher(), build.analyzer, build.thesaurus, request, build.resolver)

    def resolve(self, text: str) -> list[Resolution]:
        """Every citation in ``text`` with what it resolved to."""
        resolver = self.build().resolver
        return [resolver.resolve(ref) for ref in find_citations(text)]

    def version(self) -> dict[str, Any]:
        build = self.build()
        counts = {row["kind"]: row["n"] for row in build.query("SELECT kind, count(*) AS n FROM records GROUP BY kind")}
        return {**build.manifest, "build": build.path.name, "counts": counts}

    def record_data(self, record_id: str) -> dict[str, Any]:
        """The record as written, with derived parts: relations in both directions, provision keys, citation."""
        check_record_id(record_id)
        build = self.build()
        rows = build.query("SELECT data, citation, file FROM records WHERE id = ?", (record_id,))
        if not rows:
            raise RecordNotFound(record_id)
        data: dict[str, Any] = json.loads(rows[0]["data"])
        citations = {
            r["number"]: (r["key"], r["citation"])
            for r in build.query("SELECT number, key, citation FROM provisions WHERE record_id = ?", (record_id,))
        }
        for provision in data.get("provisions", []):
            key, citation = citations[provision["number"]]
            provision["key"] = key
            provision["citation"] = citation
        return {
            "record": data,
            "citation": rows[0]["citation"],
            "file": rows[0]["file"],
            "relations": self.relations(record_id),
        }

    def relations(self, record_id: str) -> list[dict[str, Any]]:
        build = self.build()
        rows = build.query(
            """SELECT r.type, r.source_provision, r.target, r.target_provision, r.note, r.declared,
                      t.kind, t.jurisdiction, t.title
               FROM relations r JOIN records t ON t.id = r.target
               WHERE r.source = ? ORDER BY r.type, r.target""",
            (record_id,),
        )
        return [
            {
                "type": row["type"],
                "provision": row["source_provision"],
                "target": row["target"],
                "target_provision": row["target_provision"],
                "note": row["note"],
                "declared": bool(row["declared"]),
                "target_kind": row["kind"],
                "target_jurisdiction": row["jurisdiction"],
                "target_title": json.loads(row["title"]),
            }
            for row in rows
        ]

    def provision_data(self, record_id: str, number: str) -> dict[str, Any]:
        """One provision of a law, found by its written number (제14조의2) or its key (14-2)."""
        check_record_id(record_id)
        if not PROVISION_NUMBER_RE.fullmatch(number):
            raise ProvisionNotFound(record_id, number[:40])
        build = self.build()
        if not build.query("SELECT 1 FROM records WHERE id = ?", (record_id,)):
            raise RecordNotFound(record_id)
        rows = build.query(
            "SELECT data, key, citation FROM provisions WHERE record_id = ? AND (number = ? OR key = ? OR key = ?)",
            (record_id, number, number.lower(), provision_key(number)),
        )
        if not rows:
            raise ProvisionNotFound(record_id, number)
        data: dict[str, Any] = json.loads(rows[0]["data"])
        relations = [r for r in self.relations(record_id) if r["provision"] == data["number"]]
        return {
            "record_id": record_id,
            "provision": {**data, "key": rows[0]["key"]},
            "citation": rows[0]["citation"],
            "relations": relations,
        }

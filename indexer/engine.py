"""A published build opened for reading: search, records, provisions, version.

whoosh searchers and SQLite connections are not safe to share between threads, so each thread
gets its own, over the one open index. :class:`Engine` follows the ``current`` symlink: when a new
build is published it opens it for the next request, while requests in flight finish on the old one.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import logging
import os
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import asdict
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from indexer.analysis import MultilingualAnalyzer
from indexer.build import CURRENT, current_build, read_manifest
from indexer.fair_lock import FairLock
from indexer.index_arrays import IndexArrays
from indexer.search import (
    SearchIndex,
    SearchRequest,
    SearchResult,
    matching_record_ids,
    resolution_data,
    run_search,
)
from indexer.thesaurus import Thesaurus
from kb.citation_grammar import find_citations
from kb.citation_resolver import KeyRow, Resolution, Resolver, Target
from kb.citations import CITATION_STYLES, format_citation, native_citation
from kb.comparison import JurisdictionComparison, compare_topic
from kb.errors import NoBuild, ProvisionNotFound, QueryError, RecordNotFound
from kb.ids import MAX_ID_LENGTH, PROVISION_NUMBER_RE, RECORD_ID_RE, provision_key
from kb.loader import RECORD_ADAPTER
from kb.models import Law, Provision, Record
from kb.versions import version_as_of

log = logging.getLogger(__name__)
RESULT_CACHE_SIZE = 1024
ANALYSIS_CACHE_SIZE = 16384


class Build:
    """One immutable build: its index, its store and its manifest."""

    def __init__(self, path: Path, result_cache_size: int = RESULT_CACHE_SIZE) -> None:
        self.path = path
        self.result_cache_size = result_cache_size
        self.manifest = read_manifest(path)
        try:
            self.index = whoosh_index.open_dir(str(path / "index"))
        except Exception as exc:  # whoosh raises several unrelated types for a damaged index
            raise NoBuild(f"The index of build {path.name!r} cannot be opened") from exc
        self.analyzer = MultilingualAnalyzer()
        self._local = threading.local()
        self._results: OrderedDict[str, SearchResult] = OrderedDict()
        self._results_lock = threading.Lock()
        # One search at a time per process, in arrival order: searches are CPU-bound Python, so concurrent
        # ones only contend for the GIL and all finish late; queued, each finishes as early as it can.
        # It also guards the one searcher (whoosh's readers are not thread-safe).
        self.searching = FairLock()
        self._searcher = self.index.searcher()
        # Query words recur (in queries, thesaurus terms, kind cues): analyses are kept per build, so a
        # replaced build takes its cache with it.
        self.analyse = functools.lru_cache(maxsize=ANALYSIS_CACHE_SIZE)(self._analyse)
        topics = {row["id"]: _topic_terms(row) for row in self.query("SELECT id, label, terms FROM topics")}
        self.thesaurus = Thesaurus(topics, self.analyse)
        self.resolver = Resolver(self._keys, self._provisions_of, self._laws_with_article)
        self._arrays: IndexArrays | None = None
        self._arrays_lock = threading.Lock()

    def _analyse(self, text: str) -> tuple[str, ...]:
        """The query-mode tokens of ``text``."""
        return tuple(t.text for t in self.analyzer(text, mode="query"))

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

    def search(self, request: SearchRequest) -> SearchResult:
        """Search this build; recent results are kept (the build never changes, so they stay right)."""
        if not self.result_cache_size:
            return self._run_search(request)
        key = json.dumps(asdict(request), default=str, sort_keys=True)
        with self._results_lock:
            cached = self._results.get(key)
            if cached is not None:
                self._results.move_to_end(key)
                return copy.deepcopy(cached)
        result = self._run_search(request)
        with self._results_lock:
            self._results[key] = result
            if len(self._results) > self.result_cache_size:
                self._results.popitem(last=False)
        return copy.deepcopy(result)

    def _run_search(self, request: SearchRequest) -> SearchResult:
        with self.searching:
            return run_search(self.search_index(), request)

    def matching_record_ids(self, request: SearchRequest, limit: int) -> list[str]:
        """Ids of the records matching ``request``, best first."""
        with self.searching:
            return matching_record_ids(self.search_index(), request, limit)

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path / 'kb.sqlite'}?mode=ro", uri=True, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    def search_index(self) -> SearchIndex:
        """What :func:`run_search` needs; with several threads, use it while holding :attr:`searching`."""
        with self._arrays_lock:
            if self._arrays is None:
                self._arrays = IndexArrays(self._searcher)
        return SearchIndex(self._searcher, self._arrays, self.analyse, self.thesaurus, self.resolver)

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

    def __init__(self, build_dir: Path, result_cache_size: int = RESULT_CACHE_SIZE) -> None:
        self.build_dir = build_dir
        self.result_cache_size = result_cache_size
        self._lock = threading.Lock()
        self._target: str | None = None
        self._build: Build | None = None

    @classmethod
    def open(cls, build_dir: Path | str, result_cache_size: int = RESULT_CACHE_SIZE) -> Engine:
        """The engine over ``build_dir``, keeping up to ``result_cache_size`` recent results (0: none)."""
        engine = cls(Path(build_dir), result_cache_size)
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
                    self._build = Build(current_build(self.build_dir), self.result_cache_size)
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
        return self.build().search(request)

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


# --- tools for lawyers and advocates -----------------------------------------------------------

REPEALED_STATUSES = {"repealed", "superseded", "renumbered", "lapsed"}
EXPORT_LIMIT = 10_000


class Tools:
    """Citations, relations, versions in time, timeline, comparison, citation check, export, feed."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, record_id: str) -> Record:
        check_record_id(record_id)
        rows = self.engine.build().query("SELECT data FROM records WHERE id = ?", (record_id,))
        if not rows:
            raise RecordNotFound(record_id)
        return RECORD_ADAPTER.validate_python(json.loads(rows[0]["data"]))

    def records(self, sql_where: str = "1", params: tuple[Any, ...] = ()) -> list[Record]:
        rows = self.engine.build().query(f"SELECT data FROM records WHERE {sql_where} ORDER BY id", params)
        return [RECORD_ADAPTER.validate_python(json.loads(r["data"])) for r in rows]

    def provision(self, record: Record, number: str) -> Provision:
        if not isinstance(record, Law) or not PROVISION_NUMBER_RE.fullmatch(number):
            raise ProvisionNotFound(record.id, number[:40])
        wanted = provision_key(number)
        for provision in record.provisions:
            if provision_key(provision.number) == wanted:
                return provision
        raise ProvisionNotFound(record.id, number)

    def cite(self, record_id: str, number: str | None, style: str) -> dict[str, Any]:
        if style not in CITATION_STYLES:
            raise QueryError(f"unknown citation style {style!r}", detail={"known": list(CITATION_STYLES)})
        record = self.record(record_id)
        provision = self.provision(record, number) if number is not None else None
        identifiers = getattr(record, "identifiers", None)
        return {
            "id": record.id,
            "provision": provision.number if provision else None,
            "style": style,
            "citation": format_citation(record, provision, style),
            "identifiers": identifiers.model_dump(exclude_none=True) if identifiers else {},
            "url": provision.url if provision else getattr(record, "url", None),
            "verification": (
                provision.verification if provision and provision.verification else record.verification
            ).status.value,
        }

    def related(
        self, record_id: str, types: list[str], kinds: list[str], jurisdictions: list[str]
    ) -> list[dict[str, Any]]:
        self.record(record_id)
        return [
            r
            for r in self.engine.relations(record_id)
            if (not types or r["type"] in types)
            and (not kinds or r["target_kind"] in kinds)
            and (not jurisdictions or r["target_jurisdiction"] in jurisdictions)
        ]

    def provision_as_of(self, record_id: str, number: str, as_of: dt.date) -> dict[str, Any]:
        record = self.record(record_id)
        provision = self.provision(record, number)
        version = version_as_of(provision, as_of)
        data = asdict(version)
        data["as_of"] = as_of.isoformat()
        for key in ("valid_from", "valid_to"):
            data[key] = data[key].isoformat() if data[key] else None
        data["text_kind"] = version.text_kind.value if version.text_kind else None
        return {
            "record_id": record.id,
            "provision": provision.number,
            "citation": native_citation(record, provision),
            **data,
        }

    def record_as_of(self, record_id: str, as_of: dt.date) -> list[dict[str, Any]]:
        record = self.record(record_id)
        if not isinstance(record, Law):
            return []
        return [self.provision_as_of(record_id, p.number, as_of) for p in record.provisions]

    def timeline(self, request: SearchRequest) -> list[dict[str, Any]]:
        build = self.engine.build()
        where, params = ["1"], []
        if request.q.strip():
            ids = self.matching_ids(request)
            if not ids:
                return []
            where.append(f"e.record_id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        for column, values in (("e.jurisdiction", request.jurisdictions), ("e.kind", request.kinds)):
            if values:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                params.extend(values)
        if request.topics:
            where.append(
                f"e.record_id IN (SELECT record_id FROM record_topics WHERE topic IN ({','.join('?' * len(request.topics))}))"
            )
            params.extend(request.topics)
        if request.date_from:
            where.append("e.date >= ?")
            params.append(request.date_from.isoformat())
        if request.date_to:
            where.append("e.date <= ?")
            params.append(request.date_to.isoformat())
        rows = build.query(
            "SELECT e.date, e.type, e.record_id, e.provision, e.kind, e.jurisdiction, e.note, r.title, r.citation"
            f" FROM events e JOIN records r ON r.id = e.record_id WHERE {' AND '.join(where)}"
            " ORDER BY e.date, e.record_id, e.type LIMIT 5000",
            tuple(params),
        )
        return [
            {
                "date": r["date"],
                "type": r["type"],
                "id": r["record_id"],
                "provision": r["provision"],
                "kind": r["kind"],
                "jurisdiction": r["jurisdiction"],
                "title": json.loads(r["title"]),
                "citation": r["citation"],
                "note": r["note"],
            }
            for r in rows
        ]

    def matching_ids(self, request: SearchRequest, limit: int = EXPORT_LIMIT) -> list[str]:
        build = self.engine.build()
        return build.matching_record_ids(request, limit)

    def compare(self, topic: str, jurisdictions: list[str]) -> list[JurisdictionComparison]:
        build = self.engine.build()
        if not build.query("SELECT 1 FROM topics WHERE id = ?", (topic,)):
            raise QueryError(f"unknown topic {topic!r}; see /v1/topics")
        codes = jurisdictions or [r["code"] for r in build.query("SELECT code FROM jurisdictions ORDER BY code")]
        records = self.records(f"jurisdiction IN ({','.join('?' * len(codes))})", tuple(codes))
        return compare_topic(records, topic, codes)

    def check(self, text: str) -> list[dict[str, Any]]:
        """Every citation in ``text`` with its status, including citations of repealed or amended provisions."""
        items = []
        for resolution in self.engine.resolve(text):
            item = resolution_data(resolution)
            if resolution.status == "found":
                target = resolution.targets[0]
                record = self.record(target.record_id)
                provision = self.provision(record, target.provision) if target.provision else None
                status = provision.status.value if provision else str(getattr(record, "status", ""))
                later = [
                    r
                    for r in self.engine.relations(target.record_id)
                    if r["type"] in ("replaced_by", "amended_by")
                    and (provision is None or r["provision"] in (None, provision.number))
                ]
                if status in REPEALED_STATUSES:
                    item["status"] = "repealed_or_amended"
                    item["note"] = f"the cited {'provision' if provision else 'law'} is {status.replace('_', ' ')}"
                item["citation"] = native_citation(record, provision)
                item["in_force_status"] = status
                item["replaced_by"] = [
                    {"id": r["target"], "provision": r["target_provision"]} for r in later if r["type"] == "replaced_by"
                ]
                item["verification"] = record.verification.status.value
            items.append(item)
        return items

    def export(self, request: SearchRequest) -> list[Record]:
        if request.q.strip() or request.topics or request.statuses or request.date_from or request.date_to:
            ids = self.matching_ids(request)
            by_id = {r.id: r for r in self.records(f"id IN ({','.join('?' * len(ids))})", tuple(ids))} if ids else {}
            return [by_id[i] for i in ids if i in by_id]
        where, params = ["1"], []
        for column, values in (("jurisdiction", request.jurisdictions), ("kind", request.kinds)):
            if values:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                params.extend(values)
        return self.records(" AND ".join(where), tuple(params))[:EXPORT_LIMIT]

    def feed(self, limit: int = 50) -> list[dict[str, Any]]:
        rows = self.engine.build().query(
            "SELECT h.id, h.changed, h.first_seen, h.change, r.title, r.summary_en, r.kind, r.jurisdiction, r.citation"
            " FROM record_history h JOIN records r ON r.id = h.id ORDER BY h.changed DESC, h.id LIMIT ?",
            (limit,),
        )
        return [dict(r) | {"title": json.loads(r["title"])} for r in rows]

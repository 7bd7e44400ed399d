"""The two systems a user might pick instead, built from the same documents as ours, timed.

- **SQLite FTS5 with the ``trigram`` tokenizer**: one row per whoosh document, all text fields joined;
  a query is its words of three characters or more, OR-ed, ranked by bm25 (trigram cannot match shorter
  words — most Chinese words and many Korean ones).
- **whoosh with its default ``StandardAnalyzer``** on the same fields with the same boosts, queried
  with ``MultifieldParser`` and an OR group (the friendliest setting).

Both mirror :mod:`indexer.baselines` (used by ``kb eval``) and are kept here so the benchmark does
not change when the evaluation does. Neither has facets or filters; filters are applied after ranking.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import MultifieldParser, OrGroup

from bench.stats import latency_summary
from indexer.documents import documents
from indexer.schema import TEXT_FIELDS
from kb.models import Record


def _ranked(ids: list[str], limit: int) -> list[str]:
    return list(dict.fromkeys(ids))[:limit]


class Fts5Trigram:
    name = "sqlite-fts5-trigram"

    def __init__(self, docs: list[dict[str, Any]], path: Path) -> None:
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(record_id UNINDEXED, body, tokenize='trigram')")
        rows = ((d["record_id"], "\n".join(str(d[k]) for k in TEXT_FIELDS if d.get(k))) for d in docs)
        self.db.executemany("INSERT INTO docs (record_id, body) VALUES (?, ?)", rows)
        self.db.commit()

    def search(self, query: str, limit: int = 10) -> list[str]:
        words = [w for w in query.replace('"', " ").split() if len(w) >= 3]
        if not words:
            return []
        match = " OR ".join('"' + w + '"' for w in words)
        try:
            rows = self.db.execute(
                "SELECT record_id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (match, limit * 5)
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        return _ranked([r[0] for r in rows], limit)


class WhooshDefault:
    name = "whoosh-standard-analyzer"

    def __init__(self, docs: list[dict[str, Any]], directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        fields = {name: TEXT(analyzer=StandardAnalyzer(), field_boost=boost) for name, boost in TEXT_FIELDS.items()}
        index = whoosh_index.create_in(str(directory), Schema(record_id=ID(stored=True), **fields))
        writer = index.writer(limitmb=256)
        for doc in docs:
            writer.add_document(record_id=doc["record_id"], **{k: doc[k] for k in TEXT_FIELDS if doc.get(k)})
        writer.commit()
        self.parser = MultifieldParser(list(TEXT_FIELDS), index.schema, group=OrGroup.factory(0.9))
        self.searcher = index.searcher()

    def search(self, query: str, limit: int = 10) -> list[str]:
        try:
            hits = self.searcher.search(self.parser.parse(query), limit=limit * 5)
        except Exception:  # the default parser fails on some input; count it as no result
            return []
        return _ranked([hit["record_id"] for hit in hits], limit)


Baseline = Fts5Trigram | WhooshDefault


def build_baselines(records: list[Record], workdir: Path) -> tuple[dict[str, Baseline], dict[str, float]]:
    """Both baselines over ``records``, and each one's build time in seconds (documents made once, untimed)."""
    docs = list(documents(records))
    systems: dict[str, Baseline] = {}
    seconds: dict[str, float] = {}
    for cls, target in ((Fts5Trigram, workdir / "fts5.sqlite"), (WhooshDefault, workdir / "whoosh-default")):
        started = time.perf_counter()
        systems[cls.name] = cls(docs, target)
        seconds[cls.name] = time.perf_counter() - started
    return systems, seconds


def query_latency(system: Baseline, queries: list[str], rounds: int) -> dict[str, float]:
    samples = []
    for _ in range(rounds):
        for q in queries:
            started = time.perf_counter()
            system.search(q)
            samples.append(time.perf_counter() - started)
    return latency_summary(samples)

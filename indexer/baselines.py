"""Two search systems a user might otherwise pick, built from the same documents as ours
(:func:`indexer.documents.documents`), for ``kb eval`` and the benchmark.

- whoosh with its default ``StandardAnalyzer`` over the same fields (an OR query, the friendliest setting);
- SQLite FTS5 with the ``trigram`` tokenizer over the same text (words of three characters or more).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import MultifieldParser, OrGroup

from indexer.schema import TEXT_FIELDS


def _ranked(ids: list[str], limit: int) -> list[str]:
    return list(dict.fromkeys(ids))[:limit]


class WhooshDefault:
    """whoosh's ``StandardAnalyzer`` on every text field, queried with ``MultifieldParser`` (OR)."""

    name = "whoosh StandardAnalyzer"

    def __init__(self, docs: list[dict[str, Any]], directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        fields = {name: TEXT(analyzer=StandardAnalyzer(), field_boost=boost) for name, boost in TEXT_FIELDS.items()}
        self.index = whoosh_index.create_in(str(directory), Schema(record_id=ID(stored=True), **fields))
        writer = self.index.writer()
        for doc in docs:
            writer.add_document(record_id=doc["record_id"], **{k: doc[k] for k in TEXT_FIELDS if doc.get(k)})
        writer.commit()
        self.parser = MultifieldParser(list(TEXT_FIELDS), self.index.schema, group=OrGroup.factory(0.9))
        self.searcher = self.index.searcher()

    def search(self, query: str, limit: int = 10) -> list[str]:
        try:
            parsed = self.parser.parse(query)
            hits = self.searcher.search(parsed, limit=limit * 5)
        except Exception:  # the default parser can fail on odd input; count it as no result
            return []
        return _ranked([hit["record_id"] for hit in hits], limit)


class Fts5Trigram:
    """SQLite FTS5 with ``tokenize='trigram'``: each word of three characters or more, OR-ed, ranked by bm25."""

    name = "SQLite FTS5 trigram"

    def __init__(self, docs: list[dict[str, Any]], path: Path) -> None:
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(record_id UNINDEXED, body, tokenize='trigram')")
        rows = ((doc["record_id"], "\n".join(str(doc[k]) for k in TEXT_FIELDS if doc.get(k))) for doc in docs)
        self.db.executemany("INSERT INTO docs (record_id, body) VALUES (?, ?)", rows)
        self.db.commit()

    def search(self, query: str, limit: int = 10) -> list[str]:
        words = [w for w in query.split() if len(w) >= 3]
        if not words:
            return []
        match = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
        try:
            rows = self.db.execute(
                "SELECT record_id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (match, limit * 5)
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        return _ranked([r[0] for r in rows], limit)

"""When each record was first published and last changed, carried from one build to the next (for the feed)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from indexer.store import record_data
from kb.loader import Corpus


def record_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def _previous(db_path: Path | None) -> dict[str, sqlite3.Row]:
    if db_path is None or not db_path.is_file():
        return {}
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return {row["id"]: row for row in conn.execute("SELECT * FROM record_history")}
    except sqlite3.OperationalError:
        return {}
    finally:
        conn.close()


def history_rows(corpus: Corpus, previous_db: Path | None, now: str) -> list[dict[str, Any]]:
    """One row per record: ``first_seen``, ``changed`` and whether the last change was an addition."""
    previous = _previous(previous_db)
    rows = []
    for record in corpus.records:
        digest = record_hash(record_data(record))
        before = previous.get(record.id)
        if before is None:
            rows.append({"id": record.id, "hash": digest, "first_seen": now, "changed": now, "change": "added"})
        elif before["hash"] != digest:
            rows.append(
                {
                    "id": record.id,
                    "hash": digest,
                    "first_seen": before["first_seen"],
                    "changed": now,
                    "change": "changed",
                }
            )
        else:
            rows.append(dict(before))
    return rows

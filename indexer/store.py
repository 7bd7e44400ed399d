"""The SQLite store, written with sqlite-utils: records, provisions, relations, sources, topics, meta.

Per-language maps and nested parts are JSON columns; ``records.data`` holds the record exactly as
written in YAML (fields that were not written are not invented), so that it round-trips.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlite_utils

from indexer.documents import primary_date
from kb.citation_resolver import citation_keys
from kb.citations import native_citation
from kb.ids import provision_key
from kb.loader import Corpus
from kb.models import Case, Law, Policy, Record


def record_data(record: Record) -> dict[str, Any]:
    """The record as written: only the fields present in the YAML file, JSON-ready."""
    return record.model_dump(mode="json", exclude_unset=True)


def _record_row(record: Record, corpus: Corpus) -> dict[str, Any]:
    date = primary_date(record)
    return {
        "id": record.id,
        "kind": record.kind,
        "jurisdiction": record.jurisdiction,
        "original_language": record.original_language,
        "title_en": record.title.get("en"),
        "title_ko": record.title.get("ko"),
        "title_zh": record.title.get("zh"),
        "title": record.title,
        "aliases": record.aliases,
        "summary_en": record.summary.get("en"),
        "status": str(getattr(record, "status", "") or "") or None,
        "instrument": record.instrument.value if isinstance(record, Law) else None,
        "court_level": record.court.level if isinstance(record, Case) else None,
        "platform": record.platform if isinstance(record, Policy) else None,
        "date": date.isoformat() if date else None,
        "year": date.year if date else None,
        "topics": record.topics,
        "verification_status": record.verification.status.value,
        "citation": native_citation(record),
        "file": corpus.files[record.id],
        "data": record_data(record),
    }


def _provision_rows(law: Law) -> list[dict[str, Any]]:
    rows = []
    for position, provision in enumerate(law.provisions):
        key = provision_key(provision.number)
        rows.append(
            {
                "id": f"{law.id}#{key}",
                "record_id": law.id,
                "position": position,
                "number": provision.number,
                "key": key,
                "heading": provision.heading,
                "text_en": provision.text.get("en"),
                "text_kind": provision.text_kind.value,
                "status": provision.status.value,
                "in_force_from": provision.in_force_from.isoformat() if provision.in_force_from else None,
                "url": provision.url,
                "topics": provision.topics,
                "scope": provision.scope.model_dump(mode="json", exclude_defaults=True) if provision.scope else None,
                "citation": native_citation(law, provision),
                "data": provision.model_dump(mode="json", exclude_unset=True),
            }
        )
    return rows


# Tables that must exist even when the corpus gives them no rows.
EMPTY_TABLES: dict[str, dict[str, type]] = {
    "provisions": {"id": str, "record_id": str, "number": str, "key": str},
    "relations": {"source": str, "source_provision": str, "type": str, "target": str, "target_provision": str},
    "sources": {"record_id": str, "url": str},
    "record_topics": {"record_id": str, "topic": str},
    "citation_keys": {"key": str, "record_id": str, "provision": str, "kind": str, "jurisdiction": str},
    "events": {"date": str, "type": str, "record_id": str, "provision": str, "kind": str, "jurisdiction": str},
}


def _event_rows(record: Record) -> list[dict[str, Any]]:
    """Dated events for the timeline: the record's dates, and its provisions' wordings taking effect."""
    base = {"record_id": record.id, "kind": record.kind, "jurisdiction": record.jurisdiction}
    rows = [
        {**base, "date": d.date.isoformat(), "type": d.type.value, "provision": None, "note": d.note}
        for d in record.dates
    ]
    if isinstance(record, Law):
        for provision in record.provisions:
            starts = [(v.valid_from, v.note) for v in provision.versions]
            if provision.in_force_from:
                starts.append((provision.in_force_from, None))
            rows.extend(
                {
                    **base,
                    "date": day.isoformat(),
                    "type": "provision_in_force",
                    "provision": provision.number,
                    "note": note,
                }
                for day, note in sorted(set(starts), key=lambda s: s[0])
            )
    return rows


def write_store(corpus: Corpus, path: Path, meta: dict[str, Any], history: list[dict[str, Any]]) -> None:
    """Write the whole corpus into a new SQLite file at ``path``."""
    db = sqlite_utils.Database(path)
    for table, columns in EMPTY_TABLES.items():
        db[table].create(columns, pk="id" if "id" in columns else None, if_not_exists=True)
    db["records"].insert_all((_record_row(r, corpus) for r in corpus.records), pk="id")
    db["provisions"].insert_all(
        (row for r in corpus.records if isinstance(r, Law) for row in _provision_rows(r)),
        alter=True,
    )
    db["relations"].insert_all(
        (
            {
                "source": e.source,
                "source_provision": e.source_provision,
                "type": e.type,
                "target": e.target,
                "target_provision": e.target_provision,
                "note": e.note,
                "declared": e.declared,
            }
            for e in corpus.edges
        ),
        alter=True,
    )
    db["sources"].insert_all(
        ({"record_id": r.id, **s.model_dump(mode="json")} for r in corpus.records for s in r.sources),
        alter=True,
    )
    db["topics"].insert_all(({"id": t.id, "label": t.label, "terms": t.terms} for t in corpus.topics.values()), pk="id")
    db["record_topics"].insert_all(
        ({"record_id": r.id, "topic": t} for r in corpus.records for t in r.topics),
        alter=True,
    )
    db["jurisdictions"].insert_all(
        ({"code": j.code, "name": j.name, "languages": j.languages} for j in corpus.jurisdictions.values()), pk="code"
    )
    db["record_history"].insert_all(history, pk="id")
    db["events"].insert_all((row for r in corpus.records for row in _event_rows(r)), alter=True)
    db["citation_keys"].insert_all((vars(row) for row in citation_keys(corpus.records)), alter=True)
    db["meta"].insert_all(({"key": k, "value": json.dumps(v)} for k, v in meta.items()), pk="key")
    for table, columns in (
        ("records", ["jurisdiction"]),
        ("records", ["kind"]),
        ("provisions", ["record_id"]),
        ("relations", ["source"]),
        ("relations", ["target"]),
        ("sources", ["record_id"]),
        ("record_topics", ["topic"]),
        ("citation_keys", ["key"]),
        ("provisions", ["key"]),
        ("events", ["date"]),
    ):
        db[table].create_index(columns, if_not_exists=True)
    db.conn.commit()
    db.close()

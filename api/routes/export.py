"""Exports (JSON Lines, CSV, CSL-JSON), the whole build as SQLite, and the Atom feed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Literal
from xml.sax.saxutils import escape

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response, StreamingResponse

from api.deps import EngineDep, ToolsDep
from api.routes.filters import FiltersDep
from indexer.documents import primary_date
from indexer.store import record_data
from kb.citations import csl_item, native_citation
from kb.models import Record

router = APIRouter(prefix="/v1", tags=["export"])

CSV_COLUMNS = (
    "id", "kind", "jurisdiction", "title_en", "title_ko", "title_zh", "date", "status", "topics",
    "citation", "verification", "url", "summary_en",
)  # fmt: skip


def _csv_row(record: Record) -> list[str]:
    date = primary_date(record)
    return [
        record.id,
        record.kind,
        record.jurisdiction,
        record.title.get("en", ""),
        record.title.get("ko", ""),
        record.title.get("zh", ""),
        date.isoformat() if date else "",
        str(getattr(record, "status", "") or ""),
        ";".join(record.topics),
        native_citation(record),
        record.verification.status.value,
        str(getattr(record, "url", "") or record.sources[0].url),
        record.summary["en"],
    ]


def _csv(records: list[Record]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow(_csv_row(record))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _jsonl(records: list[Record]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record_data(record), ensure_ascii=False) + "\n"


def _csl(records: list[Record]) -> Iterator[str]:
    yield "["
    for i, record in enumerate(records):
        yield ("," if i else "") + json.dumps(csl_item(record), ensure_ascii=False)
    yield "]\n"


@router.get("/export")
def export(
    tools: ToolsDep, request: FiltersDep, format: Literal["jsonl", "csv", "csl-json"] = "jsonl"
) -> StreamingResponse:  # noqa: A002
    """Every matching record, complete, streamed (at most 10,000). Same filters as search."""
    records = tools.export(request)
    media, body, suffix = {
        "jsonl": ("application/x-ndjson", _jsonl, "jsonl"),
        "csv": ("text/csv; charset=utf-8", _csv, "csv"),
        "csl-json": ("application/vnd.citationstyles.csl+json", _csl, "json"),
    }[format]
    headers = {"Content-Disposition": f'attachment; filename="tfsv-kb.{suffix}"', "X-Total-Count": str(len(records))}
    return StreamingResponse(body(records), media_type=media, headers=headers)


@router.get("/export/build.sqlite")
def export_build(engine: EngineDep) -> FileResponse:
    """The whole build as one SQLite file (opens in Datasette or any SQLite tool)."""
    build = engine.build()
    return FileResponse(
        build.path / "kb.sqlite", media_type="application/vnd.sqlite3", filename=f"tfsv-kb-{build.path.name}.sqlite"
    )


@router.get("/feed.atom")
def feed(tools: ToolsDep, request: Request) -> Response:
    """Records added or changed, newest first (Atom)."""
    entries = tools.feed()
    base = str(request.base_url).rstrip("/")
    updated = entries[0]["changed"] if entries else "1970-01-01T00:00:00+00:00"
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "<title>TFSV knowledge base: new and changed records</title>",
        f"<id>{escape(base)}/v1/feed.atom</id>",
        f'<link rel="self" href="{escape(base)}/v1/feed.atom"/>',
        f"<updated>{escape(updated)}</updated>",
    ]
    for entry in entries:
        title = entry["title"].get("en") or next(iter(entry["title"].values()))
        parts.append(
            "<entry>"
            f"<title>{escape(title)}</title>"
            f"<id>{escape(base)}/v1/records/{escape(entry['id'])}</id>"
            f'<link href="{escape(base)}/v1/records/{escape(entry["id"])}"/>'
            f"<updated>{escape(entry['changed'])}</updated>"
            f"<published>{escape(entry['first_seen'])}</published>"
            f'<category term="{escape(entry["change"])}"/>'
            f"<summary>{escape(entry['citation'])} — {escape(entry['summary_en'] or '')}</summary>"
            "</entry>"
        )
    parts.append("</feed>")
    return Response("\n".join(parts), media_type="application/atom+xml")

"""The Datasette ``metadata.json`` of a build: titles, licence notes, table and column descriptions,
facets and the canned queries lawyers run.

Open a build with ``datasette build/current/kb.sqlite -m build/current/metadata.json`` (or
``kb datasette``). Datasette names the database after the file, so the metadata is keyed ``kb``.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

METADATA_FILE = "metadata.json"
DATABASE = "kb"

DESCRIPTION = (
    "Laws (with their provisions), court cases, platform policies and incidents on technology-facilitated "
    "sexual violence — illegal filming, deepfake sexual imagery, non-consensual intimate images, online "
    "sexual exploitation of minors — and platform accountability, in Korea, China, the EU, the US and the UK. "
    "Every record is a reviewed file with its sources (official first) and a verification status; facts "
    "that could not be checked are listed as unverified, never stated as settled."
)
SOURCE = "Reviewed YAML records (data/ of the TFSV knowledge base), official sources first"
LICENSE = (
    "Code: MIT. Summaries and provision texts are the project's own words (text_kind: summary), not official "
    "texts; each provision links to its official text, which keeps its publisher's terms."
)
VERIFICATION = (
    " A row whose verification_status is not 'verified' has unconfirmed facts: see the 'Unverified records' query."
)

TABLES: dict[str, dict[str, Any]] = {
    "records": {
        "description": "One row per law, case, policy or incident, as reviewed." + VERIFICATION,
        "label_column": "title_en",
        "sort_desc": "date",
        "facets": ["jurisdiction", "kind", {"array": "topics"}, "year", "verification_status"],
        "columns": {
            "id": "Stable record id (jurisdiction-kind-slug); the API serves it at /v1/records/{id}.",
            "kind": "law, case, policy or incident.",
            "jurisdiction": "KR, CN, EU, US, UK, FR or INT (see the jurisdictions table).",
            "original_language": "Language of the official text.",
            "title_en": "English title.",
            "title_ko": "Korean title.",
            "title_zh": "Chinese title.",
            "title": "Titles by language (JSON).",
            "aliases": "Other names people search for (JSON list).",
            "summary_en": "English summary, in the project's own words.",
            "status": "in_force, repealed, amended, final, pending… as recorded.",
            "instrument": "For laws: act, decree, regulation, directive…",
            "court_level": "For cases: supreme, appellate, first_instance, constitutional…",
            "platform": "For policies: the platform whose policy changed.",
            "date": "The record's principal date (YYYY-MM-DD).",
            "year": "Year of the principal date.",
            "topics": "Topic ids (JSON list; see the topics table).",
            "verification_status": "verified, partially_verified or unverified.",
            "citation": "The citation in the jurisdiction's own form.",
            "file": "The YAML file the record was read from.",
            "data": "The whole record exactly as written (JSON), including verification.unverified_facts.",
        },
    },
    "provisions": {
        "description": "One row per provision (article, section) of a law: text in the project's own words, "
        "official-text link and structured scope.",
        "label_column": "citation",
        "facets": ["status", "text_kind", {"array": "topics"}],
        "columns": {
            "id": "record_id#key.",
            "record_id": "The law (records.id).",
            "position": "Order within the law.",
            "number": "The number as written (제14조의2, Article 16, § 2252A).",
            "key": "Normalised number (14-2, 16, 2252a).",
            "heading": "Headings by language (JSON).",
            "text_en": "English text in the project's own words.",
            "text_kind": "summary (our words) or official.",
            "status": "in_force, amended, repealed…",
            "in_force_from": "Day the current wording took effect.",
            "url": "Deep link to the official text.",
            "topics": "Topic ids (JSON list).",
            "scope": "Structured facts (JSON): conduct, material, penalty, platform_duties.",
            "citation": "The provision's citation in the jurisdiction's own form.",
            "data": "The provision exactly as written (JSON), earlier versions included.",
        },
    },
    "relations": {
        "description": "Typed edges between records, in both directions (applies/applied_in, amends/amended_by, "
        "arises_from/gave_rise_to…).",
        "facets": ["type", "declared"],
        "columns": {
            "source": "The record the edge starts from.",
            "source_provision": "The source law's provision, when the edge is about one.",
            "type": "Relation type.",
            "target": "The record the edge points to.",
            "target_provision": "The target law's provision (e.g. the article a case applied).",
            "note": "What the relation is about.",
            "declared": "1 when written in the source's YAML, 0 when derived as the inverse.",
        },
    },
    "sources": {
        "description": "Where each record's facts can be checked, official sources first.",
        "facets": ["kind", "language", "publisher"],
        "columns": {
            "record_id": "The record (records.id).",
            "url": "Address of the source.",
            "kind": "official, court, news, ngo, academic, platform…",
            "accessed": "Day the source was read.",
            "supports": "Which facts the source supports.",
        },
    },
    "events": {
        "description": "Dated events for timelines: promulgation, entry into force, amendments, judgments, "
        "policy changes, incidents, provisions' wordings taking effect.",
        "sort": "date",
        "facets": ["type", "jurisdiction", "kind"],
        "columns": {"date": "YYYY-MM-DD.", "type": "Event type.", "provision": "The provision, for wordings."},
    },
    "topics": {
        "description": "The multilingual topic thesaurus: labels and search terms in every language (JSON).",
        "label_column": "id",
    },
    "record_topics": {"description": "Which record has which topic.", "facets": ["topic"]},
    "jurisdictions": {"description": "Jurisdiction codes, names and languages.", "label_column": "code"},
    "citation_keys": {
        "description": "Normalised citation keys (short titles, law numbers, case numbers) used to resolve citations.",
        "facets": ["kind", "jurisdiction"],
    },
    "record_history": {
        "description": "When each record was first seen and last changed, across builds.",
        "facets": ["change"],
    },
    "meta": {"description": "The build: schema version, data version (hash of data/), build time, counts."},
}

POSSESSION_CONDUCT = ("possessing", "purchasing", "storing")

QUERIES: dict[str, dict[str, Any]] = {
    "possession_of_synthetic_material": {
        "title": "Provisions that criminalise possession of synthetic (deepfake) sexual material",
        "description": "Provisions whose recorded scope covers possessing, purchasing or storing synthetic "
        "material. max_prison_years is the recorded penalty (empty when none is recorded); check the official "
        "text at url before citing.",
        "sql": f"""SELECT p.citation, p.record_id, p.number, r.jurisdiction, p.status,
       json_extract(p.scope, '$.penalty.max_prison_years') AS max_prison_years,
       (SELECT group_concat(c.value, ', ') FROM json_each(p.scope, '$.conduct') c) AS conduct,
       p.text_en, p.url, r.verification_status
FROM provisions p JOIN records r ON r.id = p.record_id
WHERE EXISTS (SELECT 1 FROM json_each(p.scope, '$.conduct') c WHERE c.value IN {POSSESSION_CONDUCT!r})
  AND EXISTS (SELECT 1 FROM json_each(p.scope, '$.material') m WHERE m.value = 'synthetic')
ORDER BY r.jurisdiction, p.record_id, p.position""",
    },
    "cases_applying_provision": {
        "title": "Every case that applied a given provision",
        "description": "Cases whose record says they applied the law (and provision, by number as written or "
        "key, e.g. 제14조의2 or 14-2). Leave a box empty for every law or every provision.",
        "sql": """SELECT c.citation AS case_citation, c.id AS case_id, c.jurisdiction, c.court_level,
       c.date AS decided, rel.target AS law_id, rel.target_provision AS provision,
       p.citation AS provision_citation, rel.note, c.verification_status
FROM relations rel
JOIN records c ON c.id = rel.source AND c.kind = 'case'
LEFT JOIN provisions p ON p.record_id = rel.target AND p.number = rel.target_provision
WHERE rel.type = 'applies'
  AND (:law = '' OR rel.target = :law)
  AND (:provision = '' OR rel.target_provision = :provision OR p.key = lower(:provision))
ORDER BY rel.target, rel.target_provision, c.date DESC""",
    },
    "records_by_jurisdiction_and_topic": {
        "title": "Records by jurisdiction and topic",
        "description": "Laws, cases, policies and incidents of one jurisdiction (e.g. KR) on one topic (e.g. "
        "deepfake); leave a box empty for all.",
        "sql": """SELECT r.id, r.kind, r.jurisdiction, r.date, r.title_en, r.title_ko, r.title_zh, r.citation,
       r.status, r.verification_status
FROM records r
WHERE (:jurisdiction = '' OR r.jurisdiction = upper(:jurisdiction))
  AND (:topic = '' OR r.id IN (SELECT record_id FROM record_topics WHERE topic = :topic))
ORDER BY r.jurisdiction, r.kind, r.date DESC""",
    },
    "unverified_facts": {
        "title": "Unverified records and their unconfirmed facts",
        "description": "Each fact that could not be confirmed, for every record (or provision) not fully "
        "verified: do not state these as settled.",
        "sql": """SELECT r.id AS record_id, NULL AS provision, r.kind, r.jurisdiction,
       r.verification_status AS status, f.value AS unconfirmed_fact,
       json_extract(r.data, '$.verification.checked') AS checked
FROM records r, json_each(r.data, '$.verification.unverified_facts') f
WHERE r.verification_status != 'verified'
UNION ALL
SELECT p.record_id, p.number, 'provision', r.jurisdiction,
       json_extract(p.data, '$.verification.status'), f.value,
       json_extract(p.data, '$.verification.checked')
FROM provisions p JOIN records r ON r.id = p.record_id,
     json_each(p.data, '$.verification.unverified_facts') f
WHERE json_extract(p.data, '$.verification.status') != 'verified'
ORDER BY 4, 1, 2""",
    },
}


def _build_meta(db_path: Path) -> dict[str, Any]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return {key: json.loads(value) for key, value in conn.execute("SELECT key, value FROM meta")}
    finally:
        conn.close()


def datasette_metadata(build_path: Path) -> dict[str, Any]:
    """The metadata for the build at ``build_path`` (a directory holding ``kb.sqlite``)."""
    meta = _build_meta(build_path / "kb.sqlite")
    version = f" Data version {meta.get('data_version')}, built {meta.get('built_at')}."
    return {
        "title": "TFSV knowledge base",
        "description": DESCRIPTION + version,
        "source": SOURCE,
        "license": LICENSE,
        "databases": {
            DATABASE: {
                "description": DESCRIPTION,
                "source": SOURCE,
                "license": LICENSE,
                "tables": TABLES,
                "queries": QUERIES,
            }
        },
    }


def write_datasette_metadata(build_path: Path | str) -> Path:
    """Write ``metadata.json`` beside the build's ``kb.sqlite``; return its path."""
    build_path = Path(build_path)
    target = build_path / METADATA_FILE
    target.write_text(json.dumps(datasette_metadata(build_path), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return target

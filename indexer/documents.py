"""Records and provisions as whoosh documents (plain dicts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from kb.citation_resolver import normalize_key
from kb.citations import native_citation
from kb.ids import provision_key
from kb.models import Case, Incident, Law, Policy, Provision, Record

# Languages other than ko/zh/en are searched with the nearest field.
FIELD_LANGUAGE = {"ko": "ko", "zh": "zh", "zh-Hant": "zh", "en": "en"}
PRIMARY_DATE = {
    "law": ("effective", "promulgated", "enacted", "published", "signed", "passed", "introduced"),
    "case": ("decided", "filed", "indicted", "announced", "occurred"),
    "policy": ("announced", "effective", "published"),
    "incident": ("started", "occurred", "reported", "announced"),
}


def primary_date(record: Record) -> dt.date | None:
    """The date that places a record on a timeline and sorts it."""
    return record.date_of(*PRIMARY_DATE[record.kind]) or (min(d.date for d in record.dates) if record.dates else None)


def _by_field(texts: dict[str, list[str]], lang_map: dict[str, str] | None) -> None:
    for lang, text in (lang_map or {}).items():
        texts.setdefault(FIELD_LANGUAGE.get(lang, "en"), []).append(text)


def _record_bodies(record: Record) -> dict[str, list[str]]:
    bodies: dict[str, list[str]] = {}
    _by_field(bodies, record.summary)
    if isinstance(record, Case):
        _by_field(bodies, record.outcome)
        _by_field(bodies, record.sentence)
    elif isinstance(record, Incident):
        _by_field(bodies, record.scale)
    elif isinstance(record, Policy) and record.change:
        _by_field(bodies, record.change.before)
        _by_field(bodies, record.change.after)
    for person in record.named_persons:
        _by_field(bodies, person.name)
    return bodies


def _identifier_text(record: Record) -> str:
    values = [record.id]
    identifiers = getattr(record, "identifiers", None)
    if identifiers is not None:
        values.extend(v for v in identifiers.model_dump().values() if v)
    return " ; ".join(values)


def _base(record: Record) -> dict[str, Any]:
    date = primary_date(record)
    doc: dict[str, Any] = {
        "record_id": record.id,
        "kind": record.kind,
        "jurisdiction": record.jurisdiction,
        "topics": ",".join(record.topics),
        "status": str(getattr(record, "status", "") or ""),
        "verification": record.verification.status.value,
        "identifiers": _identifier_text(record),
    }
    if date:
        doc["date"] = dt.datetime.combine(date, dt.time())
        doc["year"] = date.year
    if isinstance(record, Case):
        doc["court_level"] = record.court.level
        doc["court"] = " ; ".join(record.court.name.values())
    return doc


def exact_keys(*names: str) -> str:
    """Whole names (titles, short titles, aliases) normalised as :func:`normalize_key` does, for exact-name hits."""
    keys = dict.fromkeys(k for k in (normalize_key(n) for n in names) if k and "," not in k)
    return ",".join(keys)


def _titles(doc: dict[str, Any], titles: dict[str, list[str]]) -> None:
    for lang, values in titles.items():
        doc[f"title_{lang}"] = " ".join(values)


def record_document(record: Record) -> dict[str, Any]:
    doc = _base(record)
    doc.update(
        doc_id=record.id,
        doc_type="record",
        aliases=" ; ".join(record.aliases),
        exact=exact_keys(*record.aliases, *record.title.values()),
    )
    titles: dict[str, list[str]] = {}
    _by_field(titles, record.title)
    _titles(doc, titles)
    for lang, values in _record_bodies(record).items():
        doc[f"body_{lang}"] = "\n".join(values)
    doc["payload"] = {
        "citation": native_citation(record),
        "dates": [{"type": d.type.value, "date": d.date.isoformat()} for d in record.dates],
        "title": dict(record.title),
    }
    return doc


def provision_document(law: Law, provision: Provision) -> dict[str, Any]:
    doc = _base(law)
    key = provision_key(provision.number)
    doc.update(
        doc_id=f"{law.id}#{key}",
        doc_type="provision",
        provision=provision.number,
        status=provision.status.value,
        aliases=" ; ".join([*provision.aliases, *law.aliases[:3]]),
        exact=exact_keys(*provision.aliases),
        identifiers=f"{doc['identifiers']} ; {key}",
    )
    if provision.topics:
        doc["topics"] = ",".join(dict.fromkeys([*law.topics, *provision.topics]))
    if provision.verification:
        doc["verification"] = provision.verification.status.value
    if provision.in_force_from:
        doc["date"] = dt.datetime.combine(provision.in_force_from, dt.time())
        doc["year"] = provision.in_force_from.year
    titles: dict[str, list[str]] = {}
    title: dict[str, str] = {}
    for lang, law_title in law.title.items():
        heading = (provision.heading or {}).get(lang) or (provision.heading or {}).get(law.original_language)
        title[lang] = f"{law_title} {provision.number}" + (f" ({heading})" if heading else "")
    _by_field(titles, title)
    _titles(doc, titles)
    bodies: dict[str, list[str]] = {}
    _by_field(bodies, provision.text)
    for lang, values in bodies.items():
        doc[f"body_{lang}"] = "\n".join(values)
    doc["payload"] = {
        "citation": native_citation(law, provision),
        "dates": [{"type": "effective", "date": provision.in_force_from.isoformat()}]
        if provision.in_force_from
        else [],
        "title": title,
    }
    return doc


def documents(records: list[Record]) -> Iterator[dict[str, Any]]:
    """Every whoosh document of the corpus: one per record, one per provision."""
    for record in records:
        yield record_document(record)
        if isinstance(record, Law):
            for provision in record.provisions:
                yield provision_document(record, provision)

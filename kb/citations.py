"""Citation strings in each jurisdiction's own form (the ``native`` style).

Only facts present in the record are used: a case without a confirmed case number is cited by
court and date alone, never with a placeholder.
"""

from __future__ import annotations

import re

from kb.ids import provision_key
from kb.models import Case, Incident, Law, Policy, Provision, Record


def _title(record: Record, *langs: str) -> str:
    for lang in (*langs, record.original_language, "en"):
        if lang in record.title:
            return record.title[lang]
    return next(iter(record.title.values()))


def _korean_date(date: object) -> str:
    y, m, d = str(date).split("-")
    return f"{int(y)}. {int(m)}. {int(d)}."


def _uk_section(number: str) -> str:
    key = provision_key(number)
    return f"s {key.upper() if key[-1:].isalpha() else key}"


def _law_citation(law: Law, provision: Provision | None) -> str:
    number = provision.number if provision else None
    if law.jurisdiction == "KR":
        base = f"「{_title(law, 'ko')}」"
        return f"{base} {number}" if number else base
    if law.jurisdiction == "CN":
        base = f"《{_title(law, 'zh')}》"
        return f"{base}{number}" if number else base
    if law.jurisdiction == "UK":
        base = _title(law, "en")
        return f"{base}, {_uk_section(number)}" if number else base
    if law.jurisdiction == "US":
        if number and law.identifiers.usc and number.startswith("§"):
            title_number = re.match(r"\d+", law.identifiers.usc)
            if title_number:
                return f"{title_number.group()} U.S.C. {number}"
        base = law.identifiers.usc or _title(law, "en")
        if law.identifiers.public_law and not law.identifiers.usc:
            base = f"{base}, {law.identifiers.public_law}"
        return f"{base}, {number}" if number else base
    base = _title(law, "en")
    return f"{base}, {number}" if number else base


def _case_citation(case: Case) -> str:
    ids = case.identifiers
    decided = case.date_of("decided")
    if case.jurisdiction == "KR":
        court = case.court.name.get("ko") or case.court.name.get("en", "")
        parts = [court]
        if decided:
            parts.append(f"{_korean_date(decided)} 선고")
        if ids.case_number:
            parts.append(ids.case_number)
        parts.append("판결" if case.court.level != "constitutional" else "결정")
        return " ".join(parts)
    if case.jurisdiction == "CN" and ids.case_number:
        return ids.case_number
    if ids.neutral_citation:
        return f"{_title(case, 'en')} {ids.neutral_citation}"
    if ids.ecli:
        return f"{_title(case, 'en')}, {ids.ecli}"
    court = case.court.name.get("en") or next(iter(case.court.name.values()))
    parts = [_title(case, "en")]
    if ids.reporter_citation:
        parts.append(ids.reporter_citation)
    if ids.case_number or ids.docket:
        parts.append(f"No. {ids.case_number or ids.docket}")
    tail = f"({court} {decided.year})" if decided else f"({court})"
    return ", ".join(parts) + f" {tail}"


def native_citation(record: Record, provision: Provision | None = None) -> str:
    """The citation as the record's own jurisdiction writes it."""
    if isinstance(record, Law):
        return _law_citation(record, provision)
    if isinstance(record, Case):
        return _case_citation(record)
    if isinstance(record, Policy):
        when = record.date_of("announced", "published", "effective")
        return f"{record.platform}, {_title(record, 'en')}" + (f" ({when.isoformat()})" if when else "")
    assert isinstance(record, Incident)
    return _title(record, "en")

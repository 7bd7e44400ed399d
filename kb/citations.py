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


# --- other styles ---------------------------------------------------------------------------

CITATION_STYLES: tuple[str, ...] = ("native", "en", "csl-json", "bibtex", "ris")

_JURISDICTION_NAMES = {"KR": "Korea", "CN": "China", "EU": "EU", "US": "US", "UK": "UK", "FR": "France", "INT": ""}
_CSL_TYPES = {"law": "legislation", "case": "legal_case", "policy": "webpage", "incident": "document"}
_BIBTEX_TYPES = {"law": "legislation", "case": "jurisdiction", "policy": "online", "incident": "misc"}
_RIS_TYPES = {"law": "STAT", "case": "CASE", "policy": "ELEC", "incident": "GEN"}


def _english_date(date: object) -> str:
    import datetime as dt

    assert isinstance(date, dt.date)
    return f"{date.day} {date.strftime('%B')} {date.year}"


def _provision_label(record: Record, provision: Provision) -> str:
    """``Article 14-2`` for 제14조의2, ``Article 364`` for 第三百六十四条; other numbers as written."""
    if record.jurisdiction in ("KR", "CN"):
        return f"Article {provision_key(provision.number)}"
    return provision.number


def english_citation(record: Record, provision: Provision | None = None) -> str:
    """A citation for letters written in English, with the original title in brackets."""
    original = record.title.get(record.original_language, "")
    english = record.title.get("en", original)
    bracket = f" [{original}]" if original and original != english else ""
    where = _JURISDICTION_NAMES.get(record.jurisdiction, record.jurisdiction)
    if isinstance(record, Law):
        if record.jurisdiction in ("KR", "CN"):
            text = f"{english}{bracket}"
            if provision:
                text += f", {_provision_label(record, provision)}"
            return f"{text} ({where})"
        return native_citation(record, provision)
    if isinstance(record, Case):
        court = record.court.name.get("en") or next(iter(record.court.name.values()))
        decided = record.date_of("decided")
        parts = [court]
        if decided:
            parts.append(_english_date(decided))
        if record.identifiers.case_number:
            parts.append(f"Case No. {record.identifiers.case_number}")
        text = ", ".join(parts)
        native = native_citation(record)
        if record.jurisdiction in ("KR", "CN") and native != text:
            text += f" [{native}]"
        elif record.identifiers.neutral_citation or record.identifiers.ecli:
            text = native
        return text + (f" ({where})" if where and record.jurisdiction in ("KR", "CN") else "")
    return native_citation(record) + bracket


def _issued(record: Record) -> object | None:
    from kb.models import Case as _Case

    if isinstance(record, _Case):
        return record.date_of("decided")
    return record.date_of("promulgated", "enacted", "signed", "published", "announced", "effective", "started")


def _url(record: Record, provision: Provision | None) -> str | None:
    if provision is not None:
        return provision.url
    return getattr(record, "url", None) or record.sources[0].url


def csl_item(record: Record, provision: Provision | None = None) -> dict[str, object]:
    """A CSL-JSON item (importable into Zotero and other reference managers)."""
    item: dict[str, object] = {
        "id": record.id + (f"#{provision_key(provision.number)}" if provision else ""),
        "type": _CSL_TYPES[record.kind],
        "title": record.title.get("en") or record.title[record.original_language],
        "language": record.original_language,
    }
    if record.title.get(record.original_language) and record.original_language != "en":
        item["original-title"] = record.title[record.original_language]
    issued = _issued(record)
    if issued is not None:
        item["issued"] = {"date-parts": [[issued.year, issued.month, issued.day]]}  # type: ignore[attr-defined]
    url = _url(record, provision)
    if url:
        item["URL"] = url
    if record.jurisdiction in _JURISDICTION_NAMES and record.jurisdiction != "INT":
        item["jurisdiction"] = record.jurisdiction.lower()
    if isinstance(record, Law):
        number = record.identifiers.public_law or record.identifiers.law_number or record.identifiers.celex
        if number:
            item["number"] = number
        if provision:
            item["section"] = provision.number
    elif isinstance(record, Case):
        item["authority"] = record.court.name.get("en") or next(iter(record.court.name.values()))
        number = record.identifiers.case_number or record.identifiers.neutral_citation or record.identifiers.docket
        if number:
            item["number"] = number
    elif isinstance(record, Policy):
        item["container-title"] = record.platform
    item["note"] = f"Cited as: {native_citation(record, provision)}"
    return item


def _bibtex_escape(text: str) -> str:
    return "".join("\\" + c if c in "{}%&#$_" else c for c in text)


def bibtex_entry(record: Record, provision: Provision | None = None) -> str:
    """A BibLaTeX entry (``@legislation``, ``@jurisdiction``, ``@online``, ``@misc``)."""
    item = csl_item(record, provision)
    key = str(item["id"]).replace("#", "-")
    fields: list[tuple[str, str]] = [("title", str(item["title"]))]
    if "original-title" in item:
        fields.append(("origtitle", str(item["original-title"])))
    issued = item.get("issued")
    if issued:
        y, m, d = issued["date-parts"][0]  # type: ignore[index]
        fields.append(("date", f"{y:04d}-{m:02d}-{d:02d}"))
    for csl_name, bib_name in (
        ("number", "number"),
        ("section", "pages"),
        ("authority", "institution"),
        ("container-title", "organization"),
        ("URL", "url"),
    ):
        if csl_name in item:
            fields.append((bib_name, str(item[csl_name])))
    fields.append(("langid", record.original_language))
    fields.append(("note", str(item["note"])))
    body = ",\n".join(f"  {name} = {{{_bibtex_escape(value) if name != 'url' else value}}}" for name, value in fields)
    return f"@{_BIBTEX_TYPES[record.kind]}{{{key},\n{body}\n}}\n"


def ris_entry(record: Record, provision: Provision | None = None) -> str:
    """An RIS record."""
    item = csl_item(record, provision)
    lines = [f"TY  - {_RIS_TYPES[record.kind]}", f"TI  - {item['title']}"]
    if "original-title" in item:
        lines.append(f"TT  - {item['original-title']}")
    issued = item.get("issued")
    if issued:
        y, m, d = issued["date-parts"][0]  # type: ignore[index]
        lines.append(f"DA  - {y:04d}/{m:02d}/{d:02d}/")
        lines.append(f"PY  - {y:04d}")
    for csl_name, tag in (
        ("number", "M1"),
        ("section", "SE"),
        ("authority", "PB"),
        ("container-title", "PB"),
        ("URL", "UR"),
    ):
        if csl_name in item:
            lines.append(f"{tag}  - {item[csl_name]}")
    lines.append(f"LA  - {record.original_language}")
    lines.append(f"N1  - {item['note']}")
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def format_citation(record: Record, provision: Provision | None, style: str) -> str | dict[str, object]:
    """The citation in ``style`` (one of :data:`CITATION_STYLES`)."""
    if style == "native":
        return native_citation(record, provision)
    if style == "en":
        return english_citation(record, provision)
    if style == "csl-json":
        return csl_item(record, provision)
    if style == "bibtex":
        return bibtex_entry(record, provision)
    if style == "ris":
        return ris_entry(record, provision)
    raise ValueError(f"unknown citation style {style!r}; known: {', '.join(CITATION_STYLES)}")

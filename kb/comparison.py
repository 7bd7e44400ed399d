"""Comparison across jurisdictions on a topic, from the structured ``scope`` facts of the records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kb.citations import native_citation
from kb.models import Case, Law, Policy, Provision, Record, Scope

# What a letter asks: does the law reach creating, distributing, possessing, viewing the material?
CONDUCT_GROUPS: dict[str, tuple[str, ...]] = {
    "creation": ("creating", "editing", "filming"),
    "distribution": ("distributing", "selling", "publicly_displaying"),
    "possession": ("possessing", "purchasing", "storing"),
    "viewing": ("viewing",),
    "threats": ("threatening", "coercing"),
}


@dataclass
class JurisdictionComparison:
    jurisdiction: str
    criminalises: dict[str, list[str]] = field(default_factory=dict)
    max_prison_years: float | None = None
    max_prison_source: str | None = None
    provisions: list[dict[str, Any]] = field(default_factory=list)
    platform_duties: list[dict[str, Any]] = field(default_factory=list)
    cases: list[dict[str, Any]] = field(default_factory=list)
    policies: list[dict[str, Any]] = field(default_factory=list)


def _has_topic(record: Record, provision: Provision | None, topic: str) -> bool:
    """A provision with topics of its own addresses those; one without takes its law's."""
    if provision is not None and provision.topics:
        return topic in provision.topics
    return topic in record.topics


def _scoped(law: Law, topic: str) -> list[tuple[Provision | None, Scope]]:
    out: list[tuple[Provision | None, Scope]] = []
    if law.scope and topic in law.topics:
        out.append((None, law.scope))
    for provision in law.provisions:
        if provision.scope and _has_topic(law, provision, topic):
            out.append((provision, provision.scope))
    return out


def compare_topic(records: list[Record], topic: str, jurisdictions: list[str]) -> list[JurisdictionComparison]:
    """One row per jurisdiction: conduct covered (with the provisions that say so), penalties, duties, cases.

    A conduct group appears under ``criminalises`` only when a provision's recorded scope covers it;
    absence means the knowledge base records nothing, not that the conduct is lawful.
    """
    rows = {code: JurisdictionComparison(code) for code in jurisdictions}
    for record in records:
        row = rows.get(record.jurisdiction)
        if row is None:
            continue
        if isinstance(record, Law):
            for provision, scope in _scoped(record, topic):
                citation = native_citation(record, provision)
                entry = {
                    "id": record.id,
                    "provision": provision.number if provision else None,
                    "citation": citation,
                    "heading": (provision.heading if provision else None),
                    "status": provision.status.value if provision else record.status.value,
                    "verification": (provision.verification or record.verification).status.value
                    if provision
                    else record.verification.status.value,
                    "scope": scope.model_dump(mode="json", exclude_defaults=True),
                }
                row.provisions.append(entry)
                criminal = bool(scope.penalty)
                for group, conducts in CONDUCT_GROUPS.items():
                    if criminal and any(c.value in conducts for c in scope.conduct):
                        row.criminalises.setdefault(group, []).append(citation)
                if scope.penalty and scope.penalty.max_prison_years is not None:
                    if row.max_prison_years is None or scope.penalty.max_prison_years > row.max_prison_years:
                        row.max_prison_years = scope.penalty.max_prison_years
                        row.max_prison_source = citation
                for duty in scope.platform_duties:
                    row.platform_duties.append(
                        {"citation": citation, **duty.model_dump(mode="json", exclude_none=True)}
                    )
        elif isinstance(record, Case) and topic in record.topics:
            decided = record.date_of("decided")
            row.cases.append(
                {
                    "id": record.id,
                    "citation": native_citation(record),
                    "court_level": record.court.level,
                    "decided": decided.isoformat() if decided else None,
                    "title": record.title.get("en"),
                }
            )
        elif isinstance(record, Policy) and topic in record.topics:
            row.policies.append({"id": record.id, "platform": record.platform, "title": record.title.get("en")})
    for row in rows.values():
        row.cases.sort(
            key=lambda c: (
                {"supreme": 0, "constitutional": 0, "appellate": 1}.get(c["court_level"], 2),
                c["decided"] or "",
            )
        )
    return list(rows.values())

"""Cross-record rules: registries, unique provisions, relations that resolve, dates in order.

:func:`check_corpus` also derives the inverse of every declared relation into ``corpus.edges``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from kb.errors import DataIssue
from kb.ids import provision_key
from kb.loader import Corpus
from kb.models import Law, Record, Relation
from kb.relations import Edge
from kb.yaml_source import format_path

IssueFn = Callable[[Record, tuple[str | int, ...], str, str], None]

# (earlier, later): when a record has both dates, the first may not come after the second.
DATE_ORDER: tuple[tuple[str, str], ...] = (
    ("started", "ended"),
    ("promulgated", "effective"),
    ("signed", "effective"),
    ("enacted", "effective"),
    ("introduced", "passed"),
    ("proposed", "passed"),
    ("filed", "decided"),
    ("indicted", "decided"),
    ("arrested", "decided"),
    ("effective", "repealed"),
)


def provision_index(law: Law) -> dict[str, str]:
    """Map both the written number and its key to the written number."""
    index: dict[str, str] = {}
    for provision in law.provisions:
        index[provision.number] = provision.number
        index[provision_key(provision.number)] = provision.number
    return index


def _relations_of(record: Record) -> Iterator[tuple[tuple[str | int, ...], str | None, Relation]]:
    for i, relation in enumerate(record.relations):
        yield ("relations", i), None, relation
    if isinstance(record, Law):
        for p, provision in enumerate(record.provisions):
            for i, relation in enumerate(provision.relations):
                yield ("provisions", p, "relations", i), provision.number, relation


def check_corpus(corpus: Corpus) -> list[DataIssue]:
    """Every cross-record problem; fills ``corpus.edges`` with declared and derived edges."""
    issues: list[DataIssue] = []
    by_id = corpus.by_id()
    provisions = {r.id: provision_index(r) for r in corpus.records if isinstance(r, Law)}

    def issue(record: Record, path: tuple[str | int, ...], field: str, message: str) -> None:
        doc = corpus.documents[record.id]
        issues.append(DataIssue(doc.file, doc.line_of(path), field, message))

    seen_edges: dict[tuple[object, ...], str] = {}
    for record in corpus.records:
        if corpus.jurisdictions and record.jurisdiction not in corpus.jurisdictions:
            known = ", ".join(sorted(corpus.jurisdictions))
            issue(
                record,
                ("jurisdiction",),
                "jurisdiction",
                f"unknown jurisdiction {record.jurisdiction!r}; known: {known}",
            )
        _check_topics(record, corpus, issue)
        _check_dates(record, issue)
        if isinstance(record, Law):
            _check_provisions(record, by_id, issue)
        for path, own_provision, relation in _relations_of(record):
            field = format_path(path)
            target = by_id.get(relation.target)
            if target is None:
                issue(record, (*path, "target"), f"{field}.target", f"relation to unknown record {relation.target!r}")
                continue
            if relation.target == record.id and relation.provision is None:
                issue(record, (*path, "target"), f"{field}.target", "a record cannot relate to itself")
                continue
            target_provision = None
            if relation.provision is not None:
                index = provisions.get(relation.target, {})
                target_provision = index.get(relation.provision) or index.get(provision_key(relation.provision))
                if target_provision is None:
                    issue(
                        record,
                        (*path, "provision"),
                        f"{field}.provision",
                        f"{relation.target!r} has no provision {relation.provision!r}",
                    )
                    continue
            edge = Edge(record.id, relation.type.value, relation.target, own_provision, target_provision, relation.note)
            key = edge.key()
            if key in seen_edges:
                issue(
                    record,
                    path,
                    field,
                    f"relation {relation.type.value} -> {relation.target} is already declared in {seen_edges[key]}; "
                    "declare each edge once (the inverse is derived)",
                )
                continue
            seen_edges[key] = corpus.files[record.id]
            corpus.edges.extend((edge, edge.inverse()))
    return issues


def _check_topics(record: Record, corpus: Corpus, issue: IssueFn) -> None:
    if not corpus.topics:
        return
    for i, topic in enumerate(record.topics):
        if topic not in corpus.topics:
            issue(record, ("topics", i), f"topics[{i}]", f"unknown topic {topic!r} (see data/topics.yaml)")
    if isinstance(record, Law):
        for p, provision in enumerate(record.provisions):
            for i, topic in enumerate(provision.topics):
                if topic not in corpus.topics:
                    issue(
                        record,
                        ("provisions", p, "topics", i),
                        f"provisions[{p}].topics[{i}]",
                        f"unknown topic {topic!r} (see data/topics.yaml)",
                    )


def _check_dates(record: Record, issue: IssueFn) -> None:
    first: dict[str, tuple[int, dt.date]] = {}
    for i, entry in enumerate(record.dates):
        first.setdefault(entry.type.value, (i, entry.date))
    for earlier, later in DATE_ORDER:
        if earlier in first and later in first and first[earlier][1] > first[later][1]:
            i = first[later][0]
            issue(
                record,
                ("dates", i),
                f"dates[{i}]",
                f"{later} ({first[later][1]}) is before {earlier} ({first[earlier][1]})",
            )


def _check_provisions(law: Law, by_id: dict[str, Record], issue: IssueFn) -> None:
    seen: dict[str, int] = {}
    for p, provision in enumerate(law.provisions):
        key = provision_key(provision.number)
        if key in seen:
            issue(
                law,
                ("provisions", p, "number"),
                f"provisions[{p}].number",
                f"provision {provision.number!r} appears twice",
            )
        seen[key] = p
        versions = sorted(provision.versions, key=lambda v: v.valid_from)
        for v, version in enumerate(provision.versions):
            if version.amended_by and version.amended_by not in by_id:
                issue(
                    law,
                    ("provisions", p, "versions", v, "amended_by"),
                    f"provisions[{p}].versions[{v}].amended_by",
                    f"unknown record {version.amended_by!r}",
                )
        for before, after in zip(versions, versions[1:], strict=False):
            if before.valid_to is None or before.valid_to >= after.valid_from:
                v = provision.versions.index(after)
                issue(
                    law,
                    ("provisions", p, "versions", v, "valid_from"),
                    f"provisions[{p}].versions[{v}].valid_from",
                    "versions overlap: the earlier version must end (valid_to) before this one starts",
                )

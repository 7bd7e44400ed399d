"""The corpus quality rules of ``kb validate --strict`` and the coverage report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from kb.errors import DataIssue
from kb.loader import Corpus
from kb.models import KINDS, Law, TextKind

REQUIRED_TITLE_LANGUAGES = ("ko", "zh", "en")
FORBIDDEN_MARKERS = ("UNVERIFIED", "TODO", "TBD", "XXX")


def _strings(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))


def strict_issues(corpus: Corpus) -> list[DataIssue]:
    """Problems that the model allows but a published corpus must not have."""
    issues: list[DataIssue] = []
    for record in corpus.records:
        doc = corpus.documents[record.id]

        def add(path: tuple[str | int, ...], message: str, doc=doc) -> None:  # type: ignore[no-untyped-def]
            field = ".".join(str(p) for p in path)
            issues.append(DataIssue(doc.file, doc.line_of(path), field, message))

        for lang in REQUIRED_TITLE_LANGUAGES:
            if lang not in record.title:
                add(("title",), f"no {lang} title (every record has ko, zh and en titles)")
        if record.original_language not in record.summary:
            add(("summary",), f"no summary in the original language ({record.original_language})")
        for path, text in _strings(doc.data):
            if any(marker in text for marker in FORBIDDEN_MARKERS) and path[:1] != ("verification",):
                add(path, "a value contains a placeholder marker (UNVERIFIED/TODO/TBD/XXX)")
        if isinstance(record, Law):
            for p, provision in enumerate(record.provisions):
                if provision.text_kind is not TextKind.summary:
                    add(("provisions", p, "text_kind"), "our provisions are summaries in our own words")
                if record.original_language not in provision.text and record.original_language in ("ko", "zh"):
                    add(("provisions", p, "text"), f"no summary in the original language ({record.original_language})")
    return issues


def _row(label: str, counts: Counter[str], columns: tuple[str, ...]) -> str:
    return f"| {label} | " + " | ".join(str(counts.get(c, 0)) for c in columns) + f" | {sum(counts.values())} |"


def coverage_report(corpus: Corpus) -> str:
    """Markdown: records by jurisdiction and kind, provisions, verification status and fact counts."""
    by_jurisdiction: dict[str, Counter[str]] = {}
    verification: dict[str, Counter[str]] = {}
    facts: Counter[str] = Counter()
    provisions: Counter[str] = Counter()
    for record in corpus.records:
        by_jurisdiction.setdefault(record.jurisdiction, Counter())[record.kind] += 1
        verification.setdefault(record.jurisdiction, Counter())[record.verification.status.value] += 1
        facts["verified facts"] += len(record.verification.verified_facts)
        facts["unconfirmed facts"] += len(record.verification.unverified_facts)
        if isinstance(record, Law):
            provisions[record.jurisdiction] += len(record.provisions)
    jurisdictions = sorted(by_jurisdiction)
    total = Counter({k: sum(c[k] for c in by_jurisdiction.values()) for k in KINDS})
    lines = [
        f"**{len(corpus.records)} records, {sum(provisions.values())} provisions, {len(corpus.edges) // 2} relations.**",
        "",
        "| jurisdiction | " + " | ".join(KINDS) + " | records | provisions |",
        "|---|" + "---:|" * (len(KINDS) + 2),
    ]
    for code in jurisdictions:
        lines.append(_row(code, by_jurisdiction[code], KINDS) + f" {provisions.get(code, 0)} |")
    lines.append(_row("all", total, KINDS) + f" {sum(provisions.values())} |")
    statuses = ("verified", "partially_verified", "unverified")
    lines += ["", "| jurisdiction | " + " | ".join(statuses) + " | records |", "|---|" + "---:|" * 4]
    for code in jurisdictions:
        lines.append(_row(code, verification[code], statuses))
    lines += [
        "",
        f"Facts listed as checked: {facts['verified facts']}; facts listed as not confirmed: "
        f"{facts['unconfirmed facts']} (each record's `verification` says which).",
    ]
    return "\n".join(lines) + "\n"

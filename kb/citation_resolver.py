"""Resolve a citation to the records and provisions it names.

Every law, provision and case in the corpus contributes *citation keys* (normalised titles,
short titles, official numbers, U.S.C. sections, CELEX numbers, case numbers). The build stores
them; a citation found in a query or a letter is normalised the same way and looked up.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from kb.citation_grammar import CitationRef
from kb.ids import provision_key
from kb.models import Case, Law, Record

_STRIP_RE = re.compile(r"[\s「」『』《》〈〉\"'“”‘’.,:;()（）\[\]·ㆍ・_§-]+")
_EU_NUMBER_RE = re.compile(r"(\d{4})\s*/\s*(\d{1,4})")
_CELEX_RE = re.compile(r"^3(\d{4})[RLDF](\d{4})$")
_PUBLIC_LAW_RE = re.compile(r"(\d{2,3})\s*[-–]\s*(\d{1,4})")
_USC_RE = re.compile(r"(\d{1,2})\s*U\.?\s?S\.?\s?C\.?\s*(?:§+|[Ss]ec(?:tion)?\.?)?\s*(\d+[a-zA-Z]?(?:-\d+)?)")


def normalize_key(text: str) -> str:
    """Case-, space- and punctuation-insensitive form of a name or number."""
    text = unicodedata.normalize("NFKC", text).lower().strip()
    text = re.sub(r"^the\s+", "", text)
    return _STRIP_RE.sub("", text)


def eu_key(text: str) -> str | None:
    """``eu:2022/2065`` from ``Regulation (EU) 2022/2065``, ``Directive 2011/93/EU`` or ``32022R2065``."""
    celex = _CELEX_RE.match(text.strip())
    if celex:
        return f"eu:{int(celex.group(1))}/{int(celex.group(2))}"
    match = _EU_NUMBER_RE.search(text)
    return f"eu:{int(match.group(1))}/{int(match.group(2))}" if match else None


def usc_key(title: str, section: str) -> str:
    return f"usc:{int(title)}/{section.lower()}"


def law_keys(law: Law) -> set[str]:
    """Every key by which the law itself can be cited."""
    keys = {normalize_key(t) for t in law.title.values()} | {normalize_key(a) for a in law.aliases}
    ids = law.identifiers
    for value in (ids.law_number, ids.law_id, ids.celex, ids.eli, ids.uk_chapter, ids.bill, ids.document_number):
        if value:
            keys.add(normalize_key(value))
    for value in (ids.celex, ids.official_journal, *(law.aliases if law.jurisdiction == "EU" else ())):
        key = eu_key(value) if value else None
        if key:
            keys.add(key)
    if ids.public_law:
        match = _PUBLIC_LAW_RE.search(ids.public_law)
        if match:
            keys.add(f"pl:{int(match.group(1))}-{int(match.group(2))}")
    if ids.usc:
        match = _USC_RE.search(ids.usc)
        if match:
            keys.add(usc_key(match.group(1), match.group(2)))
    keys.discard("")
    return keys


def case_keys(case: Case) -> set[str]:
    ids = case.identifiers
    keys: set[str] = set()
    for value in (ids.case_number, ids.ecli, ids.neutral_citation, ids.docket, ids.reporter_citation):
        for part in re.split(r"[,;]", value or ""):
            part = re.sub(r"\(병합\)|\(consolidated\)", "", part)
            if normalize_key(part):
                keys.add(normalize_key(part))
    return keys


def usc_provision_keys(law: Law) -> Iterator[tuple[str, str]]:
    """``usc:47/223`` for provision ``§ 223(h)`` of a law codified in title 47."""
    title = _USC_RE.search(law.identifiers.usc or "")
    for provision in law.provisions:
        section = re.match(r"§+\s*(\d+[a-zA-Z]?(?:-\d+)?)", provision.number)
        if title and section:
            yield usc_key(title.group(1), section.group(1)), provision.number


@dataclass(frozen=True)
class KeyRow:
    key: str
    record_id: str
    provision: str | None
    kind: str
    jurisdiction: str


def citation_keys(records: Iterable[Record]) -> list[KeyRow]:
    """The rows the build stores: key -> record (and provision)."""
    rows: list[KeyRow] = []
    for record in records:
        if isinstance(record, Law):
            rows.extend(KeyRow(k, record.id, None, "law", record.jurisdiction) for k in sorted(law_keys(record)))
            rows.extend(
                KeyRow(k, record.id, p, "provision", record.jurisdiction) for k, p in usc_provision_keys(record)
            )
        elif isinstance(record, Case):
            rows.extend(KeyRow(k, record.id, None, "case", record.jurisdiction) for k in sorted(case_keys(record)))
    return rows


@dataclass(frozen=True)
class Target:
    record_id: str
    provision: str | None = None


@dataclass
class Resolution:
    """What a citation resolved to: ``found``, ``ambiguous`` (several candidates) or ``not_found``."""

    citation: CitationRef
    status: str
    targets: list[Target] = field(default_factory=list)
    note: str | None = None


Lookup = Callable[[str], list[KeyRow]]
ProvisionLookup = Callable[[str], dict[str, str]]
ArticleLookup = Callable[[str, str], list[Target]]


def _law_candidates(ref: CitationRef) -> list[str]:
    """The law text and its shorter tails: ``피고인은 성폭력처벌법`` also tries ``성폭력처벌법``."""
    text = (ref.law or "").strip()
    if not text:
        return []
    if ref.jurisdiction == "CN":
        tails = [text[i:] for i in range(len(text) - 1)]
    else:
        words = text.split()
        tails = [" ".join(words[i:]) for i in range(len(words))]
    return tails


class Resolver:
    """Resolves citations through three lookups the caller provides (SQLite in the engine, dicts in tests)."""

    def __init__(self, lookup: Lookup, provisions_of: ProvisionLookup, laws_with_article: ArticleLookup) -> None:
        self.lookup = lookup
        self.provisions_of = provisions_of
        self.laws_with_article = laws_with_article

    def law_rows(self, ref: CitationRef) -> list[KeyRow]:
        if ref.grammar == "us-code":
            return []
        if ref.grammar == "us-public-law":
            match = _PUBLIC_LAW_RE.search(ref.law or "")
            return self.lookup(f"pl:{int(match.group(1))}-{int(match.group(2))}") if match else []
        if ref.jurisdiction == "EU":
            key = eu_key(ref.law or "")
            rows = self.lookup(key) if key else []
            if rows:
                return rows
        for tail in _law_candidates(ref):
            rows = [r for r in self.lookup(normalize_key(tail)) if r.kind == "law"]
            if rows:
                same = [r for r in rows if r.jurisdiction == ref.jurisdiction]
                return same or rows
        return []

    def resolve(self, ref: CitationRef) -> Resolution:
        if ref.kind == "case":
            rows = [r for r in self.lookup(normalize_key(ref.case or "")) if r.kind == "case"]
            return self._result(ref, [Target(r.record_id) for r in rows])
        if ref.grammar == "us-code":
            assert ref.law and ref.provision
            section = re.match(r"\d+[a-zA-Z]?(?:-\d+)?", ref.provision)
            rows = self.lookup(usc_key(ref.law, section.group() if section else ref.provision))
            return self._result(ref, [Target(r.record_id, r.provision) for r in rows])
        if ref.kind == "law":
            return self._result(ref, [Target(r.record_id) for r in self.law_rows(ref)])
        assert ref.provision
        wanted = provision_key(ref.provision)
        if not ref.law:
            return self._result(ref, self.laws_with_article(ref.jurisdiction, wanted), bare=True)
        laws = self.law_rows(ref)
        if not laws:
            return Resolution(ref, "not_found", note="the law is not in the knowledge base")
        targets = []
        for row in laws:
            number = self.provisions_of(row.record_id).get(wanted)
            if number:
                targets.append(Target(row.record_id, number))
        if not targets:
            return Resolution(
                ref,
                "not_found",
                [Target(r.record_id) for r in laws],
                note=f"the law is known but has no provision {ref.provision} in the knowledge base",
            )
        return self._result(ref, targets)

    @staticmethod
    def _result(ref: CitationRef, targets: list[Target], bare: bool = False) -> Resolution:
        unique = list(dict.fromkeys(targets))
        with_provision = {t.record_id for t in unique if t.provision}
        unique = [t for t in unique if t.provision or t.record_id not in with_provision]
        if not unique:
            return Resolution(ref, "not_found")
        if len(unique) == 1:
            return Resolution(ref, "found", unique)
        note = "an article number without its law matches several laws" if bare else "several records match"
        return Resolution(ref, "ambiguous", unique, note=note)


def memory_resolver(records: list[Record]) -> Resolver:
    """A resolver over records in memory (for tests and small tools)."""
    index: dict[str, list[KeyRow]] = defaultdict(list)
    for row in citation_keys(records):
        index[row.key].append(row)
    provisions = {
        r.id: {provision_key(p.number): p.number for p in r.provisions} for r in records if isinstance(r, Law)
    }
    jurisdiction = {r.id: r.jurisdiction for r in records}

    def laws_with_article(jur: str, key: str) -> list[Target]:
        return [Target(rid, ps[key]) for rid, ps in provisions.items() if key in ps and jurisdiction[rid] == jur]

    return Resolver(lambda key: index.get(key, []), lambda rid: provisions.get(rid, {}), laws_with_article)

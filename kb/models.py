"""The record model: laws (with provisions), cases, policies and incidents.

Every model forbids unknown fields, so a typo such as ``sumary`` is an error
rather than silently dropped data. Text maps are keyed by BCP 47 language
codes (``ko``, ``zh``, ``zh-Hant``, ``en``...).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from kb.ids import LANGUAGE_CODES, PROVISION_NUMBER_RE, RECORD_ID_RE


class Strict(BaseModel):
    """Base for every model: unknown fields are errors; text is kept exactly as written."""

    model_config = ConfigDict(extra="forbid")


def _check_language(value: str) -> str:
    if value not in LANGUAGE_CODES:
        raise ValueError(f"unknown language code {value!r}; known: {', '.join(LANGUAGE_CODES)}")
    return value


def _check_lang_map(value: dict[str, str]) -> dict[str, str]:
    for lang, text in value.items():
        _check_language(lang)
        if not text.strip():
            raise ValueError(f"text for {lang!r} is empty")
    return value


Lang = Annotated[str, AfterValidator(_check_language)]
LangText = Annotated[dict[str, str], AfterValidator(_check_lang_map)]


class TextKind(StrEnum):
    summary = "summary"
    translation = "translation"
    verbatim = "verbatim"


class SourceKind(StrEnum):
    official = "official"
    court = "court"
    platform = "platform"
    news = "news"
    ngo = "ngo"
    academic = "academic"


class VerificationStatus(StrEnum):
    verified = "verified"
    partially_verified = "partially_verified"
    unverified = "unverified"


class Source(Strict):
    """Where a fact can be checked."""

    url: str = Field(pattern=r"^https?://\S+$")
    title: str
    publisher: str
    kind: SourceKind
    language: Lang
    accessed: dt.date
    supports: str | None = None


class Verification(Strict):
    """What was checked, when, and what could not be confirmed."""

    status: VerificationStatus
    checked: dt.date
    verified_facts: list[str] = []
    unverified_facts: list[str] = []
    notes: str | None = None

    @model_validator(mode="after")
    def _status_matches_facts(self) -> Verification:
        if self.status is not VerificationStatus.verified and not self.unverified_facts:
            raise ValueError(f"status {self.status.value} needs unverified_facts saying what is not confirmed")
        return self


class DateType(StrEnum):
    enacted = "enacted"
    passed = "passed"
    signed = "signed"
    promulgated = "promulgated"
    published = "published"
    effective = "effective"
    amended = "amended"
    repealed = "repealed"
    proposed = "proposed"
    introduced = "introduced"
    decided = "decided"
    related_decision = "related_decision"
    filed = "filed"
    indicted = "indicted"
    arrested = "arrested"
    announced = "announced"
    occurred = "occurred"
    started = "started"
    ended = "ended"
    reported = "reported"


class DateEntry(Strict):
    """A date with its meaning."""

    type: DateType
    date: dt.date
    note: str | None = None


class RelationType(StrEnum):
    amends = "amends"
    amended_by = "amended_by"
    applies = "applies"
    applied_in = "applied_in"
    cites = "cites"
    cited_by = "cited_by"
    appeal_of = "appeal_of"
    appealed_in = "appealed_in"
    responds_to = "responds_to"
    prompted = "prompted"
    implements = "implements"
    implemented_by = "implemented_by"
    interprets = "interprets"
    interpreted_by = "interpreted_by"
    replaces = "replaces"
    replaced_by = "replaced_by"
    arises_from = "arises_from"
    gave_rise_to = "gave_rise_to"
    related = "related"


class Relation(Strict):
    """A typed link to another record, or to one provision of a law."""

    type: RelationType
    target: str
    provision: str | None = None
    note: str | None = None

    @field_validator("target")
    @classmethod
    def _target_is_an_id(cls, value: str) -> str:
        if not RECORD_ID_RE.fullmatch(value):
            raise ValueError(f"{value!r} is not a record id")
        return value


class Identifiers(Strict):
    """Official identifiers, written exactly as their issuer writes them."""

    law_number: str | None = None
    law_id: str | None = None
    celex: str | None = None
    eli: str | None = None
    official_journal: str | None = None
    public_law: str | None = None
    statutes_at_large: str | None = None
    usc: str | None = None
    bill: str | None = None
    uk_chapter: str | None = None
    uk_si: str | None = None
    document_number: str | None = None
    case_number: str | None = None
    ecli: str | None = None
    neutral_citation: str | None = None
    reporter_citation: str | None = None
    docket: str | None = None


class Conduct(StrEnum):
    filming = "filming"
    creating = "creating"
    editing = "editing"
    distributing = "distributing"
    selling = "selling"
    publicly_displaying = "publicly_displaying"
    possessing = "possessing"
    purchasing = "purchasing"
    storing = "storing"
    viewing = "viewing"
    threatening = "threatening"
    coercing = "coercing"
    grooming = "grooming"
    hosting = "hosting"


class Material(StrEnum):
    real = "real"
    synthetic = "synthetic"
    minors = "minors"
    obscene = "obscene"
    personal_information = "personal_information"


class DutyType(StrEnum):
    removal = "removal"
    notice_and_action = "notice_and_action"
    filtering = "filtering"
    technical_measures = "technical_measures"
    data_disclosure = "data_disclosure"
    reporting = "reporting"
    risk_assessment = "risk_assessment"
    transparency = "transparency"
    labelling = "labelling"
    age_assurance = "age_assurance"
    record_keeping = "record_keeping"
    designated_officer = "designated_officer"


class PlatformDuty(Strict):
    """A duty the provision puts on platforms or service providers."""

    duty: DutyType
    deadline: str | None = None
    note: str | None = None


class Penalty(Strict):
    """The maximum penalty as the provision states it (figures are facts)."""

    max_prison_years: float | None = Field(default=None, ge=0, le=100)
    life: bool = False
    max_fine: str | None = None
    note: str | None = None


class Scope(Strict):
    """Structured comparison facts: what conduct, what material, what penalty, which duties."""

    conduct: list[Conduct] = []
    material: list[Material] = []
    penalty: Penalty | None = None
    platform_duties: list[PlatformDuty] = []


class ProvisionVersion(Strict):
    """An earlier (or the current) wording of a provision and when it was in force."""

    valid_from: dt.date
    valid_to: dt.date | None = None
    amended_by: str | None = None
    text: LangText
    text_kind: TextKind = TextKind.summary
    scope: Scope | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> ProvisionVersion:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self


class ProvisionStatus(StrEnum):
    in_force = "in_force"
    repealed = "repealed"
    not_yet_in_force = "not_yet_in_force"
    renumbered = "renumbered"


class Provision(Strict):
    """One article or section of a law, in our own words, with a deep link to the official text."""

    number: str
    heading: LangText | None = None
    text: LangText
    text_kind: TextKind
    url: str = Field(pattern=r"^https?://\S+$")
    translation_url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    status: ProvisionStatus = ProvisionStatus.in_force
    in_force_from: dt.date | None = None
    aliases: list[str] = []
    topics: list[str] = []
    scope: Scope | None = None
    versions: list[ProvisionVersion] = []
    relations: list[Relation] = []
    verification: Verification | None = None

    @field_validator("number")
    @classmethod
    def _number_grammar(cls, value: str) -> str:
        if not PROVISION_NUMBER_RE.fullmatch(value):
            raise ValueError(f"{value!r} is not a provision number")
        return value

    @field_validator("text")
    @classmethod
    def _english_text(cls, value: LangText) -> LangText:
        if "en" not in value:
            raise ValueError("an English text (en) is required")
        return value


class Court(Strict):
    name: LangText
    level: Literal["supreme", "constitutional", "appellate", "district", "regional", "specialised", "other"]


class NamedPerson(Strict):
    """An offender or official named in a record, with who made the name public."""

    name: LangText
    role: Literal["defendant", "convicted", "suspect", "official", "executive", "judge", "other"]
    basis: str


class RecordBase(Strict):
    """Fields common to every kind of record."""

    id: str
    kind: str
    jurisdiction: str
    original_language: Lang
    title: LangText
    official_title_languages: list[Lang] = []
    aliases: list[str] = []
    summary: LangText
    dates: list[DateEntry] = []
    topics: list[str] = []
    relations: list[Relation] = []
    named_persons: list[NamedPerson] = []
    sources: list[Source] = Field(min_length=1)
    verification: Verification

    @field_validator("id")
    @classmethod
    def _id_grammar(cls, value: str) -> str:
        if not RECORD_ID_RE.fullmatch(value):
            raise ValueError(
                f"{value!r} breaks the id grammar: lower-case <jurisdiction>-<kind>-<slug>, e.g. kr-law-network-act"
            )
        return value

    @field_validator("summary")
    @classmethod
    def _english_summary(cls, value: LangText) -> LangText:
        if "en" not in value:
            raise ValueError("an English summary (en) is required")
        return value

    @model_validator(mode="after")
    def _id_matches_kind_and_jurisdiction(self) -> RecordBase:
        jur, kind = self.id.split("-")[:2]
        if jur != self.jurisdiction.lower():
            raise ValueError(f"id {self.id!r} must start with the jurisdiction {self.jurisdiction.lower()!r}")
        if kind != self.kind:
            raise ValueError(f"id {self.id!r} must carry its kind {self.kind!r} after the jurisdiction")
        if self.original_language not in self.title:
            raise ValueError(f"title has no text in the original language {self.original_language!r}")
        return self

    def date_of(self, *types: str) -> dt.date | None:
        """The first date of the given types, in the order the types are given."""
        for wanted in types:
            for entry in self.dates:
                if entry.type == wanted:
                    return entry.date
        return None


class LawStatus(StrEnum):
    in_force = "in_force"
    partly_in_force = "partly_in_force"
    not_yet_in_force = "not_yet_in_force"
    repealed = "repealed"
    superseded = "superseded"
    pending = "pending"
    lapsed = "lapsed"


class Instrument(StrEnum):
    act = "act"
    code = "code"
    amending_act = "amending_act"
    regulation = "regulation"
    directive = "directive"
    decree = "decree"
    administrative_rule = "administrative_rule"
    judicial_interpretation = "judicial_interpretation"
    bill = "bill"
    code_of_practice = "code_of_practice"
    statute_section = "statute_section"


class Law(RecordBase):
    kind: Literal["law"]
    instrument: Instrument
    status: LawStatus
    identifiers: Identifiers = Identifiers()
    url: str = Field(pattern=r"^https?://\S+$")
    translation_url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    scope: Scope | None = None
    provisions: list[Provision] = []


class Case(RecordBase):
    """A judgment or decision of the court in ``court``; its one ``decided`` date is that decision's.

    Decisions at other levels or in related proceedings are ``related_decision`` dates.
    """

    kind: Literal["case"]
    court: Court
    identifiers: Identifiers = Identifiers()
    status: Literal["final", "appealed", "pending", "ongoing", "unknown"] = "final"
    outcome: LangText | None = None
    sentence: LangText | None = None
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")

    @model_validator(mode="after")
    def _one_decision_date(self) -> Case:
        if sum(1 for d in self.dates if d.type == DateType.decided) > 1:
            raise ValueError(
                "a case has one 'decided' date (the decision of its court); "
                "type decisions at other levels or in related proceedings as 'related_decision'"
            )
        return self


class PolicyChange(Strict):
    before: LangText | None = None
    after: LangText


class Policy(RecordBase):
    kind: Literal["policy"]
    platform: str
    document: Literal[
        "privacy_policy",
        "terms_of_service",
        "community_guidelines",
        "faq",
        "transparency_report",
        "moderation_page",
        "announcement",
        "partnership",
        "help_page",
        "code_of_conduct",
    ]
    url: str = Field(pattern=r"^https?://\S+$")
    previous_version_url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    change: PolicyChange | None = None
    scope: Scope | None = None


class Incident(RecordBase):
    kind: Literal["incident"]
    platforms: list[str] = []
    scale: LangText | None = None


Record = Annotated[Law | Case | Policy | Incident, Field(discriminator="kind")]
KINDS: tuple[str, ...] = ("law", "case", "policy", "incident")
KIND_FOLDERS: dict[str, str] = {"law": "laws", "case": "cases", "policy": "policies", "incident": "incidents"}

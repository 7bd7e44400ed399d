"""Registries kept as data: jurisdictions (data/jurisdictions.yaml) and topics (data/topics.yaml)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from kb.models import Lang, LangText


class Jurisdiction(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[A-Z]{2,3}$")
    name: LangText
    languages: list[Lang]


class Topic(BaseModel):
    """A concept with its label and the terms that name it in every language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    label: LangText
    terms: dict[Lang, list[str]]

    def all_terms(self) -> list[str]:
        """Every term of the topic, in every language, the labels included."""
        out: list[str] = []
        for terms in self.terms.values():
            out.extend(terms)
        return out


class JurisdictionFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    jurisdictions: list[Jurisdiction]


class TopicFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    topics: list[Topic]


JURISDICTIONS_FILE = "jurisdictions.yaml"
TOPICS_FILE = "topics.yaml"


def registry_paths(data_dir: Path) -> tuple[Path, Path]:
    return data_dir / JURISDICTIONS_FILE, data_dir / TOPICS_FILE

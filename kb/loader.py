"""Load the data folder: every YAML file into a typed record, every problem collected."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from kb.errors import DataError, DataIssue
from kb.models import KIND_FOLDERS, Record
from kb.registry import Jurisdiction, JurisdictionFile, Topic, TopicFile, registry_paths
from kb.relations import Edge
from kb.yaml_source import YamlDocument, format_path, read_yaml

RECORD_ADAPTER: TypeAdapter[Record] = TypeAdapter(Record)
RECORD_SUFFIXES = (".yaml", ".yml")
M = TypeVar("M", bound=BaseModel)


@dataclass
class Corpus:
    """Every record of the data folder, with the registries and the derived relation graph."""

    data_dir: Path
    records: list[Record] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    documents: dict[str, YamlDocument] = field(default_factory=dict)
    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def by_id(self) -> dict[str, Record]:
        return {record.id: record for record in self.records}


def record_files(data_dir: Path) -> Iterator[Path]:
    """Every record file under the kind folders, in a stable order."""
    for folder in sorted(KIND_FOLDERS.values()):
        root = data_dir / folder
        if root.is_dir():
            yield from sorted(p for p in root.rglob("*") if p.suffix in RECORD_SUFFIXES and p.is_file())


def _relative(path: Path, data_dir: Path) -> str:
    try:
        return str(path.relative_to(data_dir.parent))
    except ValueError:
        return str(path)


def validation_issues(doc: YamlDocument, error: ValidationError, *, strip_tag: bool) -> list[DataIssue]:
    """Turn pydantic's errors into issues that name the file, the line and the field."""
    issues = []
    for err in error.errors(include_url=False):
        loc: tuple[Any, ...] = tuple(err["loc"])
        if strip_tag and loc and isinstance(doc.data, dict) and loc[0] == doc.data.get("kind"):
            loc = loc[1:]
        path = tuple(part for part in loc if isinstance(part, (str, int)))
        message = err["msg"]
        if err["type"] == "union_tag_invalid":
            message = f"unknown kind {doc.data.get('kind')!r}; expected one of law, case, policy, incident"
            path = ("kind",)
        elif err["type"] == "union_tag_not_found":
            message = "field required: kind (law, case, policy or incident)"
            path = ("kind",)
        elif err["type"] == "extra_forbidden":
            message = f"unknown field {path[-1]!r}" if path else message
        issues.append(DataIssue(doc.file, doc.line_of(path), format_path(path), message))
    return issues


def _load_registry(path: Path, data_dir: Path, model: type[M], issues: list[DataIssue]) -> M | None:
    name = _relative(path, data_dir)
    if not path.is_file():
        issues.append(DataIssue(name, 1, "", "registry file is missing"))
        return None
    doc = read_yaml(name, path.read_bytes())
    issues.extend(doc.issues)
    if doc.issues:
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        issues.extend(validation_issues(doc, exc, strip_tag=False))
        return None


def load_record_file(path: Path, data_dir: Path) -> tuple[Record | None, YamlDocument]:
    """Read and type one record file; problems are in the returned document's ``issues``."""
    name = _relative(path, data_dir)
    doc = read_yaml(name, path.read_bytes())
    if doc.issues:
        return None, doc
    if not isinstance(doc.data, dict):
        found = "a list" if isinstance(doc.data, list) else "a single value"
        doc.issues.append(DataIssue(name, 1, "", f"a record file must hold a mapping of fields, found {found}"))
        return None, doc
    try:
        record = RECORD_ADAPTER.validate_python(doc.data)
    except ValidationError as exc:
        doc.issues.extend(validation_issues(doc, exc, strip_tag=True))
        return None, doc
    expected_folder = KIND_FOLDERS[record.kind]
    parts = path.relative_to(data_dir).parts
    if path.stem != record.id:
        doc.issues.append(DataIssue(name, doc.line_of(("id",)), "id", f"file must be named {record.id}.yaml"))
    if parts[0] != expected_folder or len(parts) != 3 or parts[1] != record.jurisdiction.lower():
        where = f"{expected_folder}/{record.jurisdiction.lower()}/"
        doc.issues.append(
            DataIssue(
                name,
                doc.line_of(("kind",)),
                "kind",
                f"a {record.kind} of {record.jurisdiction} belongs in data/{where}",
            )
        )
    return record, doc


def load_corpus(data_dir: Path | str) -> Corpus:
    """Load and check the whole data folder; raise one :class:`DataError` listing every problem."""
    from kb.validate import check_corpus

    data_dir = Path(data_dir)
    issues: list[DataIssue] = []
    corpus = Corpus(data_dir=data_dir)
    jurisdictions_path, topics_path = registry_paths(data_dir)
    jurisdictions = _load_registry(jurisdictions_path, data_dir, JurisdictionFile, issues)
    topics = _load_registry(topics_path, data_dir, TopicFile, issues)
    if jurisdictions:
        corpus.jurisdictions = {j.code: j for j in jurisdictions.jurisdictions}
    if topics:
        corpus.topics = {t.id: t for t in topics.topics}
    for path in record_files(data_dir):
        record, doc = load_record_file(path, data_dir)
        issues.extend(doc.issues)
        if record is None:
            continue
        if record.id in corpus.files:
            issues.append(
                DataIssue(
                    doc.file,
                    doc.line_of(("id",)),
                    "id",
                    f"id {record.id!r} is already used by {corpus.files[record.id]}",
                )
            )
            continue
        corpus.records.append(record)
        corpus.files[record.id] = doc.file
        corpus.documents[record.id] = doc
    issues.extend(check_corpus(corpus))
    if issues:
        raise DataError(issues)
    return corpus

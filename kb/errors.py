"""The exception tree of the knowledge base.

    KBError
    ├── DataError(issues)        the data does not validate; every issue at once
    ├── NotFound                 404: RecordNotFound, ProvisionNotFound
    ├── QueryError               400: the query or a parameter cannot be used
    └── BuildError               the build failed; the previous build keeps serving

Each class carries the HTTP ``status`` and a stable ``code`` for the API's error shape.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataIssue:
    """One problem in one file, at one line, in one field."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{field} {self.message}"


class KBError(Exception):
    """Base of every error the knowledge base raises on purpose."""

    status = 500
    code = "internal_error"

    def __init__(self, message: str, *, detail: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class DataError(KBError):
    """The data folder does not validate."""

    status = 500
    code = "data_error"

    def __init__(self, issues: list[DataIssue]) -> None:
        self.issues = sorted(issues)
        super().__init__(f"{len(self.issues)} problem(s) in the data", detail=[str(i) for i in self.issues])


class NotFound(KBError):
    status = 404
    code = "not_found"


class RecordNotFound(NotFound):
    def __init__(self, record_id: str) -> None:
        super().__init__(f"No record with id {record_id!r}", detail={"id": record_id})


class ProvisionNotFound(NotFound):
    def __init__(self, record_id: str, number: str) -> None:
        super().__init__(
            f"Record {record_id!r} has no provision {number!r}", detail={"id": record_id, "provision": number}
        )


class QueryError(KBError):
    status = 400
    code = "bad_query"


class BuildError(KBError):
    """The build failed; nothing was published."""

    code = "build_failed"


class NoBuild(KBError):
    """There is no usable build to serve."""

    status = 503
    code = "no_build"

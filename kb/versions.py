"""A provision as it stood on a given day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kb.models import Provision, TextKind


@dataclass(frozen=True)
class VersionInForce:
    """Which wording was in force on ``as_of``, or why none was."""

    as_of: dt.date
    found: bool
    version: str | None  # "current" or "versions[i]"
    valid_from: dt.date | None
    valid_to: dt.date | None
    text: dict[str, str] | None
    text_kind: TextKind | None
    amended_by: str | None
    later_amendment: bool
    note: str | None = None


def current_wording_start(provision: Provision) -> dt.date | None:
    """When the current wording took effect: ``in_force_from``, else the day after the last earlier version."""
    if provision.in_force_from:
        return provision.in_force_from
    ends = [v.valid_to for v in provision.versions if v.valid_to]
    return max(ends) + dt.timedelta(days=1) if ends else None


def version_as_of(provision: Provision, as_of: dt.date) -> VersionInForce:
    """The wording in force on ``as_of``: the current text, or one of the earlier ``versions``."""
    start = current_wording_start(provision)
    if start is None or as_of >= start:
        note = None if start else "no start date is recorded for this wording"
        return VersionInForce(
            as_of, True, "current", start, None, provision.text, provision.text_kind, None, False, note
        )
    for i, version in enumerate(provision.versions):
        if version.valid_from <= as_of and (version.valid_to is None or as_of <= version.valid_to):
            return VersionInForce(
                as_of,
                True,
                f"versions[{i}]",
                version.valid_from,
                version.valid_to,
                version.text,
                version.text_kind,
                version.amended_by,
                True,
            )
    earliest = min([v.valid_from for v in provision.versions] + [start])
    note = "not yet in force on that date" if as_of < earliest else "no wording in force on that date is recorded"
    return VersionInForce(as_of, False, None, None, None, None, None, None, True, note)

"""The search page's parameters, read leniently (a person's typo never becomes a JSON error),
and the links that add, remove or change one of them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from indexer.search import MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, SearchRequest

CODE_RE = re.compile(r"^[A-Za-z]{2,3}$")
SLUG_RE = re.compile(r"^[a-z0-9_-]{1,60}$")
KINDS = ("law", "case", "policy", "incident", "provision")
PAGE_SIZE = 10
MAX_VALUES = 20


def _codes(params: QueryParams, name: str) -> list[str]:
    return list(dict.fromkeys(v.upper() for v in params.getlist(name) if CODE_RE.fullmatch(v)))[:MAX_VALUES]


def _slugs(params: QueryParams, name: str) -> list[str]:
    return list(dict.fromkeys(v for v in params.getlist(name) if SLUG_RE.fullmatch(v)))[:MAX_VALUES]


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return min(max(int(value or default), low), high)
    except ValueError:
        return default


def clean_query(raw: str) -> tuple[str, bool]:
    """The query without control characters, cut to the API's limit; and whether it was cut."""
    text = "".join(c for c in raw if c >= " " or c in "\t")
    return text[:MAX_QUERY_LENGTH], len(text) > MAX_QUERY_LENGTH


@dataclass(frozen=True)
class SearchForm:
    q: str = ""
    jurisdiction: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    year: str = ""
    sort: str = ""
    page: int = 1
    cut: bool = field(default=False, compare=False)

    @classmethod
    def from_params(cls, params: QueryParams) -> SearchForm:
        q, cut = clean_query(params.get("q", ""))
        year = params.get("year", "")
        sort = params.get("sort", "")
        return cls(
            q=q,
            jurisdiction=tuple(_codes(params, "jurisdiction")),
            kind=tuple(k for k in dict.fromkeys(params.getlist("kind")) if k in KINDS),
            topic=tuple(_slugs(params, "topic")),
            year=year if re.fullmatch(r"\d{4}", year) and 1 <= int(year) <= 9999 else "",
            sort=sort if sort in ("relevance", "date") else "",
            page=_int(params.get("page"), 1, 1, MAX_RESULT_WINDOW),
            cut=cut,
        )

    @property
    def filtered(self) -> bool:
        return bool(self.jurisdiction or self.kind or self.topic or self.year)

    @property
    def effective_sort(self) -> str:
        """Relevance when there are words; with none, newest first reads better than index order."""
        return self.sort or ("relevance" if self.q.strip() else "date")

    def request(self, lang: str) -> SearchRequest:
        year = int(self.year) if self.year else None
        return SearchRequest(
            q=self.q,
            jurisdictions=list(self.jurisdiction),
            kinds=list(self.kind),
            topics=list(self.topic),
            date_from=dt.date(year, 1, 1) if year else None,
            date_to=dt.date(year, 12, 31) if year else None,
            lang=lang,
            sort=self.effective_sort,
            page=self.page,
            page_size=PAGE_SIZE,
        )

    def url(self, **changes: object) -> str:
        """This search with ``changes``; any change but the page goes back to page 1."""
        if "page" not in changes:
            changes["page"] = 1
        form = replace(self, **changes)  # type: ignore[arg-type]
        pairs: list[tuple[str, str]] = [("q", form.q)] if form.q else []
        pairs += [("jurisdiction", v) for v in form.jurisdiction]
        pairs += [("kind", v) for v in form.kind]
        pairs += [("topic", v) for v in form.topic]
        if form.year:
            pairs.append(("year", form.year))
        if form.sort:
            pairs.append(("sort", form.sort))
        if form.page > 1:
            pairs.append(("page", str(form.page)))
        return "/" + (f"?{urlencode(pairs)}" if pairs else "")

    def has(self, facet: str, value: str) -> bool:
        current = getattr(self, facet)
        return value == current if isinstance(current, str) else value in current

    def toggle(self, facet: str, value: str) -> str:
        """The link that adds ``value`` to the facet's filter, or removes it when already applied."""
        current = getattr(self, facet)
        if isinstance(current, str):
            return self.url(**{facet: "" if current == value else value})
        values = tuple(v for v in current if v != value) if value in current else (*current, value)
        return self.url(**{facet: values})

    def active(self) -> list[tuple[str, str]]:
        """(facet, value) for every filter applied."""
        out = [(name, v) for name in ("jurisdiction", "kind", "topic") for v in getattr(self, name)]
        if self.year:
            out.append(("year", self.year))
        return out

    def without_filters(self) -> str:
        return self.url(jurisdiction=(), kind=(), topic=(), year="")

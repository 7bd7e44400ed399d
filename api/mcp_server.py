"""The knowledge base as an MCP server (official ``mcp`` SDK), for AI assistants.

Every tool is a thin call into the very route function the HTTP API runs for the same request
(which itself calls :class:`~indexer.engine.Engine` / :class:`~indexer.engine.Tools`), serialised the
way FastAPI serialises it: an assistant gets exactly what a person gets from ``/v1``, verification
status and unverified facts included, never a paraphrase.

Served over stdio by ``kb mcp``, and over streamable HTTP at ``/mcp`` inside the FastAPI app
(:class:`MCPMount`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Annotated, Any, Literal

import anyio.to_thread
from fastapi.encoders import jsonable_encoder
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError, ResourceNotFoundError, ToolError
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import Resource as MCPResource
from mcp.types import ToolAnnotations
from pydantic import Field, ValidationError
from starlette.types import Receive, Scope, Send

from api.routes import check, records, search, timeline
from api.routes.filters import Kind, search_filters
from api.routes.records import Style
from indexer.engine import Engine, Tools
from indexer.search import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, SearchRequest
from kb.errors import KBError, NotFound

EngineGetter = Callable[[], Engine]

INSTRUCTIONS = """\
A reviewed knowledge base of laws (with their provisions), court cases, platform policies and
incidents on technology-facilitated sexual violence (illegal filming, deepfake sexual imagery,
non-consensual intimate images, online sexual exploitation of minors) and platform accountability,
in Korea, China, the EU, the US and the UK; searchable in Korean, Chinese and English.
Summaries and provision texts are the project's own words (text_kind: summary), each with a link
to the official text: quote the official text, not the summary, in anything sent out.
Every record carries a verification status (verified | partially_verified | unverified); facts that
could not be confirmed are listed in verification.unverified_facts. Pass those flags on: never
present an unverified fact as settled. Use check_citations on a draft before a person sends it."""

VERIFICATION_NOTE = (
    " Unverified facts are flagged: each result carries its verification status "
    "(verified | partially_verified | unverified), and records list what could not be confirmed "
    "in verification.unverified_facts."
)

READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)

# The constraints the HTTP layer puts on the same parameters.
RecordId = Annotated[str, Field(min_length=1, description="A record id, e.g. kr-law-sexual-violence-punishment-act")]
Code = Annotated[str, Field(pattern=r"^[A-Za-z]{2,3}$", description="Jurisdiction code: KR, CN, EU, US, UK, FR, INT")]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9_-]{1,60}$")]
Query = Annotated[
    str,
    Field(
        max_length=MAX_QUERY_LENGTH,
        description='Words, "phrases", AND/OR/NOT, -word, title:, alias:, court:, id:, word*',
    ),
]
AsOf = Annotated[dt.date | None, Field(description="Return the wording in force on this day (YYYY-MM-DD)")]


def _error_text(exc: KBError) -> str:
    """The API's error body for ``exc`` (the JSON an HTTP client gets), on one line."""
    body = {"error": {"code": exc.code, "message": exc.message, "detail": jsonable_encoder(exc.detail)}}
    return json.dumps(body, ensure_ascii=False)


@contextmanager
def _api_errors() -> Iterator[None]:
    """The API's refusals (KBError: not found, bad query…) as tool errors the assistant can read."""
    try:
        yield
    except KBError as exc:
        raise ToolError(_error_text(exc)) from exc
    except ValidationError as exc:
        raise ToolError(str(exc)) from exc


def _answer(route: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Run an HTTP route function and return its JSON body, serialised as FastAPI serialises it."""
    with _api_errors():
        result = jsonable_encoder(route(*args, **kwargs))
    assert isinstance(result, dict)
    return result


def _filters(
    query: str,
    jurisdictions: list[str],
    kinds: list[str],
    topics: list[str],
    statuses: list[str],
    date_from: dt.date | None,
    date_to: dt.date | None,
    language: str = "en",
    sort: str = "relevance",
) -> SearchRequest:
    with _api_errors():
        return search_filters(
            q=query,
            jurisdiction=jurisdictions,
            kind=kinds,  # type: ignore[arg-type]
            topic=topics,
            status=statuses,
            date_from=date_from,
            date_to=date_to,
            lang=language,
            sort=sort,  # type: ignore[arg-type]
        )


class KBServer(MCPServer):
    """The MCP server: seven read-only tools and every record as a resource ``kb://records/{id}``."""

    def __init__(self, get_engine: EngineGetter) -> None:
        super().__init__(
            "tfsv-kb",
            title="TFSV knowledge base",
            instructions=INSTRUCTIONS,
            log_level="WARNING",
        )
        self.get_engine = get_engine
        for tool in (
            self.search,
            self.get_record,
            self.get_provision,
            self.cite,
            self.check_citations,
            self.compare,
            self.timeline,
        ):
            self.add_tool(
                tool, annotations=READ_ONLY, description=" ".join((tool.__doc__ or "").split()) + VERIFICATION_NOTE
            )
        self.resource(
            "kb://records/{record_id}",
            name="record",
            title="A knowledge-base record",
            description="The record as GET /v1/records/{id} returns it: the record as written (with its "
            "verification status and unverified facts), its citation and its relations." + VERIFICATION_NOTE,
            mime_type="application/json",
        )(self.read_record)

    def tools(self) -> Tools:
        return Tools(self.get_engine())

    # --- tools ---------------------------------------------------------------------------------

    def search(
        self,
        query: Query = "",
        jurisdictions: list[Code] = [],  # noqa: B006
        kinds: list[Kind] = [],  # noqa: B006
        topics: Annotated[list[Slug], Field(description="Topic ids, e.g. deepfake, illegal-filming")] = [],  # noqa: B006
        statuses: Annotated[list[Slug], Field(description="in_force, repealed, final…")] = [],  # noqa: B006
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        language: Annotated[str, Field(description="Language of titles and snippets: ko, zh, en…")] = "en",
        sort: Literal["relevance", "date"] = "relevance",
        page: Annotated[int, Field(ge=1, le=MAX_RESULT_WINDOW)] = 1,
        limit: Annotated[int, Field(ge=1, le=MAX_PAGE_SIZE, description="Hits per page")] = 10,
    ) -> dict[str, Any]:
        """Search laws, provisions, cases, platform policies and incidents in Korean, Chinese or English
        (exactly GET /v1/search). Returns total, pages, hits (id, provision, kind, jurisdiction, title,
        highlighted snippet, dates, score, a ready citation string, verification status, API url), facet
        counts (jurisdiction, kind, topic, year) and how the query was interpreted."""
        request = _filters(query, jurisdictions, kinds, topics, statuses, date_from, date_to, language, sort)
        return _answer(search.search, self.get_engine(), request, page, limit)

    def get_record(self, record_id: RecordId, as_of: AsOf = None) -> dict[str, Any]:
        """Get one whole record by id (exactly GET /v1/records/{id}). Returns the record as written, in our
        words (summaries, provisions with their official-text links, sources, verification with
        verified_facts and unverified_facts), its citation and its relations in both directions; with
        as_of, each provision's wording on that day."""
        return _answer(records.get_record, record_id, self.get_engine(), self.tools(), as_of)

    def get_provision(
        self,
        record_id: RecordId,
        number: Annotated[str, Field(min_length=1, description="As written (제14조의2, Article 16) or its key (14-2)")],
        as_of: AsOf = None,
    ) -> dict[str, Any]:
        """Get one provision of a law (exactly GET /v1/records/{id}/provisions/{number}). Returns its text in
        our words, text_kind, status, official-text url, scope, its citation and the cases that applied
        it; with as_of, the wording in force on that day (found, valid_from/valid_to, later_amendment)."""
        return _answer(records.get_provision, record_id, number, self.get_engine(), self.tools(), as_of)

    def cite(
        self,
        record_id: RecordId,
        provision: Annotated[
            str | None, Field(min_length=1, description="A provision number, or none for the whole record")
        ] = None,
        style: Style = "native",
    ) -> dict[str, Any]:
        """Cite a record or one of its provisions (exactly GET /v1/records/{id}/cite or
        .../provisions/{number}/cite). Returns the citation in the chosen style (native, en, csl-json,
        bibtex, ris), the official identifiers, the official-text url and the verification status."""
        if provision is None:
            return _answer(records.cite_record, record_id, self.tools(), style)
        return _answer(records.cite_provision, record_id, provision, self.tools(), style)

    def check_citations(
        self,
        text: Annotated[
            str, Field(min_length=1, max_length=check.MAX_CHECK_CHARS, description="A letter or brief (≤ 50 KB)")
        ],
    ) -> dict[str, Any]:
        """Check every citation in a draft letter or brief before a person sends it (exactly POST
        /v1/check). Returns total, counts by status and, for each citation found in the text, its span,
        what it resolved to and a status: found, ambiguous (with candidates), not_found, or
        repealed_or_amended (with what replaced it), plus the correct native citation, the in-force
        status and the verification status of the cited record."""
        return _answer(lambda: check.check(check.CheckRequest(text=text), self.tools()))

    def compare(
        self,
        topic: Annotated[Slug, Field(description="A topic id, e.g. deepfake")],
        jurisdictions: list[Code] = [],  # noqa: B006
    ) -> dict[str, Any]:
        """Compare jurisdictions on a topic (exactly GET /v1/compare). Returns, for each jurisdiction, the
        provisions that address it with their verification status, the conduct they criminalise (creation,
        distribution, possession, viewing — only where the records say so; a missing conduct means no
        provision is recorded, not that it is lawful), the maximum prison term recorded, platform
        duties and the leading cases."""
        return _answer(timeline.compare, self.tools(), topic, jurisdictions)

    def timeline(
        self,
        query: Query = "",
        jurisdictions: list[Code] = [],  # noqa: B006
        kinds: list[Kind] = [],  # noqa: B006
        topics: list[Slug] = [],  # noqa: B006
        statuses: list[Slug] = [],  # noqa: B006
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> dict[str, Any]:
        """List dated events, oldest first (exactly GET /v1/timeline); takes the search filters. Returns the
        events: laws promulgated, in force and amended, provisions' wordings taking effect, judgments,
        policy changes and incidents, each with its record id, jurisdiction, title, citation and note."""
        request = _filters(query, jurisdictions, kinds, topics, statuses, date_from, date_to)
        return _answer(timeline.timeline, self.tools(), request)

    # --- resources -----------------------------------------------------------------------------

    def read_record(self, record_id: str) -> str:
        """``kb://records/{id}``: the JSON of GET /v1/records/{id}."""
        try:
            data = jsonable_encoder(records.get_record(record_id, self.get_engine(), self.tools(), None))
        except NotFound as exc:
            raise ResourceNotFoundError(exc.message) from exc
        except KBError as exc:
            raise ResourceError(_error_text(exc)) from exc
        return json.dumps(data, ensure_ascii=False)

    def _record_resources(self) -> list[MCPResource]:
        rows = (
            self.get_engine()
            .build()
            .query("SELECT id, kind, jurisdiction, title_en, citation, verification_status FROM records ORDER BY id")
        )
        return [
            MCPResource(
                uri=f"kb://records/{row['id']}",
                name=row["id"],
                title=row["title_en"] or row["citation"],
                description=f"{row['kind']} ({row['jurisdiction']}): {row['citation']} "
                f"[verification: {row['verification_status']}]",
                mime_type="application/json",
            )
            for row in rows
        ]

    async def list_resources(self) -> list[MCPResource]:
        """The static resources (none) and every record of the current build."""
        return [*await super().list_resources(), *await anyio.to_thread.run_sync(self._record_resources)]


def create_mcp_server(get_engine: EngineGetter) -> KBServer:
    return KBServer(get_engine)


class MCPMount:
    """The MCP server over streamable HTTP, as an ASGI app to route in the FastAPI app (at ``/mcp``).

    Stateless JSON responses, so that any worker of a multi-worker server can answer any request.
    The SDK's session manager runs once per instance, so :meth:`running` (entered from the app's
    lifespan) makes a fresh one each time the app starts. The knowledge base is public and
    read-only, so the SDK's Host/Origin checks (meant for local servers with private data) are off.
    """

    def __init__(self, get_engine: EngineGetter) -> None:
        self.server = create_mcp_server(get_engine)
        self._manager: StreamableHTTPSessionManager | None = None

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        self.server.streamable_http_app(
            stateless_http=True,
            json_response=True,
            transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
        )
        manager = self.server.session_manager
        async with manager.run():
            self._manager = manager
            try:
                yield
            finally:
                self._manager = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self._manager is None:
            raise RuntimeError("the MCP endpoint is used outside the app's lifespan")
        await self._manager.handle_request(scope, receive, send)

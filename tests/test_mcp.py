"""The MCP server answers exactly as the HTTP API: `kb mcp` over stdio, and /mcp over streamable HTTP."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from mcp import Client, MCPError, StdioServerParameters
from mcp.types import CallToolResult

from .webserver import serve

ROOT = Path(__file__).resolve().parent.parent
LAW = "kr-law-sexual-violence-punishment-act"
CASE = "kr-case-supreme-2021-cho-jubin-baksabang"
LETTER = "We rely on 성폭력처벌법 제14조의2, 刑法第364条 and Art. 16 DSA; not on Article 99 DSA or 2099도1."
TOOLS = {"search", "get_record", "get_provision", "cite", "check_citations", "compare", "timeline"}

Request = tuple[str, str, Any]  # method, path, query parameters or JSON body

# Each tool call, and the HTTP request a person would make for the same thing.
CALLS: list[tuple[str, dict[str, Any], Request]] = [
    (
        "search",
        {"query": "텔레그램", "jurisdictions": ["KR", "INT"], "language": "ko", "limit": 5},
        (
            "GET",
            "/v1/search",
            [("q", "텔레그램"), ("jurisdiction", "KR"), ("jurisdiction", "INT"), ("lang", "ko"), ("page_size", 5)],
        ),
    ),
    (
        "search",
        {"query": "deepfake", "kinds": ["law", "provision"], "topics": ["deepfake"], "sort": "date", "page": 1},
        (
            "GET",
            "/v1/search",
            [("q", "deepfake"), ("kind", "law"), ("kind", "provision"), ("topic", "deepfake"), ("sort", "date")],
        ),
    ),
    (
        "search",
        {"query": "偷拍", "language": "zh", "date_from": "2020-01-01"},
        ("GET", "/v1/search", {"q": "偷拍", "lang": "zh", "date_from": "2020-01-01"}),
    ),
    ("get_record", {"record_id": LAW}, ("GET", f"/v1/records/{LAW}", {})),
    ("get_record", {"record_id": CASE}, ("GET", f"/v1/records/{CASE}", {})),
    ("get_record", {"record_id": LAW, "as_of": "2020-06-01"}, ("GET", f"/v1/records/{LAW}", {"as_of": "2020-06-01"})),
    ("get_provision", {"record_id": LAW, "number": "14-2"}, ("GET", f"/v1/records/{LAW}/provisions/14-2", {})),
    (
        "get_provision",
        {"record_id": LAW, "number": "제14조", "as_of": "2015-01-01"},
        ("GET", f"/v1/records/{LAW}/provisions/제14조", {"as_of": "2015-01-01"}),
    ),
    ("cite", {"record_id": CASE}, ("GET", f"/v1/records/{CASE}/cite", {})),
    (
        "cite",
        {"record_id": LAW, "provision": "14-2", "style": "en"},
        ("GET", f"/v1/records/{LAW}/provisions/14-2/cite", {"style": "en"}),
    ),
    ("cite", {"record_id": LAW, "style": "csl-json"}, ("GET", f"/v1/records/{LAW}/cite", {"style": "csl-json"})),
    ("check_citations", {"text": LETTER}, ("POST", "/v1/check", {"text": LETTER})),
    (
        "compare",
        {"topic": "deepfake", "jurisdictions": ["KR", "us"]},
        ("GET", "/v1/compare", [("topic", "deepfake"), ("jurisdiction", "KR"), ("jurisdiction", "us")]),
    ),
    ("compare", {"topic": "illegal-filming"}, ("GET", "/v1/compare", {"topic": "illegal-filming"})),
    ("timeline", {"jurisdictions": ["KR"]}, ("GET", "/v1/timeline", {"jurisdiction": "KR"})),
    (
        "timeline",
        {"query": "Telegram", "date_from": "2019-01-01"},
        ("GET", "/v1/timeline", {"q": "Telegram", "date_from": "2019-01-01"}),
    ),
]

# Calls the API refuses: the tool error carries the API's own error body.
REFUSED: list[tuple[str, dict[str, Any], Request]] = [
    ("get_record", {"record_id": "kr-law-no-such-law"}, ("GET", "/v1/records/kr-law-no-such-law", {})),
    ("get_record", {"record_id": "Not An Id"}, ("GET", "/v1/records/Not An Id", {})),
    ("get_provision", {"record_id": LAW, "number": "제99조"}, ("GET", f"/v1/records/{LAW}/provisions/제99조", {})),
    ("cite", {"record_id": CASE, "provision": "1"}, ("GET", f"/v1/records/{CASE}/provisions/1/cite", {})),
    ("compare", {"topic": "no-such-topic"}, ("GET", "/v1/compare", {"topic": "no-such-topic"})),
    ("search", {"query": "deepfake", "language": "xx"}, ("GET", "/v1/search", {"q": "deepfake", "lang": "xx"})),
    (
        "timeline",
        {"date_from": "2024-01-01", "date_to": "2020-01-01"},
        ("GET", "/v1/timeline", {"date_from": "2024-01-01", "date_to": "2020-01-01"}),
    ),
    ("check_citations", {"text": "NUL \x00 here"}, ("POST", "/v1/check", {"text": "NUL \x00 here"})),
]

# Arguments that fail the tool's input schema (the API answers 422 for the same).
MALFORMED: list[tuple[str, dict[str, Any]]] = [
    ("search", {"limit": 0}),
    ("search", {"limit": 101}),
    ("search", {"kinds": ["statute"]}),
    ("search", {"jurisdictions": ["Korea"]}),
    ("search", {"date_from": "yesterday"}),
    ("get_record", {}),
    ("get_provision", {"record_id": LAW}),
    ("cite", {"record_id": LAW, "style": "apa"}),
    ("check_citations", {"text": ""}),
    ("check_citations", {"text": "x" * 60_000}),
    ("compare", {"topic": "Deep Fake!"}),
    ("timeline", {"kinds": "law"}),
]


def http(client: TestClient | httpx.Client, request: Request) -> httpx.Response:
    method, path, params = request
    if method == "POST":
        return client.post(path, json=params)
    return client.get(path, params=params)


def body(result: CallToolResult) -> dict[str, Any]:
    """The tool's structured result, checked against the JSON text sent alongside it."""
    assert not result.is_error, result.content
    assert result.structured_content is not None
    assert json.loads(result.content[0].text) == result.structured_content  # type: ignore[union-attr]
    return result.structured_content


def error(result: CallToolResult) -> str:
    assert result.is_error
    assert result.structured_content is None
    text: str = result.content[0].text  # type: ignore[union-attr]
    assert text.startswith("Error executing tool ")
    return text.split(": ", 1)[1]


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def client(real_build: Path) -> Iterator[TestClient]:
    """HTTP over the same real build, to compare the MCP answers with."""
    from api.main import create_app

    with TestClient(create_app(real_build, warm=False)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
async def stdio(real_build: Path) -> AsyncIterator[Client]:
    """`kb mcp --build …` as a real subprocess, through the SDK's stdio client."""
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "kb", "mcp", "--build", str(real_build)], cwd=str(ROOT)
    )
    async with Client(params, read_timeout_seconds=120) as client:
        yield client


@pytest.mark.anyio
async def test_lists_the_tools_with_plain_descriptions(stdio: Client) -> None:
    tools = {t.name: t for t in (await stdio.list_tools()).tools}
    assert set(tools) == TOOLS
    for tool in tools.values():
        assert "Unverified facts are flagged" in (tool.description or "")
        assert "Returns" in (tool.description or "") or "returns" in (tool.description or "")
        assert tool.annotations is not None and tool.annotations.read_only_hint
    assert tools["get_provision"].input_schema["required"] == ["record_id", "number"]
    assert stdio.instructions and "unverified_facts" in stdio.instructions


@pytest.mark.anyio
@pytest.mark.parametrize(("tool", "arguments", "request_"), CALLS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CALLS)])
async def test_each_tool_answers_as_the_http_api(
    stdio: Client, client: TestClient, tool: str, arguments: dict[str, Any], request_: Request
) -> None:
    response = http(client, request_)
    assert response.status_code == 200, response.text
    assert body(await stdio.call_tool(tool, arguments)) == response.json()


@pytest.mark.anyio
async def test_verification_flags_and_unverified_facts_come_through(stdio: Client) -> None:
    statuses = {"verified", "partially_verified", "unverified"}
    record = body(await stdio.call_tool("get_record", {"record_id": LAW}))
    verification = record["record"]["verification"]
    assert verification["status"] == "partially_verified" and verification["unverified_facts"]
    hits = body(await stdio.call_tool("search", {"query": "딥페이크"}))["hits"]
    assert hits and all(h["verification"] in statuses for h in hits)
    checked = body(await stdio.call_tool("check_citations", {"text": LETTER}))
    found = [c for c in checked["citations"] if c["status"] == "found"]
    assert found and all(c["verification"] in statuses for c in found)


@pytest.mark.anyio
@pytest.mark.parametrize(("tool", "arguments", "request_"), REFUSED, ids=[f"{c[0]}-{i}" for i, c in enumerate(REFUSED)])
async def test_refused_calls_carry_the_api_error_and_the_server_keeps_answering(
    stdio: Client, client: TestClient, tool: str, arguments: dict[str, Any], request_: Request
) -> None:
    response = http(client, request_)
    assert 400 <= response.status_code < 500, response.text
    assert json.loads(error(await stdio.call_tool(tool, arguments))) == response.json()
    assert body(await stdio.call_tool("cite", {"record_id": LAW}))["id"] == LAW


@pytest.mark.anyio
@pytest.mark.parametrize(("tool", "arguments"), MALFORMED, ids=[f"{c[0]}-{i}" for i, c in enumerate(MALFORMED)])
async def test_malformed_arguments_are_errors_not_crashes(stdio: Client, tool: str, arguments: dict[str, Any]) -> None:
    message = error(await stdio.call_tool(tool, arguments))
    assert "validation error" in message
    assert body(await stdio.call_tool("cite", {"record_id": LAW}))["id"] == LAW


@pytest.mark.anyio
async def test_an_unknown_tool_is_an_error(stdio: Client) -> None:
    result = await stdio.call_tool("delete_everything", {})
    assert result.is_error
    assert body(await stdio.call_tool("cite", {"record_id": LAW}))["id"] == LAW


@pytest.mark.anyio
async def test_records_are_resources(stdio: Client, client: TestClient) -> None:
    listed = {str(r.uri) for r in (await stdio.list_resources()).resources}
    ids = {json.loads(line)["id"] for line in client.get("/v1/export").text.splitlines()}
    assert listed == {f"kb://records/{i}" for i in ids}
    templates = (await stdio.list_resource_templates()).resource_templates
    assert [t.uri_template for t in templates] == ["kb://records/{record_id}"]
    for record_id in (LAW, CASE):
        contents = (await stdio.read_resource(f"kb://records/{record_id}")).contents
        assert contents[0].mime_type == "application/json"
        assert json.loads(contents[0].text) == client.get(f"/v1/records/{record_id}").json()  # type: ignore[union-attr]
    with pytest.raises(MCPError, match="No record with id"):
        await stdio.read_resource("kb://records/kr-law-no-such-law")
    assert body(await stdio.call_tool("cite", {"record_id": LAW}))["id"] == LAW


def test_kb_mcp_without_a_build_says_so(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kb", "mcp", "--build", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 1
    assert "No build" in result.stderr
    assert result.stdout == ""


# --- streamable HTTP, mounted in the API ------------------------------------------------------


@pytest.fixture(scope="module")
def server(real_build: Path) -> Iterator[str]:
    """The API app, MCP mount included, on a real uvicorn."""
    with serve(real_build, warm=False) as base:
        yield base


@pytest.mark.anyio
async def test_streamable_http_mount_answers_as_the_http_api(server: str) -> None:
    with httpx.Client(base_url=server, timeout=30) as api:
        async with Client(f"{server}/mcp") as mcp:
            assert {t.name for t in (await mcp.list_tools()).tools} == TOOLS
            for tool, arguments, request_ in CALLS:
                response = http(api, request_)
                assert response.status_code == 200, response.text
                assert body(await mcp.call_tool(tool, arguments)) == response.json(), tool
            tool, arguments, request_ = REFUSED[0]
            assert json.loads(error(await mcp.call_tool(tool, arguments))) == http(api, request_).json()
            assert "validation error" in error(await mcp.call_tool("search", {"limit": 0}))
            contents = (await mcp.read_resource(f"kb://records/{LAW}")).contents
            assert json.loads(contents[0].text) == api.get(f"/v1/records/{LAW}").json()  # type: ignore[union-attr]
        # the rest of the API is unchanged by the mount
        assert api.get("/v1/health").json()["status"] == "ok"
        assert "/mcp" not in api.get("/openapi.json").json()["paths"]

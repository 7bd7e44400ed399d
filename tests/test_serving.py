"""``kb serve``: several uvicorn workers over one read-only build, on a socket that keeps TCP_NODELAY."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.serving import TcpConfig
from api.settings import get_settings
from bench.serve_bench import process_tree, server

from .webserver import ROOT

KB = Path(sys.executable).parent / "kb"


def test_accepted_connections_get_tcp_nodelay() -> None:
    """The listening socket several workers share is TCP, so asyncio turns Nagle off per connection."""
    listener = TcpConfig("api.main:app", host="127.0.0.1", port=0).bind_socket()
    assert listener.proto == socket.IPPROTO_TCP
    seen: list[int] = []

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def accept_one() -> None:
        server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
        port = listener.getsockname()[1]
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()
        await server.wait_closed()

    asyncio.run(accept_one())
    assert seen == [1]


def _get(url: str) -> dict[str, object]:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        return dict(json.loads(response.read()))


def test_two_workers_serve_the_same_build(mini_build: Path) -> None:
    with server(mini_build, workers=2) as info:  # `kb serve --no-build --workers 2`, as the benchmark runs it
        base = info["base"]
        assert len(process_tree(info["pid"])) >= 3  # the supervisor and its two workers
        versions = {str(_get(f"{base}/v1/version")["data_version"]) for _ in range(12)}
        totals = {int(str(_get(f"{base}/v1/search?q=deepfake")["total"])) for _ in range(12)}
    assert len(versions) == 1 and len(totals) == 1 and totals != {0}


def test_no_build_refuses_an_empty_build_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(KB), "serve", "--build", str(tmp_path), "--no-build"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "No build to serve" in result.stderr


def test_result_cache_can_be_turned_off(mini_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``KB_RESULT_CACHE=0`` (for benchmarks): every search is worked out again, with the same answer."""
    monkeypatch.setenv("KB_RESULT_CACHE", "0")
    get_settings.cache_clear()
    try:
        with TestClient(create_app(mini_build, warm=False)) as client:
            first = client.get("/v1/search", params={"q": "deepfake"}).json()
            second = client.get("/v1/search", params={"q": "deepfake"}).json()
            build = client.app.state.engine.build()  # type: ignore[attr-defined]
            assert build.result_cache_size == 0 and not build._results
    finally:
        get_settings.cache_clear()
    assert first == second and first["total"] > 0

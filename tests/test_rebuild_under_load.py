"""A real server keeps answering while the data is rebuilt twice under a concurrent load."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from indexer.fingerprint import data_version

from .test_loader import corpus_with
from .webserver import serve

ROOT = Path(__file__).resolve().parent.parent
MASKPARK = "incidents/cn/cn-incident-maskpark-2025.yaml"


def kb(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "kb", *args], cwd=ROOT, check=True, capture_output=True)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    data = corpus_with(tmp_path, {})
    build = tmp_path / "build"
    kb("build", "--data", str(data), "--out", str(build), "--quiet")
    with serve(build) as base:
        yield base, data, build


def edit_alias(data: Path, alias: str) -> str:
    path = data / MASKPARK
    path.write_text(path.read_text("utf-8").replace("aliases: [Maskpark", f"aliases: [Maskpark, {alias}"), "utf-8")
    return data_version(data)


async def load(base: str, stop: asyncio.Event, results: list[tuple[str, int, object]]) -> None:
    paths = [
        "/v1/search?q=텔레그램에서",
        "/v1/search?q=偷拍",
        "/v1/search?q=deepfake&jurisdiction=KR",
        "/v1/records/kr-incident-nth-room",
        "/v1/records/kr-law-sexual-violence-punishment-act/provisions/14-2",
        "/v1/version",
    ]
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:

        async def worker(offset: int) -> None:
            i = offset
            while not stop.is_set():
                path = paths[i % len(paths)]
                i += 1
                try:
                    response = await client.get(path)
                    body = response.json()
                    results.append((path, response.status_code, body.get("data_version")))
                except httpx.HTTPError as exc:
                    results.append((path, 0, repr(exc)))

        await asyncio.gather(*(worker(n) for n in range(8)))


def test_rebuilds_under_load_lose_no_request(server: tuple[str, Path, Path]) -> None:
    base, data, build = server
    versions = [data_version(data)]
    results: list[tuple[str, int, object]] = []

    async def scenario() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(load(base, stop, results))
        await asyncio.sleep(1.5)
        for alias in ("面具公园", "마스크파크"):
            versions.append(edit_alias(data, alias))
            await asyncio.to_thread(kb, "build", "--data", str(data), "--out", str(build), "--quiet")
            await asyncio.sleep(1.5)
        stop.set()
        await task

    asyncio.run(scenario())
    failed = [r for r in results if r[1] != 200]
    assert not failed, failed[:5]
    assert len(results) > 50
    seen = {r[2] for r in results if r[0] == "/v1/version"}
    assert seen <= set(versions), (seen, versions)
    assert versions[-1] in seen
    final = httpx.get(f"{base}/v1/search", params={"q": "마스크파크"}).json()
    assert [h["id"] for h in final["hits"]][:1] == ["cn-incident-maskpark-2025"]
    assert httpx.get(f"{base}/v1/version").json()["data_version"] == versions[-1]

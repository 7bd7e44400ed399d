"""The real server (``kb serve``: uvicorn on 127.0.0.1): start time, RSS, latency, throughput."""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench.queries import QUERIES
from bench.stats import latency_summary
from bench.wrk import run_wrk

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / ".venv" / "bin" / "kb"
FIRST_QUERY = "/v1/search?q=%ED%85%94%EB%A0%88%EA%B7%B8%EB%9E%A8"  # 텔레그램


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def process_tree(pid: int) -> list[int]:
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(_children(current))
    return tree


def status_mb(pid: int, field: str = "VmRSS") -> float:
    """A memory figure of a process from ``/proc/PID/status`` in MB (``VmRSS`` now, ``VmHWM`` peak); 0 if gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@contextmanager
def server(build_dir: Path, workers: int, timeout: float = 180, result_cache: bool = True) -> Iterator[dict[str, Any]]:
    """Start ``kb serve`` over ``build_dir``; yield its base URL, start time and the RSS of each process.
    Without ``result_cache`` every search is worked out afresh (``KB_RESULT_CACHE=0``)."""
    port = free_port()
    env = {**os.environ, "KB_RESULT_CACHE": "1024" if result_cache else "0"}
    command = [
        str(KB),
        "serve",
        "--build",
        str(build_dir),
        "--no-build",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    started = time.perf_counter()
    errors = tempfile.TemporaryFile()  # a file, not a pipe: a full pipe would stall the server
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    base = f"http://127.0.0.1:{port}"
    info: dict[str, Any] = {"base": base, "workers": workers, "pid": process.pid}
    try:
        deadline = started + timeout
        with httpx.Client(timeout=30) as client:
            while True:
                try:
                    if client.get(base + FIRST_QUERY).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.perf_counter() > deadline or process.poll() is not None:
                    errors.seek(0)
                    raise RuntimeError(f"server did not start: {errors.read().decode()[-2000:]}")
                time.sleep(0.05)
            info["start_to_first_search_s"] = time.perf_counter() - started
            # Each worker decodes the postings it needs once; the load tests measure a warm server, so
            # the whole mix goes through every worker first (RSS is read after, with the caches filled).
            # A new connection per request lets the kernel hand requests to every worker.
            for _ in range(workers * 2):
                for query in QUERIES:
                    client.get(base + query.url(), headers={"Connection": "close"})
        pids = process_tree(process.pid)
        info["rss_mb"] = {str(pid): status_mb(pid) for pid in pids}
        worker_rss = sorted((status_mb(pid) for pid in pids[1:]), reverse=True) if workers > 1 else [status_mb(pids[0])]
        info["rss_per_worker_mb"] = max(worker_rss[:workers]) if worker_rss else 0.0
        info["rss_total_mb"] = sum(info["rss_mb"].values())
        yield info
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        errors.close()


async def _load(base: str, concurrency: int, seconds: float) -> dict[str, Any]:
    urls = itertools.cycle([q.url() for q in QUERIES])
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        stop = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                url = next(urls)
                started = time.perf_counter()
                try:
                    response = await client.get(url)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - started)
                errors += not ok

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    return {
        "requests": len(latencies),
        "errors": errors,
        "requests_per_s": len(latencies) / elapsed,
        **latency_summary(latencies),
    }


def load_test(base: str, concurrency: int, seconds: float) -> dict[str, Any]:
    """``concurrency`` clients looping over the query mix for ``seconds``: rate, errors, latency percentiles.

    wrk drives the load where it is installed (``apt-get install wrk``): a Python client on the same
    two cores would use as much CPU as the server and measure itself. Otherwise httpx does.
    """
    if shutil.which("wrk"):
        result = run_wrk(base, [("GET", q.url(), None) for q in QUERIES], concurrency, seconds)
        errors = sum(result["errors"].values()) + (1 if result["socket_errors"] else 0)
        return {**result, "client": "wrk", "requests_per_s": result["rps"], "errors": errors}
    return {**asyncio.run(_load(base, concurrency, seconds)), "client": "httpx"}


def serve_repeat(
    build_dir: Path, workers: int, concurrencies: list[int], seconds: float, result_cache: bool = True
) -> dict[str, Any]:
    """One server start with ``workers`` workers and a load test at each concurrency."""
    with server(build_dir, workers, result_cache=result_cache) as info:
        load_test(info["base"], 4, min(2.0, seconds))  # warm every worker
        result: dict[str, Any] = {
            "start_to_first_search_s": info["start_to_first_search_s"],
            "rss_per_worker_mb": info["rss_per_worker_mb"],
            "rss_total_mb": info["rss_total_mb"],
        }
        for concurrency in concurrencies:
            result[f"c{concurrency}"] = load_test(info["base"], concurrency, seconds)
    return result

"""Mixed-traffic load test against the real server on loopback (issue 8's reliability numbers).

    .venv/bin/python -m bench.load --build build --clients 16,64 --seconds 60 --workers 1 [--client wrk]

Starts uvicorn the README's way (``api.main:app`` over a published build), runs a closed loop of
search / record / related / citation / export / check requests with Korean, Chinese and English
queries from N concurrent clients, and prints requests/s, latency percentiles, errors by status and
the peak RSS of each server process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
from collections import Counter
from pathlib import Path

import httpx

from bench.serve_bench import process_tree, server, status_mb
from bench.wrk import run_wrk

ROOT = Path(__file__).resolve().parent.parent

SEARCHES = [
    "텔레그램에서", "딥페이크 소지 처벌 판례", "N번방", "불법촬영물 유포", "박사방 조주빈", "성폭력처벌법 제14조의2",
    "偷拍", "深度偽造", "韩国N号房 判决", "刑法第364条", "个人信息 保护", "Telegram 数据",
    "deepfake", "Telegram data disclosure Korea", "Art. 16 DSA", "non-consensual intimate images",
    "s.66B Sexual Offences Act 2003", "15 U.S.C. § 6851", "TAKE IT DOWN Act removal 48 hours",
]  # fmt: skip
FILTERS = [{}, {"jurisdiction": "KR"}, {"jurisdiction": "CN"}, {"kind": "law"}, {"kind": "case"}, {"topic": "deepfake"}]
LETTER = (
    "We ask Telegram to act under 성폭력처벌법 제14조의2, Art. 16 DSA, Article 5 of Directive (EU) 2024/1385, "
    "s.66B Sexual Offences Act 2003, 47 U.S.C. § 223(h) and 刑法第364条, and not under Article 999 DSA."
)


def request_mix(ids: list[str], provisions: list[tuple[str, str]]) -> list[tuple[str, str, dict | None]]:
    """(method, url, json body) tuples in realistic proportions: mostly search, then lookups."""
    mix: list[tuple[str, str, dict | None]] = []
    for q in SEARCHES:
        for f in FILTERS[:3]:
            params = httpx.QueryParams({"q": q, **f})
            mix.append(("GET", f"/v1/search?{params}", None))
    for record_id in ids[:40]:
        mix.append(("GET", f"/v1/records/{record_id}", None))
        mix.append(("GET", f"/v1/records/{record_id}/related", None))
        mix.append(("GET", f"/v1/records/{record_id}/cite?style=en", None))
    for record_id, key in provisions[:20]:
        mix.append(("GET", f"/v1/records/{record_id}/provisions/{key}/cite?style=native", None))
    mix.append(("GET", "/v1/export?format=jsonl&jurisdiction=UK", None))
    mix.append(("GET", "/v1/timeline?topic=deepfake", None))
    mix.append(("POST", "/v1/check", {"text": LETTER}))
    return mix


async def run_load(base: str, mix: list[tuple[str, str, dict | None]], clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def worker(seed: int) -> None:
            rng = random.Random(seed)
            while time.monotonic() < stop:
                method, url, body = rng.choice(mix)
                started = time.perf_counter()
                try:
                    response = await client.request(method, url, json=body)
                    statuses[str(response.status_code)] += 1
                except httpx.HTTPError as exc:
                    statuses[type(exc).__name__] += 1
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    errors = {k: v for k, v in statuses.items() if k != "200"}
    return {
        "clients": clients,
        "requests": len(latencies),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(pct(0.50), 1),
        "p90_ms": round(pct(0.90), 1),
        "p99_ms": round(pct(0.99), 1),
        "max_ms": round(latencies[-1] * 1000, 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1),
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    parser.add_argument("--clients", default="16,64")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--client", choices=("httpx", "wrk"), default="httpx", help="The load generator.")
    args = parser.parse_args()
    with server(args.build.resolve(), args.workers) as info:
        base = info["base"]
        export = httpx.get(f"{base}/v1/export?format=jsonl", timeout=60).text.splitlines()
        records = [json.loads(line) for line in export]
        ids = [r["id"] for r in records]
        provisions = [(r["id"], p["number"]) for r in records for p in r.get("provisions", [])]
        mix = request_mix(ids, provisions)
        results = []
        for clients in (int(c) for c in args.clients.split(",")):
            if args.client == "wrk":
                result = run_wrk(base, mix, clients, args.seconds)
            else:
                result = asyncio.run(run_load(base, mix, clients, args.seconds))
            result["workers"] = args.workers
            result["peak_rss_mb"] = {pid: round(status_mb(pid, "VmHWM"), 1) for pid in process_tree(info["pid"])}
            results.append(result)
            print(json.dumps(result, ensure_ascii=False))
        if args.out:
            args.out.write_text(json.dumps(results, indent=2), "utf-8")


if __name__ == "__main__":
    main()

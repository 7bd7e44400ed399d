"""Markdown tables from a results file: ``.venv/bin/python -m bench.report docs/performance-results.json``.

Each cell is the median over the repeats, with [min–max] where the spread matters.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _m(cell: dict[str, float] | None, digits: int = 1, spread: bool = True) -> str:
    if not cell:
        return "–"
    text = f"{cell['median']:.{digits}f}"
    if spread and cell["min"] != cell["max"]:
        text += f" [{cell['min']:.{digits}f}–{cell['max']:.{digits}f}]"
    return text


def _mb(cell: dict[str, float]) -> str:
    return f"{cell['median'] / 1e6:.1f}"


def _kiwi(build: dict[str, Any]) -> str:
    """Kiwi's share of a one-process build; a two-process build analyses inside its index processes."""
    if build.get("index_processes_s", {}).get("median"):
        return "(in index s)"
    return _m(build["analysis_prime_s"], spread=False)


def build_table(corpora: dict[str, Any]) -> list[str]:
    lines = [
        "| corpus | records (+provisions) | KB/record | build | wall s | load+validate s | store s | "
        "Kiwi batch s | index s | records/s | ko chars/s | zh chars/s | latin chars/s | peak RSS MB | "
        "index MB | DB MB |",
        "|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, c in corpora.items():
        p = c["profile"]
        for kind in ("full", "incremental"):
            b = c["build"][kind]
            label = kind if kind == "full" else f"rebuild ({int(b['changed_records']['median'])} changed)"
            lines.append(
                f"| {name} | {p['records']} (+{int(b['provisions']['median'])}) | {p['mean_record_bytes'] / 1000:.1f} "
                f"| {label} | {_m(b['wall_s'])} | {_m(b['load_validate_s'], spread=False)} "
                f"| {_m(b['store_s'], spread=False)} | {_kiwi(b)} "
                f"| {_m(b['index_s'], spread=False)} | {_m(b['records_per_s'], 0, False)} "
                f"| {_m(b['ko_chars_per_s'], 0, False)} | {_m(b['zh_chars_per_s'], 0, False)} "
                f"| {_m(b['latin_chars_per_s'], 0, False)} | {_m(b['peak_rss_mb'], 0, False)} "
                f"| {_mb(b['index_bytes'])} | {_mb(b['db_bytes'])} |"
            )
    return lines


def query_table(corpora: dict[str, Any]) -> list[str]:
    lines = [
        "| corpus | queries | p50 ms | p95 ms | p99 ms |",
        "|---|---|---:|---:|---:|",
    ]
    for name, c in corpora.items():
        if "query" not in c:
            continue
        for key, value in c["query"]["engine"].items():
            if not isinstance(value, dict) or "p50_ms" not in value:
                continue
            lines.append(
                f"| {name} | {key} (n={int(value['n']['median'])}) | {_m(value['p50_ms'])} | {_m(value['p95_ms'])} "
                f"| {_m(value['p99_ms'])} |"
            )
    return lines


def baseline_table(corpora: dict[str, Any]) -> list[str]:
    lines = [
        "| corpus | system | build s | query p50 ms | p95 ms | p99 ms | success@5 |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, c in corpora.items():
        if "query" not in c:
            continue
        full = c["build"]["full"]
        engine = c["query"]["engine"]["all"]
        quality = c.get("quality") or {}
        lines.append(
            f"| {name} | ours (Kiwi/jieba) | {_m(full['build_s'])} | {_m(engine['p50_ms'])} | {_m(engine['p95_ms'])} "
            f"| {_m(engine['p99_ms'])} | {quality.get('ours', '–')} |"
        )
        for system, b in c["query"]["baselines"].items():
            q = b["query"]
            lines.append(
                f"| {name} | {system} | {_m(b['build_s'])} | {_m(q['p50_ms'], 2)} | {_m(q['p95_ms'], 2)} "
                f"| {_m(q['p99_ms'], 2)} | {quality.get(system, '–')} |"
            )
    return lines


def serve_table(corpora: dict[str, Any]) -> list[str]:
    lines = [
        "| corpus | workers | result cache | start→first search s | RSS/worker MB | load generator | clients | req/s "
        "| p50 ms | p90 ms | p99 ms | errors |",
        "|---|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, c in corpora.items():
        for key, s in (c.get("serve") or {}).items():
            workers = key.split("_")[1]
            cache = "off" if key.endswith("_uncached") else "on"
            for clients in ("c1", "c16", "c64"):
                if clients not in s:
                    continue
                r = s[clients]
                lines.append(
                    f"| {name} | {workers} | {cache} | {_m(s['start_to_first_search_s'])} | {_m(s['rss_per_worker_mb'], 0)} "
                    f"| {r.get('client', 'httpx')} | {clients[1:]} | {_m(r['requests_per_s'])} | {_m(r['p50_ms'], 1)} "
                    f"| {_m(r['p90_ms'], 1)} "
                    f"| {_m(r['p99_ms'], 1)} | {int(r['errors']['max'])} |"
                )
    return lines


def render(results: dict[str, Any]) -> str:
    corpora = results["corpora"]
    sections = [
        ("Build", build_table(corpora)),
        ("Query latency at the engine (in process)", query_table(corpora)),
        ("Side by side: ours and the two baselines", baseline_table(corpora)),
        ("Serving over HTTP (uvicorn, 127.0.0.1)", serve_table(corpora)),
    ]
    return "\n\n".join(f"### {title}\n\n" + "\n".join(lines) for title, lines in sections) + "\n"


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/performance-results.json")
    print(render(json.loads(path.read_text("utf-8"))))


if __name__ == "__main__":
    main()

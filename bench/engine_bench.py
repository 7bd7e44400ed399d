"""Query latency at the engine (in process), and success@5 of ours and the baselines on an eval set."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import yaml

from bench.baselines import Baseline
from bench.queries import QUERIES
from bench.stats import latency_summary
from indexer.engine import Engine
from indexer.search import SearchRequest, run_search


def engine_latency(engine: Engine, rounds: int) -> dict[str, Any]:
    """p50/p95/p99 over ``rounds`` passes of the query mix, overall, per category and filtered or not."""
    engine.warm()
    build = engine.build()

    def search(request: SearchRequest) -> Any:
        """The engine's work for one query, without the result cache (which would time a dict lookup)."""
        return run_search(build.search_index(), request)

    for query in QUERIES:  # one untimed pass: per-thread searcher and analysis caches as a running server has them
        search(query.request())
    samples: dict[str, list[float]] = {"all": []}
    hits: dict[str, int] = {}
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            result = search(query.request())
            elapsed = time.perf_counter() - started
            hits[query.q] = result.total
            for key in ("all", query.category, "filtered" if query.filtered else "unfiltered"):
                samples.setdefault(key, []).append(elapsed)
    out: dict[str, Any] = {key: latency_summary(values) for key, values in samples.items()}
    out["queries_with_hits"] = sum(1 for n in hits.values() if n)
    return out


def load_eval(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return list(yaml.safe_load(path.read_text("utf-8"))["queries"])


def success_at_5(ranked: list[str], item: dict[str, Any]) -> bool:
    top5 = ranked[:5]
    first = item.get("first")
    return all(r in top5 for r in item.get("top5", [])) and (first is None or first in top5)


def _filtered(ranked: list[str], item: dict[str, Any], meta: dict[str, tuple[str, str]]) -> list[str]:
    filters = item.get("filters") or {}
    if filters.get("jurisdiction"):
        ranked = [r for r in ranked if r in meta and meta[r][0] in filters["jurisdiction"]]
    if filters.get("kind"):
        ranked = [r for r in ranked if r in meta and meta[r][1] in filters["kind"]]
    return ranked


def evaluate(
    engine: Engine, baselines: dict[str, Baseline], items: list[dict[str, Any]], meta: dict[str, tuple[str, str]]
) -> dict[str, Any]:
    """success@5 per system over ``items`` (ours with filters as the API applies them; baselines after ranking)."""
    if not items:
        return {}
    scores: dict[str, int] = {"ours": 0, **dict.fromkeys(baselines, 0)}
    for item in items:
        filters = item.get("filters") or {}
        request = SearchRequest(
            q=str(item["q"]),
            jurisdictions=filters.get("jurisdiction", []),
            kinds=filters.get("kind", []),
            topics=filters.get("topic", []),
            page_size=50,
        )
        ours = list(dict.fromkeys(h.id for h in engine.search(request).hits))
        scores["ours"] += success_at_5(ours, item)
        for name, system in baselines.items():
            scores[name] += success_at_5(_filtered(system.search(str(item["q"]), limit=200), item, meta), item)
    return {"n": len(items), **{name: round(n / len(items), 3) for name, n in scores.items()}}

"""Where the engine's query time goes, measured by taking parts away (the search code is not changed).

    .venv/bin/python -m bench.breakdown BUILD_DIR [--rounds 3]

For the query mix it times: the full search (no result cache); the same without thesaurus
expansion; compiling the queries only; and compiling plus scoring and ranking every match
(facets, stored fields and snippets are the rest).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.queries import QUERIES
from bench.stats import latency_summary
from indexer import search as search_module
from indexer.engine import Engine


def _time(func: Callable[[], Any], rounds: int) -> dict[str, float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        func()
        samples.append(time.perf_counter() - started)
    return latency_summary(samples)


def breakdown(build_dir: Path, rounds: int) -> dict[str, dict[str, float]]:
    engine = Engine.open(build_dir)
    engine.warm()
    index = engine.build().search_index()
    requests = [q.request() for q in QUERIES]

    def full() -> None:
        for request in requests:
            search_module.run_search(index, request)

    def compile_all() -> None:
        for request in requests:
            search_module.compile_request(index, request)

    def rank_all() -> None:
        for request in requests:
            search_module.rank_request(index, request, request.page_size)

    full()  # the postings and analyses a running server has cached
    out = {
        "search (whole mix)": _time(full, rounds),
        "compile only": _time(compile_all, rounds),
        "compile + score + rank": _time(rank_all, rounds),
    }
    original = search_module.QueryCompiler.expansion
    search_module.QueryCompiler.expansion = lambda self, parsed: None  # type: ignore[method-assign]
    try:
        out["search without thesaurus expansion"] = _time(full, rounds)
    finally:
        search_module.QueryCompiler.expansion = original  # type: ignore[method-assign]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("build", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    n = len(QUERIES)
    print(f"| part (whole mix of {n} queries) | median ms | per query ms |\n|---|---:|---:|")
    for name, summary in breakdown(args.build, args.rounds).items():
        print(f"| {name} | {summary['p50_ms']:.0f} | {summary['p50_ms'] / n:.1f} |")


if __name__ == "__main__":
    main()

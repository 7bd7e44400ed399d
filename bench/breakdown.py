"""Where the engine's query time goes, measured by taking parts away (the search code is not changed).

    .venv/bin/python -m bench.breakdown BUILD_DIR [--rounds 3]

For the query mix it times: the full ``Engine.search``; the same without thesaurus expansion;
compiling the query only; and whoosh searching the compiled query for the top 10 with facets
and without (snippets are the rest).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import sorting

from bench.queries import QUERIES
from bench.stats import latency_summary
from indexer import search as search_module
from indexer.engine import Engine

FACETS = {
    "jurisdiction": sorting.FieldFacet("jurisdiction", maptype=sorting.Count),
    "kind": sorting.FieldFacet("kind", maptype=sorting.Count),
    "topics": sorting.FieldFacet("topics", maptype=sorting.Count, allow_overlap=True),
    "year": sorting.FieldFacet("year", maptype=sorting.Count),
}


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
    build = engine.build()
    searcher = build.searcher()
    requests = [q.request() for q in QUERIES]
    for request in requests:
        engine.search(request)

    def compile_all() -> list[Any]:
        return [
            search_module.compile_request(searcher, build.analyzer, build.thesaurus, r, build.resolver)
            for r in requests
        ]

    compiled = compile_all()

    def whoosh(facets: bool) -> Callable[[], None]:
        def run() -> None:
            for query, filter_, _ in compiled:
                searcher.search(query, filter=filter_, limit=10, groupedby=FACETS if facets else None, terms=facets)

        return run

    def full() -> None:
        for request in requests:
            engine.search(request)

    out = {
        "engine.search (whole mix)": _time(full, rounds),
        "compile only": _time(compile_all, rounds),
        "whoosh top 10 + facets": _time(whoosh(True), rounds),
        "whoosh top 10, no facets": _time(whoosh(False), rounds),
    }
    original = search_module.QueryCompiler.expansion
    search_module.QueryCompiler.expansion = lambda self, parsed: None  # type: ignore[method-assign]
    try:
        out["engine.search without thesaurus expansion"] = _time(full, rounds)
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

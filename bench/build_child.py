"""One build in a fresh process, as ``kb build`` does it, with the time of each phase on stdout (JSON).

    python -m bench.build_child --data DIR --out BUILD_DIR

The parent (:mod:`bench.builds`) reads the child's peak RSS from ``os.wait4``. Phases are timed by
wrapping the build's own functions, so the build code is measured unchanged.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import indexer.build as build_module

PHASES: dict[str, float] = {}


def _timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            PHASES[name] = PHASES.get(name, 0.0) + time.perf_counter() - started

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    started = time.perf_counter()
    from kb.loader import load_corpus

    imported = time.perf_counter()
    corpus = load_corpus(args.data)
    loaded = time.perf_counter()
    for name, attr in (
        ("history_s", "history_rows"),
        ("store_s", "write_store"),
        ("index_s", "_write_index"),
        ("analysis_prime_s", "prime_korean"),  # in this process only: not when two processes index
        ("index_processes_s", "_index_in_processes"),
    ):
        setattr(build_module, attr, _timed(name, getattr(build_module, attr)))
    info = build_module.build_kb(corpus, args.out)
    finished = time.perf_counter()
    result = {
        "total_s": finished - started,
        "import_s": imported - started,
        "load_validate_s": loaded - imported,
        "build_s": info.seconds,
        **PHASES,
        "records": info.records,
        "provisions": info.provisions,
        "path": str(info.path),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

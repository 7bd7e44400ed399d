"""The two systems a user might pick instead (:mod:`indexer.baselines`, the same ones ``kb eval`` uses), timed.

Build time excludes making the documents (shared with ours); neither system has facets or filters,
so filters are applied after ranking.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.stats import latency_summary
from indexer.baselines import Fts5Trigram, WhooshDefault
from indexer.documents import documents
from kb.models import Record

Baseline = Fts5Trigram | WhooshDefault


def build_baselines(records: list[Record], workdir: Path) -> tuple[dict[str, Baseline], dict[str, float]]:
    """Both baselines over ``records``, and each one's build time in seconds (documents made once, untimed)."""
    docs = list(documents(records))
    systems: dict[str, Baseline] = {}
    seconds: dict[str, float] = {}
    # the results files name them as they always have
    for name, cls, target in (
        ("sqlite-fts5-trigram", Fts5Trigram, workdir / "fts5.sqlite"),
        ("whoosh-standard-analyzer", WhooshDefault, workdir / "whoosh-default"),
    ):
        started = time.perf_counter()
        systems[name] = cls(docs, target)
        seconds[name] = time.perf_counter() - started
    return systems, seconds


def query_latency(system: Baseline, queries: list[str], rounds: int) -> dict[str, float]:
    samples = []
    for _ in range(rounds):
        for q in queries:
            started = time.perf_counter()
            system.search(q)
            samples.append(time.perf_counter() - started)
    return latency_summary(samples)

"""Small statistics: percentiles of samples, and median / min / max over repeated runs."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from typing import Any


def percentile(samples: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation; 0.0 for no samples."""
    if not samples:
        return 0.0
    ordered = sorted(samples)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    """p50 / p90 / p95 / p99 / mean in milliseconds, and the number of samples."""
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 3),
        "p90_ms": round(percentile(ms, 90), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "p99_ms": round(percentile(ms, 99), 3),
        "mean_ms": round(statistics.fmean(ms), 3) if ms else 0.0,
    }


def spread(values: Iterable[float]) -> dict[str, float]:
    """Median, min and max of one number measured in several repeats."""
    items = list(values)
    if not items:
        return {"median": 0.0, "min": 0.0, "max": 0.0}
    return {
        "median": round(statistics.median(items), 4),
        "min": round(min(items), 4),
        "max": round(max(items), 4),
    }


def combine(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Merge repeats of the same nested dict: every number becomes its :func:`spread`, other values the first."""
    if not runs:
        return {}
    out: dict[str, Any] = {}
    for key, first in runs[0].items():
        values = [run.get(key) for run in runs if key in run]
        if isinstance(first, bool) or not isinstance(first, (int, float, dict)):
            out[key] = first
        elif isinstance(first, dict):
            out[key] = combine([v for v in values if isinstance(v, dict)])
        else:
            out[key] = spread(float(v) for v in values if isinstance(v, (int, float)))
    return out

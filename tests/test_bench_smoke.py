"""The benchmark harness still runs: a tiny synthetic corpus, one repeat, in-process parts only.

It asserts that numbers come out, never how fast they are (timings belong in docs/performance.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from bench import run, synth
from bench.stats import combine, latency_summary, percentile
from kb.loader import load_corpus


def test_synthetic_corpus_is_valid_and_deterministic(tmp_path: Path) -> None:
    first = synth.generate(40, tmp_path / "a", seed=3)
    second = synth.generate(40, tmp_path / "b", seed=3)
    corpus = load_corpus(first)
    assert len(corpus.records) == 40
    assert {r.kind for r in corpus.records} >= {"law", "case"}
    assert all("-synth-" in r.id and r.verification.status.value == "unverified" for r in corpus.records)
    assert all(r.sources[0].url.startswith("https://example.invalid/synthetic/") for r in corpus.records)
    names = sorted(p.relative_to(first) for p in first.rglob("*.yaml"))
    assert names == sorted(p.relative_to(second) for p in second.rglob("*.yaml"))
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)
    changed = synth.modify(first, 0.05)
    assert len(changed) == 2
    load_corpus(first)


def test_stats() -> None:
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert latency_summary([0.001, 0.002])["p50_ms"] == 1.5
    merged = combine([{"a": 1.0, "b": {"c": 2}}, {"a": 3.0, "b": {"c": 4}}])
    assert merged["a"] == {"median": 2.0, "min": 1.0, "max": 3.0}
    assert merged["b"]["c"]["max"] == 4.0


def test_harness_produces_numbers(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    args = run.parse_args(
        [
            "--sizes",
            "50",
            "--no-real",
            "--repeat",
            "1",
            "--rounds",
            "1",
            "--no-http",
            "--workdir",
            str(tmp_path / "work"),
            "--out",
            str(out),
        ]
    )
    run.run(args)
    results = json.loads(out.read_text("utf-8"))
    corpus = results["corpora"]["50"]
    assert corpus["profile"]["records"] == 50
    assert sum(corpus["profile"]["chars"].values()) > 0
    for kind in ("full", "incremental"):
        build = corpus["build"][kind]
        assert build["wall_s"]["median"] > 0
        assert build["records_per_s"]["median"] > 0
        assert build["peak_rss_mb"]["median"] > 0
        assert build["index_bytes"]["median"] > 0 and build["db_bytes"]["median"] > 0
    assert corpus["build"]["incremental"]["changed_records"]["median"] >= 1
    engine = corpus["query"]["engine"]
    assert engine["all"]["n"]["median"] > 0 and engine["all"]["p95_ms"]["median"] > 0
    assert {"ko", "zh", "en", "cross", "citation", "filtered"} <= set(engine)
    for name in ("sqlite-fts5-trigram", "whoosh-standard-analyzer"):
        baseline = corpus["query"]["baselines"][name]
        assert baseline["build_s"]["median"] > 0
        assert baseline["query"]["n"]["median"] > 0
    assert 0 <= corpus["quality"]["ours"] <= 1
    assert "serve" not in corpus

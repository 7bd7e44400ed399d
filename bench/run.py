"""Run the benchmark: build, query, serve, start — and the two baselines side by side — per corpus size.

    .venv/bin/python -m bench.run --sizes 1000,10000 --repeat 3 --out docs/performance-results.json

The real corpus (a snapshot of ``data/``) is measured first unless ``--no-real``; each size is a
synthetic corpus from :mod:`bench.synth`. Every number is reported as median, min and max over the
repeats. Run nothing else heavy at the same time: the machine has two cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from bench import baselines, builds, engine_bench, serve_bench, synth
from bench.queries import QUERIES
from bench.realdata import snapshot
from bench.stats import combine

ROOT = Path(__file__).resolve().parent.parent


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def prepare(name: str, size: int | None, workdir: Path, seed: int) -> tuple[Path, dict[str, Any]]:
    data = workdir / name / "data"
    if size is None:
        return data, snapshot(ROOT / "data", data)
    started = time.perf_counter()
    synth.generate(size, data, seed=seed)
    return data, {"generate_s": round(time.perf_counter() - started, 2), "seed": seed}


def bench_builds(data: Path, workdir: Path, repeat: int, fraction: float) -> tuple[dict[str, Any], Path]:
    runs = []
    build_dir = workdir / "build-0"
    for i in range(repeat):
        build_dir = workdir / f"build-{i}"
        shutil.rmtree(build_dir, ignore_errors=True)
        runs.append(builds.build_repeat(data, build_dir, fraction, seed=100 + i))
        log(
            f"  build {i + 1}/{repeat}: full {runs[-1]['full']['wall_s']:.1f} s, "
            f"incremental {runs[-1]['incremental']['wall_s']:.1f} s"
        )
    return {
        "full": combine([r["full"] for r in runs]),
        "incremental": combine([r["incremental"] for r in runs]),
    }, build_dir


def bench_queries(
    data: Path, build_dir: Path, workdir: Path, repeat: int, rounds: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Engine latency, baselines (build time, latency), success@5 on the corpus's eval set."""
    from indexer.engine import Engine
    from kb.loader import load_corpus

    corpus = load_corpus(data)
    engine = Engine.open(build_dir)
    engine_runs = [engine_bench.engine_latency(engine, rounds) for _ in range(repeat)]
    texts = [q.q for q in QUERIES]
    baseline_runs: list[dict[str, Any]] = []
    systems: dict[str, baselines.Baseline] = {}
    for i in range(repeat):
        target = workdir / f"baselines-{i}"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        systems, seconds = baselines.build_baselines(corpus.records, target)
        baseline_runs.append(
            {
                name: {"build_s": seconds[name], "query": baselines.query_latency(system, texts, rounds)}
                for name, system in systems.items()
            }
        )
    meta = {r.id: (r.jurisdiction, r.kind) for r in corpus.records}
    eval_path = data / "eval" / "queries.yaml"
    if not eval_path.is_file():
        eval_path = ROOT / "data" / "eval" / "queries.yaml"
    quality = engine_bench.evaluate(engine, systems, engine_bench.load_eval(eval_path), meta)
    if quality:
        quality["eval_set"] = str(eval_path.relative_to(ROOT) if eval_path.is_relative_to(ROOT) else eval_path.name)
    return {"engine": combine(engine_runs), "baselines": combine(baseline_runs)}, quality


def bench_serve(
    build_dir: Path, repeat: int, workers: list[int], concurrency: list[int], seconds: float
) -> dict[str, Any]:
    out = {}
    for count in workers:
        for cached in (True, False):
            runs = []
            for i in range(repeat):
                runs.append(serve_bench.serve_repeat(build_dir, count, concurrency, seconds, result_cache=cached))
                log(f"  serve {count} worker(s), result cache {cached}, {i + 1}/{repeat}")
            out[f"workers_{count}" + ("" if cached else "_uncached")] = combine(runs)
    return out


def bench_corpus(name: str, size: int | None, args: argparse.Namespace) -> dict[str, Any]:
    workdir = args.workdir / name
    log(f"corpus {name}: preparing")
    data, prepared = prepare(name, size, args.workdir, args.seed)
    result: dict[str, Any] = {"prepared": prepared, "profile": builds.corpus_profile(data)}
    result["loadavg_before"] = os.getloadavg()
    log(f"corpus {name}: {result['profile']['records']} records; building x{args.repeat}")
    result["build"], build_dir = bench_builds(data, workdir, args.repeat, args.fraction)
    if args.queries:
        log(f"corpus {name}: queries")
        result["query"], result["quality"] = bench_queries(data, build_dir, workdir, args.repeat, args.rounds)
    if args.http and args.queries:
        log(f"corpus {name}: serving")
        result["serve"] = bench_serve(build_dir, args.repeat, args.workers, args.concurrency, args.seconds)
    result["loadavg_after"] = os.getloadavg()  # other processes on the machine make timings noisy
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return result


def _ints(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_ints, default=[1000], help="synthetic sizes, comma-separated")
    parser.add_argument("--no-real", dest="real", action="store_false", help="skip the snapshot of data/")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the query mix per repeat")
    parser.add_argument("--fraction", type=float, default=0.01, help="share of records changed for the rebuild")
    parser.add_argument("--no-http", dest="http", action="store_false", help="in-process parts only")
    parser.add_argument("--builds-only", dest="queries", action="store_false", help="measure builds only")
    parser.add_argument("--workers", type=_ints, default=[1, os.cpu_count() or 2])
    parser.add_argument("--concurrency", type=_ints, default=[1, 16, 64])
    parser.add_argument("--seconds", type=float, default=6.0, help="duration of each load test")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kb-bench"))
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora and builds")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance-results.json")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> dict[str, Any]:
    corpora: list[tuple[str, int | None]] = ([("real", None)] if args.real else []) + [
        (str(size), size) for size in args.sizes
    ]
    results: dict[str, Any] = {
        "meta": {
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores",
            "argv": sys.argv[1:],
            "repeat": args.repeat,
            "rounds": args.rounds,
            "queries": [{"q": q.q, "category": q.category, "filtered": q.filtered} for q in QUERIES],
        },
        "corpora": {},
    }
    for name, size in corpora:
        results["corpora"][name] = bench_corpus(name, size, args)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")
    return results


def main() -> None:
    args = parse_args()
    run(args)
    log(f"results in {args.out}")


if __name__ == "__main__":
    main()

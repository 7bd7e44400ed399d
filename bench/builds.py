"""Build benchmarks: a full build and an incremental rebuild, each in a child process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.synth import FOLDERS, modify

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = {
    "ko": re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]"),
    "zh": re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    "latin": re.compile("[A-Za-z0-9\u00c0-\u024f]"),
}


def record_files(data_dir: Path) -> list[Path]:
    return sorted(p for folder in FOLDERS.values() for p in (data_dir / folder).rglob("*.y*ml"))


def corpus_profile(data_dir: Path) -> dict[str, Any]:
    """Files, bytes and characters per script of the record files (what the build has to analyse)."""
    files = record_files(data_dir)
    chars = dict.fromkeys(SCRIPTS, 0)
    size = 0
    for path in files:
        text = path.read_text("utf-8")
        size += len(text.encode())
        for script, pattern in SCRIPTS.items():
            chars[script] += len(pattern.findall(text))
    return {
        "records": len(files),
        "bytes": size,
        "mean_record_bytes": round(size / len(files)) if files else 0,
        "chars": chars,
    }


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run_build(data_dir: Path, build_dir: Path) -> dict[str, Any]:
    """``kb build`` in a child process: its phases, wall time, peak RSS, and the sizes it wrote."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.build_child", "--data", str(data_dir), "--out", str(build_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    with process.stdout, process.stderr:
        out = process.stdout.read()  # a build prints little, so reading one pipe after the other cannot block
        err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"build of {data_dir} failed: {err.decode()[-2000:]}")
    result: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    path = Path(result.pop("path"))
    result["wall_s"] = wall
    result["peak_rss_mb"] = usage.ru_maxrss / 1024
    result["index_bytes"] = dir_size(path / "index")
    result["db_bytes"] = (path / "kb.sqlite").stat().st_size
    return result


def rates(build: dict[str, Any], profile: dict[str, Any]) -> dict[str, float]:
    """Records/s and characters/s per script, over the whole build (load and validation included)."""
    wall = build["wall_s"]
    out = {"records_per_s": profile["records"] / wall}
    out.update({f"{script}_chars_per_s": n / wall for script, n in profile["chars"].items()})
    return out


def build_repeat(data_dir: Path, build_dir: Path, fraction: float, seed: int) -> dict[str, Any]:
    """A full build into a fresh ``build_dir``, then a rebuild after changing ``fraction`` of the records."""
    profile = corpus_profile(data_dir)
    full = run_build(data_dir, build_dir)
    full.update(rates(full, profile))
    changed = modify(data_dir, fraction, seed=seed)
    incremental = run_build(data_dir, build_dir)
    incremental.update(rates(incremental, profile))
    incremental["changed_records"] = len(changed)
    return {"full": full, "incremental": incremental}

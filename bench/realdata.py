"""A snapshot of ``data/`` that builds, whatever state the people filling it left it in.

Records are copied as they are. If the snapshot does not validate, relations to records that are not
there yet are removed from the copy, and files that still fail are left out; what was done is returned.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from kb.errors import DataError
from kb.loader import load_corpus
from kb.yaml_source import read_yaml


def _drop_dangling(relations: list[Any], ids: set[str]) -> tuple[list[Any], int]:
    kept = [r for r in relations if not isinstance(r, dict) or r.get("target") in ids]
    return kept, len(relations) - len(kept)


def _fix_relations(path: Path, ids: set[str]) -> int:
    data = read_yaml(path.name, path.read_bytes()).data
    removed = 0
    if isinstance(data.get("relations"), list):
        data["relations"], n = _drop_dangling(data["relations"], ids)
        removed += n
    for provision in data.get("provisions") or []:
        if isinstance(provision, dict) and isinstance(provision.get("relations"), list):
            provision["relations"], n = _drop_dangling(provision["relations"], ids)
            removed += n
    if removed:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), "utf-8")
    return removed


def snapshot(data_dir: Path, out: Path) -> dict[str, Any]:
    """Copy ``data_dir`` to ``out`` and make it build; return what had to be changed."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(data_dir, out, ignore=shutil.ignore_patterns("eval"))
    report: dict[str, Any] = {"relations_removed": 0, "files_left_out": []}
    ids = {p.stem for p in out.rglob("*.yaml")}
    for _ in range(3):
        try:
            load_corpus(out)
            return report
        except DataError as exc:
            files = {out.parent / issue.file for issue in exc.issues}
        removed = sum(_fix_relations(path, ids) for path in files if path.is_file())
        report["relations_removed"] += removed
        if not removed:
            break
    try:
        load_corpus(out)
    except DataError as exc:
        for path in {out.parent / issue.file for issue in exc.issues}:
            if path.is_file():
                report["files_left_out"].append(str(path.relative_to(out)))
                path.unlink()
        load_corpus(out)
    return report

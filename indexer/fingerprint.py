"""The data version: a hash of every file under the data folder (names and bytes)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kb.loader import RECORD_SUFFIXES


def data_version(data_dir: Path | str) -> str:
    """A short, stable hash of the data folder; it changes whenever any YAML file changes."""
    root = Path(data_dir)
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in RECORD_SUFFIXES):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]

"""The data version: a hash of the files a build is made from (registries and records)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kb.loader import record_files
from kb.registry import registry_paths


def data_version(data_dir: Path | str) -> str:
    """A short, stable hash of the registries and every record file; it changes whenever one of them does."""
    root = Path(data_dir)
    digest = hashlib.sha256()
    for path in [*registry_paths(root), *record_files(root)]:
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]

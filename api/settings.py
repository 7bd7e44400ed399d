"""Service settings, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    build_dir: Path
    warm: bool = True
    result_cache: int = 1024


@lru_cache
def get_settings() -> Settings:
    """``KB_BUILD_DIR`` (default ``build``), ``KB_WARM`` (default on) and ``KB_RESULT_CACHE``: how many
    recent search results each worker keeps (default 1024; 0 turns the cache off, for benchmarks)."""
    return Settings(
        build_dir=Path(os.environ.get("KB_BUILD_DIR", "build")),
        warm=os.environ.get("KB_WARM", "1") != "0",
        result_cache=max(0, int(os.environ.get("KB_RESULT_CACHE", "1024"))),
    )

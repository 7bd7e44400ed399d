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


@lru_cache
def get_settings() -> Settings:
    """``KB_BUILD_DIR`` (default ``build``) and ``KB_WARM`` (default on)."""
    return Settings(
        build_dir=Path(os.environ.get("KB_BUILD_DIR", "build")),
        warm=os.environ.get("KB_WARM", "1") != "0",
    )

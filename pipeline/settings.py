"""The options one run was started with, shared by every command that reads sources."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.outputs import ONLY_WORDS


@dataclass(frozen=True)
class Settings:
    sources: Path = Path("sources")
    out: Path = Path("build")
    cache: Path = Path(".cache")
    strict: bool = False
    debug: bool = False
    engine: str | None = None  # overrides the profile's speech engine
    only: frozenset[str] = field(default_factory=lambda: frozenset(ONLY_WORDS))
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)

    @property
    def practice_file(self) -> Path:
        return self.sources / "practice.toml"

    @property
    def articles_dir(self) -> Path:
        return self.sources / "articles"

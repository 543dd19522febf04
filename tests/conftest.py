"""Shared fixtures: the real profile and seed article, a short article, and golden-file checks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.article.model import Article
from pipeline.sources.articles import parse_article, read_article
from pipeline.sources.practice import Practice
from pipeline.sources.profile import load_practice

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"

SHORT_ARTICLE = """\
---
title: Sleep and Worry
slug: sleep-and-worry
summary: Why worry keeps us awake, and two small things that help.
updated: 2025-03-14
---

Worry often gets louder at night. Dr. Lee says that is normal.

## What helps?

- Write the worry down.
- Get up if you can't sleep after 20 minutes.
"""


# The short article's narration as timed on a 6-second recording: (start, end, text, block).
SHORT_ARTICLE_CUES = (
    (0, 900, "Sleep and Worry", 0),
    (1000, 2200, "Worry often gets louder at night.", 1),
    (2400, 3300, "Dr. Lee says that is normal.", 1),
    (3600, 4200, "What helps?", 2),
    (4500, 5200, "Write the worry down.", 3),
    (5300, 5900, "Get up if you can't sleep after 20 minutes.", 4),
)

# The seed article's H2 headings, as an editor wrote them.
SEED_HEADINGS = (
    "Where does the concept of codependency come from?",
    "What does it mean to be codependent—outside of addiction?",
    "Don’t the healthiest relationships involve some dependency?",
    "Can feeling codependent cause relationship distress?",
    "Stay engaged instead of withdrawing",
    "Healthy dependency can actually be a gift",
    "You don’t have to figure this out alone",
)


@pytest.fixture(scope="session")
def practice() -> Practice:
    return load_practice(ROOT / "sources" / "practice.toml")


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return read_article(ROOT / "sources" / "articles" / "codependency.md")


@pytest.fixture(scope="session")
def short_article() -> Article:
    return parse_article(SHORT_ARTICLE.encode(), "short.md", default_slug="sleep-and-worry")


@pytest.fixture
def golden():
    """Compare text with tests/golden/NAME; `make golden` (UPDATE_GOLDEN=1) rewrites the files."""

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert path.exists(), f"no golden file {path}; run `make golden` and review the diff"
        assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"

    return check


@pytest.fixture(scope="session")
def spanish_article() -> Article:
    """A short article in Spanish (`lang: es`): a title, a question, a list, an address, a quote."""
    return read_article(ROOT / "tests" / "fixtures" / "article_in_spanish.md")

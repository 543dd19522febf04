"""A practice with clinicians, and three short articles a clinician might give together."""

from __future__ import annotations

import pytest

from pipeline.packets import Packet
from pipeline.sources import Clinician, parse_article, read_article
from tests.conftest import FIXTURES

PANIC = """\
---
title: "Panic Attacks: What They Are and How to Ride Them Out"
slug: panic-attacks
summary: A panic attack is frightening, and it passes.
updated: 2025-05-02
---

A panic attack is a sudden wave of fear. It peaks within minutes and then passes.

## Riding it out

Breathe out slowly. Name five things you can see.
"""

ANA = Clinician(key="ana", name="Ana Núñez", credentials="LCSW", email="ana@example.com")


@pytest.fixture(scope="session")
def clinic(practice):
    """The project's profile with one clinician."""
    return practice.model_copy(update={"clinicians": (ANA,)})


@pytest.fixture(scope="session")
def three(short_article):
    """Three handouts in the order given: short ones, and one with every kind of block."""
    panic = parse_article(PANIC.encode(), "panic-attacks.md", default_slug="panic-attacks")
    return [short_article, panic, read_article(FIXTURES / "article_with_every_block.md")]


@pytest.fixture(scope="session")
def starter(three):
    return Packet("starter", "Starting out", tuple(article.slug for article in three), "ana", True,
                  "sources/packets/starter.toml")

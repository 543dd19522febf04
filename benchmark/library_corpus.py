"""A generated library for the bench: many different articles, every sentence its own, so a cold
build speaks and renders each one anew."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

TOPICS = ("anxiety", "sleep", "couples", "grief", "parenting", "stress", "depression", "trauma")
SUBJECTS = ("Worry", "Sleep", "Anger", "Grief", "Trust", "Habits", "Boundaries", "Rest", "Panic", "Hope")


def seed_sentences(seed: Path) -> list[str]:
    """The seed article's prose, one sentence an item."""
    body = seed.read_text(encoding="utf-8").split("---\n", 2)[2]
    prose = " ".join(line for line in body.splitlines() if line and not line.startswith(("#", "-", ">", "|")))
    return [s for s in re.split(r"(?<=[.!?])\s+", prose) if len(s.split()) >= 6]


def write_corpus(articles: Path, count: int, seed: Path, sentences: int = 18) -> None:
    """`count` articles of `sentences` sentences each, in sections, with tags and dates."""
    pool = seed_sentences(seed)
    articles.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        subject = SUBJECTS[n % len(SUBJECTS)]
        lines = ["---", f"title: {subject} and you, note {n + 1}",
                 f"summary: What note {n + 1} says about {subject.lower()}, and what helps.",
                 f"updated: {date(2024, 1, 1) + timedelta(days=(n * 37) % 700)}",
                 f"tags: [{TOPICS[n % len(TOPICS)]}, {TOPICS[(n * 3 + 1) % len(TOPICS)]}]", "---", ""]
        for i in range(0, sentences, 3):  # paragraphs of three sentences, a heading every nine
            if i % 9 == 0:
                lines += [f"## Part {i // 9 + 1} of note {n + 1}", ""]
            paragraph = [pool[(n * sentences + k) % len(pool)] for k in range(i, min(i + 3, sentences))]
            lines += [" ".join(f"In note {n + 1}, {s[0].lower()}{s[1:]}" for s in paragraph), ""]
        (articles / f"note-{n + 1:03}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

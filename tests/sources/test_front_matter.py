"""Front matter is read safely: no YAML anchors or aliases, and messages show only an excerpt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.errors import SourceError
from pipeline.sources import parse_article

# A "billion laughs": each line nine times the one before; fully expanded, gigabytes of strings.
BOMB = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},"
    f"*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)}]\n" for n in range(9)
) + "title: j\n---\nBody\n"


def test_anchors_and_aliases_are_refused_with_the_file_and_line() -> None:
    with pytest.raises(SourceError) as caught:
        parse_article(BOMB.encode(), "bomb.md", default_slug="bomb")
    (problem,) = caught.value.problems
    assert problem.startswith("bomb.md: front matter (line 2): YAML anchors and aliases")
    assert len(problem) < 200


def test_an_alias_bomb_costs_no_memory() -> None:
    """Read in a process that may use 400 MB: expanding the aliases would need far more."""
    probe = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (400_000_000, 400_000_000)); "
             "from pipeline.errors import SourceError; from pipeline.sources import parse_article\n"
             "try:\n    parse_article(sys.stdin.buffer.read(), 'bomb.md', 'bomb')\n"
             "except SourceError as e:\n    print(e)")
    result = subprocess.run([sys.executable, "-c", probe], input=BOMB.encode(), capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()[-500:]
    assert b"anchors and aliases" in result.stdout


def test_a_huge_value_is_shown_as_an_excerpt() -> None:
    raw = "---\ntitle: [" + ", ".join(["x" * 50] * 2000) + "]\n---\nBody\n"
    with pytest.raises(SourceError) as caught:
        parse_article(raw.encode(), "big.md", default_slug="big")
    (problem,) = caught.value.problems
    assert problem.startswith("big.md: title: expected text, got ")
    assert len(problem) < 200

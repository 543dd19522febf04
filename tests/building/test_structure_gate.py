"""A hand-written article whose handout would print wrong is refused by `build`, before any output is made."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from pipeline.building import MAKERS, build
from pipeline.settings import Settings
from tests.conftest import SHORT_ARTICLE

ROOT = Path(__file__).resolve().parents[2]


def test_an_article_with_a_heading_over_nothing_is_refused_and_nothing_of_it_is_written(tmp_path):
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources)
    source = sources / "articles" / "sleep-and-worry.md"
    source.write_text(SHORT_ARTICLE + "\n## Resources\n")
    settings = Settings(sources=sources, out=tmp_path / "build", cache=tmp_path / "cache", only=frozenset({"pdf"}))
    rendered = []

    def handout(article, practice, edition):
        rendered.append(article.slug)
        return MAKERS.handout(article, practice, edition)

    report = build(settings, makers=replace(MAKERS, handout=handout))
    assert not report.ok and rendered == [] and report.results == []
    assert report.problems == [f"{source}: line 15: heading 'Resources' has nothing under it; "
                               "expected text after it, or delete it"]
    assert not (settings.out / "sleep-and-worry").exists()

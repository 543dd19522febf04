"""One article's failure, whatever the exception, skips only that article and names the step."""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.building import MAKERS, build
from pipeline.commands import check
from pipeline.settings import Settings
from tests.conftest import SHORT_ARTICLE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources)
    (sources / "articles" / "sleep-and-worry.md").write_text(SHORT_ARTICLE)
    (sources / "articles" / "doomed.md").write_text(SHORT_ARTICLE.replace("slug: sleep-and-worry", "slug: doomed"))
    return Settings(sources=sources, out=tmp_path / "build", cache=tmp_path / "cache",
                    only=frozenset({"pdf"}), jobs=2)


@pytest.mark.parametrize("failure", [RuntimeError("renderer bug"), KeyError("page"), ZeroDivisionError()],
                         ids=["runtime", "key", "zero-division"])
def test_a_failing_handout_skips_only_its_article(settings, failure):
    def render(article, practice, edition):
        if article.slug == "doomed":
            raise failure
        return MAKERS.handout(article, practice, edition)

    report = build(settings, makers=replace(MAKERS, handout=render))
    assert not report.ok
    assert [result.slug for result in report.results] == ["sleep-and-worry"]
    assert (settings.out / "sleep-and-worry" / "sleep-and-worry.pdf").is_file()
    assert not (settings.out / "doomed").exists() or not any((settings.out / "doomed").glob("*.pdf"))
    assert len(report.problems) == 1, report.problems
    line = report.problems[0]
    assert line.startswith("doomed: rendering the regular handout: unexpected ") or \
        line.startswith("doomed: rendering the large-print handout: unexpected ")
    assert type(failure).__name__ in line and "\n" not in line


def test_a_failing_article_skips_only_itself_in_check(settings, monkeypatch):
    check_module = sys.modules["pipeline.commands.check"]
    real = check_module.article_check

    def scored(article, *rest):
        if article.slug == "doomed":
            raise ValueError("textstat bug")
        return real(article, *rest)

    monkeypatch.setattr(check_module, "article_check", scored)
    report = check(settings)
    assert report.problems == ["doomed: checking: unexpected ValueError: textstat bug"]
    assert report.lines[0].startswith("sleep-and-worry: too short to score: ") and len(report.lines) == 2

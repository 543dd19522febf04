"""A library of fifty: a bad article, a failing one and one past the profile's limits are each
reported in one line, before any work for it, and the others build (renderers counted, not run)."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest

from pipeline.audio import rough_listening_ms
from pipeline.audio.recording.finished import Chapter, Cue, Recording
from pipeline.building import MAKERS, build
from pipeline.building.limits import estimated_pages
from pipeline.commands.check import check
from pipeline.errors import ConfigError, RenderError
from pipeline.settings import Settings
from pipeline.sources.profile import parse_practice
from tests.rebuild.test_incremental import Calls, count_scripts

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = """---
title: Article {n}
summary: Number {n}.
updated: 2025-03-14
tags: [topic-{topic}]
---

Worry often gets louder at night. This is article {n}.
"""
# A whole website pasted as one article, without a line break: about 700 KB.
WEBSITE = "---\ntitle: Everything\n---\n\n" + " ".join(
    f"Post {n} says that worry often gets louder at night, and that writing it down helps." for n in range(8000))


def tiny_pdf() -> bytes:
    document = pikepdf.new()
    document.add_blank_page()
    out = io.BytesIO()
    document.save(out, deterministic_id=True)
    return out.getvalue()


@pytest.fixture
def library(tmp_path):
    """Fifty articles (one with broken front matter, one whose handout fails) and the website
    pasted as one; makers that count their calls."""
    calls = Calls()

    def render_handout(article, practice, edition, *args, **kwargs):
        calls[f"{article.slug}:{edition}"] += 1
        if article.slug == "article-13":
            raise RenderError("the handout could not be laid out")
        return tiny_pdf()

    def record(script, practice, engine, cache_dir, *args, **kwargs):
        calls[f"{script.slug}:audio"] += 1
        return Recording(mp3=b"ID3", captions="WEBVTT\n", duration_ms=1000,
                         chapters=(Chapter("Introduction", 0, 1000),), cues=(Cue(0, 1000, "Hi.", 0),))

    def render_email(article, practice, *args, **kwargs):
        calls[f"{article.slug}:email"] += 1
        return b"draft"

    calls.makers = replace(MAKERS, handout=render_handout, recording=record, email=render_email,
                           ebook=lambda article, *args: b"book")  # the fake captions
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources / "practice.toml")
    for n in range(50):
        text = ARTICLE.format(n=n, topic=n % 5)
        if n == 7:
            text = text.replace("title: Article 7", "title: [Article 7")  # broken YAML
        (sources / "articles" / f"article-{n:02}.md").write_text(text)
    (sources / "articles" / "everything.md").write_text(WEBSITE)
    settings = Settings(sources=sources, out=tmp_path / "build", cache=tmp_path / "cache", jobs=2)
    return calls, settings


def test_a_bad_and_a_failing_article_among_fifty_are_reported_and_the_others_build(library):
    calls, settings = library
    report = build(settings, makers=calls.makers)
    articles = settings.articles_dir
    assert len(report.problems) == 4, report.problems
    assert any(p.startswith(f"{articles / 'article-07.md'}: ") for p in report.problems)
    assert "article-13: rendering the regular handout: the handout could not be laid out" in report.problems
    built = sorted(result.slug for result in report.results)
    assert len(built) == 48 and "article-07" not in built and "article-13" not in built
    assert not (settings.out / "article-07").exists() and not (settings.out / "article-13" / "index.html").exists()
    index = (settings.out / "index.html").read_text()
    # the 50 readable articles are listed; the two that did not build are marked and link nowhere
    assert index.count('<li class="entry">') == 50 and index.count("Not built yet") == 2
    assert "article-13/index.html" not in index
    assert all((settings.out / slug / "index.html").is_file() for slug in built)


def test_an_article_past_the_limits_is_refused_in_one_line_before_any_work(library, monkeypatch):
    calls, settings = library
    count_scripts(calls)
    report = build(settings, makers=calls.makers)
    source = settings.articles_dir / "everything.md"
    refused = [p for p in report.problems if p.startswith(f"{source}: ")]
    assert len(refused) == 2, refused
    minutes, pages = refused
    assert minutes.startswith(f"{source}: its narration would run about ")
    assert minutes.endswith(f" minutes, over limits.max_listening_minutes = 60 in {settings.practice_file}; "
                            "split the article, or raise the limit")
    assert f"pages, over limits.max_handout_pages = 40 in {settings.practice_file}" in pages
    # nothing rendered, spoken or even scripted: the library page lists it with a quick estimate
    assert not [call for call in calls if call.startswith("everything:")]
    assert not (settings.out / "everything").exists()


def test_the_limits_come_from_the_profile(library):
    calls, settings = library
    (settings.articles_dir / "everything.md").write_text(WEBSITE[:100_000])  # about 95 minutes, 50 pages
    (settings.articles_dir / "article-07.md").unlink()
    (settings.articles_dir / "article-13.md").unlink()
    settings = Settings(sources=settings.sources, out=settings.out, cache=settings.cache, jobs=2,
                        only=frozenset({"pdf"}))
    assert len(build(settings, makers=calls.makers).problems) == 2
    profile = settings.practice_file
    profile.write_text(profile.read_text().replace("max_listening_minutes = 60", "max_listening_minutes = 120")
                       .replace("max_handout_pages = 40", "max_handout_pages = 60"))
    report = build(settings, makers=calls.makers)
    assert report.ok, report.problems
    assert calls["everything:regular"] == 1


def test_check_reports_the_article_past_the_limits(library):
    _, settings = library
    report = check(settings)
    assert sum("everything.md: its narration would run about" in p for p in report.problems) == 1
    assert not [line for line in report.lines if line.startswith("everything:")]


def test_the_quick_estimates_match_the_script_and_the_seed_handout(seed_article, practice):
    from pipeline.audio import narration_script

    script_ms = narration_script(seed_article, practice).estimated_ms(practice.speech.speaking_rate)
    assert rough_listening_ms(seed_article, practice) == pytest.approx(script_ms, rel=0.1)
    assert estimated_pages(seed_article) == 5  # the seed's regular handout has 5 pages (BENCHMARKS.md)


@pytest.mark.parametrize("key, value, message", [
    ("max_listening_minutes", "0", "limits.max_listening_minutes: expected a number at least 1, got 0"),
    ("max_handout_pages", '"many"', "limits.max_handout_pages: expected a whole number, got 'many'"),
])
def test_limits_are_validated_with_file_and_key(key, value, message):
    text = (ROOT / "sources" / "practice.toml").read_text()
    text = "\n".join(f"{key} = {value}" if line.startswith(f"{key} =") else line for line in text.splitlines())
    with pytest.raises(ConfigError) as raised:
        parse_practice(text, "sources/practice.toml")
    assert raised.value.problems == (f"sources/practice.toml: {message}",)

"""Dependency tracking: which outputs rebuild after which change (renderers counted, not timed)."""

from __future__ import annotations

import io
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest

from pipeline.audio.recording.finished import Chapter, Cue, Recording
from pipeline.building import MAKERS, Makers, build
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SECOND = """---
title: Sleep and Worry
summary: Why worry keeps us awake.
updated: 2025-03-14
---

Worry often gets louder at night.
"""


def tiny_pdf(label: str) -> bytes:
    document = pikepdf.new()
    document.add_blank_page()
    document.docinfo["/Title"] = label
    out = io.BytesIO()
    document.save(out, deterministic_id=True)
    return out.getvalue()


@pytest.fixture
def counted(tmp_path):
    """Real build orchestration with makers that count their calls instead of rendering."""
    calls = Calls()

    def render_handout(article, practice, edition):
        calls[f"{article.slug}:{edition}"] += 1
        return tiny_pdf(f"{article.title} {practice.practice.phone} {edition}")

    def record(script, practice, engine, cache_dir, progress=None, updated=None, sources=None, voice=None):
        calls[f"{script.slug}:audio"] += 1
        text = " ".join(segment.spoken for segment in script.segments)
        return Recording(mp3=text.encode(), captions="WEBVTT\n", duration_ms=1000,
                         chapters=(Chapter("Introduction", 0, 1000),), cues=(Cue(0, 1000, "Hi.", 0),))

    def render_email(article, practice, handout, large_print, recording, epub=None):
        calls[f"{article.slug}:email"] += 1
        return handout + recording.mp3

    def render_epub(article, practice, script, recording):
        calls[f"{article.slug}:epub"] += 1
        return f"{article.title} {practice.practice.phone} {recording.mp3 if recording else ''}".encode()

    def render_library_page(articles, recordings, practice, not_built=(), ebooks=()):
        calls["index"] += 1  # an article listed but not built yet shows as "slug?"
        return "<html>" + " ".join(a.slug + ("?" if a.slug in not_built else "") for a in articles) + "</html>"

    def render_article_page(article, recording, practice, built):
        calls[f"{article.slug}:page"] += 1
        return f"<html>{article.title} {' '.join(built)}</html>"

    calls.makers = replace(MAKERS, handout=render_handout, recording=record, email=render_email, ebook=render_epub,
                     library_page=render_library_page, article_page=render_article_page)
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    (sources / "articles" / "sleep-and-worry.md").write_text(SECOND)
    settings = Settings(sources=sources, out=tmp_path / "build", cache=tmp_path / "cache", jobs=1)
    return calls, settings


class Calls(Counter):
    """The makers' calls, counted, and the makers that count them (the build's seam)."""

    makers: Makers = MAKERS


def count_scripts(calls: Calls) -> None:
    """Count each narration script written, by article, as `<slug>:script` in `calls`."""
    from pipeline.audio import narration_script

    def script(article, practice):
        calls[f"{article.slug}:script"] += 1
        return narration_script(article, practice)

    calls.makers = replace(calls.makers, script=script)


def run_build(calls: Calls, settings: Settings, **kwargs) -> Counter:
    calls.clear()
    report = build(settings, makers=calls.makers, **kwargs)
    assert report.ok, report.problems
    return Counter(calls)


EVERYTHING = {f"{slug}:{part}": 1 for slug in ("codependency", "sleep-and-worry")
              for part in ("regular", "large-print", "audio", "epub", "email", "page")} | {"index": 1}


def test_first_build_renders_everything_once(counted):
    calls, settings = counted
    assert run_build(calls, settings) == Counter(EVERYTHING)
    for slug in ("codependency", "sleep-and-worry"):
        names = sorted(p.name for p in (settings.out / slug).iterdir())
        assert names == sorted([".manifest.json", f"{slug}.pdf", f"{slug}-large-print.pdf", f"{slug}.mp3",
                                f"{slug}.vtt", f"{slug}.epub", f"{slug}.eml", "index.html"])
    assert (settings.out / "index.html").read_text() == "<html>codependency sleep-and-worry</html>"


def test_nothing_changed_rebuilds_nothing(counted):
    calls, settings = counted
    run_build(calls, settings)
    assert run_build(calls, settings) == Counter()


def test_editing_one_article_rebuilds_only_that_article_and_the_index(counted):
    calls, settings = counted
    run_build(calls, settings)
    path = settings.articles_dir / "sleep-and-worry.md"
    path.write_text(path.read_text().replace("louder at night", "louder after dark"))
    assert run_build(calls, settings) == Counter({
        "sleep-and-worry:regular": 1, "sleep-and-worry:large-print": 1, "sleep-and-worry:audio": 1,
        "sleep-and-worry:epub": 1, "sleep-and-worry:email": 1, "sleep-and-worry:page": 1, "index": 1})


def test_phone_change_rebuilds_the_stamp_everywhere(counted):
    calls, settings = counted
    run_build(calls, settings)
    profile = settings.practice_file
    profile.write_text(profile.read_text().replace("(704) 555-0123", "(704) 555-0199"))
    assert run_build(calls, settings) == Counter(EVERYTHING)
    with pikepdf.open(settings.out / "codependency" / "codependency.pdf") as pdf:
        assert "(704) 555-0199" in str(pdf.docinfo["/Title"])


def test_speech_settings_rebuild_audio_email_and_index_but_not_handouts(counted):
    calls, settings = counted
    run_build(calls, settings)
    profile = settings.practice_file
    profile.write_text(profile.read_text().replace("speaking_rate = 1.0", "speaking_rate = 0.85"))
    changed = run_build(calls, settings)
    assert changed == Counter({f"{slug}:{part}": 1 for slug in ("codependency", "sleep-and-worry")
                               for part in ("audio", "email", "page")} | {"index": 1})
    # (the e-book is rebuilt only when the new MP3's bytes or timings differ; these fake ones do not)


def test_email_budget_change_rebuilds_nothing_and_the_warning_follows_it(counted):
    """The budget decides a warning, never a byte of a draft, a page or the library page."""
    calls, settings = counted
    run_build(calls, settings)
    profile = settings.practice_file
    profile.write_text(profile.read_text().replace("budget_mb = 10", "budget_mb = 0.0001"))
    calls.clear()
    report = build(settings, makers=calls.makers)
    assert report.ok and calls == Counter()
    over = [warning for warning in report.warnings if "over the e-mail budget of 0.0001 MB" in warning]
    assert [warning.split(":")[0] for warning in over] == [
        str(settings.out / slug / f"{slug}.eml") for slug in ("codependency", "sleep-and-worry")]


def test_deleted_or_damaged_output_is_rebuilt(counted):
    calls, settings = counted
    run_build(calls, settings)
    (settings.out / "codependency" / "codependency.mp3").unlink()
    (settings.out / "sleep-and-worry" / ".manifest.json").write_text("{not json")
    changed = run_build(calls, settings)
    assert changed["codependency:audio"] == 1 and changed["codependency:regular"] == 0
    assert all(changed[f"sleep-and-worry:{part}"] == 1 for part in ("regular", "large-print", "audio", "email"))


def test_only_pdf_builds_just_the_handouts(counted):
    calls, settings = counted
    settings = Settings(sources=settings.sources, out=settings.out, cache=settings.cache, jobs=1,
                        only=frozenset({"pdf"}))
    assert run_build(calls, settings) == Counter({f"{slug}:{edition}": 1
                                                  for slug in ("codependency", "sleep-and-worry")
                                                  for edition in ("regular", "large-print")})
    assert not (settings.out / "index.html").exists()


def test_named_article_builds_alone_but_the_index_lists_every_built_article(counted):
    calls, settings = counted
    run_build(calls, settings)
    path = settings.articles_dir / "codependency.md"
    path.write_text(path.read_text().replace("garden variety", "ordinary"))
    changed = run_build(calls, settings, slugs=("sleep-and-worry",))
    # The library page and the article's own page show every article's current title and summary.
    assert changed == Counter({"index": 1, "codependency:page": 1})
    changed = run_build(calls, settings, slugs=("codependency",))
    assert changed["codependency:audio"] == 1 and changed["sleep-and-worry:audio"] == 0
    assert (settings.out / "index.html").read_text() == "<html>codependency sleep-and-worry</html>"


def test_parallel_build_gives_the_same_outputs(counted, tmp_path):
    calls, settings = counted
    run_build(calls, settings)
    serial = {p.relative_to(settings.out): p.read_bytes() for p in settings.out.rglob("*") if p.is_file()
              and p.name != ".lock"}
    parallel_settings = Settings(sources=settings.sources, out=tmp_path / "parallel", cache=settings.cache, jobs=2)
    assert run_build(calls, parallel_settings) == Counter(EVERYTHING)
    parallel = {p.relative_to(parallel_settings.out): p.read_bytes() for p in parallel_settings.out.rglob("*")
                if p.is_file() and p.name != ".lock"}
    assert parallel == serial


def test_only_pdf_and_index_lists_every_article_without_narrating(counted):
    calls, settings = counted
    settings = Settings(sources=settings.sources, out=settings.out, cache=settings.cache, jobs=1,
                        only=frozenset({"pdf", "index"}))
    assert run_build(calls, settings) == Counter(
        {f"{slug}:{part}": 1 for slug in ("codependency", "sleep-and-worry")
         for part in ("regular", "large-print", "page")} | {"index": 1})
    assert (settings.out / "index.html").read_text() == "<html>codependency sleep-and-worry</html>"
    page = (settings.out / "codependency" / "index.html").read_text()
    assert page.endswith("codependency-large-print.pdf codependency.pdf</html>")  # only what was built
    assert run_build(calls, settings) == Counter()


def test_library_page_lists_every_article_and_marks_the_unbuilt(counted):
    calls, settings = counted
    build(settings, ("sleep-and-worry",), makers=calls.makers)
    assert (settings.out / "index.html").read_text() == "<html>codependency? sleep-and-worry</html>"
    assert not (settings.out / "codependency" / "index.html").exists()
    build(settings, makers=calls.makers)
    assert (settings.out / "index.html").read_text() == "<html>codependency sleep-and-worry</html>"

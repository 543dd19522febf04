"""The command line's contract: one line per problem, non-zero exit, no traceback unless --debug."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", folder)
    return folder


def test_help_lists_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("build", "check", "import", "script", "clean"):
        assert command in result.stdout


def test_shared_options_on_every_source_command():
    for command in ("build", "check", "import", "script", "clean"):
        text = run(command, "--help").stdout
        for option in ("--sources", "--out", "--cache", "--strict", "--debug"):
            assert option in text, (command, option)
    assert "--engine" in run("build", "--help").stdout


def test_bad_profile_lists_every_problem_without_traceback(sources, tmp_path):
    profile = sources / "practice.toml"
    profile.write_text(profile.read_text().replace('"VA"]', '"ZZ"]').replace(
        'email = "hello@example.com"', 'email = "nope"'))
    result = run("build", "--sources", str(sources), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"error: {profile}: practice.email: 'nope' is not an e-mail address like hello@example.com",
        f"error: {profile}: services.virtual_states[8]: 'ZZ' is not a US state code",
    ]
    assert not (tmp_path / "out").exists()


def test_debug_shows_the_traceback(sources):
    (sources / "practice.toml").write_text("[practice\n")
    result = run("check", "--sources", str(sources), "--debug")
    assert result.returncode != 0 and "Traceback" in result.stderr and "ConfigError" in result.stderr


def test_missing_sources_folder(tmp_path):
    result = run("check", "--sources", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'nowhere' / 'practice.toml'}: practice profile not found"


def test_unknown_slug(sources, tmp_path):
    result = run("build", "no-such-article", "--sources", str(sources), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no article with slug 'no-such-article'" in result.stderr and "Traceback" not in result.stderr


def test_strict_build_refuses_placeholders_before_writing(sources, tmp_path):
    result = run("build", "--strict", "--sources", str(sources), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "practice.phone: '(704) 555-0123' is a placeholder" in result.stderr
    assert not (tmp_path / "out").exists()


def test_check_reports_each_article_and_warns_about_placeholders(sources):
    result = run("check", "--sources", str(sources))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("codependency: SMOG ")  # the scorecard's measure, as the build's table
    assert "of listening" in result.stdout and "MB budget" in result.stdout
    assert "warning: " in result.stderr and "is a placeholder" in result.stderr
    assert run("check", "--strict", "--sources", str(sources)).returncode == 1


def test_check_reports_a_bad_article_and_still_checks_the_good_one(sources):
    (sources / "articles" / "broken.md").write_text("no front matter here\n")
    result = run("check", "--sources", str(sources))
    assert result.returncode == 1
    assert "codependency: SMOG " in result.stdout
    assert f"error: {sources / 'articles' / 'broken.md'}: front matter:" in result.stderr


@pytest.mark.parametrize("command", ["build", "check", "serve", "import", "script", "clean"])
def test_each_commands_help_says_what_it_does(command):
    from pipeline.cli import _parser

    (commands,) = [action for action in _parser()._actions if action.dest == "command"]
    description = commands.choices[command].description
    assert description and len(description.split()) >= 15, description  # more than its one-line summary


def test_an_article_is_named_by_a_beginning_only_its_slug_has(sources):
    """`script panic` where the only slug starting "panic" is panic-attacks; an exact slug still wins."""
    seed = (sources / "articles" / "codependency.md").read_text()
    title = "What Does It Really Mean to Be Codependent?"

    def add(slug: str, new_title: str) -> None:
        (sources / "articles" / f"{slug}.md").write_text(seed.replace("slug: codependency", f"slug: {slug}")
                                                         .replace(title, new_title))

    add("panic-attacks", "When Panic Attacks")
    result = run("script", "panic", "--sources", str(sources))
    assert result.returncode == 0, result.stderr
    assert "When Panic Attacks" in result.stdout
    add("panic", "Panic, Briefly")
    exact = run("script", "panic", "--sources", str(sources))
    assert exact.returncode == 0 and "Panic, Briefly" in exact.stdout and "When Panic Attacks" not in exact.stdout
    ambiguous = run("script", "pa", "--sources", str(sources))
    assert ambiguous.returncode == 1 and "Traceback" not in ambiguous.stderr
    assert "'pa' is the beginning of several slugs (panic, panic-attacks)" in ambiguous.stderr


def test_unknown_command_and_option_exit_with_usage():
    assert run("deploy").returncode == 2
    assert run("build", "--colour").returncode == 2


def test_clean_removes_outputs_but_keeps_the_cache(tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    (out / "x").mkdir(parents=True)
    (out / "x" / "x.pdf").write_text("built")
    (out / "x" / ".manifest.json").write_text('{"outputs": {"x.pdf": {"key": "k", "sha256": "s", "size": 5}}}')
    cache.mkdir()
    (cache / "entry").write_text("kept")
    result = run("clean", "--out", str(out), "--cache", str(cache))
    assert result.returncode == 0 and not out.exists() and (cache / "entry").exists()
    assert result.stdout.startswith("removed 2 built files (0.0 MB) and ")


def test_clean_unused_speech_keeps_the_outputs_and_says_what_it_removed(sources, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    (out / "codependency").mkdir(parents=True)
    (out / "codependency" / "codependency.pdf").write_bytes(b"%PDF")
    unused = cache / "speech" / "ab" / f"ab{'0' * 62}.wav"
    unused.parent.mkdir(parents=True)
    unused.write_bytes(b"RIFF" * 1000)
    result = run("clean", "--unused-speech", "--sources", str(sources), "--out", str(out), "--cache", str(cache))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"removed 1 unused sentence (0.0 MB) from the speech cache in {cache}/; "
                             "kept 0 that the articles use\n")
    assert not unused.exists() and not unused.parent.exists()
    assert (out / "codependency" / "codependency.pdf").exists()


def test_unknown_engine_on_the_command_line_is_refused_before_building(sources, tmp_path):
    result = run("build", "--engine", "espeak", "--sources", str(sources), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip() == "error: --engine: 'espeak' is not a speech engine; expected one of gtts, piper"
    assert not (tmp_path / "out").exists()


def test_unknown_engine_in_the_profile_names_the_key(sources):
    profile = sources / "practice.toml"
    profile.write_text(profile.read_text().replace('engine = "piper"', 'engine = "espeak"'))
    result = run("check", "--sources", str(sources))
    assert result.returncode == 1
    assert f"error: {profile}: speech.engine: 'espeak' is not a speech engine" in result.stderr


HUGE_NUMBERS = """---
title: Fees
summary: What things cost.
updated: 2025-03-14
---

A session is $999999999999999999999999999999 or $1234567890123456789012345678901.50.
Some say {googol} and the {long}th time.
"""


def test_numbers_of_any_length_never_stop_check_script_or_clean(sources, tmp_path):
    text = HUGE_NUMBERS.format(googol="1" + "0" * 120, long="7" * 5000)
    (sources / "articles" / "fees.md").write_text(text)
    for command in (("check",), ("script", "fees"), ("clean", "--unused-speech")):
        result = run(*command, "--sources", str(sources), "--out", str(tmp_path / "out"),
                     "--cache", str(tmp_path / "cache"))
        assert result.returncode == 0, (command, result.stderr[-2000:])
        assert "Traceback" not in result.stderr
    said = run("script", "fees", "--sources", str(sources)).stdout
    assert "nine nine nine, nine nine nine" in said and "seven seven seven" in said


def test_script_refuses_an_article_the_build_would_refuse_in_one_line(sources):
    sentence = "Worry often gets louder at night, and that is normal for many of us. "
    (sources / "articles" / "whole-site.md").write_text("---\ntitle: Whole site\n---\n\n" + sentence * 10_000)
    result = run("script", "whole-site", "--sources", str(sources))
    assert result.returncode == 1 and result.stdout == ""
    source, profile = sources / "articles" / "whole-site.md", sources / "practice.toml"
    narration, handout = result.stderr.splitlines()
    assert re.fullmatch(f"error: {source}: its narration would run about [0-9]+ minutes, over "
                        f"limits.max_listening_minutes = 60 in {profile}; split the article, or raise the limit",
                        narration)
    assert re.fullmatch(f"error: {source}: its handout would run about [0-9]+ pages, over "
                        f"limits.max_handout_pages = 40 in {profile}; split the article, or raise the limit", handout)


def test_check_says_plainly_when_text_goes_to_google(sources):
    result = run("check", "--sources", str(sources))
    assert "notice:" not in result.stderr and "Google" not in result.stderr
    profile = sources / "practice.toml"
    profile.write_text(profile.read_text().replace('engine = "piper"', 'engine = "gtts"'))
    result = run("check", "--sources", str(sources))
    assert f'notice: {profile}: speech.engine = "gtts": building sends every article\'s text to Google' \
        in result.stderr
    assert result.returncode == 0  # a notice, not a problem


# A machine without HarfBuzz's subset library, and a library that warns while a handout renders:
# the build run as `python -m pipeline` would be, with both kinds of chatter a library makes.
CHATTY_LIBRARIES = """
import runpy, sys, warnings
import weasyprint, weasyprint.pdf.fonts
weasyprint.pdf.fonts.harfbuzz_subset = None  # WeasyPrint then logs "Using fontTools instead of ..."
render = weasyprint.HTML.render
def render_and_warn(self, *args, **kwargs):
    warnings.warn("a library's own warning", UserWarning)
    return render(self, *args, **kwargs)
weasyprint.HTML.render = render_and_warn
sys.argv = ["pipeline", *sys.argv[1:]]
runpy.run_module("pipeline", run_name="__main__")
"""
OWN_LINES = (  # what a build of one article with the shipped profile says on standard error
    r"sleep-and-worry: rendering the (regular|large-print) handout",
    r"warning: \S+practice\.toml: practice\.\w+: '[^']*' is a placeholder( \([^)]*\))?; put the \D+",
)


@pytest.mark.slow
def test_a_build_says_only_its_own_lines_and_library_chatter_waits_for_debug(sources, tmp_path):
    from tests.conftest import SHORT_ARTICLE

    for article in (sources / "articles").iterdir():
        article.unlink()
    (sources / "articles" / "sleep-and-worry.md").write_text(SHORT_ARTICLE)

    def build(*extra: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-c", CHATTY_LIBRARIES, "build", "--sources", str(sources), "--out",
             str(tmp_path / "out"), "--cache", str(tmp_path / "cache"), "--only", "pdf", "--jobs", "1", *extra],
            cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return result

    lines = build().stderr.splitlines()
    assert [line for line in lines if not any(re.fullmatch(own, line) for own in OWN_LINES)] == []
    assert len(lines) == 2 + 5  # both handouts rendered; the five placeholders of the shipped profile
    shutil.rmtree(tmp_path / "out")
    debug = build("--debug").stderr
    assert "Using fontTools instead of HarfBuzz-Subset" in debug and "a library's own warning" in debug

"""`check` and `check --json`: every article scored, its review status, and what `--strict` fails on."""

from __future__ import annotations

import importlib
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from pipeline.cli import main
from pipeline.commands.check import check
from pipeline.commands.scorecards import print_scorecards
from pipeline.settings import Settings
from tests.conftest import FIXTURES, ROOT

TODAY = date(2026, 6, 1)
CHECK_MODULE = importlib.import_module("pipeline.commands.check")  # the face's `check` is the function
ARTICLES = ("plain-text-with-steps", "dense-clinical-text")


class _Today(date):
    @classmethod
    def today(cls) -> date:
        return TODAY


@pytest.fixture
def settings(tmp_path: Path, monkeypatch) -> Settings:
    """A profile with its placeholders filled in, and the plain and the dense article."""
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    profile = (ROOT / "sources" / "practice.toml").read_text()
    profile = (profile.replace("Your Practice Name", "Harbor Couples Counseling").replace("555-0123", "372-1190")
               .replace("example.com", "harborcouples.com"))
    (sources / "practice.toml").write_text(profile)
    for slug in ARTICLES:
        shutil.copy(FIXTURES / "plain_language" / f"{slug}.md", sources / "articles")
    monkeypatch.setattr(CHECK_MODULE, "date", _Today)
    monkeypatch.chdir(tmp_path)  # the report names files as given: sources/articles/…
    return Settings(sources=Path("sources"), out=Path("build"), cache=Path("cache"))


def _json(capsys, *args: str) -> tuple[int, dict]:
    code = main(["check", "--json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_json_has_the_documented_keys_for_every_article(settings, capsys):
    code, report = _json(capsys)
    assert set(report) == {"version", "articles", "voices", "notices", "warnings", "problems"}
    assert report["version"] == 1 and report["problems"] == []
    assert [article["slug"] for article in report["articles"]] == ["dense-clinical-text", "plain-text-with-steps"]
    for article in report["articles"]:
        assert set(article) == {"slug", "file", "plain_language", "review", "listening", "email",
                                "pronunciation_notes"}
        assert article["file"] == f"sources/articles/{article['slug']}.md"
        assert {"smog", "grade", "findings", "words", "sentences", "average_sentence_words", "pemat",
                "for_a_person"} <= set(article["plain_language"])
        assert set(article["review"]) == {"reviewed_by", "reviewed_on", "next_review", "status"}
        for finding in article["plain_language"]["findings"]:
            assert set(finding) == {"rule", "line", "text", "advice"} and finding["advice"]
    plain, dense = report["articles"][1], report["articles"][0]
    assert plain["plain_language"]["findings"] == []
    assert plain["review"] == {"reviewed_by": "Jane Doe, LCSW", "reviewed_on": "2025-03-03",
                               "next_review": "2028-03-03", "status": "current"}
    assert dense["review"]["status"] == "overdue" and dense["review"]["next_review"] == "2023-01-10"
    assert code == 0  # without --strict the findings and the overdue review are reported, not failures


def test_json_names_only_the_slugs_asked_for(settings, capsys):
    code, report = _json(capsys, "plain-text-with-steps")
    assert code == 0 and [article["slug"] for article in report["articles"]] == ["plain-text-with-steps"]
    assert main(["check", "--json", "no-such-article"]) == 1
    assert "no article with slug 'no-such-article'" in capsys.readouterr().err


def test_strict_fails_on_reading_level_and_an_overdue_review_only(settings, capsys):
    assert main(["check", "--strict", "plain-text-with-steps"]) == 0
    capsys.readouterr()
    assert main(["check", "--strict", "dense-clinical-text"]) == 1
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning: ")]
    assert [line.split(": ")[2] for line in warnings] == ["reading-level", "next_review"]
    assert warnings[0].startswith("warning: sources/articles/dense-clinical-text.md:9: reading-level: ")


def test_the_profile_chooses_what_strict_fails_on(settings, capsys):
    profile = settings.practice_file
    profile.write_text(profile.read_text() + '\n[plain_language]\nstrict = ["jargon"]\noff = ["reading-level"]\n'
                       "\n[review]\nevery_years = 10\n")
    assert main(["check", "--strict", "dense-clinical-text"]) == 1
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning: ")]
    assert {line.split(": ")[2] for line in warnings} == {"jargon"} and len(warnings) == 5


def test_a_bad_plain_language_table_is_one_line_naming_the_key(settings, capsys):
    profile = settings.practice_file
    profile.write_text(profile.read_text() + '\n[plain_language]\noff = ["jargn"]\n')
    assert main(["check"]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("error: sources/practice.toml: plain_language.off[0]: 'jargn' is not one of ")


def test_json_report_matches_golden(settings, capsys, golden):
    _, report = _json(capsys)
    golden("check-report.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def test_terminal_tables_match_golden(settings, golden):
    out = io.StringIO()
    print_scorecards(check(settings).articles, Console(file=out, width=120, color_system=None))
    golden("check-scorecards.txt", out.getvalue())


def test_the_build_summary_scores_as_check_does_and_again_only_when_the_words_change(settings, monkeypatch):
    from pipeline.building import scorecard as scorecards
    from pipeline.sources import load_practice, read_article

    practice = load_practice(settings.practice_file)
    article = read_article(settings.sources / "articles" / "dense-clinical-text.md")
    card = scorecards.scorecard(article, practice.plain_language)
    facts: dict[str, object] = {}
    first = scorecards.reading_facts(article, practice, facts)
    assert first["findings"] == len(card.findings) > 0
    assert first["level"] == (f"SMOG {card.measures.smog:.1f}" if card.measures.smog is not None else "too short")

    def no_scoring(*args: object) -> None:
        raise AssertionError("scored again although nothing it reads changed")

    monkeypatch.setattr(scorecards, "scorecard", no_scoring)
    assert scorecards.reading_facts(article, practice, facts) == first
    edited = article.__class__(**{**article.__dict__, "title": article.title + " again"})
    with pytest.raises(AssertionError, match="scored again"):
        scorecards.reading_facts(edited, practice, facts)


def test_a_crisis_notice_without_a_crisis_number_is_a_warning_and_fails_strict(settings, capsys):
    """The profile may reword the notice, but a client in crisis must be told a number to call."""
    profile = settings.practice_file
    text = profile.read_text()
    assert main(["check", "--strict", "plain-text-with-steps"]) == 0
    capsys.readouterr()
    spanish = text.split("[notices.es]", 1)[1].split("\n", 2)[1]  # its crisis = "…" line
    profile.write_text(text.replace(spanish, 'crisis = "Si está en crisis, llame a su línea local de ayuda."'))
    assert main(["check", "plain-text-with-steps"]) == 0  # a warning, not a failure
    assert ("warning: sources/practice.toml: notices.es.crisis: names no crisis number; expected 988 "
            "(the Suicide & Crisis Lifeline) or 911") in capsys.readouterr().err.splitlines()
    assert main(["check", "--strict", "plain-text-with-steps"]) == 1
    capsys.readouterr()
    profile.write_text(text.replace("call or text 988 to reach the 988 Suicide & Crisis Lifeline, 24 hours a day, "
                                    "7 days a week. In an emergency, call 911.", "call your local crisis line."))
    assert main(["check", "--strict", "plain-text-with-steps"]) == 1
    warnings = [line for line in capsys.readouterr().err.splitlines() if "crisis number" in line]
    assert warnings == ["warning: sources/practice.toml: notices.crisis: names no crisis number; expected 988 "
                        "(the Suicide & Crisis Lifeline) or 911"]

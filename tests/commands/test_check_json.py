"""`check --json` says everything the text report says, in the shape its documented schema gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from pipeline.cli import main
from tests.conftest import FIXTURES, ROOT

SCHEMA = json.loads((ROOT / "docs" / "reference" / "check.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def sources(tmp_path: Path, monkeypatch) -> Path:
    """The shipped profile and seed article, a Spanish article (no Spanish voice: Kokoro's Spanish
    taken away, as for a language no voice speaks) and the plain-language ones."""
    monkeypatch.setattr("pipeline.audio.recording.speech.kokoro.LANGUAGES", frozenset())
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    shutil.copy(FIXTURES / "article_in_spanish.md", sources / "articles")
    for name in ("plain-text-with-steps", "dense-clinical-text"):
        shutil.copy(FIXTURES / "plain_language" / f"{name}.md", sources / "articles")
    monkeypatch.chdir(tmp_path)
    return sources


def _report(capsys, *args: str) -> dict:
    main(["check", "--json", *args])
    return json.loads(capsys.readouterr().out)


def test_the_report_validates_against_its_schema_and_says_what_the_text_report_says(sources, capsys):
    report = _report(capsys)
    jsonschema.validate(report, SCHEMA)
    assert report["version"] == 1
    seed = next(article for article in report["articles"] if article["slug"] == "codependency")
    main(["check", "codependency"])
    text = capsys.readouterr().out.splitlines()[0]  # "codependency: SMOG 11.5, about 7 minutes of listening, …"
    assert f"about {seed['listening']['text']} of listening" in text
    assert f"e-mail about {seed['email']['estimated_mb']:.1f} MB (fits the 10 MB budget)" in text
    assert seed["email"]["fits"] is True and seed["listening"]["estimated_seconds"] > 300
    assert {voice["language"]: voice["available"] for voice in report["voices"]} == {"en": True, "es": False}
    spanish = next(voice for voice in report["voices"] if voice["language"] == "es")
    assert "speech.voices" in spanish["missing"]


def test_the_schema_refuses_a_report_missing_what_the_text_says(sources, capsys):
    report = _report(capsys)
    del report["articles"][0]["listening"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, SCHEMA)


def test_an_article_no_voice_reads_gets_no_pronunciation_notes(sources, capsys):
    report = _report(capsys)
    spanish = next(article for article in report["articles"] if article["slug"] == "sueno-y-preocupacion")
    assert spanish["pronunciation_notes"] == []
    assert not [notice for notice in report["notices"] if "article_in_spanish.md" in notice]
    seed = next(article for article in report["articles"] if article["slug"] == "codependency")
    assert set(seed["pronunciation_notes"]) <= set(report["notices"])


def test_a_front_matter_key_is_never_a_pronunciation_note(sources, capsys):
    """With a voice for Spanish (Google's), the Spanish article's words are judged, but never `title:` or `author:`."""
    profile = sources / "practice.toml"
    profile.write_text(profile.read_text().replace('engine = "piper"', 'engine = "gtts"'))
    report = _report(capsys)
    spanish = next(article for article in report["articles"] if article["slug"] == "sueno-y-preocupacion")
    assert {voice["language"]: voice["available"] for voice in report["voices"]} == {"en": True, "es": True}
    named = {note.split("'")[1] for note in spanish["pronunciation_notes"]}
    assert not named & {"title", "summary", "author", "slug", "lang", "tags", "updated"}


def test_a_spanish_article_gets_no_rare_word_notes_since_spanish_is_said_as_written(sources, capsys, monkeypatch):
    """With the Spanish voice, capitals are still noted, but no ordinary Spanish word is called rare."""
    monkeypatch.undo()
    monkeypatch.chdir(sources.parent)
    report = _report(capsys)
    spanish = next(article for article in report["articles"] if article["slug"] == "sueno-y-preocupacion")
    assert {voice["language"]: voice["available"] for voice in report["voices"]}["es"] is True
    assert not [note for note in spanish["pronunciation_notes"] if "not in the voice's dictionary" in note]

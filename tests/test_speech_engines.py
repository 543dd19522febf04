"""Speech engines: the registry by name, and the real offline Piper voice."""

from __future__ import annotations

import array

import pytest

from pipeline.errors import SpeechError
from pipeline.practice import SpeechSettings
from pipeline.speech import ENGINES, load_voice
from pipeline.speech.piper import INSTALLED_VOICE

SENTENCE = "Worry often gets louder at night."


def seconds(pcm: bytes, rate: int) -> float:
    return len(pcm) / 2 / rate


def test_engines_are_chosen_by_name():
    assert set(ENGINES) == {"piper", "gtts"}
    assert load_voice("piper", SpeechSettings()).engine == "piper"
    assert load_voice("gtts", SpeechSettings()).engine == "gtts"  # built without contacting Google


def test_piper_is_the_default_engine():
    assert SpeechSettings().engine == "piper"


def test_unknown_engine_is_one_line_naming_it_and_the_known_ones():
    with pytest.raises(SpeechError) as caught:
        load_voice("espeak", SpeechSettings())
    assert caught.value.problems == ("unknown speech engine 'espeak'; known engines: gtts, piper",)


def test_piper_refuses_a_voice_that_is_not_installed():
    with pytest.raises(SpeechError, match=f"'en_GB-alan-low' is not installed.*{INSTALLED_VOICE}"):
        load_voice("piper", SpeechSettings(voice="en_GB-alan-low"))


def test_gtts_refuses_a_language_google_does_not_speak():
    with pytest.raises(SpeechError, match="'xx' is not a language gtts speaks"):
        load_voice("gtts", SpeechSettings(language="xx"))


def test_piper_speaks_a_sentence_without_peak_normalisation():
    voice = load_voice("piper", SpeechSettings())
    pcm = voice.speak(SENTENCE)
    assert voice.sample_rate == 22_050
    assert len(pcm) % 2 == 0
    assert 1.0 < seconds(pcm, voice.sample_rate) < 4.0
    peak = max(abs(sample) for sample in array.array("h", pcm))
    # Piper's default scales every sentence to full scale; loudness is set later, once.
    assert 1000 < peak < 32_000


LONG_SENTENCE = ("Codependency is a pattern of putting another person's needs, moods and problems "
                 "ahead of your own, again and again, until you lose track of what you want.")


def test_slower_speaking_rate_means_longer_audio_and_a_different_identity():
    normal = load_voice("piper", SpeechSettings())
    slow = load_voice("piper", SpeechSettings(speaking_rate=0.8))
    assert slow.length_scale == pytest.approx(normal.length_scale * 1.25)
    assert slow.identity != normal.identity
    # The voice varies its timing from take to take (a short sentence alone once measured 1.02),
    # so compare three takes of a long sentence: measured 1.12-1.20 per take, ~1.16 on average.
    takes = 3
    slow_seconds = sum(seconds(slow.speak(LONG_SENTENCE), 22_050) for _ in range(takes))
    normal_seconds = sum(seconds(normal.speak(LONG_SENTENCE), 22_050) for _ in range(takes))
    assert 1.08 < slow_seconds / normal_seconds < 1.4


def test_text_with_nothing_to_say_gives_no_audio():
    assert load_voice("piper", SpeechSettings()).speak("…") == b""

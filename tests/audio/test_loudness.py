"""Loudness from sentences: each sentence measured once, kept in the speech cache, and the
narration's loudness found from them as BS.1770 gates it — so an edit measures only what changed."""

from __future__ import annotations

import re

import numpy as np
import pytest

from pipeline.audio.recording.loudness import SentenceMeter, gated, measure
from pipeline.audio.recording.mastering import master
from pipeline.audio.recording.performance import Take
from pipeline.audio.recording.sound import joined, mono, silence
from pipeline.audio.recording.speech.cache import SpeechCache

RATE = 22_050


def sentence(seed: int, seconds: float = 2.5) -> bytes:
    """Speech-like sound: noise in syllables, its level set by `seed` (between about −30 and −20 LUFS)."""
    rng = np.random.default_rng(seed)
    n = int(RATE * seconds)
    envelope = np.clip(np.sin(2 * np.pi * 4 * np.arange(n) / RATE), 0, None) ** 2
    level = 0.05 + 0.1 * rng.random()
    return (rng.standard_normal(n) * envelope * level * 32767).clip(-32767, 32767).astype(np.int16).tobytes()


def narration(sentences: list[tuple[str, bytes]]) -> Take:
    """The sentences with 400 ms pauses, as the performance joins them."""
    pieces, spans, position = [], [], 0
    pause = silence(RATE * 2 // 5, RATE)
    for key, pcm in sentences:
        spans.append((key, position, len(pcm) // 2))
        pieces += [mono(pcm, RATE), pause]
        position += len(pcm) // 2 + len(pause.raw_data) // 2
    return Take(joined(pieces), (), (), tuple(spans))


class Counting(SpeechCache):
    """The speech cache, counting the measurements it is given to keep."""

    saved: list[tuple[str, str]]

    def save_loudness(self, key, samples, chain, momentary):
        self.saved.append((key, chain))
        super().save_loudness(key, samples, chain, momentary)


@pytest.fixture
def cache(tmp_path):
    counting = Counting(tmp_path)
    counting.saved = []
    return counting


def loudness_from_sentences(cache: SpeechCache, sentences: list[tuple[str, bytes]]) -> float:
    with SentenceMeter(cache, RATE) as meter:
        for key, pcm in sentences:
            meter(key, pcm)
        return meter.loudness().integrated


def test_the_narration_measured_from_its_sentences_matches_it_measured_whole(cache):
    sentences = [(f"s{n}", sentence(n)) for n in range(12)]
    whole = measure(narration(sentences).pcm, RATE).integrated
    assert loudness_from_sentences(cache, sentences) == pytest.approx(whole, abs=0.2)


def test_an_edit_measures_only_the_new_sentence(cache):
    sentences = [(f"s{n}", sentence(n)) for n in range(12)]
    first = loudness_from_sentences(cache, sentences)
    assert sorted(key for key, _ in cache.saved) == sorted(key for key, _ in sentences)
    cache.saved.clear()
    edited = [*sentences[:5], ("new", sentence(99)), *sentences[6:]]
    again = loudness_from_sentences(cache, edited)
    assert cache.saved == [("new", "")]
    assert again == pytest.approx(measure(narration(edited).pcm, RATE).integrated, abs=0.2)
    assert first == pytest.approx(measure(narration(sentences).pcm, RATE).integrated, abs=0.2)
    cache.saved.clear()
    assert loudness_from_sentences(cache, edited) == again and cache.saved == []


def test_a_sentence_said_twice_counts_twice_and_is_measured_once(cache):
    loud = sentence(1, 1.0)
    quiet = (np.frombuffer(loud, np.int16) // 2).astype(np.int16).tobytes()  # 6 dB quieter
    once = loudness_from_sentences(cache, [("loud", loud), ("quiet", quiet)])
    cache.saved.clear()
    twice = loudness_from_sentences(cache, [("loud", loud), ("quiet", quiet), ("loud", loud)])
    assert cache.saved == []
    assert twice > once  # the loud sentence weighs twice


def test_a_measurement_of_other_audio_under_the_same_key_is_not_used(cache):
    loudness_from_sentences(cache, [("s", sentence(1))])
    assert cache.load_loudness("s", len(sentence(1)) // 2) is not None
    assert cache.load_loudness("s", len(sentence(1)) // 2 + 1) is None  # another length: measured again
    cache.loudness_path("s").write_text("{not json")
    assert cache.load_loudness("s", len(sentence(1)) // 2) is None


@pytest.mark.parametrize("bad", ["NaN", "Infinity"])
def test_a_cache_entry_holding_nan_loudness_is_measured_again_not_read_as_silence(cache, bad):
    """NaN blocks failed every build with "the narration is silent" until .cache was deleted by hand."""
    sentences = [(f"s{n}", sentence(n)) for n in range(3)]
    good = loudness_from_sentences(cache, sentences)
    path = cache.loudness_path("s1")
    kept = path.read_text()
    path.write_text(re.sub(r"-?\d+\.\d+", bad, kept))
    cache.saved.clear()
    assert loudness_from_sentences(cache, sentences) == good
    assert cache.saved == [("s1", "")]  # re-made, and written back whole
    assert bad not in path.read_text()


def test_remastering_unchanged_sentences_measures_nothing(cache):
    take = narration([(f"s{n}", sentence(n)) for n in range(8)])
    raw = measure(take.pcm, RATE)
    first = master(take, 64, raw, cache)
    measured = len(cache.saved)
    assert measured == 8  # each sentence after the limiter, once
    assert master(take, 64, raw, cache) == first
    assert len(cache.saved) == measured


def test_gating_leaves_out_silence_and_quiet_blocks():
    assert gated([-20.0] * 10 + [-80.0] * 100).integrated == pytest.approx(-20.0, abs=0.05)
    assert gated([-20.0] * 10 + [-45.0] * 10).integrated == pytest.approx(-20.0, abs=0.05)  # below the relative gate
    assert gated([-80.0]).integrated == float("-inf")


def test_removing_a_sentence_from_the_cache_removes_its_measurements(cache):
    pcm = sentence(1)
    cache.save("s", pcm, RATE)
    loudness_from_sentences(cache, [("s", pcm)])
    sizes = cache.path("s").stat().st_size + cache.loudness_path("s").stat().st_size
    assert cache.remove({"s"}) == sizes
    assert not cache.loudness_path("s").exists() and not cache.path("s").exists()

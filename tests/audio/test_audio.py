"""The recording, end to end with the real Piper voice on a few short sentences.

Measured, not compared with a stored file: loudness and true peak (ffmpeg's EBU R128 meter, as
dual-mono), the MP3's frames, tags and chapters read back, caption times against the audio, and
the speech cache.
"""

from __future__ import annotations

import io
import re
import subprocess
import threading
import wave
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

import imageio_ffmpeg
import numpy as np
import pytest
from mutagen.id3 import ID3, CTOCFlags
from mutagen.mp3 import MP3, BitrateMode
from PIL import Image

from pipeline import output
from pipeline.audio.recording.cover import title_card
from pipeline.audio.recording.finished import Chapter
from pipeline.audio.recording.loudness import measure
from pipeline.audio.recording.mastering import master
from pipeline.audio.recording.mp3 import record
from pipeline.audio.recording.performance import Take, perform
from pipeline.audio.recording.sound import decoded_mp3, mono
from pipeline.audio.recording.speech.cache import SpeechCache
from pipeline.audio.recording.speech.engines import load_voice
from pipeline.audio.recording.tags import Tags, tag_mp3
from pipeline.audio.spoken_script.script import Script, Segment
from pipeline.errors import SpeechError
from pipeline.sources.practice import SpeechSettings
from pipeline.stamp import stamp_text

if TYPE_CHECKING:
    from pydub import AudioSegment

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()
RATE = 22_050
BIN = RATE // 200  # 5 ms
UPDATED = date(2025, 3, 14)
SCRIPT = Script("sleep-and-worry", "Sleep and Worry", "en", (
    Segment("Sleep and Worry.", "Sleep and Worry", "title", "Introduction", 0, 1100),
    Segment("Worry often gets louder at night.", "Worry often gets louder at night.", "sentence",
            "Introduction", 1, 750),
    Segment("What helps?", "What helps?", "heading", "What helps?", 2, 1100),
    Segment("Write the worry down.", "Write the worry down.", "item", "What helps?", 3, 750),
    Segment("Call or text 9 8 8, any time.", "Call or text 988, any time.", "stamp", "About the practice",
            4, 350),
))


@dataclass
class CountingVoice:
    """The real voice, counting what it is asked to say."""

    inner: object
    spoken: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def speak(self, text: str) -> bytes:
        with self.lock:
            self.spoken.append(text)
        return self.inner.speak(text)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def recording(cache_dir, practice):
    return record(SCRIPT, practice, "piper", cache_dir, updated=UPDATED)


@pytest.fixture(scope="module")
def take(recording, cache_dir) -> Take:
    """The same narration before mastering, from the cache the recording filled."""
    return perform(SCRIPT, load_voice("piper", SpeechSettings()), SpeechCache(cache_dir))


@pytest.fixture(scope="module")
def decoded(recording) -> AudioSegment:
    """The MP3 as a player hears it: decoded (encoder delay trimmed) to 16-bit samples."""
    return decoded_mp3(recording.mp3, RATE)


def ffmpeg_stderr(mp3: bytes, *arguments: str) -> str:
    return subprocess.run([FFMPEG, "-hide_banner", "-nostats", "-f", "mp3", "-i", "pipe:0", *arguments],
                          input=mp3, capture_output=True, check=False).stderr.decode()


def test_loudness_is_minus_16_lufs_dual_mono_with_true_peak_below_minus_1_5(recording):
    integrated, true_peak = mp3_loudness(recording.mp3)
    assert -17.0 <= integrated <= -15.0
    assert true_peak <= -1.5


def mp3_loudness(mp3: bytes) -> tuple[float, float]:
    """Integrated loudness (dual-mono, LUFS) and true peak (dBTP) of an MP3, by ffmpeg's meter."""
    summary = ffmpeg_stderr(mp3, "-af", "ebur128=peak=true:dualmono=true", "-f", "null", "-")
    summary = summary[summary.rfind("Summary:"):]
    integrated, peak = re.search(r"I:\s+(\S+) LUFS", summary), re.search(r"Peak:\s+(\S+) dBFS", summary)
    return float(integrated.group(1)), float(peak.group(1))


def speech_with_clicks(seconds: int = 20) -> bytes:
    """Speech-like sound (band-limited noise in syllables and words, at about −25 LUFS) with a
    digital click every second: four full-scale samples of alternating sign, whose peaks between
    the samples a plain gain would push over the ceiling."""
    rng = np.random.default_rng(1)
    n = RATE * seconds
    spectrum = np.fft.rfft(rng.standard_normal(n))
    hz = np.fft.rfftfreq(n, 1 / RATE)
    spectrum[(hz < 150) | (hz > 4000)] = 0
    voice = np.fft.irfft(spectrum / np.sqrt(np.maximum(hz, 150)), n)
    t = np.arange(n) / RATE
    voice *= np.clip(np.sin(2 * np.pi * 4 * t), 0, None) ** 2 * (np.sin(2 * np.pi * 0.3 * t) > -0.3)
    voice *= 0.3 / np.abs(voice).max()
    for second in range(1, seconds):
        voice[second * RATE:second * RATE + 4] = (0.99, -0.99, 0.99, -0.99)
    return (voice * 32767).astype(np.int16).tobytes()


def test_when_a_plain_gain_would_break_the_ceiling_loudnorm_still_lands_on_minus_16(caplog):
    pcm = speech_with_clicks()
    mp3 = master(Take(mono(pcm, RATE), (), ()), 64, measure(pcm, RATE))
    assert "loudnorm's dynamic mode" in caplog.text  # the fallback, not the plain gain
    integrated, true_peak = mp3_loudness(mp3)
    assert -17.0 <= integrated <= -15.0
    assert true_peak <= -1.5


def test_sound_too_sparse_for_minus_16_is_mastered_as_loud_as_the_ceiling_allows(caplog):
    """Loud 10 ms tone bursts a second apart. Even touching the −1.5 dBTP ceiling they measure
    about −18 LUFS, so −16 cannot be reached without clipping them into a square wave: the
    fallback keeps the ceiling and lands within 1 LU of the loudest level it allows."""
    def bursts(amplitude: float) -> bytes:
        burst = (amplitude * 32767 * np.sin(2 * np.pi * 440 * np.arange(RATE // 100) / RATE)).astype(np.int16)
        return np.tile(np.concatenate([burst, np.zeros(RATE, np.int16)]), 20).tobytes()

    pcm = bursts(0.9)
    mp3 = master(Take(mono(pcm, RATE), (), ()), 64, measure(pcm, RATE))
    assert "loudnorm's dynamic mode" in caplog.text
    integrated, true_peak = mp3_loudness(mp3)
    loudest = measure(bursts(10 ** (-1.5 / 20)), RATE).integrated  # peaks exactly at the ceiling
    assert loudest < -17.0  # −16 really is out of reach
    assert loudest - 1.0 <= integrated <= loudest + 0.1
    assert true_peak <= -1.5


def tag_size(mp3: bytes) -> int:
    """Bytes of the ID3v2 tag in front of the audio (its header holds a 28-bit "syncsafe" size)."""
    return 10 + sum((mp3[6 + n] & 0x7F) << (7 * (3 - n)) for n in range(4)) if mp3[:3] == b"ID3" else 0


def frames(mp3: bytes) -> list[tuple[int, int, int]]:
    """(MPEG version bits, bitrate index, sample-rate index) of every audio frame after the ID3 tag."""
    position = tag_size(mp3)
    found = []
    while position + 4 <= len(mp3):
        header = int.from_bytes(mp3[position:position + 4], "big")
        assert header >> 21 == 0x7FF, f"lost frame sync at byte {position}"
        version, bitrate, rate, padding = (header >> 19) & 3, (header >> 12) & 15, (header >> 10) & 3, (header >> 9) & 1
        kbps = {2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)}[version][bitrate]
        hz = {2: (22_050, 24_000, 16_000)}[version][rate]
        found.append((version, bitrate, rate))
        position += 72 * kbps * 1000 // hz + padding  # MPEG-2 layer III frame length
    return found


def test_mp3_is_mono_constant_64_kbps_at_22050_hz(recording):
    info = MP3(io.BytesIO(recording.mp3)).info
    # mutagen averages the Info header's byte count, so it may say 63,999; the frames below are exact
    assert (info.channels, info.sample_rate, round(info.bitrate, -3)) == (1, RATE, 64_000)
    assert info.bitrate_mode == BitrateMode.CBR
    every = frames(recording.mp3)
    assert len(every) > 100
    assert set(every) == {(2, 8, 0)}  # MPEG-2, 64 kbps, 22,050 Hz: every frame, not an average


def test_duration_matches_the_audio(recording, decoded):
    assert abs(len(decoded) - recording.duration_ms) <= 30  # pydub's len() is in milliseconds
    audio_bytes = len(recording.mp3) - tag_size(recording.mp3)
    assert audio_bytes / 1e6 / (recording.duration_ms / 60_000) == pytest.approx(0.48, abs=0.01)


def test_tags_carry_title_practice_date_stamp_and_cover(recording, practice):
    tags = ID3(io.BytesIO(recording.mp3))
    assert tags.version[:2] == (2, 4)
    assert tags["TIT2"].text == ["Sleep and Worry"]
    assert tags["TPE1"].text == [practice.practice.name]
    assert tags["TALB"].text == [f"Audio handouts from {practice.practice.name}"]
    assert str(tags["TDRC"].text[0]) == "2025-03-14"
    assert tags["TLAN"].text == ["eng"]
    assert tags["TCOP"].text == [f"2025 {practice.practice.name}"]
    (comment,) = tags.getall("COMM")
    assert comment.text == [stamp_text(practice)]
    assert "Vermont and Virginia" in comment.text[0]
    assert tags["WOAS"].url == practice.practice.website
    assert tags.getall("WXXX")[0].url == practice.practice.contact_page
    (cover,) = tags.getall("APIC")
    assert cover.mime == "image/png" and cover.type == 3
    assert cover.data == title_card("Sleep and Worry", practice.practice.name)
    assert Image.open(io.BytesIO(cover.data)).size == (1000, 1000)


def test_chapters_are_intro_section_outro_with_a_table_of_contents(recording):
    assert [chapter.title for chapter in recording.chapters] == ["Introduction", "What helps?",
                                                                 "About the practice"]
    assert recording.chapters[0].start_ms == 0
    assert recording.chapters[-1].end_ms == recording.duration_ms
    for before, after in pairwise(recording.chapters):
        assert before.end_ms == after.start_ms
    tags = ID3(io.BytesIO(recording.mp3))
    (toc,) = tags.getall("CTOC")
    assert toc.flags == CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED
    chapters = [tags[f"CHAP:{element}"] for element in toc.child_element_ids]
    assert [(c.sub_frames["TIT2"].text[0], c.start_time, c.end_time) for c in chapters] == \
        [(c.title, c.start_ms, c.end_ms) for c in recording.chapters]


def ffmpeg_chapters(mp3: bytes) -> list[tuple[int, int, str]]:
    """Chapters as ffmpeg lists them (what `ffprobe -show_chapters` prints; imageio-ffmpeg ships
    ffmpeg only), in the order it lists them."""
    listing = ffmpeg_stderr(mp3)
    found = re.findall(r"Chapter #\d+:\d+: start (\S+), end (\S+)\s+Metadata:\s+title\s+: (.+)", listing)
    return [(round(float(start) * 1000), round(float(end) * 1000), title.strip()) for start, end, title in found]


def test_chapters_read_back_by_ffmpeg_in_order(recording):
    assert ffmpeg_chapters(recording.mp3) == [(c.start_ms, c.end_ms, c.title) for c in recording.chapters]


def test_many_chapters_stay_in_time_order_whatever_their_title_lengths(practice):
    silence = subprocess.run([FFMPEG, "-v", "error", "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono", "-t", "13",
                              "-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3", "pipe:1"],
                             capture_output=True, check=True).stdout
    titles = ["Introduction", "A", "A much longer chapter title than the others", "Why", "Where it comes from",
              "Yes", "No", "Somewhat longer title", "Hm", "Twelve", "Almost the end", "About the practice"]
    chapters = tuple(Chapter(title, number * 1000, (number + 1) * 1000) for number, title in enumerate(titles))
    tags = Tags(title="T", practice="P", album="A", language="en", comment="C", website="https://a.example",
                contact_page="https://a.example/c", cover_png=b"", chapters=chapters, duration_ms=12_000)
    tagged = tag_mp3(silence, tags)
    assert ffmpeg_chapters(tagged) == [(c.start_ms, c.end_ms, c.title) for c in chapters]
    read = ID3(io.BytesIO(tagged))
    assert read.getall("CTOC")[0].child_element_ids == [f"chp{number}" for number in range(12)]
    assert read["TIT2"].text == ["T"] and len(read.getall("CHAP")) == 12


def test_captions_have_one_cue_per_sentence_timed_like_the_recording(recording):
    vtt = recording.captions
    assert vtt.startswith("WEBVTT\n")
    assert [cue.text for cue in recording.cues] == [segment.written for segment in SCRIPT.segments]
    times = re.findall(r"(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})", vtt)
    as_ms = [(((int(a) * 60 + int(b)) * 60 + int(c)) * 1000 + int(d),
              ((int(e) * 60 + int(f)) * 60 + int(g)) * 1000 + int(h)) for a, b, c, d, e, f, g, h in times]
    assert as_ms == [(cue.start_ms, cue.end_ms) for cue in recording.cues]
    assert recording.cues[-1].end_ms == recording.duration_ms  # the last cue ends with the audio
    for number, (cue, following) in enumerate(pairwise(recording.cues)):
        segment = SCRIPT.segments[number]
        assert abs(following.start_ms - cue.end_ms - segment.pause_after_ms) <= 1


def envelope(samples: np.ndarray, start: int, end: int) -> np.ndarray:
    """Mean loudness of 5 ms bins of samples[start:end]."""
    stretch = samples[start:end]
    return np.abs(stretch[: len(stretch) // BIN * BIN].reshape(-1, BIN)).mean(axis=1)


def test_cues_bracket_each_sentence_and_pauses_are_digital_silence(take):
    samples = np.frombuffer(take.pcm, dtype=np.int16)
    for cue, following in pairwise(take.cues):
        start, end = cue.start_ms * RATE // 1000, cue.end_ms * RATE // 1000
        assert envelope(samples, start, end).max() > 1000, cue.text
        gap = take.narration[cue.end_ms + 1:following.start_ms - 1]  # ±1 ms rounding
        assert len(gap) and gap.max == 0, cue.text


def test_cue_edges_are_within_50_ms_of_the_speech_in_the_mp3(recording, take, decoded):
    """Each sentence's sound is found in the MP3 where its cue says, whatever the gain applied."""
    before = np.frombuffer(take.pcm, dtype=np.int16).astype(float)
    after = np.asarray(decoded.get_array_of_samples(), dtype=float)
    pad = RATE // 5 // BIN  # search 200 ms either side, in bins
    assert take.cues == recording.cues
    for cue in recording.cues:
        start, end = cue.start_ms * RATE // 1000 // BIN * BIN, cue.end_ms * RATE // 1000
        sentence = envelope(before, start, end)
        around = envelope(np.pad(after, (pad * BIN, pad * BIN)), start, end + 2 * pad * BIN)
        match = np.correlate(around - around.mean(), sentence - sentence.mean(), "valid")
        shift_s = (int(np.argmax(match)) - pad) * BIN / RATE
        assert abs(shift_s) <= 0.05, cue.text


def test_pauses_are_silent_in_the_mp3(recording, decoded):
    for cue, following in pairwise(recording.cues):
        gap = decoded[cue.end_ms + 30:following.start_ms - 30]
        assert len(gap) > 0
        assert gap.max < decoded.max / 100  # below −40 dB: codec noise at most


def test_cached_sentences_are_not_spoken_again(recording, cache_dir):
    voice = CountingVoice(load_voice("piper", SpeechSettings()))
    take = perform(SCRIPT, voice, SpeechCache(cache_dir))
    assert voice.spoken == []
    assert take.cues == recording.cues


def test_editing_one_sentence_speaks_only_that_sentence(recording, cache_dir):
    voice = CountingVoice(load_voice("piper", SpeechSettings()))
    edited = replace(SCRIPT, segments=(*SCRIPT.segments[:3],
                                       replace(SCRIPT.segments[3], spoken="Write each worry down.",
                                               written="Write each worry down."),
                                       SCRIPT.segments[4]))
    take = perform(edited, voice, SpeechCache(cache_dir))
    assert voice.spoken == ["Write each worry down."]
    assert take.cues[:3] == recording.cues[:3]


def test_changing_the_speaking_rate_speaks_everything_again(tmp_path):
    cache = SpeechCache(tmp_path)
    normal, slower = load_voice("piper", SpeechSettings()), load_voice("piper", SpeechSettings(speaking_rate=0.8))
    assert cache.key(normal, "Hello.") != cache.key(slower, "Hello.")
    assert cache.key(normal, "Hello.") != cache.key(normal, "Hello!")
    assert cache.key(normal, "Hello.") == cache.key(load_voice("piper", SpeechSettings()), "Hello.")


def test_cache_entries_are_whole_wav_files_and_no_temporary_files_remain(recording, cache_dir):
    entries = list((cache_dir / "speech").rglob("*"))
    files = [entry for entry in entries if entry.is_file() and entry.suffix == ".wav"]
    assert len(files) == len(SCRIPT.segments) + 1  # plus the edited sentence
    # Each sentence recorded (not the one only performed by the edit test) has its loudness beside it.
    measured = [entry for entry in entries if entry.name.endswith(".loudness.json")]
    assert len(measured) == len(SCRIPT.segments)
    assert {entry.name.removesuffix(".loudness.json") for entry in measured} < {entry.stem for entry in files}
    assert len(entries) - len(measured) - len(files) == len({entry.parent for entry in files})  # folders only
    for entry in files:
        with wave.open(str(entry)) as sound:
            assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (1, 2, RATE)
            assert len(sound.readframes(sound.getnframes())) == sound.getnframes() * 2


def test_a_truncated_entry_is_spoken_again_and_repaired(tmp_path):
    cache = SpeechCache(tmp_path)
    voice = CountingVoice(load_voice("piper", SpeechSettings()))
    script = replace(SCRIPT, segments=SCRIPT.segments[:1])
    perform(script, voice, cache)
    entry = cache.path(cache.key(voice, SCRIPT.segments[0].spoken))
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    perform(script, voice, cache)
    assert voice.spoken == [SCRIPT.segments[0].spoken] * 2
    assert cache.load(cache.key(voice, SCRIPT.segments[0].spoken), RATE) is not None


def test_a_save_killed_before_its_rename_leaves_no_entry(tmp_path, monkeypatch):
    cache = SpeechCache(tmp_path)

    def killed(source, target):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        cache.save("ab" * 32, b"\x01\x00" * 100, RATE)
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


def test_an_unwritable_cache_is_one_line(tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    with pytest.raises(SpeechError, match="cannot write the speech cache"):
        SpeechCache(blocked).save("ab" * 32, b"\x00\x00", RATE)


def test_progress_counts_sentences_spoken_and_stopping_drops_the_rest(tmp_path):
    voice = CountingVoice(load_voice("piper", SpeechSettings()))
    reports: list[tuple[int, int]] = []
    perform(replace(SCRIPT, segments=SCRIPT.segments[:3]), voice, SpeechCache(tmp_path / "a"),
            progress=lambda done, total: reports.append((done, total)))
    assert reports == [(1, 3), (2, 3), (3, 3)]

    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        raise Stop

    voice.spoken.clear()
    many = replace(SCRIPT, segments=tuple(replace(SCRIPT.segments[1], spoken=f"Sentence {n}.")
                                          for n in range(8)))
    with pytest.raises(Stop):
        perform(many, voice, SpeechCache(tmp_path / "b"), progress=stop)
    # those already being spoken finish (two workers, more on a busy machine); the rest are dropped
    assert len(voice.spoken) < len(many.segments)


def test_a_sentence_said_twice_is_spoken_once(tmp_path):
    voice = CountingVoice(load_voice("piper", SpeechSettings()))
    twice = replace(SCRIPT, segments=(SCRIPT.segments[2], SCRIPT.segments[3], SCRIPT.segments[2]))
    take = perform(twice, voice, SpeechCache(tmp_path))
    assert sorted(voice.spoken) == ["What helps?", "Write the worry down."]
    first, _, third = take.cues
    # the same audio twice: equal lengths, but each edge is rounded to the millisecond on its own
    assert abs((first.end_ms - first.start_ms) - (third.end_ms - third.start_ms)) <= 1

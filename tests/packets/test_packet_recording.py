"""The packet's MP3: joined from the articles' built recordings, no article sentence spoken again.

Real Piper throughout: the articles are narrated once into their own cache, as a build does;
the packet is then made with a fresh cache and a voice that counts what it is asked to say.
"""

from __future__ import annotations

import io
import re
import subprocess
import threading
from dataclasses import dataclass, field

import imageio_ffmpeg
import pytest
from mutagen.id3 import ID3

from pipeline.audio import load_voice, narration_script, record
from pipeline.audio.recording.speech.cache import SpeechCache
from pipeline.packets import packet_recording
from pipeline.packets.recording import closing_script, opening_script


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
def recordings(three, clinic, tmp_path_factory):
    """Each article's recording as the build makes it (the third, every-block, left silent below)."""
    cache = tmp_path_factory.mktemp("article-speech")
    return {article.slug: record(narration_script(article, clinic), clinic, "piper", cache, updated=article.updated)
            for article in three[:2]}


@pytest.fixture(scope="module")
def made(starter, three, clinic, recordings, tmp_path_factory):
    voice = CountingVoice(load_voice("piper", clinic.speech))
    pairs = [(article, recordings.get(article.slug)) for article in three]
    cache = SpeechCache(tmp_path_factory.mktemp("packet-speech"))
    packet = packet_recording(starter, pairs, clinic, voice, cache, clinic.clinician("ana"))
    return packet, voice, pairs, cache


def test_only_the_packets_opening_and_closing_are_spoken(made, starter, three, clinic):
    _packet, voice, _pairs, _cache = made
    opening = opening_script(starter, [a.title for a in three[:2]], [three[2].title], clinic, "en",
                             clinic.clinician("ana"))
    closing = closing_script(starter, clinic, "en")
    expected = [segment.spoken for segment in (*opening.segments, *closing.segments)]
    assert sorted(voice.spoken) == sorted(expected)
    # The packet's opening gives the crisis line, in the very words each article opens with: from a
    # build's shared speech cache it is not spoken again either; this packet's cache is empty.
    crisis = opening.segments[2].spoken
    assert crisis == "If you are in crisis, call or text 9 8 8."
    for article in three[:2]:
        said = {segment.spoken for segment in narration_script(article, clinic).segments}
        assert said & set(voice.spoken) == {crisis}, article.slug


def test_made_again_from_the_cache_nothing_is_spoken_and_the_bytes_are_the_same(made, starter, clinic):
    packet, _voice, pairs, cache = made
    again = CountingVoice(load_voice("piper", clinic.speech))
    repeat = packet_recording(starter, pairs, clinic, again, cache, clinic.clinician("ana"))
    assert again.spoken == []
    assert repeat.mp3 == packet.mp3 and repeat.captions == packet.captions


def test_a_chapter_per_handout_between_the_opening_and_the_stamp(made, three):
    packet = made[0]
    titles = [chapter.title for chapter in packet.chapters]
    assert titles == ["Introduction", three[0].title, three[1].title, "About Your Practice Name"]
    tag = ID3(io.BytesIO(packet.mp3))
    toc = tag.getall("CTOC")[0]
    chapters = [tag[f"CHAP:{element}"] for element in toc.child_element_ids]
    assert [str(chapter.sub_frames["TIT2"]) for chapter in chapters] == titles
    assert [chapter.start_time for chapter in chapters] == [chapter.start_ms for chapter in packet.chapters]
    assert str(tag["TIT2"]) == "Starting out"


def test_each_article_is_heard_once_without_its_own_opening_or_stamp(made, three, recordings):
    captions = made[0].captions
    for article in three[:2]:
        body = [cue.text for cue in recordings[article.slug].cues if cue.text != article.title]
        assert "An audio handout from Your Practice Name." in body  # in the article's own recording …
        kept = body[2:body.index("About Your Practice Name")]  # after who it is from and the crisis line
        assert body[1] == "If you are in crisis, call or text 988."
        for text in kept:
            assert captions.count(text.replace("&", "&amp;")) == 1, text
    assert "An audio handout from" not in captions  # … not in the packet's
    assert captions.count("Thank you for listening.") == 1  # one stamp, at the end
    assert captions.count("If you are in crisis, call or text 988.") == 1  # the crisis line once, at the start
    assert captions.index("If you are in crisis, call or text 988.") < captions.index(three[0].title + "\n")


def test_an_article_without_audio_is_named_in_the_opening_and_left_out(made, three):
    captions = " ".join(made[0].captions.split())
    assert f"{three[2].title} has no recording; read it in the printed handout." in captions
    assert three[2].summary not in captions and "First item" not in captions


def test_loudness_target_kept(made):
    summary = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-nostats", "-f", "mp3", "-i",
                              "pipe:0", "-af", "ebur128=peak=true:dualmono=true", "-f", "null", "-"],
                             input=made[0].mp3, capture_output=True, check=False).stderr.decode()
    summary = summary[summary.rfind("Summary:"):]
    integrated = float(re.search(r"I:\s+(\S+) LUFS", summary)[1])
    peak = float(re.search(r"Peak:\s+(\S+) dBFS", summary)[1])
    assert -17.0 <= integrated <= -15.0 and peak <= -1.0


def test_no_recording_when_no_article_has_one(starter, three, clinic, tmp_path):
    voice = CountingVoice(load_voice("piper", clinic.speech))
    assert packet_recording(starter, [(article, None) for article in three], clinic, voice,
                            SpeechCache(tmp_path)) is None
    assert voice.spoken == []

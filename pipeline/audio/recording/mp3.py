"""Recording step: the script performed (spoken, cached, paced), mastered once, tagged, as MP3 with captions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.audio.recording.captions import webvtt
from pipeline.audio.recording.cover import title_card
from pipeline.audio.recording.finished import Recording
from pipeline.audio.recording.loudness import SentenceMeter
from pipeline.audio.recording.mastering import master
from pipeline.audio.recording.performance import Progress, perform
from pipeline.audio.recording.speech.cache import SpeechCache
from pipeline.audio.recording.speech.engines import Voice, load_voice
from pipeline.audio.recording.tags import Tags, tag_mp3
from pipeline.audio.spoken_script.script import Script
from pipeline.language import phrases
from pipeline.sources import Practice
from pipeline.stamp import stamp_text
from pipeline.stopping import worker_threads


def record(script: Script, practice: Practice, engine_name: str, cache_dir: Path,
           progress: Progress | None = None, updated: date | None = None, sources: Path | None = None,
           voice: Voice | None = None) -> Recording:
    """The narrated recording of one script, in its language's voice: tagged MP3, captions, chapters
    and cue times. `sources` is where voice files for other languages are kept; `voice`, when the
    build has already loaded it, saves loading it again."""
    voice = voice or load_voice(engine_name, practice.speech, cache_dir, script.language, sources)
    cache = SpeechCache(cache_dir)
    with SentenceMeter(cache, voice.sample_rate) as meter:
        take = perform(script, voice, cache, progress, listen=meter)
        raw = meter.loudness()
    contact = practice.practice
    _ = phrases(script.language)
    with worker_threads(1, "cover") as side:
        # drawn while ffmpeg masters
        cover = side.submit(title_card, script.title, contact.name, _("Audio handout"))
        mp3 = master(take, practice.speech.bitrate_kbps, raw, cache)
        tags = Tags(
            title=script.title, practice=contact.name,
            album=_("Audio handouts from {practice}").format(practice=contact.name),
            language=script.language, comment=stamp_text(practice, script.language), website=contact.website,
            contact_page=contact.contact_page, cover_png=cover.result(), chapters=take.chapters,
            duration_ms=take.duration_ms, updated=updated,
        )
    return Recording(mp3=tag_mp3(mp3, tags), captions=webvtt(take.cues), duration_ms=take.duration_ms,
                     chapters=take.chapters, cues=take.cues)

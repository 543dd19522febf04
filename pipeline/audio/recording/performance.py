"""Performance step: the script spoken sentence by sentence (cached) and paced, as one take.

Each sentence is spoken on its own, so captions and chapters get exact times and an edit only
re-speaks what changed; cached sentences are handed on while the voice speaks the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.audio.recording.finished import Chapter, Cue
from pipeline.audio.recording.sound import joined, mono, silence
from pipeline.audio.recording.speech.cache import SpeechCache
from pipeline.audio.recording.speech.engines import Voice
from pipeline.audio.spoken_script.script import Script
from pipeline.stopping import STOPPING, stop_if_interrupted, worker_threads

if TYPE_CHECKING:
    from pydub import AudioSegment

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (sentences synthesized, sentences to synthesize)


@dataclass(frozen=True)
class Take:
    """The whole narration, 16-bit mono, with its timings, before mastering."""

    narration: AudioSegment
    cues: tuple[Cue, ...]
    chapters: tuple[Chapter, ...]
    # Each sentence as said: its speech cache key, first sample and number of samples.
    spans: tuple[tuple[str, int, int], ...] = ()

    @property
    def pcm(self) -> bytes:
        return self.narration.raw_data

    @property
    def sample_rate(self) -> int:
        return self.narration.frame_rate

    @property
    def duration_ms(self) -> int:
        return _ms(int(self.narration.frame_count()), self.sample_rate)


def spoken_sentences(texts: dict[str, str], voice: Voice, cache: SpeechCache,
                     progress: Progress | None = None) -> Iterator[tuple[str, bytes]]:
    """(key, audio) for each text by cache key: cached ones first, while the voice starts on the
    others, then each of those as soon as it is spoken."""
    cached: dict[str, bytes] = {}
    missing: dict[str, str] = {}
    for key, text in texts.items():
        pcm = cache.load(key, voice.sample_rate)
        if pcm is None:
            missing[key] = text
        else:
            cached[key] = pcm
    if not missing:
        yield from cached.items()
        return
    log.debug("speaking %d sentences, %d from the cache", len(missing), len(cached))
    pool = worker_threads(voice.workers, "speech")
    # Longest first, so that neither worker is left with a long sentence at the end.
    by_length = sorted(missing.items(), key=lambda item: len(item[1]), reverse=True)
    pending = {pool.submit(voice.speak, text): key for key, text in by_length}
    try:
        yield from cached.items()  # while the voice loads and speaks
        while pending:
            stop_if_interrupted()
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                key = pending.pop(future)
                pcm = future.result()
                cache.save(key, pcm, voice.sample_rate)
                yield key, pcm
                if progress:
                    progress(len(missing) - len(pending), len(missing))
    finally:
        # On a failure, sentences not yet started are dropped, not spoken, and those finished
        # meanwhile are kept for the next build. On Ctrl-C the sentences being spoken are not
        # waited for either: the process ends without them.
        pool.shutdown(wait=not STOPPING.is_set(), cancel_futures=True)
        for future, key in pending.items():
            if future.done() and not future.cancelled() and future.exception() is None:
                cache.save(key, future.result(), voice.sample_rate)


def perform(script: Script, voice: Voice, cache: SpeechCache, progress: Progress | None = None,
            listen: Callable[[str, bytes], None] | None = None) -> Take:
    """The script spoken and paced: each sentence, then its pause, joined once.

    `listen` is given each sentence's cache key and audio in the narration's order, while the
    rest is still being spoken (to measure it meanwhile).
    """
    rate, segments = voice.sample_rate, script.segments
    keys = [cache.key(voice, segment.spoken) for segment in segments]
    audio: dict[str, bytes] = {}
    pieces: list[AudioSegment] = []  # each sentence, then its pause
    cues: list[Cue] = []
    spans: list[tuple[str, int, int]] = []
    starts: list[tuple[str, int]] = []  # each chapter's title and first sample
    position = 0
    texts = {key: segment.spoken for key, segment in zip(keys, segments, strict=True)}
    for key, pcm in spoken_sentences(texts, voice, cache, progress):
        audio[key] = pcm
        while len(pieces) // 2 < len(segments) and keys[len(pieces) // 2] in audio:  # the next, in order
            number = len(pieces) // 2
            segment, pcm = segments[number], audio[keys[number]]
            if not starts or starts[-1][0] != segment.chapter:
                starts.append((segment.chapter, position))
            start, position = position, position + len(pcm) // 2
            spans.append((keys[number], start, position - start))
            if position > start:
                cues.append(Cue(_ms(start, rate), _ms(position, rate), segment.written, segment.block))
            # The recording ends with the last word, whatever the script asks for after it.
            pause = round(segment.pause_after_ms * rate / 1000) if number < len(segments) - 1 else 0
            pieces += [mono(pcm, rate), silence(pause, rate)]
            position += pause
            if listen:
                listen(keys[number], pcm)
    ends = [start for _, start in starts[1:]] + [position]
    chapters = tuple(Chapter(title, _ms(start, rate) if number else 0, _ms(end, rate))
                     for number, ((title, start), end) in enumerate(zip(starts, ends, strict=True)))
    return Take(joined(pieces) if pieces else silence(0, rate), tuple(cues), chapters, tuple(spans))


def _ms(samples: int, rate: int) -> int:
    return round(samples * 1000 / rate)

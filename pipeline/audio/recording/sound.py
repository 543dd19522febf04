"""Sound as the audio stage handles it: pydub's `AudioSegment`, 16-bit mono, using the ffmpeg
that imageio-ffmpeg ships (no ffmpeg needs to be installed on the computer).

pydub is imported only when audio is made, so the command line's `--help` never pays for it.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import imageio_ffmpeg

if TYPE_CHECKING:
    from pydub import AudioSegment

SAMPLE_WIDTH = 2  # bytes: 16-bit samples


@cache
def _audio_segment() -> type[AudioSegment]:
    with warnings.catch_warnings():
        # pydub looks for ffmpeg on PATH when imported and warns if there is none: it is pointed
        # at imageio-ffmpeg's below. Python 3.11–3.12 warn that pydub's audioop will go (3.13 has
        # it from audioop-lts).
        warnings.filterwarnings("ignore", "Couldn't find ffmpeg", RuntimeWarning)
        warnings.filterwarnings("ignore", "'audioop' is deprecated", DeprecationWarning)
        from pydub import AudioSegment
    AudioSegment.converter = imageio_ffmpeg.get_ffmpeg_exe()
    return AudioSegment


def mono(pcm: bytes, rate: int) -> AudioSegment:
    """16-bit mono PCM at `rate` as a segment."""
    return _audio_segment()(data=pcm, sample_width=SAMPLE_WIDTH, frame_rate=rate, channels=1)


def silence(samples: int, rate: int) -> AudioSegment:
    """`samples` of digital silence. (`AudioSegment.silent` counts in milliseconds and truncates;
    pauses are placed to the nearest sample, which captions and chapters are timed by.)"""
    return mono(bytes(SAMPLE_WIDTH * samples), rate)


def joined(pieces: Sequence[AudioSegment]) -> AudioSegment:
    """The pieces one after another, joined once: `+=` in a loop copies the whole so far each time."""
    first = pieces[0]
    return _audio_segment()(data=b"".join(piece.raw_data for piece in pieces), sample_width=first.sample_width,
                            frame_rate=first.frame_rate, channels=first.channels)


def decoded_mp3(mp3: bytes, rate: int) -> AudioSegment:
    """MP3 bytes decoded to 16-bit mono at `rate`; ValueError if they hold no MP3 audio.

    The decoder is named, so pydub needs no ffprobe (which imageio-ffmpeg does not ship); it is
    ffmpeg's default MP3 decoder.
    """
    audio_segment = _audio_segment()  # first: it imports pydub quietly
    from pydub.exceptions import CouldntDecodeError

    try:
        sound = audio_segment.from_file(io.BytesIO(mp3), format="mp3", codec="mp3float")
    except CouldntDecodeError:
        raise ValueError("not MP3 audio") from None
    if not sound.frame_count():
        raise ValueError("MP3 without audio")
    return sound.set_channels(1).set_frame_rate(rate).set_sample_width(SAMPLE_WIDTH)

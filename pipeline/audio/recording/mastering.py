"""Mastering step: the take brought to podcast loudness and encoded once as mono CBR MP3, with ffmpeg.

Loudness is set once, for the whole recording. Its loudness as spoken, and again after its
highest peaks are limited (loudnorm's first pass), are found from its sentences' measurements
(see `loudness`), so after an edit only the new sentences are measured. Then, in one pass, the
narration is limited and given the plain gain loudnorm's linear second pass would apply, and
encoded, while its true peak is measured. loudnorm itself runs only when that plain gain breaks
the true-peak ceiling, since it always works at 192 kHz and costs seconds.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from pipeline.audio.recording.loudness import (
    METER,
    PEAK,
    Loudness,
    SentenceMeter,
    ffmpeg,
    loudness_summary,
    measure,
    pcm_input,
)
from pipeline.audio.recording.performance import Take
from pipeline.audio.recording.speech.cache import SpeechCache
from pipeline.errors import RenderError

log = logging.getLogger(__name__)

TARGET_LUFS = -16.0  # integrated, measured as dual-mono: a mono file plays in both ears
TARGET_TRUE_PEAK = -1.5  # dBTP, leaving room for MP3's overshoot
TARGET_LRA = 11.0
# LAME's low-pass at 64 kbps mono takes ~0.45 LU off the mastered level, measured on the seed and
# on short clips; loudnorm aims that much higher so the MP3 itself lands on −16 LUFS.
ENCODER_LOSS_LU = 0.45
# LAME's algorithm quality (0 best … 9 fastest): 7 encodes twice as fast as the default and, for
# speech at 64 kbps, gives the same file size and no audible difference.
LAME_QUALITY = 7
PEAK_LIMIT = -4.0  # dBFS sample peak after the gain: loudnorm stays linear, MP3 overshoot stays under −1.5
MP3_SAMPLE_RATES = (16_000, 22_050, 24_000, 32_000, 44_100, 48_000)  # MPEG-1 and MPEG-2 layer III


def master(take: Take, bitrate_kbps: int, raw: Loudness | None = None, cache: SpeechCache | None = None) -> bytes:
    """The narration at −16 LUFS and ≤ −1.5 dBTP, encoded once as mono CBR MP3.

    `raw` is the narration's loudness as found from its sentences; measured here if not given.
    The loudness after limiting is found from the sentences too, each kept in `cache` beside
    the sentence: after an edit only the new sentences are measured, and the narration is
    limited, brought to its level and encoded in one pass.
    """
    rate = take.sample_rate
    raw = raw or measure(take.pcm, rate)
    if raw.integrated <= -70:
        raise RenderError("the narration is silent; nothing to master")
    # Speech peaks sit ~20 dB above its loudness, more than the 14.5 dB that −16 LUFS leaves
    # under −1.5 dBTP: the few highest peaks are limited so that a plain gain can follow. The gain
    # into the limiter is rounded to half a decibel, so a small edit rarely changes it and every
    # unchanged sentence keeps its measurement.
    into_limiter = round((TARGET_LUFS - raw.integrated) * 2) / 2
    limit = f"volume={into_limiter:.2f}dB,alimiter=limit={PEAK_LIMIT}dB:attack=5:release=50:level=false:latency=true"
    pcm = memoryview(take.pcm)
    with SentenceMeter(cache, rate, limit) as meter:  # loudnorm's first pass, sentence by sentence
        for key, start, samples in take.spans or ((None, 0, len(pcm) // 2),):
            meter(key, pcm[2 * start:2 * (start + samples)])
        limited = meter.loudness()
    target = TARGET_LUFS + ENCODER_LOSS_LU
    gain = target - limited.integrated
    # What loudnorm's linear mode does, without its 192 kHz pass: a plain gain, as the MP3 is
    # encoded; the true peak is measured meanwhile.
    mp3, true_peak = _encode(pcm_input("s16le", rate), take.pcm, rate, f"{limit},volume={gain:.2f}dB", bitrate_kbps)
    if true_peak > TARGET_TRUE_PEAK:
        log.warning("loudness was set with loudnorm's dynamic mode, not a plain gain")
        mp3, true_peak = _dynamic(take, limit, target, true_peak - gain, bitrate_kbps)
    log.debug("mastered: %.1f LUFS raw, %.1f LUFS limited, %+.2f dB to %.1f LUFS, %.1f dBTP",
              raw.integrated, limited.integrated, gain, target, true_peak)
    return mp3


def _dynamic(take: Take, limit: str, target: float, limited_peak: float, bitrate_kbps: int) -> tuple[bytes, float]:
    """The limited narration measured whole, then brought to `target` by loudnorm (rarely needed)."""
    rate = take.sample_rate
    with tempfile.TemporaryDirectory(prefix="narration-") as folder:
        # The limited narration goes to a file, not back through memory: as 32-bit float it is
        # twice the size of the take, and an hour of it would hold hundreds of megabytes.
        limited = Path(folder) / "limited.f32"
        measured = loudness_summary(ffmpeg([*pcm_input("s16le", rate), "-af", f"{limit},{METER}", "-f", "f32le",
                                            str(limited)], take.pcm, "limiting peaks").stderr)
        level = (f"loudnorm=I={target}:TP={TARGET_TRUE_PEAK}:LRA={TARGET_LRA}:dual_mono=true:linear=true"
                 f":measured_I={measured.integrated}:measured_TP={limited_peak:.2f}"
                 f":measured_LRA={measured.lra}:measured_thresh={measured.threshold}")
        return _encode(pcm_input("f32le", rate, str(limited)), b"", rate, level, bitrate_kbps)


def _encode(source: list[str], data: bytes, rate: int, level: str, bitrate_kbps: int) -> tuple[bytes, float]:
    """The PCM read from `source` (fed `data`) through `level`, as mono CBR MP3; and its true
    peak before encoding, in dBTP.

    The true peak is the sample peak 4× oversampled (ITU-R BS.1770), cheaper than ebur128's.
    """
    output_rate = rate if rate in MP3_SAMPLE_RATES else 44_100
    graph = (f"{level},asplit[out][peak];"
             f"[peak]aresample={4 * rate},astats=measure_perchannel=none:measure_overall=Peak_level,anullsink;"
             f"[out]anull")
    with tempfile.TemporaryDirectory(prefix="narration-") as folder:
        # A real file, not a pipe: the MP3 muxer seeks back to finish its Info header (length, gapless).
        path = Path(folder) / "narration.mp3"
        encoded = ffmpeg([*source, "-af", graph, "-ar", str(output_rate), "-ac", "1",
                          "-c:a", "libmp3lame", "-b:a", f"{bitrate_kbps}k", "-compression_level", str(LAME_QUALITY),
                          "-map_metadata", "-1",
                          "-id3v2_version", "0", "-write_id3v1", "0", "-fflags", "+bitexact",
                          "-flags:a", "+bitexact", str(path)], data, "encoding the MP3")
        peak = PEAK.search(encoded.stderr.decode("utf-8", "replace"))
        if peak is None:
            raise RenderError("ffmpeg's peak meter printed no result")
        return path.read_bytes(), float(peak["peak"])

"""Mastering step: the take brought to podcast loudness and encoded once as mono CBR MP3, with ffmpeg.

Loudness is set once, for the whole recording: the narration is measured while it is being
spoken; then brought near −16 LUFS with its highest peaks limited and measured again (loudnorm's
first pass); then the plain gain loudnorm's linear second pass would apply is applied as the MP3
is encoded, while the true peak is measured (loudnorm itself only when that plain gain breaks the
true-peak ceiling, since it always works at 192 kHz and costs seconds).
"""

from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg

from pipeline.audio.performance import Take
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


@dataclass(frozen=True)
class Loudness:
    integrated: float  # LUFS
    true_peak: float  # dBTP
    lra: float  # LU
    threshold: float  # LUFS, the relative gate


def _ffmpeg(arguments: list[str], data: bytes, step: str) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run([*_FFMPEG, *arguments], input=data, capture_output=True, check=False)
    if result.returncode != 0:
        raise RenderError(f"ffmpeg failed while {step}: {_last_line(result.stderr)}")
    return result


_FFMPEG = [imageio_ffmpeg.get_ffmpeg_exe(), "-nostdin", "-hide_banner", "-nostats"]
_SUMMARY = re.compile(r"I:\s+(?P<i>\S+) LUFS\s+Threshold:\s+(?P<threshold>\S+) LUFS.*?LRA:\s+(?P<lra>\S+) LU", re.S)
_PEAK = re.compile(r"Peak level dB:\s+(?P<peak>\S+)")
_METER = "ebur128=dualmono=true:framelog=quiet"


def _last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else "no message"


def _pcm_input(sample_format: str, rate: int, source: Path | None = None) -> list[str]:
    """Raw mono PCM from standard input, or from the file `source`."""
    return ["-f", sample_format, "-ar", str(rate), "-ac", "1", "-i", str(source) if source else "pipe:0"]


def _loudness(stderr: bytes) -> Loudness:
    """The summaries ffmpeg's meters print at the end (true peak NaN when it was not measured)."""
    text = stderr.decode("utf-8", "replace")
    summary = text.rfind("Summary:")
    found, peak = _SUMMARY.search(text, max(summary, 0)), _PEAK.search(text)
    if summary < 0 or found is None:
        raise RenderError("ffmpeg's loudness meter printed no summary")
    # float() reads ffmpeg's "-inf" for silence.
    return Loudness(float(found["i"]), float(peak["peak"]) if peak else float("nan"), float(found["lra"]),
                    float(found["threshold"]))


class LoudnessMeter:
    """ffmpeg's EBU R128 meter, fed 16-bit mono PCM while the narration is still being spoken."""

    def __init__(self, rate: int) -> None:
        self._log = tempfile.TemporaryFile()  # a file, not a pipe, so ffmpeg never waits on us
        self._process = subprocess.Popen([*_FFMPEG, *_pcm_input("s16le", rate), "-af", _METER, "-f", "null", "-"],
                                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._log)

    def __call__(self, pcm: bytes) -> None:
        try:
            self._process.stdin.write(pcm)
        except BrokenPipeError:
            self.result()  # raises with ffmpeg's reason
            raise

    def result(self) -> Loudness:
        if not self._process.stdin.closed:
            self._process.stdin.close()
        code = self._process.wait()
        self._log.seek(0)
        stderr = self._log.read()
        if code != 0:
            raise RenderError(f"ffmpeg failed while measuring loudness: {_last_line(stderr)}")
        return _loudness(stderr)

    def __enter__(self) -> LoudnessMeter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        if self._process.stdin and not self._process.stdin.closed:
            self._process.stdin.close()
        self._log.close()


def measure(pcm: bytes, rate: int) -> Loudness:
    """Integrated loudness (dual-mono) and loudness range of 16-bit mono PCM."""
    with LoudnessMeter(rate) as meter:
        meter(pcm)
        return meter.result()


def master(take: Take, bitrate_kbps: int, raw: Loudness | None = None) -> bytes:
    """The narration at −16 LUFS and ≤ −1.5 dBTP, encoded once as mono CBR MP3.

    `raw` is the narration's loudness as measured while it was spoken; measured here if not given.
    """
    rate = take.sample_rate
    raw = raw or measure(take.pcm, rate)
    if raw.integrated <= -70:
        raise RenderError("the narration is silent; nothing to master")
    # Speech peaks sit ~20 dB above its loudness, more than the 14.5 dB that −16 LUFS leaves
    # under −1.5 dBTP: the few highest peaks are limited so that loudnorm can stay linear.
    limit = (f"volume={TARGET_LUFS - raw.integrated:.2f}dB,"
             f"alimiter=limit={PEAK_LIMIT}dB:attack=5:release=50:level=false:latency=true,{_METER}")
    with tempfile.TemporaryDirectory(prefix="narration-") as folder:
        # The limited narration goes to a file, not back through memory: as 32-bit float it is
        # twice the size of the take, and an hour of it would hold hundreds of megabytes.
        limited = Path(folder) / "limited.f32"
        measured = _loudness(_ffmpeg([*_pcm_input("s16le", rate), "-af", limit, "-f", "f32le", str(limited)],
                                     take.pcm, "limiting peaks").stderr)  # loudnorm's first pass
        target = TARGET_LUFS + ENCODER_LOSS_LU
        gain = target - measured.integrated
        # What loudnorm's linear mode does, without its 192 kHz pass: a plain gain, as the MP3 is
        # encoded; the true peak is measured meanwhile, on the other core.
        mp3, true_peak = _encode(limited, rate, f"volume={gain:.2f}dB", bitrate_kbps)
        if true_peak > TARGET_TRUE_PEAK:
            log.warning("loudness was set with loudnorm's dynamic mode, not a plain gain")
            level = (f"loudnorm=I={target}:TP={TARGET_TRUE_PEAK}:LRA={TARGET_LRA}:dual_mono=true:linear=true"
                     f":measured_I={measured.integrated}:measured_TP={true_peak - gain:.2f}"
                     f":measured_LRA={measured.lra}:measured_thresh={measured.threshold}")
            mp3, true_peak = _encode(limited, rate, level, bitrate_kbps)
    log.debug("mastered: %.1f LUFS raw, %.1f LUFS limited, %+.2f dB to %.1f LUFS, %.1f dBTP",
              raw.integrated, measured.integrated, gain, target, true_peak)
    return mp3


def _encode(pcm: Path, rate: int, level: str, bitrate_kbps: int) -> tuple[bytes, float]:
    """The 32-bit float PCM file `pcm` at `level`, as mono CBR MP3; and its true peak before
    encoding, in dBTP.

    The true peak is the sample peak 4× oversampled (ITU-R BS.1770), cheaper than ebur128's.
    """
    output_rate = rate if rate in MP3_SAMPLE_RATES else 44_100
    graph = (f"{level},asplit[out][peak];"
             f"[peak]aresample={4 * rate},astats=measure_perchannel=none:measure_overall=Peak_level,anullsink;"
             f"[out]anull")
    with tempfile.TemporaryDirectory(prefix="narration-") as folder:
        # A real file, not a pipe: the MP3 muxer seeks back to finish its Info header (length, gapless).
        path = Path(folder) / "narration.mp3"
        encoded = _ffmpeg([*_pcm_input("f32le", rate, pcm), "-af", graph, "-ar", str(output_rate), "-ac", "1",
                           "-c:a", "libmp3lame", "-b:a", f"{bitrate_kbps}k", "-compression_level", str(LAME_QUALITY),
                           "-map_metadata", "-1",
                           "-id3v2_version", "0", "-write_id3v1", "0", "-fflags", "+bitexact",
                           "-flags:a", "+bitexact", str(path)], b"", "encoding the MP3")
        peak = _PEAK.search(encoded.stderr.decode("utf-8", "replace"))
        if peak is None:
            raise RenderError("ffmpeg's peak meter printed no result")
        return path.read_bytes(), float(peak["peak"])

"""Loudness measurement, by ffmpeg's EBU R128 meter (ITU-R BS.1770), measured as dual-mono.

The narration's loudness before mastering is found from its sentences: each sentence's
momentary loudness — one 400 ms block every 100 ms — is measured once, when it is spoken, and
kept beside its audio in the speech cache. The whole narration's integrated loudness is then
BS.1770's gating over the blocks of all its sentences, so after an edit only the new sentences
are measured. (The pauses between sentences are silence, below the meter's absolute gate.)
"""

from __future__ import annotations

import math
import re
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

import imageio_ffmpeg

from pipeline.audio.recording.speech.cache import SpeechCache
from pipeline.errors import RenderError

FFMPEG = [imageio_ffmpeg.get_ffmpeg_exe(), "-nostdin", "-hide_banner", "-nostats"]
METER = "ebur128=dualmono=true:framelog=quiet"
METER_EVERY_BLOCK = "ebur128=dualmono=true:framelog=verbose"  # each 100 ms step's block, logged
ABSOLUTE_GATE = -70.0  # LUFS: blocks at or below are silence (BS.1770)
RELATIVE_GATE = -10.0  # LU below the loudness of the blocks above the absolute gate
STEP_MS = 100  # the meter gives a 400 ms block's loudness every 100 ms
BLOCK_STEPS = 4  # a block spans four steps

_SUMMARY = re.compile(r"I:\s+(?P<i>\S+) LUFS\s+Threshold:\s+(?P<threshold>\S+) LUFS.*?LRA:\s+(?P<lra>\S+) LU", re.S)
PEAK = re.compile(r"Peak level dB:\s+(?P<peak>\S+)")
_MOMENTARY = re.compile(rb"\] t: *\S+ +TARGET:\S+ LUFS +M: *(\S+)")


@dataclass(frozen=True)
class Loudness:
    integrated: float  # LUFS
    true_peak: float  # dBTP
    lra: float  # LU
    threshold: float  # LUFS, the relative gate


def ffmpeg(arguments: list[str], data: bytes, step: str) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run([*FFMPEG, *arguments], input=data, capture_output=True, check=False)
    if result.returncode != 0:
        raise RenderError(f"ffmpeg failed while {step}: {last_line(result.stderr)}")
    return result


def last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else "no message"


def pcm_input(sample_format: str, rate: int, source: str | None = None) -> list[str]:
    """Raw mono PCM from standard input, or from the file `source`."""
    return ["-f", sample_format, "-ar", str(rate), "-ac", "1", "-i", source or "pipe:0"]


def loudness_summary(stderr: bytes) -> Loudness:
    """The summaries ffmpeg's meters print at the end (true peak NaN when it was not measured)."""
    text = stderr.decode("utf-8", "replace")
    summary = text.rfind("Summary:")
    found, peak = _SUMMARY.search(text, max(summary, 0)), PEAK.search(text)
    if summary < 0 or found is None:
        raise RenderError("ffmpeg's loudness meter printed no summary")
    # float() reads ffmpeg's "-inf" for silence.
    return Loudness(float(found["i"]), float(peak["peak"]) if peak else float("nan"), float(found["lra"]),
                    float(found["threshold"]))


def measure(pcm: bytes, rate: int) -> Loudness:
    """Integrated loudness (dual-mono) and loudness range of 16-bit mono PCM, measured whole."""
    return loudness_summary(ffmpeg([*pcm_input("s16le", rate), "-af", METER, "-f", "null", "-"], pcm,
                                   "measuring loudness").stderr)


def gated(momentary: Iterable[float]) -> Loudness:
    """Integrated loudness from 400 ms blocks' loudness (LUFS), by BS.1770's two gates."""
    def energy(lufs: float) -> float:
        return 10 ** ((lufs + 0.691) / 10)

    def lufs(energies: list[float]) -> float:
        return -0.691 + 10 * math.log10(sum(energies) / len(energies))

    audible = [energy(block) for block in momentary if block > ABSOLUTE_GATE]
    if not audible:
        return Loudness(-math.inf, math.nan, math.nan, ABSOLUTE_GATE)
    threshold = lufs(audible) + RELATIVE_GATE
    kept = [block_energy for block_energy in audible if block_energy > energy(threshold)]
    # One decimal, as ffmpeg's own summary gives it.
    return Loudness(round(lufs(kept), 1), math.nan, math.nan, round(threshold, 1))


class SentenceMeter:
    """The narration's loudness from its sentences, each measured once and kept in the speech cache.

    Call it with each sentence's cache key and audio, in the narration's order (a sentence said
    twice, twice). Sentences not measured before go, in one ffmpeg process for the whole
    recording, through the filter `chain` (none: as spoken) and the meter, each followed by a
    block of silence so that no block spans two of them; `loudness()` then keeps their
    measurements and gives the whole narration's. A sentence without a key (or with no cache)
    is measured and not kept.
    """

    def __init__(self, cache: SpeechCache | None, rate: int, chain: str = "") -> None:
        self._cache, self._rate, self._chain = cache, rate, chain
        self._step = rate * STEP_MS // 1000  # samples
        self._order: list[str] = []
        self._known: dict[str, tuple[float, ...]] = {}
        self._fed: list[tuple[str, int, int, int]] = []  # (key, samples, first step, steps) of each measured now
        self._measuring: set[str] = set()
        self._unkept: set[str] = set()  # measured for this narration only
        self._steps = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def __call__(self, key: str | None, pcm: bytes | memoryview) -> None:
        if key is None or self._cache is None:
            key = f"#{len(self._order)}"
            self._unkept.add(key)
        self._order.append(key)
        if key in self._known or key in self._measuring:
            return
        cache = None if key in self._unkept else self._cache
        kept = cache.load_loudness(key, len(pcm) // 2, self._chain) if cache else None
        if kept is not None:
            self._known[key] = kept
            return
        self._measuring.add(key)
        samples = len(pcm) // 2
        steps = -(-samples // self._step) + BLOCK_STEPS  # the sentence, then a block of silence
        padding = bytes(2 * (steps * self._step - samples))
        self._fed.append((key, samples, self._steps, steps))
        self._steps += steps
        self._write(pcm)
        self._write(padding)

    def _write(self, data: bytes | memoryview) -> None:
        if self._process is None:
            self._log = tempfile.TemporaryFile()  # a file, not a pipe, so ffmpeg never waits on us
            self._process = subprocess.Popen(
                [*FFMPEG, "-loglevel", "verbose", *pcm_input("s16le", self._rate), "-af",
                 ",".join(filter(None, (self._chain, METER_EVERY_BLOCK))),
                 "-f", "null", "-"],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._log)
        stdin = self._process.stdin
        if stdin is None:  # not reached: ffmpeg was started with a pipe for its input
            raise RenderError("ffmpeg's loudness meter has no input")
        try:
            stdin.write(data)
        except BrokenPipeError:
            self._finish()  # raises with ffmpeg's reason
            raise

    def _finish(self) -> list[float]:
        """Every step's momentary loudness of what was fed."""
        if self._process is None or self._log is None:
            return []
        if self._process.stdin is not None:
            self._process.stdin.close()
        code = self._process.wait()
        self._log.seek(0)
        stderr = self._log.read()
        if code != 0:
            raise RenderError(f"ffmpeg failed while measuring loudness: {last_line(stderr)}")
        momentary = [float(value) for value in _MOMENTARY.findall(stderr)]
        if len(momentary) != self._steps:
            raise RenderError(f"ffmpeg's loudness meter gave {len(momentary)} blocks for {self._steps}")
        return momentary

    def loudness(self) -> Loudness:
        """The narration's integrated loudness; the sentences measured now are kept in the cache."""
        momentary = self._finish()
        for key, samples, first, steps in self._fed:
            # Only blocks above the absolute gate count: the sentence's silence is left out.
            self._known[key] = tuple(block for block in momentary[first:first + steps] if block > ABSOLUTE_GATE)
            if key not in self._unkept and self._cache is not None:
                self._cache.save_loudness(key, samples, self._chain, self._known[key])
        return gated(block for key in self._order for block in self._known[key])

    def __enter__(self) -> SentenceMeter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait()
            if self._process.stdin is not None and not self._process.stdin.closed:
                self._process.stdin.close()
        if self._log is not None:
            self._log.close()

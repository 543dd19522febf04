"""Run `build` with a stand-in voice that speaks a tone as long as the voice would take, then
print the process's peak memory (and its ffmpeg children's) as JSON. Run by `make bench` (memory.py).

Usage: python tone_build.py BUILD-ARGUMENTS…   (add `--engine tone` to use the stand-in voice)
"""

from __future__ import annotations

import json
import math
import resource
import sys
from array import array
from pathlib import Path

from pipeline.audio import SECONDS_PER_CHARACTER, SECONDS_PER_SENTENCE
from pipeline.audio.recording.speech.engines import ENGINES
from pipeline.cli import main

RATE = 22_050


class ToneVoice:
    engine = "tone"
    identity = "tone 220 Hz"
    sample_rate = RATE
    workers = 2

    def speak(self, text: str) -> bytes:
        samples = int(RATE * (len(text) * SECONDS_PER_CHARACTER + SECONDS_PER_SENTENCE))
        period = [round(8000 * math.sin(2 * math.pi * 220 * n / RATE)) for n in range(RATE // 220)]
        wave = array("h", period * (samples // len(period) + 1))[:samples]
        return wave.tobytes()


ENGINES["tone"] = lambda settings, workdir, *rest: ToneVoice()
code = main(sys.argv[1:])
# VmHWM is this program's own peak: getrusage's RUSAGE_SELF also counts the peak of the process it
# was forked from (the test runner), which Linux carries across fork and exec.
own_peak = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
                if line.startswith("VmHWM:"))
peak = {"self_kb": own_peak,
        "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}
print(json.dumps(peak), file=sys.stderr)
sys.exit(code)

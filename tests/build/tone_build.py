"""Run `build` with a stand-in voice that speaks a tone as long as the voice would take, then
print the process's peak memory (and its ffmpeg children's) as JSON. Run as a script by tests.

Usage: python tone_build.py BUILD-ARGUMENTS…   (add `--engine tone` to use the stand-in voice)
"""

from __future__ import annotations

import json
import math
import resource
import sys
from array import array

from pipeline.audio import SECONDS_PER_CHARACTER, SECONDS_PER_SENTENCE
from pipeline.audio.speech import ENGINES
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
peak = {"self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}
print(json.dumps(peak), file=sys.stderr)
sys.exit(code)

"""`make bench`'s Ctrl-C row: how long a cold build takes to stop once Ctrl-C is pressed while narrating.

The tests check that Ctrl-C stops a build with one line, exit 130 and nothing half-written; the
time it takes is measured here, on the seed article, at three moments of its narration.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

DELAYS = (0.4, 1.5, 4.0)  # seconds after the build says it is narrating


def ctrl_c_rows(work: Path, root: Path, slug: str) -> list[tuple[str, str]]:
    folder = work / "interrupted"
    sources = folder / "sources"
    shutil.copytree(root / "sources", sources)
    waits = []
    for number, delay in enumerate(DELAYS):
        print(f"bench: Ctrl-C {delay} s into narrating…", flush=True)
        child = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "build", slug, "--sources", str(sources),
             "--out", str(folder / f"out{number}"), "--cache", str(folder / f"cache{number}")],
            cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        assert child.stderr is not None
        while "narrating" not in (line := child.stderr.readline()):
            if not line and child.poll() is not None:
                sys.exit("bench: the build ended before narrating")
        time.sleep(delay)
        child.send_signal(signal.SIGINT)
        sent = time.perf_counter()
        child.communicate(timeout=60)
        waits.append(time.perf_counter() - sent)
        if child.returncode != 130:
            sys.exit(f"bench: Ctrl-C ended the build with {child.returncode}, not 130")
    return [("Ctrl-C while narrating: time to stop",
             f"{max(waits):.2f} s at most, {min(waits):.2f} s at least, at {', '.join(map(str, DELAYS))} s "
             f"into narrating (target < 1 s)")]

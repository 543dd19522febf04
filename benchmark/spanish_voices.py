"""`python -m benchmark.spanish_voices [VOICE…]`: each Kokoro voice's words missed in Spanish, heard back.

The article written for the Spanish test (`tests/fixtures/spanish_voice/`) is narrated with each
voice, its sentences paced as a build paces them, and heard back by the multilingual recogniser;
the share of words missed is counted the way `check --listen` counts it (digits equal number
words), weighted by each sentence's words. Also prints the time spoken and the CPU it took.
Needs the `listen` extra. Heavy: about a minute of speech per voice.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
import wave
from pathlib import Path

from pipeline.audio.listening.alignment import SLIGHT_WORDS_BY_LANGUAGE, Sentence, hearings, plain_words
from pipeline.audio.listening.recogniser import detected_language, heard
from pipeline.audio.recording.speech.kokoro import VOICES, kokoro_voice
from pipeline.audio.spoken_script.narration import narration_script
from pipeline.building.loading import load_sources
from pipeline.settings import Settings
from pipeline.sources import SpeechSettings

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "fixtures" / "spanish_voice" / "article_heard_back_in_spanish.md"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(voice_name: str, work: Path) -> str:
    sources = work / "sources"
    if not sources.is_dir():
        (sources / "articles").mkdir(parents=True)
        (sources / "practice.toml").write_text((ROOT / "sources" / "practice.toml").read_text())
        (sources / "articles" / ARTICLE.name).write_text(ARTICLE.read_text())
    practice, (article,), _ = load_sources(Settings(sources=sources))
    segments = [segment for segment in narration_script(article, practice).segments if segment.kind != "stamp"]
    voice = kokoro_voice(SpeechSettings(), work / "cache", "es", voice_name)
    voice.speak("Hola.")  # the model loaded before the clock starts
    rate, pcm, sentences, position = voice.sample_rate, bytearray(), [], 0
    start, cpu = time.perf_counter(), _cpu()
    for segment in segments:
        said = voice.speak(segment.spoken)
        sentences.append(Sentence(round(position * 1000 / rate), round((position + len(said) // 2) * 1000 / rate),
                                  segment.written, segment.spoken))
        pause = round(segment.pause_after_ms * rate / 1000)
        pcm += said + bytes(2 * pause)
        position += len(said) // 2 + pause
    wall, cpu = time.perf_counter() - start, _cpu() - cpu
    recording = work / f"{voice_name}.wav"
    with wave.open(str(recording), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(pcm))
    results = hearings(sentences, heard(recording, "es"), "es")
    # Each sentence weighs as many words as it counts (its slight words aside), so the share is of all words.
    slight = SLIGHT_WORDS_BY_LANGUAGE["es"]
    words = [len([word for word in plain_words(result.sentence.spoken, "es") if word not in slight])
             for result in results]
    missed = sum(result.word_error * count for result, count in zip(results, words, strict=True)) / sum(words)
    language, sure = detected_language(recording)
    seconds = position / rate
    return (f"{voice_name}: {missed:.1%} of {sum(words)} words missed; heard as {language} (p={sure:.2f}); "
            f"{seconds:.0f} s of speech in {wall:.0f} s ({wall / seconds:.2f}× real time), CPU {cpu:.0f} s")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="voices-") as folder:
        for name in sys.argv[1:] or VOICES:
            print(measure(name, Path(folder)), flush=True)


if __name__ == "__main__":
    main()

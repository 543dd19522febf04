"""Speech cache: each sentence's audio kept on disk, keyed by engine, voice, settings and text.

Editing one paragraph re-synthesizes only the sentences whose text changed. Entries are WAV
files, each with the sentence's loudness measurements beside it (`<key>.loudness.json`),
written through a temporary file and a rename, so builds running side by side or killed
half-way never leave a truncated entry; an entry that still fails to read is spoken again.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import math
import wave
from dataclasses import dataclass
from pathlib import Path

from pipeline.audio.recording.speech.engines import Voice
from pipeline.errors import SpeechError
from pipeline.output import write_atomic

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the stored audio changes meaning, to leave old entries unused
MEASUREMENTS_KEPT = 2  # per sentence, besides its loudness as spoken: after the latest mastering gains


@dataclass(frozen=True)
class SpeechCache:
    folder: Path  # the --cache folder; entries live in its speech/ subfolder

    def key(self, voice: Voice, text: str) -> str:
        material = [FORMAT, voice.engine, voice.identity, voice.sample_rate, text]
        return hashlib.sha256(json.dumps(material, ensure_ascii=False).encode("utf-8")).hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / "speech" / key[:2] / f"{key}.wav"

    def load(self, key: str, sample_rate: int) -> bytes | None:
        """The cached 16-bit mono PCM, or None when missing or unreadable."""
        path = self.path(key)
        try:
            with wave.open(str(path), "rb") as entry:
                shape = (entry.getnchannels(), entry.getsampwidth(), entry.getframerate())
                frames = entry.getnframes()
                pcm = entry.readframes(frames)
        except FileNotFoundError:
            return None
        except (OSError, EOFError, wave.Error) as exc:
            log.debug("%s: unreadable speech cache entry, speaking again: %s", path, exc)
            return None
        if shape != (1, 2, sample_rate) or len(pcm) != frames * 2:
            log.debug("%s: speech cache entry of the wrong shape, speaking again", path)
            return None
        return pcm

    def loudness_path(self, key: str) -> Path:
        return self.path(key).with_suffix(".loudness.json")

    def load_loudness(self, key: str, samples: int, chain: str = "") -> tuple[float, ...] | None:
        """The sentence's momentary loudness blocks (LUFS) after the ffmpeg filter `chain` (as
        spoken when empty), if measured from these `samples`."""
        kept = self._loudness(key)
        if kept.get("samples") == samples and chain in kept["momentary"]:
            return tuple(kept["momentary"][chain])
        return None

    def save_loudness(self, key: str, samples: int, chain: str, momentary: tuple[float, ...]) -> None:
        """Keep a measurement beside the sentence: the one as spoken, and the latest few after other chains."""
        kept = self._loudness(key)
        chains = kept["momentary"] if kept.get("samples") == samples else {}
        chains.pop(chain, None)
        chains[chain] = list(momentary)
        others = [name for name in chains if name]
        for name in others[:-MEASUREMENTS_KEPT]:
            del chains[name]
        path = self.loudness_path(key)
        try:
            write_atomic(path, json.dumps({"samples": samples, "momentary": chains}))
        except OSError as exc:
            raise SpeechError(f"{path.parent}: cannot write the speech cache: {exc.strerror or exc}") from None

    def _loudness(self, key: str) -> dict:
        try:
            kept = json.loads(self.loudness_path(key).read_text(encoding="utf-8"))
            # NaN or +inf is no loudness a block can have (silence is -inf): such an entry is damaged,
            # measured again and rewritten, never read as a silent narration.
            if isinstance(kept["samples"], int) and all(
                    isinstance(name, str) and all(isinstance(block, float) and not math.isnan(block)
                                                  and block != math.inf for block in blocks)
                    for name, blocks in kept["momentary"].items()):
                return kept
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # missing or damaged: measured again
        return {"momentary": {}}

    def keys(self) -> set[str]:
        """Every entry's key."""
        return {entry.stem for entry in (self.folder / "speech").glob("??/*.wav")}

    def remove(self, keys: set[str]) -> int:
        """Remove these entries (and folders left empty); returns the bytes freed."""
        freed = 0
        for key in keys:
            path = self.path(key)
            try:
                freed += path.stat().st_size
                path.unlink()
            except FileNotFoundError:
                continue
            try:
                sidecar = self.loudness_path(key)
                freed += sidecar.stat().st_size
                sidecar.unlink()
            except FileNotFoundError:
                pass
            try:
                path.parent.rmdir()
            except OSError:
                pass  # other entries still live there
        return freed

    def save(self, key: str, pcm: bytes, sample_rate: int) -> None:
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as entry:
            entry.setnchannels(1)
            entry.setsampwidth(2)
            entry.setframerate(sample_rate)
            entry.writeframes(pcm)
        path = self.path(key)
        try:
            write_atomic(path, buffer.getvalue())
        except OSError as exc:
            raise SpeechError(f"{path.parent}: cannot write the speech cache: {exc.strerror or exc}") from None

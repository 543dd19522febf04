"""The run's decisions, made once: the speech engine and voice for each language, and each article's
narration script and its digest, shared by every output that reads them."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.article import Article
from pipeline.building.makers import MAKERS, Makers
from pipeline.errors import ConfigError, PipelineError
from pipeline.rebuild import Manifest, fingerprint, script_source_key
from pipeline.settings import Settings
from pipeline.sources import Practice

if TYPE_CHECKING:
    from pipeline.audio import Script, Voice


@dataclass
class RunContext:
    """One build's (or check's) settings, profile, and the voices it has looked up, by language."""

    settings: Settings
    practice: Practice
    makers: Makers = MAKERS
    _voices: dict[str, Voice | str] = field(default_factory=dict)  # a voice, or why there is none
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def engine_for(self, language: str) -> str:
        """The engine chosen for `language`: `--engine`, else the profile's."""
        return self.settings.engine or self.practice.speech.engine

    def voice(self, language: str) -> Voice | str:
        """The voice for `language`, loaded once per run; a string says why there is none.

        A voice file that is named but missing, unreadable or in another language is an error."""
        from pipeline.audio import MissingVoice, load_voice

        with self._lock:
            if language not in self._voices:
                engine = self.engine_for(language)
                try:
                    self._voices[language] = load_voice(engine, self.practice.speech, self.settings.cache,
                                                        language, self.settings.sources)
                except MissingVoice as exc:
                    self._voices[language] = f"{engine}: {exc}"
                except PipelineError as exc:
                    raise ConfigError(*(f"{self.settings.practice_file}: {problem}"
                                        for problem in exc.problems)) from None
            return self._voices[language]


@dataclass
class Narration:
    """An article's narration script, written at most once per build and only when needed: the
    manifest keeps its digest beside what it was written from, so an unchanged article is not
    scripted again (splitting and wording every sentence is the slowest part of a no-op)."""

    article: Article
    practice: Practice
    manifest: Manifest
    makers: Makers = MAKERS
    _script: Script | None = None

    def script(self) -> Script:
        if self._script is None:
            self._script = self.makers.script(self.article, self.practice)
        return self._script

    def digest(self) -> str:
        written_from = script_source_key(self.article, self.practice)
        kept = self.manifest.facts.get("script")
        if isinstance(kept, dict) and kept.get("written_from") == written_from and isinstance(kept.get("digest"), str):
            return str(kept["digest"])
        digest = fingerprint(self.script())
        self.manifest.facts["script"] = {"written_from": written_from, "digest": digest}
        return digest

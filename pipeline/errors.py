"""The pipeline's exceptions: one tree, one exit path in the CLI."""

from __future__ import annotations


class PipelineError(Exception):
    """A problem the user can act on; each line of `problems` is printed on its own."""

    step_named = False  # its lines already say which article and step failed

    def __init__(self, *problems: str) -> None:
        super().__init__("\n".join(problems))
        self.problems: tuple[str, ...] = problems


class SourceError(PipelineError):
    """An article source is missing, unreadable or malformed."""


class ConfigError(PipelineError):
    """The practice profile is missing or invalid."""


class RenderError(PipelineError):
    """An output could not be rendered."""


class SpeechError(PipelineError):
    """A speech engine failed or is unavailable."""


class ImportFailed(PipelineError):
    """A page could not be imported as an article source."""

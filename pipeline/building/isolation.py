"""Failure isolation: whatever goes wrong in one step of one article becomes one line naming both.

A defect in a renderer (or an input nobody foresaw) must skip only that article: `article_step`
turns any exception into a `PipelineError` whose line says which article and which step failed,
so the build, `check` and `script` report it like any other problem and carry on with the rest.
With --debug the traceback is logged as well.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from pipeline.errors import PipelineError, RenderError
from pipeline.stopping import stop_if_interrupted

log = logging.getLogger(__name__)


@contextmanager
def article_step(slug: str, step: str) -> Iterator[None]:
    """Run one step of one article; any failure names the article and the step, in one line each."""
    stop_if_interrupted()
    try:
        yield
    except PipelineError as exc:
        if exc.step_named:  # an inner step already said where
            raise
        error = type(exc)(*(f"{slug}: {step}: {problem}" for problem in exc.problems))
        error.step_named = True
        raise error from exc
    except Exception as exc:  # a defect, not the user's doing: still only this article stops
        log.debug("%s: %s failed", slug, step, exc_info=True)
        detail = str(exc).splitlines()[0][:200] if str(exc) else "no details"
        error = RenderError(f"{slug}: {step}: unexpected {type(exc).__name__}: {detail}")
        error.step_named = True
        raise error from exc

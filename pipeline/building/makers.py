"""Each output's maker, in one table the build looks up: the seam a test replaces (with
`dataclasses.replace`) instead of patching module globals. The real makers import their heavy
renderers only when called, so a build with nothing to make never loads WeasyPrint or the voice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from pipeline.article import Article
    from pipeline.audio import Recording, Script
    from pipeline.handout import Edition
    from pipeline.sources import Practice


def _handout(article: Article, practice: Practice, edition: Edition) -> bytes:
    from pipeline.handout import render_handout

    return render_handout(article, practice, edition)


def _recording(script: Script, practice: Practice, engine: str, cache_dir: Any, **options: Any) -> Recording:
    from pipeline.audio import record

    return record(script, practice, engine, cache_dir, **options)


def _script(article: Article, practice: Practice) -> Script:
    from pipeline.audio import narration_script

    return narration_script(article, practice)


def _ebook(article: Article, practice: Practice, script: Script, recording: Recording | None) -> bytes:
    from pipeline.ebook import render_epub

    return render_epub(article, practice, script, recording)


def _email(article: Article, practice: Practice, handout: bytes, large_print: bytes | None,
           recording: Recording | None, epub: bytes | None = None) -> bytes:
    from pipeline.email import render_email

    return render_email(article, practice, handout, large_print, recording, epub)


def _article_page(article: Article, recording: Recording | None, practice: Practice, built: Any) -> str:
    from pipeline.library import render_article_page

    return render_article_page(article, recording, practice, built)


def _library_page(articles: Any, recordings: Any, practice: Practice, not_built: Any = (), ebooks: Any = ()) -> str:
    from pipeline.library import render_library_page

    return render_library_page(articles, recordings, practice, not_built, ebooks)


def _staff_page(articles_with_files: Any, practice: Practice, measured: Any = None) -> str:
    from pipeline.library import render_staff_page

    return render_staff_page(articles_with_files, practice, measured)


@dataclass(frozen=True)
class Makers:
    """The function that makes each output (by the registry's key), and the narration script."""

    handout: Callable[..., bytes] = _handout  # both editions: (article, practice, edition)
    recording: Callable[..., Recording] = _recording  # the MP3 and its captions
    script: Callable[..., Script] = _script
    ebook: Callable[..., bytes] = _ebook
    email: Callable[..., bytes] = _email
    article_page: Callable[..., str] = _article_page
    library_page: Callable[..., str] = _library_page
    staff_page: Callable[..., str] = _staff_page


MAKERS = Makers()

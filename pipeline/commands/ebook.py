"""The e-book step of an article's build: its EPUB, read-along when the article has a current recording."""

from __future__ import annotations

from pipeline.article import Article
from pipeline.audio import Recording
from pipeline.commands.article_step import article_step
from pipeline.commands.progress import Reporter
from pipeline.rebuild import ArticleOutputs, ebook_key, recording_from_facts
from pipeline.sources import Practice


def _key(article: Article, practice: Practice, outputs: ArticleOutputs, names: dict[str, str],
         recording: Recording | None) -> str:
    read_along = recording is not None and names["mp3"] in outputs.manifest.outputs
    return ebook_key(article, practice, outputs.manifest, names, read_along)


def ebook_made(article: Article, practice: Practice, outputs: ArticleOutputs, names: dict[str, str],
               recording: Recording | None) -> bool:
    """The e-book is made from today's text and recording (this time or earlier): a draft may attach it."""
    return outputs.made_from(names["epub"], _key(article, practice, outputs, names, recording))


def build_ebook(article: Article, practice: Practice, outputs: ArticleOutputs, names: dict[str, str],
                recording: Recording | None, reporter: Reporter) -> None:
    """Bring `<slug>.epub` up to date: text only without a recording, else with its overlays."""
    read_along = recording is not None and names["mp3"] in outputs.manifest.outputs
    key = _key(article, practice, outputs, names, recording)
    if outputs.current(names["epub"], key):
        return
    from pipeline.audio import narration_script
    from pipeline.ebook import render_epub

    slug = article.slug
    reporter.step(slug, "writing the read-along e-book" if read_along else "writing the e-book")
    with article_step(slug, "writing the e-book"):
        full = recording_from_facts(outputs.manifest.facts["recording"], outputs.read(names["mp3"]), "") \
            if read_along else None
        outputs.put(names["epub"], key, render_epub(article, practice, narration_script(article, practice), full))

"""The e-book step of an article's build: its EPUB, read-along when the article has a current recording."""

from __future__ import annotations

from pipeline.article import Article
from pipeline.audio import Recording, recording_from_facts
from pipeline.building.context import Narration, RunContext
from pipeline.building.freshness import book_key
from pipeline.building.isolation import article_step
from pipeline.building.progress import Reporter
from pipeline.outputs import file_names
from pipeline.rebuild import ArticleOutputs


def _read_along(article: Article, outputs: ArticleOutputs, recording: Recording | None) -> bool:
    return recording is not None and file_names(article.slug)["recording"] in outputs.manifest.outputs


def ebook_made(article: Article, context: RunContext, narration: Narration, outputs: ArticleOutputs,
               recording: Recording | None) -> bool:
    """The e-book is made from today's text and recording (this time or earlier): a draft may attach it."""
    key = book_key(article, context, narration, outputs.manifest, _read_along(article, outputs, recording))
    return outputs.made_from(file_names(article.slug)["ebook"], key)


def build_ebook(article: Article, context: RunContext, narration: Narration, outputs: ArticleOutputs,
                recording: Recording | None, reporter: Reporter) -> None:
    """Bring `<slug>.epub` up to date: text only without a recording, else with its overlays."""
    names = file_names(article.slug)
    read_along = _read_along(article, outputs, recording)
    key = book_key(article, context, narration, outputs.manifest, read_along)
    if outputs.current(names["ebook"], key):
        return
    slug = article.slug
    reporter.step(slug, "writing the read-along e-book" if read_along else "writing the e-book")
    with article_step(slug, "writing the e-book"):
        full = recording_from_facts(outputs.manifest.facts["recording"], outputs.read(names["recording"]), "") \
            if read_along else None
        outputs.put(names["ebook"], key, context.makers.ebook(article, context.practice, narration.script(), full))

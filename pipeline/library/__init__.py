"""Library stage: the library page that lists every article, each article's own page, and the podcast feed."""

from pipeline.library.article_page import render_article_page
from pipeline.library.feed import Episode, render_feed
from pipeline.library.library_page import render_library_page

__all__ = ["Episode", "render_article_page", "render_feed", "render_library_page"]

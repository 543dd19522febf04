"""Library stage: the library page that lists every article, and each article's own page."""

from pipeline.library.article_page import render_article_page
from pipeline.library.page import render_library_page

__all__ = [
    "render_article_page",
    "render_library_page",
]

"""Library stage: the library page, each article's own page, the staff page, and the podcast feed."""

from pipeline.library.article_page import render_article_page
from pipeline.library.feed import Episode, render_feed
from pipeline.library.library_page import render_library_page
from pipeline.library.staff_page import render_staff_page

__all__ = ["Episode", "render_article_page", "render_feed", "render_library_page", "render_staff_page"]

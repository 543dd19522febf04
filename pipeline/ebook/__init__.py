"""E-book stage: an article, its narration script and recording become a read-along EPUB 3."""

from pipeline.ebook.package import book_identifier, render_epub

__all__ = ["book_identifier", "render_epub"]

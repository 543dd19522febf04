"""E-book stage: an article, its narration script and recording become a read-along EPUB 3."""

from pipeline.ebook.package import book_identifier, render_epub
from pipeline.ebook.parts import Node
from pipeline.ebook.reading import Text, book_text

__all__ = ["Node", "Text", "book_identifier", "book_text", "render_epub"]

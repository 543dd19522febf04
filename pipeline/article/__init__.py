"""The article model: the immutable Article, its blocks and spans, the one traversal, and cleaning."""

from pipeline.article.cleaning import clean_line, clean_text, excerpt, visible
from pipeline.article.model import (
    MARKS,
    STATUSES,
    Article,
    Block,
    BulletList,
    CodeBlock,
    Heading,
    ListItem,
    Mark,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Span,
    Status,
    Table,
    Text,
    current_words,
    plain,
)
from pipeline.article.text import Section, body_text, sections, text_runs
from pipeline.article.walk import BlockVisitor, block_kind, mark_name

__all__ = [
    "Article", "Block", "BlockVisitor", "BulletList", "CodeBlock", "Heading", "ListItem", "MARKS", "Mark",
    "OrderedList", "Paragraph", "Quote", "Rule", "STATUSES", "Section", "Span", "Status", "Table", "Text",
    "block_kind", "body_text",
    "clean_line", "clean_text", "current_words", "excerpt", "mark_name", "plain", "sections", "text_runs", "visible",
]

"""Sources stage: the practice profile and the article sources, read and validated into immutable values."""

from pipeline.sources.article import (
    Article,
    Block,
    BulletList,
    CodeBlock,
    Heading,
    ListItem,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Span,
    Table,
    Text,
    plain,
    sections,
)
from pipeline.sources.article import words as article_text
from pipeline.sources.articles import SLUG, clean_line, read_library
from pipeline.sources.editing import PlainLanguageSettings, ReviewSettings, RuleId
from pipeline.sources.invisible import visible
from pipeline.sources.language import (
    SOURCE_LANGUAGE,
    join_words,
    language_name,
    languages,
    state_name,
    translations,
    words,
)
from pipeline.sources.markdown import parse_body
from pipeline.sources.practice import Practice, SpeechSettings, load_practice
from pipeline.sources.publishing import article_page_url, artwork_file, published_url
from pipeline.sources.readability import TARGET_GRADE, ReadingScale, reading_grade, reading_scale
from pipeline.sources.review import EditionMark, ReviewStatus, edition_mark, next_review, review_line, review_status
from pipeline.sources.sentences import first_sentence, sentences
from pipeline.sources.settings import PARTS, Settings
from pipeline.sources.stamp import Stamp, display_url, phone_link, stamp, stamp_text
from pipeline.sources.wording import MONTHS, clock, listening_time, long_date, running_time

__all__ = [
    "article_text",
    "Article",
    "article_page_url",
    "artwork_file",
    "Block",
    "BulletList",
    "clean_line",
    "clock",
    "CodeBlock",
    "display_url",
    "edition_mark",
    "EditionMark",
    "first_sentence",
    "join_words",
    "language_name",
    "languages",
    "Heading",
    "listening_time",
    "ListItem",
    "load_practice",
    "long_date",
    "MONTHS",
    "next_review",
    "OrderedList",
    "Paragraph",
    "parse_body",
    "PARTS",
    "phone_link",
    "plain",
    "PlainLanguageSettings",
    "Practice",
    "published_url",
    "Quote",
    "read_library",
    "reading_grade",
    "reading_scale",
    "ReadingScale",
    "review_line",
    "ReviewSettings",
    "review_status",
    "ReviewStatus",
    "Rule",
    "RuleId",
    "running_time",
    "sections",
    "sentences",
    "SOURCE_LANGUAGE",
    "state_name",
    "Settings",
    "SLUG",
    "Span",
    "SpeechSettings",
    "Stamp",
    "stamp",
    "stamp_text",
    "Table",
    "TARGET_GRADE",
    "Text",
    "translations",
    "visible",
    "words",
]

"""Sources stage: the practice profile and the article sources, read and validated into immutable values."""

from pipeline.sources.articles import MAX_ARTICLE_BYTES, SLUG, Library, parse_article, read_article, read_library
from pipeline.sources.editing import PlainLanguageSettings, ReviewSettings, RuleId
from pipeline.sources.markdown import SAFE_LINK_SCHEMES, parse_body
from pipeline.sources.practice import Clinician, Practice, SpeechSettings
from pipeline.sources.profile import load_practice, parse_practice
from pipeline.sources.profile_fields import state_name, tel_link
from pipeline.sources.publishing import ARTWORK_PIXELS, article_page_url, artwork_file, published_url
from pipeline.sources.review import EditionMark, ReviewStatus, edition_mark, next_review, review_line, review_status
from pipeline.sources.summary import first_sentence

__all__ = [
    "ARTWORK_PIXELS", "Clinician", "EditionMark", "Library", "MAX_ARTICLE_BYTES", "PlainLanguageSettings", "Practice",
    "ReviewSettings", "ReviewStatus", "RuleId", "SAFE_LINK_SCHEMES", "SLUG", "SpeechSettings",
    "article_page_url", "artwork_file", "edition_mark", "first_sentence", "load_practice", "next_review",
    "parse_article", "parse_body", "parse_practice", "published_url", "read_article", "read_library",
    "review_line", "review_status", "state_name", "tel_link",
]

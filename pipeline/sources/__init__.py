"""Sources stage: the practice profile and the article sources, read and validated into immutable values."""

from pipeline.sources.articles import MAX_ARTICLE_BYTES, SLUG, Library, parse_article, read_article, read_library
from pipeline.sources.markdown import SAFE_LINK_SCHEMES, parse_body
from pipeline.sources.practice import Practice, SpeechSettings
from pipeline.sources.profile import load_practice, parse_practice
from pipeline.sources.profile_fields import state_name, tel_link
from pipeline.sources.publishing import ARTWORK_PIXELS, article_page_url, artwork_file, published_url
from pipeline.sources.summary import first_sentence

__all__ = [
    "ARTWORK_PIXELS", "Library", "MAX_ARTICLE_BYTES", "Practice", "SAFE_LINK_SCHEMES", "SLUG", "SpeechSettings",
    "article_page_url", "artwork_file", "first_sentence", "load_practice", "parse_article", "parse_body",
    "parse_practice", "published_url", "read_article", "read_library", "state_name", "tel_link",
]

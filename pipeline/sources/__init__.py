"""Sources stage: the practice profile and the article sources, read and validated into immutable values."""

from pipeline.sources.addresses import web_address_problem
from pipeline.sources.articles import MAX_ARTICLE_BYTES, SLUG, Library, parse_article, read_article, read_library
from pipeline.sources.drafts import APPROVE, DRAFT_NOTE
from pipeline.sources.editing import PlainLanguageSettings, ReviewSettings, RuleId
from pipeline.sources.files import read_limited
from pipeline.sources.front_matter import split_front_matter
from pipeline.sources.markdown import SAFE_LINK_SCHEMES, parse_body
from pipeline.sources.practice import Clinician, Practice, SpeechSettings
from pipeline.sources.profile import load_practice, parse_practice
from pipeline.sources.profile_fields import state_name, tel_link
from pipeline.sources.publishing import ARTWORK_PIXELS, article_page_url, artwork_file, published_url
from pipeline.sources.review import EditionMark, ReviewStatus, edition_mark, next_review, review_line, review_status
from pipeline.sources.slugs import resolve_slugs
from pipeline.sources.structure import Finding, article_structure, structure_findings, title_problem
from pipeline.sources.summary import first_sentence

__all__ = [
    "APPROVE", "ARTWORK_PIXELS", "Clinician", "DRAFT_NOTE", "EditionMark", "Finding", "Library", "MAX_ARTICLE_BYTES",
    "PlainLanguageSettings", "Practice", "ReviewSettings", "ReviewStatus", "RuleId", "SAFE_LINK_SCHEMES",
    "SLUG", "SpeechSettings", "article_page_url", "article_structure", "artwork_file", "edition_mark",
    "first_sentence", "load_practice", "next_review", "parse_article", "parse_body", "parse_practice",
    "published_url", "read_article", "read_library", "read_limited", "resolve_slugs", "review_line",
    "review_status", "split_front_matter", "state_name", "structure_findings", "tel_link", "title_problem",
    "web_address_problem",
]

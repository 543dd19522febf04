"""Language tables: the gettext catalogs of fixed phrases, names, dates and durations, and sentence rules."""

from pipeline.language.catalogs import (
    N_,
    SOURCE_LANGUAGE,
    join_words,
    language_name,
    languages,
    phrases,
    translated_state,
    translations,
)
from pipeline.language.sentences import is_one_sentence, split_sentences
from pipeline.language.wording import MONTHS, clock, listening_time, long_date, running_time

__all__ = [
    "MONTHS", "N_", "SOURCE_LANGUAGE", "clock", "join_words", "language_name", "languages", "listening_time",
    "is_one_sentence", "long_date", "phrases", "running_time", "split_sentences", "translated_state", "translations",
]

"""Build stage: bring every output up to date, report on it, check sources and clean what was built."""

from pipeline.build.builder import build, load_sources
from pipeline.build.check import check
from pipeline.build.clean import clean
from pipeline.build.isolation import article_step
from pipeline.build.preview import serve
from pipeline.build.progress import reporter_for
from pipeline.build.summary import print_summary
from pipeline.build.unused_speech import remove_unused_speech

__all__ = [
    "article_step",
    "build",
    "check",
    "clean",
    "load_sources",
    "print_summary",
    "remove_unused_speech",
    "reporter_for",
    "serve",
]

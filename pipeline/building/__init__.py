"""Build stage: the engine that brings every selected output of the registry up to date, article by article."""

from pipeline.building.article import ArticleResult, build_article
from pipeline.building.context import Narration, RunContext
from pipeline.building.engine import BuildReport, build
from pipeline.building.freshness import current_files
from pipeline.building.isolation import article_step
from pipeline.building.limits import over_limits, within_limits
from pipeline.building.loading import engine_problem, load_sources, missing_voice
from pipeline.building.makers import MAKERS, Makers
from pipeline.building.progress import PlainReporter, Reporter, reporter_for
from pipeline.building.scorecard import reading_level_label
from pipeline.building.upload import UploadSet, is_draft, upload_set

__all__ = [
    "MAKERS", "article_step", "ArticleResult", "build", "build_article", "BuildReport", "current_files",
    "engine_problem", "is_draft", "load_sources", "Makers", "missing_voice", "Narration", "over_limits",
    "PlainReporter", "reading_level_label", "Reporter", "reporter_for", "RunContext", "upload_set", "UploadSet",
    "within_limits",
]

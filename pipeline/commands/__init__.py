"""Commands stage: what `build`, `check`, `serve`, `import`, `script` and `clean` do, behind the thin CLI."""

from pipeline.commands.article_step import article_step
from pipeline.commands.build import BuildReport, build
from pipeline.commands.build_article import ArticleResult, build_article
from pipeline.commands.check import CheckReport, check
from pipeline.commands.clean import clean
from pipeline.commands.limits import over_limits, within_limits
from pipeline.commands.listening import ListeningReport, listen_back
from pipeline.commands.loading import engine_problem, load_sources, missing_voice
from pipeline.commands.progress import reporter_for
from pipeline.commands.run import run
from pipeline.commands.serve import serve
from pipeline.commands.summary import print_summary
from pipeline.commands.unused_speech import remove_unused_speech

__all__ = [
    "ArticleResult", "BuildReport", "CheckReport", "ListeningReport", "article_step", "build", "build_article",
    "check", "clean", "engine_problem", "listen_back", "load_sources", "missing_voice", "over_limits",
    "print_summary", "remove_unused_speech", "reporter_for", "run", "serve", "within_limits",
]

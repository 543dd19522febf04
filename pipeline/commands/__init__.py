"""Commands stage: the verbs behind the thin CLI — `build`, `check`, `serve`, `import`, `script`, `publish`, `clean`."""

from pipeline.commands.check import CheckReport, check
from pipeline.commands.clean import clean
from pipeline.commands.listening import ListeningReport, listen_back
from pipeline.commands.publish import Published, publish
from pipeline.commands.run import run
from pipeline.commands.serve import serve
from pipeline.commands.summary import print_summary
from pipeline.commands.unused_speech import remove_unused_speech

__all__ = [
    "check", "CheckReport", "clean", "listen_back", "ListeningReport", "print_summary", "publish", "Published",
    "remove_unused_speech", "run", "serve",
]

"""Build stage: bring every output up to date, report on it, check sources and clean what was built.

Each name is imported from its module on first use (see `pipeline.public`): `clean` never loads
the builder, and a build never loads the preview server.
"""

from __future__ import annotations

from pipeline.public import public_face

__all__, __getattr__, __dir__ = public_face(__name__, {
    "pipeline.build.builder": ("build", "load_sources"),
    "pipeline.build.ceilings": ("over_limits",),
    "pipeline.build.checkup": ("check",),
    "pipeline.build.cleanup": ("clean",),
    "pipeline.build.isolation": ("article_step",),
    "pipeline.build.listening": ("listen_back",),
    "pipeline.build.preview": ("serve",),
    "pipeline.build.progress": ("reporter_for",),
    "pipeline.build.summary": ("print_summary",),
    "pipeline.build.unused_speech": ("remove_unused_speech",),
})

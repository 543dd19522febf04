"""Importing stage: pages, exports and documents from elsewhere become article sources to review.

Each name is imported from its module on first use (see `pipeline.public`).
"""

from __future__ import annotations

from pipeline.public import public_face

__all__, __getattr__, __dir__ = public_face(__name__, {
    "pipeline.importing.batch": ("ImportReport", "run_import"),
    "pipeline.importing.importer": ("import_page",),
})

"""Library stage: the browsable pages that list every article and play its narration."""

from pipeline.library.page import render_library_page

__all__ = [
    "render_library_page",
]

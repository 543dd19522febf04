"""Library stage: the library page that lists every article, each article's own page, and the podcast feed.

Each name is imported from its module on first use (see `pipeline.public`).
"""

from __future__ import annotations

from pipeline.public import public_face

__all__, __getattr__, __dir__ = public_face(__name__, {
    "pipeline.library.article_page": ("render_article_page",),
    "pipeline.library.feed": ("Episode", "render_feed"),
    "pipeline.library.page": ("render_library_page",),
})

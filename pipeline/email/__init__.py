"""E-mail stage: an article's files become a draft a clinician addresses to a client and sends.

Each name is imported from its module on first use (see `pipeline.public`).
"""

from __future__ import annotations

from pipeline.public import public_face

__all__, __getattr__, __dir__ = public_face(__name__, {
    "pipeline.email.draft": ("draft_size_warning", "render_email"),
})

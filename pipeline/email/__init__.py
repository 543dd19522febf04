"""E-mail stage: an article's files become a draft a clinician addresses to a client and sends."""

from pipeline.email.draft import draft_size_warning, render_email

__all__ = ["draft_size_warning", "render_email"]

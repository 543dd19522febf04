"""Handout stage: an article and the practice's stamp become the printable PDF, regular and large print."""

from pipeline.handout.html import render_handout

__all__ = [
    "render_handout",
]

"""Handout stage: an article and the practice's stamp become the printable PDF, regular and large print.

Each name is imported from its module on first use (see `pipeline.public`).
"""

from __future__ import annotations

from pipeline.public import public_face

__all__, __getattr__, __dir__ = public_face(__name__, {
    "pipeline.handout.html": ("render_handout",),
})

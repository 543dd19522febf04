"""Handout stage: an article and the practice's stamp become the printable PDF, regular and large print."""

from pipeline.handout.html import EDITIONS, Edition, handout_html, render_handout

__all__ = ["EDITIONS", "Edition", "handout_html", "render_handout"]

"""Handout stage: an article and the practice's stamp become the printable PDF, regular and large print."""

from pipeline.handout.html import EDITIONS, Edition, handout_html, outline, render_handout
from pipeline.handout.pdf import write_pdf

__all__ = ["EDITIONS", "Edition", "handout_html", "outline", "render_handout", "write_pdf"]

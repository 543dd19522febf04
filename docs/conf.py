"""Sphinx settings for the documentation site: Markdown pages (MyST), and the CLI and profile
reference read from the code."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE / "_ext"), str(HERE.parent)]  # the extension below, and the pipeline it documents

project = "Practice handouts"
author = "the practice"
copyright = "the practice"  # noqa: A001 (Sphinx's name)

extensions = [
    "myst_parser",
    "sphinxarg.ext",  # the command-line reference, from pipeline.cli's own parser
    "profile_reference",  # every practice.toml key, from the profile's schema
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "**/README.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3  # [text](page.md#a-heading) links are checked like page links

html_theme = "furo"
html_title = "Practice handouts"
html_static_path: list[str] = []
html_copy_source = False
html_show_sourcelink = False

nitpicky = True

"""Templates step: the one Jinja2 environment for `templates/`, with the filters article text needs."""

from __future__ import annotations

import functools
import itertools
import re
from importlib.resources import files
from pathlib import Path
from typing import assert_never

import jinja2
from markupsafe import Markup, escape

from pipeline.article import Mark, Span, Text, block_kind, plain
from pipeline.language import translations
from pipeline.stamp import display_url, phone_link

# The top-level templates/ folder, installed as the package `pipeline.templates` (pyproject.toml maps
# it), so a checkout and an installed wheel render from the same files.
TEMPLATES = Path(str(files("pipeline.templates")))



STRUCK_LABEL = "struck through:"  # said before struck-through words by screen readers; never printed


@functools.cache
def environment(language: str = "en") -> jinja2.Environment:
    """The environment every handout, e-mail and library page in `language` renders with.

    `*.html.j2` escapes what it is given; `*.txt.j2` (the e-mail's plain text) does not, so a
    title with "&" stays "&" there. Undefined names are errors, never blanks. Fixed phrases are
    `{% trans %}` blocks and `_()` calls, translated from the language's gettext catalog; one
    environment per language, so builds in several languages at once never share a catalog.
    """
    templates = jinja2.Environment(
        extensions=["jinja2.ext.i18n"],
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    templates.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    templates.filters["inline"] = functools.partial(inline, struck_label=translations(language).gettext(STRUCK_LABEL))
    templates.filters["printed_url"] = printed_url
    templates.filters["phone_url"] = phone_link
    templates.filters["css_string"] = css_string
    templates.filters["css_counters"] = css_counters
    templates.filters["kind"] = block_kind  # a template finds each block's macro by it
    return templates


def printed_url(url: str) -> Markup:
    """A web address as printed: no scheme, and a line may break after each slash.

    A zero-width space (&#8203;) marks the break, not <wbr>: WeasyPrint draws <wbr> as a box of its own,
    which inside a link becomes a link annotation outside the Link tag (a PDF/UA failure).
    """
    return _breakable(display_url(url))


def css_counters(wording: str) -> Markup:
    """'Page {page} of {pages}' (or 'Página {page} de {pages}') as CSS `content:` with page counters."""
    parts = re.split(r"\{(page|pages)\}", wording)
    return Markup(" ").join(css_string(part) if index % 2 == 0 else Markup(f"counter({part})")
                            for index, part in enumerate(parts) if part)


def css_string(lines: str | tuple[str, ...]) -> Markup:
    """Text as a quoted CSS string, lines joined by CSS newlines, for `content:` in a stylesheet.

    Quotes, backslashes, angle brackets, ampersands and control characters are written as CSS hex
    escapes (the closing space is part of the escape), so no practice name can close the string,
    the rule or the <style> element it sits in.
    """
    text = "\n".join(lines) if isinstance(lines, tuple) else lines
    escaped = "".join(f"\\{ord(char):x} " if char in "\"'\\<>&" or not char.isprintable() else char
                      for char in text)
    return Markup(f'"{escaped}"')


def inline(text: Text, struck_label: str = STRUCK_LABEL) -> Markup:
    """Spans as HTML; a link also prints its address, since paper cannot be clicked.

    A link holds plain text only: WeasyPrint gives every element nested in a link a link
    annotation of its own, outside the Link tag, which PDF/UA forbids.
    """
    parts: list[str] = []
    for href, group in itertools.groupby(text, key=lambda span: span.href):
        spans = tuple(group)
        if not href:
            parts.extend(_styled(span, struck_label) for span in spans)
            continue
        words = plain(spans)
        address = href.removeprefix("mailto:")
        if display_url(address).lower() not in words.lower():
            words += f" ({display_url(address)})"
        link = Markup('<a href="%s">%s</a>') % (href, _breakable(words))
        # A link holds no marks of its own (see above): one with struck-through words is struck whole.
        parts.append(marked_html("struck", link, struck_label) if any(span.struck for span in spans) else link)
    return Markup("").join(parts)


def _breakable(words: str) -> Markup:
    """Escaped text where a line may also break after each slash (see printed_url)."""
    return Markup("/&#8203;").join(escape(part) for part in words.split("/"))


def _styled(span: Span, struck_label: str) -> Markup:
    html = escape(span.text).replace("\n", Markup("<br>"))
    for mark in reversed(span.marks):  # the innermost first
        html = marked_html(mark, html, struck_label)
    return html


def marked_html(mark: Mark, html: Markup, struck_label: str | None = None) -> Markup:
    """The HTML for one mark. Struck-through text is <del>, which screen readers announce as
    deleted, with the words `struck_label` ("struck through:") for those that do not, hidden from sight
    and print; without a label, plain <del>."""
    match mark:
        case "strong":
            return Markup("<strong>%s</strong>") % html
        case "emphasis":
            return Markup("<em>%s</em>") % html
        case "struck":
            if struck_label is None:
                return Markup("<del>%s</del>") % html
            return Markup('<del><span class="struck-label">%s</span>%s</del>') % (struck_label + " ", html)
        case "superscript":
            return Markup("<sup>%s</sup>") % html
        case "subscript":
            return Markup("<sub>%s</sub>") % html
        case "code":
            return Markup("<code>%s</code>") % html
        case _:
            assert_never(mark)

"""Import step: WordPress classic-editor text gets its paragraphs as WordPress gives them (`wpautop`).

WordPress stores what the classic editor wrote: blank lines between paragraphs, single line
breaks, and any `<p>`, `<blockquote>` or `<ul>` tags the writer typed, all mixed. When it shows the
post it runs `wpautop()` (wp-includes/formatting.php): two `<br>` in a row are a blank line,
block tags stand on their own, every other run of text between blank lines becomes a `<p>`, and
a single line break inside one becomes a `<br />`. Content from the block editor is shown as
stored and is never passed through it. No maintained port of `wpautop` is published for Python,
so its rules are followed here, step by step, in the same order.
"""

from __future__ import annotations

import re

# wpautop's $allblocks: the tags it never wraps in a paragraph.
_BLOCKS = (r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area"
           r"|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header"
           r"|footer|nav|figure|figcaption|details|menu|summary|iframe|video|audio|object|embed)")
_PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)
_TWO_BREAKS = re.compile(r"<br\s*/?>\s*<br\s*/?>", re.IGNORECASE)
_OPENING = re.compile(rf"(<{_BLOCKS}[\s/>])", re.IGNORECASE)
_CLOSING = re.compile(rf"(</{_BLOCKS}>)", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n\s*\n")
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")
_OPENS_BLOCK = re.compile(rf"<p>\s*(</?{_BLOCKS}[^>]*>)", re.IGNORECASE)
_CLOSES_BLOCK = re.compile(rf"(</?{_BLOCKS}[^>]*>)\s*</p>", re.IGNORECASE)
_LINE_BREAK = re.compile(r"(?<!<br />)\s*\n")
_BREAK_AFTER_BLOCK = re.compile(rf"(</?{_BLOCKS}[^>]*>)\s*<br />", re.IGNORECASE)
_BREAK_BEFORE_BLOCK = re.compile(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", re.IGNORECASE)


def wpautop(text: str) -> str:
    """Classic-editor text as the HTML WordPress shows for it."""
    if not text.strip():
        return ""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:  # <pre> is shown as written: its line breaks are its own
        kept.append(match[0])
        return f"<pre wp-pre-tag-{len(kept) - 1}></pre>"

    text = _PRE.sub(keep, text.replace("\r\n", "\n").replace("\r", "\n") + "\n")
    text = _TWO_BREAKS.sub("\n\n", text)
    text = _CLOSING.sub(r"\1\n\n", _OPENING.sub(r"\n\n\1", text))
    text = "".join(f"<p>{chunk.strip()}</p>\n" for chunk in _BLANK_LINE.split(text) if chunk.strip())
    text = _EMPTY_PARAGRAPH.sub("", text)
    text = _CLOSES_BLOCK.sub(r"\1", _OPENS_BLOCK.sub(r"\1", text))
    text = _LINE_BREAK.sub("<br />\n", text)
    text = _BREAK_BEFORE_BLOCK.sub(r"\1", _BREAK_AFTER_BLOCK.sub(r"\1", text))
    text = re.sub(r"<br />\n$", "\n", text)
    return re.sub(r"<pre wp-pre-tag-(\d+)></pre>", lambda match: kept[int(match[1])], text)

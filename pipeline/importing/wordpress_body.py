"""Import step: a WordPress post's `content:encoded` is made plain HTML — shortcodes, comments, classic text.

WordPress stores a post's body as the editor left it: the block editor's `<!-- wp:… -->`
comments around HTML, or the classic editor's text where a blank line is a paragraph and a line
break is a `<br>` (WordPress adds the `<p>` tags only when it shows the page, in `wpautop`).
Shortcodes in square brackets stand for things WordPress draws: a caption keeps its words, a
gallery, embed, video or audio player is left out with a note.
"""

from __future__ import annotations

import html
import re

from pipeline.importing.furniture import Removed
from pipeline.importing.wpautop import wpautop

# Shortcodes that draw media or widgets: left out, named for the editor.
MEDIA_SHORTCODES = {
    "gallery": "gallery", "embed": "embed", "video": "video", "audio": "audio", "playlist": "audio",
    "wpvideo": "video", "youtube": "embed", "vimeo": "embed", "soundcloud": "embed", "spotify": "embed",
    "instagram": "embed", "googlevideo": "embed", "dailymotion": "embed",
    "tweet": "embed", "googlemaps": "embed", "contact-form": "form",
    "contact-form-7": "form", "wpforms": "form", "gravityform": "form", "ninja_form": "form",
    "mc4wp_form": "form", "pdf-embedder": "embed", "wp_caption": "caption", "caption": "caption",
}
_SHORTCODE = re.compile(r"\[(\[?)(/?)([A-Za-z][\w-]*)((?:[\s=][^\]]*)?)(/?)\](\]?)")  # [youtube=URL] too
_CAPTION = re.compile(r"\[(?:wp_)?caption\b([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.DOTALL | re.IGNORECASE)
_CAPTION_ATTRIBUTE = re.compile(r"""\bcaption=(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_LEADING_IMAGE = re.compile(r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)", re.IGNORECASE)
_ENCLOSING = re.compile(r"\[({name})\b[^\]]*\](.*?)\[/\1\]", re.DOTALL)
_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->|<!--more(?:\s.*?)?-->|<!--nextpage-->|<!--noteaser-->", re.DOTALL)
_OWN_LINE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)  # WordPress's autoembed


def body_html(content: str) -> tuple[str, list[Removed]]:
    """The post body as HTML a fragment reader can take, and the shortcodes and embeds left out."""
    removed: list[Removed] = []
    block_editor = "<!-- wp:" in content  # WordPress shows block-editor content as stored, classic text through wpautop
    content = _BLOCK_COMMENT.sub("", content.replace("\r\n", "\n").replace("\r", "\n"))
    if not block_editor:  # before shortcodes, as WordPress runs wpautop before do_shortcode
        content = _paragraphs(content, removed)
    content = _CAPTION.sub(_caption, content)
    content = _shortcodes(content, removed)
    return content, removed


def _caption(match: re.Match[str]) -> str:
    """`[caption]<img …> Words[/caption]` or `[caption caption="Words"]<img …>[/caption]` -> a figure, words kept."""
    inner = match[2]
    image = _LEADING_IMAGE.match(inner)
    picture, words = (image[1], inner[image.end():]) if image else ("", inner)
    if attribute := _CAPTION_ATTRIBUTE.search(match[1]):  # the older form keeps its words in an attribute
        words = f"{attribute[1] if attribute[1] is not None else attribute[2]} {words.strip()}"
    return f"<figure>{picture}<figcaption>{words.strip()}</figcaption></figure>"


def _shortcodes(content: str, removed: list[Removed]) -> str:
    # Media shortcodes that enclose something ([embed]URL[/embed], [video …][/video]) go with their content.
    names = "|".join(re.escape(name) for name in MEDIA_SHORTCODES if name not in ("caption", "wp_caption"))
    content = re.compile(_ENCLOSING.pattern.format(name=names), re.DOTALL).sub(
        lambda m: _dropped(removed, m[1], m[2] or m[0]), content)
    closing = {m[3] for m in _SHORTCODE.finditer(content) if m[2] == "/"}

    def one(match: re.Match[str]) -> str:
        escaped_open, slash, name, attributes, self_closing, escaped_close = match.groups()
        if escaped_open and escaped_close:
            return match[0][1:-1]  # [[gallery]] is how WordPress writes a literal [gallery]
        lower = name.lower()
        if lower in MEDIA_SHORTCODES:
            return "" if slash else _dropped(removed, lower, attributes.strip().lstrip("=") or match[0])
        if name in closing:
            return ""  # an enclosing shortcode this importer does not know: its words are kept
        if attributes.strip() or "_" in name or "-" in name or self_closing:
            return _dropped(removed, "shortcode", match[0])
        return match[0]  # "[sic]", "[1]": words in brackets, not a shortcode

    return _SHORTCODE.sub(one, content)


def _dropped(removed: list[Removed], name: str, text: str) -> str:
    kind = MEDIA_SHORTCODES.get(name.lower(), name)
    removed.append(Removed(len(removed) + 1, kind, " ".join(html.unescape(text).split())[:200] or kind))
    return ""


def _paragraphs(content: str, removed: list[Removed]) -> str:
    """Classic-editor text as WordPress shows it: a link alone on its line is a player; then wpautop."""
    def embed(match: re.Match[str]) -> str:
        _dropped(removed, "embed", match[1])  # WordPress turns a bare link on its own line into a player (oEmbed)
        return ""

    return wpautop(_OWN_LINE_URL.sub(embed, content))

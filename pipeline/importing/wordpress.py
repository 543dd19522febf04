"""Import step: a WordPress export (WXR 1.0–1.2, Tools → Export) becomes one draft per published post.

An export is untrusted input and can be hundreds of megabytes, so it is read as a stream with
lxml's `iterparse`: entities are never expanded, nothing is fetched (no DTD, no network), a
document type declaration is refused outright (WordPress writes none; it is how entity bombs
and external entities get in), and each `<item>` is let go as soon as it has been read, so memory
stays at about one post whatever the export's size. WordPress has written its namespaces with
`http` and with `https`, and with versions 1.0 to 1.2; they are matched by what they end with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import lxml.html
from lxml import etree

from pipeline.article import clean_line, visible
from pipeline.errors import ImportFailed
from pipeline.importing.draft import Draft, Skipped
from pipeline.importing.fragment import fragment_blocks
from pipeline.importing.furniture import Removed
from pipeline.importing.wordpress_body import body_html

_NAMESPACES = (("wp", re.compile(r"https?://wordpress\.org/export/1\.\d/?$")),
               ("excerpt", re.compile(r"https?://wordpress\.org/export/1\.\d/excerpt/?$")),
               ("content", re.compile(r"https?://purl\.org/rss/1\.0/modules/content/?$")),
               ("dc", re.compile(r"https?://purl\.org/dc/elements/1\.1/?$")))
# Why a post is not imported, by wp:status (publish is imported) and wp:post_type (post, page).
_STATUS = {"draft": "draft", "auto-draft": "draft", "pending": "pending review", "private": "private",
           "future": "scheduled", "trash": "in the trash", "inherit": "revision"}
_TYPE = {"attachment": "attachment", "nav_menu_item": "menu item", "revision": "revision",
         "wp_block": "reusable block", "wp_template": "site template", "wp_template_part": "site template",
         "wp_navigation": "menu item", "wp_global_styles": "site settings", "custom_css": "site settings",
         "customize_changeset": "site settings", "oembed_cache": "site settings", "user_request": "site settings",
         "wp_font_family": "site settings", "wp_font_face": "site settings"}
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# One post's HTML: a long article is 100 KB; reading 1 MB of it takes seconds, 9 MB took minutes.
MAX_POST_CHARS = 1_000_000
_MEDIA = {"image", "gallery", "embed", "video", "audio"}


def read_export(path: Path, pages: bool = False) -> Iterator[Draft | Skipped]:
    """Each item of a WordPress export, as a draft to write or a post skipped with its reason."""
    authors: dict[str, str] = {}
    seen_export = False
    language = None
    read = 0
    try:
        events = etree.iterparse(str(path), events=("end",), resolve_entities=False, no_network=True,
                                 huge_tree=False, load_dtd=False, dtd_validation=False, remove_pis=True)
        for number, (_, element) in enumerate(events):
            if number == 0:
                _refuse_doctype(path, element)
            name = _name(element)
            if name == "wp:wxr_version":
                seen_export = True
            elif name == "language" and _name(element.getparent()) == "channel":
                language = (element.text or "").strip() or None  # the site's, for every post
            elif name == "wp:author":
                login = _child(element, "wp:author_login")
                authors[login] = clean_line(visible(_child(element, "wp:author_display_name"))) or login
                _let_go(element)
            elif name == "item":
                seen_export = True
                yield _item(element, authors, pages, language)
                read += 1
                _let_go(element)
    except etree.XMLSyntaxError as exc:
        if only_undeclared_prefixes(exc, path):
            return  # the whole export was read; only a prefix was left undeclared
        line, reason = exc.lineno, str(exc.msg or exc)
        last = exc.error_log.last_error if exc.error_log else None
        if last is not None and (not line or reason == "no element found"):
            line, reason = last.line, last.message
        reason = re.sub(r",? line \d+, column \d+$", "", reason.strip())
        before = f"; the {read} item{'s' if read != 1 else ''} before it were read" if read else ""
        if truncated(path):
            raise ImportFailed(f"{path}: line {line}: the export stops in the middle: it is truncated (a download "
                               f"or copy cut short){before}; export it again") from None
        raise ImportFailed(f"{path}: line {line}: not well-formed XML ({reason}){before}") from None
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not seen_export:
        raise ImportFailed(f"{path}: not a WordPress export (no posts and no wp:wxr_version); "
                           "export it from Tools → Export")


def truncated(path: Path) -> bool:
    """Whether the file is well-formed as far as it goes and only stops before its elements end.

    It is fed to a parser that keeps nothing; a file cut short gives no error until the parser is
    told there is no more, while any other fault is found on the way.
    """
    class _Nothing:
        def start(self, tag: object, attributes: object) -> None: ...
        def end(self, tag: object) -> None: ...
        def data(self, text: object) -> None: ...
        def close(self) -> None: ...

    parser = etree.XMLParser(target=_Nothing(), resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        with path.open("rb") as file:
            for chunk in iter(lambda: file.read(1 << 20), b""):
                parser.feed(chunk)
    except (etree.XMLSyntaxError, OSError):
        return False
    try:
        parser.close()
    except etree.XMLSyntaxError:
        return True
    return False


def only_undeclared_prefixes(exc: etree.XMLSyntaxError, path: Path) -> bool:
    """Whether the only complaint is a prefix left undeclared (`excerpt:`, Blogger's `app:`); the file was read."""
    # The log also holds what the HTML reader of each post's body and earlier files said; only this file's count.
    errors = [error for error in exc.error_log if error.level_name in ("ERROR", "FATAL")
              and error.domain_name != "HTML" and error.filename == str(path)] if exc.error_log else []
    return bool(errors) and all(error.type_name == "NS_ERR_UNDEFINED_NAMESPACE" for error in errors)


def _refuse_doctype(path: Path, element: etree._Element) -> None:
    docinfo = element.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ImportFailed(f"{path}: line 1: has a document type declaration (<!DOCTYPE>), which WordPress "
                           "exports never have; refused, since it can hide entity expansion or outside files")


def _let_go(element: etree._Element) -> None:
    """Free an element once read, and the siblings before it, so the tree never grows."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _name(element: etree._Element) -> str:
    if not isinstance(element.tag, str):
        return ""
    if ":" in element.tag and not element.tag.startswith("{"):
        return element.tag  # a prefix the export never declared (WordPress 2.x wrote excerpt: so): its name as written
    qname = etree.QName(element)
    if qname.namespace is None:
        return qname.localname
    prefix = next((prefix for prefix, pattern in _NAMESPACES if pattern.match(qname.namespace)), "?")
    return f"{prefix}:{qname.localname}"


def _child(element: etree._Element, name: str) -> str:
    found = next((child for child in element if _name(child) == name), None)
    return (found.text or "") if found is not None else ""


def _item(item: etree._Element, authors: dict[str, str], pages: bool, language: str | None) -> Draft | Skipped:
    title = plain_text(_child(item, "title"))
    label = title or f"post {_child(item, 'wp:post_id').strip() or '(no id)'}"
    kind = _child(item, "wp:post_type").strip() or "post"
    status = _child(item, "wp:status").strip() or "publish"
    if kind == "page" and not pages:
        return Skipped(label, "page")
    if kind not in ("post", "page"):
        return Skipped(label, _TYPE.get(kind, kind.replace("_", " ")))
    if status != "publish":
        return Skipped(label, _STATUS.get(status, status))
    if _child(item, "wp:post_password"):
        return Skipped(label, "password-protected")
    content = _child(item, "content:encoded")
    if len(content) > MAX_POST_CHARS:  # measured before any of it is read as HTML
        return Skipped(label, f"too long (over {MAX_POST_CHARS // 1_000_000} MB)")
    html, shortcodes = body_html(visible(content))
    blocks, dropped = fragment_blocks(html)
    if not blocks:
        return Skipped(label, "no content")
    removed = tuple(Removed(number, item.kind, item.text)
                    for number, item in enumerate([*shortcodes, *dropped], start=1))
    media = sum(1 for item in removed if item.kind in _MEDIA)
    notes = (f"review: {media} picture{'s' if media != 1 else ''}, galler{'ies' if media != 1 else 'y'} or "
             "embedded player(s) were left out; check the text still reads well without them",) if media else ()
    link = _child(item, "link").strip()
    return Draft(
        blocks=blocks, title=title or None, author=authors.get(_child(item, "dc:creator").strip()),
        updated=_day(_child(item, "wp:post_modified")) or _day(_child(item, "wp:post_date")),
        canonical_url=link or None, removed=removed, summary=plain_text(_child(item, "excerpt:encoded")) or None,
        tags=_tags(item), slug=_slug(_child(item, "wp:post_name"), title), notes=notes, language=language,
    )


def _slug(post_name: str, title: str) -> str | None:
    """The post's own slug, URL-decoded; an untitled post's slug is its number, so the title is used instead."""
    name = unquote(post_name.strip())
    return None if not name or (name.isdigit() and not title) else name


def plain_text(markup: str) -> str:
    """Text that may hold HTML tags and entities ('<em>Why</em> we worry &amp; wait') as plain words."""
    if not markup.strip():
        return ""
    if "<" not in markup and "&" not in markup:
        return clean_line(visible(markup))
    try:
        text = lxml.html.fragment_fromstring(markup, create_parent="div").text_content()
    except (etree.ParserError, ValueError):
        text = re.sub(r"<[^>]*>", " ", markup)
    return clean_line(visible(text))


def _day(text: str) -> date | None:
    match = _DAY.match(text.strip())
    try:
        return date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:  # "0000-00-00 00:00:00": never published
        return None


def _tags(item: etree._Element) -> tuple[str, ...]:
    tags: list[str] = []
    for child in item:
        if _name(child) == "category" and child.get("domain") in ("category", "post_tag"):
            if child.get("nicename") == "uncategorized":
                continue
            tag = plain_text(child.text or "")
            if tag and tag.casefold() not in {known.casefold() for known in tags}:
                tags.append(tag)
    return tuple(tags)

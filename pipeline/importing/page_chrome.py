"""Import step: the blog's own lines that trafilatura keeps with a saved post are taken out, each listed.

trafilatura keeps some of what a blog prints around a post because it stands inside the post's
own block: a "date | categories:" line and the category names under it, a "View Comments" link,
"blog comments powered by Disqus", a category heading that is only a link to the category, a
"Next: …" link under a Medium post, and a list of other posts under a heading such as "Editors'
Recommendations". Only whole blocks that are nothing but such chrome go; the category names
become the draft's tags. The author's name loses a "View all posts by" in front of it.
"""

from __future__ import annotations

import re

from pipeline.article import Block, BulletList, Heading, OrderedList, Paragraph, plain
from pipeline.importing.furniture import Removed

_COMMENTS_LINK = re.compile(r"(?:view|show|hide|load|read|leave)\s+(?:all\s+)?(?:the\s+)?comments?"
                            r"|(?:blog\s+)?comments\s+powered\s+by\s+disqus\.?", re.IGNORECASE)
_CATEGORIES_LINE = re.compile(r".{0,80}?(?:\||·|—)?\s*(?:categories|category|tags|filed under|posted in)\s*:?",
                              re.IGNORECASE)
_CATEGORY_NAME = re.compile(r"[\w][\w &'’.+#-]{0,40}?\s*[,|]?")
_OTHER_POSTS = re.compile(r"editors?[’']?\s+(?:recommendations|picks)|related\s+(?:posts|articles|stories|reading)"
                          r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy)|recommended(?:\s+for\s+you)?|read\s+next"
                          r"|more\s+(?:stories|posts|articles)(?:\s+from\s+.+)?", re.IGNORECASE)
_NEXT_POST = re.compile(r"(?:next|previously|previous|up next|read next)\s*:\s*.+", re.IGNORECASE)
_CATEGORY_ADDRESS = re.compile(r"/(?:category|categories|tag|tags|label|labels|topics?)/", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|::|»)\s+")
_DATE_ONLY = re.compile(r"[\d./-]{6,10}")
_POSTS_BY = re.compile(r"^(?:view\s+all\s+posts\s+by|all\s+posts\s+by|posts\s+by|more\s+posts\s+by)\s+", re.IGNORECASE)


def author_name(author: str | None) -> str | None:
    """The author's name without the link text a theme puts around it ('View all posts by Daniel Lemire')."""
    return _POSTS_BY.sub("", author).strip() or None if author else None


def without_site_name(title: str | None, site: str | None, host: str | None) -> str | None:
    """The post's title without the site's name the page adds to it ('… | Caktus Group', '… | DW | 19.01.2020')."""
    if not title:
        return title
    names = {_letters(name) for name in (site, (host or "").removeprefix("www.").split(".")[0], host) if name} - {""}
    cut = len(title)
    if site and title.casefold().endswith(site.casefold()):  # a site name with a separator in it: "… - Site - Blog"
        if end := re.search(_TITLE_SEPARATOR.pattern + "$", title[:-len(site)]):
            cut = end.start()
    for separator in reversed(list(_TITLE_SEPARATOR.finditer(title))):
        if separator.start() >= cut:
            continue
        part = title[separator.end():cut]
        if not (_letters(part) in names or _DATE_ONLY.fullmatch(part.strip())):
            break
        cut = separator.start()
    return title[:cut].strip() or title


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def without_blog_chrome(blocks: list[Block], lines: list[int]) -> tuple[list[Removed], list[str]]:
    """Take the blog's own lines out of the blocks in place; what was taken out, and the category names found."""
    removed: list[Removed] = []
    tags: list[str] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        text = " ".join(plain(block.text).split()) if isinstance(block, (Paragraph, Heading)) else ""
        kind = None
        if text and _CATEGORIES_LINE.fullmatch(text) and len(text.split()) <= 14:
            kind = "date and categories line"
            while index + 1 < len(blocks) and (category := _category(following := blocks[index + 1])):
                tags.append(category)
                removed.append(Removed(lines[index + 1], "tags and categories", _words(following)))
                del blocks[index + 1], lines[index + 1]
        elif text and _COMMENTS_LINK.fullmatch(text):
            kind = "comments link"
        elif isinstance(block, Heading) and _links_to_category(block):
            kind = "category heading"
            tags.append(text.strip("[]"))
        elif isinstance(block, Heading) and _OTHER_POSTS.fullmatch(text.rstrip(":")) \
                and index + 1 < len(blocks) and isinstance(links := blocks[index + 1], (BulletList, OrderedList)) \
                and _only_links(links):
            removed.append(Removed(lines[index + 1], "related posts", " / ".join(
                _words(item.blocks[0]) for item in links.items if item.blocks)[:200]))
            del blocks[index + 1], lines[index + 1]
            kind = "related posts"
        elif isinstance(block, Paragraph) and index == len(blocks) - 1 and _NEXT_POST.fullmatch(text) \
                and any(span.href for span in block.text):
            kind = "previous/next links"
        if kind is None:
            index += 1
            continue
        removed.append(Removed(lines[index], kind, text))
        del blocks[index], lines[index]
    return removed, tags


def _words(block: Block) -> str:
    """A paragraph's or heading's words as plain text; '' for any other block."""
    return plain(block.text) if isinstance(block, (Paragraph, Heading)) else ""


def _category(block: Block) -> str:
    """A category name standing alone under a categories line ('Python,', 'Mercurial|'), else ''."""
    if not isinstance(block, Paragraph):
        return ""
    text = " ".join(plain(block.text).split())
    if _COMMENTS_LINK.fullmatch(text) or len(text.split()) > 4 or not _CATEGORY_NAME.fullmatch(text):
        return ""
    return text.rstrip(",|").strip()


def _links_to_category(heading: Heading) -> bool:
    linked = [span for span in heading.text if span.text.strip()]
    return bool(linked) and all(span.href and _CATEGORY_ADDRESS.search(span.href) for span in linked)


def _only_links(block: Block) -> bool:
    """A list whose every item is one link: other posts, not the article's own list."""
    if not isinstance(block, (BulletList, OrderedList)) or not block.items:
        return False
    for item in block.items:
        if len(item.blocks) != 1 or not isinstance(item.blocks[0], Paragraph):
            return False
        spans = [span for span in item.blocks[0].text if span.text.strip()]
        if not spans or not all(span.href for span in spans):
            return False
    return True

"""Import step: a saved page from Wix, Squarespace, Blogger, Medium or Substack loses its platform chrome by markup.

Each platform marks its parts the same way on every site, so they can be found by name rather
than guessed: Wix by `data-hook` ("post-title", "time-to-read", "post-stats", "recent-posts"…),
Medium by `data-testid` and `pw-` classes ("storyTitle", "storyReadTime", "headerClapButton"…),
Blogger by its template classes ("post-title", "post-footer", "blog-pager"…) and
Squarespace by its blog classes ("entry-title", "blog-item-category-date-wrapper",
"item-pagination"…), Substack by its post header ("post-title", "subtitle", the author in
"meta-author"), its like, comment and share bar ("post-ufi", or in older posts a "post-meta" table
of counters) and the "Subscribe to …" box after the post ("post-end-cta-full"). A Substack post's
social-card title (`og:title`) often differs from the title on the page; the page's own wins, and
so does the author in its header over the authors of tweets quoted in it. The chrome is removed
before the article is picked out of the page, and the page's own title and subtitle are read from
where the platform puts them. What was removed is still listed for the editor, since the page's
text is compared with what was kept.

A Blogger post's body is handed on whole: Blogger writes it as loose lines parted by `<br>`s and
empty `<div>`s, which trafilatura reads a piece at a time (a link in mid-sentence starting a
paragraph of its own), so it is read the way a post in a Blogger backup is.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
from lxml import etree


def _has(attribute: str, *words: str) -> str:
    return " or ".join(f"contains(concat(' ', normalize-space(@{attribute}), ' '), ' {word} ')" for word in words)


_CHROME = "//*[" + " or ".join([
    _has("data-hook", "time-to-read", "post-stats", "post-footer", "recent-posts", "like-button", "view-count",
         "comment-count", "post-categories-list", "blog-navigation", "post-updated-date", "avatar-image",
         "time-ago", "post-metadata__list"),
    _has("data-testid", "storyReadTime", "storyPublishDate", "headerClapButton", "audioPlayButton",
         "headerSocialShareButton", "footerClapButton", "authorName", "storySubtitle"),
    _has("class", "pw-multi-vote-count", "pw-author", "pw-subtitle-paragraph", "post-footer",
         "post-share-buttons", "blog-pager", "post-feeds", "item-pagination", "blog-item-meta-wrapper",
         "blog-item-comments", "blog-share-like", "blog-item-category-date-wrapper",
         "blog-item-author-date-wrapper", "squarespace-comments", "squarespace-social-buttons",
         "entry-dateline", "entry-author", "entry-categories", "entry-tags", "blog-item-author-profile-wrapper",
         "post-ufi", "post-end-cta-full"),
    "@aria-label='Press enter or click to view image in full size'",
]) + f"] | //table[{_has('class', 'post-meta')}][not(.//time)]"  # Substack's counters; its date stays
_TITLE = ("//*[@data-hook='post-title'] | //*[@data-testid='storyTitle'] | //h1[contains(@class, 'pw-post-title')]"
          " | //h3[contains(@class, 'post-title')] | //h1[contains(@class, 'entry-title')]"
          f" | //*[{_has('class', 'post-header')}]//h1[{_has('class', 'post-title')}]")
_SUBTITLE_CLASSES = ("subtitle", "sub-title", "subheading", "entry-subtitle", "post-subtitle", "article-subtitle",
                     "page-subtitle", "dek", "standfirst")
_SUBTITLE = ("//*[@data-testid='storySubtitle'] | //*[contains(@class, 'pw-subtitle-paragraph')]"
             f" | //*[{_has('class', 'post-header')}]//h3[{_has('class', 'subtitle')}]")
# Any other site's subtitle, when it stands beside the page's <h1>: a summary, never a section.
_SUBTITLE_NEAR_TITLE = (f"//h1/following-sibling::*[position() <= 2][{_has('class', *_SUBTITLE_CLASSES)}]"
                        f" | //h1/parent::*/following-sibling::*[position() <= 2][{_has('class', *_SUBTITLE_CLASSES)}]")
_AUTHOR = f"//*[{_has('class', 'post-header')}]//*[{_has('class', 'meta-author')}]"
_BLOGGER = "//meta[@name='generator'][translate(@content, 'B', 'b')='blogger']"
_POST_BODY = f"//div[{_has('class', 'post-body')}]"


@dataclass(frozen=True)
class PlatformPage:
    """The page without its platform chrome, and the title, subtitle and author the platform marked."""

    html: str
    title: str | None = None
    subtitle: str | None = None
    language: str | None = None  # the page's own <html lang>
    post: str | None = None  # a Blogger post's body, as HTML, when the page holds one post
    author: str | None = None


def without_platform_chrome(html: str) -> PlatformPage:
    """The page with Wix, Squarespace, Blogger and Medium chrome taken out (unchanged if it has none)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return PlatformPage(html)
    language = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    title = _text(root.xpath(_TITLE))
    subtitle = _text(root.xpath(_SUBTITLE)) or _text(root.xpath(_SUBTITLE_NEAR_TITLE))
    if subtitle and not 3 <= len(subtitle.split()) <= 45:
        subtitle = None  # a label or a whole paragraph, not a line that sums the article up
    author = _text(root.xpath(_AUTHOR))
    chrome = root.xpath(_CHROME)
    posts = root.xpath(_POST_BODY) if root.xpath(_BLOGGER) else []
    if not chrome and title is None and len(posts) != 1:
        return PlatformPage(html, subtitle=subtitle, language=language)
    for element in chrome:
        if element.getparent() is not None:
            element.drop_tree()
    post = lxml.html.tostring(posts[0], encoding="unicode", with_tail=False) if len(posts) == 1 else None
    return PlatformPage(lxml.html.tostring(root, encoding="unicode"), title, subtitle, language, post, author)


def _text(found: list[etree._Element]) -> str | None:
    text = " ".join(found[0].text_content().split()) if found else ""
    return text or None

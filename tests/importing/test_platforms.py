"""Posts copied or saved from Wix, Squarespace, Blogger and Medium lose each platform's chrome, each listed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from pipeline.article.model import Heading, Paragraph, plain
from pipeline.importing.furniture import BYLINE
from pipeline.importing.importer import import_page
from pipeline.importing.platforms import is_platform_page_end, platform_chrome
from pipeline.sources.articles import parse_article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
BODY = ("When your thoughts race at night, your body follows. The good news is that the body can also lead "
        "the mind back down.",
        "Worry is the mind rehearsing danger. At night there is less to distract it, so the rehearsal gets louder.",
        "A racing mind is not a broken mind. It is a mind doing its job too hard.")


@dataclass(frozen=True)
class Post:
    file: str
    author: str
    updated: date
    summary: str
    removed: frozenset[str]
    absent: tuple[str, ...]


POSTS = [
    Post("wix-racing-mind.txt", "Jane Doe, LCSW", date(2024, 4, 2),  # "Updated:" wins over the posting date
         "When your thoughts race at night, your body follows.",
         frozenset({"author photo caption", BYLINE, "reading time", "tags and categories",
                    "comments, related posts and page footer"}),
         ("Writer's picture", "min read", "views", "liked", "Recent Posts", "See All", "Wix.com", "Book Online",
          "Anxiety")),
    Post("squarespace-racing-mind.txt", "Jane Doe", date(2024, 3, 3),
         "When your thoughts race at night, your body follows.",
         frozenset({"site menu", BYLINE, "tags and categories", "comments, related posts and page footer"}),
         ("Open Menu", "Book a Session", "Anxiety, Sleep", "Comment", "Previous", "Grief and the Holidays")),
    Post("blogger-racing-mind.txt", "Jane Doe", date(2024, 3, 3),
         "When your thoughts race at night, your body follows.",
         frozenset({"site name and menu", BYLINE, "share buttons", "tags and categories",
                    "comments, related posts and page footer"}),
         ("Sunday", "Posted by", "10:00 AM", "BlogThis", "Labels:", "No comments", "Powered by Blogger",
          "Therapy notes")),
    Post("medium-racing-mind.txt", "Jane Doe", date(2024, 3, 3),
         "When your thoughts race at night, your body follows",  # the subtitle
         frozenset({"follow and sign-in links", BYLINE, "reading time", "view and comment counters",
                    "share buttons", "picture placeholder and credit", "tags and categories",
                    "comments, related posts and page footer"}),
         ("Open in app", "Follow", "min read", "Listen", "Press enter", "Unsplash", "Followers", "Responses",
          "Recommended from Medium", "Mental Health", "--")),
]


@pytest.mark.parametrize("post", POSTS, ids=[post.file.split("-")[0] for post in POSTS])
def test_platform_post_is_the_article_alone(post: Post) -> None:
    imported = import_page(PAGES / post.file)
    article = parse_article(imported.markdown.encode(), "post.md", default_slug=imported.slug)
    assert article.title == "Five Ways to Calm a Racing Mind"
    assert (article.author, article.updated, article.summary) == (post.author, post.updated, post.summary)
    assert [plain(b.text) for b in article.blocks if isinstance(b, Heading)] == ["Why the mind races"]
    paragraphs = [plain(b.text) for b in article.blocks if isinstance(b, Paragraph)]
    for text in BODY:
        assert text in paragraphs
    body = imported.markdown.split("\n---\n", 1)[1]
    for chrome in post.absent:
        assert chrome not in body, chrome
    assert {line.split(":", 1)[0] for line in imported.removed} >= post.removed


# Saved pages (File → Save Page As…) of the same post, in each platform's own markup.
SAVED = [
    ("wix-racing-mind.html", "Jane Doe, LCSW", date(2024, 4, 2), "When your thoughts race at night, your body follows.",
     ("Writer's picture", "min read", "views", "Recent Posts", "Wix.com", "Updated:")),
    ("squarespace-racing-mind.html", "Jane Doe", date(2024, 3, 3),
     "When your thoughts race at night, your body follows.",
     ("Previous", "Sleep and Worry", "Comment", "Book a Session", "Anxiety")),
    ("blogger-racing-mind.html", "Jane Doe", date(2024, 3, 3), "When your thoughts race at night, your body follows.",
     ("Harbor Light Counseling", "Posted by", "BlogThis", "Labels", "Newer Post", "moon.jpg")),
    ("medium-racing-mind.html", "Jane Doe", date(2024, 3, 3), "When your thoughts race at night, your body follows",
     ("min read", "Listen", "Share", "Unsplash", "Followers", "Recommended from Medium")),
    # Its social-card title (og:title, twitter:title) is not the title on the page: the page's wins.
    ("substack-racing-mind.html", "Jane Doe, LCSW", date(2024, 3, 3),
     "When your thoughts race at night, your body follows.",
     ("How to quiet", "Share", "Subscribe", "Sign in", "Substack is the home")),
]


@pytest.mark.parametrize("file, author, updated, summary, absent", SAVED, ids=[s[0].split("-")[0] for s in SAVED])
def test_saved_platform_page_is_the_article_alone(file, author, updated, summary, absent) -> None:
    imported = import_page(PAGES / file)
    article = parse_article(imported.markdown.encode(), "post.md", default_slug=imported.slug)
    assert article.title == "Five Ways to Calm a Racing Mind"  # the post's own title, not the blog's name
    assert (article.author, article.updated, article.summary) == (author, updated, summary)
    assert [plain(b.text) for b in article.blocks if isinstance(b, Heading)] == ["Why the mind races"]
    paragraphs = [plain(b.text) for b in article.blocks if isinstance(b, Paragraph)]
    assert paragraphs == list(BODY)
    body = imported.markdown.split("\n---\n", 1)[1]
    for chrome in absent:
        assert chrome not in body, chrome
    assert imported.removed  # everything left out is listed


@pytest.mark.parametrize("line, kind", [
    ("Writer's picture", "author photo caption"),
    ("Author photo", "author photo caption"),
    ("4 min read", "reading time"),
    ("Reading time: 6 minutes", "reading time"),
    ("1.2K views", "view and comment counters"),
    ("Post not marked as liked", "view and comment counters"),
    ("Responses (2)", "view and comment counters"),
    ("Open in app", "follow and sign-in links"),
    ("Member-only story", "follow and sign-in links"),
    ("Share to Pinterest", "share buttons"),
    ("Photo by Jane Doe on Unsplash", "picture placeholder and credit"),
    ("Labels: anxiety, sleep", "tags and categories"),
    ("Posted in Couples", "tags and categories"),
    ("Open Menu Close Menu", "site menu"),
    ("Listening is a skill we can practice.", None),
    ("Five small habits", None),
], ids=lambda value: value if isinstance(value, str) and len(value) < 30 else None)
def test_platform_chrome_lines(line: str, kind: str | None) -> None:
    assert platform_chrome(line) == kind


@pytest.mark.parametrize("line, ends", [
    ("123 views", True), ("Recent Posts", True), ("More from Jane Doe", True), ("Recommended from Medium", True),
    ("No comments:", True), ("Older Post", True), ("Why the mind races", False), ("Comments are welcome.", False),
])
def test_platform_page_ends(line: str, ends: bool) -> None:
    assert is_platform_page_end(line) is ends


# The page is in Spanish: a lang attribute that says English (the theme's) gives way to the words.
@pytest.mark.parametrize("lang, expected", [("es-MX", "\nlang: es\n"), ("en", "\nlang: es\n"), (None, None)])
def test_a_saved_pages_language_is_the_articles(tmp_path, lang: str | None, expected: str | None) -> None:
    page = tmp_path / "pagina.html"
    attribute = f' lang="{lang}"' if lang else ""
    page.write_text(f"<!doctype html><html{attribute}><head><title>Cómo calmar la mente</title></head><body>"
                    "<article><h1>Cómo calmar la mente</h1><p>Cuando los pensamientos corren de noche, el cuerpo "
                    "los sigue. La buena noticia es que el cuerpo también puede guiar a la mente.</p>"
                    "<p>Respire despacio y escriba la preocupación en un papel antes de dormir.</p>"
                    "</article></body></html>", encoding="utf-8")
    imported = import_page(page)
    front = imported.markdown.split("\n---\n", 1)[0]
    assert (expected in front) if expected else ("\nlang:" not in front)
    marked_wrong = "review: marked as written in English (en), but its text reads as Spanish; lang: follows the text"
    assert (marked_wrong in imported.removed) == (lang == "en")

"""Import step: the chrome that Wix, Squarespace, Blogger and Medium put around a post, recognised line by line.

Each platform frames a post with its own furniture, and copying the page copies it too:

- Wix: the author's avatar, whose picture is named "Writer's picture"; "4 min read"; "Updated:
  Apr 2, 2024"; "123 views", "0 comments", "Post not marked as liked" and bare like counts; the
  "Recent Posts / See All" strip with each post's counters.
- Squarespace: "Open Menu Close Menu"; the category and date above the title and the author's
  name under it; "Comment", "Share"; "Previous / Next" with the neighbouring posts' titles;
  in older templates "Posted in …", "Tagged …", "0 Comments", "Newer Post / Older Post".
- Blogger: the date header ("Sunday, March 3, 2024") above the title; "Posted by Jane Doe at
  10:00 AM", "Email This", "BlogThis!", "Share to X"; "Labels: …"; "No comments:", "Post a
  Comment", "Newer Post / Older Post / Home", "Subscribe to: Post Comments (Atom)", the profile
  and archive widgets, "Powered by Blogger."
- Medium: "Open in app", "Sign up", "Sign in", "Write"; "Follow", "·", "--" with the clap and
  response counts, "Listen", "Share", "Member-only story", "Top highlight"; "Press enter or click
  to view image in full size" where a picture was, and the picture's credit; at the end "Written
  by …", followers, "Responses (2)", "More from …" and "Recommended from Medium".

The date stamps go to the front matter through the byline reader; everything else here is
left out with a `removed:` line of its kind.
"""

from __future__ import annotations

import re

from pipeline.importing.furniture import is_name


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


# (kind, whole-line pattern, most words such a line has)
_CHROME: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("author photo caption", _pattern(r"(?:writer|author)[’']?s?\s+(?:picture|photo|image|avatar)"
                                      r"|(?:author|profile)\s+(?:picture|photo|image|avatar)|photo of the author"), 5),
    ("reading time", _pattern(r"(?:reading time|read time|est\.? reading time)\s*:?\s*\d+\s*min(?:ute)?s?"
                              r"|\d+\s*min(?:ute)?s?(?:\s+read)?"), 5),
    ("view and comment counters", _pattern(
        r"[\d.,]+k?\s+(?:views?|comments?|likes?|responses?|claps?|followers|following|reads?)"
        r"|no comments?:?|(?:\d+\s+)?comments?:?|post (?:not )?marked as liked|responses \(\d+\)|--|·|•|\d+"), 5),
    ("follow and sign-in links", _pattern(
        r"follow|following|open in app|sign (?:in|up)|get started|write|sitemap|listen|member-only story"
        r"|top highlight|view my complete profile|subscribe to: post comments \(atom\)|powered by blogger\.?"
        r"|proudly created with wix\.com|.*\bcreated with wix\.com"), 6),
    ("share buttons", _pattern(r"email this|blogthis!?|share to (?:x|twitter|facebook|pinterest|linkedin)"
                               r"|share (?:on|via) \w+|comment|post a comment"), 4),
    ("picture placeholder and credit", _pattern(
        r"press enter or click to view image in full size|(?:photo|image|picture) (?:by|credit:?|courtesy of) .+"
        r"|(?:photo|image) via .+"), 16),
    ("tags and categories", _pattern(r"labels?\s*:.*|tagged\s*:?.*|posted in\s.+|filed under\s.+|all posts"), 16),
    ("previous/next links", _pattern(r"previous|next|newer posts?|older posts?|home"), 2),
    ("site menu", _pattern(r"open menu(?: close menu)?|close menu|skip to (?:main )?content"), 4),
)
# Lines that start what follows a post on these platforms: counters, the author box, more posts.
PAGE_END = _pattern(
    r"[\d.,]+k?\s+views?|recent posts|see all|more from .+|recommended from medium|written by .+"
    r"|responses \(\d+\)|no comments?:?|\d+ comments?:?|post a comment|blog archive|about me|popular posts"
    r"|comment|newer post|older post|previous|--")


def platform_chrome(line: str) -> str | None:
    """The kind of platform chrome a whole line is ('reading time', 'view and comment counters'…), or None."""
    text = " ".join(line.split())
    words = len(text.split())
    for kind, pattern, most_words in _CHROME:
        if words <= most_words and pattern.fullmatch(text):
            return kind
    return None


def is_platform_page_end(line: str) -> bool:
    """Whether a whole line is where a platform's post ends and its counters, author box or post lists begin."""
    return bool(PAGE_END.fullmatch(" ".join(line.split())))


_CAPTIONED = _pattern(r"(?:writer|author)[’']?s?\s*(?:picture|photo|image|avatar)\s*:?\s*(?P<name>\S.*)")


def captioned_author(line: str) -> str | None:
    """The name on an author-photo caption's line, as Wix's copied text runs them together
    ("Writer's picture Jane Doe, LCSW", "Writer's pictureJane Doe"); None if the line is not one."""
    match = _CAPTIONED.fullmatch(" ".join(line.split()))
    name = match["name"].strip() if match else None
    return name if name and is_name(name) else None

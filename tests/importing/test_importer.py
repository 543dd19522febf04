"""The importer: copied page text and saved HTML pages become clean, valid article sources."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from pipeline.article.model import (
    Article,
    Block,
    BulletList,
    Heading,
    ListItem,
    OrderedList,
    Paragraph,
    Quote,
    Span,
    plain,
)
from pipeline.article.text import body_text
from pipeline.cli import main
from pipeline.errors import ImportFailed
from pipeline.importing.draft import Draft
from pipeline.importing.furniture import BYLINE, byline, furniture
from pipeline.importing.html import read_html
from pipeline.importing.importer import Imported, import_page
from pipeline.importing.markdown_writer import to_markdown
from pipeline.importing.text import read_text
from pipeline.language.sentences import split_sentences
from pipeline.sources.articles import parse_article, read_article
from tests.conftest import SEED_HEADINGS

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "import" / "codependency-article.txt"  # the practice's page as scraped
PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def imported_article(imported: Imported) -> Article:
    """The import's Markdown read back the way `make` reads it: it must be a valid article source."""
    return parse_article(imported.markdown.encode(), "imported.md", default_slug=imported.slug)


def headings(article: Article) -> list[str]:
    return [plain(block.text) for block in article.blocks if isinstance(block, Heading)]


def lists(article: Article) -> list[tuple[str, int]]:
    return [("ordered" if isinstance(block, OrderedList) else "bullet", len(block.items))
            for block in article.blocks if isinstance(block, (BulletList, OrderedList))]


def removed_kinds(imported: Imported) -> set[str]:
    return {line.split(":", 1)[0] for line in imported.removed}


# --- the seed --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_import() -> Imported:
    return import_page(SEED, None)


def test_seed_has_the_editors_structure(seed_import: Imported, seed_article: Article) -> None:
    article = imported_article(seed_import)
    assert headings(article) == list(SEED_HEADINGS)
    assert headings(article) == headings(seed_article)
    assert lists(article) == [("bullet", 3), ("ordered", 2)]
    assert [type(block) for block in article.blocks if isinstance(block, Quote)] == [Quote]
    assert article.updated == date(2025, 8, 4)


def test_seed_body_matches_the_reviewed_source(seed_import: Imported, seed_article: Article) -> None:
    imported_lines = body_text(imported_article(seed_import)).split("\n")
    for line in body_text(seed_article).split("\n"):
        assert line in imported_lines, f"dropped or changed: {line[:60]!r}"
    assert len(imported_lines) == len(body_text(seed_article).split("\n"))


def test_seed_chrome_and_call_to_action_are_gone_and_listed(seed_import: Imported) -> None:
    body = seed_import.markdown.split("\n---\n", 1)[1]
    for chrome in ("Last Updated", "SHARE THIS", "Contact us", "Click HERE", "CONNECT WITH US",
                   "Want to feel more connected", "therapy can help", "Our licensed therapists",
                   "Connect with a therapist"):
        assert chrome not in body
    assert removed_kinds(seed_import) >= {BYLINE, "closing call to action", "share buttons", "contact link",
                                          "follow links", "review"}
    assert any("Connect with a therapist" in line for line in seed_import.removed)


def test_seed_front_matter_is_left_for_the_editor(seed_import: Imported) -> None:
    article = imported_article(seed_import)
    # The seed has no title line: the first heading stands in, and the editor is told so.
    assert article.title == "Where does the concept of codependency come from?"
    assert article.is_draft and "\nstatus: draft\n" in seed_import.markdown
    assert any(item.startswith("no title found; title: is the first heading") for item in article.import_findings)
    assert any(line.startswith("review: no title found") for line in seed_import.removed)
    assert article.summary == "I first heard the term “codependent” as a counseling student in graduate school."
    assert article.tags == () and "tags: []" in seed_import.markdown
    assert article.slug == seed_import.slug == "codependency-article"


# --- pages from other practices ------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    file: str
    title: str
    author: str
    updated: date
    headings: tuple[str, ...]
    lists: tuple[tuple[str, int], ...]
    quotes: int
    removed: frozenset[str]
    absent: tuple[str, ...]
    present: tuple[str, ...] = ()
    canonical_url: str | None = None
    summary: str | None = None  # the page's own description; else the body's first sentence


PAGE_TABLE = [
    Page("numbered-sections-listening.txt", "How to Really Listen to Your Partner", "Jane Doe, LCSW",
         date(2024, 3, 3),
         ("1. Put Down the Phone", "2. Make Time to Talk", "3. Reflect Back What You Hear",
          "4. Ask Before You Fix", "5. Notice What Gets in the Way"),
         (("bullet", 3), ("ordered", 3)), 0,
         frozenset({"skip link", "site name and menu", "menu", "breadcrumbs", BYLINE, "share buttons",
                    "comments, related posts and page footer"}),
         ("Skip to content", "Harbor Light", "Share this", "Facebook", "Read more", "Related Posts", "cookies",
          "All rights reserved", "Home »", "1. 1.", "2. 2."),
         ("1. Take one slow breath.", "notice the technique.")),
    Page("byline-doubled-numbers-grief.txt", "Grief and the Holidays: Making Room for Both",
         "Dr. Marcus Webb, PsyD", date(2023, 11, 12),
         ("Why the Holidays Hurt", "Small Ways to Honor Your Loss", "Planning Ahead"),
         (("bullet", 3), ("ordered", 3)), 1,
         frozenset({"cookie notice", "menu", BYLINE, "read-more link", "follow links", "newsletter sign-up",
                    "closing call to action"}),
         ("cookies", "Accept All", "Menu", "6 min read", "Read more", "Follow us", "newsletter", "Schedule a free",
          "(555)", "1. 1.", "1\\."),
         ("> — a client, shared with permission", "1. Decide which gatherings you will attend.",
          "Grief does not keep a calendar.")),
    Page("question-headings-teen-anxiety.txt", "When Worry Takes Over: Anxiety in Teens", "Priya Natarajan, LPC",
         date(2024, 1, 10),  # "Last updated" wins over "Published on"
         ("What does anxiety look like in teens?", "How can parents help?", "Talk about it early"),
         (("bullet", 3),), 0,
         frozenset({"skip link", "site name and menu", BYLINE, "table of contents", "contact link",
                    "closing call to action"}),
         ("Skip to main content", "Blue Ridge", "Table of Contents", "Published on", "Get in touch", "(555)",
          "Main Street"),
         ("  - lying awake replaying the day", "your teen’s doctor or a counselor.")),
    Page("crlf-sleep-stress.txt", "Sleep, Stress and the 3 a.m. Wake-Up", "Sam Ortiz, LMFT", date(2024, 3, 3),
         ("Why Stress Wakes You Up", "A Wind-Down Routine", "If You Are Awake in the Night"),
         (("bullet", 3), ("ordered", 3)), 0,
         frozenset({"previous/next links", BYLINE, "tags and categories",
                    "comments, related posts and page footer"}),
         ("Back to Blog", "Tags:", "Previous post", "Next post", "Leave a Reply", "\r"),
         ("a therapist trained in CBT for insomnia can help.", "1. Get up after about twenty minutes.")),
    Page("wordpress-boundaries.html", "Setting Boundaries Without Guilt", "Alicia Moreno, LMFT", date(2024, 5, 21),
         ("What is a boundary, really?", "Signs your boundaries need attention", "How to say no kindly"),
         (("bullet", 3), ("ordered", 3)), 1,
         frozenset({"skip link", "cookie notice", "page header", "navigation menu", "breadcrumbs", "byline",
                    "share buttons", "comments", "related posts", "newsletter sign-up", "page footer",
                    "social links", "previous/next links"}),
         ("Skip to content", "cookies", "Share this", "Leave a Reply", "Recent Posts", "newsletter", "©",
          "About Us", "Posted in"),
         ("**Boundaries protect relationships**; they do not end them.", "*dreading*",
          "[guide to assertive communication](https://cedargrovecounseling.example.com/blog/assertive-communication/)",
          "> “No” is a complete sentence."),
         "https://cedargrovecounseling.example.com/blog/setting-boundaries-without-guilt/"),
    Page("squarespace-numbered-steps.html", "5 Ways to Calm Panic in the Moment", "Dana Kim, LCSW",
         date(2025, 1, 14),
         ("1. Name It", "2. Slow Your Breathing", "3. Ground Yourself", "4. Let It Peak", "5. Plan for Next Time"),
         (("bullet", 3),), 0,
         frozenset({"page header", "navigation menu", "byline", "call to action", "share buttons",
                    "previous/next links", "page footer", "newsletter sign-up", "closing call to action"}),
         ("# 5 Ways", "Book a free", "Schedule a Consultation", "Our Team", "Facebook", "Older Post", "Sign up"),
         ("Panic that keeps coming back is very treatable.",),
         "https://www.northsidetherapy.example.org/journal/calm-panic",
         "Practical steps for the next time panic hits."),
]


@pytest.mark.parametrize("page", PAGE_TABLE, ids=[page.file for page in PAGE_TABLE])
def test_page_from_another_practice(page: Page) -> None:
    imported = import_page(PAGES / page.file, None)
    article = imported_article(imported)
    body = imported.markdown.split("\n---\n", 1)[1]
    assert (article.title, article.author, article.updated) == (page.title, page.author, page.updated)
    assert article.canonical_url == page.canonical_url
    assert tuple(headings(article)) == page.headings
    assert tuple(lists(article)) == page.lists
    assert sum(isinstance(block, Quote) for block in article.blocks) == page.quotes
    assert removed_kinds(imported) == page.removed
    for text in page.absent:
        assert text not in body, f"{text!r} should have been removed"
    for text in page.present:
        assert text in body, f"{text!r} should be in the article"
    first = split_sentences(plain(next(block for block in article.blocks if isinstance(block, Paragraph)).text))
    opening = first[0] if len(first[0]) >= 40 else f"{first[0]} {first[1]}"
    assert article.summary == (page.summary or opening)
    assert imported.slug == article.slug and article.is_draft and article.import_findings == ()
    assert [warning for warning in article.warnings if "status: draft — not reviewed" not in warning] == []


@pytest.mark.parametrize("file", [page.file for page in PAGE_TABLE] + ["seed"])
def test_markdown_reads_back_as_the_blocks_the_importer_found(file: str) -> None:
    path = SEED if file == "seed" else PAGES / file
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    draft: Draft = read_html(text) if path.suffix == ".html" else read_text(text)
    assert imported_article(import_page(path, None)).blocks == draft.blocks


# --- how lines are read --------------------------------------------------------------------------

def test_a_question_inside_a_paragraph_stays_in_it() -> None:
    draft = read_text("An opening paragraph that is long enough to be plain text.\n\n"
                      "I remember feeling confused.\nCodependent? What did that mean?\n"
                      "What she described sounded human.\n\nThe end of the story is here.\n")
    assert draft.blocks[1] == Paragraph((Span("I remember feeling confused. Codependent? What did that mean? "
                                              "What she described sounded human."),))
    assert not any(isinstance(block, Heading) for block in draft.blocks)


def _items(block: Block) -> list[str]:
    assert isinstance(block, (BulletList, OrderedList))
    return [plain(item.blocks[0].text) for item in block.items]


@pytest.mark.parametrize(("text", "expected"), [
    ("Steps:\n\n1. 1. Breathe.\n2. 2. Name it.\n3. 3. Ask.\n", ("ordered", 1, ["Breathe.", "Name it.", "Ask."])),
    ("Steps:\n\n3. Third\n4. Fourth\n", ("ordered", 3, ["Third", "Fourth"])),
    ("Steps:\n\n1) Get up.\n2) Read.\n", ("ordered", 1, ["Get up.", "Read."])),
    ("Try:\n\n- One\n- Two\n", ("bullet", 1, ["One", "Two"])),
    ("Try:\n\n* One\n* Two\n", ("bullet", 1, ["One", "Two"])),
    ("Try:\n\n  • One\n  • Two\n", ("bullet", 1, ["One", "Two"])),
    ("Try:\n\n1. Take a breath.\n\n2. Name the feeling.\n\n3. Ask one more question.\n\nThat is all for now.\n",
     ("ordered", 1, ["Take a breath.", "Name the feeling.", "Ask one more question."])),
    ("Try:\n\n- One thing\n  that wraps\n- Two\n", ("bullet", 1, ["One thing that wraps", "Two"])),
], ids=["doubled-numbers", "starts-at-3", "parenthesis", "dash", "star", "bullet-dot", "loose-items", "wrapped"])
def test_lists(text: str, expected: tuple[str, int, list[str]]) -> None:
    block = read_text(text).blocks[1]
    kind, start, items = expected
    assert isinstance(block, OrderedList if kind == "ordered" else BulletList)
    assert getattr(block, "start", 1) == start
    assert _items(block) == items


def test_sub_bullets_nest_under_their_item() -> None:
    block = read_text("Signs:\n\n• Trouble sleeping\n   ◦ lying awake\n   ◦ waking early\n• Headaches\n").blocks[1]
    assert isinstance(block, BulletList) and _items(block) == ["Trouble sleeping", "Headaches"]
    assert block.items[0].blocks[1] == BulletList((ListItem((Paragraph((Span("lying awake"),)),)),
                                                   ListItem((Paragraph((Span("waking early"),)),))))


@pytest.mark.parametrize(("line", "expected"), [
    ("2. Make Time to Talk", "2. Make Time to Talk"),
    ("2. 2. Make Time to Talk", "2. Make Time to Talk"),
    ("Stay engaged instead of withdrawing.", "Stay engaged instead of withdrawing"),
    ("Where does the concept of codependency come from?", "Where does the concept of codependency come from?"),
    ("Why the Holidays Hurt", "Why the Holidays Hurt"),
    ("So, what does it actually mean to be codependent, and are we mislabeling our very real needs for it?", None),
    ("Remember my client? She was crying.", None),
    ("You know, garden variety.", None),
    ("A codependent pattern might look like:", None),
    ("“No” is a complete sentence.", None),
], ids=["numbered", "numbered-doubled", "trailing-period", "question", "title-case", "long-question",
        "two-sentences", "comma-statement", "lead-in", "starts-with-quote"])
def test_standalone_lines_between_paragraphs(line: str, expected: str | None) -> None:
    blocks = read_text(f"Opening paragraph of the article.\n\n{line}\n\nA paragraph follows it here.\n").blocks
    if expected is None:
        assert blocks[1] == Paragraph((Span(line),))
    else:
        assert blocks[1] == Heading(2, (Span(expected),))


def test_a_line_after_a_lead_in_is_text_not_a_heading() -> None:
    blocks = read_text("What I hear them say is:\n\nI want to be close\n\nThat is normal.\n").blocks
    assert blocks[1] == Paragraph((Span("I want to be close"),))


def test_quote_with_attribution() -> None:
    blocks = read_text("They said:\n\n“I really want to feel close… but I don’t.”\n\n— a client\n\nMore text.\n").blocks
    assert blocks[1] == Quote((Paragraph((Span("“I really want to feel close… but I don’t.”"),)),
                               Paragraph((Span("— a client"),))))


def test_heading_pasted_without_a_blank_line_before_its_text() -> None:
    blocks = read_text("Intro paragraph here.\n\n2. Make Time to Talk\nMany couples only talk about the "
                       "relationship when something has gone wrong.\n").blocks
    assert blocks[1:] == (Heading(2, (Span("2. Make Time to Talk"),)), Paragraph((Span(
        "Many couples only talk about the relationship when something has gone wrong."),)))


def test_page_pasted_without_blank_lines_is_read_line_by_line() -> None:
    draft = read_text("Sleep and Worry\nBy Sam Lee\nWorry often gets louder at night, and that is normal.\n"
                      "What helps?\nWriting the worry down before bed helps many people.\n")
    assert (draft.title, draft.author) == ("Sleep and Worry", "Sam Lee")
    assert [type(block) for block in draft.blocks] == [Paragraph, Heading, Paragraph]


def test_a_site_name_above_the_title_is_not_the_title() -> None:
    draft = read_text("Blue Ridge Family Therapy\n\nWhen Worry Takes Over\n\nBy Priya Natarajan\n\n"
                      "Every teenager worries about something.\n")
    assert draft.title == "When Worry Takes Over"
    assert [r.kind for r in draft.removed] == ["site name and menu", BYLINE]


@pytest.mark.parametrize(("line", "author", "updated", "published"), [
    ("Last Updated on August 4, 2025", None, date(2025, 8, 4), None),
    ("Updated: March 3, 2024", None, date(2024, 3, 3), None),
    ("Updated: March 3, 2024 at 10:15 am", None, date(2024, 3, 3), None),
    ("Last updated: 01/10/2024", None, date(2024, 1, 10), None),
    ("Published on Sept. 15, 2022", None, None, date(2022, 9, 15)),
    ("Mar 3, 2024", None, None, date(2024, 3, 3)),
    ("2024-03-03", None, None, date(2024, 3, 3)),
    ("Posted by Jane Doe, LCSW", "Jane Doe, LCSW", None, None),
    ("Posted by Jane Doe, LCSW on March 3, 2024", "Jane Doe, LCSW", None, date(2024, 3, 3)),
    ("By Dr. Marcus Webb, PsyD | November 12, 2023 | 6 min read", "Dr. Marcus Webb, PsyD", None,
     date(2023, 11, 12)),
    ("March 3, 2024 by Jane Doe", "Jane Doe", None, date(2024, 3, 3)),
    ("Author: Sam Ortiz, LMFT", "Sam Ortiz, LMFT", None, None),
])
def test_bylines_and_dates(line: str, author: str | None, updated: date | None, published: date | None) -> None:
    found = byline(line)
    assert found is not None
    assert (found.author, found.updated, found.published) == (author, updated, published)


@pytest.mark.parametrize("line", [
    "By the time she came in, things were better.",
    "Updated: 2024-13-45",
    "I first heard the term in 2019.",
    "March is a hard month for many of us, and that is fine.",
])
def test_text_that_is_not_a_byline(line: str) -> None:
    assert byline(line) is None


@pytest.mark.parametrize(("line", "kind"), [
    ("Skip to content", "skip link"),
    ("SHARE THIS", "share buttons"),
    ("Share this:", "share buttons"),
    ("Facebook", "share buttons"),
    ("CONNECT WITH US", "follow links"),
    ("Follow us on Instagram", "follow links"),
    ("Contact us", "contact link"),
    ("Click HERE to send us a message with any questions or to schedule an appointment.", "contact link"),
    ("Read more", "read-more link"),
    ("Read More »", "read-more link"),
    ("We use cookies to improve your experience on our website.", "cookie notice"),
    ("Accept All", "cookie notice"),
    ("Sign up for our newsletter", "newsletter sign-up"),
    ("© 2024 Harbor Light Counseling. All rights reserved.", "copyright line"),
    ("Home » Blog » Couples", "breadcrumbs"),
    ("6 min read", "reading time"),
    ("* * *", "separator line"),
    ("Previous post: Making Peace With Your Inner Critic", "previous/next links"),
    ("Tags: sleep, stress", "tags and categories"),
    ("I baked cookies with my grandmother every winter.", None),
    ("Home is where we learn how to love.", None),
    ("Read more about how attachment shapes adult relationships in the book we mentioned earlier today.", None),
    ("Share what you feel with your partner tonight.", None),
])
def test_page_furniture(line: str, kind: str | None) -> None:
    assert furniture(line) == kind


@pytest.mark.parametrize("text", [
    "*not emphasis* and _not either_",
    "1. not a list",
    "# not a heading",
    "> not a quote",
    "- not a bullet",
    "<b>not html</b> & &amp; stays",
    "[not a link](https://example.com)",
    "back\\slash and `ticks`",
])
def test_text_that_looks_like_markdown_is_escaped(text: str) -> None:
    markdown = to_markdown((Paragraph((Span(text),)),))
    article = parse_article(f"---\ntitle: T\nsummary: S\nupdated: 2024-01-01\n---\n\n{markdown}".encode(),
                            "t.md", "t")
    assert article.blocks == (Paragraph((Span(text),)),)


def test_styled_and_linked_text_round_trips() -> None:
    blocks = (Paragraph((Span("Plain "), Span("strong", strong=True), Span(" and "), Span("em", emphasis=True),
                         Span(" and "), Span("a link", href="https://example.com/a_b"), Span("."))),
              OrderedList((ListItem((Paragraph((Span("Item"),)), BulletList((ListItem((Paragraph(
                  (Span("sub"),)),)),)))),), start=4))
    article = parse_article(f"---\ntitle: T\nsummary: S\nupdated: 2024-01-01\n---\n\n{to_markdown(blocks)}"
                            .encode(), "t.md", "t")
    assert article.blocks == blocks


def test_html_with_no_article_text_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"menu\.html: no article text found"):
        import_page(page, None)


def test_page_with_no_date_gets_no_date_and_a_note(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Sleep and Worry\n\nWorry often gets louder at night, and that is normal.\n", encoding="utf-8")
    imported = import_page(page, "sleep")
    assert imported_article(imported).updated is None  # never the clock's date: a re-import changes nothing
    assert "\nupdated:" not in imported.markdown.split("\n---\n", 1)[0]
    assert any(line.startswith("review: no date found") for line in imported.removed)
    assert imported.slug == "sleep"


# --- the command ---------------------------------------------------------------------------------

def run_import(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", "import", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.txt", None, "file not found"),
    ("folder", "dir", "no .xml, .docx, .html, .htm, .xhtml, .txt files in this folder"),
    ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like an image"),
    ("page.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks like a PDF"),
    ("binary.txt", b"Title\x00\x01\x02\x03 text", "binary data"),
    ("controls.txt", b"Title\x01\x02\x03\x04\x05 text\n", "binary data"),
    ("odd-utf16.txt", b"\xff\xfeT\x00i\x00t", "UTF-16"),
    ("latin.txt", b"Caf\xe9 \x81\x8d\x90 text", "not UTF-8 or Windows-1252 text"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\r\n\t\n", "empty"),
], ids=["missing", "folder", "image", "pdf", "binary", "control-characters", "broken-utf16", "not-utf8", "empty",
        "blank"])
def test_unreadable_input_is_one_line_and_a_failing_exit(tmp_path: Path, name: str, content, message: str) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    result = run_import(str(path), "--stdout")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert lines[0].startswith(f"error: {path}: ") and message in lines[0]
    # A file that was looked at ends the run with the summary; a folder with nothing to read is one line.
    assert lines[1:] == ([] if content == "dir"
                         else ["imported 0, skipped 0; 0 review items; 1 file could not be read"])


def test_windows_1252_text_is_read_with_a_note(tmp_path: Path) -> None:
    page = tmp_path / "notepad.txt"
    page.write_bytes("Why “Too Needy” Is a Myth\r\n\r\nUpdated: May 1, 2024\r\n\r\nLonging for closeness "
                     "isn’t a flaw — it’s human.\r\n".encode("cp1252"))
    result = run_import(str(page), "--stdout")
    assert result.returncode == 0, result.stderr
    assert "title: Why “Too Needy” Is a Myth" in result.stdout
    assert "Longing for closeness isn’t a flaw — it’s human." in result.stdout
    assert "is not UTF-8; it was read as Windows-1252" in result.stderr


def test_utf16_text_from_notepad_is_read(tmp_path: Path) -> None:
    page = tmp_path / "unicode.txt"
    page.write_bytes("Sleep and Worry\r\n\r\nWorry gets louder at night.\r\n".encode("utf-16"))
    assert imported_article(import_page(page, None)).title == "Sleep and Worry"


def test_import_writes_the_article_source_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = tmp_path / "sources"
    page = str(PAGES / "numbered-sections-listening.txt")
    assert main(["import", page, "--sources", str(sources)]) == 0
    target = sources / "articles" / "how-to-really-listen-to-your-partner.md"
    assert read_article(target).title == "How to Really Listen to Your Partner"
    err = capsys.readouterr().err
    assert 'removed: share buttons: "Share this:" / "Facebook" / "Twitter" / "Email"' in err.splitlines()

    # The same page again changes nothing, and says so.
    before = target.stat().st_mtime_ns
    assert main(["import", page, "--sources", str(sources)]) == 0
    assert "unchanged: " in capsys.readouterr().out and target.stat().st_mtime_ns == before
    # An edited article is never overwritten without --force.
    target.write_text(target.read_text(encoding="utf-8").replace("tags: []", "tags: [couples]"), encoding="utf-8")
    assert main(["import", page, "--sources", str(sources)]) == 1
    assert "already exists and differs" in capsys.readouterr().err
    assert "tags: [couples]" in target.read_text(encoding="utf-8")
    assert main(["import", page, "--sources", str(sources), "--force"]) == 0
    assert "tags: []" in target.read_text(encoding="utf-8")
    assert main(["import", page, "--sources", str(sources), "--slug", "listening"]) == 0
    assert read_article(sources / "articles" / "listening.md").slug == "listening"
    assert main(["import", "no-such-page.txt", "--sources", str(sources), "--slug", "Not A Slug"]) == 1
    assert capsys.readouterr().err.strip().endswith("is not a plain name of lowercase letters, digits and hyphens")

"""WordPress exports: published posts become article sources; everything else is skipped and said why."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.article.model import Heading, Paragraph, Quote, Table, plain
from pipeline.cli import main
from pipeline.errors import ImportFailed
from pipeline.importing.batch import run_import
from pipeline.importing.draft import Skipped
from pipeline.importing.fragment import fragment_blocks
from pipeline.importing.markdown_writer import to_markdown
from pipeline.importing.wordpress import plain_text, read_export
from pipeline.importing.wordpress_body import body_html
from pipeline.sources.articles import read_article

EXPORT = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "wordpress-export.xml"
SKIPPED = {"Coming Soon: Couples Workshop": "no content", "Notes for my next post": "draft",
           "For Group Members Only": "password-protected", "Staff Notes": "private",
           "New Year, Gentle Goals": "scheduled", "About Us": "page", "couple-talking": "attachment",
           "Home": "menu item"}


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, list[str]]:
    articles = tmp_path_factory.mktemp("sources") / "articles"
    lines: list[str] = []
    report = run_import([EXPORT], articles, say=lines.append)
    lines.append(report.summary())
    return articles, lines


def test_published_posts_become_valid_article_sources(imported):
    articles, lines = imported
    assert sorted(path.name for path in articles.glob("*.md")) == [
        "a-note-on-rest.md", "grief-and-the-holidays.md", "how-to-really-listen.md", "shlvm-and-peace.md",
        "why-we-worry-part-1.md"]
    assert lines[-1] == ("imported 5, skipped 8: attachment 1, draft 1, menu item 1, no content 1, page 1, "
                         "password-protected 1, private 1, scheduled 1; 3 review items")


def test_every_skipped_item_is_listed_with_why(imported):
    _, lines = imported
    skipped = [line for line in lines if line.startswith("skipped: ")]
    assert len(skipped) == len(SKIPPED)
    for title, reason in SKIPPED.items():
        assert any(f"'{title}' ({reason}" in line for line in skipped), title


def test_block_editor_post(imported):
    article = read_article(imported[0] / "how-to-really-listen.md")
    assert article.title == "How to Really Listen to Your Partner"
    assert article.author == "Jane Doe, LCSW"  # the display name, not the login
    assert article.updated == date(2024, 4, 2)  # modified, not first published
    assert article.summary == "Five small habits that help your partner feel heard."  # the excerpt
    assert article.tags == ("Couples", "communication")  # "Uncategorized" is no tag
    assert article.canonical_url == "https://harborlight.example.com/2024/03/how-to-really-listen/"
    assert [plain(b.text) for b in article.blocks if isinstance(b, Heading)] == ["Put down the phone"]
    assert "Take turns: one talks, one listens." in [plain(b.text) for b in article.blocks if isinstance(b, Paragraph)]
    assert any(isinstance(b, Quote) for b in article.blocks) and any(isinstance(b, Table) for b in article.blocks)
    text = (imported[0] / "how-to-really-listen.md").read_text(encoding="utf-8")
    assert "wp:" not in text and "<img" not in text and "youtube" not in text and "javascript" not in text
    assert "buy cheap watches" not in text  # comments are not the article


def test_block_editor_media_are_listed(imported):
    _, lines = imported
    assert 'removed: image: "Two people talking on a bench"' in lines
    assert 'removed: gallery: "2 images"' in lines
    assert 'removed: embed: "https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in lines


def test_classic_editor_post(imported):
    path = imported[0] / "grief-and-the-holidays.md"
    article = read_article(path)
    text = path.read_text(encoding="utf-8")
    assert article.author == "Dr. Marcus Webb, PsyD" and article.updated == date(2019, 11, 12)
    assert article.summary == "Grief does not keep a calendar. The holidays can bring it close again, even years later."
    assert article.tags == ("Grief & Loss",)
    paragraphs = [plain(b.text) for b in article.blocks if isinstance(b, Paragraph)]
    assert paragraphs[:2] == [article.summary, "Light a candle for the one you miss."]  # the caption's words stay
    assert "Set a place at the table.\nTell one story about them." in paragraphs  # a line break, as WordPress shows it
    assert "Be gentle with yourself this season." in paragraphs  # an unknown shortcode's words stay
    assert "Words in brackets [sic] stay, and so does a literal [gallery]." in paragraphs
    for gone in ("[caption", "[gallery ids", "[embed]", "vimeo", "contact-form", "su_note", "<!--more-->", "youtube"):
        assert gone not in text, gone
    _, lines = imported
    # Players next to each other are listed on one line, in the order the post has them.
    for removed in ('removed: embed: "https://www.youtube.com/watch?v=abc123XYZ" / "https://vimeo.com/123456"',
                    'removed: image: "A lit candle"'):
        assert removed in lines


def test_title_with_markup_and_entities_is_plain_text(imported):
    article = read_article(imported[0] / "why-we-worry-part-1.md")
    assert article.title == "Why We Worry & What Helps — Part 1"
    assert article.summary == "Why worry grows, and two small things that help."
    assert article.slug == "why-we-worry-part-1"  # the override hidden in post_name is gone


def test_right_to_left_and_emoji_text_keeps_its_words_and_loses_invisible_characters(imported):
    path = imported[0] / "shlvm-and-peace.md"  # a Hebrew slug, spelled in Latin letters (python-slugify)
    article = read_article(path)
    assert article.title == "שלום and سلام: Peace in Two Languages 🕊️"
    text = path.read_text(encoding="utf-8")
    assert "👨\u200d👩\u200d👧" in text  # joiners inside an emoji family stay
    for hidden in ("\u200b", "\u202e", "\u202c", "\u200f"):
        assert hidden not in text
    assert "a hidden zerowidth space does not, and neither does an override." in text


def test_post_with_no_title_uses_its_first_heading(imported):
    path = imported[0] / "a-note-on-rest.md"
    assert read_article(path).title == "A note on rest"
    assert read_article(path).import_findings[0].startswith("no title found")


def test_pages_are_imported_when_asked(tmp_path):
    report = run_import([EXPORT], tmp_path, pages=True, say=lambda line: None)
    assert report.imported == 6 and "page" not in report.skipped
    assert read_article(tmp_path / "about.md").title == "About Us"


@pytest.mark.parametrize("old, new", [
    ("http://wordpress.org/export/1.2/", "https://wordpress.org/export/1.2/"),
    ("http://wordpress.org/export/1.2/", "http://wordpress.org/export/1.0/"),
    ("http://purl.org/rss/1.0/modules/content/", "https://purl.org/rss/1.0/modules/content/"),
], ids=["https-wp", "wxr-1.0", "https-content"])
def test_namespace_spellings_and_versions(tmp_path, old, new):
    export = tmp_path / "export.xml"
    export.write_text(EXPORT.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    found = list(read_export(export))
    assert sum(not isinstance(item, Skipped) for item in found) == 5


def test_reimporting_changes_nothing_and_says_so(tmp_path, capsys):
    sources = tmp_path / "sources"
    assert main(["import", str(EXPORT), "--sources", str(sources)]) == 0
    times = {path: path.stat().st_mtime_ns for path in (sources / "articles").iterdir()}
    capsys.readouterr()
    assert main(["import", str(EXPORT), "--sources", str(sources)]) == 0
    out = capsys.readouterr().out
    assert out.count("unchanged: ") == 5 and "imported 0, unchanged 5, skipped 8" in out
    assert {path: path.stat().st_mtime_ns for path in (sources / "articles").iterdir()} == times


BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss><channel><item><title>&c;</title></item></channel></rss>
"""
OUTSIDE_FILE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>&secret;</title></item></channel></rss>
"""
UNDECLARED = """<?xml version="1.0"?>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>A&nbsp;title</title></item></channel></rss>
"""


@pytest.mark.parametrize("text, message", [
    (BOMB, "line 1: has a document type declaration"),
    (OUTSIDE_FILE, "line 1: has a document type declaration"),
    (UNDECLARED, "line 3: not well-formed XML (Entity 'nbsp' not defined)"),
    (EXPORT.read_text(encoding="utf-8")[:9000], "the export stops in the middle: it is truncated"),
    ("<rss><channel><title>A feed</title></channel></rss>", "not a WordPress export"),
], ids=["entity-bomb", "outside-file", "undeclared-entity", "cut-short", "plain-rss"])
def test_hostile_or_broken_export_is_one_line(tmp_path, text, message):
    export = tmp_path / "export.xml"
    export.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        list(read_export(export))
    (problem,) = caught.value.problems
    assert problem.startswith(f"{export}: ") and message in problem and "root:" not in problem


def test_a_broken_file_is_one_line_and_the_others_still_import(tmp_path, capsys):
    broken = tmp_path / "broken.xml"
    broken.write_text(EXPORT.read_text(encoding="utf-8")[:9000], encoding="utf-8")
    sources = tmp_path / "sources"
    assert main(["import", str(broken), str(EXPORT), "--sources", str(sources), "--force"]) == 1
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {broken}: line ")
    assert "could not be read" in captured.out
    assert (sources / "articles" / "how-to-really-listen.md").exists()


def test_slug_is_refused_for_an_export(tmp_path, capsys):
    assert main(["import", str(EXPORT), "--sources", str(tmp_path), "--slug", "one"]) == 1
    assert "--slug names one article" in capsys.readouterr().err


@pytest.mark.parametrize("content, expected", [
    ("First line\nsecond line\n\nNew paragraph", "First line\\\nsecond line\n\nNew paragraph\n"),
    ("[video src=\"a.mp4\"][/video]Kept words", "Kept words\n"),
    ("[audio mp3=\"https://x.example/a.mp3\"]\n\nAfter", "After\n"),
    ("<!-- wp:paragraph --><p>One</p><!-- /wp:paragraph -->", "One\n"),
    ("Before\n\nhttps://www.youtube.com/watch?v=x\n\nAfter", "Before\n\nAfter\n"),
    ("<p>See [1] and [note]</p>", "See \\[1\\] and \\[note\\]\n"),
    ('[caption id="attachment_7" align="alignleft" width="300" caption="Our quiet waiting room"]'
     '<img src="room.jpg" alt="" />[/caption]', "Our quiet waiting room\n"),
    ("<p>Typed.</p>\nThen a line\n\nThen a paragraph", "Typed.\n\nThen a line\n\nThen a paragraph\n"),
], ids=["classic-breaks", "video", "audio", "block-comment", "auto-embed", "brackets-kept", "caption-attribute",
        "typed-p-and-blank-lines"])
def test_post_bodies(content, expected):
    html, _ = body_html(content)
    blocks, _ = fragment_blocks(html)
    assert to_markdown(blocks) == expected


@pytest.mark.parametrize("markup, text", [
    ("<em>Why</em> We Worry", "Why We Worry"),
    ("Tom &amp; Jerry &#8211; again", "Tom & Jerry – again"),
    ("Plain\u202e title", "Plain title"),
    ("", ""),
])
def test_titles_are_plain_text(markup, text):
    assert plain_text(markup) == text


def test_pages_flag_and_stdout_through_the_command(capsys):
    assert main(["import", str(EXPORT), "--pages", "--stdout"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("---\n# Imported from wordpress-export.xml:") == 6
    assert "title: About Us" in captured.out and "wrote " not in captured.out
    assert captured.err.strip().splitlines()[-1].startswith("imported 6, skipped 7: ")


def test_two_posts_with_one_slug_both_land_and_again_change_nothing(tmp_path):
    text = EXPORT.read_text(encoding="utf-8").replace("<![CDATA[grief-and-the-holidays]]>",
                                                        "<![CDATA[how-to-really-listen]]>")
    export = tmp_path / "export.xml"
    export.write_text(text, encoding="utf-8")
    lines: list[str] = []
    first = run_import([export], tmp_path / "articles", say=lines.append)
    assert first.imported == 5 and (tmp_path / "articles" / "how-to-really-listen-2.md").exists()
    assert any("review: slug 'how-to-really-listen' is another article's; this one is 'how-to-really-listen-2'"
               in line for line in lines)
    second = read_article(tmp_path / "articles" / "how-to-really-listen-2.md")
    assert second.slug == "how-to-really-listen-2"  # the note is in its front matter too, where check sees it
    assert "slug 'how-to-really-listen' is another article's; this one is 'how-to-really-listen-2'" in \
        second.import_findings
    again = run_import([export], tmp_path / "articles", say=lambda line: None)
    assert (again.imported, again.unchanged) == (0, 5)


# The posts are in English: a site language that says otherwise gives way to their words, with a note.
@pytest.mark.parametrize("language, lang, note", [
    ("en-US", "en", None),
    ("es-ES", "en", "review: marked as written in Spanish (es-ES), but its text reads as English"),
    ("es", "en", "review: marked as written in Spanish (es), but its text reads as English"),
    ("fr-FR", "en", "review: marked as written in French (fr-FR), but its text reads as English"),
])
def test_the_sites_language_is_each_posts(tmp_path, language, lang, note):
    export = tmp_path / "export.xml"
    export.write_text(EXPORT.read_text(encoding="utf-8").replace("<language>en-US</language>",
                                                                 f"<language>{language}</language>"), encoding="utf-8")
    lines: list[str] = []
    run_import([export], tmp_path / "articles", say=lines.append)
    article = read_article(tmp_path / "articles" / "how-to-really-listen.md")
    assert article.language == (lang or "en")
    text = (tmp_path / "articles" / "how-to-really-listen.md").read_text(encoding="utf-8")
    assert (f"\nlang: {lang}\n" in text) if lang else ("\nlang:" not in text)
    assert (note is None) == (not any(line.startswith("review: marked as written in") for line in lines))
    if note:
        assert any(line.startswith(note) for line in lines)


@pytest.mark.parametrize("name", ["yes", "2024"], ids=["yaml-word", "number"])
def test_a_taken_slug_that_yaml_quotes_is_renamed_too(tmp_path, name):
    text = EXPORT.read_text(encoding="utf-8")
    for post in ("how-to-really-listen", "grief-and-the-holidays"):
        text = text.replace(f"<![CDATA[{post}]]>", f"<![CDATA[{name}]]>")
    export = tmp_path / "export.xml"
    export.write_text(text, encoding="utf-8")
    run_import([export], tmp_path / "articles", say=lambda line: None)
    assert read_article(tmp_path / "articles" / f"{name}.md").slug == name
    assert read_article(tmp_path / "articles" / f"{name}-2.md").slug == f"{name}-2"

"""Real exports other projects keep as test data: Blogger backups, WordPress and Medium exports, a folder of them."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.importing.batch import run_import
from pipeline.sources.articles import read_article

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "real"
BLOGGER = REAL / "blogger-sample2-google.xml"
OLD_WORDPRESS = REAL / "wordpress-sample2-google.xml"
ABOUT_ME = "<title type=\"text\">About Me</title>"


def _run(paths: list[Path], articles: Path, **options) -> list[str]:
    lines: list[str] = []
    report = run_import(paths, articles, say=lines.append, **options)
    lines.append(report.summary())
    return lines


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n\n", 1)[1]


def test_blogger_backup_imports_published_posts_and_says_why_the_rest_is_left_out(tmp_path):
    lines = _run([BLOGGER], tmp_path / "articles")
    assert sorted(path.name for path in (tmp_path / "articles").glob("*.md")) == [
        "about-me.md", "rolling-in-hawaii.md", "somewhat-brief-history.md", "this-about-sums-up-my-life.md"]
    skipped = [line for line in lines if line.startswith("skipped: ")]
    assert skipped == [f"skipped: {BLOGGER.name}: 1 entry (template)",
                       f"skipped: {BLOGGER.name}: 47 entries (blog settings)",
                       f"skipped: {BLOGGER.name}: 3 entries (comments)"]
    assert lines[-1] == "imported 4, skipped 3: blog settings 1, comments 1, template 1; 4 review items"
    article = read_article(tmp_path / "articles" / "about-me.md")
    assert article.title == "About Me"
    assert article.author == "JJ"
    assert article.updated == date(2008, 11, 11)
    assert article.tags == ("Already Published", "Everything")
    assert article.canonical_url == "http://www.blogger.com/blogspot/jjsfavoritethings/2008/04/about-me.html"


def test_blogger_line_breaks_between_paragraphs_make_paragraphs(tmp_path):
    _run([BLOGGER], tmp_path / "articles")
    body = _body(tmp_path / "articles" / "about-me.md")
    assert body.startswith("Hi.\n\nMy name is Jeremy Lueck. Many friends,")
    assert "\\\n" not in body  # no run-on paragraph held together by line breaks
    assert body.count("\n\n") == 2


def test_a_blogger_draft_with_its_undeclared_app_prefix_is_skipped_not_a_crash(tmp_path):
    # Blogger marks a draft with <app:control><app:draft>yes</app:draft></app:control> and never
    # declares the app: prefix; that is what stopped whole imports with "Invalid tag name".
    backup = tmp_path / "blog-with-a-draft.xml"
    text = BLOGGER.read_text(encoding="utf-8")
    assert ABOUT_ME in text
    backup.write_text(text.replace(ABOUT_ME, ABOUT_ME + "<app:control><app:draft>yes</app:draft></app:control>"),
                      encoding="utf-8")
    lines = _run([backup], tmp_path / "articles")
    assert f"skipped: {backup.name}: 'About Me' (draft)" in lines
    assert lines[-1] == "imported 3, skipped 4: blog settings 1, comments 1, draft 1, template 1; 3 review items"


def test_blogger_pages_come_with_the_pages_option(tmp_path):
    source = REAL / "blogger-sample-google.xml"  # written by Google's WordPress-to-Blogger converter (ns0: names)
    lines = _run([source], tmp_path / "articles")
    assert lines[-1] == "imported 3, skipped 1: comments 1; 2 review items"


def test_an_old_wordpress_export_with_an_undeclared_excerpt_prefix_imports(tmp_path):
    # WordPress MU (2008) wrote <excerpt:encoded> without declaring excerpt:, which crashed the import.
    lines = _run([OLD_WORDPRESS], tmp_path / "articles")
    assert lines[-1] == "imported 4, skipped 7: attachment 1, draft 6; 3 review items"  # a [youtube=…] player
    assert not [line for line in lines if line.startswith("error: ")]
    body = _body(tmp_path / "articles" / "about-me.md")
    assert body.startswith("Hi.\n\nMy name is Jeremy Lueck.")


def test_a_folder_of_mixed_real_files_never_stops_and_always_ends_with_its_summary(tmp_path, capsys):
    folder = tmp_path / "old-site"
    shutil.copytree(REAL, folder)
    (folder / "broken.xml").write_text("<rss><channel><item><title>Half", encoding="utf-8")
    code = main(["import", str(folder), "--sources", str(tmp_path / "sources")])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    last = out.strip().splitlines()[-1]
    assert last.startswith("imported ") and last.endswith("; 1 file could not be read")
    assert [line for line in err.splitlines() if line.startswith("error: ")] == [
        f"error: {folder / 'broken.xml'}: line 1: the export stops in the middle: it is truncated (a download or "
        "copy cut short); export it again"]
    assert (tmp_path / "sources" / "articles" / "rolling-in-hawaii.md").exists()  # a Blogger post
    assert code == 1


@pytest.mark.parametrize("name", ["mammoth-tables.docx", "blogger-sample2-google.xml"])
def test_one_file_import_ends_with_the_summary_line(tmp_path, capsys, name):
    assert main(["import", str(REAL / name), "--sources", str(tmp_path / "sources")]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1].startswith("imported ")


CLASSIC = REAL / "wordpress-sample-google.xml"


def test_classic_editor_text_gets_its_paragraphs_as_wordpress_shows_them(tmp_path):
    lines = _run([CLASSIC], tmp_path / "articles")
    assert lines[-1] == "imported 3, skipped 2: attachment 1, page 1; 2 review items"
    body = _body(tmp_path / "articles" / "a-test-of-newlines-and-labelscategories.md")
    assert body == ("We're having fun with tags, labels, and categories today on the Data Portability Testbed blog."
                    "\n\nWhat's **your** take on newlines, huh?\n\nNext up, video and embedded links which Wordpress "
                    "outputs in a non-HTML format.\n")


def test_block_tags_typed_into_classic_text_stand_on_their_own_and_players_are_listed(tmp_path):
    lines = _run([CLASSIC], tmp_path / "articles")
    body = _body(tmp_path / "articles" / "a-video-test.md")
    assert body.startswith("Okay, it's on to something a little trickier. In the version of WordPress")
    assert ("\n\nLet me see how it goes if I embed a YouTube, Google Video, and DailyMotion videos:\n\n- YouTube\n"
            in body)
    assert "youtube=" not in body and "googlevideo" not in body
    assert ('removed: embed: "link-to-video" / "http://www.youtube.com/watch?v=pY8jaGs7xJ0" / '
            '"http://video.google.com/googleplayer.swf?docid=-8756242902799338281" / "id=xk6sn"') in lines


def _page(name: str) -> tuple[str, tuple[str, ...]]:
    from pipeline.importing.importer import import_page

    imported = import_page(REAL / name)
    return imported.markdown.split("\n---\n\n", 1)[1], imported.removed


def test_a_page_trafilatura_reads_with_its_fallback_is_imported_not_refused():
    body, removed = _page("page-boingboing-millennials.html")
    assert body.startswith("Cartoonist Matt Bors got a spot on CNN for his great, scathing critique")
    link = "[The generation we love to dump on](http://www.cnn.com/2013/07/09/opinion/bors-millenial-comic-strip)"
    assert link in body
    assert "Choir! Choir! Choir!" not in body  # the next-story teasers under the post stay out, and are listed
    assert any(line.startswith('related posts: "Patti Smith and Stewart Copeland') for line in removed)


def test_highlighted_code_in_a_pre_is_a_code_block_line_by_line_not_a_quote():
    body, _ = _page("page-caktusgroup-django-tests.html")
    assert "```\nimport os\n\nfrom django.conf import settings\n" in body
    assert "> import os" not in body


def test_pictures_in_a_saved_page_are_each_listed():
    _, removed = _page("page-blogspot-plentylife-review.html")
    pictures = [line for line in removed if line.startswith("picture: ")]
    # Three in the post body, one line; with no alt text, each is named by its file.
    assert pictures == ['picture: "Strong%2B%2526%2BBeautiful%2B-%2BPamela%2BReif.png" / '
                        '"Strong%2B%2526%2BBeautiful%2B-%2BPamela_Reif.png" / "5von5.jpg"']
    assert any(line.startswith("review: 3 pictures left out") for line in removed)


def test_date_and_categories_lines_and_comment_links_leave_the_post_and_the_categories_become_tags():
    from pipeline.importing.importer import import_page

    imported = import_page(REAL / "page-gregoryszorc-python3.html")
    front, body = imported.markdown.split("\n---\n\n", 1)
    assert body.startswith("Mercurial 5.2 was released on November 5, 2019.")
    for chrome in ("categories:", "View Comments", "powered by Disqus", "Mercurial|"):
        assert chrome not in body, chrome
    assert "\nsummary: Mercurial 5.2 was released on November 5, 2019.\n" in front
    assert "\ntags:\n- Python\n- Mercurial\nstatus: draft\n" in front
    assert 'comments link: "View Comments"' in imported.removed


def test_a_category_heading_and_an_editors_recommendations_list_leave_the_post():
    body, removed = _page("page-knowtechie-rocket-league.html")
    assert "GameTechie" not in body and "Editors" not in body and "Crates are leaving" not in body
    assert any(line.startswith('related posts: "Editors’ Recommendations:"') for line in removed)


def test_the_author_is_the_name_not_view_all_posts_by():
    from pipeline.importing.importer import import_page

    assert "\nauthor: Daniel Lemire\n" in import_page(REAL / "page-lemire-json.html").markdown


def test_zero_width_characters_written_as_entities_leave_the_body(tmp_path):
    # Editors paste zero-width spaces that exports keep as entities; here two are put into a copy of
    # the real backup, where Blogger would write them (escaped HTML inside <content>).
    backup = tmp_path / "blog-with-zero-width.xml"
    text = BLOGGER.read_text(encoding="utf-8")
    assert "My name is Jeremy Lueck." in text
    backup.write_text(text.replace("My name is Jeremy Lueck.", "My&amp;#x200B; name is Jeremy&amp;#xFEFF; Lueck."),
                      encoding="utf-8")
    _run([backup], tmp_path / "articles")
    body = _body(tmp_path / "articles" / "about-me.md")
    assert "My name is Jeremy Lueck." in body
    assert "\u200b" not in body and "\ufeff" not in body and "&#x" not in body


def test_a_txt_file_that_holds_a_posts_html_is_read_as_html(tmp_path):
    from lxml import etree

    from pipeline.importing.importer import import_page

    # The HTML of a real post, as someone copies it out of the blog's HTML editor into a .txt file.
    entries = etree.parse(str(BLOGGER)).getroot().findall("{http://www.w3.org/2005/Atom}entry")
    about = next(entry for entry in entries if entry.findtext("{http://www.w3.org/2005/Atom}title") == "About Me")
    page = tmp_path / "about-me.txt"
    page.write_text(about.findtext("{http://www.w3.org/2005/Atom}content"), encoding="utf-8")
    assert "<br />" in page.read_text(encoding="utf-8")
    imported = import_page(page)
    body = imported.markdown.split("\n---\n\n", 1)[1]
    assert body.startswith("Hi.\n\nMy name is Jeremy Lueck.")
    assert "<br" not in body and "&lt;" not in body
    assert "review: about-me.txt holds HTML, not plain text; it was read as HTML" in imported.removed


@pytest.mark.parametrize(("line", "kind"), [
    ("We use cookies to improve your experience on our website. By continuing to browse, you agree.", "cookie notice"),
    ("This site uses cookies to give you the best experience.", "cookie notice"),
    ("Accept all cookies", "cookie notice"),
    ("Baking cookies together can be a calming experience for a worried child and a tired parent.", None),
], ids=["notice", "site-uses", "button", "a-paragraph-about-baking"])
def test_only_a_notice_about_the_sites_cookies_is_a_cookie_notice(line, kind):
    from pipeline.importing.furniture import furniture

    assert furniture(line) == kind


def test_the_site_name_leaves_a_saved_posts_title():
    from pipeline.importing.importer import import_page

    imported = import_page(REAL / "page-caktusgroup-django-tests.html")
    assert "\ntitle: Testing Client-Side Applications with Django Post Mortem\n" in imported.markdown
    assert "Caktus Group\n" not in imported.markdown.split("\n---\n\n", 1)[0]


def test_a_bare_date_at_the_top_of_the_text_is_not_the_summary():
    from pipeline.importing.importer import import_page

    imported = import_page(REAL / "page-adac-kindersitze.html")
    front, body = imported.markdown.split("\n---\n\n", 1)
    assert "\n\n23.10.2018\n\n" in body  # the page's own line stays for the editor to judge
    # The page's own description sums it up, so it is the summary (not the date, nor the opening again).
    assert ("\nsummary: Der ADAC hat 18 Kindersitze in punkto Sicherheit, Bedienung, Ergonomie und Schadstoffgehalt "
            "geprüft. Alle Daten und Ergebnisse.\n") in front
    assert "\nslug: kindersitztest-2018\n" in front  # the last part of its canonical address

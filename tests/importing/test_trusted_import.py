"""An import never swaps, cuts or leaks what a client reads: slugs, pages' own addresses, links, depth."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.importing.batch import run_import
from pipeline.sources import read_article, read_library

BODY = ("<p>Worry is a normal part of life for many people, and it can be managed well with practice.</p>"
        "<p>Here are some things that can help you when you feel it rising during the day.</p>")
REVIEWED = ("---\ntitle: Coping with anxiety\nslug: anxiety\nreviewed_by: Jane Doe, LCSW\nreviewed_on: 2025-03-03\n"
            "---\n\nThe reviewed text clients have read for a year.\n")


def page(title: str = "Anxiety", head: str = "", body: str = BODY) -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{head}</head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def imported(paths: list[Path], articles: Path, **options: object) -> list[str]:
    lines: list[str] = []
    run_import(paths, articles, say=lines.append, **options)  # type: ignore[arg-type]
    return lines


def test_an_import_never_takes_the_slug_a_reviewed_article_declares(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "coping.md").write_text(REVIEWED)
    (tmp_path / "anxiety.html").write_text(page())
    lines = imported([tmp_path / "anxiety.html"], articles)
    assert f"slug: anxiety.html: 'anxiety' is held by {articles / 'coping.md'}; this import is 'anxiety-2'" in lines
    assert "review: slug 'anxiety' is another article's; this one is 'anxiety-2'" in lines
    library = read_library(articles)  # no duplicate: the build goes ahead, the reviewed text in build/anxiety/
    assert {article.slug: article.source for article in library.articles} == {
        "anxiety": str(articles / "coping.md"), "anxiety-2": str(articles / "anxiety-2.md")}


def test_a_page_imported_again_updates_its_own_draft_wherever_it_now_is(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    canonical = "<link rel='canonical' href='https://www.harborcouples.com/blog/anxiety/'>"
    (tmp_path / "saved-page.html").write_text(page(head=canonical))
    imported([tmp_path / "saved-page.html"], articles)
    (articles / "anxiety.md").rename(articles / "worry-at-night.md")  # the editor gave it a better name
    lines = imported([tmp_path / "saved-page.html"], articles)
    assert lines == [f"unchanged: {articles / 'worry-at-night.md'} already holds this import of saved-page.html"]
    (tmp_path / "saved-page.html").write_text(page(head=canonical, body=BODY + "<p>A new closing line.</p>"))
    imported([tmp_path / "saved-page.html"], articles, force=True)
    assert sorted(path.name for path in articles.iterdir()) == ["worry-at-night.md"]
    assert "A new closing line." in (articles / "worry-at-night.md").read_text()


def test_the_same_file_imported_again_without_an_address_is_still_its_own_draft(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    (tmp_path / "anxiety.txt").write_text("Anxiety\n\nWorry is a normal part of life for many people and it can be "
                                          "managed well.\n")
    imported([tmp_path / "anxiety.txt"], articles)
    (articles / "anxiety.md").rename(articles / "renamed.md")
    assert imported([tmp_path / "anxiety.txt"], articles)[0].startswith(f"unchanged: {articles / 'renamed.md'}")


def test_a_pages_own_address_never_comes_from_base_href(tmp_path: Path) -> None:
    (tmp_path / "anxiety.html").write_text(page(head="<base href='https://www.harborcouples.com.evil.example/'>"))
    imported([tmp_path / "anxiety.html"], tmp_path / "articles")
    assert read_article(tmp_path / "articles" / "anxiety.md").canonical_url is None


def test_a_look_alike_canonical_address_is_left_out_and_said(tmp_path: Path) -> None:
    spoof = "https://www.h\u0430rborcouples.com/anxiety/"
    (tmp_path / "anxiety.html").write_text(page(head=f"<link rel='canonical' href='{spoof}'>"))
    lines = imported([tmp_path / "anxiety.html"], tmp_path / "articles")
    assert read_article(tmp_path / "articles" / "anxiety.md").canonical_url is None
    assert any(line.startswith("review: the page's own address was left out: ") and "xn--" in line for line in lines)


def test_a_link_inside_an_imported_folder_is_never_followed(tmp_path: Path) -> None:
    private = tmp_path / "session-notes.txt"
    private.write_text("Session notes\n\nClient J. said things that must never be published anywhere.\n")
    export = tmp_path / "export"
    (export / "posts").mkdir(parents=True)
    (export / "posts" / "anxiety.html").write_text(page())
    (export / "posts" / "notes.txt").symlink_to(private)
    (export / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    lines = imported([export], tmp_path / "articles")
    assert sorted(path.name for path in (tmp_path / "articles").iterdir()) == ["anxiety.md"]
    assert f"skipped: {export / 'posts' / 'notes.txt'}: a link, not followed; copy the file itself into the " \
           "folder to import it" in lines
    assert not any("never be published" in path.read_text() for path in (tmp_path / "articles").iterdir())


def test_a_zip_is_told_to_be_unzipped_first(tmp_path: Path) -> None:
    archive = tmp_path / "medium-export.zip"
    with zipfile.ZipFile(archive, "w") as export:
        export.writestr("posts/anxiety.html", page())
    lines = imported([archive], tmp_path / "articles")
    assert lines == [f"error: {archive}: a zip archive; unzip it first (a Medium export, say) and import the folder "
                     "it unpacks to — or, if it is a Word document, give it the .docx ending"]


@pytest.mark.parametrize("tag", ["div", "span", "blockquote"])
def test_a_page_nested_past_256_elements_keeps_the_text_after_it(tmp_path: Path, tag: str) -> None:
    deep = f"<{tag}>" * 300 + "<p>Deep inside the page there is a sentence too.</p>" + f"</{tag}>" * 300
    (tmp_path / "anxiety.html").write_text(page(body=BODY + deep + "<p>If you are in danger, call 911 now.</p>"))
    lines = imported([tmp_path / "anxiety.html"], tmp_path / "articles")
    text = (tmp_path / "articles" / "anxiety.md").read_text()
    assert "Deep inside the page there is a sentence too." in text
    assert "If you are in danger, call 911 now." in text
    flattened = any("nests lists, quotes or tables more than 200 deep" in line for line in lines)
    assert flattened == (tag == "blockquote")  # unwrapping a div or a span changes nothing a reader sees


def test_a_page_nested_past_what_can_be_read_is_refused_naming_its_line(tmp_path: Path) -> None:
    (tmp_path / "anxiety.html").write_text(page(body=BODY + "\n<div>" * 3000 + "x" + "</div>" * 3000))
    lines = imported([tmp_path / "anxiety.html"], tmp_path / "articles")
    assert lines[0].startswith(f"error: {tmp_path / 'anxiety.html'}: line 2047: the page nests its elements "
                               "more than 2,048 deep")


def test_a_fifo_given_to_import_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "page.html")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    code = ("import sys\nfrom pipeline.cli import main\n"
            f"sys.exit(main(['import', {str(tmp_path / 'page.html')!r}, '--sources', {str(tmp_path / 'sources')!r}]))")
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                              preexec_fn=limit, cwd=Path(__file__).parents[2])
    except subprocess.TimeoutExpired:
        pytest.fail("import hung on a FIFO")
    assert done.returncode == 1
    assert f"error: {tmp_path / 'page.html'}: is a pipe (FIFO), not a file; expected a saved .html page or a .txt " \
           "file" in done.stderr


@pytest.mark.parametrize(("line", "author"), [
    ("By Jane Doe, LCSW. Last Updated on March 3, 2024", "Jane Doe, LCSW"),
    ("Written by Dr. Sam Lee. Published March 3, 2024", "Dr. Sam Lee"),
], ids=["credential-then-updated", "title-then-published"])
@pytest.mark.parametrize("kind", ["txt", "html"])
def test_a_byline_and_its_date_on_one_line_give_the_authors_name(tmp_path: Path, line: str, author: str,
                                                                 kind: str) -> None:
    """The author was "Jane Doe, LCSW. Last Updated": the date's words ran into the name."""
    body = ("Worry gets louder at night for many people, and there are ways to quiet it down.",
            "Here is what helps most of the people we see in our practice.")
    source = tmp_path / f"worry.{kind}"
    if kind == "txt":
        source.write_text("\n\n".join(("Worry at Night", line, *body)) + "\n")
    else:
        source.write_text(page("Worry at Night", body=f"<p>{line}</p>" + "".join(f"<p>{p}</p>" for p in body)))
    imported([source], tmp_path / "articles")
    article = read_article(tmp_path / "articles" / "worry-at-night.md")
    assert article.author == author
    assert article.updated is not None and (article.updated.year, article.updated.month) == (2024, 3)


def test_two_saved_pages_with_one_file_name_are_two_drafts(tmp_path: Path) -> None:
    for site, title in (("one", "Anxiety"), ("two", "Grief")):
        (tmp_path / site).mkdir()
        (tmp_path / site / "index.html").write_text(page(title))
    imported([tmp_path / "one" / "index.html"], tmp_path / "articles")
    lines = imported([tmp_path / "two" / "index.html"], tmp_path / "articles")
    assert lines[0] == (f"wrote {tmp_path / 'articles' / 'grief.md'} from index.html — a draft: review it, "
                        "then `.venv/bin/handouts approve grief`")


def test_a_page_that_was_given_the_next_free_slug_is_the_same_draft_next_time(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "coping.md").write_text(REVIEWED)
    (tmp_path / "anxiety.txt").write_text("Anxiety\n\nWorry is a normal part of life for many people and it can be "
                                          "managed well.\n")
    imported([tmp_path / "anxiety.txt"], articles)
    lines = imported([tmp_path / "anxiety.txt"], articles)
    assert lines == [f"unchanged: {articles / 'anxiety-2.md'} already holds this import of anxiety.txt"]


REAL = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "real"


def test_real_pages_never_take_a_reviewed_slug_and_update_their_own_drafts(tmp_path: Path) -> None:
    """Real saved pages: one with its canonical link (Lemire's blog), one without (Szorc's)."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "reviewed.md").write_text(REVIEWED.replace("slug: anxiety", "slug: json-parsing-simdjson-vs-json-for-"
                                                                           "modern-c"))
    pages = [REAL / "page-lemire-json.html", REAL / "page-gregoryszorc-python3.html"]
    lines = imported(pages, articles)
    assert "review: slug 'json-parsing-simdjson-vs-json-for-modern-c' is another article's; this one is " \
           "'json-parsing-simdjson-vs-json-for-modern-c-2'" in lines
    for draft in ("json-parsing-simdjson-vs-json-for-modern-c-2", "mercurials-journey-to-and-reflections-on-python-3"):
        (articles / f"{draft}.md").rename(articles / f"renamed-{draft[:10]}.md")
    again = imported(pages, articles)
    assert [line for line in again if not line.startswith("unchanged: ")] == []
    assert len(read_library(articles).articles) == 3


def test_an_explicit_slug_another_file_holds_is_refused_and_its_own_is_unchanged(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "coping.md").write_text(REVIEWED)
    (tmp_path / "worry.html").write_text(page("Worry"))
    assert imported([tmp_path / "worry.html"], articles, slug="anxiety") == [
        f"error: --slug 'anxiety': {articles / 'coping.md'} already holds that slug; choose another --slug"]
    imported([tmp_path / "worry.html"], articles, slug="worry-at-night")
    assert imported([tmp_path / "worry.html"], articles, slug="worry-at-night")[0].startswith(
        f"unchanged: {articles / 'worry-at-night.md'}")


def test_a_zip_inside_an_imported_folder_is_told_to_be_unzipped_too(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "anxiety.html").write_text(page())
    with zipfile.ZipFile(folder / "medium-export.zip", "w") as export:
        export.writestr("posts/grief.html", page("Grief"))
    lines = imported([folder], tmp_path / "articles")
    assert f"error: {folder / 'medium-export.zip'}: a zip archive; unzip it first (a Medium export, say) and import " \
           "the folder it unpacks to — or, if it is a Word document, give it the .docx ending" in lines
    assert (tmp_path / "articles" / "anxiety.md").exists()

"""Medium's export: each post read by its own markup; drafts, responses and the account's pages left out.

The posts are Ghost's copies of Medium export files (tests/fixtures/import/real/SOURCES.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.errors import ImportFailed
from pipeline.importing.draft import Skipped
from pipeline.importing.importer import Imported, import_page
from pipeline.importing.readers import read_file

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "real"


def _read(path: Path) -> Imported | Skipped:
    (found,) = read_file(path, pages=False, slug=None)
    return found


def _parts(name: str) -> tuple[str, str, tuple[str, ...]]:
    found = _read(REAL / name)
    assert isinstance(found, Imported)
    front, body = found.markdown.split("\n---\n\n", 1)
    return front, body, found.removed


def test_a_medium_post_keeps_its_title_subtitle_byline_date_link_and_tags():
    front, _, _ = _parts("medium-export-advanced-post.html")
    assert ("\ntitle: Advanced Post Title\nslug: advanced-post-title\n"
                          "summary: This is a subtitle of some sort\nupdated: 2018-08-11\nauthor: Joe Bloggs\n"
                          "canonical_url: https://medium.com/@JoeBloggs/testpost-efefef12121212\n"
                          "tags:\n- Things\n- Stuff\nstatus: draft\n") in front


def test_a_medium_post_body_is_read_graf_by_graf_without_its_title_and_subtitle():
    _, body, _ = _parts("medium-export-advanced-post.html")
    assert body == ("*This is a subtitle of some sort*\n\n"  # a paragraph of the post, in italics
                    "This is a paragraph of text and stuff.\n\nSome more text\n\n## Another header\n\n"
                    "- Single item list\n\n"
                    "* This is a list item\n* And a second list item with a [link to Ghost](https://ghost.org)\n\n"
                    "---\n\n"  # the post's second section
                    "## One last section\n\n🎉 This is a [call to action](https://twitter.com/)\n")


def test_pictures_of_a_medium_post_are_listed_by_caption_and_asked_about():
    _, body, removed = _parts("medium-export-advanced-post.html")
    assert "caption" not in body and "cdn-images" not in body
    assert ('image: "This is an image caption" / "https://cdn-images-1.medium.com/max/600/def123.jpeg" / '
            '"https://cdn-images-1.medium.com/max/600/ghi123jpeg" / "Test a marked up caption"') in removed
    assert ("review: 4 picture(s) or embedded player(s) were left out; check the text still reads well without them"
            in removed)


def test_medium_code_blocks_keep_their_lines_and_indents_and_nothing_of_the_files_layout():
    _, body, _ = _parts("medium-export-code-post.html")
    assert body == ("This is a paragraph of text and stuff.\n\n```\nsudo apt-get update\nsudo apt-get install \\\n"
                    "    apt-transport-https \\\n    ca-certificates \\\n    curl \\\n    gnupg-agent \\\n"
                    "    software-properties-common \\\n    example \\\n    python3-example-lorem\n"
                    "sudo apt-key adv --keyserver keys.gnupg.net --recv-keys 12345678\n"
                    'echo "deb https://sub.example.com/ce/dolor lorem ipsum" |\\ \n'
                    "sudo tee /etc/apt/sources.list.d/example.list\nsudo apt-get update\n"
                    "sudo apt-get install example\n```\n")


def test_medium_quotes_and_pull_quotes_are_block_quotes():
    _, body, _ = _parts("medium-export-quote-post.html")
    assert body == ("This is a paragraph of text and stuff.\n\n> “Lorem Ipsum” [Example](https://example/com)\n\n"
                    "Dolor Simet\n\n> Lorem Ipsum\n")


def test_a_medium_draft_is_skipped_with_why(tmp_path):
    assert _read(REAL / "medium-export-draft-post.html") == Skipped("Draft Post Title", "draft")
    # Medium names a draft's file draft_…: a published post's file renamed so is skipped too.
    renamed = tmp_path / "draft_Advanced-Post-Title-efefef12121212.html"
    shutil.copy(REAL / "medium-export-advanced-post.html", renamed)
    assert _read(renamed) == Skipped("Advanced Post Title", "draft")
    with pytest.raises(ImportFailed, match="'Draft Post Title' is not a published post of Medium's export"):
        import_page(REAL / "medium-export-draft-post.html")


def test_a_response_to_another_post_is_skipped_with_why():
    assert _read(REAL / "medium-export-comment.html") == Skipped("This is a comment", "response to another post")


def test_in_the_unpacked_export_only_the_posts_are_read_and_the_account_pages_are_left_out(tmp_path, capsys):
    export = tmp_path / "medium-export"
    (export / "posts").mkdir(parents=True)
    (export / "profile").mkdir()
    for name in ("advanced-post", "code-post", "draft-post", "comment"):
        shutil.copy(REAL / f"medium-export-{name}.html", export / "posts" / f"{name}.html")
    shutil.copy(REAL / "medium-export-profile.html", export / "profile" / "profile.html")
    assert main(["import", str(export), "--sources", str(tmp_path / "sources")]) == 0
    out, err = capsys.readouterr()
    assert ("skipped: 1 page(s) of Medium's export outside posts/ (profile/profile.html): the account's own pages, "
            "not posts") in err
    assert "skipped: draft-post.html: 'Draft Post Title' (draft)" in err
    assert out.strip().splitlines()[-1] == ("imported 2, skipped 3: Medium account page 1, draft 1, "
                                            "response to another post 1; 1 review item")
    written = sorted(path.name for path in (tmp_path / "sources" / "articles").iterdir())
    assert written == ["advanced-post-title.md", "code-post-title.md"]  # no page with the account's e-mail address


@pytest.mark.parametrize("name", ["medium-export-advanced-post.html", "medium-export-code-post.html",
                                  "medium-export-quote-post.html"])
def test_a_post_written_on_one_line_as_medium_writes_it_reads_the_same(name, tmp_path):
    """Ghost's copies are indented for reading; Medium writes each post's markup without a line
    break between tags. A temporary copy with the breaks and indents between tags taken out (never
    inside a <pre>) must give the same draft: title, subtitle and paragraphs apart."""
    import re

    text = (REAL / name).read_text(encoding="utf-8")
    pieces = re.split(r"(<pre\b.*?</pre>)", text, flags=re.DOTALL)
    one_line = "".join(piece if piece.startswith("<pre") else re.sub(r">\s+<", "><", piece) for piece in pieces)
    outside_pre = re.split(r"<pre\b.*?</pre>", one_line, flags=re.DOTALL)
    assert one_line != text and not any(re.search(r">\s+<", piece) for piece in outside_pre)
    copy = tmp_path / name
    copy.write_text(one_line, encoding="utf-8")
    indented, written = _read(REAL / name), _read(copy)
    assert isinstance(indented, Imported) and isinstance(written, Imported)
    assert written.markdown == indented.markdown
    assert written.markdown.count("\n\n") >= 2  # front matter, then the body in blocks

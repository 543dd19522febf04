"""Real saved pages other projects keep as test data: Blogger posts, an article's table, real share links."""

from __future__ import annotations

from pathlib import Path

from pipeline.importing.importer import Imported, import_page

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "real"


def _imported(name: str) -> Imported:
    return import_page(REAL / name)


def _body(imported: Imported) -> str:
    return imported.markdown.split("\n---\n\n", 1)[1]


def test_a_link_in_a_blogger_sentence_stays_in_its_sentence():
    body = _body(_imported("page-blogger-python-insider.html"))
    assert ("and it contains many new features and optimizations. See [the What’s New In Python 3.6 document]"
            "(https://docs.python.org/3.6/whatsnew/3.6.html) for more information.\n\n") in body
    assert ("\n\nYou can download Python 3.6.0 [here](https://www.python.org/downloads/release/python-360/). "
            "Also, most third-party") in body


def test_a_blogger_line_between_two_blocks_is_kept():
    body = _body(_imported("page-blogger-python-insider.html"))
    # Written between two empty <div>s with no tag of its own: once left out as if it were a sidebar.
    assert ("\n\nMaintenance releases for the 3.6 series will follow at regular intervals starting in the "
            "first quarter of 2017.\n\nWe hope you enjoy Python 3.6.0!\n\n") in body


def test_a_blogger_post_keeps_its_links_and_its_list_inside_a_list():
    imported = _imported("page-blogger-silicon-exposed.html")
    body = _body(imported)
    assert ("Their [5th generation parts](http://www.silego.com/products/greenpak5.html) were just announced, but "
            "I started this project before that happened so I'm still targeting the "
            "[4th generation](http://www.silego.com/products/greenpak4.html).\n\n") in body
    # An <ol> written straight inside the <ol>, which a browser shows under the item above it.
    assert ("6. Find a list of candidate placements for the pivot:\n"
            "   1. Consider all routable placements in the other half of the device.\n") in body
    assert "\nsummary: I've written a couple of posts in the past few months but they were all for the blog at " \
           "work so I figured I'm long overdue for one on Silicon Exposed.\n" in imported.markdown
    assert not any("Consider all routable" in line for line in imported.removed)


def test_a_line_break_before_inline_code_is_no_paragraph_break():
    body = _body(_imported("page-blogger-emacspeak-advice.html"))
    # "module<br />" then a new line of the page's source, then "<code>advice.el</code>".
    assert "in the summer of 1994, when module\\\n`advice.el` shipped as part of Emacs 19.23." in body
    assert "1. Speak line moved to after `next-line` and `previous-line` — add\\\n" in body


def test_a_data_table_row_named_twitter_keeps_its_name():
    # A benchmark table whose last row is the "twitter" test file, in a WordPress post whose
    # classes say "format-standard" (the post's format, not a form round the article).
    imported = _imported("page-lemire-json.html")
    assert ("| gsoc-2018 | 3.3 GB/s | 0.091 GB/s |\n"
            "| twitter | 2.2 GB/s | 0.094 GB/s |\n") in _body(imported)
    assert not any(line.startswith("form:") for line in imported.removed)


def test_a_table_cell_that_names_a_social_network_stays_in_the_table(tmp_path):
    # No saved page was found whose article has a table of social networks; this real article's
    # real table has two of its row names changed in a temporary copy, the rest as saved.
    page = (REAL / "page-factorio-friday-facts-table.html").read_text(encoding="utf-8")
    for cell in ("<td>Load&nbsp;map</td>", "<td>Sound&nbsp;settings</td>"):
        assert page.count(cell) == 1
    copy = tmp_path / "table-naming-networks.html"
    copy.write_text(page.replace("<td>Load&nbsp;map</td>", "<td>Print</td>")
                    .replace("<td>Sound&nbsp;settings</td>", "<td>Facebook</td>"), encoding="utf-8")
    imported = import_page(copy)
    body = _body(imported)
    assert "\n| Print |  |  |  |  |  |  |  |  |\n| Save map |" in body
    assert "\n| Control settings |  |  |  |  |  |  |  |  |\n| Facebook |  |  |  |  |  |  |  |  |\n" in body
    assert not any(line.startswith("share buttons:") and "Facebook" in line for line in imported.removed)


def test_real_share_and_social_links_named_after_networks_stay_out():
    imported = _imported("page-physorg-share-links.html")
    body = _body(imported)
    assert "Facebook" not in body and "Twitter" not in body
    assert 'social links: "Facebook" / "Twitter" / "Email"' in imported.removed


def test_a_heading_of_the_article_that_names_a_social_network_stays(tmp_path):
    # As above: a real post's real heading, renamed in a temporary copy.
    page = (REAL / "page-caktusgroup-django-tests.html").read_text(encoding="utf-8")
    assert page.count("<h4>What’s Next</h4>") == 1
    copy = tmp_path / "heading-naming-a-network.html"
    copy.write_text(page.replace("<h4>What’s Next</h4>", "<h4>Instagram</h4>"), encoding="utf-8")
    imported = import_page(copy)
    assert "\n\n## Instagram\n\n" in _body(imported)
    assert not any(line.startswith("share buttons:") for line in imported.removed)


def test_a_list_item_of_the_article_that_names_a_social_network_stays(tmp_path):
    # As above: a real list in a real test report, inside a wrapper round the whole page whose
    # class says "nav"; one item renamed in a temporary copy.
    item = "<li><strong>Vier fallen wegen zu hohen Schadstoffen durch</strong></li>"
    page = (REAL / "page-adac-kindersitze.html").read_text(encoding="utf-8")
    assert page.count(item) == 1 and 'class="l-outer l-outer--nav' in page
    copy = tmp_path / "list-naming-a-network.html"
    copy.write_text(page.replace(item, "<li>Instagram</li>"), encoding="utf-8")
    body = _body(import_page(copy))
    assert "- **Elf Modelle sind empfehlenswert**\n- Instagram\n- **Mit dabei:" in body


def test_a_wix_post_gives_its_title_author_and_date_to_the_front_matter():
    imported = _imported("page-wix-strive-dating.html")
    front, body = imported.markdown.split("\n---\n\n", 1)
    assert "\ntitle: Das Dating-Dilemma erfolgreicher Frauen\n" in front
    assert "\nauthor: Bianca Praetorius\n" in front and "\nupdated: 2022-10-02\n" in front
    # The name beside the author's picture and the date under it stay out of the text.
    assert body.startswith("Gastbeitrag **| Warum haben es erfolgreiche")
    assert "2. Okt. 2022" not in body and "\nBianca Praetorius\n" not in body


def test_a_saved_substack_post_is_titled_by_its_post_title_and_ends_with_its_text():
    imported = _imported("page-substack-agency.html")
    front, body = imported.markdown.split("\n---\n\n", 1)
    assert "\ntitle: The Most Precious Resource is Agency\n" in front
    assert "\nauthor: Simon Sarris\n" in front and "\nupdated: 2021-07-01\n" in front
    assert body.startswith("The world is a very malleable place.\n\nWhen I read biographies, early lives leap out")
    # Substack's "Subscribe to …" box after the post is no section of it.
    assert body.endswith("*The two painters became lifelong friends in 1847.*\n")
    assert "Subscribe to The Map is Mostly Water" not in body


def test_a_substack_post_keeps_its_author_not_a_quoted_tweets_and_leaves_its_comment_counter_out():
    # Saved by Postlight's parser, which rewrites each <meta content=…> as value=…, so the page's
    # author is read from Substack's post header, beside embedded tweets with their own authors.
    imported = _imported("page-substack-chartbook.html")
    front, body = imported.markdown.split("\n---\n\n", 1)
    assert "\ntitle: 'Chartbook #90: Heavy Fires'\n" in front and "\nupdated: 2022-03-01\n" in front
    assert "\nauthor: Adam Tooze\n" in front
    assert body.startswith("Gustave Doré L’Énigme, 1871\n\nAs Russian forces begin to resort to heavy artillery")
    assert "/comments)" not in body


def test_a_substack_picture_with_no_words_is_named_by_its_file_not_its_escaped_address():
    # Substack's image service writes the picture's own address, escaped, as the last part of its own.
    removed = _imported("page-substack-agency.html").removed
    assert ('picture: "ef3bd0df-b9fa-4358-afee-116c23f4c55f_2560x1902.jpeg" / '
            '"cf8d3b64-d0a0-4eea-9dcc-7b6b154ef77c_1528x1076.jpeg"') in removed


def test_a_picture_caption_written_as_the_first_paragraph_is_no_summary():
    # The post opens with a picture and, under it as a paragraph of its own, the picture's title
    # and year: no sentence, so the summary is the first sentence after it.
    imported = _imported("page-substack-chartbook.html")
    assert ("\nsummary: As Russian forces begin to resort to heavy artillery “fires” in their assault on Kharkiv, "
            "the character of the war in Ukraine may be about to take a terrible turn.\n") in imported.markdown

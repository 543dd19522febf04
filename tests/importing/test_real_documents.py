"""Real Word documents other projects keep as test data: text boxes, tables, lists in cells, notes, headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.importing.importer import Imported
from pipeline.importing.readers import read_file

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "real"


def _imported(name: str) -> Imported:
    (found,) = read_file(REAL / name, pages=False, slug=None)
    assert isinstance(found, Imported)
    return found


def _body(imported: Imported) -> str:
    return imported.markdown.split("\n---\n\n", 1)[1]


def _front(imported: Imported) -> str:
    return imported.markdown.split("\n---\n\n", 1)[0]


def test_text_in_a_text_box_is_kept_where_it_stands():
    imported = _imported("mammoth-text-box.docx")  # was refused as an empty document
    assert _body(imported) == "Datum plane\n"
    assert any(line.startswith("review: 1 text box(es) kept as paragraphs") for line in imported.removed)


def test_a_word_table_uses_its_first_row_as_the_header_instead_of_an_empty_one():
    body = _body(_imported("mammoth-tables.docx"))
    assert "| Top left | Top right |\n| --- | --- |\n| Bottom left | Bottom right |" in body
    assert "|  |  |" not in body


def test_a_list_in_a_table_cell_keeps_each_item_apart_and_asks_for_review():
    imported = _imported("docx2python-example.docx")
    body = _body(imported)
    assert "| bullet no indent; bullet indent 1; bullet indent 2 |" in body
    assert sum(line.startswith("review: a table cell holds a list") for line in imported.removed) == 2


def test_paragraphs_and_line_breaks_in_a_cell_stay_apart():
    body = _body(_imported("docx2python-paragraphs-and-tables.docx"))
    assert "| One; More; Table |" in body
    assert "| This | Document |\n| --- | --- |\n| Also | Has |\n| Tables |  |" in body


def test_the_notes_heading_is_never_the_title():
    imported = _imported("mammoth-footnotes.docx")
    assert "\ntitle: Mammoth footnotes\n" in _front(imported)  # the file's name, with a note to review it
    assert "title: Notes" not in _front(imported)
    assert "## Notes\n\n1. A tachyon walks into a bar.\n2. Fin.\n" in _body(imported)


def test_the_summary_is_never_the_title_when_the_body_has_words():
    front = _front(_imported("mammoth-simple-list.docx"))
    assert "\nsummary: Apple\n" in front and "Untitled article" not in front


def test_a_table_of_contents_is_left_out_and_the_first_heading_titles_the_document():
    imported = _imported("docx2python-zen-of-python.docx")
    assert "\ntitle: Beautiful is better than ugly.\n" in _front(imported)
    assert 'table of contents: "Contents / Beautiful is better than ugly. 1"' in imported.removed
    assert _body(imported).startswith("Explicit is better than implicit.\n\n")


@pytest.mark.parametrize("name", ["docx2python-example.docx"])
def test_headings_below_the_title_start_at_level_two(name):
    body = _body(_imported(name))
    assert "\n## Heading 1\n\n### Heading 2\n" in body


def test_the_words_decide_the_language_not_the_documents_proofing_language(tmp_path):
    import zipfile

    # A real English document whose proofing language says Russian, as Word writes it when the
    # computer it was typed on was set to Russian: the copy changes only that one attribute.
    source = REAL / "docx2python-zen-of-python.docx"
    marked = tmp_path / "zen-marked-russian.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(marked, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "word/styles.xml":
                assert b'<w:lang w:val="en-US"' in data
                data = data.replace(b'<w:lang w:val="en-US"', b'<w:lang w:val="ru-RU"', 1)
            copy.writestr(info, data)
    (found,) = read_file(marked, pages=False, slug=None)
    assert "\nlang: en\n" in found.markdown
    assert ("review: marked as written in Russian (ru-RU), but its text reads as English; lang: follows the text"
            in found.removed)
    assert not any("which the handouts have no wording for" in line for line in found.removed)


def test_too_few_words_to_tell_keep_what_the_document_says():
    imported = _imported("mammoth-tables.docx")  # "Above", four cells, "Below": en-GB, as marked
    assert "\nlang: en\n" in imported.markdown


def test_author_and_date_lines_at_the_top_go_to_the_front_matter(tmp_path):
    import zipfile

    # Handouts often start with "Author: …" and "Date: …" lines; two such paragraphs, written the
    # way Word writes a plain paragraph, are put at the top of a copy of a real document.
    source = REAL / "docx2python-zen-of-python.docx"
    copy = tmp_path / "zen-with-byline.docx"
    lines = (b"<w:p><w:r><w:t>Author: Tim Peters</w:t></w:r></w:p>"
             b"<w:p><w:r><w:t>Date: August 19, 2004</w:t></w:r></w:p>")
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + lines, 1)
            out.writestr(info, data)
    (found,) = read_file(copy, pages=False, slug=None)
    front, body = found.markdown.split("\n---\n\n", 1)
    assert "\nauthor: Tim Peters\n" in front and "\nupdated: 2004-08-19\n" in front
    assert "Author:" not in body and "Date:" not in body
    assert body.startswith("Explicit is better than implicit.")
    assert 'byline or date (now in the front matter): "Author: Tim Peters" / "Date: August 19, 2004"' in found.removed


def test_merged_cells_keep_every_cell_in_its_column():
    body = _body(_imported("docx2python-merged-cells.docx"))
    assert body == ("| 0-0 | 0-12 |  | 0-3 |\n| --- | --- | --- | --- |\n| 12-0 | 1-1 | 1-2 | 1-3 |\n"
                    "|  | 2-1 | 2-2 | 2-3 |\n| 3-0 | 34-123 |  |  |\n| 4-0 |  |  |  |\n")


def test_struck_through_words_are_kept_marked_and_listed_for_review():
    from pipeline.sources import parse_article

    imported = _imported("mammoth-strikethrough.docx")
    article = parse_article(imported.markdown.encode(), "a.md", default_slug="a")
    spans = [span for span in article.blocks[0].text if span.text.strip()]
    assert [(span.text.strip(), span.struck) for span in spans] == [("Today's Special: Salmon", True),
                                                                     ("Sold out", False)]
    assert any(line.startswith("review: 1 struck-through passage(s) kept as struck-through")
               for line in imported.removed)


def test_footnote_markers_are_raised_as_word_shows_them():
    # Markdown has no raised-text syntax, so the draft writes <sup> (the article reader's job to read back).
    assert _body(_imported("mammoth-footnotes.docx")).startswith("Ouch<sup>\\[1\\]</sup>.<sup>\\[2\\]</sup>\n")


def test_quote_and_intense_quote_paragraphs_are_block_quotes(tmp_path):
    import re
    import zipfile

    # The document's own Quote and Intense Quote styles (Word defines both in it) set on two of
    # its paragraphs, as Word writes a paragraph style.
    source = REAL / "docx2python-paragraphs-and-tables.docx"
    copy = tmp_path / "with-quotes.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "word/styles.xml":
                assert b'w:styleId="Quote"' in data and b'w:styleId="IntenseQuote"' in data
            if info.filename == "word/document.xml":
                for words, style in ((b"There are paragraphs", b"Quote"), (b"Here is another", b"IntenseQuote")):
                    data, found = re.subn(rb"(<w:p [^>]*>)(<w:r><w:t[^>]*>" + words + rb")",
                                          rb'\1<w:pPr><w:pStyle w:val="' + style + rb'"/></w:pPr>\2', data)
                    assert found == 1
            out.writestr(info, data)
    (found,) = read_file(copy, pages=False, slug=None)
    body = _body(found)
    assert "\n\n> There are paragraphs between tables." in body
    assert "\n>\n> Here is another paragraph between the first and second tables.\n" in body  # the same quote


def test_a_restarted_list_starts_again_and_a_continued_one_keeps_counting():
    # Word's own numbers, written into each item by the test file's author: "Restarted to 1 from 5",
    # "Jump to new list at 10", and "Carrying on @ 12" after a paragraph between the items.
    body = _body(_imported("poi-complex-numbered-lists.docx"))
    assert body == ("This is a document with numbered lists\n\n"
                    "1. Entry #1\n2. Entry #2, with children\n   1. 2-a\n   2. 2-b\n   3. 2-c\n"
                    "3. Entry #3\n4. Entry #4\n\n"
                    "1) Restarted to 1 from 5\n2) Restarted @ 2\n3) Restarted @ 3\n\n"
                    "10. Jump to new list at 10\n11. Now 11\n\n"
                    "Normal text here\n\n"
                    "12. Carrying on @ 12\n13. Carrying on @ 13\n\n"
                    "All done!\n")


def test_each_list_starts_at_the_number_word_shows_for_it():
    # Every item says what Word numbers it ("expect II", "expect viii"): lists that start past 1,
    # continue another list of the same numbering, or restart part way. Letters and Roman numerals
    # are written as the numbers they stand for.
    body = _body(_imported("docx2python-example-numbering.docx"))
    assert body == ("2. expect II\n\n3) expect C\n4) expect D\n\n4. expect 4\n\n5) expect e\n6) expect f\n\n"
                    "6. expect 6\n\n6) expect f\n\n8. expect viii\n9. expect ix\n")


def test_a_list_whose_numbering_is_overridden_part_way_is_split_where_word_changes_it():
    # The items' words are the labels Word shows: "1", then "B", "C" (the same list, its level
    # overridden to letters), "A", "B" (another list), and "4" (the first list carrying on).
    body = _body(_imported("poi-numbering-overrides.docx"))
    assert body.endswith("\n\n1. 1\n\n2) B\n3) C\n\n1. A\n2. B\n\n4) 4\n")


def test_items_of_one_list_stay_one_list_when_word_restarts_it_where_it_already_was():
    # Made in Apple Pages: the second question's numbering is a new w:num of the same list whose
    # startOverride is 2, the number it would have had anyway.
    body = _body(_imported("docx2python-created-in-pages-lists.docx"))
    assert "\n1. Why did the chicken cross the road?\n   1. Just because\n" in body
    assert "\n   3. To get to the other side\n2. What's the meaning of life, universe and everything?\n" in body

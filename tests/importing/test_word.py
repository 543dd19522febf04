"""Word documents: structure kept, comments and deleted changes out, pictures listed, nothing fetched.

The .docx fixtures are made by tests/fixtures/import/build_word_fixtures.py (see its docstring).
"""

from __future__ import annotations

import io
import socket
import zipfile
from datetime import date
from pathlib import Path

import pytest

from pipeline.article.model import BulletList, Heading, OrderedList, Paragraph, Table, plain
from pipeline.cli import main
from pipeline.errors import ImportFailed
from pipeline.importing import word
from pipeline.importing.batch import run_import
from pipeline.importing.importer import article_source
from pipeline.importing.word import MAX_XML_BYTES, read_document
from pipeline.sources.articles import parse_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
HANDOUT = FIXTURES / "word-anxiety-handout.docx"
GOOGLE = FIXTURES / "word-google-docs-sleep.docx"
EMPTY = FIXTURES / "word-empty.docx"


@pytest.fixture(scope="module")
def handout():
    imported = article_source(read_document(HANDOUT), HANDOUT.name, HANDOUT.stem)
    return imported, parse_article(imported.markdown.encode(), "handout.md", default_slug=imported.slug)


def test_title_subtitle_and_properties_fill_the_front_matter(handout):
    imported, article = handout
    assert article.title == "Calming an Anxious Mind" and imported.slug == "calming-an-anxious-mind"
    assert article.summary == "Three skills you can practice anywhere."
    assert article.author == "Priya Natarajan, LPC" and article.updated == date(2024, 5, 6)
    assert "Calming an Anxious Mind" not in [plain(b.text) for b in article.blocks if isinstance(b, Paragraph)]


def test_headings_lists_emphasis_links_and_tables(handout):
    imported, article = handout
    assert [(b.level, plain(b.text)) for b in article.blocks if isinstance(b, Heading)] == [
        (2, "What anxiety feels like"), (2, "Three skills"), (3, "When to get help"), (2, "Notes")]
    bullets = next(b for b in article.blocks if isinstance(b, BulletList))
    assert [plain(item.blocks[0].text) for item in bullets.items] == [
        "A racing heart", "Tight shoulders", "Worried thoughts that loop"]
    assert isinstance(bullets.items[1].blocks[1], BulletList)  # "Clenched jaw", one level in
    steps = next(b for b in article.blocks if isinstance(b, OrderedList))
    assert len(steps.items) == 3
    assert "It is **uncomfortable**, but it is *not dangerous*, and it passes." in imported.markdown
    assert "[the NIMH site](https://www.nimh.nih.gov/health/topics/anxiety-disorders)" in imported.markdown
    table = next(b for b in article.blocks if isinstance(b, Table))
    assert [plain(cell) for cell in table.header] == ["Feeling", "Try"] and len(table.rows) == 2


def test_comments_and_deleted_changes_are_left_out(handout):
    imported, _ = handout
    assert "Breathe in gently and slowly, for a count of four." in imported.markdown  # insertion kept
    assert "quickly" not in imported.markdown  # deletion gone
    assert "Cite the NIMH" not in imported.markdown and "MW" not in imported.markdown


def test_footnotes_become_a_short_notes_section(handout):
    imported, article = handout
    notes = article.blocks[article.blocks.index(next(b for b in article.blocks if isinstance(b, Heading)
                                                    and plain(b.text) == "Notes")) + 1]
    assert isinstance(notes, OrderedList)
    assert plain(notes.items[0].blocks[0].text) == "Adapted from the National Institute of Mental Health, 2023."
    assert "↑" not in imported.markdown


def test_the_table_of_contents_is_listed_and_left_out(handout):
    imported, article = handout
    assert any(line.startswith('table of contents: "Contents / What anxiety feels like 1') for line in imported.removed)
    assert "Contents" not in imported.markdown.split("\n---\n", 1)[1]
    assert plain(article.blocks[0].text).startswith("Anxiety is your body's alarm.")


def test_pictures_are_listed_and_left_out_and_text_boxes_kept_where_they_stand(handout):
    imported, _ = handout
    assert 'image: "Breathing diagram" / "Tracking pixel"' in imported.removed
    assert not any(line.startswith("text box:") for line in imported.removed)
    assert "\n\nCall us today at (555) 010-0100!\n\n" in imported.markdown  # a call-out such as a crisis line
    assert any(line.startswith("review: 1 text box(es) kept as paragraphs") for line in imported.removed)
    assert "data:image" not in imported.markdown
    assert imported.to_review


def test_a_linked_picture_is_never_fetched(monkeypatch):
    import mammoth.docx.files

    reached: list[object] = []

    def refuse(*args, **kwargs):
        reached.append(args)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(mammoth.docx.files.Files, "open", refuse)
    draft = read_document(HANDOUT)
    assert reached == [] and any(item.text == "Tracking pixel" for item in draft.removed)


def test_the_documents_language_is_the_articles(tmp_path):
    assert read_document(HANDOUT).language == "en-US"  # Word's default proofing language, in styles.xml
    with zipfile.ZipFile(HANDOUT) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(b'w:lang w:val="en-US"', b'w:lang w:val="es-ES"')
    marked = tmp_path / "anxiety-marked-spanish.docx"
    marked.write_bytes(zipped(parts))
    assert read_document(marked).language == "es-ES"
    # The handout's words are English, so its proofing language gives way to them, with a note.
    imported = article_source(read_document(marked), marked.name, marked.stem)
    assert "\nlang: en\n" in imported.markdown
    assert "review: marked as written in Spanish (es-ES), but its text reads as English; lang: follows the text" \
        in imported.removed
    assert parse_article(imported.markdown.encode(), "a.md", default_slug="a").language == "en"


def test_google_docs_export_takes_its_name_as_the_title():
    imported = article_source(read_document(GOOGLE), GOOGLE.name, GOOGLE.stem)
    article = parse_article(imported.markdown.encode(), "sleep.md", default_slug=imported.slug)
    assert article.title == "Sleep and worry" and article.author is None
    assert article.updated == date(2025, 2, 3)
    assert plain(article.blocks[0].text) == "Why worry grows at night"
    assert article.summary == "At night there is less to distract us, so worries feel louder."


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("content, message", [
    (EMPTY.read_bytes(), "the Word document is empty; nothing to import"),
    (b"Just some text, named .docx", "not a Word .docx file (it is not a zip package)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "an old Word .doc file"),
    (zipped({"hello.txt": b"hi"}), "a zip file but not a Word document"),
    (zipped({"word/document.xml": b"<w:document"}), "not well-formed XML"),
    (zipped({**{name: zipfile.ZipFile(HANDOUT).read(name) for name in zipfile.ZipFile(HANDOUT).namelist()},
             "word/styles.xml": b"<w:styles><broken"}), "not well-formed XML"),
], ids=["empty", "text", "old-doc", "zip", "broken-xml", "broken-styles"])
def test_unreadable_documents_are_one_line(tmp_path, content, message):
    path = tmp_path / "notes.docx"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as caught:
        read_document(path)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}: ") and message in problem


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    monkeypatch.setattr(word, "MAX_XML_BYTES", 10_000)  # the same check as at 60 MB, without writing 60 MB
    path = tmp_path / "bomb.docx"
    path.write_bytes(zipped({"word/document.xml": bytes(10_001)}))
    with pytest.raises(ImportFailed, match=r"bomb\.docx: unpacks to over 0 MB of text"):
        read_document(path)
    assert MAX_XML_BYTES == 60_000_000


def test_a_folder_of_documents_imports_what_it_can(tmp_path, capsys):
    folder = tmp_path / "drafts"
    folder.mkdir()
    for fixture in (HANDOUT, GOOGLE, EMPTY, FIXTURES / "numbered-sections-listening.txt"):
        (folder / fixture.name).write_bytes(fixture.read_bytes())
    (folder / "~$anxiety-handout.docx").write_bytes(b"Word's lock file")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    sources = tmp_path / "sources"
    assert main(["import", str(folder), "--sources", str(sources)]) == 1  # the empty document
    captured = capsys.readouterr()
    assert captured.out.strip().splitlines()[-1] == (
        "imported 3, skipped 0; 2 review items; 1 file could not be read")
    assert f"error: {folder / EMPTY.name}: the Word document is empty" in captured.err
    assert sorted(path.name for path in (sources / "articles").iterdir()) == [
        "calming-an-anxious-mind.md", "how-to-really-listen-to-your-partner.md", "sleep-and-worry.md"]


def test_slug_names_one_document(tmp_path):
    report = run_import([HANDOUT], tmp_path, slug="anxiety", say=lambda line: None)
    assert report.imported == 1 and (tmp_path / "anxiety.md").exists()

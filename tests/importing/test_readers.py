"""Importers as readers: each kind of file is chosen in one registry, by suffix and a sniff of its first bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ImportFailed
from pipeline.importing.readers import READERS, SUFFIXES, read_file, reader_for

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.mark.parametrize(("name", "reader"), [
    ("wordpress-export.xml", "WordPress export"),
    ("word-anxiety-handout.docx", "Word document"),
], ids=["wordpress", "word"])
def test_real_files_find_their_reader(name, reader):
    assert reader_for(FIXTURES / name).name == reader


def test_an_atom_feed_is_a_blogger_backup_and_rss_a_wordpress_export(tmp_path):
    atom, rss = tmp_path / "backup.xml", tmp_path / "export.xml"
    atom.write_text("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'></feed>")
    rss.write_text("<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>")
    assert reader_for(atom).name == "Blogger backup" and reader_for(rss).name == "WordPress export"


def test_every_suffix_has_a_reader_and_an_unknown_file_is_said_in_one_line(tmp_path):
    assert all(any(suffix in reader.suffixes for reader in READERS) for suffix in SUFFIXES)
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert reader_for(other) is None
    with pytest.raises(ImportFailed) as refused:
        list(read_file(other, pages=False, slug=None))
    assert len(refused.value.problems) == 1 and refused.value.problems[0].startswith(f"{other}: ")


def test_slug_is_refused_for_a_file_of_many_posts():
    with pytest.raises(ImportFailed, match="--slug names one article; a WordPress export holds many posts"):
        list(read_file(FIXTURES / "wordpress-export.xml", pages=False, slug="one"))

"""Each file an import reads stays within its limits: about a minute and 500 MB, checked before expanding."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pipeline.errors import ImportFailed
from pipeline.importing.bounded import bounded

ROOT = Path(__file__).resolve().parents[2]
HANDOUT = ROOT / "tests" / "fixtures" / "import" / "word-anxiety-handout.docx"


def rebuilt(target: Path, document: str | None = None, picture_bytes: int = 0) -> Path:
    """The real anxiety handout, with another body and/or a picture part of `picture_bytes` zeros."""
    # Level 3: zeros deflate four times faster than at the default level, to about 5 MB per GB.
    with zipfile.ZipFile(HANDOUT) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as out:
        for info in source.infolist():
            data = source.read(info)
            out.writestr(info, document.encode() if document and info.filename == "word/document.xml" else data)
        if picture_bytes:
            with out.open("word/media/scan.png", "w", force_zip64=True) as picture:
                block = bytes(1 << 24)
                for _ in range(picture_bytes >> 24):
                    picture.write(block)
    return target


def import_in_a_child(path: Path, memory: int) -> subprocess.CompletedProcess[str]:
    """`import --stdout` of one file, in a child held to `memory` bytes of address space and 120 s."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    code = f"import sys\nfrom pipeline.cli import main\nsys.exit(main(['import', {str(path)!r}, '--stdout']))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          preexec_fn=limit, cwd=ROOT)


def test_a_picture_that_unzips_to_1_2_gb_is_never_unpacked(tmp_path: Path) -> None:
    """A 3 MB .docx whose picture unzips to 3 GB took 3.2 GB of memory (here: a 6 MB one, 1.2 GB, within 1.5 GB)."""
    document = rebuilt(tmp_path / "handout.docx", picture_bytes=1200 << 20)
    assert document.stat().st_size < 7_000_000
    started = time.monotonic()
    done = import_in_a_child(document, 1536 << 20)
    assert done.returncode == 0, done.stderr[-500:]
    assert "title: " in done.stdout and time.monotonic() - started < 60


def test_a_small_document_of_a_million_empty_runs_is_refused_at_once(tmp_path: Path) -> None:
    """17 KB of empty runs took 240 s and 1.6 GB: their number is counted before mammoth reads any."""
    with zipfile.ZipFile(HANDOUT) as source:
        body = source.read("word/document.xml").decode()
    runs = ("<w:p>" + "<w:r></w:r>" * 100_000 + "</w:p>") * 10
    document = rebuilt(tmp_path / "runs.docx", body.replace("<w:body>", "<w:body>" + runs, 1))
    assert document.stat().st_size < 100_000
    started = time.monotonic()
    done = import_in_a_child(document, 2 << 30)
    assert done.returncode == 1 and time.monotonic() - started < 30
    assert f"error: {document}: holds over 250,000 XML elements" in done.stderr


def _sleeps(path: Path) -> None:
    time.sleep(30)


def _grows(path: Path) -> bytes:
    return bytes(1 << 30)


def _refuses(path: Path) -> None:
    raise ImportFailed(f"{path}: not a Word document")


def test_a_reader_past_its_time_is_stopped_with_one_line(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ImportFailed) as caught:
        bounded(_sleeps, tmp_path / "slow.docx", seconds=1)
    assert time.monotonic() - started < 10
    assert caught.value.problems == (f"{tmp_path / 'slow.docx'}: took longer than 1 s to read, the most one file "
                                     "may take; save it again (it may hold thousands of empty or hidden parts), "
                                     "or split it",)


def test_a_reader_past_its_memory_is_stopped_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as caught:
        bounded(_grows, tmp_path / "big.docx", memory=200_000_000)
    assert caught.value.problems == (f"{tmp_path / 'big.docx'}: needs more than 200 MB of memory to read, the most "
                                     "one file may take; save it again (pictures compressed), or split it",)


def test_a_readers_own_refusal_comes_back_as_it_was(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as caught:
        bounded(_refuses, tmp_path / "x.docx")
    assert caught.value.problems == (f"{tmp_path / 'x.docx'}: not a Word document",)


EXPORT = ROOT / "tests" / "fixtures" / "import" / "wordpress-export.xml"
BLOGGER = ROOT / "tests" / "fixtures" / "import" / "real" / "blogger-sample2-google.xml"


def _imported(paths: list[Path], articles: Path) -> list[str]:
    from pipeline.importing.batch import run_import

    lines: list[str] = []
    run_import(paths, articles, say=lines.append)
    return lines


def test_a_9_mb_post_in_a_wordpress_export_is_skipped_by_its_length(tmp_path: Path) -> None:
    """A 9 MB single post took 186 s and 942 MB; its length is measured before it is read as HTML."""
    paragraph = "<p>Worry gets louder at night, and there are small things that help you rest again.</p>\n"
    text = EXPORT.read_text(encoding="utf-8")
    start = text.index("<content:encoded><![CDATA[") + len("<content:encoded><![CDATA[")
    export = tmp_path / "export.xml"
    export.write_text(text[:start] + paragraph * (9_000_000 // len(paragraph)) + text[start:], encoding="utf-8")
    started = time.monotonic()
    lines = _imported([export], tmp_path / "articles")
    assert time.monotonic() - started < 60
    assert "skipped: export.xml: 'How to Really Listen to Your Partner' (too long (over 1 MB))" in lines


JEKYLL = ROOT / "tests" / "fixtures" / "import" / "real" / "wordpress-com-export-jekyll-import.xml"


@pytest.mark.parametrize(("source", "kind", "cut"), [(EXPORT, "export", 2 / 3), (JEKYLL, "export", 0.9),
                                                     (BLOGGER, "backup", 1 / 2)],
                         ids=["wordpress", "real-wordpress-com", "real-blogger"])
def test_a_truncated_export_says_it_is_truncated(tmp_path: Path, source: Path, kind: str, cut: float) -> None:
    text = source.read_bytes()
    export = tmp_path / source.name
    export.write_bytes(text[: int(len(text) * cut)])
    lines = _imported([export], tmp_path / "articles")
    assert any(line.startswith(f"error: {export}: line ") and f"the {kind} stops in the middle: it is truncated"
               in line for line in lines), lines

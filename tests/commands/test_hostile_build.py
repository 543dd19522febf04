"""A real build of a library holding bad and hostile articles next to a good one.

Bad articles are reported and skip only themselves; hostile ones build, but nothing in them reads
a local file, reaches the network, runs script in the library page or adds an e-mail header.
"""

from __future__ import annotations

import email
import email.policy
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from tests.conftest import warm_copy

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
pytestmark = pytest.mark.slow

GOOD = """---
title: Sleep and Worry
summary: Why worry keeps us awake.
updated: 2025-03-14
---

Worry often gets louder at night.
"""

TITLE_INJECTION = """---
title: "Feeling Better\\r\\nBcc: everyone@evil.example\\r\\nX-Evil: 1"
summary: "A summary\\nwith a line break"
updated: 2025-03-14
---

Short and kind.
"""

BAD = {
    "no-front-matter.md": b"Just text.\n",
    "broken-yaml.md": b"---\ntitle: [oops\n---\nBody\n",
    "no-title.md": b"---\nsummary: s\nupdated: 2025-01-01\n---\nBody\n",
    "empty-body.md": b"---\ntitle: T\nsummary: s\nupdated: 2025-01-01\n---\n",
    "latin1.md": "---\ntitle: Caf\u00e9\nsummary: s\nupdated: 2025-01-01\n---\nBody\n".encode("latin-1"),
    "binary.md": bytes(range(256)),
    "escape.md": b"---\ntitle: T\nslug: ../../outside\nsummary: s\nupdated: 2025-01-01\n---\nBody\n",
}
# Two sources with one slug stop the whole build before anything is written:
# tests/sources/test_trusted_sources.py::test_a_build_with_two_sources_of_one_slug_writes_nothing


@pytest.fixture(scope="module")
def built(tmp_path_factory, spoken_stamps):
    root = tmp_path_factory.mktemp("hostile")
    warm_copy(spoken_stamps, root / "cache")  # the stamps already spoken
    sources = root / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources)
    (sources / "articles" / "sleep-and-worry.md").write_text(GOOD)
    (sources / "articles" / "feeling-better.md").write_text(TITLE_INJECTION)
    for name in ("hostile_html.md", "hostile_images.md", "hostile_links.md"):
        shutil.copy(FIXTURES / name, sources / "articles" / name.replace("_", "-"))
    for name, data in BAD.items():
        (sources / "articles" / name).write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "build", "--sources", str(sources), "--out", str(root / "build"),
         "--cache", str(root / "cache")], cwd=ROOT, capture_output=True, text=True, timeout=600)
    return sources, root / "build", result


def test_each_bad_article_is_one_line_and_the_build_fails(built):
    sources, _, result = built
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    for name in BAD:
        assert any(f"{sources / 'articles' / name}: " in line for line in errors), name
    assert len(errors) == len(BAD)


def test_good_and_hostile_articles_still_build_and_bad_ones_write_nothing(built):
    _, out, _ = built
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == ["feeling-better", "hostile-html", "hostile-images", "hostile-links", "sleep-and-worry"]
    assert not (out.parent / "outside").exists()
    page = (out / "index.html").read_text()
    for slug in folders:
        assert f'href="{slug}/index.html"' in page
        assert f'href="{slug}.pdf"' in (out / slug / "index.html").read_text()


def test_no_handout_reads_a_local_file_or_shows_markup(built):
    _, out, _ = built
    for slug in ("hostile-html", "hostile-images", "hostile-links"):
        document = pymupdf.open(out / slug / f"{slug}.pdf")
        text = "".join(page.get_text() for page in document)
        assert "root:" not in text  # a line of /etc/passwd
        assert "SCRIPT-RAN" not in text and "IFRAME-BODY" not in text and "DATA-URI" not in text
        assert not any(page.get_images() for page in document)
        assert document.embfile_count() == 0


@pytest.mark.parametrize("page", ["index.html", "hostile-html/index.html", "hostile-links/index.html"])
def test_library_pages_run_no_script_from_articles(built, page):
    _, out, _ = built
    page = (out / page).read_text()
    assert len(re.findall(r"<script\b", page)) == 1  # the page's own, pinned by its CSP hash
    assert not re.search(r"<[^>]+\son\w+\s*=", page)  # no event-handler attributes
    assert not re.search(r"<(iframe|object|embed|img|link)\b", page)
    addresses = re.findall(r'(?:href|src)="([^"]*)"', page)
    assert addresses and not [a for a in addresses if a.startswith(("file:", "javascript:", "data:", "http://169"))
                              or "evil.example" in a or (".." in a and a != "../index.html")]


def test_narration_speaks_no_markup_or_addresses(built):
    _, out, _ = built
    for slug in ("hostile-html", "hostile-images", "hostile-links"):
        captions = (out / slug / f"{slug}.vtt").read_text()
        assert "file://" not in captions and "evil.example" not in captions and "javascript" not in captions
        assert "SCRIPT-RAN" not in captions and "IFRAME-BODY" not in captions


def test_title_cannot_add_email_headers(built):
    _, out, _ = built
    raw = (out / "feeling-better" / "feeling-better.eml").read_bytes()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert message["Subject"] == "Your handouts from Your Practice Name"  # the title is not in it
    assert [part.get_param("name") for part in message.iter_attachments()][0] == (
        "Feeling Better Bcc everyone evil.example (handout).pdf")
    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert not re.search(rb"^(Bcc|X-Evil):", headers, re.MULTILINE | re.IGNORECASE)

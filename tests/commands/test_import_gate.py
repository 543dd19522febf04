"""The review gate: an imported draft cannot reach a client unnoticed; approving it is one command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.sources import read_article

ROOT = Path(__file__).resolve().parents[2]
COPIED = ROOT / "tests" / "fixtures" / "import" / "copied-banner-menu-panic.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A practice with its real contact details filled in (so --strict fails only on the draft) and no articles."""
    folder = tmp_path / "sources"
    (folder / "articles").mkdir(parents=True)
    profile = (ROOT / "sources" / "practice.toml").read_text(encoding="utf-8")
    for placeholder, real in (("Your Practice Name", "Blue Ridge Counseling"), ("(704) 555-0123", "(828) 376-4192"),
                              ("example.com", "blueridgecounseling.org")):
        profile = profile.replace(placeholder, real)
    (folder / "practice.toml").write_text(profile, encoding="utf-8")
    return folder


def test_an_import_is_a_draft_that_check_names_and_strict_refuses_until_approved(sources):
    imported = run("import", str(COPIED), "--sources", str(sources))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[-1] == "imported 1, skipped 0; 2 review items"
    path = sources / "articles" / "managing-panic-attacks.md"
    article = read_article(path)
    assert article.is_draft and len(article.import_findings) == 2

    checked = run("check", "managing-panic-attacks", "--sources", str(sources))
    assert checked.returncode == 0, checked.stderr  # warnings, not errors: the editor can still preview it
    for item in article.import_findings:
        assert f"warning: {path}: review_items: {item}\n" in checked.stderr
    assert f"warning: {path}: status: draft — not reviewed; 2 review items open;" in checked.stderr
    assert run("check", "--strict", "managing-panic-attacks", "--sources", str(sources)).returncode == 1

    before = path.read_text(encoding="utf-8")
    approved = run("approve", "managing-panic-attacks", "--sources", str(sources))
    assert approved.returncode == 0, approved.stderr
    assert approved.stdout == (f"approved managing-panic-attacks: cleared the draft mark and 2 review items in "
                               f"{path}\n")
    after = path.read_text(encoding="utf-8")
    assert "status:" not in after and "review_items:" not in after
    # Every other line stays as the editor left it.
    cleared = ("status:", "review_items:", "- ", "# A draft until approved")
    assert [line for line in before.splitlines() if not line.startswith(cleared)] == after.splitlines()
    assert after.startswith("---\n# Imported from copied-banner-menu-panic.txt: review the title and summary")
    article = read_article(path)
    assert not article.is_draft and article.import_findings == ()
    rechecked = run("check", "managing-panic-attacks", "--sources", str(sources))
    assert "review_items:" not in rechecked.stderr and "status: draft" not in rechecked.stderr
    again = run("approve", "managing-panic-attacks", "--sources", str(sources))
    assert again.stdout == (f"managing-panic-attacks: nothing to approve; {path} is not a draft and has no "
                            "review items\n")


@pytest.mark.slow
def test_build_strict_refuses_a_draft_and_its_handout_says_draft(sources, tmp_path):
    assert run("import", str(COPIED), "--sources", str(sources)).returncode == 0
    out = tmp_path / "out"
    strict = run("build", "--strict", "--only", "pdf", "--sources", str(sources), "--out", str(out))
    assert strict.returncode == 1
    path = sources / "articles" / "managing-panic-attacks.md"
    assert f"error: {path}: status: draft — not reviewed;" in strict.stderr
    assert f"error: {path}: review_items: no date found;" in strict.stderr

    built = run("build", "--only", "pdf", "--sources", str(sources), "--out", str(out))
    assert built.returncode == 0, built.stderr
    assert f"warning: {path}: status: draft — not reviewed;" in built.stderr
    handouts = sorted((out / "managing-panic-attacks").glob("*.pdf"))
    assert handouts  # the regular and large-print handouts, for the staff to read through
    for handout in handouts:
        text = subprocess.run(["pdftotext", "-layout", str(handout), "-"], capture_output=True, text=True).stdout
        pages = text.split("\f")[:-1]
        assert pages and all("Draft — not reviewed" in page for page in pages), handout.name

    # Approved, the next build makes the handouts again, without the mark.
    assert run("approve", "managing-panic-attacks", "--sources", str(sources)).returncode == 0
    rebuilt = run("build", "--only", "pdf", "--sources", str(sources), "--out", str(out))
    assert rebuilt.returncode == 0, rebuilt.stderr
    for handout in handouts:
        text = subprocess.run(["pdftotext", str(handout), "-"], capture_output=True, text=True).stdout
        assert "Draft" not in text and "Managing Panic Attacks" in text, handout.name


def test_approving_an_article_whose_shape_is_wrong_is_refused_and_nothing_is_written(sources):
    path = sources / "articles" / "banner.md"
    path.write_text("---\ntitle: Now accepting new clients (828) 376-4192\nslug: banner\nstatus: draft\n"
                    "review_items:\n- check the title\n---\n\nWorry often gets louder at night.\n", encoding="utf-8")
    before = path.read_bytes()
    result = run("approve", "banner", "--sources", str(sources))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (f"error: {path}: title: 'Now accepting new clients (828) 376-4192' is the site's "
                             "banner ('Now accepting new clients'), not the article's title; expected what the "
                             "article is called (fix it before approving)\n")
    assert path.read_bytes() == before


def test_approving_an_unknown_slug_is_one_line(sources):
    result = run("approve", "no-such-article", "--sources", str(sources))
    assert result.returncode == 1
    assert result.stderr == (f"error: {sources / 'articles'}: no article with slug 'no-such-article' that reads "
                             "cleanly (known: none); `check` names what is wrong\n")

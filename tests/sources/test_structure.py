"""Structure checks for every article: what a handout would print wrong, found before it is printed."""

from __future__ import annotations

import pytest

from pipeline.errors import SourceError
from pipeline.sources import article_structure, parse_article


def _article(front: str, body: str):
    return parse_article(f"---\n{front}\n---\n\n{body}".encode(), "articles/a.md", "a")


BODY = "Worry often gets louder at night. It is normal, and it passes.\n\n## What helps\n\nWrite the worry down.\n"


@pytest.mark.parametrize("front, body, where, words", [
    ("title: (828) 376-4192", BODY, "title", "is a phone number"),
    ("title: Now accepting new clients in Asheville & Hendersonville (828) 376-4192", BODY, "title",
     "is the site's banner"),
    ("title: Book now", BODY, "title", "is a menu link"),
    ("title: Contact Us", BODY, "title", "is a menu link"),
    ("title: Aceptamos nuevos clientes en Asheville", BODY, "title", "is the site's banner"),
    ("title: Sleep and Worry", "Worry often gets louder at night.\n\n## **\n\nWrite the worry down.\n", "line 7",
     "empty heading"),
    ("title: Sleep and Worry", "Worry often gets louder at night.\n\n## Home\n\n## Services\n\nText.\n", "line 7",
     "heading 'Home' has nothing under it"),
    ("title: Sleep and Worry", "Worry often gets louder at night.\n\n## What helps\n", "line 7",
     "heading 'What helps' has nothing under it"),
], ids=["phone-title", "banner-title", "book-now-title", "menu-title", "spanish-banner", "empty-heading",
        "menu-headings", "heading-at-the-end"])
def test_what_would_print_wrong_is_an_error(front, body, where, words):
    findings = [finding for finding in article_structure(_article(front, body)) if finding.error]
    assert [(finding.where, words in finding.message) for finding in findings][:1] == [(where, True)]


def test_a_summary_repeating_the_first_sentence_is_a_warning():
    article = _article("title: Sleep and Worry\nsummary: Worry often gets louder at night.", BODY)
    findings = article_structure(article)
    assert [(finding.where, finding.error) for finding in findings] == [("summary", False)]
    assert "repeats the article's first sentence" in findings[0].message


@pytest.mark.parametrize("front, body", [
    ("title: Sleep and Worry\nsummary: Why worry keeps us awake, and two small things that help.", BODY),
    ("title: Sleep and Worry", BODY),  # a summary taken from the body is the body's by design
    ("title: Calling 988 in a crisis", BODY),  # a number in words about it is not a phone number
    ("title: About anxiety in teens", BODY),
    ("title: Sleep and Worry", "Intro text.\n\n## Part one\n\n### Step one\n\nDo this.\n"),
], ids=["written-summary", "summary-from-body", "number-in-title", "menu-word-inside-a-title", "subheading"])
def test_a_well_made_article_has_no_findings(front, body):
    assert article_structure(_article(front, body)) == ()


def test_check_reports_structure_errors_as_errors_naming_file_and_place(tmp_path):
    from pipeline.commands.check import check
    from pipeline.settings import Settings
    from tests.conftest import ROOT

    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    (sources / "practice.toml").write_text((ROOT / "sources" / "practice.toml").read_text())
    (sources / "articles" / "banner.md").write_text(
        "---\ntitle: Now accepting new clients (828) 376-4192\nslug: banner\nsummary: What helps at night.\n---\n\n"
        "Worry often gets louder at night.\n\n##\n\nWrite it down.\n\n## —\n\nAnd rest.\n", encoding="utf-8")
    report = check(Settings(sources=sources, out=tmp_path / "out", cache=tmp_path / "cache"))
    path = sources / "articles" / "banner.md"
    assert f"{path}: title: 'Now accepting new clients (828) 376-4192' is the site's banner" in "\n".join(
        report.problems)
    assert f"{path}: line 9: empty heading left out of the article; give it words or delete the line" in report.warnings
    assert any(problem.startswith(f"{path}: line 13: empty heading") for problem in report.problems)


def test_a_bad_status_or_review_list_names_the_file_and_field():
    with pytest.raises(SourceError) as caught:
        _article("title: Sleep and Worry\nstatus: pending\nreview_items: fix the title", BODY)
    assert caught.value.problems == (
        "articles/a.md: status: expected one of draft, published, got 'pending'",
        "articles/a.md: review_items: expected a list of lines, one per thing to review, got 'fix the title'",
    )


def test_a_draft_names_each_review_item_and_how_to_approve_it():
    article = _article("title: Sleep and Worry\nstatus: draft\nreview_items:\n- check the title\n- 1 picture left out",
                       BODY)
    assert article.is_draft and article.import_findings == ("check the title", "1 picture left out")
    assert article.warnings[:3] == (
        "articles/a.md: review_items: check the title",
        "articles/a.md: review_items: 1 picture left out",
        "articles/a.md: status: draft — not reviewed; 2 review items open; read it through, fix what the items "
        "name, then approve it with `.venv/bin/handouts approve a`",
    )


def test_a_hand_written_article_is_not_a_draft():
    article = _article("title: Sleep and Worry", BODY)
    assert not article.is_draft and article.status == "published" and article.import_findings == ()
    assert not any("status:" in warning or "review_items:" in warning for warning in article.warnings)

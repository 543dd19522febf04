"""Import: only chrome leaves silently — a closing section with advice stays; every picture and player is listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.article import Heading, plain
from pipeline.importing.closing import is_only_chrome
from pipeline.importing.importer import import_page
from pipeline.sources import parse_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _article(imported):
    return parse_article(imported.markdown.encode(), "imported.md", "imported")


@pytest.mark.parametrize("file, heading, advice", [
    ("copied-banner-menu-panic.txt", "When to get help", "See your doctor if you have never had your heart checked."),
    ("copied-closing-help-es.txt", "Cuándo pedir ayuda", "Consulte a su médico si nunca le han revisado el corazón."),
], ids=["english", "spanish"])
def test_a_closing_section_with_advice_is_kept_and_flagged(file, heading, advice):
    imported = import_page(FIXTURES / file)
    article = _article(imported)
    assert heading in [plain(block.text) for block in article.blocks if isinstance(block, Heading)]
    assert advice in imported.markdown.split("\n---\n", 1)[1]
    assert not any(line.startswith("closing call to action") for line in imported.removed)
    flagged = [item for item in article.import_findings if item.startswith("the closing paragraph")]
    assert len(flagged) == 1 and "holds the practice's call to action" in flagged[0]
    assert imported.to_review == len(article.import_findings) >= 1  # the summary line counts what is flagged


def test_a_copied_banner_and_menu_are_not_the_title():
    imported = import_page(FIXTURES / "copied-banner-menu-panic.txt")
    article = _article(imported)
    assert article.title == "Managing Panic Attacks" and article.slug == "managing-panic-attacks"
    assert article.author is None  # "About" in the menu is nobody's name
    assert not any(isinstance(block, Heading) and not plain(block.text).strip() for block in article.blocks)
    assert any(line.startswith("site name and menu: \"Now accepting new clients") for line in imported.removed)


@pytest.mark.parametrize("text, chrome", [
    ("Call us today at (828) 376-4192 to book an appointment.", True),
    ("Ready to talk? Schedule a free 15-minute consultation today.", True),
    ("Call (555) 010-2233 to book an appointment with one of our counselors. 123 Main Street, Suite 4, "
     "Asheville, NC 28801", True),
    ("Llámenos al (828) 376-4192 para agendar una cita.", True),
    ("See your doctor if you have never had your heart checked. Call us at (828) 376-4192.", False),
    ("Most people feel better within 12 weeks of therapy. Call us to book a session.", False),
    ("If you have thoughts of suicide, call or text 988. Contact us for an appointment.", False),
    ("Consulte a su médico si le duele el pecho. Llámenos hoy.", False),
    ("Call the SAMHSA National Helpline at 1-800-662-4357. Contact us to book a session.", False),
    ("Breathing slowly helps your body settle.", False),
], ids=["call-to-book", "question-then-offer", "phone-and-address", "spanish-call", "doctor-advice",
        "a-number-of-its-own", "crisis-line", "spanish-advice", "helpline-number", "no-call-at-all"])
def test_only_a_block_that_is_all_call_to_action_is_chrome(text, chrome):
    assert is_only_chrome(text) is chrome


PAGE = """<!doctype html><html lang="en"><head><title>Sleep and Anxiety: A Guide | Calm Practice</title>
<meta name="description" content="How worry keeps you awake, and five steps that help you fall asleep again.">
<link rel="canonical" href="https://calm.example.org/blog/sleep-anxiety/">
</head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<main><article><h1>Sleep and Anxiety: A Guide</h1>
<p>Worry and sleep are closely linked. When you lie awake, your mind races and the night feels long. Many
people find that a regular bedtime helps them rest better over a few weeks.</p>
<figure><img src="/img/bed.jpg" alt="A calm bedroom"><figcaption>A dark, cool room helps you sleep.</figcaption>
</figure>
<p>Keep your bedroom cool and dark. Put your phone in another room an hour before bed, and write down what
worries you so your mind can let it go until morning.</p>
<p><iframe src="https://www.youtube.com/embed/abc123" title="Breathing exercise for sleep"></iframe></p>
<p><picture><source srcset="/img/walk.webp"><img src="/img/walk.jpg" alt="A walk at dusk"></picture> A short walk
in the evening light helps your body know that night is coming.</p>
<video src="/media/wind-down.mp4" title="Wind-down routine"></video>
<p>Try the same wind-down steps each night, so your body learns that they lead to sleep.</p>
<p class="categories">Posted in <a href="/category/anxiety" rel="category tag">Anxiety</a></p>
</article></main><footer>© 2024 Calm Practice</footer></body></html>
"""


def test_every_picture_and_player_is_listed_with_a_review_item(tmp_path):
    page = tmp_path / "sleep.html"
    page.write_text(PAGE, encoding="utf-8")
    imported = import_page(page)
    assert 'picture: "A dark, cool room helps you sleep."' in imported.removed  # a figure: its caption
    assert 'picture: "A walk at dusk"' in imported.removed  # a <picture>: one, whatever sources it offers
    assert 'video: youtube.com "Breathing exercise for sleep"' in imported.removed
    assert 'video: "Wind-down routine"' in imported.removed
    # The caption went with its picture, listed nowhere else.
    assert [line for line in imported.removed if "A dark, cool room" in line] == [
        'picture: "A dark, cool room helps you sleep."']
    findings = _article(imported).import_findings
    assert any(item.startswith("2 pictures left out") for item in findings)
    assert any(item.startswith("2 videos left out") for item in findings)


def test_the_pages_description_categories_and_address_are_used(tmp_path):
    page = tmp_path / "sleep.html"
    page.write_text(PAGE, encoding="utf-8")
    article = _article(import_page(page))
    assert article.summary == "How worry keeps you awake, and five steps that help you fall asleep again."
    assert article.tags == ("Anxiety",)  # its rel="category" link
    assert article.slug == "sleep-anxiety"


REAL = FIXTURES / "real"


def test_a_real_pages_embedded_players_are_each_listed():
    imported = import_page(REAL / "page-readability-embedded-videos.html")
    assert [line for line in imported.removed if line.startswith("video:")] == [
        'video: youtube.com "www.youtube.com/embed/LtOGa5M8AuU"',
        'video: youtube-nocookie.com "www.youtube-nocookie.com/embed/LtOGa5M8AuU"',
        'video: player.vimeo.com "player.vimeo.com/video/32246206"',
    ]
    assert any(item.startswith("3 videos left out") for item in _article(imported).import_findings)


def test_words_after_a_link_keep_their_space_on_a_real_page():
    body = import_page(REAL / "page-readability-verge-videos.html").markdown.split("\n---\n", 1)[1]
    words = " ".join(body.replace("*", "").split())
    for run_together in ("YouTubeand", "Netflixand", "Huluand", "Showtimeand"):
        assert run_together not in words
    assert "Netflix and" in words and "YouTube and" in words


def test_a_heading_inside_a_list_item_is_written_once_with_its_link_on_a_real_page():
    body = import_page(REAL / "page-readability-mozilla-devtools.html").markdown.split("\n---\n", 1)[1]
    for tool in ("WebIDE", "Valence", "Page Inspector", "Web Console"):
        assert body.count(f"## {tool}\n") == 1, tool
        assert f"{tool}Learn" not in body
    assert "[Learn more about WebIDE](https://developer.mozilla.org/docs/Tools/WebIDE)" in body

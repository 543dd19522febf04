"""Wide tables, long code and deep lists print whole in both editions: nothing runs off the page.

Checked on the PDF's own text and positions (PyMuPDF): every cell's words are in it, and no word
sits outside the page's margins, where a printer would cut it.
"""

from __future__ import annotations

import re

import pymupdf
import pytest

from pipeline.handout import render_handout
from pipeline.sources import Practice, parse_article

HEADER = ("Medicine", "What it is for", "Usual dose", "Common side effects", "Serious side effects",
          "Do not take with", "Call us if…")
ROWS = (
    ("Sertraline (Zoloft)", "Depression, anxiety, panic disorder", "50–200 mg once a day",
     "Nausea, trouble sleeping, headache", "Thoughts of self-harm, seizures, allergic swelling",
     "MAOIs, pimozide, St John's wort", "You have thoughts of self-harm or trouble breathing"),
    ("Fluoxetine (Prozac)", "Depression, bulimia, obsessive-compulsive disorder", "20–80 mg every morning",
     "Nervousness, loss of appetite, yawning", "Serotonin syndrome: fever, stiffness, confusion",
     "MAOIs, thioridazine, tramadol", "Your heart races or you feel agitated and confused"),
    ("Bupropion (Wellbutrin)", "Depression, quitting smoking", "150–450 mg a day in two doses",
     "Dry mouth, weight loss, restlessness", "Seizures, very high blood pressure",
     "Alcohol in large amounts, MAOIs", "You have a seizure or a severe headache that will not stop"),
)
LINK = "https://hc.co/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789aBcDeFgHiJkLmN"  # 64 characters, one slash after the host


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


def _printed(pdf: bytes) -> tuple[str, list[str]]:
    """The PDF's text with spaces and line-end hyphens gone, and every word that runs into the side margins."""
    document = pymupdf.open(stream=pdf)
    text = "".join(page.get_text() for page in document)
    outside = [f"page {page.number + 1}: {word[4]!r} at x={word[2]:.0f} of {page.rect.width:.0f}"
               for page in document for word in page.get_text("words", clip=pymupdf.INFINITE_RECT())
               if word[0] < 71 or word[2] > page.rect.width - 60]  # the margins: 1 in left, 0.85 or 1 in right
    return _squeezed(text), outside


def _squeezed(text: str) -> str:
    return re.sub(r"[\s\-\u2010\u00ad]", "", text)


@pytest.mark.parametrize("edition", ["regular", "large-print"])
def test_every_cell_of_a_seven_column_table_prints(practice: Practice, edition: str) -> None:
    """The 18 pt edition lost the whole "Call us if…" column: self-harm and trouble breathing."""
    table = "\n".join([_row(HEADER), _row(("---",) * 7), *map(_row, ROWS)])
    article = parse_article(f"---\ntitle: Your medicines\n---\n\nAsk us about any of these.\n\n{table}\n".encode(),
                            "medicines.md", default_slug="medicines")
    text, outside = _printed(render_handout(article, practice, edition))
    assert outside == []
    assert [cell for cell in (*HEADER, *sum(ROWS, ())) if _squeezed(cell) not in text] == []


@pytest.mark.parametrize("edition", ["regular", "large-print"])
def test_a_long_link_written_as_code_prints_to_its_end(practice: Practice, edition: str) -> None:
    article = parse_article(f"---\ntitle: Worksheets\n---\n\nPrint the plan from `{LINK}` before we meet.\n".encode(),
                            "worksheets.md", default_slug="worksheets")
    text, outside = _printed(render_handout(article, practice, edition))
    assert outside == []
    assert _squeezed(LINK) in text


def test_a_list_nested_as_deep_as_the_reader_allows_stays_on_the_page(practice: Practice) -> None:
    """A Word outline inside a quote, 19 lists deep: the deepest item still starts inside the margins."""
    outline = "".join("> " + "  " * level + f"- Step {level} of the plan, said in a few words\n" for level in range(19))
    article = parse_article(f"---\ntitle: A plan\n---\n\n{outline}\nThe last paragraph after the plan.\n".encode(),
                            "plan.md", default_slug="plan")
    text, outside = _printed(render_handout(article, practice, "large-print"))
    assert outside == []
    assert all(_squeezed(f"Step {level} of the plan") in text for level in range(19))
    assert _squeezed("The last paragraph after the plan.") in text


@pytest.mark.parametrize("edition", ["regular", "large-print"])
def test_a_real_nine_column_table_prints_whole(practice: Practice, edition: str) -> None:
    """Factorio's Friday Facts table (a real saved page), imported: every column's heading prints."""
    from pathlib import Path

    from pipeline.importing.importer import import_page

    real = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "real"
    imported = import_page(real / "page-factorio-friday-facts-table.html")
    header = next(line for line in imported.markdown.splitlines() if line.startswith("| ") and "UX draft" in line)
    cells = [cell.strip() for cell in header.strip("|").split("|") if cell.strip()]
    assert len(cells) == 8
    article = parse_article(imported.markdown.encode(), "factorio.md", default_slug="factorio")
    text, outside = _printed(render_handout(article, practice, edition))
    assert outside == []
    assert [cell for cell in cells if _squeezed(cell) not in text] == []

"""The library page and each article's page: golden output, relative links, the light list,
the article read along, the crisis line, only what exists, escaping, the stamp."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import re
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest

from pipeline.audio import narration_script
from pipeline.audio.recording.finished import Chapter, Cue, Recording
from pipeline.library.article_page import render_article_page
from pipeline.library.library_page import render_library_page
from pipeline.sources.articles import read_article
from pipeline.stamp import stamp
from tests.conftest import FIXTURES, timed_cues


def recording(cues: tuple[Cue, ...] = (), duration_ms: int = 6000) -> Recording:
    return Recording(
        mp3=b"ID3 not a real mp3",
        captions="WEBVTT\n",
        duration_ms=duration_ms,
        chapters=(Chapter("Sleep and Worry", 0, 3600), Chapter("What helps?", 3600, duration_ms)),
        cues=cues,
    )


def narrated(article, practice, duration_ms: int = 6000) -> Recording:
    """A recording of the article whose captions follow its narration script, as `build` makes them."""
    return recording(timed_cues(narration_script(article, practice)), duration_ms)


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline: dict[str, list[str]] = {"script": [], "style": []}
        self._inside: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._inside = tag if tag in self.inline else None

    def handle_endtag(self, tag):
        self._inside = None

    def handle_data(self, data):
        if self._inside:
            self.inline[self._inside].append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def spans(page: str) -> list[tuple[dict[str, str], str]]:
    """Each <span>'s attributes and its text (sentences hold no spans of their own)."""
    return [(dict(re.findall(r'([\w-]+)="([^"]*)"', match[1])), html.unescape(re.sub(r"<[^>]+>", "", match[2])))
            if "<a " not in match[2] else (dict(re.findall(r'([\w-]+)="([^"]*)"', match[1])), match[2])
            for match in re.finditer(r"<span([^>]*)>(.*?)</span>", page, re.S)]


def parsed(page: str) -> Elements:
    elements = Elements()
    elements.feed(page)
    return elements


@pytest.fixture(scope="module")
def page(short_article, seed_article, practice) -> str:
    """The article's own page, for the short article with its recording."""
    return render_article_page(short_article, narrated(short_article, practice), practice)


@pytest.fixture(scope="module")
def index(short_article, seed_article, practice) -> str:
    return render_library_page([short_article, seed_article], {"sleep-and-worry": narrated(short_article, practice)},
                               practice)


def test_article_page_matches_golden(page, golden):
    golden("article-sleep-and-worry.html", page)


def test_library_page_matches_golden(index, golden):
    golden("library-index.html", index)


def test_article_page_links_are_relative_to_its_folder(page):
    hrefs = [a["href"] for a in parsed(page).all("a")]
    for name in (".pdf", "-large-print.pdf", ".mp3", ".epub"):
        assert f"sleep-and-worry{name}" in hrefs
    assert "../index.html" in hrefs  # back to the library
    outside = {h for h in hrefs if re.match(r"[a-z]+:", h)}
    assert outside == {"tel:988", "sms:988", "tel:+17045550123", "mailto:hello@example.com",
                       "https://www.example.com"}


def test_the_client_s_page_carries_no_staff_material(page):
    """The e-mail draft and how to open it in a mail client are on the staff page only; edition
    codes, reading levels and file formats come after the article, if at all."""
    hrefs = [a["href"] for a in parsed(page).all("a")]
    assert not any(href.endswith(".eml") for href in hrefs)
    for staff in ("E-mail draft", "Outlook", "Thunderbird", "Apple Mail", "Reading level", "US grade"):
        assert staff not in page
    opening = page[:page.index('<div class="article-text"')]
    for later in ("Edition", "(PDF)", "(MP3)", "(EPUB)", "2025-03-14 ·"):
        assert later not in opening, later


def test_the_page_opens_with_title_summary_player_and_crisis_line(page, short_article):
    """What a client sees first, in this order; the article and the files follow."""
    marks = ['<h1 id="title">Sleep and Worry</h1>', short_article.summary, '<audio id="audio"',
             'href="tel:988"', 'href="sms:988"', '<div class="article-text"', "<h2 id=\"heading-1\">",
             'href="sleep-and-worry.pdf"', "Edition 2025-03-14 ·", '<footer class="stamp">']
    positions = [page.index(mark) for mark in marks]
    assert positions == sorted(positions)
    assert "Listening time: under a minute" in page  # the recording lasts 6 s


def test_an_article_without_audio_says_nothing_of_audio(practice):
    """No recording (a language with no voice yet, or audio not built): no player, no listening
    time, no read-along, no word of audio, and its e-book is not a read-along one."""
    spanish = read_article(FIXTURES / "article_in_spanish.md")
    built = (f"{spanish.slug}.pdf", f"{spanish.slug}-large-print.pdf", f"{spanish.slug}.epub")
    page = render_article_page(spanish, None, practice, built)
    elements = parsed(page)
    assert not elements.all("audio") and not elements.all("script") and 'class="sentence"' not in page
    for audio in ("audio", "Duración", "escuch", "Escuch", "leer mientras", ".mp3", "resaltada"):
        assert audio not in page, audio
    assert "Libro electrónico <span" in page and 'href="tel:988"' in page
    assert "La preocupación suele crecer de noche." in page  # the article itself is still there


def test_article_page_links_only_the_files_built(short_article, practice):
    page = render_article_page(short_article, None, practice, ("sleep-and-worry.pdf",))
    hrefs = [a["href"] for a in parsed(page).all("a") if not re.match(r"[a-z]+:", a["href"])]
    assert hrefs == ["#main", "../index.html", "sleep-and-worry.pdf"]
    assert not parsed(page).all("audio") and "Listening time" not in page


def test_a_client_page_never_links_a_staff_file(page):
    """The e-mail draft is a staff output in the registry: the client's page neither links nor explains it."""
    hrefs = [a["href"] for a in parsed(page).all("a")]
    assert not [h for h in hrefs if h.endswith(".eml")]
    assert "Thunderbird" not in page and "Outlook" not in page


def test_audio_player_has_its_captions_track(page):
    elements = parsed(page)
    (audio,) = elements.all("audio")
    assert audio["src"] == "sleep-and-worry.mp3" and "controls" in audio
    (track,) = elements.all("track")
    assert track["kind"] == "captions" and track["src"] == "sleep-and-worry.vtt"
    assert track["srclang"] == "en"


def test_read_along_is_the_article_as_written_each_sentence_timed_by_its_cue(short_article, practice, page):
    """The page shows the article's own headings and list, not the captions; each sentence the
    voice reads carries its cue's times, and the framing the voice adds is not shown as article."""
    cues = {cue.text: cue for cue in narrated(short_article, practice).cues}
    sentences = [(attrs, text) for attrs, text in spans(page) if attrs.get("class") == "sentence"]
    assert [text for _attrs, text in sentences] == [
        "Worry often gets louder at night.", "Dr. Lee says that is normal.", "What helps?",
        "Write the worry down.", "Get up if you can't sleep after 20 minutes."]
    for attrs, text in sentences:
        assert (attrs["data-start"], attrs["data-end"]) == (f"{cues[text].start_ms / 1000:.3f}",
                                                            f"{cues[text].end_ms / 1000:.3f}")
        assert attrs["role"] == "button" and attrs["tabindex"] == "0"
    text = page[page.index('<div class="article-text"'):]
    assert re.search(r'<h2 id="heading-1"><span class="sentence"[^>]*>What helps\?</span></h2>', text)
    assert re.search(r"<ul>\s*<li>\s*<p><span class=\"sentence\"[^>]*>Write the worry down\.</span></p>", text)
    assert "An audio handout from" not in page and "About Your Practice Name" not in text


def test_read_along_keeps_quotes_tables_numbered_lists_and_links(practice):
    article = read_article(FIXTURES / "article_with_every_block.md")
    page = render_article_page(article, narrated(article, practice), practice)
    text = page[page.index('<div class="article-text"'):page.index("</article>")]
    for tag in ("<blockquote>", "<table>", "<ol", "<ul>", "<h2", "<pre>", "<hr>", "<strong>"):
        assert tag in text, tag
    assert re.search(r'<tr class="sentence" data-start="[\d.]+"', text)
    linked = [attrs for attrs, html in spans(text) if attrs.get("class") == "sentence" and "<a " in html]
    assert linked and all("role" not in attrs for attrs in linked), "a sentence holding a link is not a button"


def test_library_page_has_no_players_and_links_each_article_page(index):
    elements = parsed(index)
    assert not elements.all("audio") and not elements.all("track") and "data-read-along" not in index
    hrefs = [a["href"] for a in elements.all("a") if not re.match(r"[a-z]+:", a["href"])]
    assert hrefs == ["#main", "codependency/index.html", "sleep-and-worry/index.html"]  # newest first


def test_library_entry_shows_title_summary_tags_date_and_listening_time(index, seed_article):
    entry = index[index.index('<li class="entry">'):index.index("</li>\n    <li")]
    assert seed_article.title in entry and seed_article.summary in entry
    assert '<time datetime="2025-08-04">August 4, 2025</time>' in entry
    assert "Listening time" not in entry  # not recorded: no time is promised
    assert all(f'<span class="tag">{tag}</span>' in entry for tag in seed_article.tags)
    assert "Listening time: under a minute" in index  # the short article's recording


def test_library_entries_newest_first_undated_last(short_article, seed_article, practice):
    undated = dataclasses.replace(short_article, slug="undated", title="A first title", updated=None)
    older = dataclasses.replace(short_article, slug="older", updated=date(2020, 1, 1))
    index = render_library_page([undated, older, short_article, seed_article], {}, practice)
    links = [a["href"] for a in parsed(index).all("a") if a["href"].endswith("/index.html")]
    assert links == ["codependency/index.html", "sleep-and-worry/index.html", "older/index.html",
                     "undated/index.html"]


def test_library_entry_names_a_language_other_than_the_page_s(short_article, seed_article, practice):
    spanish = dataclasses.replace(short_article, slug="dormir", title="Dormir y preocuparse", language="es")
    index = render_library_page([spanish, short_article, seed_article], {}, practice)
    assert '<html lang="en">' in index
    # The title and summary are in Spanish; the facts around them are in the page's language.
    assert '<h2 lang="es"><a href="dormir/index.html">' in index and "<li>Español</li>" in index
    assert index.count("<li>English</li>") == 0


def test_library_page_without_script_shows_every_entry_and_hides_the_search(index, seed_article):
    elements = parsed(index)
    (form,) = elements.all("form")
    assert "hidden" in form  # the script shows it; without script the full list is the page
    entries = [attrs for attrs in elements.all("li") if attrs.get("class") == "entry"]
    assert len(entries) == 2 and not any("hidden" in attrs for attrs in entries)
    assert re.search(r'<p class="count" id="count" role="status"[^>]*>2 articles</p>', index)
    topics = [o["value"] for o in elements.all("option")]
    assert topics[0] == "" and set(topics[1:-5]) == set(seed_article.tags)  # then Order's 2, Clinical review's 3


def test_library_page_stays_light_at_five_hundred_articles(short_article, practice):
    many = [dataclasses.replace(short_article, slug=f"article-{n}", title=f"Article {n}",
                                updated=date(2025, 1, 1) + timedelta(days=n), tags=(f"topic-{n % 20}",))
            for n in range(500)]
    index = render_library_page(many, {a.slug: recording() for a in many}, practice)
    assert index.count('<li class="entry">') == 500
    assert len(index.encode()) < 500 * 1000 + 30_000  # under 1 KB an article, plus the page itself


@pytest.mark.parametrize("which", ["page", "index"])
def test_footer_carries_the_whole_stamp(which, request, practice):
    page = request.getfixturevalue(which)
    footer = page[page.index("<footer"):page.index("</footer>")]
    s = stamp(practice)
    for fact in (s.name, s.phone, s.email, s.website_display, s.response_time, s.disclaimer,
                 "Arizona, Florida", "Charlotte, North Carolina and Carefree, Arizona"):
        assert fact in footer
    assert "988 Suicide &amp; Crisis Lifeline" in footer


@pytest.mark.parametrize("which", ["page", "index"])
def test_everything_is_inline_and_allowed_only_by_hash(which, request):
    elements = parsed(request.getfixturevalue(which))
    assert not elements.all("link") and not elements.all("img") and not elements.all("iframe")
    assert all("src" not in attrs for attrs in elements.all("script"))
    (policy,) = [m["content"] for m in elements.all("meta") if m.get("http-equiv")]
    for kind in ("script", "style"):
        (text,) = elements.inline[kind]
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"{kind}-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy


def test_nothing_from_an_article_becomes_markup(short_article, practice):
    hostile = dataclasses.replace(
        short_article,
        title='<script>alert("title")</script>',
        summary='"><img src=x onerror=alert(1)>',
    )
    cues = (Cue(0, 900, '</span><script>alert("cue")</script>', 0), Cue(1000, 2000, "\" onclick=\"alert(2)", 1))
    hostile = dataclasses.replace(hostile, tags=('<b onclick="alert(3)">x</b>',))
    for page in (render_library_page([hostile], {hostile.slug: recording(cues)}, practice),
                 render_article_page(hostile, recording(cues), practice)):
        elements = parsed(page)
        assert len(elements.all("script")) == 1 and not elements.all("img") and not elements.all("b")
        assert not any(name.startswith("on") for _, attrs in elements.tags for name in attrs)
        assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in page
        assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page


def test_library_lists_an_unbuilt_article_marked_and_unlinked(short_article, seed_article, practice):
    index = render_library_page([short_article, seed_article], {}, practice, not_built={"codependency"})
    entries = re.findall(r'<li class="entry">.*?</li>\n    </li>|<li class="entry">.*?\n    </li>', index, re.S)
    unbuilt = [e for e in entries if seed_article.title in e]
    built = [e for e in entries if short_article.title in e]
    assert len(unbuilt) == 1 and len(built) == 1
    assert "Not built yet" in unbuilt[0] and 'href="codependency/index.html"' not in index
    assert "Not built yet" not in built[0] and 'href="sleep-and-worry/index.html"' in built[0]

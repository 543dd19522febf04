"""The podcast feed: a real build with `publish.base_url`, read back by a real feed parser.

The voice is a stand-in tone (the real one is tested in tests/audio), so the MP3, captions and
chapters are what the build really writes, in a few seconds.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

import feedparser
import numpy as np
import pytest
from lxml import etree
from PIL import Image

from pipeline.audio.recording.speech.engines import ENGINES
from pipeline.building.engine import build
from pipeline.settings import Settings
from tests.conftest import SHORT_ARTICLE

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://www.example.com/handouts/"
NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd", "podcast": "https://podcastindex.org/namespace/1.0",
      "atom": "http://www.w3.org/2005/Atom"}
SECOND = SHORT_ARTICLE.replace("slug: sleep-and-worry", "slug: worry-time").replace(
    "title: Sleep and Worry", "title: Worry Time").replace("2025-03-14", "2025-05-02")


@dataclass
class ToneVoice:
    engine: str = "piper"
    identity: str = "tone"
    sample_rate: int = 22_050
    workers: int = 1

    def speak(self, text: str) -> bytes:
        seconds = min(len(text) / 40, 1.5)
        times = np.arange(int(self.sample_rate * seconds)) / self.sample_rate
        return (np.sin(2 * np.pi * 330 * times) * 6000).astype("<i2").tobytes()


def site(tmp_path: Path, publish: str) -> Settings:
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    profile = (ROOT / "sources" / "practice.toml").read_text(encoding="utf-8")
    (sources / "practice.toml").write_text(profile.replace("[publish]\n", f"[publish]\n{publish}\n"))
    (sources / "articles" / "sleep-and-worry.md").write_text(SHORT_ARTICLE)
    (sources / "articles" / "worry-time.md").write_text(SECOND)
    return Settings(sources=sources, out=tmp_path / "build", cache=tmp_path / "cache", jobs=1,
                    only=frozenset({"audio", "index"}))


def run(settings: Settings) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(ENGINES, "piper", lambda speech, workdir, language, sources: ToneVoice())
        report = build(settings)
    assert report.ok, report.problems


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Settings:
    settings = site(tmp_path_factory.mktemp("published"), f'base_url = "{BASE}"')
    run(settings)
    return settings


@pytest.fixture(scope="module")
def parsed(published):
    return feedparser.parse((published.out / "feed.xml").read_bytes())


@pytest.fixture(scope="module")
def xml(published):
    return etree.fromstring((published.out / "feed.xml").read_bytes())


def local(settings: Settings, url: str) -> Path:
    """The file in build/ that a feed address points at once build/ is uploaded to BASE."""
    assert url.startswith(BASE), url
    return settings.out / url.removeprefix(BASE)


def test_a_real_feed_parser_reads_it_without_complaint(parsed):
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert [entry.title for entry in parsed.entries] == ["Worry Time", "Sleep and Worry"]  # newest first


# Apple Podcasts' and Spotify's required show tags: (XPath on the channel, what it must say).
SHOW_TAGS = [
    ("title", "Your Practice Name: audio handouts"),
    ("link", BASE),
    ("language", "en"),
    ("itunes:image/@href", f"{BASE}artwork.png"),
    ("itunes:category/@text", "Health & Fitness"),
    ("itunes:category/itunes:category/@text", "Mental Health"),
    ("itunes:explicit", "false"),
    ("itunes:author", "Your Practice Name"),
    ("itunes:owner/itunes:name", "Your Practice Name"),
    ("itunes:owner/itunes:email", "hello@example.com"),
    ("atom:link[@rel='self']/@href", f"{BASE}feed.xml"),
    ("podcast:locked", "yes"),
    ("podcast:locked/@owner", "hello@example.com"),
]


@pytest.mark.parametrize(("path", "expected"), SHOW_TAGS, ids=[path for path, _ in SHOW_TAGS])
def test_every_tag_the_podcast_directories_require_of_the_show(xml, path, expected):
    found = xml.xpath(f"channel/{path}", namespaces=NS)
    assert [getattr(value, "text", value) for value in found] == [expected]


def test_the_show_has_a_description_that_says_whose_it_is(parsed):
    assert "Your Practice Name" in parsed.feed.description and "Virginia" in parsed.feed.description


ITEM_TAGS = ["title", "description", "guid", "enclosure", "pubDate", "itunes:duration", "link",
             "podcast:transcript", "podcast:chapters"]


@pytest.mark.parametrize("tag", ITEM_TAGS)
def test_every_episode_has_the_required_tags(xml, tag):
    assert all(len(item.xpath(tag, namespaces=NS)) == 1 for item in xml.xpath("channel/item"))


def test_episode_enclosure_guid_date_and_duration(published, parsed):
    entry = parsed.entries[1]
    assert entry.id == "sleep-and-worry" and entry.guidislink is False
    (enclosure,) = entry.enclosures
    assert enclosure.type == "audio/mpeg"
    mp3 = local(published, enclosure.href)
    assert mp3 == published.out / "sleep-and-worry" / "sleep-and-worry.mp3"
    assert int(enclosure.length) == mp3.stat().st_size
    assert entry.published == "Fri, 14 Mar 2025 09:00:00 +0000"
    manifest = json.loads((mp3.parent / ".manifest.json").read_text())
    assert int(entry.itunes_duration) == round(manifest["facts"]["recording"]["duration_ms"] / 1000)
    assert entry.link == f"{BASE}sleep-and-worry/"


def test_episode_description_is_the_summary_and_the_stamp(parsed):
    description = parsed.entries[1].description
    assert description.startswith("<p>Why worry keeps us awake, and two small things that help.</p>")
    for fact in ("(704) 555-0123", "hello@example.com", "Virginia", "call or text 988", "not a substitute"):
        assert fact in description


def test_transcript_and_chapters_resolve_to_the_files_beside_the_mp3(published, xml):
    for item in xml.xpath("channel/item"):
        (transcript,) = item.xpath("podcast:transcript", namespaces=NS)
        assert transcript.get("type") == "text/vtt"
        assert local(published, transcript.get("url")).read_text().startswith("WEBVTT")
        (chapters,) = item.xpath("podcast:chapters", namespaces=NS)
        assert chapters.get("type") == "application/json+chapters"
        data = json.loads(local(published, chapters.get("url")).read_text())
        assert data["version"] == "1.2.0"
        assert data["chapters"][0] == {"startTime": 0.0, "endTime": data["chapters"][1]["startTime"],
                                       "title": "Introduction"}
        assert [c["title"] for c in data["chapters"]][1:] == ["What helps?", "About Your Practice Name"]


def test_artwork_is_a_square_rgb_png_podcast_apps_accept(published):
    with Image.open(published.out / "artwork.png") as image:
        assert image.format == "PNG" and image.mode == "RGB"
        assert image.size[0] == image.size[1] and 1400 <= image.size[0] <= 3000


def test_the_same_sources_give_the_same_feed_bytes(published, tmp_path):
    again = site(tmp_path, f'base_url = "{BASE}"')
    run(again)
    for name in ("feed.xml", "artwork.png", "sleep-and-worry/sleep-and-worry.chapters.json"):
        assert (again.out / name).read_bytes() == (published.out / name).read_bytes(), name


def test_the_profiles_own_artwork_is_published(tmp_path):
    settings = site(tmp_path, f'base_url = "{BASE}"\nartwork = "show.jpg"')
    Image.new("RGB", (1500, 1500), (10, 80, 90)).save(settings.sources / "show.jpg")
    run(settings)
    assert (settings.out / "artwork.jpg").read_bytes() == (settings.sources / "show.jpg").read_bytes()
    assert f'<itunes:image href="{BASE}artwork.jpg"/>' in (settings.out / "feed.xml").read_text()
    assert not (settings.out / "artwork.png").exists()


def chapters_files(settings: Settings) -> dict[str, bool]:
    """Per article: is its chapters file on disk, and is it listed in the article's manifest?"""
    found = {}
    for slug in ("sleep-and-worry", "worry-time"):
        name = f"{slug}.chapters.json"
        listed = name in json.loads((settings.out / slug / ".manifest.json").read_text())["outputs"]
        on_disk = (settings.out / slug / name).is_file()
        assert listed == on_disk, (slug, listed, on_disk)
        found[slug] = on_disk
    return found


def test_without_a_base_url_there_is_no_feed_and_an_old_one_goes(tmp_path):
    settings = site(tmp_path, f'base_url = "{BASE}"')
    run(settings)
    assert (settings.out / "feed.xml").is_file()
    assert chapters_files(settings) == {"sleep-and-worry": True, "worry-time": True}
    profile = settings.practice_file.read_text().replace(f'base_url = "{BASE}"\n', "")
    settings.practice_file.write_text(profile)
    run(settings)
    assert not (settings.out / "feed.xml").exists() and not (settings.out / "artwork.png").exists()
    assert BASE not in (settings.out / "sleep-and-worry" / "index.html").read_text()
    assert chapters_files(settings) == {"sleep-and-worry": False, "worry-time": False}


def test_an_edited_article_leaves_the_feed_until_it_is_recorded_again(tmp_path):
    """After an edit built without the audio, the old recording says the old text: not an episode."""
    settings = site(tmp_path, f'base_url = "{BASE}"')
    run(settings)
    article = settings.articles_dir / "sleep-and-worry.md"
    article.write_text(article.read_text().replace("louder at night", "louder after dark"))
    run(dataclasses.replace(settings, only=frozenset({"index"})))
    feed = feedparser.parse((settings.out / "feed.xml").read_bytes())
    assert [entry.id for entry in feed.entries] == ["worry-time"]
    assert chapters_files(settings) == {"sleep-and-worry": False, "worry-time": True}
    assert (settings.out / "sleep-and-worry" / "sleep-and-worry.mp3").is_file()  # kept, just not offered

    run(settings)  # recorded again: back in the feed, with its chapters
    feed = feedparser.parse((settings.out / "feed.xml").read_bytes())
    assert sorted(entry.id for entry in feed.entries) == ["sleep-and-worry", "worry-time"]
    assert chapters_files(settings) == {"sleep-and-worry": True, "worry-time": True}


def test_unlocked_when_the_profile_says_so(tmp_path):
    settings = site(tmp_path, f'base_url = "{BASE}"')
    settings.practice_file.write_text(settings.practice_file.read_text().replace("locked = true", "locked = false"))
    run(settings)
    assert '<podcast:locked owner="hello@example.com">no</podcast:locked>' in (settings.out / "feed.xml").read_text()


def test_feed_matches_its_golden_file(short_article, spanish_article, practice, golden):
    from pipeline.library.feed import Episode, render_feed
    from pipeline.sources.practice import PublishSettings

    undated = dataclasses.replace(short_article, slug="undated", title="No Date Given", updated=None)
    published_practice = practice.model_copy(update={"publish": PublishSettings(base_url=BASE)})
    feed = render_feed([Episode(short_article, 6_400, 51_840), Episode(undated, 61_000, 488_201),
                        Episode(spanish_article, 7_100, 57_300)], published_practice, "artwork.png")
    parsed = feedparser.parse(feed)
    assert parsed.bozo == 0
    spanish = next(entry for entry in parsed.entries if entry.id == spanish_article.slug)
    assert "Teléfono" in spanish.description and "988" in spanish.description  # the stamp in its own words
    golden("feed.xml", feed.decode("utf-8"))

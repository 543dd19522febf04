"""Feed step: every recorded article as one podcast, `build/feed.xml` (RSS 2.0, iTunes and Podcasting 2.0 tags).

Written with feedgen and its podcast extension; the Podcasting 2.0 tags (`podcast:locked`,
`podcast:transcript`, `podcast:chapters`) come from a small feedgen extension below. Every date
comes from the articles, never the clock, so the same sources give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from pipeline.article import Article
from pipeline.audio import CHAPTERS_TYPE
from pipeline.language import phrases
from pipeline.outputs import file_names
from pipeline.sources import Practice, article_page_url, published_url, review_line
from pipeline.stamp import stamp

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
CATEGORY = ("Health & Fitness", "Mental Health")
PUBLISHED_AT = time(9, 0, tzinfo=UTC)  # an article is "published" at 9:00 UTC on its `updated` day
GENERATOR = "practice-handouts"
UNDATED = datetime(2000, 1, 1, tzinfo=UTC)  # the feed's date when no article has one


@dataclass(frozen=True)
class Episode:
    """One article's recording as the feed lists it."""

    article: Article
    duration_ms: int
    mp3_bytes: int  # the enclosure's exact length


def show_title(practice: Practice) -> str:
    return practice.publish.title or f"{practice.practice.name}: audio handouts"


def show_description(practice: Practice) -> str:
    s = stamp(practice)
    return practice.publish.description or (
        f"Audio handouts from {s.name}: short articles on relationships and mental health, read aloud "
        f"to listen to on your phone. {s.services_sentence}")


def render_feed(episodes: list[Episode], practice: Practice, artwork: str) -> bytes:
    """The feed for `episodes` (newest first); `artwork` is the show image's path inside build/."""
    from feedgen.feed import FeedGenerator

    base = practice.publish.base_url
    if base is None:
        raise ValueError("a feed needs publish.base_url")
    contact = practice.practice
    episodes = sorted(episodes, key=lambda e: (e.article.updated or datetime.min.date(), e.article.slug),
                      reverse=True)
    feed = FeedGenerator()
    feed.load_extension("podcast")
    feed.register_extension("podcastindex", _ShowTags, _EpisodeTags)
    feed.title(show_title(practice))
    feed.link(href=f"{base}feed.xml", rel="self", type="application/rss+xml")
    feed.link(href=base)  # the last plain link is the channel's <link>: the library page
    feed.description(show_description(practice))
    feed.language(practice.practice.language)
    feed.generator(GENERATOR)
    dated = [episode.article for episode in episodes if episode.article.updated]
    feed.lastBuildDate(_published(dated[0]) if dated else UNDATED)  # from the sources, never the clock
    feed.image(url=f"{base}{artwork}", title=show_title(practice), link=base)
    feed.podcast.itunes_author(contact.name)
    feed.podcast.itunes_owner(name=contact.name, email=contact.email)
    feed.podcast.itunes_image(f"{base}{artwork}")
    feed.podcast.itunes_category(CATEGORY[0], CATEGORY[1])
    feed.podcast.itunes_type("episodic")
    feed.podcastindex.locked = practice.publish.locked
    feed.podcastindex.owner = contact.email
    for episode in reversed(episodes):  # feedgen puts each new entry first
        _add_episode(feed, episode, practice)
    return feed.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def _add_episode(feed: FeedGenerator, episode: Episode, practice: Practice) -> None:
    article, slug = episode.article, episode.article.slug
    names = file_names(slug)
    entry = feed.add_entry()
    entry.title(article.title)
    entry.link(href=article_page_url(practice, slug))
    entry.guid(slug, permalink=False)  # stable: the slug never changes, whatever else does
    entry.description(str(_description(article, practice)))
    entry.enclosure(published_url(practice, f"{slug}/{names['recording']}"), str(episode.mp3_bytes), "audio/mpeg")
    if article.updated:
        entry.pubDate(_published(article))
    entry.podcast.itunes_duration(round(episode.duration_ms / 1000))
    entry.podcast.itunes_episode_type("full")
    entry.podcastindex.transcript = published_url(practice, f"{slug}/{names['captions']}")
    entry.podcastindex.chapters = published_url(practice, f"{slug}/{names['chapters']}")
    entry.podcastindex.language = article.language


def _published(article: Article) -> datetime:
    return datetime.combine(article.updated or date.min, PUBLISHED_AT)  # called only for a dated article


def _description(article: Article, practice: Practice) -> Markup:
    """The summary, then the stamp: who it is from, where they work, how to reach them, the crisis line."""
    s = stamp(practice, article.language)  # in the words of the article it describes
    reach = phrases(article.language)("Phone: {phone}  E-mail: {email}  Web: {website}").format(
        phone=s.phone, email=s.email, website=s.website_display)
    reviewed = review_line(article)
    return Markup("").join([
        Markup("<p>{}</p>").format(article.summary),
        *([Markup("<p>{}</p>").format(reviewed)] if reviewed else []),
        Markup("<p>{}<br>{}<br>{}<br>{}</p>").format(s.name, s.services_sentence, reach, s.response_time),
        Markup("<p><strong>{}</strong></p>").format(s.crisis),
        Markup("<p>{}</p>").format(s.disclaimer),
    ])


def _tag(parent: object, name: str, text: str | None = None, **attributes: str) -> object:
    from lxml import etree

    element = etree.SubElement(parent, f"{{{PODCAST_NS}}}{name}", attributes)
    if text is not None:
        element.text = text
    return element


class _ShowTags:
    """feedgen extension: the channel's Podcasting 2.0 tags, and `itunes:explicit` as Apple spells it now."""

    locked: bool = True
    owner: str = ""

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS}

    def extend_rss(self, rss: Any) -> Any:
        from lxml import etree

        channel = rss[0]
        explicit = etree.SubElement(channel, f"{{{ITUNES_NS}}}explicit")
        explicit.text = "false"  # feedgen only knows the older yes/no/clean
        _tag(channel, "locked", "yes" if self.locked else "no", owner=self.owner)
        return rss

    def extend_atom(self, atom: object) -> object:
        return atom


class _EpisodeTags(_ShowTags):
    """feedgen extension: an episode's transcript (the WebVTT captions) and its JSON chapters."""

    transcript: str = ""
    chapters: str = ""
    language: str = ""

    def extend_rss(self, item: object) -> object:
        _tag(item, "transcript", url=self.transcript, type="text/vtt", language=self.language, rel="captions")
        _tag(item, "chapters", url=self.chapters, type=CHAPTERS_TYPE)
        return item

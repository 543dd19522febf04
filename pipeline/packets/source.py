"""Reading step: `sources/packets/<name>.toml`, or slugs from the command line, become a checked Packet."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.article import Article
from pipeline.errors import SourceError
from pipeline.language import phrases
from pipeline.sources import SLUG, Clinician, Practice

MAX_ARTICLES = 20  # a packet is a few handouts for one client, not the library
_KEYS = {"title": str, "articles": list, "from": str, "large_print": bool}


@dataclass(frozen=True)
class Packet:
    """Several handouts given together, in order, from the practice or one clinician."""

    name: str  # its folder under build/packets/
    title: str  # on the cover, the MP3's title and, if the profile allows, the subject; "": "Your handouts"
    articles: tuple[str, ...]  # slugs, in the order they are read
    sender: str | None = None  # a clinician's key from the profile's [[clinicians]]
    large_print: bool = False  # also make and attach the large-print handout
    source: str = ""  # where it was read from, for messages


def read_packet(path: Path) -> Packet:
    """One packet file, its keys checked; every problem named as `file: key: what was expected`."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise SourceError(f"{where}: cannot read the packet: {exc.strerror}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SourceError(f"{where}: not valid TOML: {exc}") from None
    problems = [f"{where}: {key}: unknown key; expected {', '.join(_KEYS)}" for key in data if key not in _KEYS]
    for key, kind in _KEYS.items():
        if key in data and not isinstance(data[key], kind):
            expected = {str: "text in quotes", list: "a list of article slugs", bool: "true or false"}[kind]
            problems.append(f"{where}: {key}: expected {expected}, got {data[key]!r}")
    for key in ("title", "articles"):
        if key not in data:
            problems.append(f"{where}: {key}: required key is missing")
    if problems:
        raise SourceError(*problems)
    slugs = data["articles"]
    for index, slug in enumerate(slugs):
        if not isinstance(slug, str) or not SLUG.fullmatch(slug):
            problems.append(f"{where}: articles[{index}]: {slug!r} is not an article slug like \"sleep-and-worry\"")
    if not slugs:
        problems.append(f"{where}: articles: empty; name at least one article")
    if not data["title"].strip():
        problems.append(f"{where}: title: must not be empty")
    name = path.stem
    if not SLUG.fullmatch(name):
        problems.append(f"{where}: the file name must be a slug like \"starter-set.toml\" (it names the "
                        "packet's folder)")
    if problems:
        raise SourceError(*problems)
    return Packet(name, " ".join(data["title"].split()), tuple(slugs), data.get("from"),
                  data.get("large_print", False), where)


def packet_on_the_spot(slugs: tuple[str, ...], practice: Practice, name: str | None = None,
                       sender: str | None = None, large_print: bool = False) -> Packet:
    """`handouts packet SLUG...`: a packet named by `--name`, or by its slugs."""
    problems = [f"{slug!r} is not an article slug like \"sleep-and-worry\"" for slug in slugs
                if not SLUG.fullmatch(slug)]
    if name is not None and not SLUG.fullmatch(name):
        problems.append(f"--name: {name!r} is not a folder name like \"starter-set\" (lower-case letters, "
                        "digits and dashes)")
    if problems:
        raise SourceError(*problems)
    folder = name or "-".join(slugs)[:80].rstrip("-")
    return Packet(folder, "", slugs, sender, large_print, "the command line")  # titled in its handouts' language


def packet_problems(packet: Packet, practice: Practice, articles: list[Article], profile: str) -> list[str]:
    """Why the packet cannot be made from these articles and this profile: unknown or draft
    articles, one named twice, a clinician the profile does not list, too many handouts."""
    where = packet.source
    by_slug = {article.slug: article for article in articles}
    problems = []
    for index, slug in enumerate(packet.articles):
        article = by_slug.get(slug)
        if article is None:
            problems.append(f"{where}: articles[{index}]: no article with slug {slug!r} "
                            f"(known: {', '.join(sorted(by_slug)) or 'none'})")
        elif article.is_draft:
            problems.append(f"{where}: articles[{index}]: {slug!r} is a draft (status: draft in {article.source}); "
                            f"read it through and approve it (handouts approve {slug}) before giving it to a client")
        elif slug in packet.articles[:index]:
            problems.append(f"{where}: articles[{index}]: {slug!r} is already in the packet")
    if len(packet.articles) > MAX_ARTICLES:
        problems.append(f"{where}: articles: {len(packet.articles)} handouts; a packet holds at most {MAX_ARTICLES}")
    if packet.sender is not None and practice.clinician(packet.sender) is None:
        known = ", ".join(clinician.key for clinician in practice.clinicians) or "none listed"
        problems.append(f"{where}: from: {packet.sender!r} is not a clinician in {profile} "
                        f"([[clinicians]] keys: {known})")
    languages = {by_slug[slug].language for slug in packet.articles if slug in by_slug}
    if len(languages) > 1:
        problems.append(f"{where}: articles: the handouts are in {len(languages)} languages "
                        f"({', '.join(sorted(languages))}); a packet is in one language, so make one per language")
    return problems


def titled(packet: Packet, language: str) -> Packet:
    """The packet with its title: a packet made on the spot is "Your handouts", in its handouts' language."""
    if packet.title:
        return packet
    _ = phrases(language)
    return replace(packet, title=_("Your handouts"))


def packet_clinician(packet: Packet, practice: Practice) -> Clinician | None:
    return practice.clinician(packet.sender) if packet.sender else None


def chosen_packets(sources: Path, practice: Practice, slugs: tuple[str, ...], name: str | None = None,
                   sender: str | None = None, large_print: bool = False) -> list[Packet]:
    """`packet SLUG...`: one packet made on the spot; `packet` alone: every `sources/packets/*.toml`."""
    if slugs:
        return [packet_on_the_spot(slugs, practice, name, sender, large_print)]
    if name or sender or large_print:
        raise SourceError("--name, --from and --large-print make a packet on the spot: name its articles "
                          "(.venv/bin/handouts packet SLUG... --from KEY)")
    files = sorted((sources / "packets").glob("*.toml"))
    if not files:
        raise SourceError(f"{sources / 'packets'}: no packets (*.toml); name articles to make one on the spot "
                          "(.venv/bin/handouts packet SLUG...)")
    packets: list[Packet] = []
    problems: list[str] = []
    for path in files:
        try:
            packets.append(read_packet(path))
        except SourceError as exc:
            problems += exc.problems
    if problems:
        raise SourceError(*problems)
    return packets


def packet_file_problems(sources: Path, practice: Practice, articles: list[Article], profile: str) -> list[str]:
    """Every problem of every `sources/packets/*.toml`, as `check` lists them without making anything."""
    problems: list[str] = []
    for path in sorted((sources / "packets").glob("*.toml")):
        try:
            problems += packet_problems(read_packet(path), practice, articles, profile)
        except SourceError as exc:
            problems += exc.problems
    return problems

"""The packets step: every `sources/packets/*.toml` brought up to date in `build/packets/<name>/`,
after its articles (a packet is made from their handouts' text and their recordings)."""

from __future__ import annotations

from pipeline.article import Article
from pipeline.building.context import RunContext
from pipeline.building.isolation import article_step
from pipeline.errors import PipelineError
from pipeline.packets import PacketResult, build_packet, packet_problems, read_packet


def build_packets(library: list[Article], context: RunContext) -> tuple[list[PacketResult], list[str]]:
    """Each packet's result, and one line per problem (a packet with one is left as it was)."""
    settings, practice = context.settings, context.practice
    folder = settings.sources / "packets"
    results: list[PacketResult] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
        try:
            packet = read_packet(path)
        except PipelineError as exc:
            problems += exc.problems
            continue
        found = packet_problems(packet, practice, library, str(settings.practice_file))
        if found:
            problems += found
            continue
        try:
            with article_step(f"packet {packet.name}", "making the packet"):
                results.append(build_packet(packet, practice, library, settings))
        except PipelineError as exc:
            problems += exc.problems
    return results, problems

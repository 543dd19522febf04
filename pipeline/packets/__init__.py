"""Packets stage: several articles' handouts, recordings and note given together, as one PDF, one MP3 and one draft."""

from pipeline.packets.building import KIT, PACKETS, PacketResult, article_recording, build_packet, packet_names
from pipeline.packets.draft import PacketFiles, packet_draft, packet_note, send_kit
from pipeline.packets.handout import packet_handout, packet_html
from pipeline.packets.recording import packet_recording
from pipeline.packets.source import (
    Packet,
    chosen_packets,
    packet_file_problems,
    packet_on_the_spot,
    packet_problems,
    read_packet,
)

__all__ = [
    "KIT", "PACKETS", "Packet", "PacketFiles", "PacketResult", "article_recording", "build_packet", "chosen_packets",
    "packet_draft", "packet_file_problems", "packet_handout", "packet_html", "packet_names", "packet_note",
    "packet_on_the_spot", "packet_problems", "packet_recording", "read_packet", "send_kit",
]

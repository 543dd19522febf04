"""The upload set: what may be put on the practice's website, chosen from the output registry's
audiences alone — client outputs that are current, of articles that are not drafts. E-mail
drafts, staff pages and anything of an unapproved import never reach it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.article import Article
from pipeline.building.context import RunContext
from pipeline.building.freshness import current_files
from pipeline.outputs import OUTPUTS, REGISTRY
from pipeline.packets import PACKETS
from pipeline.rebuild import read_manifest


@dataclass(frozen=True)
class UploadSet:
    files: tuple[Path, ...]  # relative to the build folder, in a fixed order
    left_out: dict[str, int] = field(default_factory=dict)  # why, and how many files


def is_draft(article: Article) -> bool:
    """An imported article waiting for a person's approval: its outputs are for staff only."""
    return article.is_draft


def upload_set(library: list[Article], context: RunContext) -> UploadSet:
    """Every client file in the build folder that is current, by the registry's audiences."""
    out = context.settings.out
    top = read_manifest(out)
    chosen: list[Path] = []
    left_out: dict[str, int] = {}

    def leave(reason: str, count: int = 1) -> None:
        left_out[reason] = left_out.get(reason, 0) + count

    for output in OUTPUTS:
        if output.scope != "library" or output.file is None:
            continue
        for name in (output.name(), *output.extra_files):
            if name in top.outputs and top.is_current(out, name, top.outputs[name].key):
                if output.audience == "client":
                    chosen.append(Path(name))
                else:
                    leave("staff pages")
    for article in library:
        folder = out / article.slug
        manifest = read_manifest(folder)
        built = [name for name in manifest.outputs if (folder / name).is_file()]
        page = f"{article.slug}/index.html"
        if is_draft(article):
            leave("files of drafts not yet approved", len(built) + (page in top.outputs))
            continue
        current = set(current_files(article, context, folder, manifest))
        for name in sorted(built):
            key = _key_of(article.slug, name)
            if key is None or REGISTRY[key].audience != "client":
                leave("e-mail drafts and other staff files")
            elif name not in current:
                leave("files out of date with their sources (build first)")
            else:
                chosen.append(Path(article.slug) / name)
        if page in top.outputs and (out / page).is_file():
            chosen.append(Path(page))
    chosen += _packet_files(out, leave)
    return UploadSet(tuple(chosen), left_out)


def _packet_files(out: Path, leave: Callable[[str, int], None]) -> list[Path]:
    """Each packet's client files that are whole as recorded (its handouts and recording, which the
    links draft points at); its e-mail draft and send kit stay with the staff."""
    folder = out / PACKETS
    chosen: list[Path] = []
    for packet in sorted(folder.iterdir()) if folder.is_dir() and not folder.is_symlink() else ():
        manifest = read_manifest(packet)
        client = {o.name(packet.name) for o in OUTPUTS if o.scope == "packet" and o.audience == "client"}
        for name, entry in sorted(manifest.outputs.items()):
            if name not in client:
                leave("e-mail drafts and other staff files", 1)
            elif manifest.is_current(packet, name, entry.key):
                chosen.append(Path(PACKETS) / packet.name / name)
    return chosen


def _key_of(slug: str, name: str) -> str | None:
    for output in OUTPUTS:
        if output.scope == "article" and output.file is not None and output.name(slug) == name:
            return output.key
    return None

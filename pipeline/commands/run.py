"""What each CLI command does, kept apart from argument parsing."""

from __future__ import annotations

import argparse
import json
import sys

from pipeline.audio import format_script, narration_script
from pipeline.building import article_step, build, load_sources, over_limits, reporter_for
from pipeline.commands.check import check
from pipeline.commands.clean import clean
from pipeline.commands.serve import serve
from pipeline.commands.summary import print_summary
from pipeline.commands.unused_speech import remove_unused_speech
from pipeline.errors import PipelineError
from pipeline.settings import Settings


def run(command: str, settings: Settings, args: argparse.Namespace) -> int:
    return {
        "build": _build,
        "check": _check,
        "serve": _serve,
        "import": _import,
        "packet": _packet,
        "approve": _approve,
        "script": _script,
        "clean": _clean,
        "publish": _publish,
    }[command](settings, args)


def _problems(lines: list[str] | tuple[str, ...], label: str = "error") -> None:
    for line in lines:
        print(f"{label}: {line}", file=sys.stderr)


def _build(settings: Settings, args: argparse.Namespace) -> int:

    reporter = reporter_for(sys.stderr)
    try:
        report = build(settings, tuple(args.slugs), reporter)
    finally:
        reporter.close()
    print_summary(report, settings)
    for line in report.withdrawn:
        print(line)
    _problems(report.warnings if not settings.strict else [], "warning")
    _problems(report.problems)
    return 0 if report.ok else 1


def _check(settings: Settings, args: argparse.Namespace) -> int:
    if args.listen:
        return _listen(settings, args)
    report = check(settings, tuple(args.slugs))
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        from pipeline.commands.scorecards import print_scorecards

        _problems(report.notices, "notice")
        for line in report.lines:
            print(line)
        print_scorecards(report.articles)
    _problems(report.warnings, "warning")
    _problems(report.problems)
    if report.problems or (settings.strict and report.warnings):
        return 1
    return 0


def _listen(settings: Settings, args: argparse.Namespace) -> int:
    from pipeline.commands.listening import listen_back

    report = listen_back(settings, tuple(args.slugs))
    for line in report.lines:
        print(line)
    _problems(report.warnings, "warning")
    _problems(report.problems)
    return 1 if report.problems or (settings.strict and report.warnings) else 0


def _serve(settings: Settings, args: argparse.Namespace) -> int:

    def build_once() -> list[str]:
        reporter = reporter_for(sys.stderr)
        try:
            report = build(settings, (), reporter)
        finally:
            reporter.close()
        print_summary(report, settings)
        for line in report.withdrawn:
            print(line)
        _problems(report.warnings if not settings.strict else [], "warning")
        return report.problems

    serve(settings, args.port, build_once, say=lambda line: print(line, file=sys.stderr, flush=True))
    return 0


def _import(settings: Settings, args: argparse.Namespace) -> int:
    from pipeline.importing import run_import  # lxml and trafilatura load only for an import

    def say(line: str) -> None:
        # With --stdout the Markdown alone goes to standard output; everything else to standard error.
        to_stdout = line.startswith(("wrote ", "unchanged: ")) and not args.stdout
        print(line, file=sys.stdout if to_stdout else sys.stderr)

    def show(markdown: str) -> None:
        sys.stdout.write(markdown)

    report = run_import(args.paths, settings.articles_dir, pages=args.pages, force=args.force, slug=args.slug,
                        say=say, show=show if args.stdout else None)
    print(report.summary(), file=sys.stderr if args.stdout else sys.stdout)
    return 0 if report.ok else 1


def _packet(settings: Settings, args: argparse.Namespace) -> int:
    """Build the packets' articles' recordings, then each packet into build/packets/<name>/."""
    import dataclasses

    from filelock import FileLock

    from pipeline.packets import KIT, build_packet, chosen_packets, packet_problems

    practice, articles, problems = load_sources(settings)
    packets = chosen_packets(settings.sources, practice, tuple(args.slugs), args.name, args.sender, args.large_print)
    problems = [problem for packet in packets
                for problem in packet_problems(packet, practice, articles, str(settings.practice_file))]
    if problems:
        raise PipelineError(*problems)
    slugs = tuple(dict.fromkeys(slug for packet in packets for slug in packet.articles))
    reporter = reporter_for(sys.stderr)
    try:  # a packet is made from its articles' recordings, so they are brought up to date first
        report = build(dataclasses.replace(settings, only=frozenset({"audio"})), slugs, reporter)
    finally:
        reporter.close()
    _problems(report.problems)
    if not report.ok:
        return 1
    for packet in packets:
        with FileLock(settings.out / ".lock"), article_step(packet.name, "making the packet"):  # as a build does
            result = build_packet(packet, practice, articles, settings)
        print(f"{result.folder}/: {len(result.rebuilt)} file{'' if len(result.rebuilt) == 1 else 's'} made "
              f"({', '.join(result.rebuilt) or 'all up to date'}); send kit for webmail in {result.folder / KIT}/")
        if result.silent:
            print(f"  not in the audio (no voice for their language): {', '.join(result.silent)}")
        _problems(result.warnings, "warning")
    _problems(report.warnings, "warning")
    return 0


def _approve(settings: Settings, args: argparse.Namespace) -> int:
    from pipeline.commands.approve import approve

    for approved in approve(settings, tuple(args.slugs)):
        print(approved.line())
    return 0


def _script(settings: Settings, args: argparse.Namespace) -> int:

    practice, articles, problems = load_sources(settings, (args.slug,))
    if problems:
        raise PipelineError(*problems)
    refused = over_limits(articles[0], practice, settings)  # the build would not narrate it either
    if refused:
        raise PipelineError(*refused)
    with article_step(args.slug, "writing the narration script"):
        script = format_script(narration_script(articles[0], practice), practice.speech.speaking_rate)
    print(script, end="")
    return 0


def _clean(settings: Settings, args: argparse.Namespace) -> int:
    if args.unused_speech:

        removed = remove_unused_speech(settings)
        sentences = f"{removed.sentences} unused sentence{'' if removed.sentences == 1 else 's'}"
        if removed.models:
            sentences += f" and {removed.models} outdated voice model{'' if removed.models == 1 else 's'}"
        print(f"removed {sentences} ({removed.freed_bytes / 1e6:.1f} MB) from the speech cache in "
              f"{settings.cache}/; kept {removed.kept} that the articles use")
        return 0

    cleaned = clean(settings)
    if cleaned is None:
        print(f"nothing to clean: {settings.out}/ does not exist")
    else:
        print(f"removed {cleaned.files} built file{'' if cleaned.files == 1 else 's'} "
              f"({cleaned.freed_bytes / 1e6:.1f} MB) and {settings.out}/ "
              f"(the speech cache in {settings.cache}/ is kept)")
    return 0


def _publish(settings: Settings, args: argparse.Namespace) -> int:
    from pipeline.commands.publish import publish

    done = publish(settings, args.to)
    print(f"upload set: {done.files} file{'' if done.files == 1 else 's'} ({done.size / 1e6:.1f} MB) in {done.folder}/ "
          f"— upload this folder's contents to the website")
    for reason, count in sorted(done.left_out.items()):
        print(f"left out: {count} {reason}")
    return 0

"""The command line: `handouts build|check|serve|import|packet|script|clean`; heavy imports stay inside."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from pipeline import __version__
from pipeline.errors import PipelineError
from pipeline.outputs import ONLY_WORDS
from pipeline.settings import Settings
from pipeline.stopping import stop_if_interrupted, stop_on_ctrl_c

log = logging.getLogger("pipeline")


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return int(value)


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number from 0 to 65535 (0: any free port)")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--sources", type=Path, default=Path("sources"), metavar="DIR",
                        help="folder with practice.toml and articles/ (default: sources)")
    shared.add_argument("--out", type=Path, default=Path("build"), metavar="DIR",
                        help="output folder (default: build)")
    shared.add_argument("--cache", type=Path, default=Path(".cache"), metavar="DIR",
                        help="speech cache folder (default: .cache)")
    shared.add_argument("--strict", action="store_true", help="treat warnings as failures")
    shared.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")

    parser = argparse.ArgumentParser(
        prog="handouts",
        description="Build handouts, large-print handouts, narrated audio and e-mail drafts "
                    "from the practice's articles.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build", parents=[shared], help="build every article (or the named ones)",
        description="Bring every article's handouts, large print, recording, captions, e-book and e-mail draft, "
                    "and the library page, up to date in build/; only what a change affects is made again. "
                    "Name articles by slug, or by a beginning only one slug has.")
    build.add_argument("slugs", nargs="*", metavar="SLUG", help="articles to build (default: all)")
    build.add_argument("--engine", metavar="NAME", help="speech engine, overriding the profile (piper, gtts)")
    build.add_argument("--only", action="append", choices=ONLY_WORDS, metavar="PART",
                       help=f"build only this part; repeatable ({', '.join(ONLY_WORDS)})")
    build.add_argument("--jobs", type=_positive, default=os.cpu_count() or 1, metavar="N",
                       help="articles built in parallel (default: number of cores)")

    check = commands.add_parser(
        "check", parents=[shared], help="validate the sources and score each article's plain language and review",
        description="Read the profile and every article (or the named ones) as the build would, without building: "
                    "each article's reading level, listening time and e-mail size, its plain-language findings "
                    "and review status, whether each language has a voice, and words the voice may say wrong. "
                    "Exits non-zero on errors, and with --strict on warnings too.")
    check.add_argument("slugs", nargs="*", metavar="SLUG", help="articles to check (default: all)")
    check.add_argument("--json", action="store_true",
                       help="print the whole report as one JSON document (its schema: docs/reference/check-json.md)")
    check.add_argument("--listen", action="store_true",
                       help="hear each built recording back offline and list the sentences not heard as written")

    serve = commands.add_parser(
        "serve", parents=[shared], help="build, preview build/ on 127.0.0.1 and rebuild and reload on every change",
        description="Build, then show build/ at http://127.0.0.1:PORT/ (to this computer only), rebuilding what a "
                    "saved change in sources/ or templates/ affects and reloading the page. Ctrl-C stops it.")
    serve.add_argument("--port", type=_port, default=8000, metavar="N", help="port on 127.0.0.1 (default: 8000)")
    serve.add_argument("--engine", metavar="NAME", help="speech engine, overriding the profile (piper, gtts)")
    serve.add_argument("--only", action="append", choices=ONLY_WORDS, metavar="PART",
                       help=f"build only this part; repeatable ({', '.join(ONLY_WORDS)})")

    imp = commands.add_parser(
        "import", parents=[shared], help="turn blog exports, Word files and saved pages into article sources",
        description="Write each article found in the files and folders given as a draft in sources/articles/, "
                    "saying what was written, skipped, left out and should be reviewed. An existing article that "
                    "differs is never overwritten without --force.")
    imp.add_argument("paths", type=Path, nargs="+", metavar="PATH",
                     help="a WordPress or Blogger export (.xml), a Medium export's post or saved page (.html), a "
                          "Word file (.docx), copied text (.txt), or a folder of them (an unpacked Medium export too)")
    imp.add_argument("--pages", action="store_true",
                     help="also import a WordPress or Blogger export's published pages")
    imp.add_argument("--slug", metavar="S", help="the new article's slug, for one file (default: from the title)")
    imp.add_argument("--stdout", action="store_true", help="print the Markdown instead of writing it")
    imp.add_argument("--force", action="store_true", help="overwrite an existing article source")

    approve = commands.add_parser(
        "approve", parents=[shared],
        help="mark imported drafts as read through: clear their draft mark and review items",
        description="After reading an imported draft and fixing what its review_items name, approve it: its "
                    "draft mark and review items are removed, so it reaches the library page, the feed, the e-mail "
                    "drafts and the upload set. Name articles by slug, or by a beginning only one slug has.")
    approve.add_argument("slugs", nargs="+", metavar="SLUG", help="the articles approved")

    script = commands.add_parser(
        "script", parents=[shared], help="print an article's narration script",
        description="Print what the voice will say for one article, sentence by sentence with its pauses, and "
                    "the page's wording where the voice says it differently, before anything is recorded.")
    script.add_argument("slug", metavar="SLUG", help="the article's slug, or a beginning only its slug has")

    packet = commands.add_parser(
        "packet", parents=[shared],
        help="make a client packet into build/packets/NAME/: one PDF, one MP3, an e-mail draft and a send kit",
        description="Give a client several handouts at once: one PDF with a cover and a bookmark per handout, one "
                    "MP3 with a chapter per handout (joined from their recordings), an e-mail draft from the "
                    "practice or a clinician, and a send kit for webmail. Name the articles to make one on the "
                    "spot, or none to make every packet in sources/packets/.")
    packet.add_argument("slugs", nargs="*", metavar="SLUG",
                        help="the articles, in order, for a packet made on the spot (default: every "
                             "sources/packets/*.toml)")
    packet.add_argument("--name", metavar="N", help="its folder under build/packets/ (default: from the slugs)")
    packet.add_argument("--from", dest="sender", metavar="KEY",
                        help="send it from this clinician in practice.toml's [[clinicians]]")
    packet.add_argument("--large-print", action="store_true", help="also attach the large-print handouts")
    packet.add_argument("--engine", metavar="NAME", help="speech engine, overriding the profile (piper, gtts)")

    publish = commands.add_parser(
        "publish", parents=[shared], help="copy what may go on the website into a folder of its own",
        description="Copy the upload set — the handouts, recordings, captions, e-books and pages a client may "
                    "see, current and of approved articles — into a folder of its own, ready to upload. E-mail "
                    "drafts, staff pages and unapproved imports are never in it.")
    publish.add_argument("--to", type=Path, default=Path("upload"), metavar="DIR",
                         help="the folder to (re)make (default: upload)")

    clean = commands.add_parser(
        "clean", parents=[shared], help="remove built outputs (keeps the speech cache)",
        description="Remove the files the build wrote into build/ (only those its manifests list) and keep the "
                    "speech cache; with --unused-speech, keep build/ and trim the speech cache instead.")
    clean.add_argument("--unused-speech", action="store_true",
                       help="instead, remove cached sentences no current article uses (keeps the outputs)")
    clean.add_argument("--engine", metavar="NAME",
                       help="with --unused-speech: keep the sentences of this engine, not the profile's")
    return parser


def _configure_logging(debug: bool) -> None:
    """Standard error carries the pipeline's own lines; the libraries' log records and Python
    warnings (WeasyPrint's, fontTools', …) show only with --debug."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(name)s: %(message)s" if debug else "%(message)s"))
    if not debug:
        handler.addFilter(logging.Filter("pipeline"))  # the "pipeline" logger and those below it
    logging.basicConfig(level=logging.DEBUG if debug else logging.INFO, handlers=[handler])
    logging.captureWarnings(True)  # a library's warnings.warn() becomes a record of "py.warnings"
    for noisy in ("weasyprint", "fontTools", "trafilatura", "htmldate", "urllib3", "PIL", "pikepdf"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if debug else logging.ERROR)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    stop_on_ctrl_c()
    _configure_logging(args.debug)
    settings = Settings(
        sources=args.sources, out=args.out, cache=args.cache, strict=args.strict, debug=args.debug,
        engine=getattr(args, "engine", None),
        only=frozenset(getattr(args, "only", None) or ONLY_WORDS),
        jobs=max(1, getattr(args, "jobs", 1) or 1),
    )
    from pipeline import commands

    try:
        code = commands.run(args.command, settings, args)
        if args.command != "serve":  # Ctrl-C is how `serve` ends, and it says so itself
            stop_if_interrupted()  # an interrupt that something on the way swallowed still stops with 130
        return code
    except PipelineError as exc:
        if args.debug:
            raise
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    except OSError as exc:  # a folder given on the command line that cannot be used
        if args.debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if args.debug:
            raise
        print("interrupted: stopped; finished outputs are complete, nothing half-written was kept",
              file=sys.stderr)
        return 130

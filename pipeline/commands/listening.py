"""`check --listen`: each built recording heard back offline, and the sentences not heard as written listed.

An editor then checks the few flagged sentences instead of listening to the whole recording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.article import Article
from pipeline.outputs import file_names
from pipeline.settings import Settings
from pipeline.sources import Practice

_CUE_TIMES = re.compile(r"^(\d+)\n(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})$", re.MULTILINE)


@dataclass
class ListeningReport:
    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _ms(hours: str, minutes: str, seconds: str, millis: str) -> int:
    return ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def cue_times(vtt: str) -> dict[int, tuple[int, int]]:
    """Caption number -> (start, end) in ms, from the recording's WebVTT file."""
    return {int(m[1]): (_ms(*m.groups()[1:5]), _ms(*m.groups()[5:9])) for m in _CUE_TIMES.finditer(vtt)}


def clock(ms: int) -> str:
    minutes, seconds = divmod(ms // 1000, 60)
    return f"{minutes:02d}:{seconds:02d}.{ms % 1000 // 100}"


def listen_to_article(article: Article, practice: Practice, folder: Path) -> tuple[list[str], list[str]]:
    """(lines, warnings) for one article's recording; a problem is raised as PipelineError."""
    from pipeline.audio import Sentence, heard, hearings, narration_script
    from pipeline.errors import PipelineError

    names = file_names(article.slug)
    mp3, vtt = folder / names["recording"], folder / names["captions"]
    if not mp3.is_file() or not vtt.is_file():
        raise PipelineError(f"no recording in {folder}/ to listen to; build it first")
    script = narration_script(article, practice)
    times = cue_times(vtt.read_text(encoding="utf-8"))
    sentences = [Sentence(*times[number], segment.written, segment.spoken)
                 for number, segment in enumerate(script.segments, start=1) if number in times]
    limit = practice.listening.max_word_error
    flagged = [hearing for hearing in hearings(sentences, heard(mp3, article.language), article.language)
               if hearing.word_error > limit]
    lines = [f"{article.slug}: {len(sentences) - len(flagged)} of {len(sentences)} sentences heard as written"]
    warnings = [f"{article.slug}: {clock(h.sentence.start_ms)}–{clock(h.sentence.end_ms)}: "
                f"{h.word_error:.0%} of the words not heard as written: {h.sentence.written!r}, heard "
                f"{h.heard!r}" for h in flagged]
    return lines, warnings


def listen_back(settings: Settings, slugs: tuple[str, ...] = ()) -> ListeningReport:
    """Every built recording of the named articles (or all) heard back and compared with its script."""
    from pipeline.audio import HEARD_LANGUAGES
    from pipeline.building import article_step, load_sources
    from pipeline.errors import PipelineError

    practice, articles, problems = load_sources(settings, slugs)
    report = ListeningReport(problems=list(problems))
    for article in articles:
        if article.language not in HEARD_LANGUAGES:
            report.warnings.append(f"{article.slug}: not listened to: the offline recogniser hears "
                                   f"{', '.join(HEARD_LANGUAGES)} only, and the article is in {article.language}")
            continue
        try:
            with article_step(article.slug, "listening to the recording"):
                lines, warnings = listen_to_article(article, practice, settings.out / article.slug)
        except PipelineError as exc:
            report.problems.extend(exc.problems)
            continue
        report.lines.extend(lines)
        report.warnings.extend(warnings)
    return report

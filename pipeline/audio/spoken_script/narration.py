"""Narration step: an article and the practice profile become the script the voice reads.

Pure: no voice, no files. The script is every heading, paragraph and list item in order, one
sentence a segment, between an introduction (title, who it is from, the crisis line in short) and
the spoken stamp.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import zip_longest
from typing import assert_never

from pipeline.article import (
    Article,
    Block,
    BlockVisitor,
    BulletList,
    CodeBlock,
    Heading,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Span,
    Table,
    Text,
    sections,
)
from pipeline.audio.spoken_script.normalise import normalise
from pipeline.audio.spoken_script.script import Script, Segment, SegmentKind
from pipeline.audio.spoken_script.shared_steps import printable
from pipeline.audio.spoken_script.spoken_numbers import ordinal
from pipeline.language import phrases, split_sentences
from pipeline.sources import Practice
from pipeline.stamp import Stamp, stamp

LONG_SENTENCE = 200  # characters; longer sentences are split at a clause so captions stay short
_WRAPPED_IN_QUOTES = re.compile(r"([“\"])([^“”\"]+)([”\"])")
# A superscript that is only a footnote's mark ("anxiety¹", "[2]", "*"): seen on the page, not said.
_FOOTNOTE_MARK = re.compile(r"[\[(]?[\d*†‡§¶,\s–-]+[\])]?")
_FULL_STOP = re.compile(r"[.!?…][\"”’')\]]*$")


def narration_script(article: Article, practice: Practice) -> Script:
    """The whole narration of one article, ready for a speech engine, in the article's language."""
    narrator = _Narrator(practice, article.language)
    _ = narrator._
    narrator.say([article.title], "title", narrator.speech.heading_pause_ms)
    # The crisis line in its short form within the first seconds, so a listener in crisis need not
    # wait for the stamp at the end (the full notice is kept there).
    narrator.say([_("An audio handout from {practice}.").format(practice=practice.practice.name),
                  crisis_line(article.language)], "stamp", narrator.speech.heading_pause_ms)
    for section in sections(article):
        if section.heading is not None:
            narrator.start_chapter(spoken_words(section.heading.text).strip())
        narrator.blocks(section.blocks if section.heading is None else (section.heading, *section.blocks))
    narrator.outro(stamp(practice, article.language))
    segments = narrator.segments
    segments[-1] = replace(segments[-1], pause_after_ms=0)  # the recording ends with the last word
    return Script(article.slug, article.title, article.language, tuple(segments))


def crisis_line(language: str) -> str:
    """The crisis line's short form, said at the start: 'If you are in crisis, call or text 988.'"""
    return phrases(language)("If you are in crisis, call or text 988.")


def sentences(text: str, language: str = "en") -> list[tuple[str, bool]]:
    """A paragraph's sentences, as (text, ends a sentence); overlong ones split at a clause.

    pysbd splits by the language's rules ('¿Qué es?' and 'Sra.' in Spanish)."""
    text = " ".join(text.split())
    opening = closing = ""
    wrapped = _WRAPPED_IN_QUOTES.fullmatch(text)
    if wrapped:  # a quotation of several sentences: split inside, keep the marks at its ends
        opening, text, closing = wrapped.groups()
    found = split_sentences(text, language) or [text]
    pieces: list[tuple[str, bool]] = []
    for sentence in found:
        clauses = _clauses(sentence)
        pieces.extend((clause, index == len(clauses) - 1) for index, clause in enumerate(clauses))
    first, last = pieces[0], pieces[-1]
    pieces[0] = (opening + first[0], first[1])
    pieces[-1] = (pieces[-1][0] + closing, last[1])
    return pieces


def _clauses(sentence: str) -> list[str]:
    """Split a long sentence at the clause boundary nearest its middle, until each part fits."""
    if len(sentence) <= LONG_SENTENCE:
        return [sentence]
    middle = len(sentence) / 2
    best: tuple[float, int] | None = None
    for match in re.finditer(r"(?<=[;:—])\s*|(?<=,)\s+", sentence):
        cut = match.end()
        if min(cut, len(sentence) - cut) < 40:
            continue
        strong = sentence[match.start() - 1] in ";:—"
        score = abs(cut - middle) - (30 if strong else 0)
        if best is None or score < best[0]:
            best = (score, cut)
    if best is None:
        return [sentence]
    cut = best[1]
    return _clauses(sentence[:cut].rstrip()) + _clauses(sentence[cut:].lstrip())


def spoken_words(text: Text) -> str:
    """The words of a run of spans as the voice says them: struck-through words and footnote marks
    are not said (the page shows them struck through, or raised)."""
    return "".join(_heard(span) for span in text)


def _heard(span: Span) -> str:
    for mark in span.marks:
        match mark:
            case "struck":
                return ""
            case "superscript":
                if _FOOTNOTE_MARK.fullmatch(span.text.strip() or "-"):
                    return ""
            case "strong" | "emphasis" | "subscript" | "code":
                pass
            case _:
                assert_never(mark)
    return span.text


def with_full_stop(text: str) -> str:
    """'Write the worry down' -> 'Write the worry down.' so the voice ends it as a sentence."""
    text = text.rstrip()
    if _FULL_STOP.search(text) or text.endswith(":"):  # a colon introduces what follows: keep it
        return text
    return re.sub(r"[,;]+$", "", text) + "."


def _lower_first_word(text: str) -> str:
    """'Humans are wired' -> 'humans are wired', 'Levántese' -> 'levántese', to follow 'First, '
    (the voice is unchanged). A name in capitals ('NASA') or with an apostrophe ('I'm') stays."""
    match = re.match(r"\s*([^\W\d_]+)\b(?!')", text)
    if not match or not (match[1][0].isupper() and match[1][1:].islower()):
        return text
    return text[: match.start(1)] + match[1][0].lower() + text[match.start(1) + 1:]


def join_places(places: tuple[str, ...], language: str = "en") -> str:
    """('Charlotte, North Carolina', 'Carefree, Arizona') -> '… North Carolina, and Carefree, …'."""
    if len(places) <= 1:
        return "".join(places)
    comma = "," if len(places) > 2 or any("," in place for place in places) else ""
    _ = phrases(language)
    return _("{places}{comma} and {last}").format(
        places=", ".join(places[:-1]), comma=comma, last=places[-1])


class _Narrator(BlockVisitor[None]):
    """Collects segments, numbering blocks and naming chapters as the article is read."""

    def __init__(self, practice: Practice, language: str) -> None:
        self.kind: SegmentKind = "sentence"
        self.speech = practice.speech
        self.pronunciations = practice.pronunciations
        self.language = language
        self._ = phrases(language)
        self.segments: list[Segment] = []
        self.chapter = self._("Introduction")
        self.block = 0

    def start_chapter(self, title: str) -> None:
        used = {segment.chapter for segment in self.segments}
        number, unique = 2, title
        while unique in used:  # two sections with one title still make two chapters
            unique, number = f"{title} ({number})", number + 1
        self.chapter = unique

    def say(self, written: list[str], kind: SegmentKind, pause_ms: int | None = None,
            spoken: list[str] | None = None, ends: list[bool] | None = None) -> None:
        """One block: its sentences as segments.

        A paragraph pause (or `pause_ms`) follows the last, a sentence pause each other one, and
        half that the first clauses of a long sentence (`ends` False), as a comma would.
        """
        lines = [(printable(text), normalise(said, self.pronunciations, self.language), end) for text, said, end in
                 zip(written, spoken or written, ends or [True] * len(written), strict=True)]
        lines = [line for line in lines if line[0] and line[1]]  # nothing left to say: an emoji
        if not lines:
            return
        self.block += 1
        last_pause = self.speech.paragraph_pause_ms if pause_ms is None else pause_ms
        for index, (text, said, end) in enumerate(lines):
            if index == len(lines) - 1:
                pause = last_pause
            else:
                pause = self.speech.sentence_pause_ms if end else self.speech.sentence_pause_ms // 2
            self.segments.append(Segment(said, text, kind, self.chapter, self.block, pause))

    def prose(self, text: str, kind: SegmentKind, spoken_prefix: str = "", written_prefix: str = "") -> None:
        """A paragraph's sentences; `spoken_prefix` ('First, ') before the first as the voice says it."""
        pieces = sentences(text, self.language)
        written = [written_prefix + pieces[0][0], *(piece for piece, _ in pieces[1:])]
        spoken = [with_full_stop(piece) if ends else piece for piece, ends in pieces]
        if spoken_prefix:
            spoken[0] = spoken_prefix + _lower_first_word(spoken[0])
        self.say(written, kind, spoken=spoken, ends=[ends for _, ends in pieces])

    def pause_before_heading(self) -> None:
        if self.segments:
            last = self.segments[-1]
            longer = max(last.pause_after_ms, self.speech.heading_pause_ms)
            self.segments[-1] = replace(last, pause_after_ms=longer)

    def blocks(self, blocks: tuple[Block, ...], kind: SegmentKind = "sentence") -> None:
        outer, self.kind = self.kind, kind
        try:
            self.visit_all(blocks)
        finally:
            self.kind = outer

    def heading(self, block: Heading) -> None:
        self.pause_before_heading()
        text = spoken_words(block.text).strip()
        self.say([text], "heading", self.speech.heading_pause_ms, spoken=[with_full_stop(text)])

    def paragraph(self, block: Paragraph) -> None:
        text = spoken_words(block.text)
        if text.strip():
            self.prose(text, self.kind)

    def bullet_list(self, block: BulletList) -> None:
        for item in block.items:
            self.blocks(item.blocks, "item")

    def ordered_list(self, block: OrderedList) -> None:
        for number, item in enumerate(block.items, start=block.start):
            for index, inner in enumerate(item.blocks):
                if isinstance(inner, Paragraph) and index == 0 and spoken_words(inner.text).strip():
                    said = (ordinal(number, self.language).capitalize() if 0 < number <= 20
                            else self._("Number {number}").format(number=number))
                    self.prose(spoken_words(inner.text), "item", f"{said}, ", f"{number}. ")
                else:
                    self.blocks((inner,), "item")

    def quote(self, block: Quote) -> None:
        start = len(self.segments)
        self.blocks(block.blocks)
        if len(self.segments) > start:
            first = self.segments[start]
            self.segments[start] = replace(first, spoken=self._("Quote: {text}").format(text=first.spoken))
            last = self.segments[-1]
            self.segments[-1] = replace(last, spoken=self._("{text} End quote.").format(text=last.spoken))

    def code_block(self, block: CodeBlock) -> None:
        lines = [line.strip() for line in block.text.splitlines() if line.strip()]
        if lines:
            self.say(lines, self.kind, spoken=[with_full_stop(line) for line in lines])

    def rule(self, block: Rule) -> None:
        self.pause_before_heading()

    def table(self, block: Table) -> None:
        header = [spoken_words(cell).strip() for cell in block.header]
        rows = []
        for row in block.rows:
            cells = [spoken_words(cell).strip() for cell in row]
            said = [f"{name}: {cell}" if name else cell for name, cell in zip_longest(header, cells, fillvalue="")
                    if cell]
            if said:
                rows.append("; ".join(said))
        if rows:
            self.say(rows, "sentence", spoken=[with_full_stop(row) for row in rows])

    def outro(self, facts: Stamp) -> None:
        """The spoken stamp: who the practice serves, how to reach it, and the notices."""
        _ = self._
        about = _("About {practice}").format(practice=facts.name)
        self.pause_before_heading()
        self.start_chapter(about)
        self.say([about], "heading", self.speech.heading_pause_ms, spoken=[f"{about}."])
        served = [_("We offer virtual sessions to clients in {states}.").format(states=facts.virtual_states)]
        if facts.in_person:
            places = join_places(facts.in_person, self.language)
            served.append(_("We also see clients in person in {places}.").format(places=places))
        self.say(served, "stamp")
        self.say([_("To book a session or ask a question, call {phone}.").format(phone=facts.phone),
                  _("You can also e-mail {email}, or visit {website}.").format(email=facts.email,
                                                                              website=facts.website_display),
                  facts.response_time], "stamp")
        for notice in (facts.crisis, facts.disclaimer):
            self.say([text for text, _end in sentences(notice, self.language)], "stamp")
        self.say([_("Thank you for listening.")], "stamp")

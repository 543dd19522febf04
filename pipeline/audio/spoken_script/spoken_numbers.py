"""Normalising step, numbers: digits, money, dates and times become the words a reader would say.

Each function is a small `str -> str` step; `pipeline.audio.spoken_script.normalise.STEPS` applies them in order.
Digits that must be read one by one (phone numbers, 988, ZIP codes) come out as single digits
separated by spaces ("9 8 8"); `numbers` leaves such runs alone, and every voice reads them
digit by digit.
"""

from __future__ import annotations

import re

from num2words import num2words

from pipeline.language import MONTHS, translations

# Longer whole numbers are read digit by digit, in groups of three: nobody says "four hundred
# fifty-six quadrillion", num2words gives up past about 10^100 and `int()` past 4,300 digits.
LONGEST_SAID_AS_WORDS = 15

_MONTH_BY_PREFIX = {name[:3].lower(): name for name in MONTHS}
_MONTH = rf"(?P<month>{'|'.join(MONTHS)}|Sept|{'|'.join(name[:3] for name in MONTHS)})\b\.?"
_FRACTIONS = {"1/2": "one half", "1/3": "one third", "2/3": "two thirds", "1/4": "one quarter",
              "3/4": "three quarters"}
_SERVICE_NUMBERS = r"211|311|411|511|611|711|811|911|988"


def _us_style(words: str) -> str:
    # num2words speaks British-style ("one hundred and one, ..."); American readers drop the
    # "and" and the commas, which a voice would otherwise turn into pauses.
    return words.replace(",", "").replace(" and ", " ")


def _digit(digit: str, language: str) -> str:
    """'7' -> 'seven' ('siete')."""
    return num2words(int(digit), lang=language)


def digit_words(written: str, language: str = "en") -> str:
    """'1234567' -> 'one two three, four five six, seven': digits read in groups of three."""
    found = re.sub(r"\D", "", written)
    groups = [found[start:start + 3] for start in range(0, len(found), 3)]
    return ", ".join(" ".join(_digit(digit, language) for digit in group) for group in groups)


def _too_long(written: str) -> bool:
    return len(written.lstrip("0")) > LONGEST_SAID_AS_WORDS


def cardinal(number: int | str, language: str = "en") -> str:
    """1234 (or '1,234') -> 'one thousand two hundred thirty-four'; '2.05' -> 'two point zero five'.

    Numbers are taken as written, never converted whole, so any length is read without error:
    whole parts of more than 15 digits are read digit by digit in groups ('one two three, ...'),
    and the digits after a decimal point one by one, as num2words reads them.
    """
    whole, point, fraction = str(number).replace(",", "").partition(".")
    whole = whole or "0"
    said = digit_words(whole, language) if _too_long(whole) else _us_style(num2words(int(whole), lang=language))
    if point and fraction:
        decimal_point = translations(language).pgettext("a decimal number, as in 3.5", "point")
        said += f" {decimal_point} " + " ".join(_digit(digit, language) for digit in fraction)
    return said


def ordinal(number: int | str, language: str = "en") -> str:
    """21 -> 'twenty-first' ('vigésimo primero'); past 15 digits, 'number' and the digits in groups."""
    if _too_long(str(number)):
        return translations(language).gettext("number {digits}").format(digits=digit_words(str(number), language))
    return _us_style(num2words(int(number), lang=language, to="ordinal"))


def year(number: int) -> str:
    """1999 -> 'nineteen ninety-nine', 2025 -> 'twenty twenty-five', 2005 -> 'two thousand five'."""
    return _us_style(num2words(number, to="year"))


def digits(text: str) -> str:
    """'0123' -> '0 1 2 3': read one digit at a time."""
    return " ".join(re.sub(r"\D", "", text))


def keep_final_stop(match: re.Match[str], words: str) -> str:
    # An abbreviation's period at the very end of a sentence is also the sentence's full stop.
    ends_sentence = match.group(0).endswith(".") and match.end() == len(match.string)
    return words + "." if ends_sentence else words


def phone_numbers(text: str) -> str:
    """'(704) 555-0123' -> '7 0 4, 5 5 5, 0 1 2 3' (digit groups, as people read them out)."""
    pattern = r"(?<![\w$])(?:\+?1[ .-]?)?\(?(\d{3})\)?[ .-]?(\d{3})[ .-](\d{4})(?!\d)"
    return re.sub(pattern, lambda m: ", ".join(digits(g) for g in m.groups()), text)


def service_numbers(text: str) -> str:
    """'call or text 988' -> 'call or text 9 8 8'; '24/7' -> 'twenty-four seven'."""
    text = re.sub(r"(?<![\w$.,/])24/7(?![\w/])", "twenty-four seven", text)
    return re.sub(rf"(?<![\w$.,/-])({_SERVICE_NUMBERS})(?![\w%]|[.,]\d)", lambda m: digits(m[1]), text)


def dates(text: str) -> str:
    """'Aug. 4, 2025', '8/4/2025' and '2025-08-04' -> 'August fourth, twenty twenty-five'."""

    def spoken(month: int | str, day: str, year_text: str | None) -> str:
        name = MONTHS[month - 1] if isinstance(month, int) else _MONTH_BY_PREFIX[month[:3].lower()]
        said = f"{name} {ordinal(int(day))}"
        return f"{said}, {year(int(year_text))}" if year_text else said

    def valid(month: int, day: str) -> bool:
        return 1 <= month <= 12 and 1 <= int(day) <= 31

    text = re.sub(
        rf"\b{_MONTH}\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s(?P<year>\d{{4}})\b)?",
        lambda m: spoken(m["month"], m["day"], m["year"]), text)
    text = re.sub(
        r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b",
        lambda m: spoken(int(m["month"]), m["day"], m["year"]) if valid(int(m["month"]), m["day"])
        else m[0], text)
    return re.sub(
        r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b",
        lambda m: spoken(int(m["month"]), m["day"], m["year"]) if valid(int(m["month"]), m["day"])
        else m[0], text)


def times(text: str) -> str:
    """'3:30 p.m.' -> 'three thirty P M'; '10 AM' -> 'ten A M'; '9:05' -> 'nine oh five'."""

    def spoken(match: re.Match[str]) -> str:
        hour, minutes, half = int(match["hour"]), match["minutes"], match["half"]
        said = cardinal(hour)
        if minutes and minutes != "00":
            said += " " + (f"oh {cardinal(int(minutes))}" if minutes[0] == "0" else cardinal(int(minutes)))
        elif minutes and not half:
            said += " o'clock"
        if half:
            said += f" {half[0].upper()} M"
        return keep_final_stop(match, said)

    with_half = r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minutes>[0-5]\d))?\s?(?P<half>[AaPp]\.?[Mm]\b\.?)"
    text = re.sub(with_half, spoken, text)
    clock = r"(?<![\d:.])\b(?P<hour>[01]?\d|2[0-3]):(?P<minutes>[0-5]\d)(?P<half>)(?![\d:])"
    return re.sub(clock, spoken, text)


def money(text: str) -> str:
    """'$500' -> 'five hundred dollars'; '$5.50' -> 'five dollars and fifty cents'."""

    def spoken(match: re.Match[str]) -> str:
        amount = match["amount"].replace(",", "")
        if match["scale"]:
            return f"{cardinal(amount)} {match['scale'].lower()} dollars"
        # Worked on the written digits, never as a number: any length is read without error.
        whole, _, fraction = amount.partition(".")
        cents = int(fraction.ljust(2, "0")) if fraction else 0
        one_dollar = whole.lstrip("0") == "1"
        parts = []
        if whole.strip("0") or not cents:
            parts.append(f"{cardinal(whole)} dollar{'' if one_dollar else 's'}")
        if cents:
            parts.append(f"{cardinal(cents)} cent{'' if cents == 1 else 's'}")
        return " and ".join(parts)

    pattern = r"\$(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?:\s(?P<scale>[mb]illion|thousand)\b)?"
    return re.sub(pattern, spoken, text, flags=re.IGNORECASE)


def percentages(text: str) -> str:
    """'50%' -> '50 percent' (the number itself is spoken by `numbers`)."""
    return re.sub(r"(\d)\s?%", r"\1 percent", text)


def ranges(text: str) -> str:
    """'10-15 minutes' and '9–5' -> '10 to 15 minutes'."""
    return re.sub(r"(?<=\d)\s?[-–]\s?(?=\d)", " to ", text)


def ordinals(text: str) -> str:
    """'3rd' -> 'third'; '21st' -> 'twenty-first'."""
    return re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", lambda m: ordinal(m[1]), text)


def years(text: str) -> str:
    """'in 2025' -> 'in twenty twenty-five'; '1990s' -> 'nineteen nineties'; "'90s" -> 'nineties'.

    Any bare four-digit number from 1100 to 2099 is read the way years are; for a count the same
    words still hold in most cases ("1500 people" -> "fifteen hundred people").
    """

    def decade(words: str) -> str:
        return words[:-1] + "ies" if words.endswith("y") else words + "s"

    text = re.sub(r"(?<![\w$])'(\d)0s\b", lambda m: decade(cardinal(int(m[1]) * 10)), text)
    text = re.sub(r"(?<![\w$.,])(1[1-9]\d\d|20\d\d)s\b", lambda m: decade(year(int(m[1]))), text)
    return re.sub(r"(?<![\w$.,])(1[1-9]\d\d|20\d\d)(?![\w%]|[.,]\d)", lambda m: year(int(m[1])), text)


def numbers(text: str) -> str:
    """'1,200' -> 'one thousand two hundred'; '3.5' -> 'three point five'; '1/2' -> 'one half'.

    Single digits in a spaced run ('9 8 8') are left to be read one at a time.
    """
    for fraction, words in _FRACTIONS.items():
        text = re.sub(rf"(?<![\d/]){re.escape(fraction)}(?![\d/])", words, text)
    text = re.sub(r"(?<=\d)/(?=\d)", " over ", text)

    def spoken(match: re.Match[str]) -> str:
        number = match[0]
        before, after = match.string[: match.start()], match.string[match.end():]
        in_digit_run = len(number) == 1 and (re.search(r"\b\d $", before) or re.match(r" \d\b", after))
        if in_digit_run:
            return number
        return cardinal(number)

    return re.sub(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\w|[.,]\d)", spoken, text)

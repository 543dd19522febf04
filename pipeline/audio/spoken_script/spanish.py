"""Normalising step, Spanish: a sentence as written in Spanish becomes the words the voice should say.

The same shape as `normalise.STEPS`: small pure `str -> str` functions applied in order. Numbers
come from num2words' Spanish; digits that are read one by one (phone numbers, 988) are spoken as
Spanish words ("nueve, ocho, ocho"), so any voice says them in Spanish. Numbers are written the way
US and Mexican Spanish write them: 1,200 and 3.5; dates in figures day first (15/09/2025).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import partial

from pipeline.audio.spoken_script import shared_steps as common
from pipeline.audio.spoken_script.pronunciation.abbreviations import capitals, spanish_places
from pipeline.audio.spoken_script.spoken_numbers import cardinal, keep_final_stop, ordinal
from pipeline.language import translated_state

LANGUAGE = "es"

# (pattern, words): abbreviations a voice misreads or takes for the end of a sentence.
_ABBREVIATIONS = (
    (r"\bDra\.", "doctora"),
    (r"\bDr\.", "doctor"),
    (r"\bSrta\.", "señorita"),
    (r"\bSra\.", "señora"),
    (r"\bSr\.", "señor"),
    (r"\bLic\.", "licenciado"),
    (r"\bUds\.", "ustedes"),
    (r"\bUd\.", "usted"),
    (r"\bp\.\s?ej\.", "por ejemplo"),
    (r"\betc\.", "etcétera"),
    (r"\bEE\.\s?UU\.", "Estados Unidos"),
    (r"\b[Aa]prox\.", "aproximadamente"),
    (r"\b[Tt]el\.(?=\s?[\d(])", "teléfono"),
    (r"\b[Pp]ág\.(?=\s?\d)", "página"),
    (r"\bhrs?\.", "horas"),
    (r"\bmin\.(?=\s|$)", "minutos"),
    (r"\bn\.º\s?(?=\d)|\bnúm\.\s?(?=\d)|#(?=\d)", "número "),
)


def spoken_digits(text: str) -> str:
    """'0123' -> 'cero uno dos tres': one digit at a time, in Spanish words."""
    return " ".join(cardinal(int(digit), LANGUAGE) for digit in re.sub(r"\D", "", text))


def abbreviations(text: str) -> str:
    """'Dra. Pérez' -> 'doctora Pérez'; 'p. ej.' -> 'por ejemplo'."""
    for pattern, words in _ABBREVIATIONS:
        def expanded(m: re.Match[str], words: str = words) -> str:
            return keep_final_stop(m, words)

        text = re.sub(pattern, expanded, text)
    return text


def phone_numbers(text: str) -> str:
    """'(704) 555-0123' -> 'siete cero cuatro, cinco cinco cinco, cero uno dos tres'."""
    pattern = r"(?<![\w$])(?:\+?1[ .-]?)?\(?(\d{3})\)?[ .-]?(\d{3})[ .-](\d{4})(?!\d)"
    return re.sub(pattern, lambda m: ", ".join(spoken_digits(g) for g in m.groups()), text)


def service_numbers(text: str) -> str:
    """'llame al 988' -> 'llame al nueve, ocho, ocho': each digit said on its own, as the Lifeline
    asks; '24/7' -> 'veinticuatro siete'."""
    text = re.sub(r"(?<![\w$.,/])24/7(?![\w/])", "veinticuatro siete", text)
    return re.sub(r"(?<![\w$.,/-])(211|311|411|511|611|711|811|911|988)(?![\w%]|[.,]\d)",
                  lambda m: ", ".join(cardinal(int(digit), LANGUAGE) for digit in m[1]), text)


def _month_names() -> tuple[str, ...]:
    from babel.dates import get_month_names

    names = get_month_names("wide", locale=LANGUAGE)
    return tuple(names[number] for number in range(1, 13))


MONTHS = _month_names()  # 'enero' … 'diciembre'


def dates(text: str) -> str:
    """'15/09/2025' and '2025-09-15' -> '15 de septiembre de 2025' (the figures are said by
    `numbers`); '1 de mayo' -> 'primero de mayo', as Latin American Spanish says the first."""

    def spoken(day: str, month: str, year: str) -> str:
        if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            return f"{day}/{month}/{year}"
        return f"{int(day)} de {MONTHS[int(month) - 1]} de {year}"

    text = re.sub(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})\b", lambda m: spoken(m[1], m[2], m[3]), text)
    text = re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", lambda m: spoken(m[3], m[2], m[1]), text)
    return re.sub(rf"(?<![\d.,])\b1 de (?=(?:{'|'.join(MONTHS)})\b)", "primero de ", text, flags=re.IGNORECASE)


def times(text: str) -> str:
    """'a las 3:30' -> 'a las tres y treinta'; '10:00' -> 'diez en punto'; 'p. m.' -> 'de la tarde'."""

    def spoken(match: re.Match[str]) -> str:
        hour, minutes = int(match["hour"]), int(match["minutes"])
        said = cardinal(hour, LANGUAGE) + (f" y {cardinal(minutes, LANGUAGE)}" if minutes else " en punto")
        half = (match["half"] or "").replace(" ", "").replace(".", "").lower()
        return keep_final_stop(match, said + {"am": " de la mañana", "pm": " de la tarde"}.get(half, ""))

    return re.sub(r"(?<![\d:.])\b(?P<hour>[01]?\d|2[0-3]):(?P<minutes>[0-5]\d)(?![\d:])"
                  r"(?:\s?(?P<half>[ap]\.?\s?m\b\.?))?", spoken, text, flags=re.IGNORECASE)


def money(text: str) -> str:
    """'$500' -> 'quinientos dólares'; '$5.50' -> 'cinco dólares con cincuenta centavos'."""

    def spoken(match: re.Match[str]) -> str:
        amount = Decimal(match["amount"].replace(",", ""))
        dollars, cents = int(amount), int((amount * 100) % 100)
        parts = []
        if dollars or not cents:
            parts.append(f"{before_noun(dollars)} {'dólar' if dollars == 1 else 'dólares'}")
        if cents:
            parts.append(f"{before_noun(cents)} {'centavo' if cents == 1 else 'centavos'}")
        return " con ".join(parts)

    return re.sub(r"\$(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)", spoken, text)


def before_noun(number: int) -> str:
    """1 -> 'un', 21 -> 'veintiún': a count before a (masculine) noun, as in 'un dólar'."""
    words = cardinal(number, LANGUAGE)
    if words.endswith("veintiuno"):
        return words.removesuffix("veintiuno") + "veintiún"
    return words.removesuffix("uno") + "un" if words.endswith("uno") else words


def percentages(text: str) -> str:
    """'50 %' -> '50 por ciento' (the number itself is spoken by `numbers`)."""
    return re.sub(r"(\d)\s?%", r"\1 por ciento", text)


def ranges(text: str) -> str:
    """'10-15 minutos' -> '10 a 15 minutos'."""
    return re.sub(r"(?<=\d)\s?[-–]\s?(?=\d)", " a ", text)


def ordinals(text: str) -> str:
    """'1.º' -> 'primero'; '2.ª' -> 'segunda'; '3er' -> 'tercer'.

    `characters` has already made 'º' and 'ª' the letters 'o' and 'a' (Unicode NFKC): '1.o'."""
    text = re.sub(r"\b([13])er\b", lambda m: ordinal(int(m[1]), LANGUAGE).removesuffix("o"), text)
    return re.sub(r"\b(\d{1,2})(?:\.?[ºª]|\.([oa])\b)",
                  lambda m: ordinal(int(m[1]), LANGUAGE)[:-1] + ("a" if "ª" in m[0] or m[2] == "a" else "o"), text)


def numbers(text: str) -> str:
    """'1,200' -> 'mil doscientos'; '3.5' -> 'tres punto cinco'; '2025' -> 'dos mil veinticinco'."""
    text = re.sub(r"(?<=\d)/(?=\d)", " de ", text)

    def spoken(match: re.Match[str]) -> str:
        number = match[0].replace(",", "")
        return cardinal(number, LANGUAGE)

    return re.sub(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\w|[.,]\d)", spoken, text)


# '&' -> 'y', 'y/o' -> 'y o', '+' -> 'más'; brackets become pauses; Markdown symbols go.
symbols = common.spoken_symbols("y", "o", "más")


def state_codes(text: str) -> str:
    """'Charlotte, NC' -> 'Charlotte, Carolina del Norte': a code after a city, in Spanish."""
    return re.sub(
        r"\b(?P<city>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:[ -][A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)*), (?P<code>[A-Z]{2})\b",
        lambda m: f"{m['city']}, {translated_state(common.STATE_NAMES[m['code']], LANGUAGE)}"
        if m["code"] in common.STATE_NAMES else m[0], text)


STEPS: tuple[Callable[[str], str], ...] = (
    common.characters, partial(common.emails, language=LANGUAGE), partial(common.web_addresses, language=LANGUAGE),
    spanish_places, abbreviations, partial(common.dashes, language=LANGUAGE), state_codes,
    partial(capitals, language=LANGUAGE), phone_numbers, service_numbers, dates, times, money, percentages, ranges,
    ordinals, numbers, symbols, common.spacing,
)

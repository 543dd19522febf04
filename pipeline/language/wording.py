"""How dates and durations are written for readers: 'August 4, 2025', '6 minutes', '1:13'."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from pipeline.language.catalogs import SOURCE_LANGUAGE, translations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def long_date(day: date, language: str = SOURCE_LANGUAGE) -> str:
    """date(2025, 8, 4) -> 'August 4, 2025' (Babel; '4 de agosto de 2025' in Spanish), whatever
    the machine's locale."""
    return format_date(day, format="long", locale=language)


def listening_time(duration_ms: int, language: str = SOURCE_LANGUAGE) -> str:
    """373000 -> '6 minutes' ('6 minutos'): how long the audio takes, in words."""
    catalog = translations(language)
    if duration_ms < 45_000:
        return catalog.gettext("under a minute")
    minutes = max(1, round(duration_ms / 60_000))
    return catalog.ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)


def clock(ms: int) -> str:
    """73000 -> '1:13'; 3723000 -> '1:02:03': a start time as players show it."""
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


def running_time(duration_ms: int) -> str:
    """373600 -> '6:14': a recording's length in minutes and seconds, as the build table shows it.

    Unlike `clock` (a start time, cut to the whole second) it rounds to the nearest second and
    counts minutes past the hour: 3723000 -> '62:03'.
    """
    seconds = round(duration_ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"

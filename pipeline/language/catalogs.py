"""Language tables: the gettext catalogs every fixed phrase comes from, and dates and lists in each language.

English is the language the phrases are written in, so it needs no catalog; every other language
has `pipeline/locales/<code>/LC_MESSAGES/messages.po`. The `.po` file is the only source: it is
compiled in memory with Babel when first used, so there is no build step and no stale `.mo`.
"""

from __future__ import annotations

import functools
import gettext as gettext_module
import io
from importlib.resources import files
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES = Path(str(files("pipeline") / "locales"))
SOURCE_LANGUAGE = "en"  # the language the phrases in the code and templates are written in


def languages() -> tuple[str, ...]:
    """Every language the outputs can be written in: English and each language with a catalog."""
    found = sorted(path.parent.parent.name for path in LOCALES.glob("*/LC_MESSAGES/messages.po"))
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


@functools.cache
def translations(language: str) -> gettext_module.NullTranslations:
    """The catalog for `language`, compiled from its `.po`; English is the phrases as written."""
    po = LOCALES / language / "LC_MESSAGES" / "messages.po"
    if not po.is_file():
        return gettext_module.NullTranslations()
    with po.open("rb") as source:
        catalog = read_po(source, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def phrases(language: str):
    """The `gettext` of `language`'s fixed phrases: phrases("es")("Phone") -> "Teléfono"."""
    return translations(language).gettext


def language_name(language: str, in_language: str | None = None) -> str:
    """'es' -> 'español' (in its own words), or 'Spanish' with in_language='en'."""
    try:
        name = Locale.parse(language.replace("-", "_")).get_display_name(in_language or language) or language
    except (ValueError, LookupError):  # babel.core.UnknownLocaleError is a LookupError
        return language
    return name[:1].upper() + name[1:] if in_language is None else name


def join_words(items: tuple[str, ...] | list[str], language: str = SOURCE_LANGUAGE) -> str:
    """('A', 'B', 'C') -> 'A, B and C' (or 'A, B y C'): no serial comma, as the handouts print it."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    _ = phrases(language)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "extract this, translate it later"
    return message


# The names the `us` package gives, marked so that `pybabel extract` puts them in the catalog.
STATE_NAMES = (
    N_("Alabama"), N_("Alaska"), N_("Arizona"), N_("Arkansas"), N_("California"), N_("Colorado"),
    N_("Connecticut"), N_("Delaware"), N_("District of Columbia"), N_("Florida"), N_("Georgia"), N_("Hawaii"),
    N_("Idaho"), N_("Illinois"), N_("Indiana"), N_("Iowa"), N_("Kansas"), N_("Kentucky"), N_("Louisiana"),
    N_("Maine"), N_("Maryland"), N_("Massachusetts"), N_("Michigan"), N_("Minnesota"), N_("Mississippi"),
    N_("Missouri"), N_("Montana"), N_("Nebraska"), N_("Nevada"), N_("New Hampshire"), N_("New Jersey"),
    N_("New Mexico"), N_("New York"), N_("North Carolina"), N_("North Dakota"), N_("Ohio"), N_("Oklahoma"),
    N_("Oregon"), N_("Pennsylvania"), N_("Rhode Island"), N_("South Carolina"), N_("South Dakota"),
    N_("Tennessee"), N_("Texas"), N_("Utah"), N_("Vermont"), N_("Virginia"), N_("Washington"),
    N_("West Virginia"), N_("Wisconsin"), N_("Wyoming"),
)


def translated_state(name: str, language: str = SOURCE_LANGUAGE) -> str:
    """'North Carolina' -> 'Carolina del Norte' in Spanish: state names are in the catalog too."""
    return phrases(language)(name)

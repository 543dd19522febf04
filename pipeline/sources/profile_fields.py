"""The practice profile's field types: state codes, phone numbers, addresses and files, each checked.

Phone numbers are read by phonenumbers (it also gives the `tel:` form a tap dials), e-mail
addresses by email-validator (syntax only: nothing is looked up on the network).
"""

from __future__ import annotations

import re
from typing import Annotated

import us
from pydantic import AfterValidator, WithJsonSchema

from pipeline.language import languages


def state_name(code: str) -> str:
    """'NC' -> 'North Carolina'."""
    state = us.states.lookup(code, field="abbr")
    return state.name if state else code


def _state_code(value: str) -> str:
    state = us.states.lookup(value, field="abbr") if value.isupper() and len(value) == 2 else None
    if state is None or state.is_territory and state.abbr != "DC":
        raise ValueError(f"{value!r} is not a US state code")
    return value


def _phone(value: str) -> str:
    # ASCII digits only: phonenumbers also reads Bengali or Arabic-Indic digits, which print one
    # number while the tel: link dials another.
    if not re.fullmatch(r"[0-9 ()+.\-]+", value) or tel_link(value) is None:
        raise ValueError(f"{value!r} is not a US phone number like (704) 555-0123")
    return value


def tel_link(phone: str) -> str | None:
    """'(704) 555-0123' -> 'tel:+17045550123', so a tap on a phone dials it; None if it is no US number."""
    import phonenumbers

    try:
        number = phonenumbers.parse(phone, "US")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 1 or not phonenumbers.is_valid_number(number):
        return None
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _email(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    if not value.isascii() or not value.isprintable():
        # A From: line and a mailto: link need the plain form; other letters in it can also
        # make a look-alike of the practice's address.
        raise ValueError(f"{value[:80]!r} is not a plain ASCII e-mail address like hello@example.com "
                         "(write a domain with other letters in its IDNA form, xn--…)")
    try:
        validate_email(value, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError:
        raise ValueError(f"{value!r} is not an e-mail address like hello@example.com") from None
    return value


def _url(value: str) -> str:
    from pipeline.sources.addresses import web_address_problem

    if problem := web_address_problem(value):
        raise ValueError(problem)
    return value


def _base_url(value: str) -> str:
    """A folder's web address: absolute http(s), no query or fragment, always ending in "/"."""
    _url(value)
    if re.search(r"[?#]", value):
        raise ValueError(f"{value!r} is a page address; expected the folder's address, like https://www.example.com/handouts/")
    return value if value.endswith("/") else value + "/"


def _artwork(value: str) -> str:
    """A PNG or JPEG named relative to the sources folder; never an absolute path or one leading out."""
    parts = value.replace("\\", "/").split("/")
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value) or ".." in parts or not value.strip():
        raise ValueError(f"{value!r} is not a file inside the sources folder, like \"artwork.png\"")
    if not value.lower().endswith((".png", ".jpg", ".jpeg")):
        raise ValueError(f"{value!r} is not a .png or .jpg image")
    return value


def _language(value: str) -> str:
    if value not in languages():
        raise ValueError(f"{value!r} is not a language the handouts can be written in; "
                         f"expected one of {', '.join(languages())}")
    return value


def _nonblank(value: str) -> str:
    """A line of the profile's text, cleaned as an article's text is (no bidi override can reorder it)."""
    from pipeline.article import clean_line

    cleaned = clean_line(value)
    if not cleaned:
        raise ValueError("must not be empty")
    return cleaned


def _text(expected: str) -> WithJsonSchema:
    """What a field of this type expects, in the words of the profile's reference (the docs read it)."""
    return WithJsonSchema({"type": "string", "format": expected})


StateCode = Annotated[str, AfterValidator(_state_code), _text("a two-letter US state code, like \"NC\"")]
Phone = Annotated[str, AfterValidator(_phone), _text("a US phone number, like \"(704) 555-0123\"")]
Email = Annotated[str, AfterValidator(_email), _text("an e-mail address, like \"hello@example.com\"")]
Url = Annotated[str, AfterValidator(_url), _text("a web address starting with https://")]
Words = Annotated[str, AfterValidator(_nonblank), _text("text, not empty")]
BaseUrl = Annotated[str, AfterValidator(_base_url),
                    _text("a folder's web address, like https://www.example.com/handouts/")]
Artwork = Annotated[str, AfterValidator(_artwork), _text("a .png or .jpg file inside the sources folder")]
Language = Annotated[str, AfterValidator(_language),
                     _text(f"a language the handouts can be written in: {', '.join(languages())}")]

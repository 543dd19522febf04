"""The practice's stamp in words: the facts every output carries, phrased once for all of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.errors import ConfigError
from pipeline.language import SOURCE_LANGUAGE, join_words, phrases, translated_state
from pipeline.sources import Practice, tel_link


def display_url(url: str) -> str:
    """'https://www.example.com/contact/' -> 'www.example.com/contact' (how people write it)."""
    return re.sub(r"^https?://", "", url).rstrip("/")


def phone_link(phone: str) -> str:
    """'(704) 555-0123' -> 'tel:+17045550123', so a tap on a phone dials it (the profile accepts
    only numbers phonenumbers reads as US ones)."""
    link = tel_link(phone)
    if link is None:
        raise ConfigError(f"practice.phone: {phone!r} is not a US phone number like (704) 555-0123")
    return link


@dataclass(frozen=True)
class Stamp:
    """The practice's facts in one language (`language`), as every output of that language says them."""

    language: str
    name: str
    virtual_states: str  # "Arizona, Florida, … and Virginia"
    virtual_state_codes: tuple[str, ...]  # ("AZ", "FL", …), for the printed footer
    in_person: tuple[str, ...]  # ("Charlotte, North Carolina", …)
    phone: str
    email: str
    website: str
    website_display: str
    contact_page: str
    response_time: str
    crisis: str
    disclaimer: str

    @property
    def services_sentence(self) -> str:
        _ = phrases(self.language)
        sentence = _("Virtual sessions for clients in {states}.").format(states=self.virtual_states)
        if self.in_person:
            places = join_words(self.in_person, self.language)
            sentence += " " + _("In-person care in {places}.").format(places=places)
        return sentence

    @property
    def footer_lines(self) -> tuple[str, str]:
        """The stamp in two short lines for every page's footer, so a loose sheet still says whose it is."""
        _ = phrases(self.language)
        return (f"{self.name} · {self.phone} · {self.website_display}",
                _("Virtual sessions in {states}").format(states=", ".join(self.virtual_state_codes)))


def stamp(practice: Practice, language: str = SOURCE_LANGUAGE) -> Stamp:
    """The stamp for outputs in `language`; the profile must hold notices in that language."""
    contact = practice.practice
    notices = practice.notices_in(language)
    if notices is None:
        raise ConfigError(f"notices.{language}: missing; add a [notices.{language}] table with crisis "
                          "and disclaimer for the articles in that language")
    return Stamp(
        language=language,
        name=contact.name,
        virtual_states=join_words([translated_state(name, language) for name in practice.services.virtual_state_names],
                                  language),
        virtual_state_codes=practice.services.virtual_states,
        in_person=tuple(f"{location.city}, {translated_state(location.state_name, language)}"
                        for location in practice.services.in_person),
        phone=contact.phone,
        email=contact.email,
        website=contact.website,
        website_display=display_url(contact.website),
        contact_page=contact.contact_page,
        response_time=notices.response_time or contact.response_time,
        crisis=notices.crisis,
        disclaimer=notices.disclaimer,
    )


def stamp_text(practice: Practice, language: str = SOURCE_LANGUAGE) -> str:
    """The stamp as plain text lines, for tags and plain-text bodies."""
    s = stamp(practice, language)
    _ = phrases(language)
    return "\n".join([
        s.name,
        s.services_sentence,
        _("Phone: {phone}  E-mail: {email}  Web: {website}").format(
            phone=s.phone, email=s.email, website=s.website_display),
        s.response_time,
        s.crisis,
        s.disclaimer,
    ])

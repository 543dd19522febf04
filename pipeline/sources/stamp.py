"""The practice's stamp in words: the facts every output carries, phrased once for all of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.sources.practice import Practice


def join_words(items: tuple[str, ...] | list[str], conjunction: str = "and") -> str:
    """('A', 'B', 'C') -> 'A, B and C'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def display_url(url: str) -> str:
    """'https://www.example.com/contact/' -> 'www.example.com/contact' (how people write it)."""
    return re.sub(r"^https?://", "", url).rstrip("/")


def phone_link(phone: str) -> str:
    """'(704) 555-0123' -> 'tel:+17045550123', so a tap on a phone dials it.

    The profile only accepts US numbers: ten digits, or eleven starting with 1.
    """
    digits = re.sub(r"\D", "", phone)
    return f"tel:+1{digits[-10:]}"


@dataclass(frozen=True)
class Stamp:
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
        sentence = f"Virtual sessions for clients in {self.virtual_states}."
        if self.in_person:
            sentence += f" In-person care in {join_words(self.in_person)}."
        return sentence

    @property
    def footer_lines(self) -> tuple[str, str]:
        """The stamp in two short lines for every page's footer, so a loose sheet still says whose it is."""
        return (f"{self.name} · {self.phone} · {self.website_display}",
                f"Virtual sessions in {', '.join(self.virtual_state_codes)}")


def stamp(practice: Practice) -> Stamp:
    contact = practice.practice
    return Stamp(
        name=contact.name,
        virtual_states=join_words(practice.services.virtual_state_names),
        virtual_state_codes=practice.services.virtual_states,
        in_person=tuple(location.spoken for location in practice.services.in_person),
        phone=contact.phone,
        email=contact.email,
        website=contact.website,
        website_display=display_url(contact.website),
        contact_page=contact.contact_page,
        response_time=contact.response_time,
        crisis=practice.notices.crisis,
        disclaimer=practice.notices.disclaimer,
    )


def stamp_text(practice: Practice) -> str:
    """The stamp as plain text lines, for tags and plain-text bodies."""
    s = stamp(practice)
    return "\n".join([
        s.name,
        s.services_sentence,
        f"Phone: {s.phone}  E-mail: {s.email}  Web: {s.website_display}",
        s.response_time,
        s.crisis,
        s.disclaimer,
    ])

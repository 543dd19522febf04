"""The practice profile (`sources/practice.toml`): one typed schema with defaults; unknown keys are errors."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from pipeline.language import SOURCE_LANGUAGE
from pipeline.sources.editing import PlainLanguageSettings, ReviewSettings
from pipeline.sources.profile_fields import (
    Artwork,
    BaseUrl,
    Email,
    Language,
    Phone,
    StateCode,
    Url,
    Words,
    state_name,
)

PLACEHOLDER_PHONE = re.compile(r"555[-. ]?01\d\d\b")
PLACEHOLDER_DOMAIN = re.compile(r"(^|[@.])example\.(com|org|net)$", re.IGNORECASE)
PLACEHOLDER_NAME = "Your Practice Name"


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Location(_Schema):
    city: Words
    state: StateCode

    @property
    def state_name(self) -> str:
        """'North Carolina'."""
        return state_name(self.state)

    @property
    def spoken(self) -> str:
        """'Charlotte, North Carolina'."""
        return f"{self.city}, {self.state_name}"

    def __str__(self) -> str:
        return f"{self.city}, {self.state}"


class Contact(_Schema):
    name: Words
    website: Url
    phone: Phone
    email: Email
    contact_page: Url
    response_time: Words
    audio_base_url: Url | None = None  # where MP3s are published, for "scan to listen"
    language: Language = SOURCE_LANGUAGE  # of the texts in this profile, and of articles without `lang:`


class Services(_Schema):
    virtual_states: tuple[StateCode, ...] = Field(min_length=1, strict=False)
    in_person: tuple[Location, ...] = Field(default=(), strict=False)

    @property
    def virtual_state_names(self) -> tuple[str, ...]:
        return tuple(state_name(code) for code in self.virtual_states)


class LanguageNotices(_Schema):
    """`[notices.es]`: the notices in another language than the profile's."""

    crisis: Words
    disclaimer: Words
    response_time: Words | None = None  # else the profile's `practice.response_time`


class Notices(_Schema):
    """The notices in the profile's language, and `[notices.<language>]` tables for the others."""

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[Language, LanguageNotices]  # type: ignore[assignment]

    crisis: Words
    disclaimer: Words

    def in_language(self, language: str, profile_language: str) -> LanguageNotices | None:
        """The notices for outputs in `language`; None when the profile has none in it."""
        if language == profile_language:
            return LanguageNotices(crisis=self.crisis, disclaimer=self.disclaimer)
        return (self.__pydantic_extra__ or {}).get(language)


class HandoutSettings(_Schema):
    paper: Literal["letter", "a4"] = "letter"


class SpeechSettings(_Schema):
    engine: Words = "piper"
    voice: Words = "en_US-joe-medium"
    speaking_rate: float = Field(default=1.0, ge=0.5, le=2.0)  # 0.8 = slower
    sentence_pause_ms: int = Field(default=350, ge=0, le=5000)
    paragraph_pause_ms: int = Field(default=750, ge=0, le=5000)
    heading_pause_ms: int = Field(default=1100, ge=0, le=5000)
    bitrate_kbps: Literal[32, 48, 56, 64, 80, 96, 128] = 64
    # language -> a bundled voice's name, or a Piper .onnx file inside the sources folder
    voices: dict[Language, Words] = Field(default_factory=dict, strict=False)


class EmailSettings(_Schema):
    budget_mb: float = Field(default=10.0, gt=0, le=100)
    attach_large_print: bool = False
    attach_epub: bool = False  # also attach the read-along e-book (it holds the recording too)
    attach: Literal["files", "links"] = "files"  # "links": the page, PDF and audio under publish.base_url
    # False: the subject names the practice only ("Your handouts from …"), never the topic, which
    # shows on lock screens and shared inboxes; True names the handout's title in it too.
    subject_names_topic: bool = False


def _clinician_key(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", value):
        raise ValueError(f"{value!r} is not a key like \"ana-nunez\" (lower-case letters, digits and dashes)")
    return value


class Clinician(_Schema):
    """`[[clinicians]]`: someone a draft or packet can be sent from, in their name."""

    key: Annotated[str, AfterValidator(_clinician_key)]  # `--from KEY`, `from = "KEY"`
    name: Words
    credentials: Words | None = None  # "LCSW", shown after the name
    email: Email
    reply_to: Email | None = None  # else replies go to the practice's address

    @property
    def signed(self) -> str:
        """'Ana Núñez, LCSW'."""
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class PublishSettings(_Schema):
    """Where `build/` is uploaded, and what the podcast feed says about the show."""

    base_url: BaseUrl | None = None  # e.g. "https://www.example.com/handouts/"
    title: Words | None = None  # the show's name; default "<practice name>: audio handouts"
    description: Words | None = None
    artwork: Artwork | None = None  # square PNG/JPEG, 1400 to 3000 px, inside sources/
    locked: bool = True  # podcast:locked: other podcast hosts may not import the feed


class Limits(_Schema):
    """Ceilings checked before anything is built: an article past one is refused, the rest build."""

    max_listening_minutes: int = Field(default=60, ge=1, le=600)
    max_handout_pages: int = Field(default=40, ge=1, le=1000)  # of the regular handout


class ListeningSettings(_Schema):
    """`check --listen`: a sentence with more of its words not heard back than this is listed."""

    max_word_error: float = Field(default=0.15, ge=0, le=1)


class Practice(_Schema):
    """Everything the stamp on every output says about the practice."""

    practice: Contact
    services: Services
    notices: Notices
    handout: HandoutSettings = HandoutSettings()
    speech: SpeechSettings = SpeechSettings()
    email: EmailSettings = EmailSettings()
    publish: PublishSettings = PublishSettings()
    limits: Limits = Limits()
    plain_language: PlainLanguageSettings = PlainLanguageSettings()
    review: ReviewSettings = ReviewSettings()
    listening: ListeningSettings = ListeningSettings()
    pronunciations: dict[str, str] = {}
    clinicians: tuple[Clinician, ...] = Field(default=(), strict=False)

    @field_validator("clinicians")
    @classmethod
    def _one_key_each(cls, clinicians: tuple[Clinician, ...]) -> tuple[Clinician, ...]:
        keys = [clinician.key for clinician in clinicians]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        if twice:
            raise ValueError(f"key {twice[0]!r} is given to more than one clinician; each needs its own")
        return clinicians

    def clinician(self, key: str) -> Clinician | None:
        return next((clinician for clinician in self.clinicians if clinician.key == key), None)

    def notices_in(self, language: str) -> LanguageNotices | None:
        """The crisis notice and disclaimer for outputs in `language`, if the profile has them."""
        return self.notices.in_language(language, self.practice.language)

    def placeholders(self) -> list[str]:
        """Contact details still holding the template's example values."""
        found = []
        contact = self.practice
        if contact.name == PLACEHOLDER_NAME:
            found.append(f"practice.name: {contact.name!r} is a placeholder; put the practice's name")
        if PLACEHOLDER_PHONE.search(contact.phone):
            found.append(f"practice.phone: {contact.phone!r} is a placeholder (555-01xx); put the real number")
        if PLACEHOLDER_DOMAIN.search(contact.email.rsplit("@", 1)[-1]):
            found.append(f"practice.email: {contact.email!r} is a placeholder (example.com); put the real address")
        urls = {f"practice.{key}": getattr(contact, key) for key in ("website", "contact_page", "audio_base_url")}
        urls["publish.base_url"] = self.publish.base_url
        for key, url in urls.items():
            host = re.sub(r"^https?://([^/:]+).*$", r"\1", url or "")
            if url and PLACEHOLDER_DOMAIN.search(host):
                found.append(f"{key}: {url!r} is a placeholder (example.com); put the real address")
        return found

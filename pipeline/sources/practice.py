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
CRISIS_NUMBER = re.compile(r"(?<!\d)(988|911)(?!\d)")  # the Lifeline, or emergency services


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True)


class Location(_Schema):
    """An office where clients are seen in person."""

    city: Words
    """The city, as the handout names it."""
    state: StateCode
    """Its state."""

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
    """How to reach the practice: printed in every handout's footer and contact block, and read in the audio."""

    name: Words
    """The practice's name, at the top of every handout and in every footer."""
    website: Url
    """The practice's website."""
    phone: Phone
    """The phone number clients call; pages link it as a tap to dial."""
    email: Email
    """The address clients write to; also the podcast feed's owner address."""
    contact_page: Url
    """The page for new clients; the handout's QR code leads here when an article has no `canonical_url`."""
    response_time: Words
    """How quickly the practice replies, in a sentence."""
    audio_base_url: Url | None = None
    """Where the MP3s are published; adds a "scan to listen" QR code to each handout."""
    language: Language = SOURCE_LANGUAGE
    """The language of this profile's texts, and of articles without `lang:`."""


class Services(_Schema):
    """Where the practice offers care."""

    virtual_states: tuple[StateCode, ...] = Field(min_length=1, strict=False)
    """The states where it offers virtual sessions, as two-letter codes."""
    in_person: tuple[Location, ...] = Field(default=(), strict=False)
    """Its in-person offices, each `{ city = "…", state = "NC" }`."""

    @property
    def virtual_state_names(self) -> tuple[str, ...]:
        return tuple(state_name(code) for code in self.virtual_states)


class LanguageNotices(_Schema):
    """`[notices.es]`: the notices in another language than the profile's."""

    crisis: Words
    """The crisis notice in that language."""
    disclaimer: Words
    """The disclaimer in that language."""
    response_time: Words | None = None
    """How quickly the practice replies, in that language; else `practice.response_time`."""


class Notices(_Schema):
    """The notices in the profile's language, and `[notices.<language>]` tables for the others."""

    model_config = ConfigDict(extra="allow", use_attribute_docstrings=True)
    __pydantic_extra__: dict[Language, LanguageNotices]  # type: ignore[assignment]

    crisis: Words
    """The crisis notice on every output: the 988 Suicide & Crisis Lifeline."""
    disclaimer: Words
    """The "not a substitute for therapy; not monitored for emergencies" disclaimer."""

    def in_language(self, language: str, profile_language: str) -> LanguageNotices | None:
        """The notices for outputs in `language`; None when the profile has none in it."""
        if language == profile_language:
            return LanguageNotices(crisis=self.crisis, disclaimer=self.disclaimer)
        return (self.__pydantic_extra__ or {}).get(language)


class HandoutSettings(_Schema):
    """The printed handouts."""

    paper: Literal["letter", "a4"] = "letter"
    """The regular handout's paper size, US Letter or A4."""


class SpeechSettings(_Schema):
    """The narration: which voice reads, how fast, with what pauses, at what quality."""

    engine: Words = "piper"
    """`piper` (offline) or `gtts` (sends every sentence to Google)."""
    voice: Words = "en_US-joe-medium"
    """The Piper voice for the profile's language (the bundled English voice by default)."""
    speaking_rate: float = Field(default=1.0, ge=0.5, le=2.0)
    """Below 1 is slower (0.85 for listeners who need it), above 1 faster."""
    sentence_pause_ms: int = Field(default=350, ge=0, le=5000)
    """The pause after each sentence, in milliseconds."""
    paragraph_pause_ms: int = Field(default=750, ge=0, le=5000)
    """The pause after each paragraph."""
    heading_pause_ms: int = Field(default=1100, ge=0, le=5000)
    """The pause around each heading."""
    bitrate_kbps: Literal[32, 48, 56, 64, 80, 96, 128] = 64
    """The MP3's bitrate; 64 kbps is about half a megabyte a minute."""
    voices: dict[Language, Words] = Field(default_factory=dict, strict=False)
    """A Piper voice per other language, `es = "voices/es_MX-….onnx"`: a file inside the sources folder."""


class EmailSettings(_Schema):
    """The e-mail drafts."""

    budget_mb: float = Field(default=10.0, gt=0, le=100)
    """The largest a draft should be, as sent; a bigger one is a warning (a failure with `--strict`)."""
    attach_large_print: bool = False
    """Also attach the large-print handout."""
    attach_epub: bool = False
    """Also attach the read-along e-book (it holds the recording too)."""
    attach: Literal["files", "links"] = "files"
    """`files` attaches them; `links` links the page, handout and audio under `publish.base_url` instead."""
    subject_names_topic: bool = False
    """`false`: the subject names the practice only ("Your handouts from …"), never the topic, which lock
    screens and shared inboxes show; `true` puts the handout's title in it too."""


def _clinician_key(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", value):
        raise ValueError(f"{value!r} is not a key like \"ana-nunez\" (lower-case letters, digits and dashes)")
    return value


class Clinician(_Schema):
    """`[[clinicians]]`: someone a draft or packet can be sent from, in their name."""

    key: Annotated[str, AfterValidator(_clinician_key)]
    """What `packet --from KEY` and a packet file's `from = "KEY"` name them by: lower-case letters, digits, dashes."""
    name: Words
    """Their name, on the draft's From and in its signature."""
    credentials: Words | None = None
    """Shown after the name: "LCSW"."""
    email: Email
    """Their address, on the draft's From."""
    reply_to: Email | None = None
    """Where replies go; by default the practice's address, so someone reads them while they are away."""

    @property
    def signed(self) -> str:
        """'Ana Núñez, LCSW'."""
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class PublishSettings(_Schema):
    """Where `build/` is uploaded, and what the podcast feed says about the show."""

    base_url: BaseUrl | None = None
    """Where `build/` is uploaded; setting it writes the podcast feed and links each article's page."""
    title: Words | None = None
    """The podcast's name; by default "<practice name>: audio handouts"."""
    description: Words | None = None
    """The podcast's description; by default who it is from and the states served."""
    artwork: Artwork | None = None
    """The podcast's artwork: a square PNG or JPEG of 1400 to 3000 px; drawn from the name if not given."""
    locked: bool = True
    """`podcast:locked`: other podcast hosts may not import the feed without the owner's e-mail."""


class Limits(_Schema):
    """Ceilings checked before anything is built: an article past one is refused, the rest build."""

    max_listening_minutes: int = Field(default=60, ge=1, le=600)
    """An article whose narration would run longer is refused (the others build)."""
    max_handout_pages: int = Field(default=40, ge=1, le=1000)
    """An article whose regular handout would run longer is refused (large print runs about twice as long)."""


class ListeningSettings(_Schema):
    """`check --listen`: a sentence with more of its words not heard back than this is listed."""

    max_word_error: float = Field(default=0.15, ge=0, le=1)
    """The share of a sentence's words not heard back past which `check --listen` lists it."""


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
    """`word = "how to say it"` (a respelling or `[[ phonemes ]]`) over the shipped lexicon, and
    `lexicon_file = "clinic.pls"`, a W3C pronunciation lexicon inside the sources folder."""
    clinicians: tuple[Clinician, ...] = Field(default=(), strict=False)
    """The clinicians a draft or packet can be sent from (`[[clinicians]]` tables)."""

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

    def crisis_notices_without_a_number(self) -> list[str]:
        """Each language's crisis notice that names no crisis number: a client in crisis reads it and
        is told nowhere to turn. The profile may reword the notice, not leave the number out."""
        notices = {"notices.crisis": self.notices.crisis}
        notices.update({f"notices.{language}.crisis": extra.crisis
                        for language, extra in (self.notices.__pydantic_extra__ or {}).items()})
        return [f"{key}: names no crisis number; expected 988 (the Suicide & Crisis Lifeline) or 911"
                for key, crisis in notices.items() if not CRISIS_NUMBER.search(crisis)]

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

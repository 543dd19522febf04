"""The practice profile (`sources/practice.toml`): one typed schema, errors naming file and key."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal

import us
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
)

from pipeline.errors import ConfigError
from pipeline.sources.language import SOURCE_LANGUAGE, languages

PLACEHOLDER_PHONE = re.compile(r"555[-. ]?01\d\d\b")
PLACEHOLDER_DOMAIN = re.compile(r"(^|[@.])example\.(com|org|net)$", re.IGNORECASE)
PLACEHOLDER_NAME = "Your Practice Name"


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
    digits = re.sub(r"\D", "", value)
    if digits.startswith("1") and len(digits) == 11:
        digits = digits[1:]
    if not re.fullmatch(r"[\d ()+.\-]+", value) or len(digits) != 10:
        raise ValueError(f"{value!r} is not a US phone number like (704) 555-0123")
    return value


def _email(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", value):
        raise ValueError(f"{value!r} is not an e-mail address like hello@example.com")
    return value


def _url(value: str) -> str:
    if not re.fullmatch(r"https?://[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+(:\d+)?(/[^\s]*)?", value):
        raise ValueError(f"{value!r} is not a web address starting with https://")
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
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


StateCode = Annotated[str, AfterValidator(_state_code)]
Phone = Annotated[str, AfterValidator(_phone)]
Email = Annotated[str, AfterValidator(_email)]
Url = Annotated[str, AfterValidator(_url)]
Words = Annotated[str, AfterValidator(_nonblank)]
BaseUrl = Annotated[str, AfterValidator(_base_url)]
Artwork = Annotated[str, AfterValidator(_artwork)]
Language = Annotated[str, AfterValidator(_language)]


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
    attach: Literal["files", "links"] = "files"  # "links": the page, PDF and audio under publish.base_url


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
    listening: ListeningSettings = ListeningSettings()
    pronunciations: dict[str, str] = {}

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


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not part.startswith(("function-", "constrained-")) and part != "[key]":
            out += ("." if out else "") + part
    return out


_MESSAGES = {
    "missing": "required key is missing",
    "extra_forbidden": "unknown key",
    "string_type": "expected text in quotes",
    "tuple_type": "expected a list",
    "dict_type": "expected a table",
    "model_type": "expected a table",
    "int_type": "expected a whole number",
    "float_type": "expected a number",
    "bool_type": "expected true or false",
}


def _message(error: dict) -> str:
    kind = error["type"]
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "literal_error":
        return f"{error['input']!r} is not one of {error['ctx']['expected']}"
    if kind in _MESSAGES:
        suffix = "" if kind == "missing" else f", got {error['input']!r}"
        return _MESSAGES[kind] + ("" if kind == "extra_forbidden" else suffix)
    return error["msg"]


def parse_practice(text: str, source: str) -> Practice:
    """Validate the profile's TOML text; every problem is listed before raising."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from None
    try:
        practice = Practice.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = _location(error["loc"])
            problems.append(f"{source}: {where}: {_message(error)}")
        raise ConfigError(*problems) from None
    if practice.email.attach == "links" and not practice.publish.base_url:
        raise ConfigError(f"{source}: email.attach: 'links' needs publish.base_url, the address where "
                          "build/ is published; set it, or attach = \"files\"")
    return practice


def load_practice(path: Path) -> Practice:
    """Read and validate `practice.toml`."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: practice profile not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the practice profile: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    practice = parse_practice(text, str(path))
    if practice.publish.artwork:
        from pipeline.sources.publishing import artwork_file

        artwork_file(path, practice.publish.artwork)  # checked now, before anything is built
    return practice

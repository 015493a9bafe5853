"""What every facts model shares: the base class that refuses unknown keys and unsound
texts, and the kinds of values the file holds (languages, document keys, names, moments
within the years an incident can be in). Split from :mod:`app.facts.models` so that the
record's models (:mod:`app.facts.record_models`) build on it too."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from app.errors import N_, MessageError
from app.facts.text_rules import check_text, plausible_date, short_name
from app.facts.vocabulary import (
    LANGUAGES as LANGUAGES,
    DocumentKey as DocumentKey,
    Language as Language,
)


def _known_time_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise MessageError(
            N_("'{name}' is not a known IANA time zone; use a name such as 'Europe/London'"),
            name=name,
        ) from error
    return name


TimeZoneName = Annotated[str, AfterValidator(_known_time_zone)]
NonEmptyText = Annotated[str, Field(min_length=1)]


Name = Annotated[NonEmptyText, AfterValidator(short_name)]
# Every date and time of the file, within the years an incident can be in.
Moment = Annotated[AwareDatetime, AfterValidator(plausible_date)]
Day = Annotated[date, AfterValidator(plausible_date)]


def _sound_text(value: Any) -> Any:
    """Refuse texts Word cannot hold, that hide or reorder what a reader sees, or that no
    statement needs (huge): see :mod:`app.facts.text_rules`."""
    if isinstance(value, str):
        check_text(value)
    elif isinstance(value, list):
        for item in value:
            _sound_text(item)
    return value


class Facts(BaseModel):
    """Base of every facts model: unknown keys are refused (they are usually typos), and
    every text is checked for control characters and absurd lengths."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    _long_texts: ClassVar[frozenset[str]] = frozenset()  # fields exempt from the length cap

    @field_validator("*", mode="before")
    @classmethod
    def _texts_are_sound(cls, value: Any, info: ValidationInfo) -> Any:
        if info.field_name in cls._long_texts:
            return value
        return _sound_text(value)

"""Entries of speakers.yml and topics.yml, validated like front matter (extra fields refused)."""

from __future__ import annotations

from pydantic import Field, field_validator

from cercle.core.models import Id, LocalizedText, Strict, Text, check_url


class Link(Strict):
    label: Text
    url: str

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return check_url(value, allow_path=False)


class Speaker(Strict):
    """An entry of speakers.yml."""

    name: Text
    role: LocalizedText | None = Field(None, description="Role, per language: {fr: …, en: …}.")
    bio: LocalizedText | None = Field(None, description="Short biography, per language.")
    organization: Text | None = None
    photo: str | None = Field(None, description="Path of a photo in content/.")
    links: list[Link] = Field(default_factory=list)


class Topic(Strict):
    """An entry of topics.yml."""

    label: LocalizedText = Field(description="Name of the topic, per language.")
    description: LocalizedText | None = None
    slug: dict[str, Id] | None = Field(
        None,
        description="Its page's address per language, e.g. {en: volunteering}; default: the label's.",
    )

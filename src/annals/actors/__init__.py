"""Actors: the gazetteer and the resolution of mentions to states, people and organisations."""

from __future__ import annotations

from datetime import date

from annals.actors.gazetteer import Entity, Gazetteer, GazetteerError, gazetteer, load
from annals.actors.matcher import find_matches, find_mentions, parse_day, resolver
from annals.records import Mention


def resolve(text: str, day: date | str | None = None) -> Mention | None:
    """The actor a short phrase names ("Armenian Prime Minister", "Kyiv police", "中方"), or None.

    The phrase's head is its first mention that is more than a bare state ("Canadian Ambassador
    to the United Nations" is Canada's), else its first mention; a phrase that is only a state
    adjective ("British") names the state.
    """
    when = parse_day(day) if isinstance(day, str) else day
    mentions = resolver().mentions(text, 0, when)
    specific = [m for m in mentions if m.kind not in ("state", "seat")]
    if specific or mentions:
        return (specific or mentions)[0]
    for match in find_matches(text):
        entity = gazetteer().entities.get(match.alias.target)
        if entity is not None and entity.kind == "state":
            return Mention(
                match.start,
                match.end,
                text[match.start : match.end],
                0,
                entity.id,
                entity.name,
                entity.code,
                None,
                "state",
                "alias",
            )
    return None


__all__ = [
    "Entity",
    "Gazetteer",
    "GazetteerError",
    "find_mentions",
    "gazetteer",
    "load",
    "resolve",
]

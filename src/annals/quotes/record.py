"""The quote record (kept here until it moves to :mod:`annals.records`)."""

from __future__ import annotations

from dataclasses import dataclass

from annals.records import Mention


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker: a direct quotation or reported speech."""

    start: int
    end: int
    """Span of the quoted words, without the quote marks (reported: the reported clause)."""
    text: str
    """``document.text[start:end]``."""
    sentence: int
    """Index of the sentence the quote starts in."""
    speaker: Mention | None
    """The actor mention the quote is attributed to; None for an unknown name, a pronoun
    resolved to one, the author ("I wrote") or a document ("the joint statement")."""
    speaker_name: str
    """The speaker's name ("Vladimir Putin", "Hal Brands", "joint statement"); "" if unknown."""
    speaker_id: str | None
    """Gazetteer id of the speaker, None when not in the gazetteer."""
    speaker_code: str | None
    """Country or organisation code of the speaker (RUS, NATO, ...)."""
    direct: bool
    """True for words inside quotation marks, False for reported speech."""
    cue: str
    """The attribution: a speech verb ("said", "表示", "заявил"), "according to", or ":"; for a
    quote with no attribution of its own, the cue of the quote it continues."""
    cue_start: int
    cue_end: int
    lang: str

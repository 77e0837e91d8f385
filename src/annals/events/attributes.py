"""A faster matcher for the English pipeline's attribute ruler.

en_core_web_sm maps tags to parts of speech and morphology with an ``attribute_ruler`` whose
spaCy ``Matcher`` takes about a third of the pipeline's time on news sentences. Its 179
patterns are one- or two-token tests of ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``; filed
under the tag or word they need, they are checked in a few dictionary lookups per token.
:func:`speed_up` replaces the ruler's ``match`` with this one and keeps its
``set_annotations``, so every token gets the same attributes as before, with the same
precedence (later patterns win).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
"""The token attributes a pattern may test, in the order of the per-document columns."""
Test = tuple[int, Callable[[Any], bool]]
"""A column of :data:`KEYS` and a test of its value."""


class UnsupportedPatternError(ValueError):
    """A pattern this matcher cannot test; the ruler then keeps spaCy's own matcher."""


def _test(key: str, value: Any) -> Test:
    """The test of one ``key: value`` of a token pattern."""
    if key not in KEYS:
        raise UnsupportedPatternError(key)
    column = KEYS.index(key)
    if not isinstance(value, dict):
        return column, value.__eq__
    if set(value) == {"IN"}:
        return column, frozenset(value["IN"]).__contains__
    if set(value) == {"NOT_IN"}:
        barred = frozenset(value["NOT_IN"])
        return column, lambda v: v not in barred
    if set(value) == {"REGEX"}:
        regex = re.compile(value["REGEX"])
        return column, lambda v: regex.search(v) is not None
    raise UnsupportedPatternError(str(value))


def _filed_under(spec: dict) -> tuple[str, Sequence[str]] | None:
    """The exact words or tags a token pattern needs, to file it under them (words first: they
    are the more selective)."""
    for key in ("LOWER", "TAG"):
        value = spec.get(key)
        if isinstance(value, str):
            return key, [value]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return key, list(value["IN"])
    return None


Entry = tuple[int, int, list[tuple[int, int, Callable[[Any], bool]]]]
"""A pattern's number, its length in tokens and its tests as (token offset, column, test)."""


class FastMatch:
    """The ``match`` of an :class:`AttributeRuler`, over its own patterns: a sorted list of
    (pattern number, match id, start, end)."""

    def __init__(self, ruler: AttributeRuler):
        self.by_tag: dict[str, list[Entry]] = {}
        self.by_lower: dict[str, list[Entry]] = {}
        self.anywhere: list[Entry] = []
        patterns = ruler.patterns
        self.keys = [ruler.vocab.strings.add(str(i)) for i in range(len(patterns))]
        for number, pattern in enumerate(patterns):
            for alternative in pattern["patterns"]:
                tests = [
                    (offset, *_test(key, value))
                    for offset, spec in enumerate(alternative)
                    for key, value in spec.items()
                ]
                entry = (number, len(alternative), tests)
                filed = _filed_under(alternative[0])
                if filed is None:
                    self.anywhere.append(entry)
                    continue
                table = self.by_tag if filed[0] == "TAG" else self.by_lower
                for word in filed[1]:
                    table.setdefault(word, []).append(entry)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        columns = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        size = len(columns)
        found = set()
        for start, (tag, lower, _dep, _space) in enumerate(columns):
            for entries in (self.by_tag.get(tag, ()), self.by_lower.get(lower, ()), self.anywhere):
                for number, length, tests in entries:
                    if start + length > size:
                        continue
                    for offset, column, check in tests:
                        if not check(columns[start + offset][column]):
                            break
                    else:
                        found.add((number, self.keys[number], start, start + length))
        return sorted(found)


def speed_up(ruler: AttributeRuler) -> bool:
    """Give ``ruler`` the fast matcher; False (and spaCy's matcher kept) if a pattern needs a
    test this module does not know."""
    try:
        ruler.match = FastMatch(ruler)  # type: ignore[method-assign]
    except UnsupportedPatternError:
        return False
    return True

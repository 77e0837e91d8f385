"""Find actor mentions in sentences: one Aho-Corasick automaton over every alias.

Matching runs on a view of the text that has the same length as the original (Chinese in
simplified characters, everything lower case, ё as е), so every span maps straight back.
Word boundaries are enforced for Latin and Cyrillic aliases ("China Daily" is a newspaper,
"Russian roulette" is nobody: an adjective alone is no actor); acronyms must match in their case
and proper names must start with a capital. Longer matches win over the shorter ones inside them.

Matches are then composed: a role word next to a state ("Russian President", "President of
Russia", "俄罗斯总统", "президент России") resolves to whoever held that office on the sentence's
date; a title before a name ("Foreign Minister Wang Yi") gives the person; an agent noun next to a
state ("Russian troops", "Kyiv police", "俄军") gives a sub-state actor with its sector.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import ahocorasick

from annals.actors.gazetteer import DATA, Alias, Entity, Gazetteer, gazetteer, russian_forms
from annals.records import Mention, Sentence
from annals.text.normalise import normalise

LETTER = re.compile(r"[A-Za-zÀ-ɏА-Яа-яЁё0-9]")
NOT_WORD = re.compile(r"[^0-9A-Za-zÀ-ɏЀ-ӿ]")
CJK = re.compile(r"[\u3400-\u9fff]")
SIDE_WORDS = {"side", "сторона", "стороны", "стороне", "стороной", "сторону"}
HYPHEN = re.compile(r"^\s*[-–]\s*$")
CONJOINED = re.compile(r"^(?:\s*,\s*|\s+(?:and|or)\s+|\s*-\s*|\s*和\s*|\s*и\s*)$")
OF = re.compile(r"^\s+of\s+(?:the\s+)?$", re.IGNORECASE)
IN_OR_OF = re.compile(r"^\s+(?:of|in|from)\s+(?:the\s+)?$", re.IGNORECASE)
MODIFIERS = (
    r"(?:(?:current|former|then|new|acting|outgoing|incoming|interim|deputy|vice|first|senior|top"
    r"|ex-|interior|home|finance|economy|economic|trade|justice|energy|health|education|agriculture"
    r"|environment|culture|labou?r|transport|security|industry|commerce|communications"
    r"|state|province|provincial|region|regional|city|municipal|county|district|oblast)\s*)*"
)
POSSESSIVE_GAP = re.compile(r"^(?:['’]s)?\s+(?:the\s+)?" + MODIFIERS + r"$|^$|^\s*-\s*$", re.I)
NOT_THE_HOLDER = re.compile(r"\b(?:former|ex-|deputy|vice|acting|then)\b|\bex-", re.IGNORECASE)
FORMER = re.compile(r"\b(?:former|ex-)", re.IGNORECASE)
STATE_FORMS = {"name", "adjective", "seat", "abbrev", "place"}
UNKNOWN_NAME = re.compile(r"\s+((?:[A-Z][a-zà-ÿ'’.-]+(?:\s+|$)){1,4})".rstrip())
DAY_AFTER = re.compile(r"\s+\d{1,2}\b")
SURNAME_YEARS = 4
PEOPLE_CACHE = 50_000
"""How many (alias, day) → person answers a resolver keeps before starting afresh."""
"""A surname alone resolves to a person in office within this many years of the sentence."""


def match_view(text: str) -> str:
    """Simplified Chinese, lower case, ё as е; same length as ``text``."""
    view = normalise(text)
    lowered = view.lower()
    if len(lowered) != len(view):  # a few characters (e.g. İ) grow when lowered
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in view)
    return lowered.replace("ё", "е")


@dataclass(frozen=True)
class Match:
    """One alias found in the text."""

    start: int
    end: int
    alias: Alias


def _keys(alias: Alias) -> Iterable[str]:
    if alias.lang == "ru":
        forms = set(russian_forms(alias.text))
    else:
        forms = {alias.text, alias.text.replace("’", "'"), alias.text.replace("'", "’")}
    for form in forms:
        key = match_view(form)
        if key.strip():
            yield key


@cache
def automaton() -> Automata:
    """The automata over every alias of the package's gazetteer (built once per process)."""
    return build_automaton(gazetteer())


def alias_table(gaz: Gazetteer) -> dict[str, list[Alias]]:
    """Matching key -> the aliases it stands for (Russian case forms included).

    Generating Russian case forms takes seconds, so the table of the package's own gazetteer is
    cached on disk (``$ANNALS_CACHE`` or ``~/.cache/annals``), keyed by a hash of the data files
    and of this module."""
    cache_file = None
    if gaz is gazetteer():
        digest = hashlib.sha256(Path(__file__).read_bytes())
        for path in sorted(DATA.rglob("*.yaml")):
            digest.update(path.read_bytes())
        folder = Path(os.environ.get("ANNALS_CACHE", Path.home() / ".cache" / "annals"))
        cache_file = folder / f"aliases-{digest.hexdigest()[:16]}.pickle"
        if cache_file.exists():
            try:
                return pickle.loads(cache_file.read_bytes())
            except (pickle.UnpicklingError, EOFError, AttributeError):
                pass
    table: dict[str, list[Alias]] = {}
    for alias in gaz.aliases:
        for key in _keys(alias):
            table.setdefault(key, []).append(alias)
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            temporary = cache_file.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(cache_file)
        except OSError:
            pass
    return table


@dataclass(frozen=True)
class Automata:
    """Two automata over the aliases: words in Latin or Cyrillic script, matched on a view whose
    every other character is a space (so a key, padded with spaces, only matches whole words),
    and keys with Chinese characters, matched on the plain view."""

    words: ahocorasick.Automaton
    cjk: ahocorasick.Automaton


def _value(key: str, aliases: list[Alias]) -> tuple:
    """(key length, best alias whatever the case, best alias when capitalised, acronyms with
    the letters they must match); the best alias of a form is settled here, not per match."""
    rules = [(alias, _case_rule(alias)) for alias in aliases]
    any_case = [a for a, rule in rules if rule == "any"]
    capital = [a for a, rule in rules if rule in ("any", "capital")]
    exact = tuple((a, _alnum(a.text)) for a, rule in rules if rule == "exact")
    return (
        len(key),
        _best_alias(any_case) if any_case else None,
        _best_alias(capital) if capital else None,
        exact,
    )


def _alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _fitting(surface: str, value: tuple) -> Alias | None:
    """The best alias of a matched key that fits how ``surface`` is written, if any."""
    _, any_case, capital, exact = value
    best = capital if surface[:1].isupper() else any_case
    if exact:
        letters = _alnum(surface)
        fits = [a for a, needed in exact if needed == letters]
        if fits:
            best = _best_alias([*fits, best] if best else fits)
    return best


def build_automaton(gaz: Gazetteer) -> Automata:
    """The automata whose values are each key's length and its aliases by case rule."""
    words, cjk = ahocorasick.Automaton(), ahocorasick.Automaton()
    padded: dict[str, list[Alias]] = {}
    for key, aliases in alias_table(gaz).items():
        if CJK.search(key):
            cjk.add_word(key, _value(key, aliases))
        else:
            padded.setdefault(f" {word_view(key).strip()} ", []).extend(aliases)
    for key, aliases in padded.items():
        if key.strip():
            words.add_word(key, _value(key, aliases))
    for machine in (words, cjk):
        machine.make_automaton()
    return Automata(words, cjk)


def word_view(text: str) -> str:
    """``text`` with every character that is not a Latin or Cyrillic letter or a digit turned
    into a space (same length)."""
    return NOT_WORD.sub(" ", text)


def _case_rule(alias: Alias) -> str:
    """``exact`` for acronyms (US, UN), ``capital`` for proper names, else ``any``."""
    if CJK.match(alias.text[:1]):
        return "any"
    letters = [c for c in alias.text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "exact"
    return "capital" if alias.text[:1].isupper() else "any"


def find_matches(text: str, machines: Automata | None = None) -> list[Match]:
    """Every alias in ``text`` that fits its boundaries, longest first, without overlaps."""
    machines = machines or automaton()
    view = match_view(text)
    found = []
    # whole words: the padded view has a space at both ends, so index i of it is i - 1 of text
    for last, value in machines.words.iter(f" {word_view(view)} "):
        start, end = last - value[0] + 1, last - 1  # the key without its padding spaces
        alias = _fitting(text[start:end], value)
        if alias is not None:
            found.append(Match(start, end, alias))
    if CJK.search(view):
        for last, value in machines.cjk.iter(view):
            start, end = last - value[0] + 1, last + 1
            alias = _fitting(text[start:end], value)
            if alias is not None:
                found.append(Match(start, end, alias))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[Match] = []
    occupied = bytearray(len(text))
    for match in found:
        if occupied.find(1, match.start, match.end) < 0:
            taken.append(match)
            occupied[match.start : match.end] = b"\x01" * (match.end - match.start)
    return sorted(taken, key=lambda m: m.start)


FORM_RANK = {
    "name": 0,
    "surname": 1,
    "seat": 2,
    "side": 3,
    "role": 4,
    "agent": 5,
    "adjective": 6,
    "demonym": 7,
    "place": 8,
    "abbrev": 9,
}


def _best_alias(aliases: Sequence[Alias]) -> Alias:
    return min(aliases, key=lambda a: FORM_RANK.get(a.form, 9))


def parse_day(value: str | None) -> date | None:
    """A day from an ISO date at any precision (a month or year stands for its middle)."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 7, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15)
        return date.fromisoformat(value)
    except ValueError:
        return None


class Resolver:
    """Turns alias matches in one sentence into actor mentions."""

    def __init__(self, gaz: Gazetteer | None = None) -> None:
        self.gaz = gaz or gazetteer()
        self.people_by_alias: dict[str, list[str]] = {}
        self._people_on: dict[tuple[Alias, date | None], Entity | None] = {}
        for alias in self.gaz.aliases:
            entity = self.gaz.entities.get(alias.target)
            if entity is not None and entity.kind == "person":
                self.people_by_alias.setdefault(match_view(alias.text), []).append(alias.target)

    # people ----------------------------------------------------------------------------------

    def person_for(self, alias: Alias, day: date | None) -> Entity | None:
        """The person an alias names on ``day``; among namesakes, the one in office then."""
        key = (alias, day)
        if key not in self._people_on:
            if len(self._people_on) >= PEOPLE_CACHE:
                self._people_on.clear()
            self._people_on[key] = self._person_for(alias, day)
        return self._people_on[key]

    def _person_for(self, alias: Alias, day: date | None) -> Entity | None:
        targets = self.people_by_alias.get(match_view(alias.text), [alias.target])
        candidates = [self.gaz.entities[t] for t in dict.fromkeys(targets)]
        if not candidates:
            return None
        if day is None:
            return candidates[0]

        def distance(person: Entity) -> int:
            gaps = []
            for r in person.roles:
                if r.held_on(day):
                    return 0
                start, end = r.start or date.min, r.end or date.max
                gaps.append((start - day).days if day < start else (day - end).days)
            return min(gaps)

        best = min(candidates, key=distance)
        if alias.form == "surname" and distance(best) > SURNAME_YEARS * 365:
            return None
        return best

    # composition -----------------------------------------------------------------------------

    def mentions(
        self, text: str, sentence: int, day: date | None, matches: list[Match] | None = None
    ) -> list[Mention]:
        """Mentions in one sentence: ``matches`` are its alias matches in ``text`` (by default
        all of ``text`` is the sentence)."""
        if matches is None:
            matches = find_matches(text)
        out: list[Mention] = []

        def gap(a: Match, b: Match) -> str:
            return text[a.end : b.start]

        def state_of(match: Match) -> Entity | None:
            entity = self.gaz.entities.get(match.alias.target)
            return entity if entity and entity.kind == "state" else None

        def add(start: int, end: int, **fields) -> None:
            out.append(Mention(start, end, text[start:end], sentence, **fields))

        for i, match in enumerate(matches):
            alias = match.alias
            prev = matches[i - 1] if i > 0 else None
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            if alias.form in ("role", "agent") or (
                alias.form == "adjective"
                and nxt is not None
                and text[match.end : nxt.start].strip() == ""
                and text[nxt.start : nxt.end].lower() in SIDE_WORDS
            ):
                continue  # composed below, around their head word
            if alias.form in ("name", "surname") and alias.target in self.gaz.entities:
                entity = self.gaz.entities[alias.target]
                if entity.kind == "person":
                    if alias.form == "surname" and DAY_AFTER.match(text, match.end):
                        continue  # "May 1, 2024" is a date, not Theresa May
                    person = self.person_for(alias, day)
                    if person:
                        add(match.start, match.end, **self._person_fields(person, day))
                    continue
                if entity.kind == "organisation":
                    add(
                        match.start,
                        match.end,
                        entity_id=entity.id,
                        name=entity.name,
                        code=entity.code,
                        sector=entity.sector,
                        kind="organisation",
                        how="alias",
                    )
                    continue
            entity = self.gaz.entities.get(alias.target)
            if entity is None:
                continue
            if alias.form == "name":
                add(
                    match.start,
                    match.end,
                    entity_id=entity.id,
                    name=entity.name,
                    code=entity.code,
                    sector=None,
                    kind="state",
                    how="alias",
                )
            elif alias.form in ("seat", "side"):
                add(
                    match.start,
                    match.end,
                    entity_id=entity.id,
                    name=entity.name,
                    code=entity.code,
                    sector="GOV",
                    kind="seat" if alias.form == "seat" else "state",
                    how="alias",
                )
            elif alias.form == "place":
                add(
                    match.start,
                    match.end,
                    entity_id=entity.id,
                    name=entity.name,
                    code=entity.code,
                    sector=entity.sector,
                    kind="place",
                    how="alias",
                )
            elif alias.form == "demonym":
                add(
                    match.start,
                    match.end,
                    entity_id=None,
                    name=f"{entity.name} civilians",
                    code=entity.code,
                    sector="CVL",
                    kind="agent",
                    how="agent",
                )
            elif alias.form == "adjective" and any(
                m is not None
                and m.alias.form in ("adjective", "name")
                and HYPHEN.match(text[min(m.end, match.end) : max(m.start, match.start)])
                for m in (prev, nxt)
            ):  # "the Sino-Russian alliance", "U.S.-China talks"
                add(
                    match.start,
                    match.end,
                    entity_id=entity.id,
                    name=entity.name,
                    code=entity.code,
                    sector=None,
                    kind="state",
                    how="alias",
                )
            elif alias.form == "abbrev":
                neighbours = [m for m in (prev, nxt) if m is not None]
                if any(
                    m.alias.form in ("abbrev", "role", "agent")
                    and (m.end == match.start or m.start == match.end)
                    for m in neighbours
                ):
                    add(
                        match.start,
                        match.end,
                        entity_id=entity.id,
                        name=entity.name,
                        code=entity.code,
                        sector=None,
                        kind="state",
                        how="alias",
                    )
        out += self._heads(text, matches, day, sentence)
        out.sort(key=lambda m: (m.start, -m.end))
        return _drop_nested(out)

    def _person_fields(self, person: Entity, day: date | None, former: bool = False) -> dict:
        """Country and sector of the office held on ``day``; out of office, an elite (ELI)."""
        role = person.role_on(day)
        in_office = role is not None and (day is None or role.held_on(day))
        sector = role.sector if role and in_office and not former else "ELI"
        return {
            "entity_id": person.id,
            "name": person.name,
            "code": role.country if role else person.code,
            "sector": sector,
            "kind": "person",
            "how": "alias",
        }

    def _title_sector(self, match: Match) -> str:
        """The sector a title word gives its bearer: an office is GOV, an agent noun its own."""
        if match.alias.form == "agent":
            return self.gaz.agents[match.alias.target.split(":", 1)[1]][0]
        return "GOV"

    def _heads(
        self, text: str, matches: list[Match], day: date | None, sentence: int
    ) -> list[Mention]:
        """Role words and agent nouns with the state (and person) next to them."""
        out = []
        for i, match in enumerate(matches):
            form = match.alias.form
            is_side = text[match.start : match.end].lower() in SIDE_WORDS
            if form not in ("role", "agent") and not is_side:
                continue
            state, first, last = None, match.start, match.end
            before = matches[i - 1] if i > 0 else None
            after = matches[i + 1] if i + 1 < len(matches) else None
            if before is not None and before.alias.form in STATE_FORMS | {"name"}:
                entity = self.gaz.entities.get(before.alias.target)
                if (
                    entity
                    and entity.kind in ("state", "organisation", "place")
                    and POSSESSIVE_GAP.match(text[before.end : match.start])
                ):
                    state, first = entity, before.start
            if state is None and after is not None and after.alias.form in STATE_FORMS:
                entity = self.gaz.entities.get(after.alias.target)
                between = text[match.end : after.start]
                linked = OF.match(between) or (form == "agent" and IN_OR_OF.match(between))
                if (
                    entity
                    and entity.kind in ("state", "place")
                    and (linked or (match.alias.lang == "ru" and between.strip() == ""))
                ):
                    state, last = entity, after.end
            modifiers = text[max(0, first - 12) : match.start]
            person_match = None
            following = [m for m in matches[i + 1 : i + 3] if m.start >= last]
            if following and following[0].alias.form in ("name", "surname"):
                candidate = following[0]
                entity = self.gaz.entities.get(candidate.alias.target)
                if (
                    entity
                    and entity.kind == "person"
                    and text[last : candidate.start].strip(" ,") == ""
                ):
                    person_match = candidate
            code = state.code if state else None
            if person_match is not None:
                person = self.person_for(person_match.alias, day)
                if person is not None:
                    former = bool(FORMER.search(modifiers))
                    fields = self._person_fields(person, day, former)
                    fields["how"] = "title"
                    if form == "agent" and not former:
                        fields["sector"] = self._title_sector(match)  # "Senator Rubio": LEG
                    elif fields["sector"] == "ELI" and not former:
                        # the text gives a title the gazetteer does not know ("Senator Rubio")
                        fields["sector"] = self._title_sector(match)
                        fields["code"] = code or fields["code"]
                    out.append(
                        Mention(
                            first,
                            person_match.end,
                            text[first : person_match.end],
                            sentence,
                            **fields,
                        )
                    )
                    continue
            if is_side:
                if state is not None:
                    out.append(
                        Mention(
                            first,
                            last,
                            text[first:last],
                            sentence,
                            state.id,
                            state.name,
                            code,
                            "GOV",
                            "state",
                            "alias",
                        )
                    )
                continue
            unknown = UNKNOWN_NAME.match(text, last)
            if (
                unknown
                and text[match.start].isupper()
                and not any(m.start < unknown.end() and m.end > unknown.start(1) for m in matches)
            ):
                # a title before a name not in the gazetteer: "Defense Minister Diego Molano"
                sector = "ELI" if FORMER.search(modifiers) else self._title_sector(match)
                name = unknown.group(1)
                out.append(
                    Mention(
                        first,
                        unknown.end(),
                        text[first : unknown.end()],
                        sentence,
                        None,
                        name,
                        code,
                        sector,
                        "person",
                        "title",
                    )
                )
                continue
            if form == "role":
                role = match.alias.target.split(":", 1)[1]
                sector = "ELI" if FORMER.search(modifiers) else "GOV"
                if state is None:
                    out.append(
                        Mention(
                            match.start,
                            match.end,
                            text[match.start : match.end],
                            sentence,
                            None,
                            text[match.start : match.end],
                            None,
                            sector,
                            "role",
                            "role",
                        )
                    )
                    continue
                if state.kind in ("state", "organisation") and not NOT_THE_HOLDER.search(modifiers):
                    holder = self.gaz.holder(state.code, role, day) if day else None
                    if holder is not None:
                        fields = self._person_fields(holder, day)
                        fields["how"] = "role"
                        out.append(Mention(first, last, text[first:last], sentence, **fields))
                        continue
                out.append(
                    Mention(
                        first,
                        last,
                        text[first:last],
                        sentence,
                        None,
                        text[first:last],
                        code,
                        sector,
                        "role",
                        "role",
                    )
                )
            else:
                sector, commentator = self.gaz.agents[match.alias.target.split(":", 1)[1]]
                name = text[first:last]
                out.append(
                    Mention(
                        first,
                        last,
                        name,
                        sentence,
                        None,
                        name,
                        code,
                        sector,
                        "agent",
                        "agent",
                        commentator,
                    )
                )
                # "Chinese and Indian troops": the first adjective's troops too
                if state is not None and before is not None and first == before.start and i >= 2:
                    other = matches[i - 2]
                    entity = self.gaz.entities.get(other.alias.target)
                    if (
                        entity is not None
                        and entity.kind == "state"
                        and other.alias.form in ("adjective", "name")
                        and CONJOINED.match(text[other.end : before.start])
                    ):
                        words = text[other.start : other.end]
                        out.append(
                            Mention(
                                other.start,
                                other.end,
                                words,
                                sentence,
                                None,
                                f"{words} {text[match.start : match.end]}",
                                entity.code,
                                sector,
                                "agent",
                                "agent",
                                commentator,
                            )
                        )
        return out


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Keep the outermost of mentions that overlap (a composed phrase beats its parts)."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


@cache
def resolver() -> Resolver:
    """The package's resolver, built once per process."""
    return Resolver()


def find_mentions(text: str, sentences: Sequence[Sentence]) -> list[Mention]:
    """Actor mentions in every sentence of a document (spans index ``text``)."""
    res = resolver()
    matches = find_matches(text)
    out: list[Mention] = []
    position = 0
    for sentence in sentences:
        inside = []
        while position < len(matches) and matches[position].start < sentence.end:
            if matches[position].start >= sentence.start and matches[position].end <= sentence.end:
                inside.append(matches[position])
            position += 1
        if inside:
            out += res.mentions(text, sentence.index, parse_day(sentence.date), inside)
    return out

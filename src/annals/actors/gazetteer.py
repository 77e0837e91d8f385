"""The gazetteer: states, people with terms of office, organisations, role words and agent nouns.

Loaded from the YAML files in ``data/`` (schema in ``data/README.md``), validated on load: a
malformed entry raises :class:`GazetteerError` naming the file and the entry. Russian names are
given in the nominative; their case forms are generated here with pymorphy3.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA = Path(__file__).parent / "data"
LANGS = ("en", "zh", "ru")
ORG_CODES = {"UN", "NATO", "EU", "SCO", "G7", "G20", "BRICS", "AUKUS", "ASEAN", "WHO", "IGO"}
ROLES = {
    "president",
    "vice_president",
    "prime_minister",
    "deputy_prime_minister",
    "monarch",
    "supreme_leader",
    "party_leader",
    "foreign_minister",
    "defence_minister",
    "minister",
    "spokesperson",
    "official",
}
SECTORS = {
    "GOV",
    "MIL",
    "LEG",
    "PTY",
    "JUD",
    "COP",
    "SPY",
    "MED",
    "BUS",
    "CVL",
    "REB",
    "OPP",
    "EDU",
    "REL",
    "NGO",
    "IGO",
    "ELI",
    "REF",
    "HLH",
    "LAB",
    "CRM",
    "UAF",
    "PRM",
    "AGR",
    "ENV",
    "UNK",
    "DEV",
    "HRI",
    "SOC",
    "MOD",
    "RAD",
    "INS",
    "SEP",
    "CIV",
    "PRE",
}
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
COUNTRY = re.compile(r"^[A-Z]{3}$")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


class GazetteerError(ValueError):
    """A gazetteer file or entry that does not follow the schema."""


@dataclass(frozen=True)
class Role:
    """An office a person held in a country (or organisation) from start to end (inclusive)."""

    role: str
    country: str
    start: date | None
    end: date | None
    sector: str = "GOV"
    title: str | None = None

    def held_on(self, day: date) -> bool:
        """Whether the office was held on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entity:
    """A state, person or organisation."""

    id: str
    kind: str
    """``state``, ``person``, ``organisation`` or ``place`` (a city or region)."""
    name: str
    code: str | None
    """Country code (ISO3) or organisation code (UN, NATO, ...); a person's from their roles."""
    sector: str | None = None
    org_kind: str | None = None
    ruling: bool = False
    leader_role: str | None = None
    roles: tuple[Role, ...] = ()

    def role_on(self, day: date | None) -> Role | None:
        """The office held on ``day`` (the most recent one when ``day`` is None or none held)."""
        if not self.roles:
            return None
        if day is not None:
            held = [r for r in self.roles if r.held_on(day)]
            if held:
                return max(held, key=lambda r: r.start or date.min)
        return max(self.roles, key=lambda r: r.start or date.min)


@dataclass(frozen=True)
class Alias:
    """One surface form of an entity (or of a role word or agent noun) in one language."""

    text: str
    lang: str
    target: str
    """Entity id, ``role:KEY`` for role words, ``agent:ID`` for agent nouns."""
    form: str
    """name, surname, adjective, demonym, seat, side, abbrev, role or agent."""


@dataclass
class Gazetteer:
    """Everything the actor stage resolves against."""

    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    agents: dict[str, tuple[str, bool]] = field(default_factory=dict)
    """agent id -> (sector, commentator)."""
    holders: dict[tuple[str, str], list[Entity]] = field(default_factory=dict)
    """(country, role) -> people who held that role there."""

    def stats(self) -> dict:
        """Counts of states, people, organisations and aliases per language."""
        kinds = [e.kind for e in self.entities.values()]
        aliases = {lang: sum(1 for a in self.aliases if a.lang == lang) for lang in LANGS}
        return {
            "states": kinds.count("state"),
            "people": kinds.count("person"),
            "organisations": kinds.count("organisation"),
            "aliases": aliases,
        }

    def holder(self, country: str, role: str, day: date | None) -> Entity | None:
        """Who held ``role`` in ``country`` on ``day`` (None if unknown)."""
        best = None
        for person in self.holders.get((country, role), []):
            for r in person.roles:
                held = r.country == country and r.role == role and day and r.held_on(day)
                if held and (best is None or (r.start or date.min) > best[1]):
                    best = (person, r.start or date.min)
        return best[0] if best else None


# loading -------------------------------------------------------------------------------------


def _fail(path: Path, entry: object, message: str) -> GazetteerError:
    label = entry.get("id") or entry.get("role") if isinstance(entry, dict) else repr(entry)[:40]
    return GazetteerError(f"{path.name}: entry {label!r}: {message}")


def _names(path: Path, entry: dict, key: str, required: bool = False) -> dict[str, list[str]]:
    value = entry.get(key)
    if value is None:
        if required:
            raise _fail(path, entry, f"missing {key!r}")
        return {}
    if not isinstance(value, dict) or set(value) - set(LANGS):
        raise _fail(path, entry, f"{key!r} must map languages ({', '.join(LANGS)}) to lists")
    out = {}
    for lang, names in value.items():
        if names is None:
            continue
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise _fail(path, entry, f"{key}.{lang} must be a list of non-empty strings")
        out[lang] = [n.strip() for n in names]
    return out


def _date(path: Path, entry: dict, value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(path, entry, f"not an ISO date: {value!r}") from None


def _read(path: Path) -> list[dict]:
    try:
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except yaml.YAMLError as exc:
        raise GazetteerError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise GazetteerError(f"{path.name}: must be a list of entries (mappings)")
    return entries


def _check_id(path: Path, entry: dict, seen: set[str]) -> str:
    entity_id = entry.get("id")
    if not isinstance(entity_id, str) or not ID.match(entity_id):
        raise _fail(path, entry, "id must be lowercase letters, digits and hyphens")
    if entity_id in seen:
        raise _fail(path, entry, "duplicate id")
    seen.add(entity_id)
    return entity_id


def _code(path: Path, entry: dict, value: object) -> str:
    if not isinstance(value, str) or not (COUNTRY.match(value) or value in ORG_CODES):
        raise _fail(path, entry, f"code must be ISO3 or one of {sorted(ORG_CODES)}: {value!r}")
    return value


def load(data: Path = DATA) -> Gazetteer:
    """Load and validate every gazetteer file in ``data``."""
    gazetteer = Gazetteer()
    seen: set[str] = set()
    for entry in _read(data / "states.yaml"):
        path = data / "states.yaml"
        entity_id = _check_id(path, entry, seen)
        code = _code(path, entry, entry.get("code"))
        names = _names(path, entry, "names", required=True)
        if not names.get("en"):
            raise _fail(path, entry, "needs at least one English name")
        gazetteer.entities[entity_id] = Entity(
            entity_id, "state", names["en"][0], code, leader_role=entry.get("leader_role")
        )
        for form in ("names", "adjectives", "demonyms", "seats"):
            for lang, texts in _names(path, entry, form).items():
                gazetteer.aliases += [Alias(t, lang, entity_id, form.rstrip("s")) for t in texts]
        for form in ("side", "abbrev"):
            words = entry.get(form) or []
            if not isinstance(words, list):
                raise _fail(path, entry, f"{form!r} must be a list")
            gazetteer.aliases += [Alias(w, "zh", entity_id, form) for w in words]
    origin: dict[str, str] = {}
    for path in sorted((data / "people").glob("*.yaml")):
        for entry in _read(path):
            _load_person(path, entry, seen, gazetteer, origin)
    path = data / "organisations.yaml"
    for entry in _read(path):
        entity_id = _check_id(path, entry, seen)
        sector = entry.get("sector")
        if sector is not None and sector not in SECTORS:
            raise _fail(path, entry, f"unknown sector {sector!r}")
        names = _names(path, entry, "names", required=True)
        name = (names.get("en") or names.get("zh") or names.get("ru") or [entity_id])[0]
        gazetteer.entities[entity_id] = Entity(
            entity_id,
            "organisation",
            name,
            _code(path, entry, entry.get("code")),
            sector=sector or ("IGO" if entry.get("kind") == "igo" else None),
            org_kind=entry.get("kind"),
            ruling=bool(entry.get("ruling")),
        )
        for lang, texts in names.items():
            gazetteer.aliases += [Alias(t, lang, entity_id, "name") for t in texts]
    path = data / "places.yaml"
    for entry in _read(path) if path.exists() else []:
        entity_id = _check_id(path, entry, seen)
        names = _names(path, entry, "names", required=True)
        name = (names.get("en") or names.get("zh") or names.get("ru") or [entity_id])[0]
        code = _code(path, entry, entry["code"]) if entry.get("code") else None
        sector = entry.get("sector", "CVL")
        if sector not in SECTORS:
            raise _fail(path, entry, f"unknown sector {sector!r}")
        gazetteer.entities[entity_id] = Entity(
            entity_id, "place", name, code, sector=sector, org_kind=entry.get("kind")
        )
        for lang, texts in names.items():
            gazetteer.aliases += [Alias(t, lang, entity_id, "place") for t in texts]
    _load_words(data, gazetteer)
    return gazetteer


def _load_person(
    path: Path, entry: dict, seen: set[str], gazetteer: Gazetteer, origin: dict[str, str]
) -> None:
    """Add a person. One id in two people files (a national leader who later held an EU or UN
    office, written down by region) is one person: names and roles are merged."""
    earlier = None
    if origin.get(entry.get("id"), path.name) != path.name:
        earlier = gazetteer.entities[entry["id"]]
        seen.discard(earlier.id)
    entity_id = _check_id(path, entry, seen)
    origin[entity_id] = path.name
    names = _names(path, entry, "names", required=True)
    roles = []
    for item in entry.get("roles") or []:
        if not isinstance(item, dict) or item.get("role") not in ROLES:
            raise _fail(path, entry, f"role must be one of {sorted(ROLES)}: {item!r}")
        start, end = _date(path, entry, item.get("start")), _date(path, entry, item.get("end"))
        if start and end and end < start:
            raise _fail(path, entry, f"role {item['role']} ends before it starts")
        sector = item.get("sector", "GOV")
        if sector not in SECTORS:
            raise _fail(path, entry, f"unknown sector {sector!r}")
        title = item.get("title")
        roles.append(
            Role(
                item["role"],
                _code(path, entry, item.get("country")),
                start,
                end,
                sector,
                title.get("en") if isinstance(title, dict) else title,
            )
        )
    if not roles:
        raise _fail(path, entry, "a person needs at least one role")
    if earlier is not None:
        roles = sorted({*earlier.roles, *roles}, key=lambda r: r.start or date.min)
    name = entry.get("name") or names.get("en", [entity_id])[0]
    latest = max(roles, key=lambda r: r.start or date.min)
    person = Entity(entity_id, "person", name, latest.country, latest.sector, roles=tuple(roles))
    gazetteer.entities[entity_id] = person
    for role in {(r.country, r.role) for r in roles}:
        holders = gazetteer.holders.setdefault(role, [])
        holders[:] = [p for p in holders if p.id != entity_id] + [person]
    for lang, texts in names.items():
        for text in texts:
            single = len(text.split()) == 1 and lang != "zh"
            gazetteer.aliases.append(Alias(text, lang, entity_id, "surname" if single else "name"))


def _load_words(data: Path, gazetteer: Gazetteer) -> None:
    path = data / "roles.yaml"
    for entry in _read(path):
        if entry.get("role") not in ROLES:
            raise _fail(path, entry, f"role must be one of {sorted(ROLES)}")
        for lang, words in _names(path, entry, "words", required=True).items():
            gazetteer.aliases += [Alias(w, lang, f"role:{entry['role']}", "role") for w in words]
    path = data / "agents.yaml"
    seen: set[str] = set()
    for entry in _read(path):
        agent_id = _check_id(path, entry, seen)
        if entry.get("sector") not in SECTORS:
            raise _fail(path, entry, f"unknown sector {entry.get('sector')!r}")
        gazetteer.agents[agent_id] = (entry["sector"], bool(entry.get("commentator")))
        for lang, words in _names(path, entry, "words", required=True).items():
            gazetteer.aliases += [Alias(w, lang, f"agent:{agent_id}", "agent") for w in words]


@cache
def gazetteer() -> Gazetteer:
    """The package's gazetteer, loaded once per process."""
    return load()


# Russian case forms ---------------------------------------------------------------------------


@cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _inflectable(word: str):
    """pymorphy3's best noun or adjective reading of ``word``, or None for a word that does not
    decline (acronyms, foreign names ending in a vowel such as Моди, Си, Абэ)."""
    if not re.fullmatch(r"[А-Яа-яЁё-]+", word) or word.isupper():
        return None
    parses = [p for p in _morph().parse(word) if {"NOUN", "ADJF"} & {p.tag.POS}]
    if not parses:
        return None
    known = [p for p in parses if p.is_known]
    if not known and word[-1].lower() in "иеоуэюы":
        return None
    candidates = known or parses
    # a name is given in the nominative; prefer a proper-name reading (Львов the city, not лев)
    nominative = [p for p in candidates if "nomn" in p.tag] or candidates
    proper = [p for p in nominative if {"Geox", "Surn", "Name", "Orgn"} & set(p.tag.grammemes)]
    return (proper or nominative)[0]


def _word_forms(word: str) -> set[str]:
    """Case forms of one Russian word (nouns and adjectives; anything else stays as it is)."""
    parse = _inflectable(word)
    if parse is None:
        return {word}
    forms = {word}
    numbers = ("sing", "plur") if parse.is_known else ("sing",)
    for case in CASES:
        for number in numbers:
            inflected = parse.inflect({case, number})
            if inflected:
                forms.add(_same_case(word, inflected.word))
    if parse.tag.POS == "ADJF":
        forms |= {_same_case(word, f.word) for f in parse.lexeme if "ADJF" in f.tag}
    return forms


def _same_case(model: str, word: str) -> str:
    return word.capitalize() if model[:1].isupper() else word


def russian_forms(text: str) -> Iterator[str]:
    """The case forms of a Russian name: each word put in the same case (and number)."""
    words = text.split()
    if len(words) == 1:
        yield from _word_forms(words[0])
        return
    yield text
    parsed = [_inflectable(word) for word in words]
    for case in CASES[1:]:
        out = []
        for word, parse in zip(words, parsed, strict=True):
            inflected = parse.inflect({case}) if parse is not None else None
            out.append(_same_case(word, inflected.word) if inflected else word)
        yield " ".join(out)

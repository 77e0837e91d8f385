"""Loading and matching word lists kept as data: the paired-term and tone lexicons.

Matching works on the whole text in the three languages at once, each by its script: English
forms with word boundaries (case-insensitive, all-capital acronyms case-sensitive, a trailing
``*`` for any ending, straight or curly apostrophes alike); Russian forms on pymorphy3 lemmas of
Cyrillic words, so any inflected form counts (``*`` matches lemmas that start with the stem);
Chinese forms as substrings of the text converted to simplified characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import yaml

from annals.text.normalise import normalise

LANGS = ("en", "zh", "ru")
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


class LexiconError(ValueError):
    """A lexicon file that does not have the expected shape."""


@dataclass(frozen=True)
class Term:
    """One alternative of a concept, with its surface forms per language."""

    label: str
    forms: tuple[tuple[str, tuple[str, ...]], ...]
    """(language, forms) pairs."""

    def in_lang(self, lang: str) -> tuple[str, ...]:
        """The forms of language ``lang``."""
        return dict(self.forms).get(lang, ())


@dataclass(frozen=True)
class Concept:
    """A referent or act and the alternative words for it."""

    name: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Hit:
    """A form of a labelled word list found in a text."""

    label: str
    lang: str
    start: int
    end: int


def _data(name: str) -> str:
    return resources.files("annals.framing").joinpath("data", name).read_text(encoding="utf-8")


def _forms(where: str, value: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping) or not value:
        raise LexiconError(f"{where}: expected a mapping of language to forms")
    out = {}
    for lang, forms in value.items():
        if lang not in LANGS:
            raise LexiconError(f"{where}: unknown language {lang!r} (expected {LANGS})")
        if not isinstance(forms, list) or not forms:
            raise LexiconError(f"{where}.{lang}: expected a non-empty list")
        if not all(isinstance(f, str) and f.strip() for f in forms):
            raise LexiconError(f"{where}.{lang}: forms must be non-empty strings")
        out[lang] = tuple(f.strip() for f in forms)
    return out


def parse_terms(data: object) -> tuple[Concept, ...]:
    """Validate the parsed paired-term YAML and build its concepts."""
    if not isinstance(data, list) or not data:
        raise LexiconError("terms: expected a non-empty list of concepts")
    concepts, names = [], set()
    for i, item in enumerate(data):
        if not isinstance(item, Mapping) or set(item) != {"concept", "terms"}:
            raise LexiconError(f"concept #{i}: expected exactly the keys 'concept' and 'terms'")
        name = item["concept"]
        if not isinstance(name, str) or not name or name in names:
            raise LexiconError(f"concept #{i}: missing or repeated name {name!r}")
        names.add(name)
        terms = item["terms"]
        if not isinstance(terms, Mapping) or len(terms) < 2:
            raise LexiconError(f"{name}: needs at least two alternative terms")
        seen: dict[tuple[str, str], str] = {}
        built = []
        for label, value in terms.items():
            forms = _forms(f"{name}.{label}", value)
            for lang, group in forms.items():
                for form in group:
                    key = (lang, _form_key(form, lang))
                    if key in seen:
                        raise LexiconError(
                            f"{name}: form {form!r} ({lang}) is in both {seen[key]!r} and {label!r}"
                        )
                    seen[key] = str(label)
            built.append(Term(str(label), tuple(forms.items())))
        concepts.append(Concept(name, tuple(built)))
    return tuple(concepts)


def _form_key(form: str, lang: str) -> str:
    if lang == "zh":
        return normalise(form)
    if lang == "ru":
        return " ".join(lemmas_of(form))
    return form.casefold().replace("’", "'")


@cache
def load_terms(path: str | None = None) -> tuple[Concept, ...]:
    """The paired-term lexicon (``framing/data/terms.yaml`` unless ``path`` is given)."""
    text = Path(path).read_text(encoding="utf-8") if path else _data("terms.yaml")
    return parse_terms(yaml.safe_load(text))


@cache
def load_tone(path: str | None = None) -> dict[str, dict[str, tuple[str, ...]]]:
    """The tone lexicon: polarity (``positive``, ``negative``) → language → forms."""
    text = Path(path).read_text(encoding="utf-8") if path else _data("tone.yaml")
    data = yaml.safe_load(text)
    if not isinstance(data, Mapping) or set(data) != {"positive", "negative"}:
        raise LexiconError("tone: expected exactly the keys 'positive' and 'negative'")
    return {polarity: _forms(polarity, data[polarity]) for polarity in ("positive", "negative")}


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The pymorphy3 normal form of a Russian word (lower case)."""
    return _morph().parse(word)[0].normal_form.replace("ё", "е")


def lemmas_of(text: str) -> list[str]:
    """Lemmas of the Cyrillic words of ``text``."""
    return [lemma(m.group()) for m in _CYRILLIC_WORD.finditer(text)]


class Matcher:
    """Finds the forms of labelled word lists in text, longest form first at each position."""

    def __init__(self, lists: Mapping[str, Mapping[str, tuple[str, ...]]]) -> None:
        """``lists`` maps a label to its forms per language."""
        en: dict[str, str] = {}
        zh: dict[str, str] = {}
        self._ru: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        patterns = []
        for label, by_lang in lists.items():
            for form in by_lang.get("en", ()):
                stem = form.endswith("*")
                base = form.rstrip("*").replace("’", "'")
                en[base.casefold()] = label
                body = r"\s+".join(re.escape(w) for w in base.split()).replace("'", "['’]")
                if base.isupper() and len(base) > 1:
                    body = f"(?-i:{body})"
                patterns.append((len(base), body + (r"[\w-]*" if stem else "")))
            for form in by_lang.get("zh", ()):
                zh[normalise(form)] = label
            for form in by_lang.get("ru", ()):
                stem = form.endswith("*")
                words = tuple(lemmas_of(form.rstrip("*")))
                if words:
                    self._ru.setdefault(words[0][:4], []).append((words, stem, label))
        self._en_labels = en
        self._en_stems = sorted(
            (
                (b, lab)
                for b, lab in en.items()
                if any(
                    f.rstrip("*").replace("’", "'").casefold() == b and f.endswith("*")
                    for f in lists[lab].get("en", ())
                )
            ),
            key=lambda kv: -len(kv[0]),
        )
        patterns.sort(key=lambda p: -p[0])
        self._en = (
            re.compile(r"(?<![\w-])(?:" + "|".join(p for _, p in patterns) + r")(?![\w])", re.I)
            if patterns
            else None
        )
        self._zh_labels = zh
        self._zh = (
            re.compile("|".join(re.escape(f) for f in sorted(zh, key=len, reverse=True)))
            if zh
            else None
        )
        for group in self._ru.values():
            group.sort(key=lambda g: -len(g[0]))

    def _en_label(self, found: str) -> str | None:
        key = re.sub(r"\s+", " ", found.replace("’", "'")).casefold()
        if key in self._en_labels:
            return self._en_labels[key]
        for base, label in self._en_stems:
            if key.startswith(base):
                return label
        return None

    def find(self, text: str, simplified: str | None = None) -> Iterator[Hit]:
        """Hits in ``text`` (``simplified``: its :func:`normalise` view, when already known)."""
        if self._en is not None:
            for m in self._en.finditer(text):
                label = self._en_label(m.group())
                if label is not None:
                    yield Hit(label, "en", m.start(), m.end())
        if self._zh is not None and re.search(r"[\u3400-\u9fff]", text):
            view = simplified if simplified is not None else normalise(text)
            for m in self._zh.finditer(view):
                yield Hit(self._zh_labels[m.group()], "zh", m.start(), m.end())
        if self._ru:
            yield from self._find_ru(text)

    def _find_ru(self, text: str) -> Iterator[Hit]:
        tokens = list(_CYRILLIC_WORD.finditer(text))
        if not tokens:
            return
        lemmas = [lemma(t.group()) for t in tokens]
        i = 0
        while i < len(tokens):
            hit = None
            for words, stem, label in self._ru.get(lemmas[i][:4], ()):
                n = len(words)
                window = lemmas[i : i + n]
                if len(window) < n or window[:-1] != list(words[:-1]):
                    continue
                last_ok = window[-1].startswith(words[-1]) if stem else window[-1] == words[-1]
                if last_ok:
                    hit = (n, label)
                    break
            if hit:
                n, label = hit
                yield Hit(label, "ru", tokens[i].start(), tokens[i + n - 1].end())
                i += n
            else:
                i += 1

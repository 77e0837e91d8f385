"""Russian event extractor: lexicon predicates over pymorphy3 lemmas, arguments by case.

No dependency parse (slovnet's takes ~100 ms a sentence); instead each sentence is tokenised
(a regular expression that splits news text as razdel does) and every word analysed by pymorphy3
(lemmas, part of speech, possible cases). Lexicon phrases are matched on lemmas (a clear verb form
by its own lemma only), a few words allowed between their words, longest match first, a verb
phrase before a noun phrase as long (whose finer code it takes: "предоставила экономическую
помощь" is 071).
For each predicate, in its clause (bounded by "что", "который", ";", ":", dashes ...):

- the source is the nearest actor mention before it that no preposition governs and that can
  be nominative (with actors joined by "и" or commas); else one just after a verb ("заявил
  Лавров"); for nouns ("визит Путина", "давление со стороны США", "поставки Тегераном") the
  genitive or instrumental after the noun or the "со стороны" agent first, unless a verb takes the
  noun as its object ("проводит чистку палестинцев": the verb's subject acts; "осудил удар
  Израиля": only the noun's own agent); "стороны", "два лидера", "две страны" take the sentence's
  or the document's last pair; "он", "мы" resolve to the last person or the speaker; "в Кремле
  заявили" and "в России задержан" take the place; an instrumental agent is the source of a
  passive ("был подписан Путиным", "задержан органами Китая"); an active participle's is the
  noun it qualifies ("компаний, помогающих России");
- the target is the first later mention introduced by the lexicon's preposition ("с", "против",
  "по", "в" with the accusative ..., and for any act "в адрес", "в отношении") or standing
  without a preposition in an oblique case (direct and indirect objects, genitive modifiers of
  the object: "осудил действия России"); the addressee of an appeal, demand or threat
  ("потребовала от НАТО вывести войска"); else, by the kind of act, what a statement is about,
  where force is shown or used ("у границы с Финляндией", "вокруг Тайваня", "на юге Ливана") or
  a protest held ("у посольства России");
- symmetric predicates and "друг друга" give both directions, "между X и Y" a pair; a visit is
  also hosted (043) and a hosting also a visit, unless negated or only intended;
- noun predicates that are only the topic or the accusation of another act ("пессимизм по
  поводу переговоров", "обвинила в атаке"), or that qualify a plan ("условия прекращения огня"),
  are no events of their own;
- "не" before the predicate or its governing verb negates it, and so does a refusal cue
  ("отказался осудить", "воздержался от критики"); a modality cue governing an infinitive or a
  predicate noun ("готов к переговорам", "пригрозил ввести санкции") gives its modality, and a
  perfective future or "будет" + infinitive gives ``future``.

Reported speech needs nothing special: the reported clause is a clause of its own, whose subject
is the source (or the speaker, when the clause has no subject: "Лавров заявил, что готов ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

import pymorphy3

from annals.events.base import DocContext, LexiconEntry, build_event, cues, lexicon, same_actor
from annals.records import Event, Mention, Sentence

LANG = "ru"
CANONICAL, FALLBACK = 0.8, 0.5
TOKEN = re.compile(r"\d+(?:[.,/]\d+)+|\w+(?:[-‐‑']\w+)*|\.\.\.|[^\w\s]")
"""Words (with inner hyphens: "Нью-Дели", "из-за"), numbers (1,5; 2023/03/21) and punctuation,
as razdel splits news text, ten times faster."""
MAX_GAP = 3
"""Words allowed between the words of a lexicon phrase ("провели в Кремле переговоры")."""
CASE_NAMES = {
    "nomn": "nomn",
    "gent": "gent",
    "gen2": "gent",
    "datv": "datv",
    "accs": "accs",
    "acc2": "accs",
    "ablt": "ablt",
    "loct": "loct",
    "loc2": "loct",
    "voct": "nomn",
}
PREP_FORMS = {
    "со": "с",
    "во": "в",
    "ко": "к",
    "обо": "о",
    "об": "о",
    "подо": "под",
    "передо": "перед",
}
COMPOUND_PREPS = {
    ("в", "адрес"): "в адрес",
    ("в", "отношении"): "в отношении",
    ("со", "стороны"): "со стороны",
    ("с", "стороны"): "со стороны",
    ("по", "словам"): "по словам",
    ("по", "мнению"): "по мнению",
    ("по", "данным"): "по данным",
    ("в", "ходе"): "в ходе",
    ("в", "рамках"): "в рамках",
    ("по", "поводу"): "по поводу",
}
IN_VIEW = ("в", "связи")
"""With "с", the compound preposition "в связи с" (in view of)."""
SPEAKER_PREPS = {"по словам", "по мнению", "по данным", "согласно"}
PUNCT = set(",;:—–-()[]…!?.")
QUOTES = set("«»„“”\"'")
HARD_BOUNDARIES = {";", ":", "—", "–", "(", ")"}
BOUNDARY_LEMMAS = {"что", "чтобы", "который", "где", "если", "хотя", "поскольку", "пока"}
NOT_BOUNDARY_AFTER = {"пока": "не"}
"""A boundary word followed by this is an adverb ("пока не предоставила": not yet)."""
CLAUSE_CONJ = {"а", "но", "однако", "тогда", "причём", "причем", "как", "когда", "после", "пока"}
CONJOINERS = {"и", ",", "а также", "также"} | QUOTES
PAIR_WORDS = {"сторона", "лидер", "страна", "государство", "партнёр", "партнер"}
PAIR_NUMBERS = {"оба", "обе", "два", "две"}
ADJ_LIKE = {"ADJF", "ADJS", "PRTF", "NUMR", "COMP"}
OBJECT_CASES = {"accs", "datv", "gent", "ablt"}
STATE_SECTORS = (None, "GOV", "MIL", "PTY", "LEG", "JUD")
OWN_SECTORS = (*STATE_SECTORS, "IGO")
"""Sectors of one state or organisation acting on itself (no event)."""
VISIT, HOST = "042", "043"
ADMIT, RECOGNISE = "015", "054"
JOINT_DRILLS, FORCE_POSTURE = "062", "150"
DISAPPROVE, ACCUSE = "110", "112"
TRADE_ROOTS = ("09", "16")
PROTEST_ROOT = "14"
REDUCE_ROOT = "16"
AUTHORITY_ROOTS = ("17",)
"""Acts of authority (arrests, seizures) whose impersonal passive is the state where they
happen ("В России задержан …")."""
FORCE_ROOTS = ("15", "17", "18", "19", "20")
ATTACK_ROOTS = ("18", "19", "20")

ONE_SIDED = ("intent", "appeal", "demand", "threaten")
"""Modalities under which a two-sided act is only the speaker's ("готов к переговорам с")."""
ADDRESSED = ("appeal", "demand", "threaten")
"""Modalities whose cue names whom the act is asked of ("потребовала от НАТО вывести")."""
EXTRA_REFUSAL = ("опровергнуть", "опровергать", "отрицать")
"""Verbs that deny the act they govern ("опроверг поставки оружия"), besides the cue file's."""
EXTRA_MODALITY = (("намерен", "intent"), ("готовность", "intent"))
"""Modality cues besides the cue file's ("намерена": pymorphy3 gives no "намеренный")."""

ANY_TARGET_PREPS = ("в адрес", "в отношении")
"""Prepositions that introduce the target of any act ("предупреждение в адрес Израиля")."""
VICINITY = ("вокруг", "у", "возле", "вблизи", "около", "близ", "перед")
BORDERS = frozenset({"граница", "рубеж"})
LOCATION_NOUNS = frozenset(
    {"север", "юг", "восток", "запад", "территория", "район", "побережье", "берег", "граница"}
    | {"окрестность", "пригород", "область", "регион", "столица", "акватория", "небо"}
)
"""Nouns whose genitive is where force is used or shown ("на юге Ливана")."""
OWNER_NOUNS = frozenset({"флаг"})
"""Nouns whose genitive owns what is seized or struck ("судно под флагом Португалии")."""
TOPIC_PREPS = frozenset({"о", "об", "обо", "насчёт", "насчет", "относительно", "по поводу"})
TEXT_NOUNS = frozenset({"условие", "план", "проект", "резолюция", "предложение", "инициатива"})
"""Nouns whose genitive or "о" predicate names a plan, not an act ("условия прекращения огня")."""
REPORTING = frozenset({"сообщать", "сообщить", "передавать", "передать", "писать", "указать"})
"""Verbs of "как сообщает X," (a news source, no actor)."""

STATIVE = frozenset({"обеспокоить", "встревожить", "возмутить", "разочаровать"})
"""Verbs whose passive participle states the subject's attitude ("Вашингтон обеспокоен")."""
INTRANSITIVE = frozenset({"пройти", "проходить", "идти", "быть"})
"""Verbs whose noun after them is their subject ("прошли переговоры"), besides reflexives."""
PERSON_OBJECT_ONLY = frozenset({"принять", "принимать", "освободить", "освобождать"})
"""Verbs that are events only with people as their object ("принял президента Ирана",
"освободил палестинцев"; not "принял резолюцию", "освободил город")."""


@cache
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@dataclass(frozen=True)
class Word:
    """pymorphy3's reading of one word form."""

    lemma: str
    lemmas: frozenset[str]
    pos: str | None
    cases: frozenset[str]
    plural: bool = False
    passive: bool = False
    future: bool = False
    fixed: bool = False


def _e(word: str) -> str:
    return word.replace("ё", "е")


@lru_cache(maxsize=100_000)
def analyse_word(low: str) -> Word:
    """Lemmas, part of speech and possible cases of a lower-case word form."""
    if not any(c.isalpha() for c in low):
        return Word(low, frozenset({low}), "PNCT" if low in PUNCT | QUOTES else None, frozenset())
    try:
        parses = _morph().parse(low)
    except ValueError:  # pymorphy3 reads Unicode names, and some letters (Tangut 𗀀) have none
        return Word(low, frozenset({low}), "UNKN", frozenset(), fixed=True)
    top = parses[0]
    lemmas = frozenset(_e(p.normal_form) for p in parses)
    lemma = _e(top.normal_form)
    cases = frozenset(
        CASE_NAMES[p.tag.case]
        for p in parses
        if p.tag.case
        and p.normal_form == top.normal_form
        and (p.score >= top.score / 10 or "Fixd" in top.tag)
    )
    if cases == {"gent"} and low.endswith(("а", "я")) and not _morph().word_is_known(low):
        cases = frozenset({"gent", "nomn"})  # a guessed name: "Хезболла" is not "хезболл"
    tag = top.tag
    return Word(
        lemma=lemma,
        lemmas=lemmas,
        pos=str(tag.POS) if tag.POS else ("UNKN" if "UNKN" in tag else None),
        cases=cases,
        plural=any(p.tag.number == "plur" and p.tag.case in (None, "nomn") for p in parses),
        passive="pssv" in tag,
        future=tag.tense == "futr",
        fixed="Fixd" in tag or "UNKN" in tag,
    )


@dataclass
class Tok:
    """A token of the sentence, with offsets into the document text."""

    i: int
    start: int
    end: int
    text: str
    low: str
    w: Word
    mention: int | None = None


@dataclass
class Match:
    """A lexicon predicate found in the sentence."""

    entry: LexiconEntry
    words: list[int]
    """Token indices of the phrase's words."""
    head: int = -1
    """Token index of the head word (the verb, or the noun of a NOUN entry)."""

    def __post_init__(self) -> None:
        if self.head < 0:
            self.head = self.words[0] if self.entry.pos == "VERB" else self.words[-1]

    @property
    def first(self) -> int:
        return self.words[0]

    @property
    def last(self) -> int:
        return self.words[-1]


@dataclass
class Cue:
    """A refusal or modality cue (or a predicate acting as one)."""

    first: int
    last: int
    kind: str
    """``refusal``, or a modality name."""


@dataclass
class Sent:
    """One sentence prepared for matching."""

    text: str
    sentence: Sentence
    toks: list[Tok]
    mentions: list[Mention]
    """Actor mentions with a country or organisation code."""
    mtoks: list[tuple[int, int]]
    """First and last token of each mention."""
    context: DocContext
    boundaries: list[int] = field(default_factory=list)
    """Token indices where clauses start (always including 0)."""

    def clause(self, i: int) -> tuple[int, int]:
        """First and last token index of the clause of token ``i``."""
        lo, hi = 0, len(self.toks) - 1
        for b in self.boundaries:
            if b <= i:
                lo = b
            else:
                hi = b - 1
                break
        return lo, hi


def _normalise_prep(low: str) -> str:
    return PREP_FORMS.get(low, low)


@cache
def _lexicon_index() -> dict[str, list[LexiconEntry]]:
    index: dict[str, list[LexiconEntry]] = {}
    for entry in lexicon(LANG):
        index.setdefault(_e(entry.words[0]), []).append(entry)
    return index


@cache
def _cue_table() -> tuple[list[tuple[tuple[str, ...], str]], frozenset[str], frozenset[str]]:
    c = cues(LANG)
    refusals = [*c.refusal, *((w,) for w in EXTRA_REFUSAL)]
    table = [(tuple(_e(w) for w in words), "refusal") for words in refusals]
    table += [(tuple(_e(w) for w in words), kind) for words, kind in c.modality.items()]
    table += [((word,), kind) for word, kind in EXTRA_MODALITY]
    table.sort(key=lambda item: -len(item[0]))
    speech = frozenset(_e(words[0]) for words in c.speech if len(words) == 1)
    return table, speech, frozenset(_e(w) for w in c.negation)


def _tokens(text: str, sentence: Sentence) -> list[Tok]:
    toks = []
    for n, t in enumerate(TOKEN.finditer(text, sentence.start, sentence.end)):
        word = t.group()
        low = word.lower()
        toks.append(Tok(n, t.start(), t.end(), word, low, analyse_word(low)))
    return toks


def _prepare(text: str, sentence: Sentence, mentions: Sequence[Mention], ctx: DocContext) -> Sent:
    toks = _tokens(text, sentence)
    actors = sorted(
        (m for m in mentions if m.code or m.commentator), key=lambda m: (m.start, -m.end)
    )
    kept: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for m in actors:
        inside = [t.i for t in toks if t.start < m.end and t.end > m.start]
        if not inside or any(toks[i].mention is not None for i in inside):
            continue
        for i in inside:
            toks[i].mention = len(kept)
        kept.append(m)
        spans.append((inside[0], inside[-1]))
    s = Sent(text, sentence, toks, kept, spans, ctx)
    s.boundaries = [0]
    for t in toks:
        if t.mention is not None:
            continue
        if t.w.lemma == "как" and t.i + 1 < len(toks) and toks[t.i + 1].w.lemma in REPORTING:
            comma = next((k for k in range(t.i + 2, len(toks)) if toks[k].low == ","), None)
            if comma is not None:  # "Как сообщает Reuters, …": the news source is no actor
                s.boundaries.append(comma + 1)
        if t.i == 0:
            continue
        prev = toks[t.i - 1].low
        if t.low in HARD_BOUNDARIES:
            s.boundaries.append(t.i + 1)
        elif t.w.lemma in BOUNDARY_LEMMAS or (t.low in CLAUSE_CONJ and prev == ","):
            nxt = toks[t.i + 1].low if t.i + 1 < len(toks) else ""
            if NOT_BOUNDARY_AFTER.get(t.low) != nxt:
                s.boundaries.append(t.i)
    s.boundaries = sorted(set(b for b in s.boundaries if b < len(toks)))
    return s


# --- predicates and cues -------------------------------------------------------------------


def _find_predicates(s: Sent) -> list[Match]:
    index = _lexicon_index()
    found: list[Match] = []
    toks = s.toks
    for t in toks:
        if t.mention is not None:
            continue
        # a clear verb form counts by its own lemma only ("вышли" is выйти, not выслать)
        lemmas = (t.w.lemma,) if t.w.pos in ("VERB", "INFN", "GRND") else t.w.lemmas
        for lemma in lemmas:
            for entry in index.get(lemma, ()):
                words = _match_phrase(s, t.i, entry)
                if words:
                    found.append(Match(entry, words))
        # a participle after its noun: "соглашение, подписанное ...", "санкции были введены"
        if t.w.pos in ("PRTF", "PRTS") and t.w.passive:
            for entry in _participle_entries().get(t.w.lemma, ()):
                noun = _e(entry.words[-1])
                for j in range(t.i - 1, max(-1, t.i - 4), -1):
                    if toks[j].mention is None and noun in toks[j].w.lemmas:
                        found.append(Match(entry, [j, t.i], head=t.i))
                        break
    # longest first; of two as long, the verb phrase ("предоставила … экономическую помощь")
    found.sort(key=lambda m: (-len(m.words), m.entry.pos != "VERB", m.last - m.first, m.first))
    taken: dict[int, Match] = {}
    chosen: list[Match] = []
    for m in found:
        overlap = [taken[i] for i in m.words if i in taken]
        if overlap:
            kept = overlap[0]
            code = m.entry.code
            generic = kept.entry.code in (code[:2] + "0", code[:3])
            if len(m.words) == len(kept.words) and generic and code != kept.entry.code:
                kept.entry = replace(kept.entry, code=code)  # … with the noun phrase's finer code
            continue
        taken.update((i, m) for i in m.words)
        chosen.append(m)
    chosen.sort(key=lambda m: m.first)
    return chosen


def _participle_head(s: Sent, m: Match) -> list[Mention]:
    """The mention an active participle after a comma qualifies ("компаний, помогающих")."""
    j = m.first - 1
    if j > 0 and s.toks[j].low == ",":
        j -= 1
    t = s.toks[j] if j >= 0 else None
    if t is None or t.mention is None or s.mtoks[t.mention][1] != j:
        return []
    return [s.mentions[t.mention]]


def _verb_before(s: Sent, m: Match) -> Tok | None:
    """The verb whose object a noun predicate is ("начал учения", "осудил удар"), if any; through
    a preposition only a predicate's ("обвинила Израиль в геноциде"), not "подешевели после
    санкций"."""
    j = m.first - 1
    while j >= 0 and s.toks[j].w.pos in ADJ_LIKE and s.toks[j].mention is None:
        j -= 1
    via_prep = j > 0 and s.toks[j].w.pos == "PREP"
    if via_prep:
        j -= 1
        while j >= 0 and s.toks[j].mention is not None:
            j -= 1
    if j < 0 or s.toks[j].mention is not None:
        return None
    t = s.toks[j]
    if t.w.lemma.endswith(("ся", "сь")) or t.w.lemma in INTRANSITIVE:
        return None  # "состоялась встреча Путина": the noun is the subject, its genitive acts
    if t.w.pos not in ("VERB", "INFN", "GRND"):
        return None
    return t if not via_prep or _single_word_predicate(t) else None


def _single_word_predicate(t: Tok) -> bool:
    return any(len(e.words) == 1 for e in _lexicon_index().get(t.w.lemma, ()))


@cache
def _participle_entries() -> dict[str, list[LexiconEntry]]:
    out: dict[str, list[LexiconEntry]] = {}
    for entry in lexicon(LANG):
        if entry.pos == "VERB" and len(entry.words) == 2:
            out.setdefault(_e(entry.words[0]), []).append(entry)
    return out


def _match_phrase(s: Sent, i: int, entry: LexiconEntry) -> list[int] | None:
    words = [i]
    j = i
    last = len(entry.words) - 1
    for n, word in enumerate(entry.words[1:], 1):
        word = _e(word)
        for k in range(j + 1, min(len(s.toks), j + 2 + MAX_GAP)):
            t = s.toks[k]
            if t.low in PUNCT and t.low not in QUOTES:
                return None
            # the last word may head an agent mention: "вызвал посла Великобритании"
            free = t.mention is None or (
                n == last and s.mtoks[t.mention][0] == k and s.mentions[t.mention].kind == "agent"
            )
            if free and (word in t.w.lemmas or word == t.low):
                words.append(k)
                j = k
                break
        else:
            return None
    return words


@cache
def _cues_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The cue table indexed by each cue's first word, longest cue first."""
    table, _, _ = _cue_table()
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, kind in table:
        index.setdefault(words[0], []).append((words, kind))
    return {k: sorted(v, key=lambda c: -len(c[0])) for k, v in index.items()}


def _find_cues(s: Sent) -> list[Cue]:
    index = _cues_by_first_word()
    out: list[Cue] = []
    toks = s.toks
    i = 0
    while i < len(toks):
        first = toks[i]
        options = [c for key in (*first.w.lemmas, first.low) for c in index.get(key, ())]
        for words, kind in sorted(options, key=lambda c: -len(c[0])):
            n = len(words)
            if i + n <= len(toks) and all(
                w in toks[i + k].w.lemmas or w == toks[i + k].low for k, w in enumerate(words)
            ):
                out.append(Cue(i, i + n - 1, kind))
                i += n - 1
                break
        i += 1
    return out


def _governor(s: Sent, m: Match, cue_list: list[Cue]) -> Cue | None:
    """The cue that governs predicate ``m`` ("отказался осудить", "готов к переговорам")."""
    head = s.toks[m.head]
    if m.entry.pos == "VERB" and head.w.pos != "INFN":
        return None
    for cue in reversed(cue_list):
        if cue.last >= m.first or m.first - cue.last > 6:
            continue
        gap = s.toks[cue.last + 1 : m.first]
        if any(t.low in PUNCT and t.mention is None for t in gap):
            continue
        if m.entry.pos == "NOUN" and not _governable(gap):
            continue
        return cue
    return None


def _governable(gap: list[Tok]) -> bool:
    """Whether the words between a cue and a noun predicate let the cue govern it: adjectives,
    a preposition, one infinitive ("пригрозила начать операцию", "призвал возобновить диалог")
    and the addressee ("пригрозила Финляндии ответными мерами")."""
    k = len(gap)
    while k and gap[k - 1].w.pos in ADJ_LIKE and gap[k - 1].mention is None:
        k -= 1
    if k and gap[k - 1].w.pos == "PREP":
        k -= 1
    if k and gap[k - 1].w.pos == "INFN":
        k -= 1
        # the addressee, named or not: "призвала страны ЕС увеличить помощь"
        return all(t.mention is not None or t.w.pos in ("NOUN", "ADJF", "CONJ") for t in gap[:k])
    return all(t.mention is not None or t.low in ("и", ",") for t in gap[:k])


def _negated_at(s: Sent, i: int) -> bool:
    _, _, negation = _cue_table()
    for j in (i - 1, i - 2):
        if j < 0:
            return False
        t = s.toks[j]
        if t.low in negation:
            return True
        if t.w.pos not in ("ADVB", "PRCL") and t.w.lemma != "быть":
            return False
    return False


# --- arguments -----------------------------------------------------------------------------


@dataclass
class Gov:
    """What governs a mention: a preposition (or none), directly or through nouns."""

    prep: str | None
    direct: bool
    head: Tok | None = None
    """The noun heading the phrase when the mention is a genitive modifier."""


def _gov(s: Sent, n: int) -> Gov:
    gov = _gov_walk(s, n)
    if not gov.direct and gov.head is not None:
        cases = _cases(s, n)
        if not cases or ("gent" not in cases and cases & gov.head.w.cases):
            gov.direct = True  # an apposition: "с министром иностранных дел КНР Ван И"
    return gov


def _gov_walk(s: Sent, n: int) -> Gov:
    toks = s.toks
    j = s.mtoks[n][0] - 1
    direct, head, steps, closed = True, None, 0, False
    k = j
    while k >= 0 and toks[k].low in QUOTES:
        k -= 1
    if k > 0 and toks[k].low in ("и", ",") and toks[k - 1].mention is not None:
        prev = toks[k - 1].mention
        if prev != n and s.mtoks[prev][1] == k - 1:
            shared = _gov(s, prev)  # a conjunct shares its first member's governor
            if not (toks[k].low == "," and shared.prep in SPEAKER_PREPS):
                return shared  # but "по словам Пескова, Кремль ..." starts a new clause
    first_name = s.mentions[n].kind == "person"
    while j >= 0 and steps < 6:
        t = toks[j]
        if t.low in QUOTES:
            j -= 1
            continue
        if first_name and t.mention is None and t.text[:1].isupper() and t.w.pos != "PREP":
            j -= 1  # "с Олафом Шольцем": a first name outside the mention
            continue
        first_name = False
        if t.w.pos == "PREP" or t.low == "согласно":
            if t.low in ("с", "со") and j > 1 and (toks[j - 2].low, toks[j - 1].low) == IN_VIEW:
                return Gov("в связи с", direct, head)
            return Gov(_normalise_prep(t.low), direct, head)
        if t.mention is not None:  # adjacent mentions ("МИД КНР Хуа Чуньин") form one phrase
            if j + 1 < len(toks) and toks[j + 1].mention is not None:
                j = s.mtoks[t.mention][0] - 1
                steps += 1
                continue
            break
        if j > 0 and (toks[j - 1].low, t.low) in COMPOUND_PREPS:
            return Gov(COMPOUND_PREPS[toks[j - 1].low, t.low], direct, head)
        if t.w.pos in ADJ_LIKE or t.low.isdigit():
            closed = closed or t.low.isdigit()  # "из тюрем 30 палестинцев": a new phrase
            j -= 1
            steps += 1
            continue
        if t.w.pos in ("NOUN", "UNKN", None) and t.low not in PUNCT and not closed:
            direct, head = False, t
            closed = "gent" not in t.w.cases  # only a genitive can itself be a modifier
            j -= 1
            steps += 1
            continue
        break
    return Gov(None, direct, head)


def _cases(s: Sent, n: int) -> frozenset[str]:
    """The cases a mention can be in, read from its first declinable word."""
    lo, hi = s.mtoks[n]
    fallback: frozenset[str] = frozenset()
    for t in s.toks[lo : hi + 1]:
        if t.w.pos in ("NOUN", "ADJF", "PRTF", "NPRO") and t.w.cases:
            if not t.w.fixed:
                return t.w.cases
            fallback = fallback or t.w.cases
    return fallback


def _can_be_subject(s: Sent, n: int, gov: Gov) -> bool:
    if gov.prep is not None:
        return False
    cases = _cases(s, n)
    if gov.direct or "nomn" in cases:  # "представитель МИД КНР Хуа Чуньин": an apposition
        return not cases or "nomn" in cases
    return "gent" in cases and gov.head is not None and "nomn" in gov.head.w.cases


def _subject_by_order(s: Sent, n: int, gov: Gov) -> bool:
    """An indeclinable or nominative mention right before a finite verb, after a genitive phrase
    the walk took it into ("С начала конфликта ЕС ввёл …"): the subject."""
    if gov.head is None or gov.direct:
        return False
    nxt = s.mtoks[n][1] + 1
    cases = _cases(s, n)
    verb = nxt < len(s.toks) and s.toks[nxt].w.pos == "VERB" and s.toks[nxt].mention is None
    return verb and (not cases or "nomn" in cases)


def _conjuncts(s: Sent, n: int, step: int, lo: int, hi: int) -> list[int]:
    """Mentions joined to mention ``n`` by "и" or commas, going left (-1) or right (+1)."""
    out = [n]
    cur = n
    while True:
        j = s.mtoks[cur][0] - 1 if step < 0 else s.mtoks[cur][1] + 1
        seen_conj = False
        while (
            lo <= j <= hi
            and s.toks[j].mention is None
            and (s.toks[j].low in CONJOINERS or s.toks[j].low == "также")
        ):
            seen_conj = seen_conj or s.toks[j].low in ("и", ",", "также")
            j += step
        if not seen_conj or not lo <= j <= hi or s.toks[j].mention is None:
            return out
        nxt = s.toks[j].mention
        if step > 0 and s.mtoks[nxt][0] != j:
            return out
        out.append(nxt)
        cur = nxt


def _mentions_in(s: Sent, lo: int, hi: int) -> list[int]:
    return [n for n, (a, b) in enumerate(s.mtoks) if a >= lo and b <= hi]


@dataclass
class Args:
    sources: list[Mention]
    targets: list[Mention]
    canonical: bool
    reciprocal: bool = False
    modality: str | None = None
    """``intent`` for an invited act ("пригласил Путина посетить КНР")."""
    code: str | None = None
    """A code other than the lexicon's: joint drills of one side are a show of force."""


def _pronoun_source(s: Sent, t: Tok, speaker: Mention | None) -> Mention | None:
    if t.w.lemma in ("мы", "наш"):
        return speaker
    if t.w.lemma in ("он", "она"):
        for n in range(len(s.mentions) - 1, -1, -1):
            if s.mtoks[n][1] < t.i and s.mentions[n].kind == "person":
                return s.mentions[n]
        return s.context.last_person()
    return None


def _pair(s: Sent, before: int) -> list[Mention]:
    """The two actors "стороны" or "два лидера" stand for."""
    seen: list[Mention] = []
    for n in range(len(s.mentions) - 1, -1, -1):
        m = s.mentions[n]
        if s.mtoks[n][1] >= before or m.kind not in ("person", "state", "organisation"):
            continue
        if not any(same_actor(m, o) or m.code == o.code for o in seen):
            seen.append(m)
    if len(seen) >= 2:
        return [seen[1], seen[0]]
    pair = s.context.last_pair()
    return list(pair) if pair else []


def _subject_left(s: Sent, lo: int, at: int, speaker: bool = True) -> tuple[list[Mention], bool]:
    """Nearest subject before token ``at`` in [lo, at): mentions, or the pair / a pronoun
    ("мы" is the speaker unless ``speaker`` is False: when looking for the speaker)."""
    for j in range(at - 1, lo - 1, -1):
        t = s.toks[j]
        if t.mention is not None:
            n = t.mention
            if s.mtoks[n][1] != j:
                continue
            gov = _gov(s, n)
            if _can_be_subject(s, n, gov) or _subject_by_order(s, n, gov):
                group = set(_conjuncts(s, n, -1, lo, at - 1) + _conjuncts(s, n, 1, lo, at - 1))
                return [s.mentions[k] for k in sorted(group)], True
            continue
        prev = s.toks[j - 1] if j > 0 else None
        counted = prev is not None and prev.w.lemma in PAIR_NUMBERS
        if t.w.lemma in PAIR_WORDS and (t.w.plural or counted):
            nxt = s.toks[j + 1] if j + 1 < len(s.toks) else None
            if prev is not None and (
                prev.w.pos in ("PREP", "VERB", "INFN", "PRTF", "PRTS", "GRND")
                or prev.w.lemmas & {"весь", "другой", "третий", "многий", "некоторый"}
            ):
                continue  # "призвала все стороны": an object, not the pair
            if nxt is not None and nxt.mention is not None:
                continue  # "лидеры G7": the mention itself is the subject
            return _pair(s, j), False
        if t.w.pos == "NPRO" and "nomn" in t.w.cases and t.w.lemma in ("мы", "он", "она", "они"):
            if t.w.lemma == "они":
                return _pair(s, j), False
            said_by = _speaker(s) if speaker and t.w.lemma == "мы" else None
            src = _pronoun_source(s, t, said_by)
            return ([src] if src else []), False
    return [], False


def _speaker(s: Sent) -> Mention | None:
    """The subject of the sentence's speech verb ("— заявил Лавров", "Лавров заявил")."""
    _, speech, _ = _cue_table()
    for t in s.toks:
        if t.w.lemma in speech and t.w.pos == "VERB":
            lo, hi = s.clause(t.i)
            found = _subject_right(s, t.i, hi) or _subject_left(s, lo, t.i, speaker=False)[0]
            if found:
                return found[0]
    for n, m in enumerate(s.mentions):
        if _gov(s, n).prep in SPEAKER_PREPS:
            return m
    return None


def _subject_right(s: Sent, at: int, hi: int, limit: int = 3) -> list[Mention]:
    """A subject right after a verb ("заявил Лавров"): nominative only, no accusative reading."""
    for j in range(at + 1, min(hi, at + limit) + 1):
        t = s.toks[j]
        if t.mention is None:
            if t.w.pos in ("VERB", "INFN", "PREP") or t.low in PUNCT:
                return []
            continue
        n = t.mention
        cases = _cases(s, n)
        if _gov(s, n).prep is None and "nomn" in cases and "accs" not in cases:
            return [s.mentions[k] for k in _conjuncts(s, n, 1, at, hi)]
        return []
    return []


def _destination(prep: str | None, cases: frozenset[str]) -> bool:
    """Whether a mention after ``prep`` can be a target: "в Москве" is a place, "в Москву" a
    destination."""
    return prep not in ("в", "на") or not cases or "accs" in cases


def _targets(
    s: Sent, m: Match, start: int, lo: int, hi: int, exclude: set[int]
) -> tuple[list[Mention], bool]:
    """Target mentions of predicate ``m`` after token ``start``: the lexicon's preposition, or
    an oblique case without one. Returns (mentions, whether the match is canonical)."""
    prep = m.entry.target
    weak: list[int] | None = None
    if m.entry.pos == "NOUN":  # an object genitive: "воздержался от осуждения России"
        j = m.first - 1
        while j >= 0 and s.toks[j].w.pos in ADJ_LIKE and s.toks[j].mention is None:
            j -= 1
        n = s.toks[j].mention if j >= 0 else None
        inside = [k for k in _mentions_in(s, m.first + 1, m.last - 1) if k not in exclude]
        if n is not None and (n in exclude or s.mtoks[n][1] != j or s.mtoks[n][0] < lo):
            n = None
        for k in ([n] if n is not None else []) + inside:
            first = s.mtoks[k][0]
            bare = first == 0 or s.toks[first - 1].w.pos != "PREP"
            if bare and "datv" in _cases(s, k):  # "о выделении Украине военной помощи"
                return [s.mentions[k]], True
        for n in _mentions_in(s, m.last + 1, hi):
            between = s.toks[m.last + 1 : s.mtoks[n][0]]  # "высылке двух немецких дипломатов"
            modifiers = all(t.w.pos in ADJ_LIKE or t.low.isdigit() for t in between)
            if modifiers and n not in exclude and "gent" in _cases(s, n):
                return [s.mentions[k] for k in _conjuncts(s, n, 1, lo, hi)], True
            break
    for n in _mentions_in(s, start + 1, hi):
        if n in exclude:
            continue
        gov = _gov(s, n)
        cases = _cases(s, n)
        if gov.prep is not None and (gov.prep == prep or gov.prep in ANY_TARGET_PREPS):
            if not _destination(gov.prep, cases) and gov.direct:
                continue
            if gov.direct:
                return [s.mentions[k] for k in _conjuncts(s, n, 1, lo, hi)], True
            if weak is None and "gent" in cases:  # "на страны НАТО", "по территории Украины"
                weak = _conjuncts(s, n, 1, lo, hi)
            continue
        if gov.prep is None and (not cases or cases & OBJECT_CASES):
            if cases == frozenset({"nomn"}):
                continue
            if gov.direct:
                return [s.mentions[k] for k in _conjuncts(s, n, 1, lo, hi)], True
            if weak is None:
                weak = _conjuncts(s, n, 1, lo, hi)
    if prep is not None:  # "С Си Цзиньпином Путин встретился"
        for n in _mentions_in(s, lo, m.first - 1):
            gov = _gov(s, n)
            if gov.prep == prep and gov.direct and n not in exclude:
                if not _destination(prep, _cases(s, n)):
                    continue
                return [s.mentions[n]], True
    if weak is not None:
        return [s.mentions[k] for k in weak], False
    fallback = _fallback_target(s, m, start, hi, exclude)
    if fallback is not None:
        return [s.mentions[k] for k in _conjuncts(s, fallback, 1, lo, hi)], False
    return [], False


def _fallback_target(s: Sent, m: Match, start: int, hi: int, exclude: set[int]) -> int | None:
    """A target by the kind of act when no argument matched: what a statement is about ("выразил
    пессимизм по поводу переговоров с Ираном"), where force is shown or used ("у границы с
    Финляндией", "вокруг Тайваня", "на юге Ливана", "по целям в Сирии"), where people protest
    ("у посольства России")."""
    root = m.entry.code[:2]
    candidates = [n for n in _mentions_in(s, start + 1, hi) if n not in exclude]
    attitude = root == "01" and m.entry.target is not None
    if attitude or m.entry.code == DISAPPROVE:  # "обеспокоенность ситуацией в Йемене"
        return candidates[0] if candidates else None
    if root in TRADE_ROOTS:  # "расследование в отношении импорта из США"
        for n in candidates:
            if _gov(s, n).prep == "из":  # "бренди из Франции", "импорта из США"
                return n
    if root not in FORCE_ROOTS and root not in (PROTEST_ROOT, REDUCE_ROOT):
        return None
    for n in candidates:
        gov = _gov(s, n)
        first = s.mtoks[n][0]
        if gov.prep in VICINITY and root != REDUCE_ROOT:
            return n
        if root == PROTEST_ROOT:
            continue
        if gov.prep == "с" and first > 1 and s.toks[first - 2].w.lemma in BORDERS:
            return n
        if root == REDUCE_ROOT:
            continue
        if gov.head is not None and gov.head.w.lemma in LOCATION_NOUNS | OWNER_NOUNS:
            return n
    if root in ATTACK_ROOTS:
        for n in candidates:
            gov = _gov(s, n)
            located = gov.prep == "в" and gov.direct and "loct" in _cases(s, n)
            if located and s.mentions[n].kind in ("state", "place"):
                return n
    return None


def _addressee(s: Sent, governor: Cue, m: Match, lo: int, hi: int, used: set[int]) -> list[Mention]:
    """Whom an appeal, demand or threat is addressed to, between the cue and the act it
    governs ("потребовала от НАТО вывести войска", "призвал Россию прекратить огонь")."""
    if governor.kind not in ADDRESSED:
        return []
    for n in _mentions_in(s, governor.last + 1, m.first - 1):
        if n not in used and _gov(s, n).prep in (None, "от", "к", "у"):
            return [s.mentions[k] for k in _conjuncts(s, n, 1, lo, hi)]
    return []


def _outer_subject(s: Sent, lo: int) -> list[Mention]:
    """The source of a clause without a subject: the antecedent of "который", or the main
    clause's subject (or the speaker) for "что", "чтобы" and clauses after a colon or dash."""
    first = s.toks[lo]
    prev = s.toks[lo - 1]
    if first.w.lemma == "который" and "nomn" in first.w.cases:
        j = lo - 1 if prev.low != "," else lo - 2
        if j >= 0 and s.toks[j].mention is not None:
            return [s.mentions[s.toks[j].mention]]
        return []
    if first.w.lemma in ("что", "чтобы") or prev.low in HARD_BOUNDARIES:
        sources, _ = _subject_left(s, 0, lo)
        if sources:
            return sources
        speaker = _speaker(s)
        return [speaker] if speaker else []
    return []


def _between(s: Sent, lo: int, hi: int) -> list[Mention]:
    for n in _mentions_in(s, lo, hi):
        if _gov(s, n).prep == "между":
            group = _conjuncts(s, n, 1, lo, hi)
            if len(group) >= 2:
                return [s.mentions[k] for k in group]
    return []


def _arguments(s: Sent, m: Match, governor: Cue | None) -> Args | None:
    lo, hi = s.clause(m.first)
    if lo > 0 and s.toks[lo].w.lemma == "что":
        outer, _ = _subject_left(s, 0, lo)
        if outer and all(o.commentator for o in outer):
            return None  # what commentators expect is no event
    head = s.toks[m.head]
    anchor = governor.first if governor else m.first
    canonical = True
    sources: list[Mention] = []
    used: set[int] = set()
    controlled = False
    if governor is None and head.w.pos == "INFN":  # "пригласил Путина посетить КНР"
        for k in range(m.first - 1, max(lo, m.first - 6) - 1, -1):
            t = s.toks[k]
            if t.low in PUNCT:
                break
            if t.w.pos == "VERB" and t.mention is None:
                if _single_word_predicate(t):
                    return None  # "пригласил Путина посетить КНР": the invitation is the event
                between = [
                    n for n in _mentions_in(s, k + 1, m.first - 1) if _gov(s, n).prep is None
                ]
                if between:
                    sources, canonical = [s.mentions[between[0]]], False
                    used.add(between[0])
                    controlled = True
                anchor = k
                break
    if head.w.pos == "PRTF" and head.w.passive and m.head + 1 < len(s.toks):
        nxt = s.toks[m.head + 1]
        if nxt.mention is None and nxt.w.pos in ("NOUN", "ADJF"):
            return None  # "на оккупированных территориях": a description, not an act
    passive = head.w.pos in ("PRTF", "PRTS") and head.w.passive and head.w.lemma not in STATIVE
    verb = _verb_before(s, m) if m.entry.pos == "NOUN" and governor is None else None
    # "осудил удар Израиля": the noun is the object of another act, with its own agent only;
    # "проводит этническую чистку палестинцев": the verb's subject acts, the genitive is acted on
    embedded = verb is not None and _single_word_predicate(verb)
    light = verb is not None and not embedded

    if passive:
        for n in _mentions_in(s, lo, hi):
            gov = _gov(s, n)
            cases = _cases(s, n)
            by_body = gov.head is not None and "ablt" in gov.head.w.cases and "gent" in cases
            if gov.prep is None and (
                (gov.direct and cases == frozenset({"ablt"})) or by_body
            ):  # "задержан органами госбезопасности Китая"
                sources = [s.mentions[k] for k in _conjuncts(s, n, 1, lo, hi)]
                used.update(_conjuncts(s, n, 1, lo, hi))
                break
        if not sources and m.entry.code[:2] in AUTHORITY_ROOTS:
            for n in _mentions_in(s, lo, hi):  # "В России задержан американский журналист"
                gov = _gov(s, n)
                mention = s.mentions[n]
                if gov.prep == "в" and gov.direct and mention.kind in ("state", "seat"):
                    sources, canonical = [mention], False
                    used.add(n)
                    break
    elif m.entry.pos == "NOUN" and governor is None and not light:
        for n in _mentions_in(s, m.last + 1, min(hi, m.last + 4)):
            gov = _gov(s, n)
            cases = _cases(s, n)
            right_after = s.mtoks[n][0] == m.last + 1
            agent = right_after and cases == frozenset({"ablt"})  # "поставки Тегераном"
            if gov.prep == "со стороны" or agent or ("gent" in cases and right_after):
                group = _conjuncts(s, n, 1, lo, hi)
                sources = [s.mentions[k] for k in group]
                used.update(group)
                break
    if head.w.pos == "PRTF" and not passive and governor is None:
        sources = _participle_head(s, m)  # "компаний, помогающих России": the companies help
        used.update(n for n, x in enumerate(s.mentions) if any(x is y for y in sources))
    if not sources and not passive and not embedded:
        sources, canonical = _subject_left(s, lo, anchor)
        if not sources:
            limit = 3 if m.entry.pos == "VERB" else hi - m.last
            sources = _subject_right(s, m.last, hi, limit)
    if sources:
        used.update(n for n, x in enumerate(s.mentions) if any(x is y for y in sources))
    if not sources and head.w.pos == "VERB" and head.w.plural:  # "в Кремле заявили"
        for n in _mentions_in(s, lo, m.first - 1):
            gov = _gov(s, n)
            if gov.prep == "в" and s.mentions[n].kind in ("seat", "state", "organisation"):
                sources, canonical = [s.mentions[n]], False
                used.add(n)
                break
    if not sources and lo > 0:
        sources = _outer_subject(s, lo)
        canonical = False
    if not sources:
        return None

    start = governor.first if governor else m.first
    reach = hi
    for k in range(m.first + 1, hi + 1):  # a coordinated verb starts its own predication
        if k not in m.words and s.toks[k].w.pos == "VERB" and s.toks[k].mention is None:
            reach = k - 1
            break
    addressee = _addressee(s, governor, m, lo, hi, used) if governor else []
    if addressee:
        targets, direct = addressee, True
    else:
        targets, direct = _targets(s, m, start, lo, reach, used)
        if m.entry.words[0] in PERSON_OBJECT_ONLY and len(m.entry.words) == 1:
            targets = [t for t in targets if t.kind in ("person", "agent")]
    canonical = canonical and (direct or not targets)
    canonical = canonical and not (m.entry.pos == "NOUN" and m.entry.target is None)
    reciprocal = False
    if not targets:
        mutual = any(t.low == "друг" for t in s.toks[m.first : reach + 1])
        between = _between(s, m.first, reach) if m.entry.symmetric else []
        if between:  # "посредниками в переговорах между Израилем и ХАМАС"
            return Args(between[:1], between[1:], canonical, True)
        if len(sources) >= 2 and (m.entry.symmetric or mutual):
            reciprocal = True
            targets = sources
            canonical = canonical and m.entry.pos == "VERB"
        elif passive:
            for n in _mentions_in(s, lo, hi):
                if n not in used and _can_be_subject(s, n, _gov(s, n)):
                    targets = [s.mentions[n]]  # "Гражданин Японии был задержан"
                    break
        elif m.entry.code.startswith(JOINT_DRILLS):  # "НОАК начала совместные учения вокруг"
            drill = replace(m, entry=replace(m.entry, code=FORCE_POSTURE))
            n = _fallback_target(s, drill, start, reach, used)
            if n is not None:
                return Args(sources, [s.mentions[n]], False, code=FORCE_POSTURE)
    if not targets:
        return None
    return Args(sources, targets, canonical, reciprocal, "intent" if controlled else None)


def _place(s: Sent, m: Match, lo: int, hi: int, actors: set[int]) -> str | None:
    """The seat or state after "в" (prepositional case) nearest the predicate."""
    best: tuple[int, str] | None = None
    for n in _mentions_in(s, lo, hi):
        mention = s.mentions[n]
        if mention.kind not in ("seat", "state") or id(mention) in actors:
            continue
        gov = _gov(s, n)
        if gov.prep == "в" and gov.direct and "loct" in _cases(s, n):
            distance = abs(s.mtoks[n][0] - m.first)
            if best is None or distance < best[0]:
                best = (distance, mention.text)
    return best[1] if best else None


# --- events --------------------------------------------------------------------------------


def extract_sentence(
    text: str, sentence: Sentence, mentions: Sequence[Mention], context: DocContext
) -> list[Event]:
    """The events of one Russian sentence; ``mentions`` are its actor mentions, ``context``
    the earlier sentences' (for "стороны", "он")."""
    s = _prepare(text, sentence, mentions, context)
    if not s.toks:
        return []
    preds = _find_predicates(s)
    if not preds:
        return []
    cue_list = _find_cues(s)
    governors = {id(p): _governor(s, p, cue_list) for p in preds}
    governing = {g.first for g in governors.values() if g is not None}
    events: list[Event] = []
    for p in preds:
        if governing.intersection(p.words):
            continue  # the cue of another predicate ("отказался осудить", "готов посетить")
        if governors[id(p)] is None and _topic_of_another(s, p, preds):
            continue  # "выразил пессимизм по поводу переговоров": what the act is about
        if p.entry.pos == "NOUN" and (_modifies_text(s, p) or _accused_of(s, p, preds)):
            continue  # "условия прекращения огня", "обвинила Лондон в причастности к атаке"
        events += _events_of(s, p, governors[id(p)])
    return events


def _modifies_text(s: Sent, p: Match) -> bool:
    """Whether noun predicate ``p`` qualifies a plan or text ("условия прекращения огня",
    "проект резолюции о санкциях") rather than reporting an act."""
    j = p.first - 1
    while j >= 0 and s.toks[j].w.pos in ADJ_LIKE and s.toks[j].mention is None:
        j -= 1
    if j > 0 and s.toks[j].w.pos == "PREP":
        j -= 1
    return j >= 0 and s.toks[j].mention is None and s.toks[j].w.lemma in TEXT_NOUNS


def _accused_of(s: Sent, p: Match, preds: list[Match]) -> bool:
    """Whether noun predicate ``p`` is what an accusation earlier in its clause is about."""
    lo, _ = s.clause(p.first)
    return any(
        q.entry.code.startswith(ACCUSE) and lo <= q.first and q.last < p.first
        for q in preds
        if q is not p
    )


def _topic_of_another(s: Sent, p: Match, preds: list[Match]) -> bool:
    """Whether noun predicate ``p`` is the topic ("о …", "по поводу …") of an earlier, non-speech
    predicate of its clause."""
    if p.entry.pos != "NOUN":
        return False
    j = p.first - 1
    while j >= 0 and s.toks[j].w.pos in ADJ_LIKE and s.toks[j].mention is None:
        j -= 1
    if j < 0:
        return False
    words = (s.toks[j - 1].low if j else "", s.toks[j].low)
    if words[1] not in TOPIC_PREPS and " ".join(words) not in TOPIC_PREPS:
        return False
    _, speech, _ = _cue_table()
    lo, _ = s.clause(p.first)
    return any(
        q is not p and lo <= q.first and q.last < j and s.toks[q.head].w.lemma not in speech
        for q in preds
    )


def _same_state(a: Mention, b: Mention) -> bool:
    """A state and its own government, army, ruling party or territory: no event between them."""
    if a.code != b.code:
        return False
    return (a.sector in OWN_SECTORS and b.sector in OWN_SECTORS) or b.kind == "place"


def _recognised_state(s: Sent, p: Match) -> bool:
    """Whether a state stands right after the predicate as its object ("признала Палестину")."""
    nxt = p.last + 1
    if nxt >= len(s.toks) or s.toks[nxt].mention is None:
        return False
    n = s.toks[nxt].mention
    return s.mentions[n].kind == "state" and "accs" in _cases(s, n)


def _within(event: Event, s: Sent) -> Event:
    """The event with its evidence clipped to its sentence (a pair from context lies before)."""
    lo, hi = s.sentence.start, s.sentence.end
    if event.start >= lo and event.end <= hi:
        return event
    start, end = max(event.start, lo), min(event.end, hi)
    return replace(event, start=start, end=end, text=s.text[start:end])


def _events_of(s: Sent, p: Match, governor: Cue | None) -> list[Event]:
    args = _arguments(s, p, governor)
    if args is None:
        return []
    toks = s.toks
    head = toks[p.head]
    negated = p.entry.negated
    modality: str | None = None
    first = p.first
    if governor is not None:
        first = governor.first
        if governor.kind == "refusal":
            negated = True
        else:
            modality = governor.kind
        if _negated_at(s, governor.first) and governor.kind != "refusal":
            negated = True
    if _negated_at(s, p.first) or (p.entry.pos == "NOUN" and _negated_at(s, p.last)):
        negated = True
    modality = modality or args.modality
    verb = _verb_before(s, p) if p.entry.pos == "NOUN" and governor is None else None
    if verb is not None and not _single_word_predicate(verb):
        head = verb  # "проведут совместное патрулирование": the verb's tense and negation
        negated = negated or _negated_at(s, verb.i)
    if modality is None and governor is None:
        if head.w.future and head.w.pos == "VERB":
            modality = "future"
        elif head.w.pos == "INFN":
            for aux in toks[max(0, p.first - 4) : p.first]:
                if aux.w.lemma == "быть" and aux.w.future:
                    modality = "future"
    if negated and modality == "future":
        modality = None  # "не присоединится к санкциям": a negated act, not a threat
    symmetric = p.entry.symmetric and args.code is None
    two_way = (symmetric and modality not in ONE_SIDED) or args.reciprocal
    lo, hi = s.clause(p.first)
    place = _place(s, p, lo, hi, {id(x) for x in args.sources + args.targets})
    start, end = toks[first].start, toks[p.last].end
    predicate = s.text[start:end]
    confidence = CANONICAL if args.canonical else FALLBACK
    pairs: list[tuple[Mention, Mention]] = []
    for src in args.sources:
        for tgt in args.targets:
            pairs.append((src, tgt))
            if two_way:
                pairs.append((tgt, src))
    code = args.code or p.entry.code
    if code == ADMIT and _recognised_state(s, p):
        code = RECOGNISE  # "признала Палестину": recognition, not an admission
    events: list[Event] = []
    seen: set[tuple[int, int]] = set()
    for src, tgt in pairs:
        if (id(src), id(tgt)) in seen or same_actor(src, tgt) or _same_state(src, tgt):
            continue
        seen.add((id(src), id(tgt)))
        acts = [(src, tgt, code, confidence)]
        if modality is None and not negated and not args.reciprocal:
            if code.startswith(VISIT):
                acts.append((tgt, src, HOST, FALLBACK))  # the host receives the visitor
            elif code.startswith(HOST):
                acts.append((tgt, src, VISIT, FALLBACK))  # and the guest visits
        for a, b, act, conf in acts:
            event = build_event(
                text=s.text,
                sentence=s.sentence,
                source=a,
                target=b,
                code=act,
                start=start,
                end=end,
                predicate=predicate,
                lang=LANG,
                negated=negated,
                modality=modality,
                place=place,
                confidence=conf,
            )
            if event is not None:
                events.append(_within(event, s))
    return events

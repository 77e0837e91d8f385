"""Find direct quotations and reported speech, and attribute each to its speaker.

Direct quotations are the top-level spans of paired quote marks (see :mod:`annals.quotes.marks`)
that a speech cue attributes, tried in this order:

1. the continuation of a quotation left open at the end of the previous paragraph;
2. a cue right after the closing mark ("…," Putin said / said Putin / «…», — заявил Лавров /
   」一名官员这样说);
3. a cue or a colon right before the opening mark (Putin said, "…" / told Xi: "…" / 他表示：「…」);
4. a cue earlier in the same sentence (Kirby said that they want to change the "rules of the
   game") — then the quote must be at least three words (six CJK characters) and not be used as a
   modifier (the "no limits" partnership);
5. none at all, for a quote that opens a paragraph right after a quote by someone, or later in a
   paragraph that opened with one: the speaker carries.

Reported speech is the clause after a speech cue (said (that) …, told X that …, according to X,
…, 他表示，…, 据报道，…, заявил, что …, по словам X, …). The speaker is the subject of the cue: the
nearest actor mention, unknown proper name or pronoun before it (across an appositive), or right
after it (said Putin, — заявил Лавров). Pronouns and definite role phrases resolve to the most
recent person: the speaker of the latest quote or the first person of the latest sentence naming
one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from annals.quotes import cues as C
from annals.quotes.marks import Span, quote_spans
from annals.quotes.record import Quote
from annals.records import Mention, Sentence

SPEAKER_KINDS = frozenset({"state", "person", "organisation", "agent", "seat", "role"})
DEFINITE = re.compile(r"(?:\b(?:the|this|that)\s+|这位|该|此|这名)$", re.IGNORECASE)
INDEFINITE = re.compile(r"(?:\b(?:an?|one|some)\s+|一名|一位|一个)$", re.IGNORECASE)
PARENTHETICAL = re.compile(r"\s*[(（][^()（）]*[)）]")
APPOSITIVE = re.compile(r"^\s*,[^;:“”\"«»]*,")
EN_LEAD = re.compile(r"^[\s,.!?…—–:-]*(?:(?:the|a|an)\s+)?$", re.IGNORECASE)
FRAME_GAP = re.compile(
    r"^\s*(?:that\s*)?[,:，：]?\s*$|^\s+[^,.;!?“”\"«»「」。，；]{1,40}?\s*[,:，：]\s*$"
    r"|^[^,.;!?“”\"«»「」。，；\s]{1,12}[,:，：]\s*$"
)
AFTER_CUT_EN = re.compile(r"[.!?](?=\s+[A-Z“\"«‘']|\s*$)")
AFTER_CUT_ZH = re.compile(r"[。！？]")
PREV_CUE_END = re.compile(r"[.:：]\s*$")
FUNCTION_AFTER = C.lexicon(
    "again too now then and or but when while as because in on at to for with from by of that"
    " which who where after before since during until so if is was are were has have had will"
    " would could should can may might must not also already still yet even just this last"
    " next today yesterday he she they it we"
)
TRAILING_CONNECTOR = re.compile(
    r"(?:[\s,;:—–-]|\b(?:and|but|after|before|while|as|when|or|that)\b)+$"
)
REPORT_ONLY_SPEAKERLESS = re.compile(r"^(?:据|[Aa]ccording to (?:reports|media))")


@dataclass(frozen=True)
class Speaker:
    mention: Mention | None
    name: str
    id: str | None
    code: str | None
    person: bool = True


@dataclass(frozen=True)
class Cand:
    """A possible speaker in the text: an actor mention, an unknown name, a pronoun, "I", or a
    document ("the joint statement")."""

    start: int
    end: int
    kind: str
    name: str
    person: bool
    mention: Mention | None = None


def _words(text: str, lang: str) -> int:
    if lang == "zh":
        return len(C.CJK.findall(text)) // 2 + len(C.EN_WORD.findall(C.CJK.sub(" ", text)))
    return len(C.EN_WORD.findall(text))


def _short(text: str, lang: str, minimum: int) -> bool:
    """Fewer than ``minimum`` words (twice as many CJK characters)."""
    if lang == "zh" and C.CJK.search(text):
        return len(C.CJK.findall(text)) < 2 * minimum
    return len(C.EN_WORD.findall(text)) < minimum


class _Finder:
    def __init__(self, text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]):
        self.text = text
        self.sentences = sorted(sentences, key=lambda s: s.start)
        self.starts = [s.start for s in self.sentences]
        self.mentions = sorted(
            (m for m in mentions if m.kind in SPEAKER_KINDS and 0 <= m.start < m.end <= len(text)),
            key=lambda m: (m.start, -m.end),
        )
        self.mention_starts = [m.start for m in self.mentions]
        paragraphs: dict[int, list[int]] = {}
        for s in self.sentences:
            bounds = paragraphs.setdefault(s.paragraph, [s.start, s.end])
            bounds[0], bounds[1] = min(bounds[0], s.start), max(bounds[1], s.end)
        ordered = sorted(paragraphs.values())
        self.paragraphs = [(a, b) for a, b in ordered]
        self.para_starts = [a for a, _ in self.paragraphs]
        self.spans = quote_spans(text, self.paragraphs)
        self.quoted = [
            (s.open, s.close if s.close is not None else self._para(s.open)[1])
            for s in self.spans
            if not s.unterminated
        ]
        self.quoted_starts = [a for a, _ in self.quoted]
        self.open_ended = [(s.open, self._para(s.open)[1]) for s in self.spans if s.unterminated]
        self.cands: dict[int, list[Cand]] = {}
        self.history: list[tuple[int, int, Speaker]] = []  # (position, sentence index, speaker)
        self.quotes: list[Quote] = []
        self.last_direct: tuple[Quote, Speaker] | None = None
        self._zh_view = text

    # -- lookups ---------------------------------------------------------------------------

    def _sentence(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < max(self.sentences[i].end, self.sentences[i].start + 1):
            return self.sentences[i]
        if i >= 0:
            return self.sentences[i]
        return self.sentences[0] if self.sentences else None

    def _sentence_pos(self, pos: int) -> int:
        return max(bisect.bisect_right(self.starts, pos) - 1, 0)

    def _para(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.para_starts, pos) - 1, 0)
        return self.paragraphs[i]

    def _para_index(self, pos: int) -> int:
        return max(bisect.bisect_right(self.para_starts, pos) - 1, 0)

    def _in_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.quoted_starts, start) - 1
        return i >= 0 and self.quoted[i][0] <= start and end <= self.quoted[i][1] + 1

    # -- candidates ------------------------------------------------------------------------

    def _sentence_cands(self, index: int) -> list[Cand]:
        cached = self.cands.get(index)
        if cached is not None:
            return cached
        s = self.sentences[index]
        text, out = self.text, []
        lo = bisect.bisect_left(self.mention_starts, s.start)
        taken: list[tuple[int, int]] = []
        for m in self.mentions[lo:]:
            if m.start >= s.end:
                break
            if self._in_quote(m.start, m.end):
                continue
            out.append(Cand(m.start, m.end, "mention", m.name.strip(), m.kind == "person", m))
            taken.append((m.start, m.end))
        lang = s.lang
        if lang in ("en", "ru"):
            pattern, stop = (
                (C.EN_NAME, C.EN_NOT_NAME) if lang == "en" else (C.RU_NAME, C.RU_NOT_NAME)
            )
            for match in pattern.finditer(text, s.start, s.end):
                tokens = [(t.start(), t.end()) for t in re.finditer(r"\S+", match.group())]
                while tokens and match.group()[tokens[0][0] : tokens[0][1]] in stop:
                    tokens.pop(0)
                if not tokens:
                    continue
                start, end = match.start() + tokens[0][0], match.start() + tokens[-1][1]
                name = re.sub(r"['’]s$", "", text[start:end])
                end = start + len(name)
                if any(a < end and start < b for a, b in taken) or self._in_quote(start, end):
                    continue
                org = any(t in C.EN_ORG_WORDS for t in name.split())
                out.append(Cand(start, end, "name", name, not org))
            for match in C.EN_DOCUMENT.finditer(text, s.start, s.end):
                if not self._in_quote(match.start(), match.end()):
                    name = re.sub(r"^\w+\s+", "", match.group())
                    out.append(Cand(match.start(), match.end(), "doc", name, False))
        pronoun = {"en": C.EN_PRONOUN, "ru": C.RU_PRONOUN, "zh": C.ZH_PRONOUN}.get(lang)
        if pronoun is not None:
            for match in pronoun.finditer(text, s.start, s.end):
                if self._in_quote(match.start(), match.end()):
                    continue
                if any(a <= match.start() < b for a, b in taken):
                    continue
                word = match.group()
                kind = {"I": "author", "It": "it", "it": "it"}.get(word, "pronoun")
                out.append(Cand(match.start(), match.end(), kind, word, kind == "pronoun"))
        out.sort(key=lambda c: (c.start, -c.end))
        self.cands[index] = out
        return out

    def _cands(self, start: int, end: int) -> list[Cand]:
        if start >= end or not self.sentences:
            return []
        first, last = self._sentence_pos(start), self._sentence_pos(max(end - 1, start))
        out = []
        for i in range(first, last + 1):
            out.extend(c for c in self._sentence_cands(i) if start <= c.start and c.end <= end)
        return out

    # -- gaps ------------------------------------------------------------------------------

    def _gap_ok(self, gap: str, lang: str, appositive: bool) -> bool:
        gap = PARENTHETICAL.sub("", gap)
        if appositive:
            match = APPOSITIVE.match(gap)
            if match is None:
                return False
            gap = gap[match.end() :]
        if lang == "zh":
            return len(gap) <= 15 and not C.ZH_PUNCT.search(gap)
        if lang == "ru":
            return bool(C.RU_GAP.match(gap)) and "," not in gap
        if re.search(r"[^\w\s’'-]", gap):
            return False
        tokens = C.EN_WORD.findall(gap)
        return len(tokens) <= 8 and all(
            t.lower() in C.EN_GAP_WORDS or t[0].isdigit() for t in tokens
        )

    def _subject(self, start: int, cue_start: int, lang: str) -> Cand | None:
        """The subject of a cue: the nearest candidate before it, across adverbs or an
        appositive."""
        cands = [c for c in self._cands(start, cue_start) if c.end <= cue_start]
        for k in range(len(cands) - 1, -1, -1):
            c = cands[k]
            if self._gap_ok(self.text[c.end : cue_start], lang, False):
                head = cands[k - 1] if k else None  # "the news agency of the party said"
                if head is not None and re.fullmatch(
                    r"\s+of\s+(?:the\s+)?", self.text[head.end : c.start]
                ):
                    return head
                return c
        if lang == "zh":
            return None
        fitting = [c for c in cands if self._gap_ok(self.text[c.end : cue_start], lang, True)]
        fitting.sort(key=lambda c: (not c.person, c.start))
        return fitting[0] if fitting else None

    def _inverted(self, cue_end: int, limit: int, lang: str) -> Cand | None:
        """The subject right after a cue: "said Putin", "— заявил Лавров"."""
        for c in self._cands(cue_end, limit):
            gap = self.text[cue_end : c.start]
            if lang == "zh":
                return c if len(gap) <= 4 and not C.ZH_PUNCT.search(gap) else None
            if re.fullmatch(r"\s*(?:[a-zа-яё-]+\s+){0,4}", gap):
                return c
            return None
        return None

    # -- speakers --------------------------------------------------------------------------

    def _speaker(self, c: Cand | None, pos: int) -> Speaker | None:
        if c is None:
            return None
        if c.kind == "pronoun":
            return self._recent_person(pos)
        if c.kind == "author":
            return Speaker(None, "author", None, None)
        if c.kind == "it":
            return self._recent_body(pos)
        if c.kind == "doc":
            return Speaker(None, c.name, None, None, False)
        if c.kind == "name":
            if " " not in c.name:
                earlier = self._recent_person(c.start, surname=c.name)
                if earlier is not None:
                    return earlier
            return Speaker(None, c.name, None, None, c.person)
        m = c.mention
        assert m is not None
        if m.entity_id is None and m.kind in ("role", "agent"):
            before = self.text[max(0, m.start - 12) : m.start]
            if (
                DEFINITE.search(before) or m.text.lower().startswith("the ")
            ) and not m.text.endswith("s"):
                earlier = self._recent_person(m.start, code=m.code)
                if earlier is not None:
                    return earlier
        return Speaker(m, m.name.strip(), m.entity_id, m.code, m.kind == "person")

    def _recent_body(self, pos: int) -> Speaker | None:
        """What "it" as a speaker refers to: the latest document or organisation named in this
        sentence or the two before."""
        index = self._sentence_pos(pos)
        for j in range(index, max(-1, index - 3), -1):
            bodies = [
                c
                for c in self._sentence_cands(j)
                if c.end <= pos
                and (
                    c.kind == "doc"
                    or (c.mention is not None and c.mention.kind in ("organisation", "seat"))
                )
            ]
            if bodies:
                return self._speaker(bodies[-1], bodies[-1].start)
        return None

    def _as_speaker(self, c: Cand) -> Speaker:
        m = c.mention
        if m is not None:
            return Speaker(m, m.name.strip(), m.entity_id, m.code, True)
        return Speaker(None, c.name, None, None, True)

    def _recent_person(
        self, pos: int, code: str | None = None, surname: str | None = None
    ) -> Speaker | None:
        """The person a pronoun or role phrase at ``pos`` most likely refers to."""

        def fits(c: Cand) -> bool:
            if not c.person or c.kind not in ("mention", "name") or c.end > pos:
                return False
            if code is not None and c.mention is not None and c.mention.code != code:
                return False
            if surname is not None:
                return c.name != surname and c.name.split()[-1] == surname
            return True

        def fits_speaker(s: Speaker) -> bool:
            if surname is not None:
                return s.name != surname and s.name.split()[-1:] == [surname]
            return s.person and (code is None or s.code in (None, code))

        index = self._sentence_pos(pos)
        here = self.sentences[index]
        same = [c for c in self._sentence_cands(index) if fits(c)]
        if same and surname is None:
            return self._as_speaker(same[0])
        for j in range(index - (0 if surname else 1), max(-1, index - 7), -1):
            there = self.sentences[j]
            if there.lang != here.lang or here.paragraph - there.paragraph > 3:
                break
            spoken = [s for p, k, s in self.history if k == j and p < pos and fits_speaker(s)]
            if spoken:
                return spoken[-1]
            named = [c for c in self._sentence_cands(j) if fits(c)]
            if named:
                return self._as_speaker(named[0])
        return None

    # -- direct quotations -----------------------------------------------------------------

    def _cue_pattern(self, lang: str) -> re.Pattern[str]:
        return {"zh": C.ZH_CUE, "ru": C.RU_CUE}.get(lang, C.EN_CUE)

    def _scan_view(self, lang: str) -> str:
        return self._zh_view if lang == "zh" else self.text

    def _direct(self, index: int, span: Span) -> None:
        text = self.text
        para_start, para_end = self.paragraphs[span.paragraph]
        close = span.close if span.close is not None else para_end
        start, end = span.open + 1, close
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        sentence = self._sentence(span.open)
        if sentence is None:
            return
        lang = sentence.lang if sentence.lang in ("en", "zh", "ru") else "en"
        view = self._scan_view(lang)
        cue_re = self._cue_pattern(lang)
        prev = self.spans[index - 1] if index > 0 else None
        nxt = self.spans[index + 1] if index + 1 < len(self.spans) else None
        same_para_prev = prev if prev is not None and prev.paragraph == span.paragraph else None
        before_start = max(
            sentence.start, para_start, (same_para_prev.close or 0) + 1 if same_para_prev else 0
        )
        before_start = min(before_start, span.open)
        before = view[before_start : span.open]
        words = text[start:end]
        speaker: Speaker | None = None
        cue: tuple[str, int, int] | None = None
        how = ""

        # 1. continuation of a quote left open in the previous paragraph
        last = self.last_direct[0] if self.last_direct else None
        if span.continued and last is not None and last.direct and last.speaker_name:
            speaker, cue, how = (
                self._last_speaker(),
                (last.cue, last.cue_start, last.cue_end),
                "carry",
            )

        # 2. a cue right after the closing mark
        if speaker is None and span.close is not None:
            after_end = (
                nxt.open if nxt is not None and nxt.paragraph == span.paragraph else para_end
            )
            cut = (AFTER_CUT_ZH if lang == "zh" else AFTER_CUT_EN).search(
                view, close + 1, after_end
            )
            after_end = cut.start() if cut else after_end
            match = cue_re.search(view, close + 1, after_end)
            if (
                lang != "zh"
                and re.search(r"[.!?…]\W*$", words)
                and re.match(r"\s*[A-Z]", text[close + 1 : after_end])
            ):
                match = None  # a new sentence starts after the quote
            if match and match.start() - close <= (20 if lang == "zh" else 120):
                found = self._after_subject(close + 1, match, after_end, lang)
                if found is not None:
                    speaker = self._speaker(found, found.start)
                    cue, how = (match.group(), match.start(), match.end()), "after"

        # 3. a cue or a colon right before the opening mark
        if speaker is None:
            cues = [m for m in cue_re.finditer(view, before_start, span.open)]
            frame = cues[-1] if cues else None
            if frame is not None and FRAME_GAP.match(view[frame.end() : span.open]):
                gap = view[frame.end() : span.open]
                if len(C.EN_WORD.findall(gap)) <= 5:
                    c = self._subject(sentence.start, frame.start(), lang)
                    if c is None and lang != "en":
                        c = self._inverted(frame.end(), span.open, lang)
                    speaker = self._speaker(c, frame.start()) or self._sentence_speaker(
                        sentence, frame.start()
                    )
                    cue, how = (frame.group(), frame.start(), frame.end()), "frame"
            if speaker is None and re.search(r"[:：]\s*$", before):
                clause_start = before_start + max(
                    (m.end() for m in re.finditer(r"[,，;；]", before)), default=0
                )
                cands = self._cands(clause_start, span.open) or self._cands(before_start, span.open)
                cands.sort(key=lambda c: (not c.person, c.start))
                if cands:
                    speaker = self._speaker(cands[0], cands[0].start)
                    colon = before_start + before.rstrip().rfind(":" if ":" in before else "：")
                    cue, how = (text[colon], colon, colon + 1), "colon"
            # 4. a cue earlier in the sentence
            if speaker is None:
                frame = None
                for m in cue_re.finditer(view, sentence.start, span.open):
                    if not self._in_quote(m.start(), m.end()):
                        frame = m
            if speaker is None and frame is not None:
                c = self._subject(sentence.start, frame.start(), lang)
                speaker = self._speaker(c, frame.start()) or self._sentence_speaker(
                    sentence, frame.start()
                )
                cue, how = (frame.group(), frame.start(), frame.end()), "clause"

        # 5. none: the speaker of the previous quote carries
        if speaker is None and last is not None and last.direct and last.speaker_name:
            last_para = self._para_index(last.start)
            opens_para = not text[para_start : span.open].strip()
            para_first = next((s for s in self.spans if s.paragraph == span.paragraph), None)
            quote_para = (
                para_first is not None
                and para_first is not span
                and not text[para_start : para_first.open].strip()
                and last_para == span.paragraph
            )
            if (opens_para and span.paragraph - last_para <= 1) or (
                quote_para and not _short(words, lang, 4)
            ):
                speaker, cue, how = (
                    self._last_speaker(),
                    (last.cue, last.cue_start, last.cue_end),
                    "carry",
                )
        if speaker is None and not text[para_start : span.open].strip():
            speaker, cue, how = self._previous_paragraph_cue(span.paragraph)

        if speaker is None or cue is None:
            return
        if span.close is None and not span.continues and how not in ("frame", "colon"):
            return  # a quote mark never closed: only a quotation framed by its cue
        if (
            how in ("clause", "carry")
            and not span.continued
            and not self._quotation_like(words, span, lang, how)
        ):
            return
        if how in ("after", "frame", "colon") and (
            _short(words, lang, 1) or C.EN_TITLE_BEFORE.search(before)
        ):
            return
        self._add(start, end, sentence, speaker, True, cue, lang)

    def _quotation_like(self, words: str, span: Span, lang: str, how: str) -> bool:
        """Not a scare quote, title or single word."""
        if _short(words, lang, 3):
            return False
        before = self.text[max(0, span.open - 40) : span.open]
        if C.EN_TITLE_BEFORE.search(before) or C.ZH_TITLE_BEFORE.search(before):
            return False
        if lang != "zh" and span.close is not None:
            following = C.EN_WORD.match(self.text, span.close + 1) or re.match(
                r"\s+([\w’'-]+)", self.text[span.close + 1 : span.close + 30]
            )
            if following and not re.search(r"[,.!?;:…]\W*$", words):
                word = following.group(following.lastindex or 0)
                if word[:1].islower() and word.lower() not in FUNCTION_AFTER:
                    return False
            tokens = C.EN_WORD.findall(words)
            capitals = sum(1 for t in tokens if t[:1].isupper())
            if how == "clause" and len(tokens) >= 2 and capitals >= 0.7 * len(tokens):
                return False
        return True

    def _after_subject(
        self, after_start: int, match: re.Match[str], after_end: int, lang: str
    ) -> Cand | None:
        lead = self.text[after_start : match.start()]
        c = self._subject(after_start, match.start(), lang)
        if c is not None:
            prefix = self.text[after_start : c.start]
            if lang == "zh":
                ok = len(prefix.strip(" ，,")) <= 4 and not C.ZH_PUNCT.search(prefix.strip(" ，,"))
            else:
                ok = bool(EN_LEAD.match(prefix))
            return c if ok else None
        if C.LEAD_IN.match(lead) or C.DASH_BEFORE_CUE.match(lead) or not lead.strip(" ，,"):
            return self._inverted(match.end(), after_end, lang)
        return None

    def _sentence_speaker(self, sentence: Sentence, pos: int) -> Speaker | None:
        spoken = [s for p, k, s in self.history if k == sentence.index and p < pos]
        if spoken:
            return spoken[-1]
        cands = [c for c in self._cands(sentence.start, pos) if c.kind not in ("pronoun", "author")]
        cands.sort(key=lambda c: (not c.person, c.start))
        return self._speaker(cands[0], cands[0].start) if cands else None

    def _last_speaker(self) -> Speaker:
        assert self.last_direct is not None
        return self.last_direct[1]

    def _previous_paragraph_cue(
        self, paragraph: int
    ) -> tuple[Speaker | None, tuple[str, int, int] | None, str]:
        """A paragraph ending "Putin said." or "…:" introduces the quote paragraph after it."""
        if paragraph == 0:
            return None, None, ""
        start, end = self.paragraphs[paragraph - 1]
        sentence = self._sentence(max(start, end - 1))
        if sentence is None or not PREV_CUE_END.search(self.text, sentence.start, end):
            return None, None, ""
        lang = sentence.lang if sentence.lang in ("en", "zh", "ru") else "en"
        view = self._scan_view(lang)
        cues = list(self._cue_pattern(lang).finditer(view, sentence.start, end))
        if (
            not cues
            or self.text[cues[-1].end() : end].strip(" .:：")
            or self._in_quote(cues[-1].start(), cues[-1].end())
        ):
            return None, None, ""
        cue = cues[-1]
        c = self._subject(sentence.start, cue.start(), lang) or self._inverted(cue.end(), end, lang)
        speaker = self._speaker(c, cue.start())
        return speaker, (cue.group(), cue.start(), cue.end()), "paragraph"

    # -- reported speech -------------------------------------------------------------------

    def _reported(self, sentence: Sentence) -> list[tuple[int, int, int, int, str]]:
        """(cue start, cue end, content start, kind) of the reported-speech cues in a sentence;
        kind is "verb" or "according"."""
        lang = sentence.lang
        view = self._scan_view(lang)
        found: list[tuple[int, int, int, int, str]] = []
        s, e = sentence.start, sentence.end
        if lang == "zh":
            for m in C.ZH_REPORTED.finditer(view, s, e):
                found.append((m.start("cue"), m.end("cue"), m.end(), -1, "verb"))
            for m in C.ZH_ACCORDING.finditer(view, s, e):
                found.append((m.start(), m.end() - 1, m.end(), m.start("who"), "according"))
        elif lang == "ru":
            for m in C.RU_REPORTED.finditer(view, s, e):
                found.append((m.start("cue"), m.end("cue"), m.end(), -1, "verb"))
            for m in C.RU_ACCORDING.finditer(view, s, e):
                found.append((m.start(), m.start("who"), m.end(), m.start("who"), "according"))
        else:
            that_cues = set()
            for m in C.EN_REPORTED_THAT.finditer(view, s, e):
                cue = m.group("cue")
                that_cues.add(m.start("cue"))
                found.append((m.start("cue"), m.start("cue") + len(cue), m.end(), -1, "verb"))
            for m in C.EN_REPORTED.finditer(view, s, e):
                content = m.end()
                cue = m.group("cue")
                if m.start("cue") in that_cues:
                    continue
                if m.group("bare") is not None and not C.EN_BARE_CUE.fullmatch(cue):
                    continue
                if m.group("bare") is not None:
                    if m.group("object"):
                        continue
                    head = C.EN_WORD.match(view, content)
                    if cue.startswith("expressed") and head and head.group() == "to":
                        content = head.end() + 1
                    elif (
                        head is None
                        or head.group().lower() in C.EN_NOT_REPORTED_HEAD
                        or head.group().endswith("ly")
                        or head.group()[0].isdigit()
                    ):
                        continue
                found.append((m.start("cue"), m.start("cue") + len(cue), content, -1, "verb"))
            for m in C.EN_ACCORDING.finditer(view, s, e):
                who = m.start("who") if m.group("as") is None else m.start("as")
                found.append((m.start(), m.start("who"), m.end(), who, "according"))
        found.sort()
        return [f for f in found if not self._in_quote(f[0], f[1]) and f[2] < e]

    def _emit_reported(
        self, sentence: Sentence, item: tuple[int, int, int, int, str], end: int
    ) -> None:
        cue_start, cue_end, start, who, kind = item
        text, lang = self.text, sentence.lang
        while start < end and text[start] in " \t\n,，:：":
            start += 1
        if start < end and text[start] in '“"«「『‘':
            return  # a direct quotation framed by the cue
        if any(q.direct and q.start <= cue_start < q.end for q in self.quotes[-8:]) or any(
            a < cue_start < b for a, b in self.open_ended
        ):
            return  # inside a quotation
        if lang == "zh" and (
            re.search(
                r"(?:这样|如此|这么|所|那样)$", self._zh_view[max(0, cue_start - 2) : cue_start]
            )
            or self._zh_view[start : start + 1] in ("但", "而", "可")
        ):
            return
        if lang == "en":
            conjoined = C.EN_CONJOINED_CUE.search(text, start, end)
            end = conjoined.start() if conjoined else end
        trimmed = TRAILING_CONNECTOR.search(text, start, end)
        if trimmed and trimmed.start() > start:
            end = trimmed.start()
        while end > start and text[end - 1] in " \t\n.。,，;；!！?？":
            end -= 1
        content = text[start:end]
        if _short(content, lang, 4 if lang != "zh" else 3):
            return
        inner = [(a, b) for a, b in self.quoted if start <= a < end or (a <= start < b)]
        if inner:
            quoted_words = sum(_words(text[a + 1 : min(b, end)], lang) for a, b in inner)
            unquoted = _words(content, lang) - quoted_words
            tail = _words(text[min(inner[-1][1] + 1, end) : end], lang)
            longest = max(_words(text[a + 1 : b], lang) for a, b in inner)
            if not (tail >= 3 or (longest <= 4 and unquoted >= 4)):
                return
        if kind == "according":
            cands = self._cands(who, cue_end if cue_end > who else start)
            cands.sort(key=lambda c: (not c.person, c.start))
            c = cands[0] if cands else None
        else:
            c = self._subject(sentence.start, cue_start, lang) or self._inverted(
                cue_end, start, lang
            )
        speaker = self._speaker(c, cue_start)
        if speaker is None:
            if c is None and kind == "verb":
                speaker = (
                    self._sentence_speaker(sentence, cue_start)
                    if self._conjoined(sentence, cue_start)
                    else None
                )
            if speaker is None and not (
                kind == "according" and REPORT_ONLY_SPEAKERLESS.match(text[cue_start:cue_end])
            ):
                return
        if speaker is not None and speaker.mention is not None:
            m = speaker.mention
            if m.entity_id is None and m.kind == "agent":
                return  # "analysts believe", "media reported": no one in particular
        cue = (
            text[cue_start:cue_end].rstrip(),
            cue_start,
            cue_start + len(text[cue_start:cue_end].rstrip()),
        )
        self._add(start, end, sentence, speaker, False, cue, lang)

    def _conjoined(self, sentence: Sentence, cue_start: int) -> bool:
        """The cue is a verb conjoined to an earlier one ("…, and said …")."""
        return bool(
            re.search(
                r"\b(?:and|but)\s+(?:also\s+)?$|而且$|并$|и\s+$",
                self.text[sentence.start : cue_start],
            )
        )

    # -- output ----------------------------------------------------------------------------

    def _add(
        self,
        start: int,
        end: int,
        sentence: Sentence,
        speaker: Speaker | None,
        direct: bool,
        cue: tuple[str, int, int],
        lang: str,
    ) -> None:
        quote = Quote(
            start=start,
            end=end,
            text=self.text[start:end],
            sentence=self._sentence(start).index if self._sentence(start) else sentence.index,
            speaker=speaker.mention if speaker else None,
            speaker_name=speaker.name if speaker else "",
            speaker_id=speaker.id if speaker else None,
            speaker_code=speaker.code if speaker else None,
            direct=direct,
            cue=cue[0],
            cue_start=cue[1],
            cue_end=cue[2],
            lang=lang,
        )
        self.quotes.append(quote)
        if direct and speaker is not None:
            self.last_direct = (quote, speaker)
        if speaker is not None:
            self.history.append((start, self._sentence(start).index, speaker))

    def run(self) -> list[Quote]:
        if not self.sentences:
            return []
        self._zh_view = self.text
        if any(s.lang == "zh" for s in self.sentences):
            chars = list(self.text)
            for s in self.sentences:
                if s.lang == "zh" and len(s.normalised) == s.end - s.start:
                    chars[s.start : s.end] = s.normalised
            self._zh_view = "".join(chars)
        items: list[tuple[int, int, object]] = []
        for index, span in enumerate(self.spans):
            items.append((span.open, 0, index))
        for sentence in self.sentences:
            if sentence.lang not in ("en", "zh", "ru"):
                continue
            found = self._reported(sentence)
            for k, item in enumerate(found):
                end = sentence.end
                if k + 1 < len(found) and item[4] != "according":
                    nxt = found[k + 1]
                    subject = self._subject(sentence.start, nxt[0], sentence.lang)
                    end = subject.start if subject and subject.start > item[2] else nxt[0]
                items.append((item[0], 1, (sentence, item, end)))
        items.sort(key=lambda x: (x[0], x[1]))
        for _, kind, payload in items:
            if kind == 0:
                self._direct(payload, self.spans[payload])  # type: ignore[arg-type]
            else:
                sentence, item, end = payload  # type: ignore[misc]
                self._emit_reported(sentence, item, end)
        self.quotes.sort(key=lambda q: (q.start, not q.direct))
        seen: set[tuple[str, str, bool]] = set()
        unique = []
        for q in self.quotes:  # the same words by the same speaker, repeated, are one quote
            key = (q.text, q.speaker_name, q.direct)
            if key not in seen:
                seen.add(key)
                unique.append(q)
        return unique


def find_quotes(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]
) -> list[Quote]:
    """Direct quotations and reported speech in a document, each with its speaker.

    ``sentences`` and ``mentions`` are the text and actor stages' output for ``text``.
    """
    return _Finder(text, sentences, mentions).run()

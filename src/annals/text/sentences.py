"""Paragraphs and sentences as exact spans of the original text."""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_BLANK = re.compile(r"\n[ \t\r\f\v\u00a0\u3000]*\n")
_FINAL = tuple('.!?;:。！？；：…"”’»)]」』）')

_LATIN_END = re.compile(r"(?:[.!?…]+|\.\.\.)[\"”’»)\]']*(?=\s)")
_CJK_END = re.compile(r"(?:[。！？!?；;]|…+)+[\"”’»)\]」』）》】]*")
_OPENERS = "\"“‘'«([—–-¡¿„"
_TOKEN_BEFORE = re.compile(r"(\S+)\Z")
_QUOTE_END = re.compile(r"[\"”’»']\Z")
# A quotation ending in ?/!/. and followed by its speaker ("“Is this war?” Putin asked.").
_SPEAKER = re.compile(
    r"[A-ZА-ЯЁ][\w.’'-]*(?:\s+[A-ZА-ЯЁ][\w.’'-]*){0,2}\s+(?:said|says|asked|asks|told|added|"
    r"replied|wrote|tweeted|сказал|сказала|заявил|заявила|спросил|добавил|добавила|отметил)\b"
)

_ABBREV = frozenset({
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Adm",
    "Brig", "Cmdr", "Gov", "Sen", "Rep", "Reps", "Sens", "St", "Ste", "Jr", "Sr", "Rev", "Hon",
    "Pres", "Amb", "Mt", "Ft", "Gens", "Messrs", "vs", "etc", "e.g", "i.e", "cf", "approx",
    "est", "Inc", "Corp", "Co", "Ltd", "No", "Nos", "Nr", "Vol", "Art", "Sec", "Fig", "Ch",
    "pp", "p", "г", "гг", "им", "ул", "д", "с", "стр", "тыс", "млн", "млрд", "трлн", "руб",
    "долл", "см", "напр", "ген", "проф", "акад", "обл", "р", "пос", "корр", "ред", "т", "п",
    "вв", "в", "ст", "чел", "кв", "км", "тов", "гр"
})  # fmt: skip
_MONTH_ABBREV = frozenset({
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"
})  # fmt: skip
_STARTERS = frozenset({
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "This", "That",
    "These", "Those", "In", "On", "At", "However", "Meanwhile", "Its", "His", "Her", "Their",
    "Our", "There", "Some", "Many", "Most", "After", "Before", "When", "While", "As", "If",
    "Yet", "Still", "Now", "Он", "Она", "Оно", "Они", "Мы", "Я", "Это", "Этот", "Эта", "Но",
    "И", "В", "На", "По", "При", "Как", "Так", "Однако", "Кроме", "После", "До", "Также"
})  # fmt: skip


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text`` (lines, joined where a line is only wrapped).

    Every newline ends a paragraph unless the line does not end a sentence and either the next
    line starts in lower case or the text is hard-wrapped (blank-line paragraphs of long lines).
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    wrapped = _BLANK.search(text) is not None
    out: list[tuple[int, int]] = []
    for start, end in lines:
        line = text[start:end].strip()
        start = start + text[start:end].index(line[0])
        end = start + len(line)
        if out:
            prev = text[out[-1][0] : out[-1][1]]
            gap = text[out[-1][1] : start]
            continues = line[0].islower() or (wrapped and len(prev.rsplit("\n", 1)[-1]) >= 60)
            if gap.count("\n") == 1 and not prev.endswith(_FINAL) and continues:
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out


def _split_latin(text: str, start: int, end: int) -> list[int]:
    cuts = []
    for m in _LATIN_END.finditer(text, start, end):
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            continue
        first = text[nxt]
        if not (first.isupper() or first.isdigit() or first in _OPENERS or ord(first) > 0x2E80):
            continue
        if text[m.start()] == "." and m.end() - m.start() == 1 and _no_split(text, m.start(), nxt):
            continue
        if _QUOTE_END.search(m.group()) and _SPEAKER.match(text, nxt, end):
            continue
        cuts.append(m.end())
    return cuts


def _no_split(text: str, dot: int, nxt: int) -> bool:
    """True when the full stop at ``dot`` ends an abbreviation or an initial."""
    tok = _TOKEN_BEFORE.search(text, max(0, dot - 40), dot)
    if tok is None:
        return False
    word = tok.group(1).lstrip("\"“‘'«([")
    if not word:
        return False
    # (text[nxt:] here copied the rest of the text at every full stop: quadratic time)
    next_word = text[nxt : nxt + 20].split(maxsplit=1)[0] if text[nxt : nxt + 20].strip() else ""
    if word in _ABBREV or (word.lower() in _ABBREV and word[0].islower()):
        return True
    if word in _MONTH_ABBREV:
        return next_word[:1].isdigit()
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True
    if "." in word and all(len(p) <= 3 for p in word.split(".")):
        return next_word.strip("\"“‘'«(") not in _STARTERS
    return False


def _split_cjk(text: str, start: int, end: int) -> list[int]:
    return [m.end() for m in _CJK_END.finditer(text, start, end) if m.end() < end]


def sentence_spans(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph, one language) into stripped sentence spans."""
    cuts = _split_cjk(text, start, end) if lang in ("zh", "ja") else _split_latin(text, start, end)
    out = []
    for a, b in zip([start, *cuts], [*cuts, end], strict=True):
        piece = text[a:b]
        stripped = piece.strip()
        if stripped:
            a += piece.index(stripped[0])
            out.append((a, a + len(stripped)))
    return out

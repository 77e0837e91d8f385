"""Pair quotation marks in a paragraph: “…”, "…", «…», „…“, 「…」, 『…』, ‘…’ and '…'.

Marks nest on a stack. A closing mark without its opener is ignored; an opener left open at the
end of a paragraph either continues into the next paragraph (when that one opens with a quote
mark, as English news runs a quotation over several paragraphs) or is dropped, and the quotes
inside it become top-level quotes. Book and article titles in 《…》 are not quotation marks.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"“": "”", "«": "»", "„": "“", "「": "」", "『": "』", "‘": "’"}
STRAIGHT = {'"', "'"}
ALL_MARKS = frozenset("“”«»„「」『』‘’\"'")
PARAGRAPH_OPENERS = frozenset('“«„「『‘"')


@dataclass
class Span:
    """A pair of quote marks: ``open`` and ``close`` are the marks' offsets (``close`` None when
    the quote runs to the end of the paragraph and on into the next)."""

    open: int
    close: int | None
    mark: str
    paragraph: int
    parent: Span | None = None
    continues: bool = False
    """The quote runs on into the next paragraph."""
    continued: bool = False
    """The quote continues one left open at the end of the previous paragraph."""
    unterminated: bool = False
    """Never closed, in this paragraph or the next: a truncated quote, or a stray mark."""

    @property
    def depth(self) -> int:
        depth, node = 0, self.parent
        while node is not None:
            depth, node = depth + 1, node.parent
        return depth


def _is_word(char: str) -> bool:
    return char.isalnum()


def scan(text: str, start: int, end: int, paragraph: int) -> tuple[list[Span], list[Span]]:
    """Closed spans and spans still open at ``end``, of the quote marks in ``text[start:end]``."""
    stack: list[Span] = []
    closed: list[Span] = []
    end = min(end, len(text))
    for i in range(max(start, 0), end):
        char = text[i]
        if char not in ALL_MARKS:
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if char in STRAIGHT:
            if char == "'" and (_is_word(prev) and _is_word(nxt)):
                continue  # apostrophe: China's, don't
            index = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].mark == char), None)
            if index is not None and not (char == "'" and prev.isspace()):
                if char == "'" and _is_word(nxt):
                    continue
                _close(stack, index, i, closed)
            elif char == '"' or (not _is_word(prev) and _is_word(nxt)):
                stack.append(Span(i, None, char, paragraph, stack[-1] if stack else None))
            continue
        if char == "‘":
            if _is_word(prev):
                continue
        elif char == "’":
            index = _find(stack, "‘")
            if index is not None and not _is_word(nxt):
                _close(stack, index, i, closed)
            continue
        if char == "“":
            index = _find(stack, "„")
            if index is not None:  # „…“ (Russian and German inner quotes)
                _close(stack, index, i, closed)
                continue
            index = _find(stack, "“")
            if index is not None and (nxt in ",.;:!?" or (nxt.isspace() and not prev.isspace())):
                _close(stack, index, i, closed)  # a closing mark typed the wrong way round
                continue
        if char in OPENERS:
            stack.append(Span(i, None, char, paragraph, stack[-1] if stack else None))
            continue
        index = next(
            (k for k in range(len(stack) - 1, -1, -1) if OPENERS.get(stack[k].mark) == char), None
        )
        if index is not None:
            _close(stack, index, i, closed)
    return closed, stack


def _find(stack: list[Span], mark: str) -> int | None:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].mark == mark:
            return k
    return None


def _close(stack: list[Span], index: int, at: int, closed: list[Span]) -> None:
    span = stack[index]
    del stack[index:]  # openers inside that never closed are dropped
    span.close = at
    closed.append(span)


def quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[Span]:
    """Top-level quotation spans of every paragraph, in text order.

    ``paragraphs`` are (start, end) offsets in text order. A quote open at the end of a
    paragraph whose successor starts with a quote mark is kept (``continues``) and the
    successor's first quote is marked ``continued``.
    """
    result: list[Span] = []
    carry = False
    for number, (start, end) in enumerate(paragraphs):
        closed, still_open = scan(text, start, end, number)
        nxt = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        next_opens = nxt is not None and text[nxt[0] : nxt[1]].lstrip()[:1] in PARAGRAPH_OPENERS
        kept: set[int] = set()
        if still_open and next_opens:
            outer = still_open[0]
            outer.continues = True
            kept.add(id(outer))
        dropped = {id(span) for span in still_open} - kept
        spans = [*closed, *(s for s in still_open if id(s) in kept)]
        if still_open and not kept:
            still_open[0].unterminated = True
        for span in spans:
            while span.parent is not None and id(span.parent) in dropped:
                span.parent = span.parent.parent
        top = [s for s in spans if s.parent is None]
        if still_open and not kept:
            top.append(still_open[0])
        top.sort(key=lambda s: s.open)
        if carry and top and not text[start : top[0].open].strip():
            top[0].continued = True
        carry = any(s.continues for s in top)
        top = [s for s in top if s.parent is None]
        result.extend(top)
    return result

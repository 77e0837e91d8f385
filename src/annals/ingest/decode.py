"""Bytes to text: UTF-8 first, then the declared or detected encoding."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from annals.errors import InputError

# Encodings common in this field, tried by detection when the input is not UTF-8.
LIKELY_ENCODINGS = ["gb18030", "big5", "cp1251", "koi8_r", "utf_16", "shift_jis", "cp1252"]


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding: NUL bytes or many control bytes."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` read from ``source``; raise InputError if it is not text."""
    if not data.strip():
        raise InputError(source, "empty input")
    if looks_binary(data):
        raise InputError(source, "binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data, cp_isolation=LIKELY_ENCODINGS).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "not UTF-8 and no other text encoding fits")
    return str(best)

"""Quotes: direct quotations and reported speech with their speakers."""

from __future__ import annotations

from annals.quotes.finder import find_quotes
from annals.quotes.record import Quote

__all__ = ["Quote", "find_quotes"]

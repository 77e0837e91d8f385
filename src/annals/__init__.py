"""annals: a sourced, deduplicated record of political events from news reports."""

__version__ = "0.1.0"

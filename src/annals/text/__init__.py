"""Text stage: language runs, sentences, simplified-Chinese view, time expressions, dates."""

from annals.text.langid import language_runs
from annals.text.normalise import normalise
from annals.text.pipeline import analyse

__all__ = ["analyse", "language_runs", "normalise"]

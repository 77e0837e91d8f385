"""Story clustering: events from different documents that describe the same real act.

:func:`cluster` groups events (StoredEvent-like objects or :class:`StoryEvent`) into
:class:`Story` records with GDELT-style counts (mentions, documents, sources), a single-source
flag and the details on which reports conflict; :func:`near_duplicates` finds syndicated copies
so that they count once as corroboration. See :mod:`annals.stories.cluster` for the method.
"""

from annals.stories.cluster import (
    Conflict,
    Story,
    StoryEvent,
    as_story_event,
    cluster,
    root_class,
)
from annals.stories.duplicates import near_duplicates, shingles

__all__ = [
    "Conflict",
    "Story",
    "StoryEvent",
    "as_story_event",
    "cluster",
    "near_duplicates",
    "root_class",
    "shingles",
]

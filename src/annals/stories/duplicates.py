"""Near-duplicate documents (syndicated copies, one wire story under two outlets).

Each text is normalised (traditional Chinese to simplified, lower case, punctuation and runs of
white space dropped) and cut into overlapping character shingles — 5 characters, or 3 for text
that is mostly Han, so Chinese needs no word segmentation. A MinHash of the shingles goes into a
datasketch LSH index at the Jaccard ``threshold``; candidates it returns are kept when their
estimated Jaccard similarity reaches the threshold, and families are the connected components.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

from annals.text.normalise import normalise

THRESHOLD = 0.8
NUM_PERM = 128
_NOISE = re.compile(r"[\W_]+", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff]")


def shingles(text: str) -> set[bytes]:
    """Character shingles of the normalised text."""
    flat = _NOISE.sub(" ", normalise(text).casefold()).strip()
    han = len(_HAN.findall(flat))
    if han > len(flat) / 3:
        flat = flat.replace(" ", "")
        k = 3
    else:
        k = 5
    if len(flat) <= k:
        return {flat.encode()} if flat else set()
    return {flat[i : i + k].encode() for i in range(len(flat) - k + 1)}


def signature(text: str, num_perm: int = NUM_PERM) -> MinHash | None:
    """The MinHash of the text's shingles, or None for a text with none."""
    grams = shingles(text)
    if not grams:
        return None
    minhash = MinHash(num_perm=num_perm, seed=1)
    minhash.update_batch(sorted(grams))
    return minhash


def near_duplicates(
    docs: Iterable[tuple[str, str]], threshold: float = THRESHOLD, num_perm: int = NUM_PERM
) -> dict[str, str]:
    """Map every document id of ``docs`` (pairs of id and text) to the representative of its
    near-duplicate family: the smallest id in it (itself when it has no near duplicate).

    A repeated id keeps its first text; empty texts are never near duplicates."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes: dict[str, MinHash] = {}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id, text in docs:
        if doc_id in parent:
            continue
        parent[doc_id] = doc_id
        minhash = signature(text, num_perm)
        if minhash is None:
            continue  # an empty text is nobody's copy
        for other in lsh.query(minhash):
            if hashes[other].jaccard(minhash) >= threshold:
                a, b = find(doc_id), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        lsh.insert(doc_id, minhash)
        hashes[doc_id] = minhash
    return {doc_id: find(doc_id) for doc_id in parent}

"""The framing table on the seed corpus, checked against counts recomputed here with plain
regular expressions. Seed texts are read from ``../shared`` only (skipped when absent)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annals.framing import term_counts
from annals.text.normalise import normalise

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
pytestmark = pytest.mark.shared

# concept, term -> independent patterns (English case-insensitive unless all capitals).
CHECKS = {
    ("chinese-party-state", "CCP"): [
        (r"\bCCP\b", 0),
        (r"\bChinese Communist (?:Party|regime)\b", re.I),
        (r"(?<!Chinese )\bcommunist regime\b", re.I),
        ("中共", 0),
    ],
    ("chinese-party-state", "Beijing"): [(r"\bBeijing\b", re.I), ("北京", 0)],
    ("russia-ukraine-war", "invasion"): [
        (r"\b(?:invasion|invaded|invade|invading)\b", re.I),
        ("入侵|侵略", 0),
    ],
    ("russia-ukraine-war", "special-military-operation"): [
        (r"\b(?:special )?military operations?\b", re.I),
        ("特别军事行动|特殊军事行动", 0),
    ],
    ("russian-state", "Moscow"): [(r"\bMoscow\b", re.I), ("莫斯科", 0)],
}


@pytest.fixture(scope="module")
def seed_docs() -> list[tuple[str, str, str | None, str]]:
    path = SHARED / "gold" / "seeds.docs.jsonl"
    if not path.is_file():
        pytest.skip(f"{SHARED} is absent (it is present in CI): seed framing test skipped")
    docs = []
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        text = (SHARED / "corpus" / "seeds" / row["doc"]).read_text("utf-8")
        outlet = row["outlet"] or f"unnamed {row['doc'][:3]}"
        docs.append((row["doc"], outlet, row["published"], text))
    return docs


def _independent(docs) -> dict[str, dict[tuple[str, str], int]]:
    out: dict[str, dict[tuple[str, str], int]] = {}
    for _, outlet, _, text in docs:
        simplified = normalise(text)
        for key, patterns in CHECKS.items():
            n = sum(len(re.findall(p, simplified, flags)) for p, flags in patterns)
            out.setdefault(outlet, {})[key] = out.get(outlet, {}).get(key, 0) + n
    return out


def test_seed_table_matches_independent_counts(seed_docs):
    table = term_counts(seed_docs).per_outlet()
    expected = _independent(seed_docs)
    total = 0
    for outlet, counts in expected.items():
        for (concept, term), n in counts.items():
            got = table.get(outlet, {}).get(concept, {}).get(term, 0)
            assert got == n, (outlet, concept, term)
            total += n
    assert total > 20


def test_seed_outlets_differ_in_word_choice(seed_docs):
    table = term_counts(seed_docs)
    counts = _independent(seed_docs)
    differing = table.differing()
    assert "chinese-party-state" in differing
    assert differing["chinese-party-state"]["Reuters"] == "China"
    # The Epoch Times calls the Chinese party-state "CCP" far more often, relative to its
    # other terms, than Reuters does.
    per = table.per_outlet()

    def ccp_share(outlet: str) -> float:
        terms = per[outlet]["chinese-party-state"]
        assert terms["CCP"] == counts[outlet][("chinese-party-state", "CCP")]
        return terms["CCP"] / sum(terms.values())

    assert ccp_share("The Epoch Times") > 2 * ccp_share("Reuters")
    rendered = table.render(["chinese-party-state"])
    assert "The Epoch Times" in rendered and "CCP=" in rendered

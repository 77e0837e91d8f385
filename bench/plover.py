"""PLOVER event-type accuracy on the PLOVER gold-standard sentences (no threshold yet).

For each of the 322 annotated English sentences in
../shared/external/plover/PLOVER_GSR_CAMEO.txt, runs the pipeline and checks whether the gold
PLOVER event type is among the types of the events it extracts. Prints coverage (sentences with
any event), accuracy over all sentences, and accuracy over the covered ones.

    python bench/plover.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import annals

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    path = Path(parser.parse_args().shared) / "external/plover/PLOVER_GSR_CAMEO.txt"
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    covered = right = 0
    missed: Counter = Counter()
    for record in records:
        found = {e.plover for e in annals.process(record["text"], record.get("date")).events}
        covered += bool(found)
        right += record["event"] in found
        if record["event"] not in found:
            missed[record["event"]] += 1
    n = len(records)
    print(
        f"PLOVER gold sentences: {n}; with an event: {covered} ({covered / n:.1%}); "
        f"right type: {right} ({right / n:.1%} of all, {right / max(covered, 1):.1%} of covered)"
    )
    print("most missed types:", ", ".join(f"{k} {v}" for k, v in missed.most_common(8)))
    print(
        json.dumps(
            {
                "n": n,
                "covered": covered,
                "accuracy": round(right / n, 4),
                "accuracy_covered": round(right / max(covered, 1), 4),
            }
        )
    )


if __name__ == "__main__":
    main()

"""Run every benchmark and write their figures to bench/results.md (what ``make bench`` does).

Each benchmark runs as its own process and ends with a JSON line; this collects those lines,
adds the pipeline's scaling runs (1k to 100k articles, one and two workers) and the machine it
ran on, and writes one Markdown table.

    python bench/run_all.py [--sizes 1000 10000 100000] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).parent
RESULTS = HERE / "results.md"


def run(script: str, *args: str) -> dict:
    """Run one benchmark; its figures are the last JSON line it prints."""
    command = [sys.executable, str(HERE / script), *args]
    print("$", " ".join(["python", f"bench/{script}", *args]), flush=True)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    sys.stdout.write(done.stdout)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        return {"error": f"exit {done.returncode}", "wall_seconds": round(seconds, 1)}
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("{"):
            return {**json.loads(line), "wall_seconds": round(seconds, 1)}
    return {"error": "no JSON line", "wall_seconds": round(seconds, 1)}


def machine() -> str:
    """CPU model, cores and memory of this machine."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f", {kb / 2**20:.0f} GB RAM"
    return f"{model}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}"


def _cell(figures: dict, key: str, unit: str = "") -> str:
    if "error" in figures:
        return f"failed ({figures['error']})"
    value = figures.get(key)
    return "—" if value is None else f"{value}{unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument(
        "--quick", action="store_true", help="small sizes everywhere (a smoke run, not figures)"
    )
    args = parser.parse_args()
    sizes = [200, 400] if args.quick else args.sizes
    small = ["--n", "200"] if args.quick else []
    shared = (HERE.parent.parent / "shared").is_dir()

    rows: list[tuple[str, str, str, str]] = []
    ingest = run("ingest.py", *(["--n", "1000"] if args.quick else []))
    rows.append(
        (
            "ingest (generated ~600-word articles into SQLite)",
            _cell(ingest, "docs_per_second", " docs/s"),
            _cell(ingest, "peak_rss_mb", " MB"),
            f"{ingest.get('stored', '')} docs",
        )
    )
    text = run("text.py", *(["--articles", "200"] if args.quick else []))
    rows.append(
        (
            "text stage, one core",
            _cell(text, "articles_of_600_words_per_second", " articles of 600 words/s"),
            _cell(text, "peak_rss_mb", " MB"),
            "",
        )
    )
    actors = run("actors.py", *small)
    rows.append(
        (
            "actor resolution, one core",
            _cell(actors, "articles_per_second", " articles/s"),
            _cell(actors, "peak_rss_mb", " MB"),
            f"{actors.get('mentions', '')} mentions",
        )
    )
    stories = run("stories.py", *(["--small", "1000", "--large", "10000"] if args.quick else []))
    rows.append(
        (
            "story clustering",
            f"{_cell(stories, 'large_seconds', ' s')} for {stories.get('large', '?')} events",
            "",
            f"{stories.get('ratio', '')}× the time for 10× the events",
        )
    )
    api = run("api.py", *(["--events", "20000", "--requests", "20"] if args.quick else []))
    rows.append(
        (
            "REST API event listing, p95",
            _cell(api, "p95_ms", " ms"),
            "",
            f"{api.get('events', '')} events in store",
        )
    )
    if shared:
        html = run("html_extraction.py")
        rows.append(
            (
                "HTML extraction (AEB body F1 / NAEB dates / titles)",
                f"{_cell(html, 'aeb_f1')} / {_cell(html, 'naeb_date')} / "
                f"{_cell(html, 'naeb_title')}",
                "",
                "",
            )
        )
        plover = run("plover.py")
        rows.append(
            (
                "PLOVER type accuracy",
                _cell(plover, "accuracy"),
                "",
                f"{plover.get('accuracy_covered', '')} where we code an event",
            )
        )

    scaling = []
    for n in sizes:
        for workers in (1, 2) if n == sizes[0] else (2,):
            figures = run("pipeline.py", "--n", str(n), "--workers", str(workers))
            scaling.append((n, workers, figures))

    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`python bench/run_all.py`) on "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        f"Machine: {machine()}.",
        "",
        "| benchmark | figure | peak memory | notes |",
        "|---|---|---|---|",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        "",
        "## Pipeline scaling (ingest to stored events, generated articles)",
        "",
        "| articles | workers | seconds | articles/s | peak RSS main / worker |",
        "|---|---|---|---|---|",
    ]
    for n, workers, figures in scaling:
        lines.append(
            f"| {n:,} | {workers} | {_cell(figures, 'seconds')} | "
            f"{_cell(figures, 'articles_per_second')} | "
            f"{_cell(figures, 'peak_rss_mb', ' MB')} / "
            f"{_cell(figures, 'peak_worker_rss_mb', ' MB')} |"
        )
    one = next((f for n, w, f in scaling if w == 1), {})
    two = next((f for n, w, f in scaling if w == 2 and n == sizes[0]), {})
    if one.get("articles_per_second") and two.get("articles_per_second"):
        lines += [
            "",
            f"Two workers: {two['articles_per_second'] / one['articles_per_second']:.2f}× one "
            f"worker at {sizes[0]:,} articles.",
        ]
    rates = [(n, f.get("articles_per_second")) for n, w, f in scaling if w == 2]
    rates = [(n, r) for n, r in rates if r]
    if len(rates) >= 2:
        lines.append(
            f"Throughput at {rates[-1][0]:,} articles is {rates[-1][1] / rates[0][1]:.2f}× that "
            f"at {rates[0][0]:,} (1.00 is linear scaling)."
        )
    if args.quick:
        lines += ["", "_Quick run: sizes too small to be figures._"]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()

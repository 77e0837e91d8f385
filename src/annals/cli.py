"""The ``annals`` command line (Typer + Rich)."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from annals.errors import AnnalsError

app = typer.Typer(
    help="Turn news reports into a sourced, deduplicated record of political events.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="ANNALS_DB",
        help="Store: a SQLite path or a database URL (postgresql://...).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
DEFAULT_DB = "annals.db"
STATE = {"debug": False}


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show stack traces for errors.")] = False,
) -> None:
    """annals: who did or said what to whom, when and where, according to which outlets."""
    STATE["debug"] = debug


def parse_size(value: str) -> int:
    """Bytes from ``20MB``, ``512k``, ``1G`` or a plain number."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", value.lower())
    if not match:
        raise typer.BadParameter(f"not a size: {value!r} (e.g. 20MB)")
    return int(float(match.group(1)) * 1024 ** " kmg".index(match.group(2) or " "))


def open_store(db: str):
    """The store at ``db``, migrated."""
    from annals.store import Store

    return Store(db)


def print_json(value: object) -> None:
    """JSON to stdout, one document."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    outlet: Annotated[str | None, typer.Option(help="Outlet of every input.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date of every input (YYYY-MM-DD).")
    ] = None,
    lang: Annotated[str | None, typer.Option(help="Language code of every input.")] = None,
    max_size: Annotated[
        str, typer.Option(help="Largest article file, JSONL line or WARC record.")
    ] = "20MB",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Read articles into the store; each content is stored once."""
    from annals.ingest import Given, Limits
    from annals.ingest import ingest as run_ingest

    limits = Limits(max_file=parse_size(max_size))
    given = Given(outlet=outlet, published=published, lang=lang)
    started = time.perf_counter()
    with open_store(db) as store:
        show = not quiet and not as_json and err.is_terminal
        progress = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            TextColumn("{task.fields[counts]}"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=err,
            disable=not show,
        )
        with progress:
            task = progress.add_task("ingest", total=None, counts="", rate="")

            def on_progress(report, source: str) -> None:
                done = report.read + report.failed + report.skipped
                rate = done / max(time.perf_counter() - started, 1e-9)
                progress.update(
                    task,
                    completed=done,
                    counts=f"{report.stored} stored · {report.duplicate} dup · "
                    f"{report.failed} failed",
                    rate=f"{rate:,.0f}/s",
                )

            report = run_ingest(paths, store, given, limits, on_progress=on_progress)
    elapsed = time.perf_counter() - started
    summary = {
        "run_id": report.run_id,
        "read": report.read,
        "stored": report.stored,
        "duplicate": report.duplicate,
        "skipped": report.skipped,
        "failed": report.failed,
        "failures": [{"source": s, "reason": r} for s, r in report.failures],
        "seconds": round(elapsed, 3),
    }
    if as_json:
        print_json(summary)
    else:
        for source, reason in report.failures:
            err.print(f"[red]failed[/red] {source}: {reason}", markup=True, soft_wrap=True)
        if not quiet:
            err.print(
                f"{report.stored} stored, {report.duplicate} already stored, "
                f"{report.skipped} skipped, {report.failed} failed "
                f"({elapsed:.1f}s; run {report.run_id[:8]})"
            )
    if report.failed:
        raise typer.Exit(1)


def _short_date(value: str | None) -> str:
    return value or "—"


def document_json(doc, full_text: bool = False) -> dict:
    """A document as a JSON-ready dict."""
    value = {
        "id": doc.id,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published,
        "published_precision": doc.published_precision,
        "languages": list(doc.languages),
        "url": doc.url,
        "source": doc.source,
        "format": doc.format,
        "found": dict(doc.found),
        "chars": len(doc.text),
    }
    if full_text:
        value["text"] = doc.text
    return value


@app.command()
def docs(
    db: DbOption = DEFAULT_DB,
    outlet: Annotated[str | None, typer.Option(help="Outlet contains this (any case).")] = None,
    lang: Annotated[str | None, typer.Option(help="Has this language.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Published on or after (YYYY[-MM[-DD]]).")
    ] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """List stored documents, newest first."""
    with open_store(db) as store:
        rows = store.documents(
            outlet=outlet, lang=lang, since=since, until=until, limit=limit, offset=offset
        )
        total = store.count_documents()
    if as_json:
        print_json([document_json(d) for d in rows])
        return
    table = Table(title=f"{len(rows)} of {total} documents", title_justify="left")
    for column in ("id", "published", "outlet", "lang", "title / source"):
        table.add_column(column, overflow="fold")
    for d in rows:
        table.add_row(
            d.id[:12],
            _short_date(d.published),
            d.outlet or "—",
            ",".join(d.languages),
            d.title or d.source or "",
        )
    out.print(table)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(metavar="DOC", help="Document id or its prefix.")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Show one document: metadata (and how each field was found) and text."""
    with open_store(db) as store:
        doc = store.document(doc_id)
    if as_json:
        print_json(document_json(doc, full_text=True))
        return
    found = dict(doc.found)
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    fields = [
        ("id", doc.id, None),
        ("title", doc.title, found.get("title")),
        ("outlet", doc.outlet, found.get("outlet")),
        ("published", doc.published, found.get("published")),
        ("languages", ",".join(doc.languages), found.get("languages")),
        ("url", doc.url, None),
        ("source", doc.source, None),
        ("format", doc.format, None),
    ]
    for name, value, how in fields:
        table.add_row(name, f"{value or '—'}" + (f"  ({how})" if how else ""))
    out.print(table)
    out.print()
    sys.stdout.write(doc.text + "\n")


@app.command("log")
def ingest_log(
    db: DbOption = DEFAULT_DB,
    run: Annotated[str | None, typer.Option(help="Only this run id.")] = None,
    status: Annotated[
        str | None, typer.Option(help="stored, duplicate, skipped or failed.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many (newest).")] = 100,
    as_json: JsonOption = False,
) -> None:
    """Show the ingest log: what each run read, stored, skipped or failed, and why."""
    with open_store(db) as store:
        rows = store.ingest_log(run)
    if status:
        rows = [r for r in rows if r["status"] == status]
    rows = rows[-limit:]
    if as_json:
        print_json(rows)
        return
    table = Table()
    for column in ("at", "run", "status", "source", "document", "reason"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(
            str(r["at"])[:19],
            r["run_id"][:8],
            r["status"],
            r["source"],
            (r["document_id"] or "")[:12],
            r["reason"] or "",
        )
    out.print(table)


@app.command("eval")
def evaluate(
    corpus: Annotated[str, typer.Option(help="Folder of articles to score.")],
    gold: Annotated[str, typer.Option(help="Gold prefix: PREFIX.docs.jsonl, ...")],
    as_json: JsonOption = False,
) -> None:
    """Score the pipeline on a corpus against gold files (see the annotation guide)."""
    from annals.eval import evaluate as run_eval

    try:
        results = run_eval(corpus, gold)
    except FileNotFoundError as exc:
        raise AnnalsError(str(exc)) from exc
    if as_json:
        print_json({kind: _headline(scores) for kind, scores in results.items()})
        return
    for kind, scores in results.items():
        table = Table(title=kind, title_justify="left")
        headline = _headline(scores)
        for key in headline:
            table.add_column(key)
        table.add_row(*(str(v) for v in headline.values()))
        out.print(table)
        for error in scores.get("errors", [])[:20]:
            out.print(f"  [yellow]✗[/yellow] {json.dumps(error, ensure_ascii=False)}", markup=True)


def _headline(scores: dict) -> dict:
    return {k: v for k, v in scores.items() if not isinstance(v, list | dict)}


def main() -> None:
    """Entry point: run the app; user errors become one red line and an exit code."""
    try:
        app()
    except AnnalsError as exc:
        if STATE["debug"] or os.environ.get("ANNALS_DEBUG"):
            raise
        err.print(f"[red]error:[/red] {exc}", soft_wrap=True)
        sys.exit(exc.exit_code)

"""The ``annals`` command line (Typer + Rich)."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path
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
    sentences: Annotated[
        bool, typer.Option("--sentences", help="Sentences with language, script and date.")
    ] = False,
    actors: Annotated[
        bool, typer.Option("--actors", help="Each actor mention and what it resolved to.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Show one document: metadata (and how each field was found) and text."""
    with open_store(db) as store:
        doc = store.document(doc_id)
        rows = store.sentences(doc.id) if sentences else store.mentions(doc.id) if actors else []
    if sentences or actors:
        if not rows:
            err.print("not processed yet: run `annals extract` first")
        _show_rows(doc, rows, sentences, as_json)
        return
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


def _show_rows(doc, rows: list[dict], sentences: bool, as_json: bool) -> None:
    for row in rows:
        row["text"] = doc.text[row["start"] : row["end"]]
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"{doc.id[:12]} {doc.title or doc.source or ''}", title_justify="left")
    if sentences:
        for column in ("#", "lang", "script", "date", "how", "sentence"):
            table.add_column(column, overflow="fold")
        for r in rows:
            table.add_row(
                str(r["idx"]),
                r["lang"],
                r["script"] or "",
                f"{r['date'] or '—'} ({r['date_precision'] or '-'})",
                r["date_source"] or "",
                r["text"],
            )
    else:
        for column in ("sent", "mention", "resolved to", "code", "sector", "kind", "how"):
            table.add_column(column, overflow="fold")
        for r in rows:
            table.add_row(
                str(r["sentence"]),
                r["text"],
                r["name"],
                r["code"] or "—",
                r["sector"] or "",
                r["kind"],
                r["how"],
            )
    out.print(table)


@app.command()
def extract(
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option(help="Processes to use.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Run every stage after ingest on documents not yet processed by this pipeline version."""
    from annals.pipeline import extract_pending

    started = time.perf_counter()
    with open_store(db) as store:
        progress = Progress(
            TextColumn("[bold]extract"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TextColumn("{task.fields[events]} events"),
            TimeElapsedColumn(),
            console=err,
            disable=quiet or as_json or not err.is_terminal,
        )
        with progress:
            task = progress.add_task("extract", total=None, events=0)

            def on_progress(report, total: int) -> None:
                progress.update(
                    task,
                    total=total,
                    completed=report.processed + report.failed,
                    events=report.events,
                )

            report = extract_pending(store, workers, on_progress)
    elapsed = time.perf_counter() - started
    if as_json:
        print_json(
            {
                "processed": report.processed,
                "events": report.events,
                "failed": report.failed,
                "seconds": round(elapsed, 3),
            }
        )
    elif not quiet:
        for doc_id, reason in report.failures or []:
            err.print(f"[red]failed[/red] {doc_id[:12]}: {reason}", soft_wrap=True)
        err.print(
            f"{report.processed} documents processed, {report.events} events, "
            f"{report.failed} failed ({elapsed:.1f}s)"
        )
    if report.failed:
        raise typer.Exit(1)


@app.command()
def run(
    inputs: Annotated[
        list[str],
        typer.Option(
            "--input",
            "-i",
            help="A file, folder or glob, or with --engine spark a URI Spark reads "
            "(s3a://bucket/dump/, hdfs://...). Repeat for more.",
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Folder for the Parquet datasets (or a URI).")
    ],
    engine: Annotated[str, typer.Option(help="local (this machine) or spark.")] = "local",
    master: Annotated[
        str | None,
        typer.Option(help="Spark master URL (default local[2]; spark-submit's when submitted)."),
    ] = None,
    workers: Annotated[int, typer.Option(help="Processes to use (local engine).")] = 1,
    db: Annotated[
        str | None, typer.Option("--db", help="Then load the output into this store.")
    ] = None,
    max_size: Annotated[
        str, typer.Option(help="Largest article file, JSONL line or WARC record.")
    ] = "20MB",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Read, process and cluster many files into Parquet, on this machine or on Spark.

    Writes documents, sentences, time expressions, mentions, events, quotes and stories as
    Parquet datasets partitioned by year, with the ingest log; `annals load DIR --db URL` puts
    them into a store. --engine spark needs `pip install 'annals\\[spark]'` and Java 17+; it runs in
    local mode unless --master or spark-submit names a cluster, whose executors need annals
    installed. Object-store URIs need the matching Hadoop connector and credentials, e.g. for
    s3a:// `spark-submit --packages org.apache.hadoop:hadoop-aws:VERSION`.
    """
    from annals.ingest import Limits
    from annals.scale import load as load_output
    from annals.scale import run as run_scale

    progress = Progress(
        TextColumn(f"[bold]run ({engine})"),
        TextColumn("{task.fields[step]}"),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or as_json or not err.is_terminal,
    )
    with progress:
        task = progress.add_task("run", total=None, step="")

        def on_progress(step: str, done: int) -> None:
            progress.update(task, step=step, completed=done)

        summary = run_scale(
            inputs,
            output,
            engine,
            master=master,
            workers=workers,
            limits=Limits(max_file=parse_size(max_size)),
            on_progress=on_progress,
        )
    if db:
        with open_store(db) as store:
            summary["load"] = load_output(output, store).__dict__
    rows, unreadable = summary["rows"], summary["log"].get("failed", 0)
    if as_json:
        print_json(summary)
    elif not quiet:
        err.print(
            f"{rows['documents']} documents, {rows['events']} events, {rows['quotes']} quotes, "
            f"{rows['stories']} stories; {summary['failed']} failed in the stages, "
            f"{unreadable} inputs unreadable ({engine}, {summary['seconds']:.1f}s) -> {output}",
            soft_wrap=True,
        )
    if summary["failed"] or unreadable:
        raise typer.Exit(1)


@app.command()
def load(
    directory: Annotated[
        str, typer.Argument(metavar="DIR", help="Output folder of `annals run` (local).")
    ],
    db: DbOption = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Load the Parquet output of `annals run` into a store (SQLite or PostgreSQL).

    Documents the store already has are left as they are; documents the stages failed on are
    stored as pending, for `annals extract`."""
    from annals.scale import load as load_output

    started = time.perf_counter()
    with open_store(db) as store:
        progress = Progress(
            TextColumn("[bold]load"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
            console=err,
            disable=quiet or as_json or not err.is_terminal,
        )
        with progress:
            task = progress.add_task("load", total=None)

            def on_progress(report, total: int) -> None:
                progress.update(task, total=total, completed=report.documents + report.duplicate)

            report = load_output(directory, store, on_progress=on_progress)
    summary = {**report.__dict__, "seconds": round(time.perf_counter() - started, 3)}
    if as_json:
        print_json(summary)
    elif not quiet:
        err.print(
            f"{report.documents} documents stored ({report.processed} processed, "
            f"{report.events} events, {report.pending} pending), {report.duplicate} already "
            f"stored ({summary['seconds']:.1f}s; run {report.run_id[:8]})",
            soft_wrap=True,
        )


def event_json(e) -> dict:
    """A stored event as a JSON-ready dict."""
    return dict(e.__dict__)


EVENT_COLUMNS = (
    "date",
    "source_name",
    "source_code",
    "cameo",
    "negated",
    "target_name",
    "target_code",
    "outlet",
    "text",
)


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Either side: code, entity id or name.")] = None,
    source: Annotated[str | None, typer.Option(help="Source code (RUS) or entity id.")] = None,
    target: Annotated[str | None, typer.Option(help="Target code (CHN) or entity id.")] = None,
    pair: Annotated[
        str | None, typer.Option(help="Country pair A-B, either direction (RUS-CHN).")
    ] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code or root prefix (04, 042).")] = None,
    since: Annotated[str | None, typer.Option(help="Event date on or after.")] = None,
    until: Annotated[str | None, typer.Option(help="Event date on or before.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Reported by this outlet.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
    output: Annotated[str, typer.Option("--format", help="table, csv or jsonl.")] = "table",
    as_json: JsonOption = False,
) -> None:
    """List events, filtered, as a table, CSV or JSON lines."""
    filters = {
        "actor": actor,
        "source": source,
        "target": target,
        "code": code,
        "since": since,
        "until": until,
        "outlet": outlet,
    }
    with open_store(db) as store:
        if pair:
            a, _, b = pair.partition("-")
            rows = store.events(**{**filters, "source": a, "target": b}, limit=None)
            rows += store.events(**{**filters, "source": b, "target": a}, limit=None)
            rows = sorted(rows, key=lambda e: (e.date or "", e.id))[offset : offset + limit]
        else:
            rows = store.events(**filters, limit=limit, offset=offset)
    if as_json or output == "jsonl":
        for e in rows:
            sys.stdout.write(json.dumps(event_json(e), ensure_ascii=False) + "\n")
        return
    if output == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(event_json(rows[0]) if rows else []))
        if rows:
            writer.writeheader()
        for e in rows:
            writer.writerow(event_json(e))
        return
    table = Table(title=f"{len(rows)} events", title_justify="left")
    for column in ("date", "source", "CAMEO", "target", "outlet", "evidence"):
        table.add_column(column, overflow="fold")
    for e in rows:
        table.add_row(
            e.date or "—",
            f"{e.source_name} ({e.source_code})",
            ("not " if e.negated else "") + e.cameo,
            f"{e.target_name} ({e.target_code})",
            e.outlet or "—",
            e.text,
        )
    out.print(table)


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Speaker id, code or name.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Published by this outlet.")] = None,
    search: Annotated[str | None, typer.Option(help="Quoted words contain this.")] = None,
    direct: Annotated[
        bool | None, typer.Option("--direct/--reported", help="Only direct or reported.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Quotes: who said what, in their words, and who published it."""
    with open_store(db) as store:
        rows = store.quotes(
            speaker=speaker, outlet=outlet, search=search, direct=direct, limit=limit
        )
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} quotes", title_justify="left", show_lines=True)
    for column in ("published", "outlet", "speaker", "kind", "quote"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(
            r["published"] or "—",
            r["outlet"] or "—",
            f"{r['speaker_name'] or '?'} ({r['speaker_code'] or '—'})",
            "direct" if r["direct"] else "reported",
            r["text"],
        )
    out.print(table)


@app.command()
def stories(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Either side: code, entity id or name.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code or root prefix.")] = None,
    since: Annotated[str | None, typer.Option(help="Event date on or after.")] = None,
    until: Annotated[str | None, typer.Option(help="Event date on or before.")] = None,
    single_source: Annotated[
        bool, typer.Option("--single-source", help="Only stories from one outlet.")
    ] = False,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Stories: the same real act across documents, with corroboration and conflicts."""
    from dataclasses import asdict

    from annals.api import Annals

    with Annals(db) as store:
        rows = store.stories(actor=actor, code=code, since=since, until=until)
    if single_source:
        rows = [r for r in rows if r.single_source]
    rows = rows[:limit]
    if as_json:
        print_json([asdict(r) for r in rows])
        return
    table = Table(title=f"{len(rows)} stories", title_justify="left")
    for column in ("id", "dates", "source", "CAMEO", "target", "docs", "outlets", "conflicts"):
        table.add_column(column, overflow="fold")
    for r in rows:
        dates = r.date_start if r.date_start == r.date_end else f"{r.date_start}…{r.date_end}"
        table.add_row(
            r.id,
            dates or "—",
            f"{r.source_name} ({r.source_code})",
            r.cameo,
            f"{r.target_name} ({r.target_code})",
            str(r.documents),
            ", ".join(r.outlets) + (" [single source]" if r.single_source else ""),
            "; ".join(c.field for c in r.conflicts),
        )
    out.print(table)


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="Story id or its prefix.")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """One story: each outlet's sentence next to the others, and where they disagree."""
    from dataclasses import asdict

    from annals.api import Annals

    with Annals(db) as store:
        try:
            found, events_of = store.story(story_id)
        except KeyError:
            raise AnnalsError(f"no single story with id {story_id!r}") from None
        sentences = {}
        for e in events_of:
            doc = store.store.document(e.document_id)
            row = next(r for r in store.store.sentences(doc.id) if r["idx"] == e.sentence)
            sentences[e.id] = doc.text[row["start"] : row["end"]]
    if as_json:
        print_json(
            {
                "story": asdict(found),
                "events": [{**event_json(e), "sentence_text": sentences[e.id]} for e in events_of],
            }
        )
        return
    out.print(
        f"[bold]{found.source_name} ({found.source_code}) → {found.target_name} "
        f"({found.target_code}), CAMEO {found.cameo}[/bold]  {found.date_start} "
        f"{found.mentions} mentions in {found.documents} documents from "
        f"{found.sources} independent outlets"
        + (" — single source" if found.single_source else ""),
        soft_wrap=True,
    )
    for c in found.conflicts:
        out.print(
            f"  [yellow]differs on {c.field}[/yellow]: "
            + "; ".join(f"{value} ({', '.join(outlets)})" for value, outlets in c.values),
            soft_wrap=True,
        )
    table = Table(show_lines=True)
    for column in ("outlet", "published", "event", "sentence"):
        table.add_column(column, overflow="fold")
    for e in sorted(events_of, key=lambda e: (e.outlet or "", e.published or "")):
        table.add_row(
            e.outlet or "—",
            e.published or "—",
            f"{e.source_code} {'not ' if e.negated else ''}{e.cameo} {e.target_code}",
            sentences[e.id],
        )
    out.print(table)


@app.command()
def outlets(
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Side by side per outlet: the words each uses for the same thing, and its tone per actor."""
    from dataclasses import asdict

    from annals.api import Annals

    with Annals(db) as store:
        framing = store.framing()
        tones = store.tone()
    if as_json:
        print_json(
            {
                "framing": [asdict(r) for r in framing.rows],
                "tone": [{**asdict(t), "score": t.score} for t in tones],
            }
        )
        return
    per_outlet = framing.per_outlet()
    table = Table(title="framing: words per outlet (counts)", title_justify="left", show_lines=True)
    names = sorted(per_outlet)
    table.add_column("concept")
    for name in names:
        table.add_column(name, overflow="fold")
    concepts = sorted({c for outlet in per_outlet.values() for c in outlet})
    for concept in concepts:
        table.add_row(
            concept,
            *(
                ", ".join(
                    f"{term} {n}"
                    for term, n in sorted(
                        per_outlet[name].get(concept, {}).items(), key=lambda x: -x[1]
                    )
                )
                for name in names
            ),
        )
    out.print(table)
    tone_table = Table(
        title="tone towards actors (positive − negative)/(all + 1)", title_justify="left"
    )
    for column in ("outlet", "actor", "mentions", "+", "−", "score"):
        tone_table.add_column(column)
    for t in sorted(tones, key=lambda t: (t.outlet, -t.mentions))[:60]:
        tone_table.add_row(
            t.outlet, t.actor, str(t.mentions), str(t.positive), str(t.negative), f"{t.score:+.2f}"
        )
    out.print(tone_table)


@app.command()
def actors(
    db: DbOption = DEFAULT_DB,
    stats: Annotated[bool, typer.Option("--stats", help="The gazetteer's size.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many actors.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Actors by number of mentions in the store, or the gazetteer's size (--stats)."""
    if stats:
        from annals.actors import gazetteer

        counts = gazetteer().stats()
        if as_json:
            print_json(counts)
        else:
            out.print(
                f"{counts['states']} states, {counts['people']} people, "
                f"{counts['organisations']} organisations; aliases: "
                + ", ".join(f"{k} {v}" for k, v in counts["aliases"].items())
            )
        return
    with open_store(db) as store:
        rows = store.actor_counts(limit)
    if as_json:
        print_json(rows)
        return
    table = Table(title="actors by mentions", title_justify="left")
    for column in ("actor", "code", "kind", "mentions", "documents"):
        table.add_column(column)
    for r in rows:
        table.add_row(
            r["name"], r["code"] or "", r["kind"], str(r["mentions"]), str(r["documents"])
        )
    out.print(table)


@app.command("export")
def export_listing(
    kind: Annotated[
        str, typer.Argument(metavar="KIND", help="documents, events, quotes, stories or actors.")
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="File to write, or - for stdout.")],
    fmt: Annotated[
        str, typer.Option("--format", help="csv, jsonl, parquet, or gdelt (events only).")
    ] = "csv",
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Either side: code, entity id or name.")] = None,
    source: Annotated[str | None, typer.Option(help="Source code (RUS) or entity id.")] = None,
    target: Annotated[str | None, typer.Option(help="Target code (CHN) or entity id.")] = None,
    pair: Annotated[
        str | None, typer.Option(help="Country pair A-B, either direction (RUS-CHN).")
    ] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code or root prefix (04, 042).")] = None,
    since: Annotated[str | None, typer.Option(help="Date on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Date on or before.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet contains this (any case).")] = None,
    lang: Annotated[str | None, typer.Option(help="Documents in this language.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Quotes by this speaker.")] = None,
    search: Annotated[str | None, typer.Option(help="Quoted words contain this.")] = None,
    direct: Annotated[
        bool | None, typer.Option("--direct/--reported", help="Only direct or reported quotes.")
    ] = None,
    single_source: Annotated[
        bool, typer.Option("--single-source", help="Only stories from one outlet.")
    ] = False,
    story_counts: Annotated[
        bool,
        typer.Option(
            "--story-counts",
            help="gdelt: mentions, sources and articles from the events' stories (clusters "
            "all events of the --since/--until range in memory first).",
        ),
    ] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many (default: all).")] = None,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
) -> None:
    """Write a whole listing, filtered as in its own command, as CSV, JSON lines, Parquet or a
    GDELT 2.0-style event table; rows stream from the store in batches."""
    from annals import export
    from annals.api import Annals

    if fmt not in export.FORMATS:
        raise AnnalsError(f"unknown format {fmt!r}: one of {', '.join(export.FORMATS)}")
    if fmt == "gdelt" and kind != "events":
        raise AnnalsError("the gdelt format is for events only")
    if story_counts and fmt != "gdelt":
        raise AnnalsError("--story-counts goes with --format gdelt")
    if pair and "-" not in pair:
        raise AnnalsError(f"--pair takes two actors A-B, not {pair!r}")
    filters = {
        "actor": actor,
        "source": source,
        "target": target,
        "pair": tuple(pair.split("-", 1)) if pair else None,
        "code": code,
        "since": since,
        "until": until,
        "outlet": outlet,
        "lang": lang,
        "speaker": speaker,
        "search": search,
        "direct": direct,
        "single_source": single_source,
    }
    started = time.perf_counter()
    with Annals(db) as store:
        rows = export.listing(store, kind, filters, limit, offset)
        stories_of = store.stories(since=since, until=until) if story_counts else None
        target_file = sys.stdout.buffer if output == "-" else output
        written = export.write(rows, fmt, target_file, stories=stories_of)
    elapsed = time.perf_counter() - started
    err.print(f"{written} {kind} written to {output} ({fmt}, {elapsed:.1f}s)", soft_wrap=True)


@app.command()
def resolve(
    texts: Annotated[list[str] | None, typer.Argument(help="Phrases to resolve.")] = None,
    date: Annotated[str | None, typer.Option(help="As of this date (YYYY-MM-DD).")] = None,
    file: Annotated[
        str | None, typer.Option(help="JSONL of cases: text, optional date, context, id.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Resolve actor phrases to an entity, country code and sector."""
    from annals.actors import resolve as resolve_phrase

    cases = [{"text": t, "date": date} for t in texts or []]
    if file:
        with open(file, encoding="utf-8") as handle:
            cases += [json.loads(line) for line in handle if line.strip()]
    if not cases:
        raise AnnalsError("give phrases to resolve, or --file CASES.jsonl")
    table = Table()
    for column in ("text", "resolved to", "code", "sector", "kind"):
        table.add_column(column, overflow="fold")
    for case in cases:
        phrase = f"{case['context']} {case['text']}" if case.get("context") else case["text"]
        found = resolve_phrase(phrase, case.get("date") or date)
        row = {
            "text": case["text"],
            "id": found.entity_id if found else None,
            "name": found.name if found else None,
            "code": found.code if found else None,
            "sector": found.sector if found else None,
        }
        if as_json:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            table.add_row(
                case["text"],
                row["name"] or "—",
                row["code"] or "",
                row["sector"] or "",
                found.kind if found else "",
            )
    if not as_json:
        out.print(table)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind (localhost unless told).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port.")] = 8765,
    read_only: Annotated[bool, typer.Option("--read-only", help="Refuse every write.")] = False,
    token_file: Annotated[
        str | None,
        typer.Option(help="File whose first line is the write token (else ANNALS_TOKEN)."),
    ] = None,
) -> None:
    """Serve the web UI and the REST API (OpenAPI docs at /docs); writes need a token."""
    import uvicorn

    from annals.web.app import create_app

    token = os.environ.get("ANNALS_TOKEN")
    if token_file:
        try:
            lines = Path(token_file).read_text(encoding="utf-8").splitlines()
            token = lines[0].strip() if lines else ""
        except OSError as exc:
            raise AnnalsError(f"cannot read the token file: {exc}") from exc
        if not token:
            raise AnnalsError(f"the token file {token_file} is empty")
    writes = "read-only" if read_only or not token else "writes need the token"
    err.print(f"annals: serving {db} on http://{host}:{port}/ ({writes})")
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]annals: listening on {host}: reachable from other machines[/]")
    uvicorn.run(
        create_app(db, token=token or "", read_only=read_only),
        host=host,
        port=port,
        log_level="warning",
    )


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
    all_actors: Annotated[
        bool, typer.Option("--all-actors", help="Keep sub-state actors when scoring events.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Score the pipeline on a corpus against gold files (see the annotation guide)."""
    from annals.eval import evaluate as run_eval

    try:
        results = run_eval(corpus, gold, all_actors)
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
        for key in ("by_language", "by_root"):
            if key in scores:
                out.print(
                    f"  {key}: "
                    + ", ".join(
                        f"{k} F1 {v['f1']} (tp {v['tp']} fp {v['fp']} fn {v['fn']})"
                        for k, v in scores[key].items()
                    ),
                    soft_wrap=True,
                )
        for key in ("errors", "misses", "false_alarms", "wrong"):
            for error in scores.get(key, [])[:40]:
                line = json.dumps(error, ensure_ascii=False)
                out.print(f"  [yellow]{key}[/yellow] {line}", markup=True, soft_wrap=True)


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

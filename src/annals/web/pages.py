"""The web UI: server-rendered pages (Jinja2, autoescaped, no JavaScript) over the store.

Every piece of article text goes through Jinja's escaping or :func:`highlight`, which escapes
each piece it wraps, so a hostile article shows its markup as text and runs nothing.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from annals.api import Annals
from annals.events.codebook import load_codebook
from annals.store.summaries import (
    actor_network,
    counts,
    dyad_weeks,
    event_detail,
    latest_events,
)
from annals.web import charts

HERE = Path(__file__).parent
PAGE_SIZE = 50
REPORTS_SHOWN = 30
TONE_ACTORS = 25
PageNumber = Annotated[int, Query(alias="page", ge=1, le=10**6)]


def _cameo_name(code: str) -> str:
    try:
        return load_codebook().get(code).name
    except KeyError:
        return ""


def _week_end(week: str) -> str:
    return (date.fromisoformat(week) + timedelta(days=6)).isoformat()


def templates() -> Jinja2Templates:
    """The page templates, autoescaped, with the helpers they use."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    env.globals.update(cameo_name=_cameo_name, quads=charts.QUADS, week_end=_week_end)
    return Jinja2Templates(env=env)


def highlight(text: str, start: int, end: int, marks: Sequence[tuple[int, int, str]]) -> Markup:
    """``text[start:end]`` as HTML, each character escaped, with the spans in ``marks``
    (absolute offsets and a CSS class) wrapped in ``<span class=...>``; spans may overlap."""
    cuts = {start, end}
    for a, b, _ in marks:
        cuts.update(x for x in (a, b) if start < x < end)
    points = sorted(cuts)
    pieces = []
    for a, b in pairwise(points):
        classes = " ".join(dict.fromkeys(c for s, e, c in marks if s <= a and b <= e))
        piece = escape(text[a:b])
        pieces.append(Markup(f'<span class="{classes}">{piece}</span>') if classes else piece)
    return Markup("").join(pieces)


def date_how(found: dict) -> str:
    """In words: where an event's date came from."""
    sentence = found.get("sentence_row") or {}
    how = sentence.get("date_source")
    times = [t for t in found.get("times", []) if t.get("value")]
    published = found.get("published") or "unknown"
    if not found.get("date"):
        return "no date could be found for this sentence or its document"
    if how == "own" and times:
        said = ", ".join(f"“{t['text']}” → {t['value']}" for t in times)
        return f"from the time expression {said}, resolved against publication date {published}"
    if how == "carried":
        return "carried over from the last dated sentence before it (no time expression here)"
    if how == "published":
        return f"the publication date {published} (no time expression in the sentence)"
    return f"{how or 'unknown'}; document published {published}"


def _report(found: dict, this: bool = False) -> dict:
    sentence = found.get("sentence_row") or {"start": found["start"], "end": found["end"]}
    text = found["document_text"]
    marks = [(found["start"], found["end"], "evidence")]
    marks += [(found[f"{s}_start"], found[f"{s}_end"], s) for s in ("source", "target")]
    marks += [(t["start"], t["end"], "time") for t in found.get("times", [])]
    return {
        **{k: v for k, v in found.items() if k != "document_text"},
        "this": this,
        "sentence_html": highlight(text, sentence["start"], sentence["end"], marks),
    }


def token_matches(given: str, token: str) -> bool:
    """Whether a write token someone gave is the server's (compared in constant time)."""
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


def _clean(**values: Any) -> dict[str, Any]:
    """Filters without the empty strings an HTML form sends for blank fields."""
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items() if v}


def _query_builder(filters: dict[str, Any]) -> Callable[..., str]:
    def query(**more: Any) -> str:
        return urlencode({**filters, **more})

    return query


def _story_of(store: Annals, found: dict):
    """The story an event belongs to, clustered from events of the same pair near its date."""
    from annals.stories import cluster, near_duplicates

    window: dict[str, str] = {}
    if found["date"] and len(found["date"]) == 10:
        day = date.fromisoformat(found["date"])
        window = {
            "since": (day - timedelta(days=10)).isoformat(),
            "until": (day + timedelta(days=10)).isoformat(),
        }
    elif found["date"]:
        window = {"since": found["date"], "until": found["date"]}
    nearby = []
    for source, target in (
        (found["source_code"], found["target_code"]),
        (found["target_code"], found["source_code"]),
    ):
        nearby += store.store.events(source=source, target=target, limit=2000, **window)
    texts = {i: store.store.document(i).text for i in {e.document_id for e in nearby}}
    for story in cluster(nearby, near_duplicates(list(texts.items()))):
        if found["id"] in story.event_ids:
            return story
    return None


def router(store: Annals, *, token: str | None, read_only: bool, max_upload: int) -> APIRouter:
    """The HTML pages; the upload form needs ``token`` (none: uploads are refused)."""
    pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    render = templates().TemplateResponse

    def page(request: Request, name: str, active: str = "", status: int = 200, **context: Any):
        return render(request, name, {"active": active, **context}, status_code=status)

    @pages.get("/")
    def overview(request: Request) -> Response:
        return page(
            request,
            "index.html",
            counts=counts(store.store),
            edges=actor_network(store.store, limit=12),
            latest=latest_events(store.store, 15),
        )

    @pages.get("/events")
    def events_page(
        request: Request,
        actor: str = "",
        source: str = "",
        target: str = "",
        code: str = "",
        outlet: str = "",
        since: str = "",
        until: str = "",
        page_number: PageNumber = 1,
    ) -> Response:
        filters = _clean(
            actor=actor,
            source=source,
            target=target,
            code=code,
            outlet=outlet,
            since=since,
            until=until,
        )
        rows = store.store.events(
            **filters, limit=PAGE_SIZE + 1, offset=(page_number - 1) * PAGE_SIZE
        )

        def api_query(fmt: str) -> str:
            return urlencode({**filters, "limit": 1000, "format": fmt})

        return page(
            request,
            "events.html",
            "/events",
            filters=filters,
            rows=rows[:PAGE_SIZE],
            page=page_number,
            has_next=len(rows) > PAGE_SIZE,
            query=_query_builder(filters),
            api_query=api_query,
        )

    @pages.get("/events/{event_id}")
    def event_page(request: Request, event_id: int) -> Response:
        found = event_detail(store.store, event_id)
        story = _story_of(store, found)
        reports = [_report(found, this=True)]
        if story:
            others = [i for i in story.event_ids if i != event_id][:REPORTS_SHOWN]
            reports += [_report(event_detail(store.store, i)) for i in others]
        return page(
            request,
            "event.html",
            "/events",
            e=found,
            reports=reports,
            story=story,
            date_how=date_how(found),
        )

    @pages.get("/stories")
    def stories_page(
        request: Request,
        actor: str = "",
        code: str = "",
        since: str = "",
        until: str = "",
        single_source: bool = False,
        page_number: PageNumber = 1,
    ) -> Response:
        filters = _clean(actor=actor, code=code, since=since, until=until)
        found = store.stories(**filters)
        if single_source:
            found = [s for s in found if s.single_source]
        first = (page_number - 1) * PAGE_SIZE
        return page(
            request,
            "stories.html",
            "/stories",
            filters={**filters, "single_source": single_source},
            rows=found[first : first + PAGE_SIZE],
            page=page_number,
            has_next=len(found) > first + PAGE_SIZE,
            query=_query_builder({**filters, **({"single_source": 1} if single_source else {})}),
        )

    @pages.get("/stories/{story_id}")
    def story_page(request: Request, story_id: str) -> Response:
        try:
            found, story_events = store.story(story_id)
        except KeyError:
            raise HTTPException(404, f"no single story with id {story_id!r}") from None
        reports = [_report(event_detail(store.store, e.id)) for e in story_events]
        reports.sort(key=lambda r: (r["outlet"] or "", r["published"] or "", r["id"]))
        return page(request, "story.html", "/stories", story=found, reports=reports)

    @pages.get("/timeline")
    def timeline_page(
        request: Request, a: str = "", b: str = "", since: str = "", until: str = ""
    ) -> Response:
        a, b = a.strip(), b.strip()
        weeks = (
            dyad_weeks(store.store, a, b, since=since or None, until=until or None)
            if (a and b)
            else []
        )
        svg = Markup(charts.dyad_timeline(weeks, f"{a} – {b}")) if weeks else ""
        return page(
            request,
            "timeline.html",
            "/timeline",
            a=a,
            b=b,
            since=since,
            until=until,
            weeks=weeks,
            svg=svg,
        )

    @pages.get("/network")
    def network_page(
        request: Request,
        since: str = "",
        until: str = "",
        min_events: Annotated[int, Query(ge=1)] = 1,
        limit: Annotated[int, Query(ge=1, le=300)] = 60,
    ) -> Response:
        edges = actor_network(
            store.store,
            since=since or None,
            until=until or None,
            min_events=min_events,
            limit=limit,
        )
        svg = Markup(charts.actor_network(edges)) if edges else ""
        return page(
            request,
            "network.html",
            "/network",
            edges=edges,
            svg=svg,
            since=since,
            until=until,
            min_events=min_events,
            limit=limit,
        )

    @pages.get("/outlets")
    def outlets_page(request: Request) -> Response:
        framing = store.framing()
        per_outlet = framing.per_outlet()
        tones = {(t.actor, t.outlet): t for t in store.tone()}
        mentioned: dict[str, int] = {}
        for (actor, _), t in tones.items():
            mentioned[actor] = mentioned.get(actor, 0) + t.mentions
        actors = sorted(mentioned, key=lambda a: (-mentioned[a], a))[:TONE_ACTORS]
        return page(
            request,
            "outlets.html",
            "/outlets",
            per_outlet=per_outlet,
            outlets=sorted(per_outlet),
            concepts=sorted({c for o in per_outlet.values() for c in o}),
            differing=framing.differing(),
            tones=tones,
            tone_actors=actors,
            tone_outlets=sorted({outlet for _, outlet in tones}),
        )

    @pages.get("/documents")
    def documents_page(
        request: Request,
        outlet: str = "",
        lang: str = "",
        since: str = "",
        until: str = "",
        page_number: PageNumber = 1,
    ) -> Response:
        filters = _clean(outlet=outlet, lang=lang, since=since, until=until)
        rows = store.store.documents(
            **filters, limit=PAGE_SIZE + 1, offset=(page_number - 1) * PAGE_SIZE
        )
        return page(
            request,
            "documents.html",
            "/documents",
            filters=filters,
            rows=rows[:PAGE_SIZE],
            page=page_number,
            has_next=len(rows) > PAGE_SIZE,
            query=_query_builder(filters),
        )

    @pages.get("/documents/{doc_id}")
    def document_page(request: Request, doc_id: str) -> Response:
        doc = store.store.document(doc_id)
        sentences = [
            {**s, "text": doc.text[s["start"] : s["end"]]} for s in store.store.sentences(doc.id)
        ]
        if not sentences:
            sentences = [{"idx": 0, "lang": "", "text": doc.text, "date": None}]
        return page(
            request,
            "document.html",
            "/documents",
            doc=doc,
            found=dict(doc.found),
            sentences=sentences,
            events=store.store.events(document_id=doc.id),
        )

    @pages.get("/quotes")
    def quotes_page(
        request: Request,
        speaker: str = "",
        outlet: str = "",
        q: str = "",
        page_number: PageNumber = 1,
    ) -> Response:
        filters = _clean(speaker=speaker, outlet=outlet, q=q)
        rows = store.store.quotes(
            speaker=filters.get("speaker"),
            outlet=filters.get("outlet"),
            search=filters.get("q"),
            limit=PAGE_SIZE + 1,
            offset=(page_number - 1) * PAGE_SIZE,
        )
        return page(
            request,
            "quotes.html",
            "/quotes",
            filters=filters,
            rows=rows[:PAGE_SIZE],
            page=page_number,
            has_next=len(rows) > PAGE_SIZE,
            query=_query_builder(filters),
        )

    upload_context = {"read_only": read_only or not token, "max_mb": max_upload // 2**20}

    @pages.get("/upload")
    def upload_form(request: Request) -> Response:
        return page(request, "upload.html", "/upload", **upload_context)

    @pages.post("/upload")
    async def upload_submit(
        request: Request,
        files: Annotated[list[UploadFile], File()],
        token_given: Annotated[str, Form(alias="token")] = "",
        extract: Annotated[bool, Form()] = False,
    ) -> Response:
        from annals.web.uploads import ingest_uploads

        if read_only or not token:
            raise HTTPException(403, "this server is read-only")
        if not token_matches(token_given, token):
            return page(
                request,
                "upload.html",
                "/upload",
                status=401,
                message="Wrong token.",
                error=True,
                **upload_context,
            )
        report = await ingest_uploads(store.store, files, max_upload)
        message = f"Stored {report.stored}, duplicates {report.duplicate}, failed {report.failed}."
        if extract and report.stored:
            from annals.pipeline import extract_pending

            done = extract_pending(store.store)
            message += f" Extracted {done.events} events from {done.processed} documents."
        return page(
            request,
            "upload.html",
            "/upload",
            status=201,
            message=message,
            error=bool(report.failed),
            failures=[(Path(s).name, r) for s, r in report.failures],
            **upload_context,
        )

    return pages


__all__ = ["date_how", "highlight", "router", "templates"]

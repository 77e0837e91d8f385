"""The web app: the REST API under /api (documents, events, stories, quotes, actors,
outlets; filters, pagination, downloads; OpenAPI at /docs) and the HTML pages of
:mod:`annals.web.pages`.

Reads need nothing; writes (uploading articles, re-running extraction) need the token set in
``ANNALS_TOKEN`` (or given to :func:`create_app`), sent as ``Authorization: Bearer TOKEN`` (or,
in the upload form, typed in). Without a token the server is read-only. Uploads are
size-limited and their names are never used as paths. Every response carries a strict
Content-Security-Policy: pages run no script at all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from annals import __version__, export
from annals.api import Annals
from annals.errors import StoreError
from annals.web import pages
from annals.web.uploads import ingest_uploads

MAX_UPLOAD = 20 * 1024 * 1024
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many.")]
Offset = Annotated[int, Query(ge=0, le=2**31 - 1, description="Skip this many.")]
Format = Annotated[
    str,
    Query(
        pattern="^(json|csv|jsonl|parquet|gdelt)$",
        description="json (a page with paging info), or a download: csv, jsonl, parquet, or "
        "gdelt (events only: a GDELT 2.0-style event table).",
    ),
]
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
DOCS_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src https://cdn.jsdelivr.net; img-src https://fastapi.tiangolo.com data:; "
    "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class SecurityHeaders:
    """ASGI middleware: a strict Content-Security-Policy (a looser one for the Swagger UI at
    /docs) and the usual hardening headers on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope["path"] in ("/docs", "/redoc") else PAGE_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = policy
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "DENY"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _rows(records: Iterable[Any]) -> list[dict]:
    return [export.as_row(r) for r in records]


def _respond(rows: Iterable[Any], fmt: str, name: str, total: int | None = None) -> Response:
    """JSON (with paging info), or a download of the listing streamed as CSV, JSON lines,
    Parquet or (events) GDELT-style TSV."""
    if fmt == "json":
        items = _rows(rows)
        return JSONResponse({"items": items, "count": len(items), "total": total})
    if fmt == "gdelt" and name != "events":
        raise HTTPException(400, "the gdelt format is for events only")
    extension = "tsv" if fmt == "gdelt" else fmt
    return StreamingResponse(
        export.chunks(rows, fmt),
        media_type=export.MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{extension}"'},
    )


def create_app(db: str | None = None, token: str | None = None, read_only: bool = False) -> FastAPI:
    """The API over the store at ``db``; writes need ``token`` (None: read-only)."""
    token = token if token is not None else os.environ.get("ANNALS_TOKEN")
    app = FastAPI(
        title="annals",
        version=__version__,
        description="Political events from news, with provenance.",
    )
    store = Annals(db)

    def writer(authorization: Annotated[str | None, Header()] = None) -> None:
        if read_only or not token:
            raise HTTPException(403, "this server is read-only")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not pages.token_matches(given, token):
            raise HTTPException(401, "a valid token is needed for writes")

    html = pages.templates()

    def error(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": message}, status_code=status)
        return html.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error(request, 404, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return error(request, 400, f"bad request: {problems}")

    @app.get("/api/documents", summary="Documents, newest first")
    def documents(
        outlet: str | None = None,
        lang: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
        format: Format = "json",
    ) -> Response:
        docs = store.documents(
            outlet=outlet, lang=lang, since=since, until=until, limit=limit, offset=offset
        )
        rows = [{k: v for k, v in row.items() if k != "text"} for row in _rows(docs)]
        return _respond(rows, format, "documents", store.store.count_documents())

    @app.get("/api/documents/{doc_id}", summary="One document with its text and sentences")
    def document(doc_id: str) -> dict:
        doc = store.store.document(doc_id)
        return {
            **_rows([doc])[0],
            "sentences": store.store.sentences(doc.id),
            "mentions": store.store.mentions(doc.id),
        }

    @app.get("/api/events", summary="Events, by date")
    def events(
        actor: Annotated[
            str | None, Query(description="Either side: a code, entity id or name.")
        ] = None,
        source: Annotated[str | None, Query(description="Source code or entity id.")] = None,
        target: Annotated[str | None, Query(description="Target code or entity id.")] = None,
        pair: Annotated[
            str | None,
            Query(pattern="^[^-]+-[^-]+$", description="Two actors A-B, either direction."),
        ] = None,
        code: Annotated[str | None, Query(description="CAMEO code or prefix (04, 042).")] = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
        format: Format = "json",
    ) -> Response:
        filters = {
            "actor": actor,
            "source": source,
            "target": target,
            "pair": tuple(pair.split("-", 1)) if pair else None,
            "code": code,
            "since": since,
            "until": until,
            "outlet": outlet,
            "limit": limit,
            "offset": offset,
        }
        if format == "json":
            return _respond(store.store.events(**filters), format, "events")
        return _respond(store.store.iter_events(**filters), format, "events")

    @app.get("/api/quotes", summary="Quotes with their speakers and outlets")
    def quotes(
        speaker: str | None = None,
        outlet: str | None = None,
        q: str | None = None,
        direct: bool | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
        format: Format = "json",
    ) -> Response:
        rows = store.store.quotes(
            speaker=speaker, outlet=outlet, search=q, direct=direct, limit=limit, offset=offset
        )
        return _respond(rows, format, "quotes")

    @app.get("/api/stories", summary="Stories: one real act across outlets")
    def stories(
        actor: str | None = None,
        code: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
        format: Format = "json",
    ) -> Response:
        rows = store.stories(actor=actor, code=code, since=since, until=until)
        return _respond(_rows(rows[offset : offset + limit]), format, "stories", len(rows))

    @app.get("/api/stories/{story_id}", summary="One story and its events")
    def story(story_id: str) -> dict:
        try:
            found, story_events = store.story(story_id)
        except KeyError:
            raise HTTPException(404, f"no single story with id {story_id!r}") from None
        return {"story": _rows([found])[0], "events": _rows(story_events)}

    @app.get("/api/actors", summary="Actors by mentions")
    def actors(limit: Limit = 50, format: Format = "json") -> Response:
        return _respond(store.store.actor_counts(limit), format, "actors")

    @app.get("/api/outlets", summary="Each outlet's words for the same thing, and its tone")
    def outlets() -> dict:
        framing = store.framing()
        return {
            "framing": _rows(list(framing.rows)),
            "tone": [{**asdict(t), "score": t.score} for t in store.tone()],
        }

    @app.post(
        "/api/upload",
        status_code=201,
        dependencies=[Depends(writer)],
        summary="Ingest uploaded article files (token needed)",
    )
    async def upload(files: Annotated[list[UploadFile], File()]) -> dict:
        report = await ingest_uploads(store.store, files, MAX_UPLOAD)
        return {
            "stored": report.stored,
            "duplicate": report.duplicate,
            "failed": report.failed,
            "failures": [{"source": s.rsplit("/", 1)[-1], "reason": r} for s, r in report.failures],
        }

    @app.post(
        "/api/extract",
        dependencies=[Depends(writer)],
        summary="Run every stage on documents not yet processed (token needed)",
    )
    def extract() -> dict:
        from annals.pipeline import extract_pending

        report = extract_pending(store.store)
        return {"processed": report.processed, "events": report.events, "failed": report.failed}

    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=pages.HERE / "static"), name="static")
    app.include_router(pages.router(store, token=token, read_only=read_only, max_upload=MAX_UPLOAD))
    return app

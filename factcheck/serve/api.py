"""The HTTP API, for a CMS before publishing and for CI (``factcheck check --server``).

``POST /api/check`` answers with the document ``factcheck check --format json`` prints
(findings limited to the draft); ``?detail=report`` adds the whole report in the wire
format (``factcheck.report.wire``) that ``check --server`` renders locally. Errors are
``{"error": "one line"}`` with 4xx: 422 bad input, 403 a path outside the archive roots,
404 unknown id, 413 too large (``security``); 503 when a check worker stopped mid-check.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from factcheck.errors import FactcheckError, InputError
from factcheck.serve.desk import Draft, claim_row, draft_name

router = APIRouter(prefix="/api")

CHECK_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {
                "type": "object", "required": ["text"],
                "properties": {
                    "text": {"type": "string", "description": "the draft (Markdown, or plain text)"},
                    "lang": {"type": "string", "enum": ["fr", "en"], "description": "default: detected"},
                    "date": {"type": "string", "format": "date", "description": "publication date, YYYY-MM-DD"},
                    "title": {"type": "string"}, "source": {"type": "string", "description": "the outlet"},
                    "name": {"type": "string", "description": "the draft's file name (baselines match it)"},
                    "format": {"type": "string", "enum": ["md", "txt", "html"], "default": "md"}}}},
            "multipart/form-data": {"schema": {
                "type": "object", "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary",
                                        "description": ".md, .txt, .html or .docx"},
                               "lang": {"type": "string"}, "date": {"type": "string", "format": "date"},
                               "title": {"type": "string"}, "source": {"type": "string"}}}},
        },
    },
}


class IndexIn(BaseModel):
    path: str = Field(description="folder or file under an archive root (relative: to the first root)")


class DecisionIn(BaseModel):
    check: str = Field(description="the check's id (X-Factcheck-Check header of POST /api/check)")
    finding: str = Field(description="the finding's key (its fingerprint, as in the check's page)")
    status: str = Field(description="accepted (a waiver) or fixed")
    note: str = ""
    reviewer: str = ""


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def status_of(exc: FactcheckError) -> int:
    """422 for bad input; 503 when a check worker stopped (the draft can be sent again)."""
    from factcheck.serve.pool import WorkerLost

    return 503 if isinstance(exc, WorkerLost) else 422


def desk_of(request: Request):
    return request.app.state.desk


async def read_draft(request: Request, form=None) -> Draft:
    """The draft of a JSON body or of a form (pasted ``text`` or an uploaded ``file``)."""
    from factcheck.serve.uploads import read_upload

    ctype = request.headers.get("content-type", "")
    if ctype.startswith("application/json"):
        try:
            data = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            raise InputError("the body is not valid JSON") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise InputError('give the draft as {"text": "..."}')
        fields = {k: data.get(k) for k in ("lang", "date", "title", "source", "name", "format")}
        if not all(v is None or isinstance(v, str) for v in fields.values()):
            raise InputError("lang, date, title, source, name and format are strings")
        fmt = fields["format"] or "md"
        return Draft(text=data["text"], name=draft_name(fields["name"], fmt), fmt=fmt, lang=fields["lang"] or None,
                     date=fields["date"] or None, title=fields["title"] or "", source=fields["source"] or "")
    if form is None:
        if not (ctype.startswith("multipart/form-data") or ctype.startswith("application/x-www-form-urlencoded")):
            raise InputError("send JSON (application/json) or a form (multipart/form-data)")
        form = await request.form(max_files=2, max_fields=20, max_part_size=request.app.state.max_bytes)
    upload = form.get("file")
    values = {k: str(form.get(k) or "").strip() for k in ("lang", "date", "title", "source", "name")}
    if upload is not None and not isinstance(upload, str) and upload.filename:
        text, fmt = read_upload(upload.filename, await upload.read())
        name = draft_name(values["name"] or upload.filename, fmt)
    else:
        text, fmt = str(form.get("text") or ""), "md"
        name = draft_name(values["name"], fmt)
    if not text.strip():
        raise InputError("the draft is empty: paste its text or upload a file")
    return Draft(text=text, name=name, fmt=fmt, lang=values["lang"] or None, date=values["date"] or None,
                 title=values["title"], source=values["source"])


@router.post("/check", summary="Check a draft against the archive", openapi_extra=CHECK_BODY,
             response_description="the JSON document of factcheck check --format json")
async def check(request: Request, detail: str = "") -> Response:
    from starlette.concurrency import run_in_threadpool

    try:
        draft = await read_draft(request)
        report, view = await run_in_threadpool(desk_of(request).run, draft)
    except FactcheckError as exc:
        return error(status_of(exc), str(exc))
    headers = {"X-Factcheck-Check": view.id, "Location": f"/checks/{view.id}"}
    if detail == "report":
        from factcheck.report.wire import to_wire

        body = {"document": json.loads(view.document), "report": to_wire(report), "check": view.id}
        return JSONResponse(body, headers=headers)
    return Response(view.document, media_type="application/json", headers=headers)


@router.get("/stories", summary="The stories of the archive, with their articles")
def stories(request: Request) -> Response:
    from factcheck.serve.browse import stories as list_stories

    return JSONResponse(list_stories(desk_of(request).store))


@router.get("/stories/{story_id:path}/claims", summary="The claims of one story")
def story_claims(story_id: str, request: Request) -> Response:
    from factcheck.serve.browse import story_claims as claims

    found = claims(desk_of(request).store, story_id)
    if found is None:
        return error(404, f"no story {story_id!r} in the archive")
    return JSONResponse([{**c.to_dict(), **_where(c)} for c in found])


@router.get("/claims", summary="Search claims by subject, place or value range (base units)")
def search_claims(request: Request, subject: str = "", place: str = "", min: str = "", max: str = "") -> Response:
    from factcheck.serve.browse import Search, number, search

    try:
        query = Search(subject.strip(), place.strip(), number(min, "min"), number(max, "max"))
    except InputError as exc:
        return error(422, str(exc))
    return JSONResponse([claim_row(c) for c in search(desk_of(request).store, query)])


def _where(c) -> dict[str, Any]:
    art = c.article
    return {"source": art.source if art else "", "date": art.date.isoformat() if art and art.date else None,
            "story": art.story if art else ""}


@router.post("/index", status_code=202, summary="Index a folder under the archive roots (progress: GET /api/index/{id})")
def start_index(body: IndexIn, request: Request) -> Response:
    try:
        real = desk_of(request).resolve_root_path(body.path)
    except PermissionError as exc:
        return error(403, str(exc))
    except InputError as exc:
        return error(422, str(exc))
    job = request.app.state.jobs.start(real, body.path)
    return JSONResponse(job.to_dict(), status_code=202, headers={"Location": f"/api/index/{job.id}"})


@router.get("/index/{job_id}", summary="Progress of an index run")
def index_progress(job_id: str, request: Request) -> Response:
    job = request.app.state.jobs.get(job_id)
    return error(404, f"no index run {job_id!r}") if job is None else JSONResponse(job.to_dict())


@router.get("/decisions", summary="Every decision on a finding")
def decisions(request: Request) -> Response:
    return JSONResponse([d.to_dict() for d in desk_of(request).decisions.all()])


def record_decision(request: Request, check_id: str, key: str, status: str, note: str, reviewer: str):
    """A decision on a finding of a kept check (the page's form and the API both come here)."""
    desk = desk_of(request)
    view = desk.check_view(check_id)
    if view is None:
        raise LookupError(f"no check {check_id!r} (the desk keeps the last checks only)")
    finding = next((f for f in view.findings if f.key == key), None)
    if finding is None:
        raise LookupError(f"no finding {key!r} in check {check_id!r}")
    if status == "undo":
        desk.decisions.undo(key)
        return None
    return desk.decisions.decide(key, status, finding.entry, note=note, reviewer=reviewer)


@router.post("/decisions", summary="Accept a finding (a waiver) or mark it fixed")
def decide(body: DecisionIn, request: Request) -> Response:
    try:
        d = record_decision(request, body.check, body.finding, body.status, body.note, body.reviewer)
    except LookupError as exc:
        return error(404, str(exc.args[0]))
    except InputError as exc:
        return error(422, str(exc))
    return JSONResponse(d.to_dict() if d else {"key": body.finding, "status": None})


@router.get("/decisions/baseline", summary="The accepted findings as a baseline file for check --baseline")
def baseline(request: Request, format: str = "yaml") -> Response:
    as_json = format == "json"
    text = desk_of(request).decisions.baseline(json_format=as_json)
    name = "factcheck-baseline." + ("json" if as_json else "yml")
    return PlainTextResponse(text, media_type="application/json" if as_json else "application/yaml",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/docs", summary="This description (HTML, or the OpenAPI JSON for Accept: application/json)")
def docs(request: Request) -> Response:
    schema = request.app.openapi()
    if "application/json" in request.headers.get("accept", "") or request.query_params.get("format") == "json":
        return JSONResponse(schema)
    return HTMLResponse(request.app.state.pages.render_docs(request, schema))

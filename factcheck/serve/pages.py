"""The desk's web pages: check a draft, its result (decide on each finding), the archive,
the decisions, the token login.

Templates are Jinja2 with autoescape on: article text, titles and messages are escaped
wherever they are shown. Every form that changes something carries the CSRF token of
the browser's cookie (``security``); a page that has none yet sets it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from factcheck.errors import FactcheckError, InputError
from factcheck.serve import i18n
from factcheck.serve.security import BROWSER_COOKIE, CSRF_FIELD, SESSION_COOKIE, new_browser_id, safe_next

TEMPLATES = Path(__file__).parent / "templates"
router = APIRouter()


class Pages:
    """The template environment, and how a page is rendered for a request."""

    def __init__(self) -> None:
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                               trim_blocks=True, lstrip_blocks=True)

    def render(self, request: Request, name: str, status: int = 200, lang: str | None = None,
               **context: Any) -> HTMLResponse:
        guard = request.app.state.guard
        browser = request.cookies.get(BROWSER_COOKIE)
        new = browser is None or len(browser) > 64
        if new:
            browser = new_browser_id()
        ui = i18n.pick(request.headers.get("accept-language"), lang)
        html = self.env.get_template(name).render(
            t=i18n.words(ui), ui_lang=ui, csrf=guard.csrf_token(browser), csrf_field=CSRF_FIELD,
            path=request.url.path, logged_in=guard.token is not None and guard.session_ok(request.cookies.get(SESSION_COOKIE)),
            **context)
        response = HTMLResponse(html, status_code=status)
        if new:
            response.set_cookie(BROWSER_COOKIE, browser, httponly=True, samesite="strict", path="/")
        return response

    def render_docs(self, request: Request, schema: dict) -> str:
        ops = [(path, method.upper(), op.get("summary", "")) for path, item in schema.get("paths", {}).items()
               for method, op in item.items()]
        return self.render(request, "apidocs.html", ops=ops, title=schema.get("info", {}).get("title", "")).body.decode()


def pages(request: Request) -> Pages:
    return request.app.state.pages


def csrf_ok(request: Request, form) -> bool:
    return request.app.state.guard.csrf_ok(request.cookies.get(BROWSER_COOKIE), str(form.get(CSRF_FIELD) or ""))


def refused(request: Request) -> HTMLResponse:
    return pages(request).render(request, "error.html", status=403,
                                 message="the form has expired or did not come from this desk (CSRF token "
                                         "missing or wrong): reload the page and send it again")


async def read_form(request: Request):
    return await request.form(max_files=2, max_fields=20, max_part_size=request.app.state.max_bytes)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request) -> Response:
    desk = request.app.state.desk
    return pages(request).render(request, "check.html", recent=desk.recent(), form={})


@router.post("/check", include_in_schema=False)
async def check(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    from factcheck.serve.api import read_draft, status_of

    form = await read_form(request)
    if not csrf_ok(request, form):
        return refused(request)
    desk = request.app.state.desk
    try:
        draft = await read_draft(request, form)
        _, view = await run_in_threadpool(desk.run, draft)
    except FactcheckError as exc:
        values = {k: str(form.get(k) or "") for k in ("text", "name", "lang", "date", "title", "source")}
        return pages(request).render(request, "check.html", status=status_of(exc), error=str(exc),
                                     recent=desk.recent(), form=values)
    return RedirectResponse(f"/checks/{view.id}", status_code=303)


@router.get("/checks/{check_id}", response_class=HTMLResponse, include_in_schema=False)
def result(check_id: str, request: Request) -> Response:
    desk = request.app.state.desk
    view = desk.check_view(check_id)
    if view is None:
        return pages(request).render(request, "error.html", status=404, message=f"no check {check_id!r}")
    decided = desk.decisions.by_key([f.key for f in view.findings])
    return pages(request).render(request, "result.html", lang=view.lang, view=view, decided=decided)


@router.post("/decide", include_in_schema=False)
async def decide(request: Request) -> Response:
    from factcheck.serve.api import record_decision

    form = await read_form(request)
    if not csrf_ok(request, form):
        return refused(request)
    check_id, key = str(form.get("check") or ""), str(form.get("finding") or "")
    try:
        record_decision(request, check_id, key, str(form.get("status") or ""), str(form.get("note") or ""),
                        str(form.get("reviewer") or ""))
    except LookupError as exc:
        return pages(request).render(request, "error.html", status=404, message=str(exc.args[0]))
    except InputError as exc:
        return pages(request).render(request, "error.html", status=422, message=str(exc))
    return RedirectResponse(f"/checks/{check_id}#f-{key}", status_code=303)


@router.get("/archive", response_class=HTMLResponse, include_in_schema=False)
def archive(request: Request, subject: str = "", place: str = "", min: str = "", max: str = "",
            job: str = "") -> Response:
    from factcheck.serve.browse import Search, number, search, stories
    from factcheck.serve.desk import claim_row

    desk = request.app.state.desk
    error, rows = None, None
    try:
        query = Search(subject.strip(), place.strip(), number(min, "from"), number(max, "to"))
        if not query.empty:
            rows = [claim_row(c) for c in search(desk.store, query)]
    except InputError as exc:
        error = str(exc)
    return pages(request).render(request, "archive.html", stories=stories(desk.store), rows=rows, error=error,
                                 q={"subject": subject, "place": place, "min": min, "max": max},
                                 jobs=[j.to_dict() for j in request.app.state.jobs.all()], job=job,
                                 roots=desk.roots)


@router.get("/archive/story/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
def story(story_id: str, request: Request) -> Response:
    from factcheck.serve.browse import stories, story_claims
    from factcheck.serve.desk import claim_row

    desk = request.app.state.desk
    claims = story_claims(desk.store, story_id)
    if claims is None:
        return pages(request).render(request, "error.html", status=404, message=f"no story {story_id!r}")
    info = next((s for s in stories(desk.store) if s["id"] == story_id), {"id": story_id, "title": story_id,
                                                                           "articles": []})
    return pages(request).render(request, "story.html", story=info, rows=[claim_row(c) for c in claims])


@router.post("/archive/index", include_in_schema=False)
async def index(request: Request) -> Response:
    form = await read_form(request)
    if not csrf_ok(request, form):
        return refused(request)
    desk = request.app.state.desk
    given = str(form.get("path") or "").strip()
    try:
        real = desk.resolve_root_path(given)
    except PermissionError as exc:
        return pages(request).render(request, "error.html", status=403, message=str(exc))
    except InputError as exc:
        return pages(request).render(request, "error.html", status=422, message=str(exc))
    job = request.app.state.jobs.start(real, given)
    return RedirectResponse(f"/archive?job={job.id}", status_code=303)


@router.get("/decisions", response_class=HTMLResponse, include_in_schema=False)
def decisions(request: Request) -> Response:
    return pages(request).render(request, "decisions.html", decisions=request.app.state.desk.decisions.all())


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_form(request: Request, next: str = "/") -> Response:
    return pages(request).render(request, "login.html", next=safe_next(next), error=None)


@router.post("/login", include_in_schema=False)
async def login(request: Request) -> Response:
    guard = request.app.state.guard
    form = await read_form(request)
    target = safe_next(str(form.get("next") or "/"))
    if not csrf_ok(request, form):
        return refused(request)
    if not guard.token_ok(str(form.get("token") or "")):
        return pages(request).render(request, "login.html", status=401, next=target, error="wrong token")
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, guard.open_session(), httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")
    return response

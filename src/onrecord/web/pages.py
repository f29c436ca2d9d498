"""The server-rendered pages (Jinja2, autoescape on, no script): overview, actors, an actor with its timeline
chart, statement and article views with spans marked at their offsets, contradictions, search, API docs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from .. import __version__
from ..errors import LedgerError
from ..ledger import query
from . import chart, data, highlight
from .errors import ApiError

router = APIRouter(include_in_schema=False)
# Rows per listing page on the site (the API's own limit is separate).
PAGE_ROWS = 50
STANCES = ("reject", "conditional", "open", "neutral")
# Statements drawn on one actor page (the API's page limit): more marks than this no longer read as a chart.
TIMELINE_MARKS = query.MAX_LIMIT


def statement_url(st: dict[str, Any]) -> str:
    article_uid, _, sid = st["uid"].partition("#")
    return f"/statements/{quote(article_uid)}/{quote(sid)}"


def actor_url(actor_id: str | None) -> str:
    return f"/actors/{quote(actor_id or '', safe='')}"


def article_url(article_id: str) -> str:
    return f"/articles/{quote(article_id, safe='/')}"


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(statement_url=statement_url, actor_url=actor_url, article_url=article_url)
    env.globals.update(version=__version__, stances=STANCES)
    return env


templates = Jinja2Templates(env=_env())


def page(request: Request, name: str, status: int = 200, headers: dict[str, str] | None = None, **context: Any):
    return templates.TemplateResponse(request, name, context, status_code=status, headers=headers)


def render_error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    return page(request, "error.html", status=status, headers=headers, status_code=status, message=message)


def _day(value: Optional[str], name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"{name} {value!r} is not a date: write it as YYYY-MM-DD") from None


def _choice(value: Optional[str], name: str, allowed: tuple[str, ...]) -> str | None:
    if not value:
        return None
    if value not in allowed:
        raise ApiError(400, f"{name} {value!r} is not one of {', '.join(allowed)}")
    return value


def _pager(request: Request, offset: int, shown: int, total: int) -> dict[str, Any]:
    """Links to the previous and next pages, keeping the other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v}

    def link(at: int) -> str:
        return f"{request.url.path}?{urlencode({**params, 'offset': at})}"

    return {"first": offset + 1 if shown else 0, "last": offset + shown, "total": total,
            "prev": link(max(0, offset - PAGE_ROWS)) if offset > 0 else None,
            "next": link(offset + shown) if offset + shown < total else None}


@router.get("/", response_class=HTMLResponse)
def overview(request: Request):
    return page(request, "overview.html", o=data.overview(request.app.state.ledger))


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: Optional[str] = None, offset: int = Query(0, ge=0)):
    items, total = query.actors(request.app.state.ledger, search=q or None, limit=PAGE_ROWS, offset=offset)
    return page(request, "actors.html", actors=items, q=q or "", paging=_pager(request, offset, len(items), total))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str, about: Optional[str] = None, stance: Optional[str] = None,
          since: Optional[str] = None, until: Optional[str] = None):
    ledger = request.app.state.ledger
    if not data.actor_exists(ledger, actor_id):
        raise ApiError(404, f"no actor with id {actor_id!r}: the actors page lists them")
    about = _choice(about, "about", ("negotiations", "all")) or "negotiations"
    stance = _choice(stance, "stance", STANCES)
    f = data.TimelineFilter(about=about, stance=stance, since=_day(since, "since"), until=_day(until, "until"))
    # the chart draws up to TIMELINE_MARKS statements; the page says how many were left out
    found = data.timeline(ledger, actor_id, f, TIMELINE_MARKS)
    if found is None:  # removed since the check above
        raise ApiError(404, f"no actor with id {actor_id!r}: the actors page lists them")
    items = found.items
    drawn = chart.timeline_svg(items, statement_url)
    return page(request, "actor.html", actor=query.actor(ledger, actor_id), items=items, chart=drawn,
                beyond=found.total - len(items),
                filters={"about": about, "stance": stance or "", "since": since or "", "until": until or ""})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Optional[str] = None, speaker: Optional[str] = None, stance: Optional[str] = None,
           about: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
           outlet: Optional[str] = None, offset: int = Query(0, ge=0)):
    ledger = request.app.state.ledger
    try:
        f = query.StatementFilter(speaker=speaker or None, about=_choice(about, "about", ("negotiations",)),
                                  stance=_choice(stance, "stance", STANCES), since=_day(since, "since"),
                                  until=_day(until, "until"), outlet=outlet or None, search=q or None,
                                  limit=PAGE_ROWS, offset=offset)
    except LedgerError as exc:
        raise ApiError(400, str(exc)) from None
    items, total = query.statements(ledger, f)
    matched = query.actors(ledger, search=q, limit=PAGE_ROWS)[0] if q and offset == 0 else []
    filters = {"q": q or "", "speaker": speaker or "", "stance": stance or "", "about": about or "",
               "since": since or "", "until": until or "", "outlet": outlet or ""}
    return page(request, "search.html", items=items, actors=matched, filters=filters,
                paging=_pager(request, offset, len(items), total))


@router.get("/statements/{article_uid}/{sid}", response_class=HTMLResponse)
def statement(request: Request, article_uid: str, sid: str):
    ledger = request.app.state.ledger
    st = data.statement(ledger, f"{article_uid}#{sid}")
    if st is None:
        raise ApiError(404, f"no statement {sid!r} in article {article_uid!r}")
    art = data.article_by_uid(ledger, article_uid)
    marks = highlight.zone_marks(art["zones"]) + highlight.statement_marks(st)
    return page(request, "statement.html", st=st, art=art, body=highlight.render(art["text"], marks))


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, outlet: Optional[str] = None, offset: int = Query(0, ge=0)):
    found = data.article_records(request.app.state.ledger, PAGE_ROWS, offset, outlet or None)
    return page(request, "articles.html", articles=found.items, outlet=outlet or "",
                paging=_pager(request, offset, len(found.items), found.total))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str):
    art = data.article(request.app.state.ledger, article_id)
    if art is None:
        raise ApiError(404, f"no article with id {article_id!r}: the articles page lists them")
    for s in art["statements"]:
        s["uid"] = f"{art['uid']}#{s['id']}"
    marks = highlight.zone_marks(art["zones"]) + highlight.all_statement_marks(art["statements"])
    return page(request, "article.html", art=art, body=highlight.render(art["text"], marks))


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions(request: Request, across: Optional[str] = None, offset: int = Query(0, ge=0)):
    which = _choice(across, "across", ("true", "false"))
    items, total = query.contradictions(request.app.state.ledger, across=None if which is None else which == "true",
                                        limit=PAGE_ROWS, offset=offset)
    return page(request, "contradictions.html", pairs=items, across=which or "",
                paging=_pager(request, offset, len(items), total))


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    from .app import describe

    return page(request, "docs.html", ops=describe(request.app))

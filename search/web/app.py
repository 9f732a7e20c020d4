"""The WSGI application: routes, responses and the security headers every response carries.

A request names records by id in its query string; no part of a request's path
or parameters becomes a file name (the original PDF is found by document id
among the store's known paths, styles are held in memory).
"""
from __future__ import annotations

import json
import time
import traceback
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape

from ...index.backend import open_store
from ..output import render
from ..query import NotFound, QueryError

# No script at all; styles and images only from this server; forms post only here.
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
HEADERS = [("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"),
           ("Referrer-Policy", "same-origin"), ("Cache-Control", "no-store")]
STATIC = {"/static/style.css": ("text/css; charset=utf-8",
                                resources.files(__package__).joinpath("static/style.css").read_bytes())}
MAX_POST = 16_384
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")


@dataclass
class Request:
    method: str
    path: str
    params: dict[str, str]
    form: dict[str, str] = field(default_factory=dict)
    origin: str | None = None
    host: str = ""

    def get(self, name: str, default: str | None = None) -> str | None:
        value = (self.params.get(name) or "").strip()
        return value or default

    @property
    def wants_json(self) -> bool:
        return self.params.get("format") == "json"


@dataclass
class Response:
    status: str
    content_type: str
    body: bytes
    headers: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Page:
    """What a view returns: the template to show it with and the data (also its JSON)."""

    template: str
    title: str
    data: dict
    status: str = "200 OK"
    csv: tuple[str, list[str]] | None = None  # (key of the rows in data, columns): the page as CSV too


class Redirect(Exception):
    def __init__(self, location: str):
        self.location = location


def link(path: str, **params) -> str:
    """A URL on this server with its parameters (None and empty values left out)."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


class WebApp:
    def __init__(self, home: Path, hosts: frozenset[str] | None = None, store_url: str | None = None):
        """hosts: the Host headers answered (None: any); a page of another site whose name was pointed
        at this machine (DNS rebinding) names its own host, and is refused."""
        from . import views

        self.store = open_store(home, store_url, read_only=True)
        self.home = home
        self.hosts = hosts
        self.routes = views.ROUTES
        self.templates = Environment(loader=PackageLoader(__package__, "templates"),
                                     autoescape=select_autoescape(default=True, default_for_string=True))
        self.templates.globals["link"] = link
        self.templates.globals["as_json"] = lambda request: link(request.path, **{**request.params, "format": "json"})
        self.templates.filters["marks"] = views.marks

    def __call__(self, environ, start_response):
        try:
            response = self.respond(_request(environ))
        except Exception:  # the officer sees a page saying so; the terminal gets the traceback
            traceback.print_exc()
            response = Response("500 Internal Server Error", "text/plain; charset=utf-8",
                                b"Something went wrong on this page; the terminal running papers serve says what.")
        start_response(response.status, [("Content-Type", response.content_type),
                                         ("Content-Length", str(len(response.body))), *HEADERS, *response.headers])
        return [response.body]

    def respond(self, request: Request) -> Response:
        if self.hosts is not None and request.host.lower() not in self.hosts:
            return Response("421 Misdirected Request", "text/plain; charset=utf-8", b"not a name of this server")
        if request.path in STATIC:
            content_type, body = STATIC[request.path]
            return Response("200 OK", content_type, body)
        view = self.routes.get(request.path.removesuffix(".json"))
        if request.path.endswith(".json"):
            request.params["format"] = "json"
        if view is None:
            return self.page(request, Page("error.html", "Not found", {"error": f"no page {request.path}"}, "404 Not Found"))
        if request.method == "POST" and not _same_origin(request):
            return self.page(request, Page("error.html", "Refused", {"error": "a form from another site"}, "403 Forbidden"))
        try:
            result = view(self, request)
        except Redirect as moved:
            return Response("303 See Other", "text/plain; charset=utf-8", b"", [("Location", moved.location)])
        except QueryError as exc:
            result = Page("error.html", "Cannot read that", {"error": str(exc)}, "400 Bad Request")
        except NotFound as exc:
            result = Page("error.html", "Not found", {"error": str(exc), **getattr(exc, "data", {})}, "404 Not Found")
        return result if isinstance(result, Response) else self.page(request, result)

    def page(self, request: Request, page: Page) -> Response:
        if request.params.get("format") == "csv" and page.csv:
            key, columns = page.csv
            body = render(page.data[key], "csv", columns).encode()  # cells that start a formula are neutralised there
            return Response(page.status, "text/csv; charset=utf-8", body)
        if request.wants_json:
            body = json.dumps(page.data, indent=1, default=str, ensure_ascii=False).encode()
            return Response(page.status, "application/json; charset=utf-8", body)
        csv = link(request.path, **{**request.params, "format": "csv"}) if page.csv else None
        html = self.templates.get_template(page.template).render(title=page.title, request=request, csv=csv, **page.data)
        return Response(page.status, "text/html; charset=utf-8", html.encode())


def _request(environ) -> Request:
    params = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
    form = {}
    if environ["REQUEST_METHOD"] == "POST":
        size = min(int(environ.get("CONTENT_LENGTH") or 0), MAX_POST)
        form = {k: v[-1] for k, v in parse_qs(environ["wsgi.input"].read(size).decode("utf-8", "replace")).items()}
    return Request(environ["REQUEST_METHOD"], environ.get("PATH_INFO") or "/", params, form,
                   environ.get("HTTP_ORIGIN"), environ.get("HTTP_HOST", ""))


def _same_origin(request: Request) -> bool:
    """A POST from a page of this server; a browser names the origin of a cross-site form."""
    return request.origin is None or request.origin.split("://", 1)[-1] == request.host


def serve(home: Path, host: str, port: int, say=print, store_url: str | None = None) -> None:
    """Answer requests one at a time: the library's calls share one database connection and one searcher."""
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    class QuietHandler(WSGIRequestHandler):
        def log_request(self, code="-", size="-"):
            say(f"{time.strftime('%H:%M:%S')} {self.command} {self.path} {code}")

    app = WebApp(home, store_url=store_url)
    app.store.check_readable()
    with make_server(host, port, app, handler_class=QuietHandler) as server:
        if host in LOOPBACK:
            app.hosts = frozenset(f"{name}:{server.server_port}" for name in LOOPBACK)
        say(f"serving {home} at http://{host}:{server.server_port}/ (Ctrl-C to stop)")
        try:
            server.serve_forever()
        finally:
            app.store.close()

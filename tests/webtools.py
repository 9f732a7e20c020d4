"""Helpers of the web tests: a real `papers serve` on a free port, plain HTTP, and the accessibility check."""
from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


@contextmanager
def running_server(home: Path, log: Path):
    """`papers --home HOME serve --port 0` in its own process; yields its base URL."""
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "panel_papers", "--home", str(home), "serve", "--port", "0"],
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not (found := re.search(r"at (http://127\.0\.0\.1:\d+)/", log.read_text())):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.05)
        yield found.group(1)
    finally:
        process.terminate()
        process.wait(10)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, data: bytes | None = None, headers: dict | None = None) -> Reply:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with _OPENER.open(request, timeout=60) as response:
            return Reply(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers), error.read())


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings, self.labels, self.controls, self.images, self.svgs = [], set(), [], [], []
        self._svg_titles = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "label" and a.get("for"):
            self.labels.add(a["for"])
        elif tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit", "button"):
            self.controls.append(a)
        elif tag == "img":
            self.images.append(a)
        elif tag == "svg":
            self.svgs.append(a)
        elif tag == "title" and self.svgs:
            self._svg_titles += 1


def accessibility_problems(html: str) -> list[str]:
    """Basic structure: one h1 first, no heading level skipped, every control labelled, every image described."""
    page = _Structure()
    page.feed(html)
    problems = []
    if page.headings[:1] != [1] or page.headings.count(1) != 1:
        problems.append(f"headings must start with the one h1: {page.headings}")
    problems += [f"h{b} follows h{a}" for a, b in zip(page.headings, page.headings[1:]) if b > a + 1]
    problems += [f"control without a label: {c}" for c in page.controls
                 if c.get("id") not in page.labels and not c.get("aria-label")]
    problems += [f"image without alt text: {i.get('src')}" for i in page.images if not (i.get("alt") or "").strip()]
    problems += ["chart without role=img and a title" for s in page.svgs
                 if s.get("role") != "img" or not (page._svg_titles or s.get("aria-label"))]
    return problems

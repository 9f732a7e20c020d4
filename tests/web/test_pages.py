"""HTTP tests of `papers serve` on the bundled corpus: every page, its JSON, the same answers as the CLI,
security headers and escaping, and the basic accessibility of every page."""
from __future__ import annotations

import io
import json
import sqlite3
from urllib.parse import parse_qs, quote, urlencode, urlparse

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from panel_papers.cli import cli
from panel_papers.search.web.app import CSP, WebApp
from panel_papers.index.store import Store
from panel_papers.ingest.pipeline import ingest
from support import CORPUS, PACK, variant
from webtools import accessibility_problems, fetch, running_server

SGO = "when was SGO performance last discussed?"
UPDATE = "Corporate Parenting Service Update February 2022.pdf"


def ask(server, q, **filters):
    return fetch(f"{server}/?{urlencode({'q': q, **filters})}")


def as_json(server, path):
    reply = fetch(f"{server}{path}{'&' if '?' in path else '?'}format=json")
    assert reply.status == 200 and reply.headers["Content-Type"].startswith("application/json"), reply.text
    return json.loads(reply.body)


@pytest.fixture(scope="session")
def ids(web_home):
    db = sqlite3.connect(web_home / "papers.db")
    found = {
        "update": db.execute("select id from documents where file = ?", [UPDATE]).fetchone()[0],
        "meeting": db.execute("select meeting_id from minute_items where meeting_date = '2017-03-28' limit 1").fetchone()[0],
        "indicator": db.execute("select indicator_id from observations where indicator like '%Special Guardianship%' "
                                "group by indicator_id order by count(*) desc").fetchone()[0],
        "record": db.execute("select record_id from followups order by record_id limit 1").fetchone()[0],
    }
    db.close()
    return found


def page_paths(ids) -> dict[str, str]:
    return {
        "ask": "/", "answer": f"/?q={quote(SGO)}", "meetings": "/meetings", "meeting": f"/meeting?id={quote(ids['meeting'])}",
        "page": f"/page?doc={ids['update']}&n=2&q=SGO", "indicators": "/indicators",
        "indicator": f"/indicator?id={quote(ids['indicator'])}", "person": "/who?name=Hedley",
        "trace": f"/trace?record={quote(ids['record'])}", "followups": "/followups", "saved": "/saved",
    }


def test_the_answer_is_on_the_first_page_load(server):
    reply = ask(server, SGO)
    assert reply.status == 200
    answer = reply.text.split('id="answer-heading"')[1].split("</section>")[0]
    assert "Last discussed: February 2022" in answer and "Corporate Parenting Service Update" in answer
    assert f"{UPDATE}, page 2" in answer


def test_the_answer_is_what_papers_when_gives(server, web_home):
    data = as_json(server, f"/?q={quote(SGO)}")
    cli_answer = json.loads(CliRunner().invoke(cli, ["--home", str(web_home), "when", SGO, "--last", "--json"]).output)
    shown = data["answer"][0]
    assert (shown["stated_period"], shown["file"], shown["page"], shown["title"]) == \
        (cli_answer[0]["stated_period"], cli_answer[0]["file"], cli_answer[0]["page"], cli_answer[0]["title"])
    assert shown["stated_period"] == "February 2022" and shown["meeting_date"] is None


def test_results_are_what_papers_search_gives_grouped_per_meeting(server, web_home):
    data = as_json(server, "/?q=dental+checks")
    cli_hits = json.loads(CliRunner().invoke(cli, ["--home", str(web_home), "search", "dental checks", "--json"]).output)
    shown = [(h["file"], h["page"], h["record"]) for g in data["groups"] for h in g["hits"]]
    assert sorted(shown) == sorted((h["file"], h["page"], h["record"]) for h in cli_hits)
    keys = [g["when"] + (g["committee"] or "") for g in data["groups"]]
    assert len(keys) == len(set(keys)) or all(len(g["hits"]) >= 1 for g in data["groups"])
    assert data["total"] >= len(shown) > 0


def test_more_results_as_papers_search_limit(server, web_home):
    first = as_json(server, "/?q=care+leavers")
    assert first["more"] and "limit=30" in first["more"]
    more = as_json(server, first["more"])
    cli_hits = json.loads(CliRunner().invoke(cli, ["--home", str(web_home), "search", "care leavers", "--json",
                                                   "--limit", "30"]).output)
    assert sum(len(g["hits"]) for g in more["groups"]) == len(cli_hits) > 10
    assert fetch(f"{server}/?q=dental&limit=lots").status == 400


def test_facets_count_the_results_and_narrow_them(server):
    data = as_json(server, "/?q=dental+checks")
    kinds = {f["value"]: f for f in data["facets"]["kind"]}
    assert sum(f["count"] for f in kinds.values()) == data["facet_window"]
    narrowed = as_json(server, kinds["minutes"]["link"])
    assert narrowed["filters"]["kind"] == "minutes"
    assert {h["kind"] for g in narrowed["groups"] for h in g["hits"]} == {"minutes"}


def test_a_filter_that_removes_everything_says_so(server):
    data = as_json(server, "/?q=dental+checks&since=2030")
    assert data["total"] == 0 and "--since/--until removed every result" in data["problem"]
    assert ask(server, "dental", since="not a date").status == 400


def test_every_page_answers_in_html_and_json_and_passes_the_structure_check(server, ids):
    for name, path in page_paths(ids).items():
        reply = fetch(server + path)
        assert reply.status == 200, (name, reply.text[:500])
        assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
        assert accessibility_problems(reply.text) == [], name
        assert as_json(server, path) is not None


def test_json_by_suffix(server, ids):
    data = json.loads(fetch(f"{server}/meeting.json?id={quote(ids['meeting'])}").body)
    assert data["meeting"]["date"] == "2017-03-28"


def test_the_meeting_page_has_its_agenda_minutes_decisions_attendance_and_papers(server, ids):
    data = as_json(server, f"/meeting?id={quote(ids['meeting'])}")
    assert data["minutes"] and data["resolutions"] and data["attendance"] and data["papers"]
    assert all(m["page_link"].startswith("/page?doc=") for m in data["minutes"])
    html = fetch(f"{server}/meeting?id={quote(ids['meeting'])}").text
    for heading in ("Agenda", "Minutes", "Resolutions", "Attendance", "Documents"):
        assert f">{heading}</h2>" in html
    linked = [a for a in data["agenda"] if a["minute_anchor"]]
    assert all(f'id="{a["minute_anchor"]}"' in html for a in linked)


def test_the_page_view_marks_the_words_and_links_the_original(server, ids):
    data = as_json(server, f"/page?doc={ids['update']}&n=2&q=SGO")
    assert "special guardianship order" in [t.lower() for t in data["terms"]]
    marked = fetch(server + data["image"])
    plain = fetch(f"{server}/page.png?doc={ids['update']}&n=2")
    assert marked.headers["Content-Type"] == "image/png" and marked.body[:8] == b"\x89PNG\r\n\x1a\n"
    assert _yellowed(plain.body, marked.body) > 500
    original = fetch(server + data["download"])
    assert original.body == (CORPUS / UPDATE).read_bytes()
    assert original.headers["Content-Disposition"].startswith("attachment; filename=")


def test_on_a_page_read_by_ocr_the_words_ocr_placed_are_marked():
    from panel_papers.search.web.pagepng import ocr_boxes

    words = [["Special", 0, 100, 140, 50, 60, 10, 0, 90], ["Guardianship", 0, 142, 200, 50, 60, 10, 0, 90],
             ["Orders", 0, 202, 230, 50, 60, 10, 0, 90], ["Special", 1, 100, 140, 80, 90, 10, 0, 90]]
    stored = json.dumps({"width": 500, "height": 700, "rotation": 0, "words": words})
    boxes = ocr_boxes(stored, ("special guardianship order",), (1000, 1400))
    assert boxes == [(198, 98, 282, 122), (282, 98, 402, 122), (402, 98, 462, 122)]
    turned = json.dumps({"width": 500, "height": 700, "rotation": 90, "words": words})
    assert ocr_boxes(turned, ("special",), (1000, 1400)) == []


def _yellowed(plain: bytes, marked: bytes) -> int:
    """Pixels the marks turned yellower: blue down, red kept."""
    before, after = (np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int) for png in (plain, marked))
    return int(((before[..., 2] - after[..., 2] > 40) & (abs(before[..., 0] - after[..., 0]) < 30)).sum())


def test_the_indicator_chart_draws_every_value_linked_to_its_page(server, ids):
    data = as_json(server, f"/indicator?id={quote(ids['indicator'])}")
    html = fetch(f"{server}/indicator?id={quote(ids['indicator'])}").text
    values = sum(1 for r in data["rows"] for c in r["cells"].values() if c)
    assert values >= 5 and html.count('<circle class="value"') == values
    assert html.count('<a href="/page?doc=') >= values and "Source: " in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in html


def test_a_gap_is_left_as_a_gap():
    from panel_papers.search.web.chart import series_chart

    point = {"value": 1.0, "href": "/page?doc=x&n=1", "source": "f, page 1"}
    svg = series_chart({"label": "x"}, ["a", "b", "c", "d"], {"actual": [point, point, None, point]})
    assert svg.count("<polyline") == 1 and svg.count("<circle") == 3


def test_the_person_page_lists_appearances_with_roles(server):
    data = as_json(server, "/who?name=Hedley")
    assert "Hedley" in data["name"] and data["appearances"]
    assert any(a["roles"] for a in data["appearances"])
    assert fetch(f"{server}/who?name=Nobody+Zzyzx").status == 404


def test_the_trace_page_and_the_followup_lists(server, ids):
    chain = as_json(server, f"/trace?record={quote(ids['record'])}")
    assert chain["origin"]["id"] == ids["record"] and "links" in chain
    rows = as_json(server, "/followups")["followups"]
    assert rows and all(r["link"].startswith("/trace?record=") for r in rows)
    open_only = as_json(server, "/followups?status=open")["followups"]
    assert {r["status"] for r in open_only} <= {"open"}
    assert fetch(f"{server}/followups?status=bogus").status == 400


def test_every_response_carries_the_security_headers(server, ids):
    for path in [*page_paths(ids).values(), "/nowhere", "/static/style.css", f"/page.png?doc={ids['update']}&n=1"]:
        reply = fetch(server + path)
        assert reply.headers["Content-Security-Policy"] == CSP, path
        assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src" not in CSP and "default-src 'none'" in CSP


def test_output_is_escaped(server):
    reply = ask(server, '"<script>alert(1)</script>"')
    assert "<script>alert(1)</script>" not in reply.text and "&lt;script&gt;" in reply.text
    assert "<script" not in fetch(f"{server}/who?name=%3Cscript%3E").text


def test_no_request_reaches_the_filesystem(server, ids):
    for path in ["/file?doc=../../etc/passwd", "/file?doc=/etc/passwd", "/static/../setup.cfg", "/../../etc/passwd",
                 "/page.png?doc=..%2F..%2Fetc&n=1", f"/page.png?doc={ids['update']}&n=../1", "/templates/base.html"]:
        reply = fetch(server + path)
        assert reply.status in (400, 404), path
        assert b"root:" not in reply.body and b"[metadata]" not in reply.body


def test_the_database_is_opened_read_only(web_home):
    app = WebApp(web_home)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            app.store.db.execute("delete from documents")
    finally:
        app.store.close()


def test_a_form_from_another_site_is_refused(server):
    reply = fetch(f"{server}/saved", data=b"q=dental", headers={"Origin": "http://elsewhere.example"})
    assert reply.status == 403


def test_a_name_of_several_lists_them_each_linked_to_its_page(server):
    reply = fetch(f"{server}/who?name=Panel&format=json")
    choices = json.loads(reply.body)["choices"]
    assert reply.status == 404 and len(choices) > 2
    assert "Corporate Parenting Panel" in choices[0]["label"]
    chosen = as_json(server, choices[0]["link"])
    assert chosen["kind"] == "ORG" and chosen["appearances"]
    assert accessibility_problems(fetch(f"{server}/who?name=Panel").text) == []


def test_a_request_for_another_host_name_is_refused(server):
    port = server.rsplit(":", 1)[1]
    assert fetch(f"{server}/", headers={"Host": f"attacker.example:{port}"}).status == 421
    assert fetch(f"http://localhost:{port}/").status == 200


def test_links_name_the_document_not_its_file_name(tmp_path):
    """Two papers both called the same (each meeting's "Minutes.pdf"): every link goes to its own."""
    home = tmp_path / "home"
    files = [variant(PACK, tmp_path / folder / "pack.pdf", folder) for folder in ("a", "b")]
    store = Store(home)
    assert ingest(store, [str(f) for f in files], jobs=1, ocr="never").ingested == 2
    documents = {row[0] for row in store.db.execute("select id from documents")}
    meeting_id = store.db.execute("select meeting_id from minute_items where meeting_date = '2017-03-28'").fetchone()[0]
    store.close()
    with running_server(home, tmp_path / "serve.log") as server:
        data = as_json(server, f"/meeting?id={quote(meeting_id)}")
        linked = {parse_qs(urlparse(m["page_link"]).query)["doc"][0] for m in data["minutes"]}
        assert linked == documents == {m["document_id"] for m in data["minutes"]}
        person = as_json(server, "/who?name=Hedley")
        cited = {parse_qs(urlparse(c["link"]).query)["doc"][0] for a in person["appearances"] for c in a["cited"]}
        assert cited == documents


def test_an_unknown_format_is_the_page_itself(server):
    reply = fetch(f"{server}/meetings?format=xml")
    assert reply.status == 200 and 'href="/meetings?format=json"' in reply.text


def test_listings_are_csv_too(server, web_home):
    reply = fetch(f"{server}/meetings?format=csv")
    assert reply.headers["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = reply.text.strip().splitlines()
    assert header.startswith("date,council,committee") and len(rows) == len(as_json(server, "/meetings")["meetings"])
    assert 'href="/meetings?format=csv"' in fetch(f"{server}/meetings").text
    assert fetch(f"{server}/followups?status=open&format=csv").text.startswith("status,date,record")

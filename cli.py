"""`papers`: the command line. Each command parses options and calls into the packages."""
from __future__ import annotations

import json
import os
import sys
import time
from functools import wraps
from pathlib import Path

import click

from .index.home import resolve_home
from .index.lock import StoreLocked
from .index.fulltext import IndexDamaged
from .index.store import Store, StoreDamaged, StoreVersionError
from .search.output import render
from .search.glossary import GlossaryError
from .search.query import QueryError

from . import __version__

EXIT_FAILED_FILES, EXIT_USAGE, EXIT_LOCKED, EXIT_NOT_FOUND, EXIT_INTERRUPTED = 1, 2, 3, 4, 130


class PapersError(click.ClickException):
    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def home_option(command):
    """--home on every command, so it can follow the command name as users type it."""

    @click.option(
        "--home",
        type=click.Path(file_okay=False),
        envvar="PAPERS_HOME",
        help="Data directory (default ./papers-data; or set PAPERS_HOME).",
    )
    @wraps(command)
    def wrapper(*args, home=None, **kwargs):
        home = home or click.get_current_context().find_root().params.get("home")
        store = Store(resolve_home(home))
        try:
            return command(*args, store=store, **kwargs)
        except QueryError as exc:
            raise PapersError(str(exc), EXIT_USAGE) from None
        except (StoreVersionError, StoreDamaged, IndexDamaged) as exc:
            raise PapersError(str(exc)) from None
        except StoreLocked as exc:
            raise PapersError(f"{exc}; try again when it has finished", EXIT_LOCKED) from None
        except GlossaryError as exc:
            raise PapersError(str(exc)) from None
        finally:
            store.close()

    return wrapper


def output_options(command):
    """--json / --csv on every listing command, as in sqlite-utils."""

    @click.option("--json", "as_json", is_flag=True, help="Output JSON.")
    @click.option("--csv", "as_csv", is_flag=True, help="Output CSV.")
    @click.option("--format", "chosen", type=click.Choice(["table", "json", "csv"]), help="Output format.")
    @wraps(command)
    def wrapper(*args, as_json=False, as_csv=False, chosen=None, **kwargs):
        asked = {f for f, on in (("json", as_json), ("csv", as_csv), (chosen, bool(chosen))) if on}
        if len(asked) > 1:
            raise PapersError("choose one of --json and --csv", EXIT_USAGE)
        return command(*args, fmt=asked.pop() if asked else "table", **kwargs)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="papers")
@click.option("--home", type=click.Path(file_okay=False), envvar="PAPERS_HOME",
              help="Data directory (default ./papers-data; or set PAPERS_HOME).")
def cli(home):
    """Panel Papers: turn council committee papers (PDF) into searchable records.

    \b
    Quick start:
        papers ingest corpus/
        papers search '"special guardianship"' --sort date
        papers status
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Worker processes (default: CPU count).")
@click.option("--no-wait", is_flag=True, help="Fail at once if another ingest holds the store.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; print only failures and the summary.")
@click.option("--model", default="auto", show_default=True, envvar="PAPERS_SPACY_MODEL",
              help="spaCy pipeline for people and organisations: auto (a trained English pipeline if "
                   "installed, else rules only), none (rules only), or a pipeline name.")
@home_option
def ingest(paths, jobs, no_wait, quiet, model, store):
    """Read PDFs (files or folders, recursively) into the store.

    Unchanged files are skipped without being read; a changed file replaces its
    old records; the same content under two paths is stored once. A broken file
    is reported and the batch goes on.

    \b
    Exit status: 0 all files stored or unchanged; 1 some files failed (listed,
    and kept in `papers status`); 2 bad usage; 3 the store is locked by another
    ingest (with --no-wait); 130 interrupted (run again to finish).

    \b
    Examples:
        papers ingest corpus/
        papers ingest --jobs 2 ~/papers/2019 ~/papers/2020/minutes.pdf
        PAPERS_HOME=/data/papers papers ingest /mnt/moderngov
        papers ingest --model en_core_web_sm corpus/
    """
    from .ingest.parse import spacy_model
    from .ingest.pipeline import ingest as run_ingest
    from .ingest.progress import make_progress

    _check_model(spacy_model(model))
    progress = make_progress(quiet=quiet)
    report = run_ingest(store, paths, jobs=jobs, progress=progress, wait=not no_wait, model=model)
    click.echo(
        f"ingested {report.ingested}, unchanged {report.unchanged}, "
        f"new paths to known content {report.linked}, failed {len(report.failed)}; "
        f"{report.pages} pages in {report.seconds:.1f}s"
        + (f" ({report.pages / report.seconds:.0f} pages/s)" if report.pages else "")
    )
    if report.interrupted:
        click.echo("interrupted: run the same command again to finish", err=True)
    sys.exit(report.exit_code)


@cli.command()
@click.argument("query")
@click.option("--since", metavar="DATE", help='Only meetings on or after: 2019-04-03, 2019, "March 2019", "2 years ago".')
@click.option("--until", metavar="DATE", help="Only meetings on or before (same forms; 2019 means to 31 Dec 2019).")
@click.option("--kind", help="Only documents of this kind (agenda_pack, agenda, minutes, report, ...).")
@click.option("--committee", help="Only this committee (words of its name).")
@click.option("--limit", type=int, default=10, show_default=True, help="Most hits to show.")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True,
              help="date: newest meeting first.")
@click.option("--pages", "pages_only", is_flag=True, help="Search pages only, one hit per page (no collapsing).")
@click.option("--exact", is_flag=True, help="Do not add glossary synonyms (SGO <-> special guardianship order).")
@click.option("--person", help="Only where this person is named (any part of the name).")
@click.option("--org", help="Only where this organisation is named.")
@output_options
@home_option
def search(query, since, until, kind, committee, limit, sort, pages_only, exact, person, org, fmt, store):
    """Search every page; each hit cites file and page.

    Searches minute items, agenda items, decisions, recommendations, requests
    and report pages; results collapse per meeting and item, so one item
    shows once, with its best page. --pages searches plain pages instead.

    QUERY uses Whoosh syntax: words (stemmed, so "placements" finds
    "placement"), "exact phrases", AND / OR / NOT, parentheses and
    field:value (fields: content, title, file, kind, committee, record, page).
    Acronyms and synonyms from the glossary are searched too (see `papers
    glossary`), so SGO finds "special guardianship order"; --exact turns that off.

    \b
    Examples:
        papers search '"special guardianship"' --sort date
        papers search 'dental AND checks' --since 2019 --json
        papers search SGO --since "5 years ago" --sort date
        papers search 'kind:minutes missing' --limit 5
        papers search "health assessments" --person Hedley --json
    """
    from .search.glossary import expand_query, store_glossary
    from .search.pages import search_pages
    from .search.people import entity_ids

    store.check_readable()
    glossary = None if exact else store_glossary(store)
    result = search_pages(
        store, query, since=since, until=until, kind=kind, committee=committee, limit=limit, sort=sort,
        pages_only=pages_only, expand=(lambda text: expand_query(text, glossary)) if glossary else None,
        people=entity_ids(store, person, "PERSON") if person else (),
        orgs=entity_ids(store, org, "ORG") if org else (),
    )
    if fmt != "table":
        rows = [hit.as_dict() for hit in result.hits]
        click.echo(render(rows, fmt, ["file", "page", "meeting_date", "kind", "committee", "score", "snippet",
                                      "record", "item", "title", "path", "people", "orgs"]))
        return
    _print_hits(result)


def _print_hits(result) -> None:
    if not result.hits:
        hint = f" Did you mean: {result.suggestions[0]}?" if result.suggestions else ""
        click.echo(f"No pages match {result.query!r}.{hint}")
        return
    for hit in result.hits:
        click.secho(f"{hit.meeting_date or 'undated'}  {hit.committee or '-'}  {_describe(hit)}", bold=True)
        click.echo(f"  {hit.file}, page {hit.page}   (score {hit.score:g})")
        click.echo(f"  {_bold_marks(hit.snippet)}\n")
    shown = len(result.hits)
    unit = "pages" if all(h.record == "page" for h in result.hits) and shown == result.total else "results"
    click.echo(f"{shown} of {result.total} matching {unit}" + ("" if shown == result.total else " (use --limit)"))


def _describe(hit) -> str:
    """'minute 144: Title' / 'agenda item 9: Title' / 'report: Title' for a hit."""
    page_label = "item" if hit.item else hit.kind or "page"
    label = {"minute": "minute", "agenda": "agenda item", "page": page_label}.get(hit.record, hit.record)
    number = f" {hit.item}" if hit.item else ""
    title = f": {hit.title}" if hit.title else ""
    return f"[{label}{number}{title}]"


def _bold_marks(snippet: str) -> str:
    parts = snippet.split("**")
    return "".join(click.style(p, bold=True) if i % 2 else p for i, p in enumerate(parts))


@cli.command()
@output_options
@home_option
def status(fmt, store):
    """Counts, failures, store size and schema version.

    \b
    Examples:
        papers status
        papers status --json
    """
    store.check_readable()
    info = store.status()
    failures = store.failures()
    if fmt == "json":
        click.echo(json.dumps({**info, "failures": failures}, indent=2))
        return
    if fmt == "csv":
        click.echo(render([info], "csv"))
        return
    for key, value in info.items():
        click.echo(f"{key.replace('_', ' '):20} {value}")
    for failure in failures:
        click.echo(f"failed: {failure['path']}: {failure['reason']}")


@cli.command()
@click.option("--no-repair", is_flag=True, help="Only report; change nothing.")
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@home_option
def check(no_repair, as_json, store):
    """Verify the database, the search index and their agreement; repair the index.

    SQLite is checked with PRAGMA quick_check and for references to missing
    records; the search index must hold exactly the stored documents. An index
    that is damaged or disagrees is rebuilt from the database (no PDF is read).
    A damaged database is named with what to do. Exit status: 0 sound (after
    repair), 1 something could not be repaired.

    \b
    Examples:
        papers check
        papers check --no-repair --json
    """
    from .index.check import check_store
    from .index.lock import writer_lock

    with writer_lock(store.lock_path, wait=True):
        report = check_store(store, repair=not no_repair)
    if as_json:
        click.echo(json.dumps({"sound": report.sound, "problems": report.problems, "repaired": report.repaired,
                               "unrepaired": report.unrepaired}, indent=2))
    else:
        for line in report.problems:
            click.echo(f"problem: {line}")
        for line in report.repaired:
            click.echo(f"repaired: {line}")
        for line in report.unrepaired:
            click.echo(f"not repaired: {line}", err=True)
        if not report.problems:
            click.echo(f"the store at {store.home} is sound")
    sys.exit(0 if report.sound else 1)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE, not stdout.")
@home_option
def export(fmt, output, store):
    """Export every document and its records, in the shape of corpus/gold.json.

    \b
    Examples:
        papers export --format json > export.json
        papers export -o export.json
    """
    from .search.export import export_store

    store.check_readable()
    text = json.dumps(export_store(store), indent=2, ensure_ascii=False)
    if output:
        Path(output).write_text(text + "\n")
    else:
        click.echo(text)


@cli.command()
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Worker processes (default: CPU count).")
@home_option
def rebuild(jobs, store):
    """Rebuild the store from scratch by re-reading every known file.

    Use after upgrading papers when a command says the store's schema differs.

    \b
    Example:
        papers rebuild
    """
    from .ingest.pipeline import rebuild as run_rebuild
    from .ingest.progress import make_progress

    report = run_rebuild(store, jobs=jobs, progress=make_progress(quiet=False))
    click.echo(f"rebuilt: {report.ingested} documents, {report.pages} pages, failed {len(report.failed)}")
    sys.exit(report.exit_code)


def _check_model(name: str | None) -> None:
    import importlib.util

    if name and not importlib.util.find_spec(name):
        raise PapersError(f"--model {name!r}: no such spaCy pipeline is installed (try --model none)", EXIT_USAGE)


def _short_source(source: str, width: int = 28) -> str:
    """'A very long file name.pdf:106' -> 'A very long fi….pdf:106', keeping the page."""
    file, _, page = source.rpartition(":")
    return (file if len(file) <= width else file[: width - 5] + "…" + file[-4:]) + f":{page}"


def _listing(rows: list[dict], fmt: str, columns: list[str]) -> None:
    click.echo(render(rows, fmt, columns if fmt != "json" else None))


@cli.command()
@output_options
@home_option
def meetings(fmt, store):
    """Meetings found in the papers: date, council, committee, time, venue, item counts.

    A pack for one meeting that encloses the minutes of an earlier one yields
    both meetings, and a file holding an annual and an ordinary meeting yields
    two. Meetings are identified by council, committee, date and occasion, so
    papers published again update a meeting rather than duplicate it.

    \b
    Examples:
        papers meetings
        papers meetings --csv > meetings.csv
    """
    from .index.queries import meetings as list_meetings

    store.check_readable()
    _listing(list_meetings(store), fmt, ["date", "council", "committee", "name", "time", "venue", "agenda_items", "minute_items", "files"])


@cli.command()
@click.option("--meeting", "meeting_date", metavar="YYYY-MM-DD", help="Only items of the meeting on this date.")
@click.option("--kind", type=click.Choice(["agenda", "minute"]), help="Only agenda items or only minute items.")
@output_options
@home_option
def items(meeting_date, kind, fmt, store):
    """Agenda items and minute items, each citing file and page.

    \b
    Examples:
        papers items --meeting 2017-03-28 --kind minute
        papers items --kind agenda --json
    """
    from .index.queries import items as list_items
    from .search.query import check_iso_date

    store.check_readable()
    rows = list_items(store, check_iso_date(meeting_date, "--meeting"), kind)
    _listing(rows, fmt, ["kind", "meeting_date", "number", "title", "detail", "file", "page"])


@cli.command()
@click.argument("query", required=False)
@output_options
@home_option
def resolutions(query, fmt, store):
    """Decisions recorded in minutes (RESOLVED, AGREED, ...), one row per part.

    QUERY keeps the rows whose text contains every word of it.

    \b
    Examples:
        papers resolutions
        papers resolutions "report be noted" --csv
    """
    from .index.queries import resolutions as list_resolutions

    store.check_readable()
    _listing(list_resolutions(store, query), fmt, ["meeting_date", "minute", "part", "text", "file", "page"])


@cli.command()
@click.argument("query", required=False)
@click.option("--all", "include_all", is_flag=True,
              help="Also action-plan rows and strategy commitments (\"We will ...\").")
@output_options
@home_option
def recommendations(query, include_all, fmt, store):
    """Recommendations of officer reports and inspections, each citing file and page.

    \b
    Examples:
        papers recommendations
        papers recommendations ofsted --json
        papers recommendations --all "care leavers"
    """
    from .index.queries import recommendations as list_recommendations

    store.check_readable()
    kinds = None if include_all else ("report", "inspection")
    rows = list_recommendations(store, query, kinds)
    _listing(rows, fmt, ["kind", "source", "number", "text", "file", "page"])


@cli.command()
@click.argument("query", required=False)
@output_options
@home_option
def requests(query, fmt, store):
    """What members asked for at a later meeting: reports, briefings, updates.

    Each row gives who asked (where stated), what, when it is due and where the
    minutes record it.

    \b
    Examples:
        papers requests
        papers requests missing --json
    """
    from .index.queries import requests as list_requests

    store.check_readable()
    _listing(list_requests(store, query), fmt, ["meeting_date", "minute", "who", "what", "due", "file", "page"])


@cli.command()
@click.argument("query", required=False)
@click.option("--refresh", is_flag=True, help="Re-apply the overrides file (DATA/indicators.json) now.")
@output_options
@home_option
def indicators(query, refresh, fmt, store):
    """Canonical indicators of the scorecard tables, with their aliases and value counts.

    The same indicator worded differently in different papers ("LAC"/"CLA",
    reworded descriptions) is one canonical indicator. To force a merge or a
    split, edit indicators.json in the data directory and run with --refresh
    (or ingest again); no PDF is read again.

    \b
    Examples:
        papers indicators
        papers indicators "care leavers" --json
        papers indicators --refresh
    """
    from .search.series import list_indicators

    store.check_readable()
    if refresh:
        from .index.lock import writer_lock
        from .ingest.collection import refresh_indicators

        with writer_lock(store.lock_path, on_wait=lambda text: click.echo(text, err=True)):
            refresh_indicators(store, say=lambda text: click.echo(text, err=True), force=True)
    rows = list_indicators(store, query)
    _listing(rows, fmt, ["label", "unit", "observations", "aliases", "id"])


@cli.command()
@click.argument("query")
@click.option("--plot", type=click.Path(dir_okay=False, writable=True), metavar="FILE.png",
              help="Also draw the series with its comparators and targets.")
@output_options
@home_option
def series(query, plot, fmt, store):
    """The time series of the indicator whose words include every word of QUERY.

    A series is never served for a different measure: when no indicator names
    every word of QUERY, the nearest ones are listed with their observation
    counts and the command exits with status 4.

    One row per period (financial years, quarters, months) with the council's
    actual value, the target and the comparators, and the file:page each value
    was printed on. Where papers disagree (provisional then final), the latest
    published value is shown and the series is listed under `revised`.

    \b
    Examples:
        papers series "placed more than 20 miles"
        papers series "care leavers suitable accommodation" --format csv
        papers series "20 miles" --plot miles.png
    """
    from .search.series import NoClearIndicator, indicator_series, plot_series, sparkline

    store.check_readable()
    try:
        result = indicator_series(store, query)
    except NoClearIndicator as exc:
        if exc.candidates:
            _listing(exc.candidates, fmt, ["label", "observations", "id"])
        raise PapersError(str(exc), EXIT_NOT_FOUND) from None
    if plot:
        plot_series(result, plot)
    if fmt == "json":
        click.echo(json.dumps({"indicator": result.indicator, "series": result.series, "rows": result.rows,
                               "observations": result.observations}, indent=2, default=str))
        return
    columns = ["period", *result.series, "revised", "sources"]
    if fmt == "csv":
        click.echo(render(result.rows, "csv", columns))
        return
    click.secho(result.indicator["label"], bold=True)
    if len(result.indicator["aliases"]) > 1:
        click.echo("also: " + "; ".join(a for a in result.indicator["aliases"] if a != result.indicator["label"]))
    click.echo(render([{**r, "sources": [_short_source(x) for x in r["sources"]]} for r in result.rows],
                      "table", columns, max_width=80))
    click.echo(f"actual  {sparkline([r.get('actual') for r in result.rows])}")
    if plot:
        click.echo(f"plot written to {plot}")


@cli.command()
@click.argument("term")
@click.option("--last", is_flag=True, help="Only the latest meeting.")
@click.option("--exact", is_flag=True, help="Do not add glossary synonyms.")
@output_options
@home_option
def when(term, last, exact, fmt, store):
    """When was TERM discussed? Meetings newest first, with item, snippet and file:page.

    Discussed means TERM (or a synonym from the glossary) appears in the
    minutes, in an agenda item's title, or in a report presented to the
    meeting. Passing mentions (one weak match) are left out. Papers not tied to
    a dated meeting (strategies, undated slides) are listed last.

    \b
    Examples:
        papers when SGO --last
        papers when "special guardianship"
        papers when "dental checks" --json
    """
    from .search.glossary import store_glossary
    from .search.timeline import when_discussed

    store.check_readable()
    query, found = when_discussed(store, term, None if exact else store_glossary(store))
    if last:
        found = [d for d in found if d.meeting_date][:1] or found[:1]
    if fmt != "table":
        _listing([d.as_dict() for d in found], fmt,
                 ["meeting_date", "committee", "item", "title", "snippet", "file", "page", "mentions"])
        return
    if not found:
        click.echo(f"No meeting discussed {term!r} (searched: {query}).")
        return
    for d in found:
        label = "minute" if d.record in ("minute", "resolution", "request") else "item"
        item = f"{label} {d.item}: " if d.item else ""
        click.secho(f"{d.meeting_date or 'undated'}  {d.committee or '-'}  {item}{d.title}", bold=True)
        click.echo(f"  {_bold_marks(d.snippet)}")
        click.echo(f"  {d.file}:{d.page}  ({d.mentions} mention{'s' if d.mentions != 1 else ''})\n")


@cli.command()
@click.argument("name")
@output_options
@home_option
def who(name, fmt, store):
    """A person's or organisation's appearances, by meeting: roles seen, items, pages.

    NAME may be part of a name ("Hedley") or an organisation ("Ofsted").
    People are found by the conventions of the genre (Councillor ...,
    "Name, Role", asterisked attendance lists), and "Ms Hedley" counts as Emma
    Hedley once the paper has named her in full.

    \b
    Examples:
        papers who Hedley
        papers who "Paul Hewitt" --json
        papers who Ofsted
    """
    from .search.people import who as find

    entity, appearances = find(store, name)
    if fmt != "table":
        rows = [{"name": entity["name"], "kind": entity["kind"], **a.as_dict()} for a in appearances]
        _listing(rows, fmt, ["name", "kind", "meeting_date", "committee", "roles", "items", "mentions", "citations"])
        return
    click.secho(f"{entity['name']} ({entity['kind'].lower()}): {entity['mentions']} mentions "
                f"in {entity['documents']} document{'s' if entity['documents'] != 1 else ''}", bold=True)
    for a in appearances:
        click.secho(f"{a.meeting_date or 'undated'}  {a.committee or '-'}", bold=True)
        if a.roles:
            click.echo(f"  as: {'; '.join(a.roles)}")
        for item in a.items[:6]:
            click.echo(f"  {item}")
        click.echo(f"  {', '.join(_short_source(c) for c in a.citations[:6])}\n")


@cli.command()
@click.argument("term", required=False)
@output_options
@home_option
def glossary(term, fmt, store):
    """The vocabulary searches expand with: acronyms, synonyms, and terms the papers define.

    Built in, plus papers-data/glossary.tsv (yours: one concept a line, its
    forms separated by tabs), plus definitions found in ingested papers
    ("Special Guardianship Orders (SGO)"), with their source.

    \b
    Examples:
        papers glossary SGO
        papers glossary guardianship --json
        papers glossary --csv > glossary.csv
    """
    from .search.glossary import store_glossary

    store.check_readable()
    entries = store_glossary(store).entries(term)
    rows = [e.as_dict() for e in entries]
    if fmt == "table" and term and not rows:
        click.echo(f"{term!r} is not in the glossary.")
        return
    _listing(rows, fmt, list(rows[0]) if rows else ["concept", "variants", "sources"])


@cli.command(name="eval")
@click.argument("gold", type=click.Path())
@click.option("--by-file", is_flag=True, help="Also score every file, worst first.")
@output_options
@home_option
def evaluate(gold, by_file, fmt, store):
    """Score the store against a gold file; its "kind" says what it holds.

    structure gold (corpus/gold.json; a file without a kind that lists
    documents): precision, recall and F1 per category for each council, the
    macro average over councils and the micro totals; text is matched
    leniently (case, whitespace, punctuation), numbers strictly. questions:
    recall@5 and MRR of `papers search`. entities: precision, recall and F1 of
    PERSON / ORG names.

    \b
    Examples:
        papers ingest corpus/ && papers eval corpus/gold.json
        papers eval ../shared/realcorpus/gold.json --by-file
        papers eval corpus/questions.json
        papers eval corpus/entities_gold.json
        papers eval corpus/gold.json --json
    """
    kind, data = _read_gold(Path(gold))
    store.check_readable()
    if kind == "questions":
        return _eval_questions(store, data["questions"], fmt)
    if kind == "entities":
        return _eval_entities(store, data, fmt)
    _eval_structure(store, data, Path(gold).resolve().parent.name, kind, by_file, fmt)


def _read_gold(path: Path) -> tuple[str, dict]:
    from .extract.export import GoldError, gold_kind

    try:
        text = path.read_text()
    except FileNotFoundError:
        raise PapersError(f"{path}: no such gold file", EXIT_USAGE) from None
    except OSError as exc:
        raise PapersError(f"{path}: cannot read it: {exc.strerror}", EXIT_USAGE) from None
    except UnicodeDecodeError:
        raise PapersError(f"{path} is not a JSON gold file: not UTF-8 text", EXIT_USAGE) from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise PapersError(f"{path} is not a JSON gold file: {exc}", EXIT_USAGE) from None
    try:
        return gold_kind(data), data
    except GoldError as exc:
        raise PapersError(f"{path}: {exc}", EXIT_USAGE) from None


def _eval_structure(store, gold: dict, group: str, kind: str, by_file: bool, fmt: str) -> None:
    from .search.evaluate import evaluate
    from .search.export import export_store

    result = evaluate(export_store(store), gold, group, ["observations"] if kind == "observations" else None)
    if fmt == "json":
        click.echo(json.dumps({"kind": kind, **result.as_dict()}, indent=2))
        return
    _listing(result.council_rows(), fmt, ["council", "category", "precision", "recall", "f1", "tp", "fp", "fn"])
    if by_file:
        rows = result.file_rows()
        click.echo("")
        _listing(rows, fmt, ["file", "mean_f1", *result.categories])
    if fmt != "table":
        return
    if result.not_scored:
        click.echo(f"not scored: {len(result.not_scored)} image-only/garbled documents (OCR not yet available)")
    for category, reason in result.skipped.items():
        click.echo(f"not scored: {category} ({reason})")


def _eval_entities(store, gold: dict, fmt: str) -> None:
    from .index.queries import entities_by_file
    from .search.evaluate_entities import score_entities

    scores = score_entities(entities_by_file(store), gold)
    _listing([{"category": kind, **values} for kind, values in scores.items()], fmt,
             ["category", "precision", "recall", "f1", "tp", "fp", "fn"])


def _eval_questions(store, questions: list[dict], fmt: str) -> None:
    from .search.glossary import store_glossary
    from .search.relevance import score_questions

    result = score_questions(store, questions, store_glossary(store))
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"questions {result['questions']}  recall@5 {result['recall_at_5']}  MRR {result['mrr']}")
    for row in result["ranks"]:
        if not row["rank"] or row["rank"] > 5:
            click.echo(f"  not in top 5: {row['query']!r} (rank {row['rank'] or '>10'})")


def main():
    cli(prog_name="papers")


if __name__ == "__main__":
    main()

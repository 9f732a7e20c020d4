"""`papers`: the command line. Each command parses options and calls into the packages."""
from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
import time
from functools import wraps
from pathlib import Path

import click

from .index.home import resolve_home
from .index.lock import StoreLocked, StoreReadOnly
from .index.fulltext import IndexDamaged
from .index.backend import open_store
from .index.store import NoStore, StoreDamaged, StoreVersionError
from .search.output import printable, render
from .search.glossary import GlossaryError
from .search.query import NotFound, QueryError

from . import __version__

# One table for every command (README "Exit status").
EXIT_OK, EXIT_FAILED_FILES, EXIT_USAGE, EXIT_LOCKED, EXIT_NOT_FOUND, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130


class PapersError(click.ClickException):
    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def _one_line(text: str) -> str:
    """A server's message on one line, without the password a store URL may carry."""
    return re.sub(r"(://[^:/@\s]+:)[^@\s]*@", r"\1***@", " ".join(text.split()))


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
        context = click.get_current_context()
        if context.get_parameter_source("home") != click.core.ParameterSource.COMMANDLINE:
            # --home before the command name beats PAPERS_HOME (which the root option also reads)
            home = context.find_root().params.get("home") or home
        try:
            store = open_store(resolve_home(home), context.find_root().params.get("store_url"))
        except StoreVersionError as exc:
            raise PapersError(str(exc), EXIT_USAGE) from None
        try:
            return command(*args, store=store, **kwargs)
        except (QueryError, GlossaryError) as exc:
            raise PapersError(str(exc), EXIT_USAGE) from None
        except (NoStore, NotFound) as exc:
            raise PapersError(str(exc), EXIT_NOT_FOUND) from None
        except StoreVersionError as exc:
            raise PapersError(str(exc), EXIT_USAGE) from None
        except (StoreDamaged, IndexDamaged) as exc:
            raise PapersError(str(exc)) from None
        except StoreLocked as exc:
            raise PapersError(f"{exc}; try again when it has finished", EXIT_LOCKED) from None
        except StoreReadOnly as exc:
            raise PapersError(str(exc)) from None
        except sqlite3.OperationalError as exc:
            raise PapersError(f"{store.db_path}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise PapersError(f"{store.db_path} is damaged ({exc}): run `papers check` for what can be done") from None
        except KeyboardInterrupt:
            raise PapersError("interrupted", EXIT_INTERRUPTED) from None
        except Exception as exc:
            if type(exc).__module__.startswith("psycopg"):  # the shared store's server refused or failed
                raise PapersError(_one_line(f"{store.db_path}: {exc}")) from None
            raise
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
@click.option("--store", "store_url", envvar="PAPERS_STORE", metavar="URL",
              help="A shared PostgreSQL store (postgresql://...; or set PAPERS_STORE) instead of the data "
                   "directory's own; needs the `pg` extra.")
def cli(home, store_url):
    """Panel Papers: turn council committee papers (PDF) into searchable records.

    \b
    Quick start:
        papers ingest corpus/
        papers when "when was SGO performance last discussed?"
        papers search '"special guardianship"' --sort date
        papers status

    \b
    Exit status, the same for every command:
        0    answered
        1    some inputs failed (ingest: the files listed as failed)
        2    usage or bad input (an option, a query, a date, a gold file)
        3    the store is locked by another ingest (with --no-wait)
        4    not found: no results, no such name or indicator, no store yet
        130  interrupted
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Worker processes (default: CPU count).")
@click.option("--no-wait", is_flag=True, help="Fail at once if another ingest holds the store.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; print only failures and the summary.")
@click.option("--prune", is_flag=True, help="First forget stored files under PATH that are gone from disk.")
@click.option("--yes", is_flag=True, help="With --prune: forget more than a handful without asking.")
@click.option("--model", default="auto", show_default=True, envvar="PAPERS_SPACY_MODEL",
              help="spaCy pipeline for people and organisations: auto (a trained English pipeline if "
                   "installed, else rules only), none (rules only), or a pipeline name.")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Read pages by OCR (Tesseract): auto (pages whose text layer is missing or unreadable), "
                   "always (every page), never (unreadable pages wait for `papers ocr`).")
@click.option("--cluster", metavar="ADDRESS",
              help="Parse on Dask workers: tcp://HOST:PORT (a scheduler) or local:N (N worker processes here); "
                   "this process still writes the store alone. Needs the `cluster` extra.")
@click.option("--send-bytes", is_flag=True,
              help="With --cluster: send each file's bytes to the workers (by default they read the path "
                   "when they see the same file there).")
@home_option
def ingest(paths, jobs, no_wait, quiet, prune, yes, model, ocr, cluster, send_bytes, store):
    """Read PDFs (files or folders, recursively) into the store.

    Unchanged files are skipped without being read; a changed file replaces its
    old records; the same content under two paths is stored once. A broken file
    is reported and the batch goes on.

    \b
    Exit status: 0 all files stored or unchanged; 1 some files failed (listed,
    and kept in `papers status`) or a folder held no PDF; 2 bad usage; 3 the
    store is locked by another ingest (with --no-wait); 4 no PDFs found under
    any PATH; 130 interrupted (run again to finish).

    Pages without readable text (scans, glyphs without Unicode, symbol soup) are
    read by OCR when Tesseract is installed; otherwise they wait, and one line
    says how many: `papers ocr` reads them later.

    \b
    Examples:
        papers ingest corpus/
        papers ingest --jobs 2 ~/papers/2019 ~/papers/2020/minutes.pdf
        papers ingest --ocr never ~/scans
        PAPERS_HOME=/data/papers papers ingest /mnt/moderngov
        papers ingest --model en_core_web_sm corpus/
        papers ingest --cluster local:2 corpus/
        papers ingest --cluster tcp://scheduler:8786 /mnt/moderngov
    """
    from .ingest.cluster import ClusterError
    from .ingest.parse import spacy_model
    from .ingest.pipeline import ingest as run_ingest
    from .ingest.progress import make_progress

    _check_model(spacy_model(model))
    _check_cluster(cluster)
    if cluster and jobs:
        raise PapersError("--jobs and --cluster: choose one (local:N sets the number of Dask workers)", EXIT_USAGE)
    if send_bytes and not cluster:
        raise PapersError("--send-bytes needs --cluster", EXIT_USAGE)
    if prune:
        gone = [p for p in _stored_under(store, paths) if not Path(p).exists()]
        _forget(store, gone, yes, wait=not no_wait)
        paths = [p for p in paths if Path(p).expanduser().exists()] or paths
    empty = [p for p in paths if Path(p).expanduser().is_dir() and not _holds_pdfs(Path(p).expanduser())]
    for folder in empty:
        click.echo(f"no PDFs found under {folder}", err=True)
    if len(empty) == len(paths):
        sys.exit(EXIT_NOT_FOUND)
    progress = make_progress(quiet=quiet)
    try:
        report = run_ingest(store, paths, jobs=jobs, progress=progress, wait=not no_wait, model=model, ocr=ocr,
                            cluster=cluster, send_bytes=send_bytes)
    except ClusterError as exc:
        raise PapersError(str(exc)) from None
    _summary(report, "ingested")
    sys.exit(report.exit_code or (EXIT_FAILED_FILES if empty else EXIT_OK))


def _summary(report, verb: str) -> None:
    ocr = f", {report.ocr_pages} read by OCR" if report.ocr_pages else ""
    click.echo(
        f"{verb} {report.ingested}, unchanged {report.unchanged}, "
        f"new paths to known content {report.linked}, failed {len(report.failed)}; "
        f"{report.pages} pages{ocr} in {report.seconds:.1f}s"
        + (f" ({_rate(report.pages / report.seconds)} pages/s)" if report.pages else "")
    )
    if report.interrupted:
        click.echo("interrupted: run the same command again to finish", err=True)


def _rate(per_second: float) -> str:
    return f"{per_second:.0f}" if per_second >= 10 else f"{per_second:.2g}"


@cli.command()
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Worker processes (default: CPU count).")
@click.option("--no-wait", is_flag=True, help="Fail at once if another ingest holds the store.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; print only failures and the summary.")
@home_option
def ocr(jobs, no_wait, quiet, store):
    """OCR the pages that wait for it, and extract their documents again.

    Pages wait when they were ingested without Tesseract, with --ocr never, or
    when Tesseract failed on them. Pages already read (by PDFium or by OCR) are
    not read again; documents without waiting pages are not touched.

    \b
    Exit status: 0 done (or nothing waited); 1 some files failed or pages still
    wait (OCR failed on them: listed); 2 Tesseract is not installed; 3 the store
    is locked (with --no-wait); 130 interrupted.

    \b
    Examples:
        papers ocr
        papers ocr --jobs 2
    """
    from .ingest.pipeline import OcrUnavailable, ocr_pending
    from .ingest.progress import make_progress

    store.check_readable()
    try:
        report = ocr_pending(store, jobs=jobs, progress=make_progress(quiet=quiet), wait=not no_wait)
    except OcrUnavailable as exc:
        raise PapersError(str(exc), EXIT_USAGE) from None
    _summary(report, "read again")
    sys.exit(report.exit_code or (EXIT_FAILED_FILES if report.awaiting_ocr else EXIT_OK))


HANDFUL = 5  # forgetting more documents than this asks for --yes


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--yes", is_flag=True, help="Forget more than a handful of files without asking.")
@home_option
def forget(paths, yes, store):
    """Remove files (or every file under a folder) from the store, with all their records.

    A document stored under several paths stays until its last path is
    forgotten. The files themselves are not touched. `papers ingest --prune
    PATH` forgets only the files under PATH that are gone from disk.

    \b
    Examples:
        papers forget ~/papers/2019/draft-minutes.pdf
        papers forget ~/papers/old-committee --yes
    """
    store.check_readable()
    known = _stored_under(store, paths)
    if not known:
        click.echo(f"nothing stored under {', '.join(paths)}")
        sys.exit(EXIT_NOT_FOUND)
    _forget(store, known, yes)


def _stored_under(store, paths) -> list[str]:
    if not store.exists():
        return []
    return store.known_paths_under([str(Path(p).expanduser().resolve()) for p in paths])


def _forget(store, paths: list[str], yes: bool, wait: bool = True) -> None:
    if not paths:
        return
    if len(paths) > HANDFUL and not yes:
        listed = "\n  ".join(paths[:HANDFUL])
        raise PapersError(f"this would forget {len(paths)} files, e.g.\n  {listed}\nrun again with --yes to do so",
                          EXIT_USAGE)
    with store.writer_lock(wait=wait, on_wait=lambda text: click.echo(text, err=True)):
        removed = store.forget(paths)
        store.recover()  # their search entries go too
        store.refresh_followups()  # and what they answered is traced again
    click.echo(f"forgot {len(paths)} path{'s' * (len(paths) != 1)}, {len(removed)} "
               f"document{'s' * (len(removed) != 1)} removed")


def _holds_pdfs(folder: Path) -> bool:
    return any(p.suffix.lower() == ".pdf" and p.is_file() for p in folder.rglob("*"))


def since_until_options(command):
    """--council --committee --since --until: the same meaning on every command that takes them."""

    @click.option("--council", help="Only this council (words of its name).")
    @click.option("--committee", help="Only this committee (words of its name).")
    @click.option("--since", metavar="DATE", help='Only meetings on or after: 2019-04-03, 2019, "March 2019", "2 years ago".')
    @click.option("--until", metavar="DATE", help="Only meetings on or before (same forms; 2019 means to 31 Dec 2019).")
    @wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, **kwargs)

    return wrapper


@cli.command()
@click.argument("query")
@since_until_options
@click.option("--kind", help="Only documents of this kind (agenda_pack, agenda, minutes, report, ...).")
@click.option("--limit", type=int, default=10, show_default=True, help="Most hits to show.")
@click.option("--sort", type=click.Choice(["relevance", "date"]),
              help="date: newest meeting first (default: relevance, or newest first for a 'when ... last' question).")
@click.option("--pages", "pages_only", is_flag=True, help="Search pages only, one hit per page (no collapsing).")
@click.option("--exact", is_flag=True, help="Do not add glossary synonyms (SGO <-> special guardianship order).")
@click.option("--person", help="Only where this person is named (any part of the name).")
@click.option("--org", help="Only where this organisation is named.")
@output_options
@home_option
def search(query, since, until, kind, committee, council, limit, sort, pages_only, exact, person, org, fmt, store):
    """Search every page for a question or a query; each hit cites file and page.

    QUERY may be a question as typed ("when was SGO performance last
    discussed?", "what did the Cabinet resolve on 30 January 2025?"): question
    and stop words are dropped, phrases and glossary terms kept whole, and the
    council, committee and dates it names become filters. Results with every
    topic word come first, then those with some. The first line says how the
    question was read.

    Searches minute items, agenda items, decisions, recommendations, requests
    and report pages; results collapse per meeting and item, so one item
    shows once, with its best page. --pages searches plain pages instead.

    Query syntax is passed as typed: "exact phrases", AND / OR / NOT,
    parentheses and field:value (fields: content, title, file, kind,
    committee, record, page). Acronyms and synonyms from the glossary are
    searched too (see `papers glossary`); --exact turns that off.

    \b
    Examples:
        papers search '"special guardianship"' --sort date
        papers search "dental checks for children in care"
        papers search 'dental AND checks' --since 2019 --json
        papers search "what did the panel resolve about the virtual school?"
        papers search 'kind:minutes missing' --limit 5
        papers search "health assessments" --person Hedley --json
    """
    from .search.glossary import store_glossary
    from .search.pages import search_pages
    from .search.people import entity_ids

    store.check_readable()
    glossary = None if exact else store_glossary(store)
    result = search_pages(
        store, query, since=since, until=until, kind=kind, committee=committee, council=council, limit=limit,
        sort=sort, pages_only=pages_only, glossary=glossary,
        people=entity_ids(store, person, "PERSON") if person else (),
        orgs=entity_ids(store, org, "ORG") if org else (),
    )
    if fmt != "table":
        rows = [dict(hit.as_dict(), all_words=i < result.all_words) for i, hit in enumerate(result.hits)]
        click.echo(render(rows, fmt, ["file", "page", "meeting_date", "kind", "committee", "score", "snippet",
                                      "stated_period", "record", "item", "title", "path", "people", "orgs", "all_words",
                                      "ocr", "also_in"]))
    else:
        _print_hits(result, glossary)
    if not result.hits:
        sys.exit(EXIT_NOT_FOUND)


def _print_hits(result, glossary) -> None:
    click.secho(f"read as: {result.question.describe(glossary)}", dim=True)
    if not result.hits:
        click.echo(_nothing_found(result, f"Nothing matches {result.query!r}"))
        return
    if result.widened:
        click.echo(f"(no {result.question.records[0]} matched; showing every kind of record)")
    if not result.all_words:
        click.echo("No result has every topic word; these have some of them:\n")
    for i, hit in enumerate(result.hits):
        if i == result.all_words and i:
            click.echo("-- results with only some of the topic words --\n")
        click.secho(f"{hit.when}  {hit.committee or '-'}  {_describe(hit)}", bold=True)
        click.echo(f"  {printable(hit.file)}, page {hit.page}{' (OCR)' if hit.ocr else ''}   (score {hit.score:g})")
        click.echo(f"  {_bold_marks(hit.snippet)}")
        _print_copies(hit.also_in)
        click.echo()
    shown = len(result.hits)
    unit = "page" if all(h.record == "page" for h in result.hits) and shown == result.total else "result"
    unit += "" if result.total == 1 else "s"
    total = f"{result.total}" if result.total_exact else f"more than {result.total:,}"
    click.echo(f"{shown} of {total} matching {unit}" + ("" if shown == result.total else " (use --limit)"))


def _print_copies(also_in: list[str]) -> None:
    if also_in:
        click.secho(f"  also in: {'; '.join(printable(c) for c in also_in)}", dim=True)


def _nothing_found(result, headline: str) -> str:
    """Why nothing was found: a name the store lacks, the filters that removed every result, or a spelling."""
    if result.unknown:
        return f"{headline}: " + "; ".join(result.unknown) + "."
    if result.emptied:
        return f"{headline}: {result.emptied.message()}."
    hint = f" Did you mean: {result.suggestions[0]}?" if getattr(result, "suggestions", None) else ""
    return f"{headline}.{hint}"


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
    """Counts, failures, unreadable documents, store size and schema version.

    Documents with pages whose text layer was missing or unreadable are listed:
    how many pages were read by OCR, how many wait for `papers ocr`, and why.

    \b
    Examples:
        papers status
        papers status --json
    """
    store.check_readable()
    info = store.status()
    failures = store.failures()
    unreadable = store.unreadable_documents()
    if fmt == "json":
        click.echo(json.dumps({**info, "failures": failures, "unreadable": unreadable}, indent=2))
        return
    if fmt == "csv":
        click.echo(render([info], "csv"))
        return
    for key, value in info.items():
        click.echo(f"{key.replace('_', ' '):20} {value}")
    for failure in failures:
        click.echo(f"failed: {failure['path']}: {failure['reason']}")
    for doc in unreadable:
        waits = f", {doc['awaiting']} awaiting OCR" if doc["awaiting"] else ""
        confidence = f" (confidence {doc['confidence']:g})" if doc["confidence"] is not None else ""
        click.echo(f"unreadable: {printable(doc['path'] or doc['file'])}: {doc['ocr']} of {doc['pages']} pages "
                   f"read by OCR{confidence}{waits}; {doc['reasons'].replace(',', ', ')}")


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

    if store.read_only:
        click.echo(f"{store.home} is read-only: checking without repairing", err=True)
        report = check_store(store, repair=False)
    else:
        with store.writer_lock(wait=True):
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
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), callback=lambda c, p, v: _in_a_folder(v),
              help="Write to FILE, not stdout.")
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


def _in_a_folder(path: str | None) -> str | None:
    """An output file's folder must exist before any work starts."""
    if path and not Path(path).expanduser().resolve().parent.is_dir():
        raise click.BadParameter(f"{path!r}: no folder {str(Path(path).parent)!r} to write it in")
    return path


def _check_cluster(address: str | None) -> None:
    from .ingest.cluster import check_address

    try:
        address and check_address(address)
    except ValueError as exc:
        raise PapersError(str(exc), EXIT_USAGE) from None


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


def scope_options(command):
    """--council --committee --meeting --since --until on every listing, with the same meaning."""

    @click.option("--council", help="Only this council (words of its name).")
    @click.option("--committee", help="Only this committee (words of its name).")
    @click.option("--meeting", metavar="DATE|ID", help="Only the meeting on this day (2017-03-28), or with this id.")
    @click.option("--since", metavar="DATE", help='Only meetings on or after: 2019-04-03, 2019, "March 2019", "2 years ago".')
    @click.option("--until", metavar="DATE", help="Only meetings on or before (same forms).")
    @wraps(command)
    def wrapper(*args, council=None, committee=None, meeting=None, since=None, until=None, **kwargs):
        from .search.listings import meeting_scope

        scope = meeting_scope(council=council, committee=committee, meeting=meeting, since=since, until=until)
        return command(*args, scope=scope, **kwargs)

    return wrapper


def _show(store, rows_for, scope, query, fmt: str, columns: list[str]) -> None:
    """A listing, or why it is empty; an empty listing exits with the not-found status."""
    from .search.listings import listing

    store.check_readable()
    found = listing(store, rows_for, scope, query)
    if found.rows or fmt != "table":
        _listing(found.rows, fmt, columns)
    if not found.rows:
        if fmt == "table":
            click.echo("No rows" + (": " + "; ".join(found.problems) if found.problems else "") + ".")
        sys.exit(EXIT_NOT_FOUND)


@cli.command()
@output_options
@home_option
@scope_options
def meetings(scope, fmt, store):
    """Meetings found in the papers: date, council, committee, time, venue, item counts.

    A pack for one meeting that encloses the minutes of an earlier one yields
    both meetings, and a file holding an annual and an ordinary meeting yields
    two. Meetings are identified by council, committee, date and occasion, so
    papers published again update a meeting rather than duplicate it.

    \b
    Examples:
        papers meetings
        papers meetings --since 2017 --committee "corporate parenting"
        papers meetings --csv > meetings.csv
    """
    from .index.queries import meetings as list_meetings

    _show(store, lambda s, _: list_meetings(store, s), scope, None, fmt,
          ["date", "council", "committee", "name", "time", "venue", "agenda_items", "minute_items", "files"])


@cli.command()
@click.option("--kind", type=click.Choice(["agenda", "minute"]), help="Only agenda items or only minute items.")
@output_options
@home_option
@scope_options
def items(kind, scope, fmt, store):
    """Agenda items and minute items, each citing file and page.

    \b
    Examples:
        papers items --meeting 2017-03-28 --kind minute
        papers items --kind agenda --since 2017-06-01 --json
    """
    from .index.queries import items as list_items

    _show(store, lambda s, _: list_items(store, s, kind), scope, None, fmt,
          ["kind", "meeting_date", "number", "title", "detail", "file", "page"])


@cli.command()
@click.argument("query", required=False)
@output_options
@home_option
@scope_options
def resolutions(query, scope, fmt, store):
    """Decisions recorded in minutes (RESOLVED, AGREED, ...), one row per part.

    QUERY keeps the rows whose text contains every word of it.

    \b
    Examples:
        papers resolutions
        papers resolutions "report be noted" --csv
        papers resolutions --meeting 2017-03-28
    """
    from .index.queries import resolutions as list_resolutions

    _show(store, lambda s, q: list_resolutions(store, q, s), scope, query, fmt,
          ["meeting_date", "minute", "part", "text", "file", "page"])


@cli.command()
@click.argument("query", required=False)
@click.option("--all", "include_all", is_flag=True,
              help="Also action-plan rows and strategy commitments (\"We will ...\").")
@output_options
@home_option
@scope_options
def recommendations(query, include_all, scope, fmt, store):
    """Recommendations of officer reports and inspections, each citing file and page.

    The meeting of a recommendation is the meeting its paper is for.

    \b
    Examples:
        papers recommendations
        papers recommendations "children looked after" --json
        papers recommendations --all "care leavers"
        papers recommendations --since 2017 --committee "corporate parenting"
    """
    from .index.queries import recommendations as list_recommendations

    kinds = None if include_all else ("report", "inspection")
    _show(store, lambda s, q: list_recommendations(store, q, kinds, s), scope, query, fmt,
          ["kind", "source", "number", "text", "file", "page"])


@cli.command()
@click.argument("query", required=False)
@output_options
@home_option
@scope_options
def requests(query, scope, fmt, store):
    """What members asked for at a later meeting: reports, briefings, updates.

    Each row gives who asked (where stated), what, when it is due and where the
    minutes record it.

    \b
    Examples:
        papers requests
        papers requests missing --json
        papers requests --meeting 2017-03-28
    """
    from .index.queries import requests as list_requests

    _show(store, lambda s, q: list_requests(store, q, s), scope, query, fmt,
          ["meeting_date", "minute", "who", "what", "due", "file", "page"])


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
        from .ingest.collection import refresh_indicators

        with store.writer_lock(on_wait=lambda text: click.echo(text, err=True)):
            refresh_indicators(store, say=lambda text: click.echo(text, err=True), force=True)
    rows = list_indicators(store, query)
    _listing(rows, fmt, ["label", "unit", "observations", "aliases", "id"])
    if not rows:
        sys.exit(EXIT_NOT_FOUND)


@cli.command()
@click.argument("query")
@click.option("--plot", type=click.Path(dir_okay=False, writable=True), metavar="FILE.png", callback=lambda c, p, v: _in_a_folder(v),
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
@since_until_options
@output_options
@home_option
def when(term, last, exact, since, until, committee, council, fmt, store):
    """When was TERM discussed? Meetings newest first, with item, snippet and file:page.

    TERM is a topic or a question as typed ("when was SGO performance last
    discussed?"); the first line says how it was read. Discussed means the
    topic (or a synonym from the glossary) appears in the minutes, in an
    agenda item's title, or in a report presented to the meeting. Passing
    mentions (one weak match) are left out. A paper tied to no meeting that
    states its month ("February 2022") is placed by it, without inventing a
    day; papers that state nothing (strategies, undated slides) come last.

    \b
    Examples:
        papers when SGO --last
        papers when "when was SGO performance last discussed?"
        papers when "special guardianship"
        papers when "dental checks" --json
    """
    from .search.glossary import store_glossary
    from .search.timeline import when_discussed

    store.check_readable()
    glossary = None if exact else store_glossary(store)
    timeline = when_discussed(store, term, glossary, since=since, until=until, committee=committee, council=council)
    found = timeline.discussions
    if last:
        found = [d for d in found if d.sort_date][:1] or found[:1]
    if fmt != "table":
        _listing([d.as_dict() for d in found], fmt,
                 ["meeting_date", "stated_period", "committee", "item", "title", "scorecard_row", "snippet", "file",
                  "page", "mentions", "ocr", "also_in"])
    else:
        _print_timeline(timeline, found, term, glossary)
    if not found:
        sys.exit(EXIT_NOT_FOUND)


def _print_timeline(timeline, found, term: str, glossary) -> None:
    click.secho(f"read as: {timeline.question.describe(glossary)}", dim=True)
    if not found:
        click.echo(_nothing_found(timeline, f"No meeting discussed {term!r}"))
        return
    if timeline.widened:
        click.echo(f"(no {timeline.question.records[0]} matched; showing every discussion)")
    if not timeline.all_words:
        click.echo("No meeting discussed every topic word; these discussed some of them:\n")
    for d in found:
        label = "minute" if d.record in ("minute", "resolution", "request") else "item"
        item = f"{label} {d.item}: " if d.item else ""
        click.secho(f"{d.when}  {d.committee or '-'}  {item}{d.title}", bold=True)
        if d.scorecard_row:
            click.echo(f"  scorecard row: {d.scorecard_row}")
        click.echo(f"  {_bold_marks(d.snippet)}")
        click.echo(f"  {printable(d.file)}:{d.page}{' (OCR)' if d.ocr else ''}  "
                   f"({d.mentions} mention{'s' if d.mentions != 1 else ''})")
        _print_copies(d.also_in)
        click.echo()


@cli.command()
@click.argument("name")
@output_options
@home_option
def who(name, fmt, store):
    """A person's or organisation's appearances, by meeting: roles seen, items, pages.

    NAME may be part of a name ("Hedley") or an organisation ("Ofsted").
    People are found by the conventions of the genre (Councillor ...,
    "Name, Role", asterisked attendance lists), and "Ms Hedley" counts as Emma
    Hedley once the paper has named her in full. Within a council, one person's
    name forms ("R Gough", "Cllr Roger Gough") are one person, with the forms
    shown. When NAME matches several and none is clearly meant, they are listed
    with their mention counts and nothing is shown (exit status 4).

    \b
    Examples:
        papers who Hedley
        papers who "Paul Hewitt" --json
        papers who Ofsted
    """
    from .search.people import who as find

    person, appearances = find(store, name)
    if fmt != "table":
        rows = [{"name": person.name, "kind": person.kind, "forms": person.forms, **a.as_dict()} for a in appearances]
        _listing(rows, fmt, ["name", "kind", "meeting_date", "committee", "roles", "items", "mentions", "citations"])
        return
    click.secho(f"{person.name} ({person.kind.lower()}): {person.mentions} mentions "
                f"in {person.documents} document{'s' if person.documents != 1 else ''}", bold=True)
    if person.forms:
        click.echo(f"also written: {'; '.join(person.forms)}")
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
    else:
        _listing(rows, fmt, list(rows[0]) if rows else ["concept", "variants", "sources"])
    if not rows:
        sys.exit(EXIT_NOT_FOUND)


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
        click.echo(f"not scored: {len(result.not_scored)} image-only/garbled documents without readable text "
                   "(run papers ocr)")
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
    keywords, when_last = result["keywords"], result["when_last"]
    click.echo(f"questions {result['questions']}  recall@5 {result['recall_at_5']}  MRR {result['mrr']}")
    if keywords["questions"]:
        click.echo(f"as keywords {keywords['questions']}  recall@5 {keywords['recall_at_5']}  MRR {keywords['mrr']}")
    if when_last["questions"]:
        click.echo(f"when ... last {when_last['questions']}  first answer right {when_last['first_correct']}")
    for row in result["ranks"]:
        if not row["rank"] or row["rank"] > 5:
            click.echo(f"  not in top 5: {row['query']!r} (rank {row['rank'] or '>10'})")
    for question in result["first_wrong"]:
        click.echo(f"  first answer wrong: {question!r}")


@cli.command()
@click.argument("record")
@output_options
@home_option
def trace(record, fmt, store):
    """What became of a request, recommendation or action: its later links, oldest first.

    RECORD is a record id (from --json output) or words of its text. Each link
    gives the date, kind (agenda_minutes_pair, action_update, reference,
    requested_report, scheduled, response, matters_arising), the quote and
    file:page of its evidence.

    \b
    Examples:
        papers trace "table showing performance trends"
        papers trace "receive a full report at its next meeting" --json
    """
    from .search.trace import NotTraced, trace as trace_record

    store.check_readable()
    try:
        chain = trace_record(store, record)
    except NotTraced as exc:
        raise PapersError(str(exc), EXIT_NOT_FOUND) from None
    if fmt == "json":
        click.echo(json.dumps(chain, indent=2, ensure_ascii=False))
        return
    origin, status = chain["origin"], chain["status"] or {}
    rows = [{"date": origin.get("date"), "kind": "origin", "text": origin.get("text"),
             "file": origin.get("file"), "page": origin.get("page")}]
    rows += [{"date": step.get("date"), "kind": step["kind"], "text": step.get("quote") or step.get("text"),
              "file": step.get("evidence_file") or step.get("file"), "page": step.get("evidence_page") or step.get("page")}
             for step in chain["links"]]
    columns = ["date", "kind", "text", "file", "page"]
    if fmt == "csv":
        _listing(rows, "csv", columns)
        return
    if status:
        click.echo(f"status: {status['status']}" + (f" (due {status['due']})" if status.get("due") else ""))
    click.echo(render(rows, "table", columns, max_width=64))  # room for a whole file name


@cli.command()
@click.option("--status", type=click.Choice(["open", "overdue", "addressed", "superseded", "unknown"]),
              help="Only records of this status.")
@click.option("--council", help="Only this council (words of its name).")
@click.option("--committee", help="Only this committee (words of its name).")
@click.option("--since", help="Only records of meetings on or after this date (YYYY-MM-DD).")
@output_options
@home_option
def followups(status, council, committee, since, fmt, store):
    """Requests, actions and inspection recommendations with what became of them.

    overdue: the meeting it was due at is in the store and shows no evidence;
    addressed: a later record answers it (a content match alone never does);
    open: nothing yet, and no due meeting in the store; unknown: later meetings
    are stored but none can be said to answer it.

    \b
    Examples:
        papers followups --status addressed
        papers followups --committee "corporate parenting" --json
    """
    from .search.trace import followups as list_followups

    store.check_readable()
    rows = list_followups(store, status, council, committee, since)
    if rows or fmt != "table":
        _listing(rows, fmt, ["status", "date", "record", "text", "due", "file", "page", "evidence"])
    if not rows:
        if fmt == "table":
            click.echo("No rows.")
        sys.exit(EXIT_NOT_FOUND)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (only this machine by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port (0: any free one).")
@home_option
def serve(host, port, store):
    """A read-only web page over the store: ask, meetings, page view, indicators, people, follow-ups.

    The same answers as the commands (search, when, series, who, trace), with
    each page also as JSON (add ?format=json). Nothing is written but saved
    searches, kept in saved-searches.db beside the store.

    \b
    Examples:
        papers serve
        papers serve --port 8080
    """
    from .search.web.app import serve as run_server

    store.check_readable()
    try:
        run_server(store.home, host, port, say=lambda text: click.echo(text, err=True),
                   store_url=getattr(store, "url", None))
    except OSError as exc:
        raise PapersError(f"cannot listen on {host}:{port}: {exc.strerror}", EXIT_USAGE) from None


@cli.command()
@click.option("--peek", is_flag=True, help="Show what is new without marking it seen.")
@output_options
@home_option
def alerts(peek, fmt, store):
    """What each saved search (saved on the web page) answers now that it did not at the last look.

    Run it from cron after an ingest; each new result is printed once, then
    counts as seen (on the web page too), unless --peek.

    \b
    Examples:
        papers alerts
        papers alerts --json
    """
    from .search.web import saved

    store.check_readable()
    rows = []
    for search in saved.saved(store.home):
        hits, new = saved.run(store, search, mark_seen=not peek)
        rows += [{"search": search["query"], **h.as_dict()} for h in hits if saved.hit_key(h) in new]
    if fmt != "table":
        _listing(rows, fmt, ["search", "meeting_date", "committee", "record", "item", "title", "file", "page", "snippet"])
        return
    if not rows:
        click.echo("nothing new for the saved searches")
    for row in rows:
        click.secho(f"{row['search']}: {row['meeting_date'] or row['stated_period'] or 'undated'}  "
                    f"{row['committee'] or '-'}  {row['title']}", bold=True)
        click.echo(f"  {_bold_marks(row['snippet'])}\n  {printable(row['file'])}:{row['page']}\n")


def main():
    cli(prog_name="papers")


if __name__ == "__main__":
    main()

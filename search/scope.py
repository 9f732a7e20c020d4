"""What a search is narrowed to: dates, kind, committee, council, records; checked before it runs.

A value that cannot be right is an error naming the valid choices; a filter
that leaves nothing is reported with the number of results there were without it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..index.fulltext import Filters
from ..index.queries import committee_names, council_document_ids, council_names, document_kinds
from .dates import parse_since, parse_until
from .query import QueryError
from .question import Known, Question
from .stated import StatedPeriod, stated_periods

DOCUMENT_KINDS = ("agenda_pack", "agenda", "minutes", "report", "presentation", "strategy", "other")
# Filters in the order they are reported, with the option that sets each.
FILTER_OPTIONS = {"dates": "--since/--until", "kind": "--kind", "committee": "--committee",
                  "doc_ids": "--council", "records": "record type", "people": "--person", "orgs": "--org"}


@dataclass
class Scope:
    filters: Filters
    stated: dict[str, StatedPeriod] = field(default_factory=dict)  # undated documents' stated periods

    @property
    def date_keys(self) -> dict[str, int]:
        return {doc: p.date_key for doc, p in self.stated.items()}


@dataclass
class Emptied:
    """Why a search with results found none: the filters that removed them, and how many there were."""

    filters: list[str]  # options, as the user typed them
    without: int  # results without those filters

    def message(self) -> str:
        return f"{' and '.join(self.filters)} removed every result ({self.without} without {'them' if len(self.filters) > 1 else 'it'})"


def store_known(store) -> Known:
    return store.fulltext.memo("known", lambda: Known(councils=tuple(council_names(store)),
                                                      committees=tuple(committee_names(store))))


def check_dates(since: str | None, until: str | None, today: date | None = None) -> tuple[str | None, str | None]:
    today = today or date.today()
    start = parse_since(since, today) if since else None
    end = parse_until(until, today) if until else None
    if start and end and start > end:
        raise QueryError(f"--since {since!r} is after --until {until!r}: nothing can be in between")
    return start, end


def build_scope(store, question: Question, *, kind: str | None = None, records=None, pages_only: bool = False,
                people: tuple[str, ...] = (), orgs: tuple[str, ...] = ()) -> Scope:
    """Filters for the question's constraints (already merged with the command's options)."""
    _check_kind(store, kind)
    stated = store.fulltext.memo("stated", lambda: stated_periods(store))
    dated = frozenset(d for d, p in stated.items() if p.overlaps(question.since, question.until))
    filters = Filters(
        since=question.since, until=question.until, kind=kind, committee=question.committee,
        exclude_doc_ids=store.pending_ids(),  # not yet in both stores: not answers yet
        records=("page",) if pages_only else records or question.records,
        include_covered=pages_only, people=people, orgs=orgs,
        doc_ids=frozenset(council_document_ids(store, question.council)) if question.council else None,
        dated_doc_ids=dated if question.since or question.until else frozenset(),
    )
    return Scope(filters=filters, stated=stated)


def _check_kind(store, kind: str | None) -> None:
    if kind is None:
        return
    valid = sorted(set(DOCUMENT_KINDS) | set(document_kinds(store)))
    if kind not in valid:
        raise QueryError(f"--kind {kind!r} is not a document kind: choose one of {', '.join(valid)}")


def unknown_names(store, asked) -> list[str]:
    """The council or committee asked for (a Question or a MeetingScope) that names nothing in the store."""
    problems = []
    for attribute, names in (("committee", committee_names(store)), ("council", council_names(store))):
        value = getattr(asked, attribute)
        if value and not any(_holds_words(name, value) for name in names):
            listed = ", ".join(names) if names else "none recorded"
            problems.append(f"no {attribute} named {value!r} in the papers ({attribute}s: {listed})")
    return problems


def _holds_words(name: str, value: str) -> bool:
    """As the filters match: every word given is in the name."""
    return all(word in name.lower() for word in value.lower().split())


def emptied_by(count_without, filters: Filters) -> Emptied | None:
    """The filters that removed every result: first any single one, else all of them together."""
    active = [name for name in FILTER_OPTIONS if _is_set(filters, name)]
    if not active:
        return None
    for name in active:
        found = count_without(filters.without(name))
        if found:
            return Emptied([FILTER_OPTIONS[name]], found)
    cleared = filters
    for name in active:
        cleared = cleared.without(name)
    found = count_without(cleared)
    return Emptied([FILTER_OPTIONS[n] for n in active], found) if found else None


def _is_set(filters: Filters, name: str) -> bool:
    if name == "dates":
        return bool(filters.since or filters.until)
    if name == "records":
        return bool(filters.records) and filters.records != ("page",)
    value = getattr(filters, name)
    return value is not None and value != ()

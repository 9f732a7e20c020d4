"""Listings (meetings, items, resolutions, recommendations, requests) narrowed the same way, saying what did it.

A listing that a filter empties says which filter and how many rows there were
without it; a council or committee the store does not have is named with the
ones it has.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from ..index.queries import MeetingScope
from .dates import period
from .query import QueryError
from .scope import check_dates, unknown_names

OPTION = {"council": "--council", "committee": "--committee", "meeting": "--meeting", "since": "--since",
          "until": "--until", "query": "QUERY"}


@dataclass
class Listing:
    rows: list[dict]
    problems: list[str] = field(default_factory=list)  # why there are none, when there are none


def meeting_scope(council=None, committee=None, meeting=None, since=None, until=None) -> MeetingScope:
    """Checked options: dates in any form `papers search` takes, --meeting a day or a meeting id."""
    start, end = check_dates(since, until)
    return MeetingScope(council=council, committee=committee, meeting=_meeting(meeting), since=start, until=end)


def _meeting(value: str | None) -> str | None:
    if not value or value.startswith("meeting:"):
        return value
    day = period(value, date.today())
    if not day or day[0] != day[1]:
        raise QueryError(f"--meeting {value!r} is not a day: use YYYY-MM-DD, e.g. 2019-04-03 (or a meeting id)")
    return day[0].isoformat()


def listing(store, rows_for: Callable[[MeetingScope, str | None], list[dict]], scope: MeetingScope,
            query: str | None = None) -> Listing:
    """Rows for the scope and query; when none, the reasons (unknown names, or the filter that emptied it)."""
    rows = rows_for(scope, query)
    if rows:
        return Listing(rows)
    problems = unknown_names(store, scope)
    if problems:
        return Listing(rows, problems)
    active = scope.active() + (["query"] if query else [])
    for name in active:
        without = rows_for(*_without(scope, query, name))
        if without:
            problem = f"{OPTION[name]} removed every row ({len(without)} without it)"
            return Listing(rows, [problem + (_meeting_days(without) if name == "meeting" else "")])
    if len(active) > 1:
        everything = rows_for(MeetingScope(), None)
        if everything:
            options = " and ".join(OPTION[n] for n in active)
            return Listing(rows, [f"{options} together removed every row ({len(everything)} without them)"])
    return Listing(rows)


def _meeting_days(rows: list[dict]) -> str:
    """The meetings there are rows for: the --meeting values that would answer."""
    days = sorted({r.get("meeting_date") or r.get("date") for r in rows} - {None}, reverse=True)
    return f"; meetings with rows: {', '.join(days[:10])}" if days else ""


def _without(scope: MeetingScope, query: str | None, name: str) -> tuple[MeetingScope, str | None]:
    return (scope, None) if name == "query" else (replace(scope, **{name: None}), query)

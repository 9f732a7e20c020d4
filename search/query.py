"""Checking what a user typed before it reaches the engine: queries and dates."""
from __future__ import annotations

import re
from datetime import date

from ..index.fulltext import SEARCHABLE_FIELDS


class QueryError(ValueError):
    """A query or option value the user must fix; the message names it."""


class NotFound(LookupError):
    """Nothing answers: the message says what was looked for and, where some came close, lists them."""


_FIELD = re.compile(r"(?<![\w\"])([A-Za-z_]+):(?!//)")
_OPERATOR = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}


def check_query(text: str) -> str:
    """Return the query stripped, or raise QueryError saying what is wrong with it.

    Whoosh's parser accepts almost anything and silently drops what it cannot
    read, which would answer a mistyped query with the wrong results.
    """
    query = text.strip()
    if not query:
        raise QueryError("empty query: give words to search for, e.g. papers search \"care leavers\"")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"query of {len(query)} characters: at most {MAX_QUERY_CHARS}")
    if _depth(query) > MAX_NESTING:
        raise QueryError(f"query nests parentheses {_depth(query)} deep: at most {MAX_NESTING}")
    if query.count('"') % 2:
        raise QueryError(f"unbalanced quote in query {text!r}")
    outside_quotes = re.sub(r'"[^"]*"', " _phrase_ ", query)
    if outside_quotes.count("(") != outside_quotes.count(")"):
        raise QueryError(f"unbalanced parenthesis in query {text!r}")
    for name in _FIELD.findall(outside_quotes):
        if name not in SEARCHABLE_FIELDS:
            fields = ", ".join(sorted(SEARCHABLE_FIELDS - {"id", "doc_id"}))
            raise QueryError(f"unknown field {name!r} in query {text!r} (fields: {fields})")
    words = outside_quotes.replace("(", " ").replace(")", " ").split()
    if words and (words[0] in _OPERATOR - {"NOT"} or words[-1] in _OPERATOR):
        raise QueryError(f"query {text!r} starts or ends with an operator")
    return query


MAX_QUERY_CHARS, MAX_NESTING = 1000, 20


def _depth(query: str) -> int:
    depth = deepest = 0
    for char in query:
        depth += (char == "(") - (char == ")")
        deepest = max(deepest, depth)
    return deepest


def check_iso_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise QueryError(f"{option} {value!r} is not a date: use YYYY-MM-DD, e.g. 2019-04-03") from None

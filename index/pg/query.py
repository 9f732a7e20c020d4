"""The project's query tree (Whoosh query objects, as search/ builds them with index/fulltext.py's
parser and composers) as PostgreSQL: tsquery for the words, SQL for the fields.

A subtree of title and content words becomes one tsquery (title words carry weight A, content
words D, as search_records.tsv stores them); field terms (kind:minutes, page:3, meeting_date:2019)
become column predicates; AndMaybe's optional side only ranks.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from whoosh import query as wq

from ..fulltext import _COMMITTEE_ANALYZER

_WEIGHT = {"content": "D", "title": "A"}
_TEXT_FIELDS = frozenset(_WEIGHT)
_COLUMNS = {"id": "id", "doc_id": "doc_id", "record": "record", "group": "grp", "file": "file", "number": "number",
            "meeting_id": "meeting_id", "kind": "kind", "page": "page", "last_page": "last_page", "date_key": "date_key"}
_NUMERIC = frozenset({"page", "last_page", "date_key"})


def lexeme(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def to_tsquery(q: wq.Query, weight: str | None = None) -> str | None:
    """The tsquery of a subtree of title and content words, or None if it holds anything else.

    weight: the field's weight letter to use ("" for either field)."""
    kind = type(q)
    if kind in (wq.Term, wq.FuzzyTerm) and q.fieldname in _TEXT_FIELDS:
        return f"{lexeme(q.text)}{_weight(q, weight)}"
    if kind is wq.Phrase and q.fieldname in _TEXT_FIELDS:
        gap = " <-> " if q.slop <= 1 else f" <{q.slop}> "
        return "(" + gap.join(f"{lexeme(w)}{_weight(q, weight)}" for w in q.words) + ")" if q.words else None
    if kind in (wq.Prefix, wq.Wildcard) and q.fieldname in _TEXT_FIELDS:
        stem = q.text.split("*")[0].split("?")[0]
        return f"{lexeme(stem)}:*{_WEIGHT[q.fieldname] if weight is None else weight}" if stem else None
    if kind is wq.Or and q.subqueries and weight is None:
        return _any_field_or(q)
    if kind in (wq.And, wq.Or) and q.subqueries:
        parts = [to_tsquery(sub) for sub in q.subqueries]
        if any(p is None for p in parts):
            return None
        return "(" + (" & " if kind is wq.And else " | ").join(parts) + ")"
    if kind is wq.Not:
        inner = to_tsquery(q.query)
        return f"!{inner}" if inner else None
    if kind is wq.AndNot:
        a, b = to_tsquery(q.a), to_tsquery(q.b)
        return f"({a} & !{b})" if a and b else None
    if kind is wq.AndMaybe:
        return to_tsquery(q.a)
    return None


def _weight(q, weight: str | None) -> str:
    letter = _WEIGHT[q.fieldname] if weight is None else weight
    return f":{letter}" if letter else ""


def _any_field_or(q: wq.Or) -> str | None:
    """An Or in which the parser put each typed word or phrase twice, in content and in title: each
    such pair is the word anywhere, without weights, so the GIN index answers it alone (no record's
    tsvector is read to check a weight)."""
    fields: dict[tuple, set[str]] = {}
    for sub in q.subqueries:
        fields.setdefault(_leaf_key(sub), set()).add(getattr(sub, "fieldname", ""))
    parts, done = [], set()
    for sub in q.subqueries:
        key = _leaf_key(sub)
        if key is not None and fields[key] == _TEXT_FIELDS:
            if key not in done:
                done.add(key)
                parts.append(to_tsquery(sub, weight=""))
            continue
        parts.append(to_tsquery(sub))
    if any(p is None for p in parts):
        return None
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def _leaf_key(q: wq.Query) -> tuple | None:
    if type(q) not in (wq.Term, wq.Phrase, wq.Prefix, wq.Wildcard, wq.FuzzyTerm) or q.fieldname not in _TEXT_FIELDS:
        return None
    return type(q), getattr(q, "text", None), tuple(getattr(q, "words", ()) or ()), getattr(q, "slop", None)


def unweighted(tsquery: str) -> str:
    """The tsquery matching a word in any field: what counting records needs, from the index alone."""
    return re.sub(r"':(\*?)[ABCD]+", lambda m: "':*" if m.group(1) else "'", tsquery)


def to_sql(q: wq.Query, alias: str = "r") -> tuple[str, list]:
    """A boolean SQL expression over search_records (as alias) for the query, and its parameters."""
    text = to_tsquery(q)
    if text is not None:
        return f"{alias}.tsv @@ %s::tsquery", [text]
    kind = type(q)
    if kind in (wq.And, wq.Or):
        if not q.subqueries:
            return ("true" if kind is wq.And else "false"), []
        parts = [to_sql(sub, alias) for sub in q.subqueries]
        joiner = " and " if kind is wq.And else " or "
        return "(" + joiner.join(p[0] for p in parts) + ")", [v for p in parts for v in p[1]]
    if kind is wq.Not:
        inner, params = to_sql(q.query, alias)
        return f"not coalesce({inner}, false)", params
    if kind is wq.AndNot:
        a, pa = to_sql(q.a, alias)
        b, pb = to_sql(q.b, alias)
        return f"({a} and not coalesce({b}, false))", pa + pb
    if kind is wq.AndMaybe:
        return to_sql(q.a, alias)
    if kind is wq.Every:
        return "true", []
    if q is wq.NullQuery or kind is type(wq.NullQuery):
        return "false", []
    return _field(q, alias)


def _field(q: wq.Query, alias: str) -> tuple[str, list]:
    name = getattr(q, "fieldname", None)
    kind = type(q)
    if name == "meeting_date" and kind in (wq.NumericRange, wq.DateRange, wq.Term):
        return _date_range(q, alias)
    if name == "committee":
        words = [w for w in (q.words if kind is wq.Phrase else [getattr(q, "text", "")]) if w]
        return (committee_sql(" ".join(words), alias) if words else ("false", []))
    if name in ("people", "orgs") and kind is wq.Term:
        return f"%s = any({alias}.{name})", [str(q.text).lower()]
    if name == "covered" and kind is wq.Term:
        return f"{alias}.covered = %s", [q.text in (True, "true", "t", "1", "yes")]
    column = _COLUMNS.get(name or "")
    if column and kind is wq.Term:
        return f"{alias}.{column} = %s", [_field_value(name, q.text)]
    if column and kind in (wq.Prefix, wq.Wildcard):
        return f"{alias}.{column} like %s", [q.text.split("*")[0].split("?")[0] + "%"]
    if column in _NUMERIC and kind is wq.NumericRange:
        low, high = _numeric(q.start), _numeric(q.end)
        return f"{alias}.{column} between %s and %s", [low if low is not None else -2**31, high if high is not None else 2**31 - 1]
    raise ValueError(f"cannot search {q!r} in PostgreSQL")


def _field_value(name: str, value):
    if name in _NUMERIC:
        return _numeric(value)
    return value.decode() if isinstance(value, bytes) else value


def _numeric(value):
    """Whoosh's parsed numbers: ints, or its sortable byte encoding of them."""
    if value is None or isinstance(value, int):
        return value
    from whoosh.fields import NUMERIC

    return NUMERIC().from_bytes(value) if isinstance(value, bytes) else int(value)


def _date_range(q, alias: str) -> tuple[str, list]:
    """meeting_date:2019: Whoosh's parser gives a range of datetime ticks (microseconds since year 1)."""
    low, high = getattr(q, "start", None), getattr(q, "end", None)
    if isinstance(low, int) or isinstance(high, int):
        low, high = _from_ticks(low), _from_ticks(high)
    low_key = int(low.strftime("%Y%m%d")) if low else 0
    high_key = int(high.strftime("%Y%m%d")) if high else 99_999_999
    return f"({alias}.date_key between %s and %s and {alias}.date_key > 0)", [low_key, high_key]


def _from_ticks(ticks: int | None) -> datetime | None:
    return datetime(1, 1, 1) + timedelta(microseconds=ticks) if ticks is not None else None


def committee_sql(name: str, alias: str = "r") -> tuple[str, list]:
    """Records of committees whose name holds these words in this order (Whoosh's phrase on the field)."""
    words = [t.text for t in _COMMITTEE_ANALYZER(name)]
    if not words:  # only stop words ('of the and'): no committee can match
        return "false", []
    return f"{alias}.committee_tsv @@ %s::tsquery", [" <-> ".join(lexeme(w) for w in words)]


def positive_words(q: wq.Query) -> list[str]:
    """The title and content words a record matching q may show, for its snippet."""
    if isinstance(q, (wq.Not,)):
        return []
    if isinstance(q, wq.AndNot):
        return positive_words(q.a)
    if isinstance(q, wq.AndMaybe):
        return positive_words(q.a) + positive_words(q.b)
    if type(q) is wq.Phrase and q.fieldname in _TEXT_FIELDS:
        return list(q.words)
    if isinstance(q, (wq.Term, wq.Prefix, wq.Wildcard)) and getattr(q, "fieldname", None) in _TEXT_FIELDS:
        return [q.text.split("*")[0]]
    return [w for sub in getattr(q, "subqueries", ()) for w in positive_words(sub)]


def rank_tsquery(q: wq.Query) -> str | None:
    """Every positive word and phrase of q as one any-of tsquery: what ts_rank weighs."""
    parts = _positive_parts(q)
    return " | ".join(dict.fromkeys(parts)) if parts else None


def _positive_parts(q: wq.Query) -> list[str]:
    if isinstance(q, wq.Not):
        return []
    if isinstance(q, wq.AndNot):
        return _positive_parts(q.a)
    if isinstance(q, wq.AndMaybe):
        return _positive_parts(q.a) + _positive_parts(q.b)
    if isinstance(q, (wq.And, wq.Or)):
        return [p for sub in q.subqueries for p in _positive_parts(sub)]
    text = to_tsquery(q)
    return [text] if text else []


def rank_units(q: wq.Query) -> list[str]:
    """The tsqueries of q's topic units, each weighed by its rarity: a word's fields, or a concept's
    forms, is one unit; the children of And, AndMaybe and a coordinated any-of are units of their own."""
    if isinstance(q, wq.Not):
        return []
    if isinstance(q, wq.AndNot):
        return rank_units(q.a)
    if isinstance(q, wq.AndMaybe):
        return rank_units(q.a) + rank_units(q.b)
    if type(q) is wq.And or (type(q) is wq.Or and q.scale):
        return [u for sub in q.subqueries for u in rank_units(sub)]
    text = rank_tsquery(q)
    return [text] if text else []

"""Stable ids: derived from content so that re-ingesting the same paper gives the same ids."""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """'Health and Wellbeing Board' -> 'health-and-wellbeing-board'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("-", ascii_text.lower()).strip("-")


def normalise_text(text: str) -> str:
    """Case, whitespace, quotes and punctuation folded, so trivial re-typesetting keeps the id."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(_NOT_ALNUM.sub(" ", ascii_text.lower()).split())


def text_hash(text: str, length: int = 10) -> str:
    return hashlib.sha1(normalise_text(text).encode()).hexdigest()[:length]


_CONTENT_HASH = re.compile(r"[0-9a-f]{64}")
_LONG = 40  # key values longer than this enter an id as a hash of their normalised text


def record_id(record) -> str:
    """The one way ids are made: the record's kind, then the values of its KEY fields."""
    kind = _kind(type(record))
    values = [_key_value(record, name) for name in record.KEY]
    while values and values[-1] == "-":  # fields that are only sometimes set go last
        values.pop()
    return ":".join([kind, *values])


@functools.cache
def _kind(record_type: type) -> str:
    """MinuteItem -> minute_item (cached: ids are made for every record of every page)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", record_type.__name__).lower()


def _key_value(record, name) -> str:
    names = name if isinstance(name, tuple) else (name,)  # alternatives: the first that is set
    name, value = next(((n, getattr(record, n)) for n in names if getattr(record, n) not in (None, "")), (name, None))
    if value is None:
        return "-"
    text = str(value)
    if _CONTENT_HASH.fullmatch(text):
        return text[:16]  # a document's content hash: 64 bits keep ids unique and readable
    if name.endswith("_id"):  # another record's id, already built by this function
        return text
    short = slug(text) if len(text) <= _LONG else ""
    return short or text_hash(text, 12)

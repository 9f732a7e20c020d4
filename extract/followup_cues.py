"""Cues in one text that a record looks ahead or back: pure tests on a sentence, no store.

Linking (index/followups.py) asks these of the records it holds: does this item refer back to
an earlier meeting's minutes, does this status say the action is done, is this a title words of
which a later title must share.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .ids import normalise_text

# Status words of action logs and trackers, and RAG ratings.
_DONE = re.compile(r"\b(?:complete[d]?|closed|done|achieved|submitted|resolved|delivered|sent|green|discharged)\b", re.I)
_OPEN = re.compile(r"\b(?:on-?\s?going|in\s+progress|outstanding|carried\s+forward|c/f|pending|amber|red|not\s+started|delayed)\b", re.I)
_SUPERSEDED = re.compile(r"\b(?:superseded|withdrawn|no\s+longer\s+(?:required|needed)|replaced\s+by|rescinded)\b", re.I)
_ON_AGENDA = re.compile(r"\bagenda\s+item\b", re.I)
_MATTERS_ARISING = re.compile(r"\bmatters\s+arising\b", re.I)
# "the minutes of the X meeting held on 29 October 2024", "minutes of the last meeting on 18th March 2014"
_MINUTES_OF = re.compile(r"\bminutes\s+of\s+(?:the\s+)?(?P<body>[^.;]{0,80}?)\b(?:meetings?\s+)?(?:held\s+)?on\b", re.I)
# Words every title shares: they say what kind of paper it is, not what it is about.
_GENERIC = set(
    "a an the of and or for to in on at by with from into its it this that be is are was were as "
    "information report reports update updates oral verbal feedback next steps item items paper papers note "
    "receive received consider considered discuss discussion agenda minutes meeting panel committee council "
    "cabinet board quarterly annual year mid matters arising any other urgent business further full "
    "regarding re including that resolution resolved motion we be last previous held parish town community".split()
)
MIN_WORD = 3  # shorter words carry no subject (initials, numbers apart)


def progress(status: str | None) -> str | None:
    """What a printed status says: 'done', 'open', 'superseded', or None when it says neither."""
    if not status:
        return None
    if _SUPERSEDED.search(status):
        return "superseded"
    if _OPEN.search(status):
        return "open"
    if _DONE.search(status):
        return "done"
    return None


def points_to_agenda(status: str | None) -> bool:
    """A status saying the matter is an item of this meeting's agenda ("Agenda item")."""
    return bool(status and _ON_AGENDA.search(status))


def is_matters_arising(title: str | None) -> bool:
    return bool(title and _MATTERS_ARISING.search(title))


def refers_to_minutes(text: str | None) -> bool:
    """Text naming another meeting's minutes by its date."""
    return bool(text and _MINUTES_OF.search(text))


@lru_cache(maxsize=1 << 14)  # the follow-up pass compares every agenda title with every other
def subject_words(text: str | None) -> frozenset[str]:
    """The words of a title or sentence that say what it is about, without their endings."""
    words = (w for w in normalise_text(text or "").split() if len(w) >= MIN_WORD and w not in _GENERIC and not w.isdigit())
    return frozenset(_stem(w) for w in words)


def _stem(word: str) -> str:
    """'adopted' -> 'adopt', 'statements' -> 'statement': enough for titles to meet their minutes."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def subject_overlap(a: str | None, b: str | None) -> float:
    """Shared subject words over the shorter side's: 1.0 when one title's subject is inside the other's."""
    left, right = subject_words(a), subject_words(b)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def subject_similarity(a: str | None, b: str | None, procedural: bool = True) -> float:
    """Shared subject words over all the words either side: how closely two titles say the same.

    Titles of nothing but procedure ("To receive the minutes of the last meeting") are compared
    on all their words, a little below what subject words would score, unless procedural is False.
    """
    left, right = subject_words(a), subject_words(b)
    if left and right:
        return len(left & right) / len(left | right)
    if not procedural:
        return 0.0
    left, right = _all_words(a), _all_words(b)
    return 0.9 * len(left & right) / min(len(left), len(right)) if left and right else 0.0


def _all_words(text: str | None) -> set[str]:
    return {_stem(w) for w in normalise_text(text or "").split() if len(w) >= MIN_WORD and not w.isdigit()}


def asks_for_table(text: str | None) -> bool:
    """A request for figures laid out as a table (trends, a breakdown), answered by a table page."""
    return bool(text and re.search(r"\b(?:table|tables|trends?|breakdown|figures|data)\b", text, re.I))


# "Decision 24/00093", "minute 142", "Resolution R2025-037": a record another paper names by number.
_CITED = re.compile(r"\b(?:decision|minute|resolution)s?\s+(?:no\.?\s*)?(?P<ref>\d{1,4}/\d{2,6}|[A-Z]{0,2}\d{4}-\d{2,4}|\d{1,4}(?:\.\d{1,3}){0,2})\b", re.I)


def cited_records(text: str | None) -> set[str]:
    """Numbers of decisions, minutes or resolutions a text names ("decision 24/00093" -> "24/00093")."""
    return {m.group("ref").upper() for m in _CITED.finditer(text or "")}


def lead_phrase(text: str) -> str:
    """An action's subject before its dash: "Swing Bridge - HD will respond ..." -> "Swing Bridge"."""
    head = re.split(r"\s+[-–—]\s+", text, maxsplit=1)[0]
    return head if head != text else ""

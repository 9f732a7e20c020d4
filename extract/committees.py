"""The meeting body a paper is for, named as the paper names it, without the authority.

"MINUTES of a meeting of the Cabinet held ...", "To: Cabinet, 30 January 2025",
"A Meeting of Upton-cum-Marsh Parish Council will be held", "Presentation to
Township Council", or a heading line that is a body's name. Where the body is
the full authority ("Ashby Parish Council", "the above Council"), the
committee is what the authority is called as a body: "Parish Council".

Papers downloaded from one committee's page (a deck, an undated minutes
extract) often say only "the Panel"; the other papers beside them name it
(committee_from_collection).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .council import body_of, councils_in
from .pagelines import page_content
from .records import PageText

BODY_NOUNS = ("Panel", "Committee", "Sub-Committee", "Board", "Forum", "Commission", "Assembly", "Partnership",
              "Cabinet", "Council", "Executive", "Group", "Trust")
_BODY = r"(?:Sub-Committee|Committee|Panel|Board|Forum|Commission|Assembly|Partnership|Cabinet|Council|Executive)"
# Bodies that are named by the noun alone ("CABINET", "To: Council").
_BARE_BODY = re.compile(r"^(?:the\s+)?(?:Cabinet|Council|Executive|Full\s+Council)$", re.I)
_NAME_WORD = r"[A-Z][A-Za-z&'’\-]*"
_CONNECTOR = r"(?:and|of|for|the|&|on|in)"
COMMITTEE_NAME = re.compile(
    rf"\b({_NAME_WORD}(?:,?[ \t]+(?:{_CONNECTOR}[ \t]+)?{_NAME_WORD}){{0,8}}?[ \t]+{_BODY})\b"
    r"(?![ \t]+(?:Chambers?|Offices?|Room|Tax|Members?|Member\b|Standing|Procedures?|Meeting\s+Room))"
)
# "Board of Trustees", "Board of Parks and Recreation Commissioners": the noun first, what it governs after.
BODY_OF = re.compile(
    rf"\b((?:Board|Commission|Council|Committee)[ \t]+of[ \t]+(?:the[ \t]+)?{_NAME_WORD}"
    rf"(?:[ \t]+(?:(?:and|&)[ \t]+)?{_NAME_WORD}){{0,4}})"
)
# "To: Cabinet, 30 January 2025"; "REPORT FOR: CABINET AND SCRUTINY COMMITTEE"; "Presentation to Township Council"
ADDRESSEE = re.compile(
    r"^\s*(?:(?:To|Report\s+(?:for|to)|Meeting|Committee|Decision\s+(?:maker|taker))\s*:|Presentation\s+to\b)"
    r"\s*(?P<body>[^,:;]+)",
    re.I,
)
# "meeting of the County Council held", "A Meeting of X will be held", "Minutes of the Annual Meeting of X"
MEETING_OF = re.compile(
    r"\b(?:meeting|minutes|proceedings)\s+of\s+(?:a\s+|an\s+|the\s+)?(?:(?:annual|ordinary|extraordinary|special|regular)\s+)?"
    r"(?:(?:general\s+)?meeting\s+of\s+(?:the\s+)?)?(?P<body>.+?)"
    r"(?=\s+(?:held|will|to\s+be|was|on|at|in|which|meeting)\b|[,.;(]|$)",
    re.I,
)
# "MINUTES OF THE PARISH COUNCIL MEETING", "Royal Eastbridge Town Council Meeting 21 February 2017",
# "A Parish Council meeting was held", "Council meetings will be held"
BODY_MEETING = re.compile(rf"(?P<body>(?:{_NAME_WORD}[ \t]+){{0,6}}?{_BODY})[ \t]+(?i:meetings?|minutes)\b")
_SMALL_WORDS = {"and", "of", "for", "the", "in", "on", "to", "a"}
# Words that open a phrase before a body's name ("MINUTES OF PREVIOUS PLANNING COMMISSION MEETING").
_LEADING = _SMALL_WORDS | {"agenda", "minutes", "report", "a", "an", "regular", "ordinary", "annual", "meeting", "following",
                           "previous", "last", "next"}
_HEAD_LINES = 14


@dataclass(frozen=True)
class Committee:
    name: str
    # "stated": the paper names the meeting body; "authority": only the authority's heading implies it,
    # which holds for an agenda or minutes but not for accounts under a letterhead.
    source: str


def title_case(text: str) -> str:
    words = text.split()
    if not any(w.isupper() and len(w) > 2 for w in words):
        return text.strip()
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i and lower in _SMALL_WORDS:
            out.append(lower)
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def _caps_lines(lines: Sequence[str]) -> list[str]:
    return [title_case(line) if line.isupper() else line for line in lines]


def _clean(name: str) -> str:
    words = title_case(" ".join(name.split())).split()
    while words and words[0].lower().strip(",") in _LEADING:
        words.pop(0)
    return " ".join(words).strip(" ,-–")


def _without_authority(name: str, council: str | None) -> str:
    """'Upton-cum-Marsh Parish Council' -> 'Parish Council'; 'Township of Lakeview Council' -> 'Council'."""
    if council and name.lower().startswith(council.lower()):
        rest = name[len(council):].strip()
        return rest or body_of(council)
    if council and name.lower() == council.lower():
        return body_of(council)
    named = councils_in(name)
    if named and named[0] == name:
        return body_of(name)
    return name


def _as_body(raw: str, council: str | None) -> str | None:
    """A candidate phrase as a committee name, or None when it names no body."""
    name = _clean(raw)
    if re.match(r"^(?:above|said|above-named)\s+Council$", name, re.I):
        return body_of(council)  # "a meeting of the above Council": the authority the heading names
    if _BARE_BODY.match(name):
        return title_case(re.sub(r"^the\s+", "", name, flags=re.I))
    governing = BODY_OF.search(title_case(name))
    named = [_clean(m.group(1)) for m in COMMITTEE_NAME.finditer(title_case(name))]
    named = [n for n in named if n and (len(n.split()) >= 2 or _BARE_BODY.match(n))]
    if named and governing and f"{named[-1]}{governing.group(1)[len(governing.group(1).split()[0]):]}" in title_case(name):
        # "Northshire County Board of Health": the body is what the noun governs, not the place before it.
        return governing.group(1)
    if not named:
        return governing.group(1) if governing and not councils_in(governing.group(1)) else None
    return _without_authority(named[-1] if len(named[-1]) >= len(named[0]) else named[0], council)


def _stated(lines: Sequence[str], council: str | None) -> str | None:
    for line in lines:
        for pattern in (ADDRESSEE, MEETING_OF, BODY_MEETING):
            for match in ([pattern.match(line)] if pattern is ADDRESSEE else pattern.finditer(line)):
                body = match and (_as_body(_before_date(match.group("body")), council) or _bare_heading(line, match))
                if body:
                    return body
    return None


_BARE_NOUN = re.compile(rf"^{_BODY}$")


def _bare_heading(line: str, match: re.Match) -> str | None:
    """'Commission Meeting Minutes' as a short heading line: the noun alone names the paper's body."""
    body = match.group("body").strip()
    return body if _BARE_NOUN.match(body) and match.start() == 0 and len(line.split()) <= 5 else None


# "- 4 March 2025", ", Tuesday ...", "- 3rd" whose month wrapped onto the next line.
_DATE_TAIL = re.compile(r"\s*[-–—,]?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|\d{1,2}(?:st|nd|rd|th)\s*$|[A-Z][a-z]+day\b|\d{1,2}[/.]).*$")


def _before_date(text: str) -> str:
    """'Cabinet - 4 March 2025' -> 'Cabinet'."""
    return _DATE_TAIL.sub("", text).strip()


_BODY_END = re.compile(rf"\b{_BODY}$", re.I)


def _wrapped(text: str, after: str) -> str:
    """'Board of Water and Power' over 'Commissioners': a body's name that wraps onto a short line."""
    words = after.split()
    if 0 < len(words) <= 2 and BODY_OF.match(text) and not _BODY_END.search(text) and not re.search(r"\d", after) \
            and all(w[:1].isupper() for w in words):
        return f"{text} {after.strip()}"
    return text


def _heading_body(lines: Sequence[str], council: str | None) -> Committee | None:
    """A heading line that is a body's name: 'CABINET', 'PLANNING COMMITTEE– 4 March 2025'.

    A committee's own heading wins over the authority's letterhead above it.
    """
    letterhead = None
    for line, after in zip(lines, [*lines[1:], ""]):
        text = _wrapped(_before_date(re.split(r"\s[|]\s|[–—]\s*\d", line)[0]).strip(" –-"), after)
        name = _as_body(text, council) if 0 < len(text.split()) <= 9 else None
        if not name:
            continue
        if council and _clean(text).lower() == council.lower():
            letterhead = letterhead or Committee(name, "authority")
        elif _clean(text).lower() == name.lower():
            return Committee(name, "stated")
    return letterhead


def committee_name(pages: Sequence[PageText], council: str | None = None) -> Committee | None:
    """The meeting body the paper's heading names; a body merely mentioned in the text is not its committee."""
    text_pages = [p for p in pages if p.text.strip()]
    if not text_pages:
        return None
    head = _caps_lines(page_content(text_pages[0])[:_HEAD_LINES])
    stated = _stated(head, council)
    if stated:
        return Committee(stated, "stated")
    return _heading_body(head[:8], council)


_BODY_NOUN = re.compile(r"\s+(?:Panel|Committee|Sub-Committee|Board|Forum|Commission|Assembly|Partnership|Group)$", re.I)


def _stem(committee: str) -> str:
    """'Health and Wellbeing Board' -> 'health wellbeing': the words that tell committees apart."""
    return _folded(_BODY_NOUN.sub("", committee.strip()))


def _folded(text: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", " and ")).split()
    return " ".join(w for w in words if w != "and")


def committee_from_collection(pages: list[PageText], known: Sequence[str]) -> str | None:
    """A known committee named in full in the text, else one whose distinctive words open the paper."""
    text = _folded(" ".join(p.text for p in pages))
    first_page = next((p for p in pages if p.text.strip()), None)
    opening = _folded(" ".join(page_content(first_page)[:3])) if first_page else ""
    # Only names that tell one body from another: "Council" or "Cabinet" fit any authority's papers.
    by_length = sorted({k for k in known if len(k.split()) >= 2 and not k.endswith("Council")}, key=len, reverse=True)
    for committee in by_length:
        if f" {_folded(committee)} " in f" {text} ":
            return committee
    for committee in by_length:
        stem = _stem(committee)
        if stem != _folded(committee) and len(stem) >= 6 and f" {stem} " in f" {opening} ":
            return committee
    return None

"""Who attended: the labelled lists at the head of minutes, apologies, and declarations of interest.

Two conventions for presence are common: a list of everyone present, or a list
of the whole membership where "* Denotes Member present" marks who came. In
the second, a name without an asterisk was absent.
"""
from __future__ import annotations

import re

from .pagelines import Line
from .records import Attendance, Declaration

LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z\-’' ()/]{1,60}?)\s*:\s*(?P<rest>.*)$")
ASTERISK_KEY = re.compile(r"^\*\s*Denotes\b.*present", re.I)
_ROLES = [
    ("vice_chair_in_chair", re.compile(r"vice[- ]chair(?:man)?\s+in\s+the\s+chair", re.I)),
    ("apology", re.compile(r"apolog|absent", re.I)),
    ("reserve", re.compile(r"reserve|substitute", re.I)),
    ("non_voting", re.compile(r"non[- ]voting|co-?opted|advisory|independent\s+(?:person|member)", re.I)),
    ("officer", re.compile(r"officers?|in\s+attendance|clerk", re.I)),
    ("vice_chair", re.compile(r"vice[- ]chair", re.I)),
    ("chair", re.compile(r"\bchair(?:man|person)?\b|in\s+the\s+chair|presiding", re.I)),
    ("member", re.compile(r"councillors?|members?|present|cllrs?", re.I)),
]
_TITLE = re.compile(r"^(?:Councillors?|Cllrs?\.?|Alderman|Aldermen)\s+", re.I)
_NAME_ROLE = re.compile(r"\((Chair(?:man)?|Vice[- ]Chair(?:man)?)\)", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\s{2,})\s*")
_APOLOGIES = re.compile(r"apologies\s+(?:for\s+absence\s+)?(?:were\s+)?(?:received\s+)?from\s+(?P<names>[^.]+)", re.I)
DECLARED = re.compile(
    r"(?P<who>(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,4})\s+"
    r"declared\s+(?:an?\s+|the\s+following\s+)?(?P<nature>[\w\s\-,]*?interests?)\b(?P<rest>[^.]*(?:\.\S[^.]*)*)",
)
_ITEM_REF = re.compile(r"\b(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?((?:[A-Z]{2,6}\s?)?\d{1,4}(?:/\d{2,4})?[a-z]?)", re.I)


def _role(label: str) -> str | None:
    for role, pattern in _ROLES:
        if pattern.search(label):
            return role
    return None


def _names(text: str, asterisks: bool) -> list[tuple[str, bool]]:
    """(name, marked present) pairs from one list line."""
    if asterisks:
        # "* Simon Brown * Janet Mote Anne Other": asterisks start names; a
        # name without one can only be told apart when commas separate it.
        pieces = [p for p in re.split(r"(?=\*)", text) if p.strip()]
        out = []
        for piece in pieces:
            marked = piece.lstrip().startswith("*")
            for name in _SPLIT.split(piece.strip(" *")):
                if name:
                    out.append((name, marked))
        return out
    return [(name, True) for name in _SPLIT.split(text) if name.strip()]


def _clean_name(name: str) -> tuple[str, str | None]:
    role = None
    match = _NAME_ROLE.search(name)
    if match:
        role = "vice_chair" if "vice" in match.group(1).lower() else "chair"
        name = name[: match.start()] + name[match.end() :]
    # "Fay Black (Head of Planning)": the post in brackets is not part of the name.
    name = re.sub(r"\([^)]*\)?", "", name)
    name = _TITLE.sub("", name.strip(" .*"))
    return " ".join(name.split()), role


def header_attendance(header: list[Line], meeting_id: str) -> list[Attendance]:
    """Attendance from the labelled lists before the first minute."""
    asterisks = any(ASTERISK_KEY.match(line.text) for line in header)
    out: list[Attendance] = []
    role = None
    for line in header:
        if ASTERISK_KEY.match(line.text):
            continue
        label = LABEL.match(line.text)
        if label:
            role = _role(label.group("label"))
            text = label.group("rest")
        elif role is None:
            continue
        else:
            text = line.text
        for raw, marked in _names(text, asterisks and role != "officer"):
            name, named_role = _clean_name(raw)
            if name and _looks_like_name(name):
                present = (marked or not asterisks or role == "officer") and role != "apology"
                out.append(_attendance(meeting_id, name, named_role or role, present, line.page))
    return out


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w[:1] in "(&-" for w in words)


def _attendance(meeting_id: str, name: str, role: str, present: bool, page: int) -> Attendance:
    return Attendance(
        meeting_id=meeting_id, person=name, role=role, present=present, page=page
    )


def apologies(lines: list[Line], meeting_id: str) -> list[Attendance]:
    """'Apologies for absence were received from Councillors A and B.' in the text of the minutes."""
    out = []
    for line_text, page in _joined(lines):
        for match in _APOLOGIES.finditer(line_text):
            for raw in _SPLIT.split(match.group("names")):
                name, _ = _clean_name(raw)
                if name and _looks_like_name(name):
                    out.append(_attendance(meeting_id, name, "apology", False, page))
    return out


def _joined(lines: list[Line]) -> list[tuple[str, int]]:
    """Lines joined per page, so that a sentence wrapped over lines can be matched."""
    pages: dict[int, list[str]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line.text)
    return [(" ".join(texts), page) for page, texts in pages.items()]


def declarations(lines: list[Line], meeting_id: str) -> list[Declaration]:
    out = []
    for text, page in _joined(lines):
        for match in DECLARED.finditer(text):
            member, _ = _clean_name(match.group("who"))
            item = _ITEM_REF.search(match.group("rest"))
            number = item.group(1) if item else None
            out.append(
                Declaration(
                    meeting_id=meeting_id,
                    member=member,
                    item=number,
                    nature=" ".join(match.group("nature").split()),
                    text=match.group(0).strip(),
                    page=page,
                )
            )
    return out

"""First-pass document metadata: kind, committee and meeting date, read from the text.

Unknown values stay None: a wrong meeting date is worse than none, because
later stages link documents to meetings by it.
"""
from __future__ import annotations

import re
from collections import Counter

from .dates import ISO_DATE, WORDY_DATE, find_dates, parse_date
from .records import DocumentMeta, PageText

# "Council" and "Cabinet" are left out: "<Borough> Council" names the authority, not a committee.
_BODY = r"(?:Panel|Committee|Sub-Committee|Board|Forum|Commission|Assembly|Partnership)"
_NAME_WORD = r"[A-Z][A-Za-z&'’\-]*"
_CONNECTOR = r"(?:and|of|for|the|&)"
COMMITTEE_NAME = re.compile(
    rf"\b({_NAME_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_NAME_WORD}){{0,6}}?[ \t]+{_BODY})\b"
)
_REPORT_FOR = re.compile(r"^\s*(?:REPORT\s+(?:FOR|TO)|Meeting|Committee)\s*:\s*(.+)$", re.I | re.M)
_DATE_LABEL = re.compile(
    r"^\s*(?:Date\s+of\s+(?:the\s+)?Meeting|Meeting\s+Date|Date)\s*[:\-]?\s*(.+)$", re.I | re.M
)
_MINUTES_HEADING = re.compile(r"^\s*(?:.*\bMINUTES\b.*|Minutes\s*:?)\s*$", re.M)
_AGENDA_HEADING = re.compile(r"^\s*(?:SUMMONS\s+AND\s+)?AGENDA\b", re.M)
_REPORT_SIGNS = re.compile(
    r"^\s*(?:REPORT\s+(?:FOR|TO)\s*:|Date\s+of\s+Meeting\s*:|Subject\s*:|Report\s+of\b|Recommendations?\s*:)",
    re.I | re.M,
)
_ITEM_STAMP = re.compile(r"^\s*Agenda\s+Item\s+\d+", re.I | re.M)
_STRATEGY = re.compile(r"\b(?:Strategy|Strategic\s+Plan)\b", re.I)
_SMALL_WORDS = {"and", "of", "for", "the", "in", "on", "to", "a"}
_HEAD_LINES = 12


def document_meta(pages: list[PageText], file_name: str, title: str | None = None) -> DocumentMeta:
    text_pages = [p for p in pages if p.text.strip()]
    kind = document_kind(pages, file_name, title)
    if not text_pages:
        return DocumentMeta(kind=kind, meeting_date=_date_from_file_name(file_name))
    return DocumentMeta(
        kind=kind,
        committee=committee_name(text_pages),
        meeting_date=meeting_date(text_pages, kind) or _date_from_file_name(file_name),
    )


def _head(page: PageText, lines: int = _HEAD_LINES) -> str:
    return "\n".join(page.text.strip().splitlines()[:lines])


def document_kind(pages: list[PageText], file_name: str, title: str | None = None) -> str:
    text_pages = [p for p in pages if p.text.strip()] or pages[:1]
    first = _head(text_pages[0]) if text_pages else ""
    landscape = sum(p.landscape for p in pages)
    if landscape > len(pages) / 2 and not _AGENDA_HEADING.search(first):
        return "presentation"
    if _AGENDA_HEADING.search(first):
        stamps = sum(bool(_ITEM_STAMP.search(_head(p, 4))) for p in pages[1:])
        return "agenda_pack" if stamps else "agenda"
    if _MINUTES_HEADING.search(first):
        return "minutes"
    if text_pages and len(_REPORT_SIGNS.findall(text_pages[0].text)) >= 2:
        return "report"
    name_and_title = f"{file_name} {title or ''} {first}"
    if _STRATEGY.search(name_and_title):
        return "strategy"
    if re.search(r"\bminutes\b", file_name, re.I):
        return "minutes"
    if re.search(r"\breport\b", name_and_title, re.I):
        return "report"
    return "other"


def committee_name(pages: list[PageText]) -> str | None:
    """The committee named in the document's heading, else its most repeated committee name."""
    first = pages[0].text
    labelled = _REPORT_FOR.search(first)
    if labelled:
        named = _committees_in(_title_case(labelled.group(1)))
        if named:
            return named[0]
    named = _committees_in(_title_case_caps_lines(_head(pages[0], 6)))
    if named:
        return named[0]
    counts = Counter(name for p in pages for name in _committees_in(_title_case_caps_lines(p.text)))
    if counts:
        name, n = counts.most_common(1)[0]
        return name if n >= 2 else None
    return None


def _committees_in(text: str) -> list[str]:
    """Committee names in text; a bare "the Panel" names no committee."""
    names = (_clean_committee(m.group(1)) for m in COMMITTEE_NAME.finditer(text))
    return [name for name in names if len(name.split()) >= 2]


def _clean_committee(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in _SMALL_WORDS | {"agenda", "minutes", "report"}:
        words.pop(0)
    return _title_case(" ".join(words))


def _title_case(text: str) -> str:
    words = text.split()
    if not any(w.isupper() and len(w) > 2 for w in words):
        return text.strip()
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        out.append(lower if i and lower in _SMALL_WORDS else word[:1].upper() + word[1:].lower())
    return " ".join(out)


def _title_case_caps_lines(text: str) -> str:
    return "\n".join(_title_case(line) if line.isupper() else line for line in text.splitlines())


def meeting_date(pages: list[PageText], kind: str) -> str | None:
    """The date of the meeting the document is for, when its heading states one."""
    head = "\n".join(_head(p, 30) for p in pages[:2])
    for label in _DATE_LABEL.finditer(head):
        found = parse_date(label.group(1))
        if found:
            return found
    if kind in ("minutes", "agenda", "agenda_pack"):
        # "LICENSING PANEL MINUTES 28 MARCH 2017": a full date near the heading.
        top = _head(pages[0], 8)
        dates = [iso for _, iso in find_dates(top)]
        if dates:
            return dates[0]
    return None


def _date_from_file_name(file_name: str) -> str | None:
    for pattern in (ISO_DATE, WORDY_DATE):
        if pattern.search(file_name):
            return parse_date(file_name)
    return None

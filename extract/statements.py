"""Minute text as statements: sentences that never run across a heading or a paragraph end.

Joining lines and cutting at full stops is not enough in minutes: a heading
("09.24.07 Co-option of Councillor") or a paragraph without a closing full stop
would run into the next sentence. A line opening with a number or a part label
starts a new paragraph, and so does a line after a short one that ends without
punctuation; a numbered heading standing alone is no statement, and a run-in
heading ("2647. Approval of minutes:") is cut off its text.
"""
from __future__ import annotations

import re

from .pagelines import Line, Passage, sentences

NUMBERED = re.compile(r"^\(?\d[\d./]*\)?\.?\s+[A-Z(“\"'£]")
LABEL = re.compile(r"^(?:\((?:\d{1,2}|[a-z])\)|[a-z][.)]):?\s+")
RUN_IN_HEADING = re.compile(r"^\(?\d[\d./]*\)?\.?\s+(?:[^:.]{2,90}?(?::-?|\s[-–])\s+(?=\S))?")
_HEADING = re.compile(r"^\(?\d[\d./ ]*\)?\.?\s+[A-Z][^.;:]*$")


def paragraphs(lines: list[Line], width: float) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        previous = groups[-1][-1].text.rstrip() if groups else ""
        open_end = previous and not re.search(r"[.,;:\-–(&]$", previous) and len(previous) < 0.6 * width
        if not groups or NUMBERED.match(line.text) or LABEL.match(line.text) or (open_end and line.text[:1].isupper()):
            groups.append([])
        groups[-1].append(line)
    return groups


def statements(lines: list[Line], width: float) -> list[tuple[str, int]]:
    """(sentence, page) in order, headings left out."""
    out = []
    for group in paragraphs(lines, width):
        first = group[0]
        if _HEADING.match(first.text) and len(first.text) < 0.75 * width:
            group = group[1:]
        else:
            group = [Line(first.page, RUN_IN_HEADING.sub("", first.text, count=1))] + group[1:]
        if group:
            out.extend(sentences(Passage.of(group)))
    return out

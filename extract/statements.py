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
RUN_IN_HEADING = re.compile(r"^\(?\d[\d./]*\)?\.?\s+(?:[^:.]{2,90}?(?::-?|\s[-–])(?:\s+|$))?")
_ABBREVIATION = re.compile(r"(?:^|\s|\()(?:Ch|No|Nos|Co|Ref|St|Cllrs?|Mr|Mrs|Ms|Dr|Rd|Tel|approx|para|paras|[A-Z])\.$")
# Words that open a sentence, not a name running on from the line before.
_OPENER = re.compile(r"^(?:The|This|These|It|There|All|We|He|She|They|Following|Councillors|Members)\b")
_HEADING = re.compile(r"^\(?\d[\d./ ]*\)?\.?\s+[A-Z][^.;:]*$")
CLOSING = re.compile(r"^(?i:(?:The\s+)?meeting\s+(?:closed|ended))\b|^Signed\b")


def paragraphs(lines: list[Line], width: float) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        previous = groups[-1][-1].text.rstrip() if groups else ""
        open_end = previous and not re.search(r"[.,;:\-–(&]$", previous) and len(previous) < 0.6 * width
        unpunctuated = previous and not re.search(r"[.,;:\-–(&]$", previous)
        opener = unpunctuated and _OPENER.match(line.text)
        if not groups or CLOSING.match(line.text) or NUMBERED.match(line.text) or LABEL.match(line.text) or opener or (open_end and line.text[:1].isupper()):
            groups.append([])
        groups[-1].append(line)
    return groups


def statements(lines: list[Line], width: float) -> list[tuple[str, int]]:
    """(sentence, page) in order, headings left out."""
    out = []
    for group in paragraphs(lines, width):
        first = group[0]
        heading = _HEADING.match(first.text) and (len(group) == 1 or len(first.text) < 0.75 * width)
        if heading:
            # A heading is a statement of its own, never the start of the next sentence.
            out.append((RUN_IN_HEADING.sub("", first.text, count=1).strip(), first.page))
            group = group[1:]
        else:
            group = [Line(first.page, RUN_IN_HEADING.sub("", first.text, count=1))] + group[1:]
        if group:
            out.extend(_whole(sentences(Passage.of(group))))
    return out


def _whole(found: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Sentences cut after an abbreviation ('Ch. No. 101151') joined again."""
    out: list[tuple[str, int]] = []
    for sentence, page in found:
        if out and _ABBREVIATION.search(out[-1][0]):
            out[-1] = (f"{out[-1][0]} {sentence}", out[-1][1])
        else:
            out.append((sentence, page))
    return out

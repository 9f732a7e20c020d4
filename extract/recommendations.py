"""Recommendations: what an officer report asks the committee to do, what an
inspection report tells the council to improve, action-plan rows, and a
strategy's "We will:" commitments (each a distinct kind).
"""
from __future__ import annotations

import re

from .decisions import full_width, split_numbered_parts
from .numbering import longest_sequence
from .pagelines import Line, Passage, sentences
from .records import Part, Recommendation

LABEL = re.compile(
    r"^(?:RECOMMENDATIONS?|Recommendations?|Recommendation\(s\)|RECOMMENDATION\(S\))(?:\s+for\s+decision)?"
    r"\s*(?P<colon>[:\-–])?\s*(?P<rest>.*)$"
)
# The improvement list of an inspection report has a heading of its own.
INSPECTION_HEADING = re.compile(r"^(?:Recommendations|What\s+needs\s+to\s+improve\b.*|Areas\s+for\s+(?:improvement|development))\s*\??$", re.I)
ASK = re.compile(r"^(?:That\b|To\b|The\s+\w+(?:\s+\w+)?\s+(?:is|are)\s+(?:asked|requested|recommended|invited)\b)", re.I)
ANY_LABEL = re.compile(r"^[A-Z][A-Za-z ()/&,\-’']{1,50}:(?:\s|$)")
STOP_LINE = re.compile(r"^(?:Section\s+\d|Reasons?\b|Options?\s+considered|Background\b|\d+(?:\.\d+)*\s+[A-Z][a-z]+\s*$)", re.I)
NUMBERED = re.compile(r"^(?:\((?P<p>\d{1,3}|[a-z]|[ivx]{1,4})\)|(?P<d>\d{1,3}|[a-z])[.)])\s+(?P<text>\S.*)$")
ROW = re.compile(r"^(?P<d>\d{1,2})\.?\s+(?P<text>[A-Z].*)$")
WE_WILL = re.compile(r"\bwe\s+will\s*:\s*$", re.I)
BULLET = re.compile(r"^[•▪●◦\-–]\s+(?P<text>\S.*)$")


def _is_heading(line: str, width: float, previous_text: str) -> bool:
    """A short line without closing punctuation after a finished sentence: a new heading."""
    return (
        len(line) < 0.8 * width
        and not re.search(r"[.,;:)]$", line)
        and previous_text.rstrip().endswith((".", ":", ";"))
        and line[:1].isupper()
    )


def _numbered_items(lines: list[Line], width: float) -> list[tuple[str, str, int]]:
    """(number, text, page) of a numbered list starting at lines[0], up to the first heading."""
    items: list[list] = []
    for line in lines:
        match = NUMBERED.match(line.text)
        if match:
            items.append([match.group("p") or match.group("d"), match.group("text"), line.page])
            continue
        if not items or ANY_LABEL.match(line.text) or STOP_LINE.match(line.text):
            break
        if _is_heading(line.text, width, items[-1][1]):
            break
        items[-1][1] += " " + line.text
    numbered = longest_sequence(items, key=lambda item: item[0])
    return [tuple(item) for item in numbered if numbered and numbered[0] is items[0]]


def _paragraph(label_line: Line, rest: str, lines: list[Line], width: float) -> str:
    """The label's own text plus its wrapped continuation, up to the paragraph end.

    The last line of a paragraph ends with a full stop short of the margin.
    """
    text, last = rest, label_line.text
    for line in lines:
        labelled = ANY_LABEL.match(line.text) and not ASK.match(line.text)  # "That the Committee:" opens
        if labelled or STOP_LINE.match(line.text) or _is_heading(line.text, width, text or "."):
            break
        paragraph_over = last.endswith(".") and len(last) < 0.8 * width
        if text and paragraph_over and not NUMBERED.match(line.text):
            break
        text, last = f"{text} {line.text}".strip(), line.text
    return text


def report_recommendations(lines: list[Line], part: Part | None, source: str) -> list[Recommendation]:
    width = full_width(lines)
    kind = "inspection" if part and part.kind == "inspection_report" else "report"
    out: list[Recommendation] = []
    for index, line in enumerate(lines):
        label = LABEL.match(line.text)
        heading = INSPECTION_HEADING.match(line.text)
        if not (label or heading):
            continue
        rest = label.group("rest") if label else ""
        if label and not label.group("colon") and rest:
            continue  # "Recommendations 8" in a contents list
        following = lines[index + 1 : index + 120]
        if not rest and following and NUMBERED.match(following[0].text):
            for number, text, page in _numbered_items(following, width):
                out.append(_record(part, kind, source, number, text, page))
        elif label and (label.group("colon") or (following and ASK.match(following[0].text))):
            first_page = line.page if rest else (following[0].page if following else line.page)
            text = _paragraph(line, rest, following, width)
            for number, part_text in split_numbered_parts(text):
                if part_text:
                    out.append(_record(part, kind, source, number, part_text, first_page))
    return out


def action_plan_rows(lines: list[Line], part: Part | None, source: str) -> list[Recommendation]:
    """Numbered rows of an action plan: the recommendation cell, up to its first full stop."""
    starts = [i for i, line in enumerate(lines) if ROW.match(line.text)]
    chain = longest_sequence(starts, key=lambda i: ROW.match(lines[i].text).group("d"))
    out = []
    for start in chain:
        text = ROW.match(lines[start].text).group("text")
        for line in lines[start + 1 : start + 12]:
            if text.endswith("."):
                break
            text += " " + line.text
        out.append(_record(part, "action_plan", source, ROW.match(lines[start].text).group("d"), text, lines[start].page))
    return out


def commitments(lines: list[Line], part: Part | None, source: str) -> list[Recommendation]:
    """'To do this we will:' followed by numbered or bulleted pledges; each pledge's first sentence."""
    width = full_width(lines)
    out = []
    for index, line in enumerate(lines):
        if not WE_WILL.search(line.text):
            continue
        following = lines[index + 1 : index + 150]
        if following and NUMBERED.match(following[0].text):
            items = _numbered_items(following, width)
        else:
            items = _bullets(following)
        for number, text, page in items:
            first = sentences(Passage.of([Line(page, text)]))[0][0]
            out.append(_record(part, "strategy", source, number, first, page))
    return out


def _bullets(lines: list[Line]) -> list[tuple[str | None, str, int]]:
    items: list[list] = []
    for line in lines:
        match = BULLET.match(line.text)
        if match:
            items.append([None, match.group("text"), line.page])
        elif items and not items[-1][1].endswith("."):
            items[-1][1] += " " + line.text
        else:
            break
    return [tuple(item) for item in items]


def _record(part: Part | None, kind: str, source: str, number: str | None, text: str, page: int) -> Recommendation:
    text = " ".join(text.split())
    part_id = part.id if part else None
    return Recommendation(
        part_id=part_id,
        document=part.document if part else "",
        kind=kind,
        source=source,
        number=number,
        text=text,
        page=page,
    )

"""Minute items: the numbered (or "Minutes:"-labelled) sections of a meeting's minutes.

Headings come from headings.py (numbering and layout together: "135.
Membership", "09.24.01 Apologies", "CAB 23/45 Budget", a bold heading over
"(Item 4)"). Unnumbered ModernGov extracts ("Title" / "Minutes:" / text) give
items with number None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .headings import find_headings
from .itemnumbers import numbered_line
from .pagelines import Line
from .records import PageText
from .profiles.moderngov import MINUTES_LABEL

# Lines that close a set of minutes or an extract rather than belonging to its last item.
END_MARKER = re.compile(
    r"^(?:\(Note:\s+The meeting.*|\(Signed\).*|Supporting documents\s*:?.*|"
    r"(?:The\s+)?meeting\s+(?:was\s+)?(?:closed|ended|finished|adjourned)\s+at\b.*|Chair(?:man)?\s*:?\s*\.{3,}.*|Signed\s*\.{3,}.*|"
    # a signature line: "Mayor:", "Jane Smith, Chairperson:", "Municipal Administrator:"
    r"(?:[A-Z][\w.'’-]*\s+){0,3}(?:[A-Z][\w.'’-]*,\s+)?(?:[A-Z][a-z]+\s+)?(?:Chair(?:person|man|woman)?|Mayor|Reeve|Secretary|Clerk|Administrator)\s*:)$",
    re.I,
)
# Section headings between items ("RESOLVED ITEMS", "PART II - EXEMPT") are not items.
SECTION_HEADING = re.compile(
    r"^(?:(?:RESOLVED|RECOMMENDED|DELEGATED|EXECUTIVE|OTHER)\s+ITEMS?|PART\s+[I1V]+\b.*|"
    r"(?:ITEMS?\s+)?FOR\s+(?:DECISION|INFORMATION)|[A-Z ]+\s+ITEMS)\s*$"
)


@dataclass
class MinuteBlock:
    number: str | None
    title: str
    heading_page: int
    body: list[Line]


def _trim_body(body: list[Line]) -> list[Line]:
    """Drop section headings and everything from the closing note or signature on."""
    kept = []
    for line in body:
        if END_MARKER.match(line.text):
            break
        if not SECTION_HEADING.match(line.text):
            kept.append(line)
    return kept


def numbered_blocks(lines: list[Line]) -> tuple[list[Line], list[MinuteBlock]]:
    """(header lines before the first item, the numbered items)."""
    headings = find_headings(lines, run_in=True)
    if not headings:
        return lines, []
    blocks = []
    for position, heading in enumerate(headings):
        stop = headings[position + 1].index if position + 1 < len(headings) else len(lines)
        body = _run_in(lines[heading.index], heading) + lines[heading.body_start : stop]
        blocks.append(MinuteBlock(heading.number, heading.title, heading.page, _trim_body(body)))
    return lines[: headings[0].index], blocks


def _run_in(line: Line, heading) -> list[Line]:
    """The text a heading runs into on its own line ('Apologies: Cllr Oak.'): the item's first words."""
    before, found, rest = line.text.partition(heading.title) if heading.title else ("", "", "")
    rest = rest.strip().lstrip(":–—-").strip()
    return [Line(line.page, rest)] if found and rest else []


def labelled_blocks(lines: list[Line]) -> tuple[list[Line], list[MinuteBlock]]:
    """Items printed as 'Title' then 'Minutes:' then the text (ModernGov extracts)."""
    labels = [i for i, line in enumerate(lines) if MINUTES_LABEL.match(line.text) and i > 0]
    blocks = []
    for position, label in enumerate(labels):
        stop = labels[position + 1] - 1 if position + 1 < len(labels) else len(lines)
        heading = lines[label - 1]
        numbered = numbered_line(heading.text)
        number = numbered.number.text if numbered else None
        title = numbered.title if numbered else heading.text
        rest = MINUTES_LABEL.match(lines[label].text).group("rest")
        body = ([Line(lines[label].page, rest)] if rest else []) + lines[label + 1 : stop]
        blocks.append(MinuteBlock(number, title.strip(), heading.page, _trim_body(body)))
    header = lines[: labels[0] - 1] if labels else lines
    return header, blocks


def minute_blocks(lines: list[Line]) -> tuple[list[Line], list[MinuteBlock]]:
    """The header (attendance etc.) and the items of one set of minutes."""
    header, blocks = numbered_blocks(lines)
    labelled_header, labelled = labelled_blocks(lines)
    # An extract may carry a single numbered heading; the "Minutes:" labels are the surer sign.
    if len(labelled) >= max(1, len(blocks)) or (len(blocks) < 2 and labelled):
        return labelled_header, labelled
    if len(blocks) < 2:
        bulleted_header, bulleted = bulleted_blocks(lines)
        if len(bulleted) > len(blocks):
            return bulleted_header, bulleted
    if blocks:
        header, opening = opening_blocks(header)
        blocks = opening + blocks
    return header, blocks


# "Declarations of Interest: There were none", "Committee Reports:" after the attendance and before
# the first numbered item: the meeting's opening business, minuted under a label, not a number.
_LABEL_LINE = re.compile(r"^(?P<label>[A-Z][\w’'/&-]*(?:\s+[\w’'/&-]+){0,5})\s*:\s*(?P<rest>.*)$")
_ATTENDANCE = re.compile(
    r"\b(?:present|attendance|attending|absent|regrets|staff|guests?|members?|officers?|officials|visitors?|gallery)\b|"
    r"^(?:public|press|councillors?)$", re.I)
# labels that are not business: a person ("Councillor A: ..."), an officer, the meeting's particulars
_NOT_BUSINESS = re.compile(
    r"^(?:Councillor|Cllr|Mayor|Deputy|Reeve|Mr|Mrs|Ms|Miss|Dr|Chair(?:man|person|woman)?|Vice|Clerk|Secretary|"
    r"Minutes|Date|Time|Venue|Place|Location|Meeting|Note|Notes)\b", re.I)


def opening_blocks(header: list[Line]) -> tuple[list[Line], list[MinuteBlock]]:
    """(the header without them, the labelled items between the attendance and the first numbered item)."""
    labels = [(i, m) for i, line in enumerate(header) if (m := _LABEL_LINE.match(line.text))]
    attendance = next((i for i, m in labels if _ATTENDANCE.search(m.group("label"))), None)
    if attendance is None:
        return header, []
    starts = [(i, m) for i, m in labels if i > attendance and not _ATTENDANCE.search(m.group("label"))
              and not _NOT_BUSINESS.match(m.group("label"))]
    blocks = []
    for position, (index, match) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else len(header)
        rest = [Line(header[index].page, match.group("rest"))] if match.group("rest") else []
        blocks.append(MinuteBlock(None, match.group("label").strip(), header[index].page, rest + header[index + 1 : stop]))
    return (header[: starts[0][0]] if starts else header), blocks


_BULLET = re.compile(r"^[•▪●■◦\uf0b7\uf0a7\uf076\uf0d8]\s*(?P<title>\S.*)$")
_MAX_TITLE_WORDS = 8


def bulleted_blocks(lines: list[Line]) -> tuple[list[Line], list[MinuteBlock]]:
    """Minutes kept as a bulleted outline: the outermost bullets set bold are the items' headings,
    the bullets under them their text. Lines without typography never qualify."""
    bullets = [(i, m) for i, line in enumerate(lines) if line.words and (m := _BULLET.match(line.text.strip()))]
    if not bullets:
        return lines, []
    column = min(lines[i].x0 for i, _ in bullets)
    heads = [(i, m.group("title").strip()) for i, m in bullets
             if lines[i].bold and abs(lines[i].x0 - column) < 2 and len(m.group("title").split()) <= _MAX_TITLE_WORDS
             and not END_MARKER.match(m.group("title").strip())]
    if len(heads) < 2:
        return lines, []
    blocks = []
    for position, (index, title) in enumerate(heads):
        stop = heads[position + 1][0] if position + 1 < len(heads) else len(lines)
        blocks.append(MinuteBlock(None, title, lines[index].page, _trim_body(lines[index + 1 : stop])))
    return lines[: heads[0][0]], blocks


def refine_minute_items(mentions: list, minute_items, pages: list[PageText]) -> None:
    """Several minute items can share a page: give each mention the item whose heading precedes it."""
    text_of = {p.number: p.text for p in pages}
    starts = []
    for item in minute_items:
        position = text_of.get(item.page, "").find(item.title) if item.title else -1
        starts.append(((item.page, max(position, 0)), item))
    starts.sort(key=lambda pair: pair[0])
    for mention in mentions:
        here = (mention.page, mention.start)
        before = [item for start, item in starts if start <= here and mention.page <= item.last_page]
        if before:
            mention.item_id = before[-1].id

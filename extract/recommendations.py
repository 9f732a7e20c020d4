"""Recommendations: what an officer report asks the committee to do, what an
inspection report tells the council to improve, action-plan rows, and a
strategy's "We will:" commitments (each a distinct kind).
"""
from __future__ import annotations

import re

from .decision_parts import split_parts, tidy
from .decisions import full_width
from .numbering import longest_sequence
from .pagelines import Line, Passage, sentences
from .records import Part, Recommendation

LABEL = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:Recommendation\(s\)|RECOMMENDATION\(S\)|RECOMMENDATIONS?|Recommendations?)(?:\s+for\s+decision)?"
    r"\s*(?P<colon>[:\-–])?\s*(?P<rest>.*)$"
)
# The improvement list of an inspection report has a heading of its own.
INSPECTION_HEADING = re.compile(r"^(?:Recommendations|What\s+needs\s+to\s+improve\b.*|Areas\s+for\s+(?:improvement|development))\s*\??$", re.I)
# "Cabinet is asked to", "The Committee is recommended to", "It is recommended that", "That ...".
ASKED = re.compile(
    r"^(?:(?:The\s+)?[A-Z][\w&’'-]*(?:\s+[A-Z&][\w&’'-]*){0,4}\s+(?:is|are)\s+(?:therefore\s+)?(?i:asked|requested|recommended|invited)\s+to"
    r"|It\s+is\s+(?:therefore\s+)?(?i:recommended)\s+that)\b\s*"
)
ASK = re.compile(rf"^(?:That\b|To\b|{ASKED.pattern[1:]})", re.I)
# "Council is recommended to approve the recommendations in section 2" restates, it does not recommend.
RESTATEMENT = re.compile(r"\b(?:the|these|above)\s+recommendations\b", re.I)
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
    """Each part of what a report formally recommends; a restated list (a summary box and
    the report's own section) is kept once, as first stated."""
    width = full_width(lines)
    kind = "inspection" if part and part.kind == "inspection_report" else "report"
    # An agenda's "Members are asked to note ..." is housekeeping; only a paper recommends unlabelled.
    asks_alone = not (part and part.kind == "agenda")
    found: list[tuple[str | None, str, int]] = []
    used: set[int] = set()
    for index, line in enumerate(lines):
        if index in used:
            continue
        label = LABEL.match(line.text)
        heading = INSPECTION_HEADING.match(line.text)
        if label or heading:
            rest = label.group("rest") if label else ""
            if label and not label.group("colon") and rest:
                continue  # "Recommendations 8" in a contents list
            found += _under_label(line, rest, lines, index, width, used)
        elif asks_alone and _standalone_ask(line.text):
            end = _sentence_end(lines, index)
            used.update(range(index, end))
            found.append((None, _without_ask(" ".join(l.text for l in lines[index:end])), line.page))
    return [_record(part, kind, source, number, text, page) for number, text, page in _first_statements(found)]


def _under_label(line: Line, rest: str, lines: list[Line], index: int, width: float, used: set[int]):
    """What a 'Recommendation(s):' label introduces: a lettered list (after any lead-in) or a paragraph."""
    following = lines[index + 1 : index + 160]
    start = 0
    if not rest and following and _lead_in(following[0].text):
        start = 1  # "Cabinet is asked to:" / "Council is recommended to approve: -"
    if not rest and len(following) > start and NUMBERED.match(following[start].text):
        items = _listed(following[start:], width)
        used.update(range(index + 1, index + 1 + start + max((i for _, _, _, i in items), default=0) + 1))
        return [(number, text, page) for number, text, page, _ in items]
    if rest or (following and ASK.match(following[0].text)):
        first_page = line.page if rest else following[0].page
        text = _without_ask(_paragraph(line, rest, following, width))
        used.update(range(index, index + 1 + _lines_in(text, following)))
        return [(number, part_text, first_page) for number, part_text in split_parts(text) if part_text]
    return []


def _listed(lines: list[Line], width: float) -> list[tuple[str | None, str, int, int]]:
    """(number, text, page, last line index) of a lettered or numbered recommendation list.

    Each item is its first sentence: explanation that follows before the next
    label is not recommended. An ask sentence printed between items (a summary
    box laid out inside the list) is a recommendation of its own.
    """
    items: list[list] = []
    closed, last = False, None
    for position, line in enumerate(lines):
        match = NUMBERED.match(line.text)
        label = match and (match.group("p") or match.group("d"))
        if match and (last is None or _successor(last, label)):
            items.append([label, match.group("text"), line.page, position])
            last = label
            closed = line.text.rstrip().endswith(".")
            continue
        if _lead_in(line.text) and position + 1 < len(lines) and NUMBERED.match(lines[position + 1].text):
            last, closed = None, True  # "The Council is asked to:" opens a second list
            continue
        # Explanation lines under an item run near the full width; a heading is short.
        heading = _is_heading(line.text, 0.75 * width, items[-1][1] if items else ".")
        if match or ANY_LABEL.match(line.text) or STOP_LINE.match(line.text) or heading:
            break
        if _standalone_ask(line.text):
            end = _sentence_end(lines, position)
            items.append([None, _without_ask(" ".join(l.text for l in lines[position:end])), line.page, end - 1])
            items[-1].append(True)
            closed = True
            continue
        if not closed and items and len(items[-1]) == 4:
            items[-1][1] += " " + line.text
            closed = line.text.rstrip().endswith(".")
        if items:
            items[-1][3] = max(items[-1][3], position)
    numbered = [item for item in items if item[0] is not None]
    if len(numbered) < 2 and not (numbered and numbered[0][0] in ("1", "a", "i")):
        return []
    return [(item[0], tidy(item[1]), item[2], item[3]) for item in items]


def _successor(previous: str | None, label: str) -> bool:
    if previous.isdigit() and label.isdigit():
        return int(label) == int(previous) + 1
    for sequence in ("abcdefghijklmnopqrstuvwxyz",):
        if previous in sequence and label in sequence:
            return sequence.index(label) == sequence.index(previous) + 1
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    return previous in romans and label in romans and romans.index(label) == romans.index(previous) + 1


def _lead_in(text: str) -> bool:
    """'Cabinet is asked to:', 'Council is recommended to approve: -': a list follows."""
    return bool(ASK.match(text)) and text.rstrip(" -–").endswith(":")


def _standalone_ask(text: str) -> bool:
    """'Council is recommended to approve ...' as a sentence of its own, not a lead-in to a list."""
    return bool(ASKED.match(text)) and not text.rstrip(" -–").endswith(":") and not RESTATEMENT.search(text)


def _sentence_end(lines: list[Line], start: int) -> int:
    index = start
    while index < len(lines) and not lines[index].text.rstrip().endswith("."):
        index += 1
    return min(index + 1, len(lines))


def _without_ask(text: str) -> str:
    return ASKED.sub("", text.strip(), count=1).strip()


def _lines_in(text: str, following: list[Line]) -> int:
    taken, count = 0, 0
    for line in following:
        if taken >= len(text):
            break
        taken += len(line.text) + 1
        count += 1
    return count


def _first_statements(found: list[tuple[str | None, str, int]]) -> list[tuple[str | None, str, int]]:
    """Drop a recommendation stated again: the same number, or the same words, met before."""
    kept: list[tuple[str | None, str, int]] = []
    for number, text, page in found:
        if number is not None and any(number == k[0] and _overlapping(text, k[1]) for k in kept):
            continue
        if number is None and any(_similar(text, k[1]) for k in kept):
            continue
        kept.append((number, text, page))
    return kept


def _overlapping(a: str, b: str) -> bool:
    """Most words of the shorter text are in the longer: the same recommendation, shortened or not."""
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    return bool(words_a and words_b) and len(words_a & words_b) >= 0.6 * min(len(words_a), len(words_b))


def _similar(a: str, b: str) -> bool:
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    return bool(words_a) and len(words_a & words_b) >= 0.8 * max(len(words_a), len(words_b))


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

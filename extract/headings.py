"""Item headings of an agenda or a set of minutes, found by numbering and layout together.

Every line that opens with an item number is a candidate, and so is an
unnumbered heading set over an "(Item N)" line. Candidates score on how papers
set headings: type heavier or larger than the document's body text, in the
heading column rather than indented like a numbered paragraph, white space
above, an "(Item N)" line under them. The headings are the best-scoring
sequence whose numbers rise (itemnumbers.py); a new sequence may start on a
later page (an annual meeting, then an ordinary one) at a cost. Numbered
paragraphs inside items, plain and indented where the headings are bold, cost
more than they bring. Lines without typography (old stores, text-only tests)
score on numbering alone. Titles: titles.py.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .itemnumbers import ItemNumber, item_reference, numbered_line, outline_line, outline_number
from .layout import BodyStyle, body_style, same_block, words_from
from .pagelines import Line
from .titles import Wraps, heading_title, tidy

# A new sequence (another meeting's items) starts on a new page and costs about two items' worth,
# so a numbered list inside an item is not one. Without typography nothing tells a second
# meeting from a numbered list, so there is one sequence.
_RESTART = 2.5
# 0: a number printed twice; worth keeping only for a line set as a heading, so table rows
# repeating a year or a date never chain.
_STEP_COST = {0: 1.5, 1: 0.0, 2: 0.2, 3: 0.4}
# "1. Sue Anderson 2. Ameet Jogia": a two-column list, not a heading.
_TWO_COLUMN = re.compile(r"\s\d{1,2}\.\s+[A-Z]")
# "Resolution No. 2024-84 Moved by A, seconded by B that ...": a motion's paragraph, its number a record's.
_MOTION_TEXT = re.compile(r"^[-–—:]?\s*(?:Moved|Proposed)\s+by\b", re.I)


@dataclass
class Heading:
    index: int  # the heading's first line
    number: str | None
    title: str
    page: int
    body_start: int  # first line after the title and any "(Item N)" line


@dataclass
class _Candidate:
    index: int
    page: int
    number: ItemNumber
    title_start: int  # offset of the title in the line's text
    reference: int | None = None  # index of an "(Item N)" line under the heading
    unnumbered: bool = False  # numbered only by its "(Item N)" line
    open_ended: bool = False  # reads like a list entry unless set as a heading
    motion: bool = False  # a numbered motion's paragraph
    strong: bool = False
    value: float = 1.0  # what it adds to a sequence (find_headings and _Layout.score set it)


def find_headings(lines: list[Line], wraps: Wraps | None = None, run_in: bool = False) -> list[Heading]:
    """The item headings of `lines`, in order. wraps says when a plain title runs onto the next line;
    run_in, that a plain heading may run into its text after a colon ('Apologies: Cllr Smith.')."""
    candidates = _candidates(lines)
    if not candidates:
        return []
    sub_items = _sub_items(candidates)
    # Where other lines number the items, a numbered motion's paragraph is a record inside one.
    enclosed = not all(c.motion for c in candidates)
    for position, c in enumerate(candidates):
        c.value = 1.0 + 0.5 * (c.reference is not None) - 2.0 * (position in sub_items) - 1.0 * (c.motion and enclosed)
    layout = _Layout.of(lines, candidates)
    if layout:
        layout.score(lines, candidates)
    candidates = [c for c in candidates if c.strong or not c.open_ended]
    chain = _best_sequence(candidates, restart=_RESTART if layout else None)
    if layout:
        chain = layout.fill_misprints(chain, candidates)
    return _headings(lines, chain, layout, wraps, run_in)


# --- candidates ---


def _candidates(lines: list[Line]) -> list[_Candidate]:
    found: dict[int, _Candidate] = {}
    for index, line in enumerate(lines):
        numbered = numbered_line(line.text)
        if numbered and not _TWO_COLUMN.search(numbered.title):
            found[index] = _Candidate(index, line.page, numbered.number, numbered.title_start, open_ended=numbered.open_ended,
                                      motion=bool(_MOTION_TEXT.match(numbered.title)))
    found = _outline_candidates(lines, list(found.values())) or found
    _drop_running_heads(lines, found)
    for index, line in enumerate(lines):
        number = item_reference(line.text) if index else None
        if number is None:
            continue
        if index - 1 in found:
            found[index - 1].reference = index
            continue
        start = _heading_start(lines, index)
        if start is not None and start not in found:
            found[start] = _Candidate(start, lines[start].page, ItemNumber(number, "", (int(number),)), 0, index, unnumbered=True)
    return [found[i] for i in sorted(found)]


def _outline_candidates(lines: list[Line], numbered: list[_Candidate]) -> dict[int, _Candidate] | None:
    """Capital letters or Roman numerals number the top level when they run once through the paper
    (A, B, C ... never starting over) while the Arabic numbers start over under them; of two such
    families the one opening first is the outer ("I. ROLL CALL" before "A. COMMITTEE ...")."""
    if not _starts_over([c.number for c in numbered]):
        return None
    labelled = [(index, found) for index, line in enumerate(lines) if (found := outline_line(line.text))]
    best = None
    for family in ("roman", "letter"):
        run = [(index, outline_number(label, family), start) for index, (label, _, start) in labelled]
        run = [(index, number, start) for index, number, start in run if number]
        if len(run) >= 4 and run[0][1].groups[0] <= 2 and _rises_once([number for _, number, _ in run]):
            best = run if best is None or run[0][0] < best[0][0] else best
    return {index: _Candidate(index, lines[index].page, number, start) for index, number, start in best} if best else None


def _rises_once(numbers: list[ItemNumber]) -> bool:
    return all(after.step_from(before) not in (None, 0) for before, after in zip(numbers, numbers[1:]))


def _starts_over(numbers: list[ItemNumber]) -> bool:
    """At most one Arabic number (a stray date), or one lower than the one before it or a second 1
    (1, 2, 3, 1, 2 ...)."""
    heads = [n.groups[0] for n in numbers if n.groups and not n.prefix]
    return len(heads) < 2 or any(after < before or after == before == 1 for before, after in zip(heads, heads[1:]))


def _drop_running_heads(lines: list[Line], found: dict[int, _Candidate]) -> None:
    """'12 Cabinet 4 March 2025' at the top of page after page is a running head, not an item."""
    pages: dict[str, set[int]] = {}
    for index, c in found.items():
        pages.setdefault(_unnumbered(lines[index].text[c.title_start :]), set()).add(lines[index].page)
    for index in [i for i, c in found.items() if len(pages[_unnumbered(lines[i].text[c.title_start :])]) >= 3]:
        del found[index]


def _unnumbered(text: str) -> str:
    return re.sub(r"[\d\W]+", " ", text).strip().lower()


def _heading_start(lines: list[Line], reference: int) -> int | None:
    """First line of the unnumbered heading set over an '(Item N)' line."""
    start = reference - 1
    if item_reference(lines[start].text):
        return None
    while start > 0 and lines[start].words and same_block(lines[start - 1], lines[start]) and lines[start - 1].bold:
        start -= 1
    return start


# --- layout scoring ---


@dataclass
class _Layout:
    style: BodyStyle
    column: float  # left edge of the heading column
    has_strong: bool = False

    @classmethod
    def of(cls, lines: list[Line], candidates: list[_Candidate]) -> "_Layout | None":
        """None without typography. Body text is what the candidates are not: short agendas are mostly headings."""
        heads = {c.index for c in candidates}
        with_words = [lines[i] for i in sorted(heads) if lines[i].words]
        if not with_words:
            return None
        style = body_style([w for i, line in enumerate(lines) if i not in heads for w in line.words])
        style = style or body_style([w for line in with_words for w in line.words])
        return cls(style, _column([round(line.x0) for line in with_words]))

    def strong(self, line: Line, title_start: int) -> bool:
        words, _ = words_from(line, title_start)
        first = words[0] if words else (line.words[0] if line.words else None)
        return first is not None and (self.style.emphasised(first) or line.size > self.style.size * 1.1)

    def indented(self, line: Line) -> bool:
        return line.x0 > self.column + 0.8 * self.style.size

    def score(self, lines: list[Line], candidates: list[_Candidate]) -> None:
        """Set as a heading: +1; indented like a paragraph: -1; plain where other candidates are set as
        headings: -0.5; white space above: +0.5."""
        indented = {}
        for c in candidates:
            line = lines[c.index]
            c.strong = bool(line.words) and self.strong(line, c.title_start)
            indented[c.index] = bool(line.words) and self.indented(line)
        self.has_strong = any(c.strong and not indented[c.index] for c in candidates)
        for c in candidates:
            line = lines[c.index]
            spaced = bool(line.words) and line.gap >= 0.6 * self.style.size
            c.value += c.strong - indented[c.index] - 0.5 * (self.has_strong and not c.strong) + 0.5 * spaced

    def fill_misprints(self, chain: list[_Candidate], candidates: list[_Candidate]) -> list[_Candidate]:
        """'55', '6', '57': a heading set like its neighbours where the sequence misses one number."""
        out = chain[:1]
        for before, after in zip(chain, chain[1:]):
            if after.number.step_from(before.number) == 2:
                between = [c for c in candidates if before.index < c.index < after.index and self._set_like(c, before)]
                if len(between) == 1:
                    out.append(between[0])
            out.append(after)
        return out

    def _set_like(self, candidate: _Candidate, model: _Candidate) -> bool:
        return (
            candidate.strong == model.strong
            and candidate.value >= model.value - 0.5
            and len(candidate.number.groups) == len(model.number.groups)
            and candidate.number.prefix == model.number.prefix
        )


def _column(xs: list[int]) -> float:
    """The leftmost x that at least two lines share (one stray line does not make a column)."""
    counts = Counter(xs)
    shared = [x for x, n in counts.items() if n >= 2]
    return float(min(shared or xs))


def _sub_items(candidates: list[_Candidate]) -> set[int]:
    """Positions of '05.25.18.1' after '05.25.18', '8.2' after '8': decimal parts of the item above."""
    latest: dict[tuple[str, int], tuple[int, ItemNumber]] = {}  # (prefix, parts) -> the latest such number
    out = set()
    for position, c in enumerate(candidates):
        number = c.number
        shorter = [v for (prefix, parts), v in latest.items() if prefix == number.prefix and parts < len(number.groups)]
        if shorter and number.extends(max(shorter)[1]):
            out.add(position)
        latest[(number.prefix, len(number.groups))] = (position, number)
    return out


# --- the sequence ---


def _best_sequence(candidates: list[_Candidate], restart: float | None) -> list[_Candidate]:
    """Highest total value over chains of rising numbers; a later chain wins a tie (front-sheet lists come first)."""
    back: list[int] = []
    by_number: dict[tuple, tuple[float, int]] = {}
    overall: tuple[float, int] | None = None
    before_this_page, page = None, None  # a new sequence (another meeting) starts on a later page
    for position, c in enumerate(candidates):
        if c.page != page:
            before_this_page, page = overall, c.page
        options = [(c.value, -1)]
        for key, step in _predecessor_keys(c.number):
            if key in by_number:
                score, previous = by_number[key]
                if step or _printed_twice(candidates[previous], c, previous == position - 1):
                    options.append((score + c.value - _STEP_COST[step], previous))
        if before_this_page is not None and restart is not None and _starts_afresh(c, before_this_page[1], candidates, back):
            options.append((before_this_page[0] + c.value - restart, before_this_page[1]))
        score, previous = max(options)
        back.append(previous)
        key = (c.number.prefix, c.number.groups)
        by_number[key] = max(by_number.get(key, (score, position)), (score, position))
        overall = max(overall or (score, position), (score, position))
    if overall is None or overall[0] <= 0:
        return []
    chain, position = [], overall[1]
    while position != -1:
        chain.append(candidates[position])
        position = back[position]
    return chain[::-1]


def _starts_afresh(c: _Candidate, end: int, candidates: list[_Candidate], back: list[int]) -> bool:
    """A new sequence starts over from the top or goes on to numbers not used yet; one that opens
    on a number the chain already holds lists earlier items (an action summary, an index)."""
    keys = []
    while end != -1:
        keys.append((candidates[end].number.prefix, candidates[end].number.groups))
        end = back[end]
    key = (c.number.prefix, c.number.groups)
    return key not in keys or key == keys[-1]


def _printed_twice(first: _Candidate, second: _Candidate, neighbours: bool) -> bool:
    """'12 Asset of Community Value', '12 Planning': one number on two neighbouring headings set alike."""
    return neighbours and first.value == second.value


def _predecessor_keys(number: ItemNumber):
    for at, value in enumerate(number.groups):
        for step in _STEP_COST:
            if step == 0 and at:
                continue  # a repeat is one key, not one per group
            if value - step >= 0:
                groups = number.groups[:at] + (value - step,) + number.groups[at + 1 :]
                yield (number.prefix, groups), step


# --- the headings ---


def _headings(lines: list[Line], chain: list[_Candidate], layout: _Layout | None, wraps: Wraps | None,
              run_in: bool) -> list[Heading]:
    style = layout.style if layout else None
    out = []
    for position, c in enumerate(chain):
        stop = chain[position + 1].index if position + 1 < len(chain) else len(lines)
        if c.unnumbered:
            title, end = " ".join(l.text for l in lines[c.index : c.reference]), c.reference
        else:
            title, end = heading_title(lines, c.index, c.title_start, min(stop, c.reference or stop), style, wraps, run_in)
        body_start = max(end, c.reference + 1 if c.reference is not None and c.reference < stop else end)
        out.append(Heading(c.index, c.number.text, tidy(title), lines[c.index].page, body_start))
    return out

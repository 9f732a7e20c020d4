"""Actions: rows of action logs and trackers, and "ACTION:" lines.

An action log is found by its header row (Action with Owner, Due or Status beside it),
wherever it sits; its columns are the runs of x the words below the header fill, each named by
the header word above it. The table ends at the first line that runs across a column gap
(body text again). Pure: page words in, Action records out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .profiles.parish import OFFICER
from .records import Action, PageText, Word

# Header words, by the column they name; several words may name one column ("By whom").
_COLUMN_WORDS = {
    "ref": {"no", "ref", "reference", "number", "item", "minute", "min", "#"},
    "text": {"action", "actions", "task", "description", "required", "agreed"},
    "owner": {"owner", "owners", "who", "lead", "responsible", "officer", "by", "whom", "person"},
    "due": {"due", "deadline", "when", "target", "date", "timescale"},
    "status": {"status", "update", "updates", "progress", "comment", "comments", "rag", "outcome"},
}
_HEADER_WORDS = {word: column for column, words in _COLUMN_WORDS.items() for word in words}
_SAME_ROW = 3.0  # points: words whose tops differ less sit on one printed row
_WORD_GAP = 6.0
_RUN_IN = 30.0  # points a run of text must start left of a column to run across it
_OUTDENT = 4.0  # points
_APART_LINES = 3.5  # a vertical gap of this many type sizes ends a log  # points: a wider white gap between words separates columns
_ACTION_LINE = re.compile(r"^\s*ACTIONS?\s*:\s*(?P<text>\S.*)$", re.I)
# "NO/AS to organise ...", "Clerk will write ...": a short subject before the verb is the owner.
_OWNER_SUBJECT = re.compile(r"^(?P<owner>(?:[A-Z][\w.]*(?:/[A-Z][\w.]*)*)(?:\s+[A-Z][\w.]*){0,2})\s+(?:to|will)\s+\w", re.U)


@dataclass
class _Row:
    top: float
    words: list[Word]


@dataclass
class _Column:
    name: str
    x0: float
    x1: float


def actions(pages: list[PageText]) -> list[Action]:
    found: list[Action] = []
    for page in pages:
        rows = _rows(page.words)
        found += _table_actions(rows, page.number)
        found += _action_lines(page)
        found += _margin_owners(page, [a.text for a in found if a.page == page.number])
    return found


def _rows(words: list[Word]) -> list[_Row]:
    """Printed rows top to bottom: words of different text lines at one height (cells side by side) join."""
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if rows and abs(word.top - rows[-1].top) < _SAME_ROW:
            rows[-1].words.append(word)
        else:
            rows.append(_Row(word.top, [word]))
    for row in rows:
        row.words.sort(key=lambda w: w.x0)
    return rows


def _header_columns(row: _Row) -> list[tuple[str, float, float]] | None:
    """(column, x0, x1) per header cell when every word of the row is a header word naming an action log."""
    names = []
    for word in row.words:  # most rows fail at their first word
        names.append(_HEADER_WORDS.get(_bare(word.text)))
        if names[-1] is None:
            return None
    if "text" not in names or not {"owner", "due", "status"} & set(names):
        return None
    cells: list[tuple[str, float, float]] = []
    for word, name in zip(row.words, names):
        if cells and word.x0 - cells[-1][2] < _WORD_GAP:
            cells[-1] = (cells[-1][0] if cells[-1][0] != "owner" or name == "owner" else name, cells[-1][1], word.x1)
        else:
            cells.append((name, word.x0, word.x1))
    return cells


def _bare(text: str) -> str:
    return _NOT_BARE.sub("", text.lower())


_NOT_BARE = re.compile(r"[^a-z#]")


def _table_actions(rows: list[_Row], page: int) -> list[Action]:
    found = []
    for index, row in enumerate(rows):
        header = _header_columns(row)
        if header:
            found += _log(header, rows[index + 1 :], page)
    return found


def _log(header: list[tuple[str, float, float]], below: list[_Row], page: int) -> list[Action]:
    body = _body(header, below)
    if not body:
        return []
    columns = _columns(header, body)
    records: list[dict[str, list[str]]] = []
    for row in body:
        cells = _cells(row, columns)
        if cells.get("ref") or not records or ("ref" not in {c.name for c in columns} and cells.get("owner")):
            records.append({})
        elif _another_task(cells, records[-1]):
            records.append({"ref": records[-1].get("ref", [])[:1]})
        for name, text in cells.items():
            records[-1].setdefault(name, []).append(text)
    return [action for action in (_action(r, page) for r in records) if action]


def _another_task(cells: dict[str, str], record: dict[str, list[str]]) -> bool:
    """Under one minute's ref, a line naming its own owner beside a new sentence is a further task;
    a wrapped line of the same task starts in lower case and leaves the owner cell empty."""
    text = cells.get("text") or ""
    return bool(cells.get("owner") and record.get("owner") and text[:1].isupper())


def _body(header: list[tuple[str, float, float]], below: list[_Row]) -> list[_Row]:
    """The rows of the log: up to a row whose text runs on into the columns right of the action text."""
    names = [cell[0] for cell in header]
    boundaries = [cell[1] - 2 for cell in header[names.index("text") + 1 :]]
    body: list[_Row] = []
    for row in below:
        if (_header_columns(row) or any(_runs_across(row, x) for x in boundaries) or _apart(body, row)
                or _outdented(body, row, boundaries[0]) or _numbered_otherwise(body, row, "ref" in names)):
            break
        body.append(row)
    return body


def _numbered_otherwise(body: list[_Row], row: _Row, has_ref: bool) -> bool:
    """A row numbered where the log's refs stand but shaped unlike them ("6" after "July24.01"):
    the paper's own numbered list again, after the log."""
    if not (has_ref and body) or len(row.words) < 2:
        return False
    first, number = body[0].words[0], row.words[0]
    return abs(number.x0 - first.x0) < _OUTDENT and _shape(number.text) != _shape(first.text)


def _shape(ref: str) -> str:
    return re.sub(r"[^\W\d_]+", "A", re.sub(r"\d+", "9", ref))


def _outdented(body: list[_Row], row: _Row, right: float) -> bool:
    """A line starting left of the log's first column with nothing in its right-hand columns:
    the paper's own next heading."""
    return bool(body) and row.words[0].x0 < body[0].words[0].x0 - _OUTDENT and all(w.x1 < right for w in row.words)


def _apart(body: list[_Row], row: _Row) -> bool:
    """White space of several lines: the page's footer, or the next paper, not a row of the log."""
    if not body:
        return False
    size = sorted(w.size for w in body[-1].words)[len(body[-1].words) // 2]
    return row.top - body[-1].top > _APART_LINES * max(size, 1.0)


def _runs_across(row: _Row, x: float) -> bool:
    """A run of text (words with no white column between) from well left of x to past it.

    A cell set a little left of its centred header starts just before x; body text starts far left.
    """
    runs: list[list[float]] = []
    for word in row.words:
        if runs and word.x0 - runs[-1][1] < _WORD_GAP:
            runs[-1][1] = word.x1
        else:
            runs.append([word.x0, word.x1])
    return any(x0 < x - _RUN_IN < x < x1 for x0, x1 in runs)


def _columns(header: list[tuple[str, float, float]], body: list[_Row]) -> list[_Column]:
    """Runs of x the body's words fill, each joined to the header cell it lies under (or nearest)."""
    spans = sorted((w.x0, w.x1) for row in body for w in row.words)
    runs: list[list[float]] = []
    for x0, x1 in spans:
        if runs and x0 - runs[-1][1] < _WORD_GAP:
            runs[-1][1] = max(runs[-1][1], x1)
        else:
            runs.append([x0, x1])
    columns: dict[int, _Column] = {}
    for x0, x1 in runs:
        index = min(range(len(header)), key=lambda i: _distance(header[i], x0, x1))
        name = header[index][0]
        column = columns.get(index)
        columns[index] = _Column(name, min(x0, column.x0), max(x1, column.x1)) if column else _Column(name, x0, x1)
    return [columns[i] for i in sorted(columns)]


def _distance(cell: tuple[str, float, float], x0: float, x1: float) -> float:
    centre = (cell[1] + cell[2]) / 2
    return 0.0 if x0 <= centre <= x1 or cell[1] <= x0 <= cell[2] else min(abs(centre - x0), abs(centre - x1))


def _cells(row: _Row, columns: list[_Column]) -> dict[str, str]:
    cells: dict[str, list[str]] = {}
    for word in row.words:
        column = min(columns, key=lambda c: 0.0 if c.x0 - 1 <= word.x0 <= c.x1 + 1 else abs(c.x0 - word.x0))
        cells.setdefault(column.name, []).append(word.text)
    return {name: " ".join(words) for name, words in cells.items()}


def _action(cells: dict[str, list[str]], page: int) -> Action | None:
    text = _joined(cells.get("text"))
    owner = _joined(cells.get("owner"))
    if not text or not (owner or cells.get("status") or cells.get("due")):
        return None  # a heading that slipped under the header, or an empty row
    return Action(
        ref=_joined(cells.get("ref")), text=text, owner=owner, due=_joined(cells.get("due")),
        status=_joined(cells.get("status")), page=page,
    )


def _joined(parts: list[str] | None) -> str | None:
    text = " ".join(p for p in parts or [] if p).strip()
    text = re.sub(r"(?:\s+\.)+$", "", text)  # a stray full stop on a line of its own
    return text or None


def _action_lines(page: PageText) -> list[Action]:
    found = []
    for line in page.text.splitlines():
        match = _ACTION_LINE.match(line)
        if match:
            text = match.group("text").strip()
            subject = _OWNER_SUBJECT.match(text)
            found.append(Action(ref=None, text=text, owner=subject.group("owner") if subject else None,
                                due=None, status=None, page=page.number))
    return found


# An owner set in bold in the right margin beside the sentence it takes on: initials or an office.
_MARGIN_OWNER = re.compile(rf"(?:[A-Z]{{2,4}}(?:/[A-Z]{{2,4}})*|{OFFICER})")
_MARGIN_GAP = 6.0  # type sizes of white space between the sentence's end and the owner
_RUN_IN_LABEL = re.compile(r"^[A-Z][\w’'&/\- ]{1,40}:\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _margin_owners(page: PageText, taken: list[str]) -> list[Action]:
    lines = page.text.splitlines()
    found = []
    for owner, line in _margin_words(page):
        text = _sentence_ending_at(lines, line, owner.text)
        if text and not any(text in other or other in text for other in taken):
            found.append(Action(ref=None, text=text, owner=owner.text, due=None, status=None, page=page.number))
    return found


def _margin_words(page: PageText) -> list[tuple[Word, int]]:
    """The last word of a line, bold, far right of a sentence's full stop and alone in the margin."""
    by_line: dict[int, list[Word]] = {}
    for word in page.words:
        by_line.setdefault(word.line, []).append(word)
    found = []
    for line, words in by_line.items():
        words.sort(key=lambda w: w.x0)
        if len(words) < 2:
            continue
        last, before = words[-1], words[-2]
        if (last.bold and not before.bold and before.text.endswith(".") and last.x0 > 0.6 * page.width
                and last.x0 - before.x1 > _MARGIN_GAP * max(last.size, 1.0) and _MARGIN_OWNER.fullmatch(last.text)):
            found.append((last, line))
    return found


def _sentence_ending_at(lines: list[str], index: int, owner: str, reach: int = 6) -> str | None:
    """The sentence the owner stands beside: back from its line to the previous full stop or run-in label."""
    if index >= len(lines):
        return None
    parts = [lines[index].rstrip().removesuffix(owner).rstrip()]
    for previous in reversed(lines[max(0, index - reach) : index]):
        if previous.rstrip().endswith((".", ":")):
            break
        parts.insert(0, previous.strip())
        if _RUN_IN_LABEL.match(previous):
            break
    sentence = _SENTENCE_END.split(" ".join(parts))[-1]
    return _RUN_IN_LABEL.sub("", sentence).strip() or None

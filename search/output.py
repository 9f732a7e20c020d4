"""Output formats shared by every command: a readable table, JSON or CSV."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

FORMATS = ("table", "json", "csv")


def render(rows: Sequence[dict], fmt: str, columns: Sequence[str] | None = None, max_width: int = 60) -> str:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        return json.dumps(list(rows), indent=2, ensure_ascii=False, default=str)
    if fmt == "csv":
        return _csv(rows, columns)
    return table(rows, columns, max_width)


def _csv(rows: Sequence[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _neutral(_cell(row.get(k))) for k in columns})
    return out.getvalue().rstrip("\n")


def _neutral(text: str) -> str:
    """A cell a spreadsheet would run as a formula ('=HYPERLINK(...)') is kept as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
        return True
    except ValueError:
        return False


def printable(text: str) -> str:
    """Text for a terminal: control characters (which can retitle it or hide text) escaped."""
    return "".join(c if c.isprintable() or c == "\n" else repr(c)[1:-1] for c in text)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def table(rows: Sequence[dict], columns: Sequence[str], max_width: int = 60) -> str:
    if not rows:
        return "(no rows)"
    cells = [[_clip(printable(_cell(row.get(c))), max_width) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    return "\n".join([line(columns), line(["-" * w for w in widths]), *(line(r) for r in cells)])


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"

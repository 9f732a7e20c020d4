"""Indicator tables (scorecards) -> Observation records.

Three layouts are read, whatever a council calls its columns:
- indicator rows: a row per indicator, each column header names a series and
  a period ("England average 15/16", "<Council> Q2 2021-22", "Apr-16");
- period rows: a row per month/quarter, each column an indicator;
- series rows: a row per series ("<Council>", "Stat neighbour", "England"),
  each column an indicator, the period stated once in the corner cell.
Tables that break a cohort down (ethnicity, age, gender, placement type,
cohort counts) are recorded as BreakdownTable and give no observations.
Pure: tables and page texts in, records out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .headers import ACTUAL, candidate_names, interpret_header, is_pure_series_header, learn_council_names, series_of
from .periods import (
    FINANCIAL_YEAR,
    YEAR,
    Period,
    as_quarter,
    find_period,
    is_bare_period,
    latest_financial_year,
    months_as_quarters,
    quarter,
)
from .listings import is_accounts_listing
from .place_tables import place_row_observations
from .records import BreakdownTable, Observation, TableGrid
from .sentence_tables import column_headers, sentence_observations
from .tablemodel import Context, GridRow, JoinedTable, footnote, join_notes, make_observation
from .values import (
    CellValue,
    clean_cell,
    infer_unit,
    parse_cell,
    split_labelled_values,
    split_quarterly_targets,
    target_in_description,
)

MAX_HEADER_ROWS = 3
_REF_HEADER = re.compile(r"^(?:pi\s*)?(?:ref|reference|no\.?|#|id|code)(?:\s*no\.?)?$|\bref\b", re.IGNORECASE)
_DIMENSIONS = re.compile(
    r"\b(ethnicity|ethnic\s+group|ethnic\s+origin|age\s+group|age\s+band|ages?|gender|sex|"
    r"placement\s+types?|legal\s+status|disability|religion|cohort)\b",
    re.IGNORECASE,
)
_CATEGORY = re.compile(
    r"^(?:male|female|boys?|girls?|white(?:\s+british)?|mixed|asian(?:\s+or\s+asian\s+british)?|"
    r"black(?:\s+or\s+black\s+british)?|other(?:\s+ethnic\s+groups?)?|chinese|not\s+known|"
    r"under\s+\d+|\d+\s*(?:to|-|–)\s*\d+(?:\s+years?)?|\d+\s*\+|\d+[\s-]*plus|\d+\s+and\s+over)$",
    re.IGNORECASE,
)


@dataclass
class IndicatorTables:
    """What a document's tables yield."""

    observations: list[Observation] = field(default_factory=list)
    breakdowns: list[BreakdownTable] = field(default_factory=list)
    council_names: list[str] = field(default_factory=list)


# --- Header and join -------------------------------------------------------


def is_data_row(cells: list[str]) -> bool:
    """A row with a number that is not itself a period label ('2015' heads a column)."""
    return any(parse_cell(c).value is not None and not is_bare_period(c) for c in cells if c)


def split_header(rows: list[list[str]], known: int | None = None) -> tuple[list[list[str]], list[list[str]]]:
    """Header rows and data rows; `known` is the header's size when the table reader resolved it."""
    if known is not None:
        return rows[:known], rows[known:]
    count = 0
    while count < min(len(rows), MAX_HEADER_ROWS) and not is_data_row(rows[count]):
        count += 1
    if count == len(rows):  # all text: let the first row be the header
        count = min(1, len(rows))
    return rows[:count], rows[count:]


def clean_rows(grid: TableGrid) -> list[list[str]]:
    return [[clean_cell(c) for c in row] for row in grid.rows]


def _last_on_page(grids: list[TableGrid]) -> set[tuple[int, int]]:
    last: dict[int, int] = {}
    for grid in grids:
        last[grid.page] = max(last.get(grid.page, -1), grid.index)
    return set(last.items())


def join_tables(grids: list[TableGrid]) -> list[JoinedTable]:
    """Join a table that breaks across pages.

    A grid continues the previous one when it is the first table of the next
    page, the previous was the last of its page, the column counts agree, and
    it either repeats the header rows (all or the first ones) or has none.
    """
    ordered = sorted(grids, key=lambda g: (g.page, g.index))
    last = _last_on_page(ordered)
    joined: list[JoinedTable] = []
    previous: TableGrid | None = None
    for grid in ordered:
        rows = clean_rows(grid)
        if not rows:
            continue
        header, data = split_header(rows, grid.header_rows)
        if previous is not None and joined and _continues(joined[-1], previous, grid, header, last):
            joined[-1].rows.extend(_grid_rows(grid, data, start=len(header)))
            joined[-1].last_page = grid.page
        else:
            joined.append(
                JoinedTable(header, _grid_rows(grid, data, len(header)), grid.page, grid.index, grid.page, grid.bbox,
                            grid.caption)
            )
        previous = grid
    return joined


def _continues(table: JoinedTable, previous: TableGrid, grid: TableGrid, header, last) -> bool:
    return (
        grid.page == table.last_page + 1
        and grid.index == 0
        and (previous.page, previous.index) in last
        and len(grid.rows[0]) == table.width
        and (not header or header == table.header[: len(header)] or _repeats_upper_header(header, table.header))
    )


def _repeats_upper_header(header: list[list[str]], table_header: list[list[str]]) -> bool:
    """A page repeating only the upper band of a resolved header ('Age' over 'Age Under 1')."""
    if len(header) != 1 or len(table_header) != 1:
        return False
    pairs = list(zip(header[0], table_header[0]))
    return any(mine for mine, _ in pairs) and all(theirs.startswith(mine) for mine, theirs in pairs)


def _grid_rows(grid: TableGrid, data: list[list[str]], start: int) -> list[GridRow]:
    return [GridRow(cells, grid.page, grid.index, start + i) for i, cells in enumerate(data)]


def column_header_parts(header: list[list[str]], first_value_column: int, width: int | None = None) -> list[list[str]]:
    """Header cells of each column, top to bottom; spanning upper cells fill rightwards.

    "2015/16" printed once above Q1..Q4 applies to all four columns.
    """
    width = width if width is not None else len(header[0]) if header else 0
    filled = [list(row) for row in header]
    for row in filled[:-1]:
        for column in range(first_value_column + 1, width):
            if not row[column]:
                row[column] = row[column - 1]
    return [[row[c] for row in filled if c < len(row) and row[c]] for c in range(width)]


# --- Classification --------------------------------------------------------


def breakdown_dimension(table: JoinedTable) -> str | None:
    """The dimension a breakdown table splits the cohort by, or None for other tables."""
    header_text = " ".join(cell for row in table.header for cell in row)
    match = _DIMENSIONS.search(header_text)
    if match:
        return match.group(1).lower()
    section_labels = [r.cells[0] for r in table.rows if r.cells and r.cells[0] and not any(r.cells[1:])]
    for label in section_labels:
        match = _DIMENSIONS.fullmatch(label.strip())
        if match:
            return match.group(1).lower()
    categories = [c for row in table.header for c in row if _is_category(c)]
    labels = [r.cells[0] for r in table.rows if r.cells]
    category_labels = [c for c in labels if _is_category(c)]
    if len(categories) >= 2 or (len(category_labels) >= 2 and len(category_labels) * 2 >= len(labels)):
        return "category"
    return None


def _is_category(cell: str) -> bool:
    """An age band or a group ('10 to 15', 'Female'), never a period ('2020-21' is a year, not an age band)."""
    return bool(_CATEGORY.match(cell)) and not is_bare_period(cell)


def breakdown_title(table: JoinedTable) -> str:
    """The first header cell, plus the dimension cell beside it ('Comparative data ... - Age')."""
    first_row = table.header[0] if table.header else (table.rows[0].cells if table.rows else [])
    cells = [cell for cell in first_row if cell]
    if len(cells) >= 2 and _DIMENSIONS.fullmatch(cells[1]):
        return f"{cells[0]} - {cells[1]}"
    return cells[0] if cells else ""


def breakdown_sections(table: JoinedTable, document: str, dimension: str) -> list[BreakdownTable]:
    """One record per section of a table that stacks several breakdowns ('Ethnicity', 'Age', 'Gender' rows)."""
    records = [BreakdownTable(document, breakdown_title(table), dimension, table.page, table.table, table.last_page)]
    for row in table.rows:
        label = row.cells[0] if row.cells else ""
        if label and not any(row.cells[1:]) and _DIMENSIONS.fullmatch(label):
            records.append(BreakdownTable(document, label, label.lower(), row.page, row.table, row.page))
    return records


def find_ref_column(table: JoinedTable) -> int | None:
    """Column 0 holds references when its header says so, or it is short codes beside long text."""
    if table.width < 3:
        return None
    header = " ".join(row[0] for row in table.header if row)
    if header and _REF_HEADER.search(header):
        return 0
    refs = [r.cells[0] for r in table.rows if r.cells[0]]
    texts = [r.cells[1] for r in table.rows if r.cells[1]]
    if refs and texts and all(len(ref) <= 6 for ref in refs):
        return 0 if sum(map(len, texts)) / len(texts) > 15 else None
    return None


# --- Observations ----------------------------------------------------------


@dataclass
class _Column:
    index: int
    series: str
    period: Period
    note: str | None
    header: str


def extract_observations(
    document: str,
    tables: list[TableGrid],
    page_texts: dict[int, str] | None = None,
    council_names: list[str] | None = None,
) -> IndicatorTables:
    """All observations and breakdown tables of one document's table grids.

    `council_names` (the document's own council) is learned from the table
    headers and page texts when not given.
    """
    joined = join_tables(tables)
    texts = page_texts or {}
    if council_names is None:
        header_cells = [c for t in joined for row in t.header for c in row]
        header_cells += [r.cells[0] for t in joined for r in t.rows if r.cells]
        council_names = learn_council_names(header_cells, texts.values())
    result = IndicatorTables(council_names=list(council_names))
    context = Context(document, list(council_names), texts)
    for table in joined:
        dimension = breakdown_dimension(table)
        if dimension is not None:
            result.breakdowns.extend(breakdown_sections(table, document, dimension))
            continue
        result.observations.extend(table_observations(table, context))
    return result


def table_observations(table: JoinedTable, context: Context) -> list[Observation]:
    """Observations of one non-breakdown table, or [] when it is not an indicator table."""
    if not table.rows or table.width < 2 or is_accounts_listing(table):
        return []
    numbered = split_leading_refs(table)
    table = numbered or table
    ref_column = 0 if numbered else find_ref_column(table)
    label_column = 0 if ref_column is None else ref_column + 1
    named = _named_label_column(table)
    if named is not None and named > label_column:  # "Service area | Measure | ...": the measure names the row
        label_column, ref_column = named, ref_column if ref_column is not None and ref_column < named else None
    labels = [r.cells[label_column] for r in table.rows if r.cells[label_column]]
    for reader in (_period_rows, _series_rows, _place_rows, _indicator_rows):
        observations = reader(table, context, ref_column, label_column, labels)
        if observations is not None:
            return observations if _mostly_numbers(observations) else []
    return sentence_observations(table, context, label_column, ref_column)


_LABEL_HEADER = re.compile(r"\b(?:indicators?|measures?|descriptions?|kpis?|metrics?)\b", re.IGNORECASE)
_LABEL_COLUMNS = 3  # the measure's name is printed in one of the first columns


def _named_label_column(table: JoinedTable) -> int | None:
    heads = column_headers(table)
    return next((i for i, head in enumerate(heads[:_LABEL_COLUMNS]) if _LABEL_HEADER.search(head)), None)


_LEADING_REF = re.compile(r"^(\d{1,3}[a-z]?)[.)]?\s+(?=[A-Za-z(])")


def split_leading_refs(table: JoinedTable) -> JoinedTable | None:
    """'4 Staff costs': numbered row labels (most rows numbered so) split into a ref column."""
    labels = [r.cells[0] for r in table.rows if r.cells and r.cells[0]]
    refs = [_LEADING_REF.match(label) for label in labels]
    if len(labels) < 2 or sum(m is not None for m in refs) * 3 < len(labels) * 2:
        return None
    rows = []
    for row in table.rows:
        match = _LEADING_REF.match(row.cells[0] or "")
        ref, label = (match.group(1), row.cells[0][match.end():]) if match else ("", row.cells[0])
        rows.append(replace(row, cells=[ref, label, *row.cells[1:]]))
    header = [["", *header_row] for header_row in table.header]
    return replace(table, header=header, rows=rows)


def _place_rows(table, context, ref_column, label_column, labels) -> list[Observation] | None:
    return place_row_observations(table, context, label_column)


def _mostly_numbers(observations: list[Observation]) -> bool:
    """Guard against prose tables: most printed cells must be numbers."""
    printed = [o for o in observations if o.raw]
    numbers = [o for o in printed if o.value is not None]
    return len(numbers) >= 2 and len(numbers) * 2 >= len(printed)


def _indicator_rows(table, context, ref_column, label_column, labels) -> list[Observation] | None:
    columns = _period_columns(table, label_column + 1, context.names, context.page_texts.get(table.page, ""))
    if not columns:
        return None
    report_year = latest_financial_year([c.period for c in columns])
    observations: list[Observation] = []
    group_ref: str | None = None
    for row in table.rows:
        if row.cells == (table.header[-1] if table.header else None):
            continue  # header repeated inside a joined table
        label = row.cells[label_column]
        own_ref = row.cells[ref_column] if ref_column is not None else ""
        values = [row.cells[c.index] for c in columns]
        if not label:
            continue
        if not any(values):  # a group heading ("23 Educational attainment ...") gives its ref to sub-rows
            group_ref = own_ref or group_ref
            continue
        ref = own_ref or group_ref or None
        if own_ref:
            group_ref = None
        for column in columns:
            observations.extend(_cell_observations(row, column, label, ref, context))
        observations.extend(_description_target(row, label_column, label, ref, report_year, context))
    return observations


def _period_columns(table: JoinedTable, first: int, names: list[str], page_text: str = "") -> list[_Column]:
    """Value columns whose headers name a period (and maybe a series); others are ignored."""
    if not table.header:
        return []
    parts = column_header_parts(table.header, first)
    year = _reporting_year(table, parts[first:])
    meanings = []
    for index in range(first, table.width):
        upper = " ".join(parts[index][:-1])
        text = " ".join(parts[index])
        meanings.append((index, text, interpret_header(text, names, (find_period(upper) if upper else None) or year)))
    periods = [m.period for _, _, m in meanings]
    quarterly = months_as_quarters(periods)
    readable = [m for _, _, m in meanings if m.period is not None or m.series is not None]
    captioned = find_period(table.caption) if not any(periods) else None
    if (not any(periods) and captioned is None) or len(readable) * 2 < len(meanings):
        return []  # most columns say neither a period nor a series: not a scorecard
    columns = []
    for position, (index, text, meaning) in enumerate(meanings):
        period = meaning.period
        note = meaning.note
        if captioned is not None:  # headers name series only; the title above states the period
            if meaning.series is None:
                continue
            period = captioned
        elif period is None:
            if meaning.series is None or not is_pure_series_header(text, names):
                continue  # "Comments", "RAG", "Direction of travel"
            period, stated = _footnoted_period(text, page_text), "per its footnote"
            if period is None:
                period, stated = _neighbour_period(periods, position), "per adjacent column"
            note = join_notes(note, f"period not stated in column header; {period.label} {stated}")
        if meaning.series is None and _names_someone_else(text, names):
            continue  # "Wales 2019/20": a comparator we have no series for, not our own figure
        if quarterly:
            period = as_quarter(period)
        columns.append(_Column(index, meaning.series or ACTUAL, period, note, text))
    return columns


def _reporting_year(table: JoinedTable, parts: list[list[str]]) -> Period | None:
    """The financial year a bare 'Q1'..'Q4' header belongs to: the caption's, else the latest in the headers."""
    stated = find_period(table.caption)
    if stated is not None and stated.kind != YEAR:
        return stated
    return latest_financial_year([find_period(" ".join(p)) for p in parts])


_HEADER_MARKER = re.compile(r"(\*+|†+|‡+|#|\(\d\))\s*$")


def _footnoted_period(header: str, page_text: str) -> Period | None:
    """'England*' with '* 2022/23 data' printed below the table: the comparator's year is in its footnote."""
    marker = _HEADER_MARKER.search(header)
    if not marker:
        return None
    text = footnote(marker.group(1), page_text)
    return find_period(text[len(marker.group(1)):]) if text and text != marker.group(1) else None


def _names_someone_else(text: str, names: list[str]) -> bool:
    """A header that is only a place name and a period, and the place is not ours."""
    found = candidate_names(text)
    words = [w for w in re.findall(r"[A-Za-z]+", text) if not find_period(f"{w} 2000") and w.lower() not in ("q", "qtr")]
    if not found or " ".join(found).split() != words:
        return False
    own = {name.lower() for name in names}
    return any(name.lower() not in own for name in found)


def _neighbour_period(periods: list[Period | None], position: int) -> Period:
    """The period of the nearest column to the left that states one (else to the right)."""
    for candidate in reversed(periods[:position]):
        if candidate is not None:
            return candidate
    return next(p for p in periods[position:] if p is not None)


def _cell_observations(row: GridRow, column: _Column, label: str, ref, context: Context) -> list[Observation]:
    text = row.cells[column.index]
    targets = split_quarterly_targets(text)
    if targets and column.period.kind == FINANCIAL_YEAR:
        year = column.period.financial_year_start
        return [
            make_observation(context, row, column.index, label, ref, column.series, quarter(year, q), value, segment,
                         column.note, column.header, part=q)
            for q, segment, value in targets
        ]
    pairs = split_labelled_values(text)
    if pairs:
        return [
            make_observation(context, row, column.index, f"{label} ({name})", ref, column.series, column.period, value,
                         segment, column.note, column.header, part=i + 1)
            for i, (name, segment, value) in enumerate(pairs)
        ]
    cell = parse_cell(text)
    period, note = column.period, column.note
    cell_period = find_period(cell.note) if cell.note else None
    if cell_period is not None and "period not stated" in (note or ""):
        period = cell_period  # "10.25 (2013-14)" states what the header left out
    return [make_observation(context, row, column.index, label, ref, column.series, period, cell, cell.raw, note,
                         column.header)]


def _description_target(row, label_column, label, ref, report_year, context) -> list[Observation]:
    """'... Target - 11%' inside the description: a target for the report's latest year."""
    found = target_in_description(label)
    if not found or report_year is None:
        return []
    raw, value = found
    return [make_observation(context, row, label_column, label, ref, "target", report_year, value, raw, None, "")]


def _period_rows(table, context, ref_column, label_column, labels) -> list[Observation] | None:
    """Rows are months or quarters; each column is an indicator named by its header."""
    if not labels or sum(map(is_bare_period, labels)) * 10 < len(labels) * 6:
        return None
    periods = [find_period(r.cells[label_column]) for r in table.rows]
    quarterly = months_as_quarters(periods)
    parts = column_header_parts(table.header, label_column + 1, table.width)
    observations = []
    for row, period in zip(table.rows, periods):
        if period is None:
            continue
        period = as_quarter(period) if quarterly else period
        for index in range(label_column + 1, table.width):
            name = ": ".join(parts[index])
            if not name or is_pure_series_header(name, context.names):
                continue  # a bare "Target" column has no indicator name of its own
            column = _Column(index, ACTUAL, period, None, name)
            observations.extend(_cell_observations(row, column, name, None, context))
    return observations


def _series_rows(table, context, ref_column, label_column, labels) -> list[Observation] | None:
    """Rows are series (<Council>, Stat neighbour, England); columns are indicators."""
    row_series = [_row_series(r.cells[label_column], context.names) for r in table.rows]
    if sum(s is not None for s in row_series) < 2:
        return None
    header_text = " ".join(c for row in table.header for c in row)
    period = find_period(header_text)
    if period is None:
        return []
    parts = column_header_parts(table.header, label_column + 1, table.width)
    observations = []
    for row, series in zip(table.rows, row_series):
        if series is None:
            continue
        for index in range(label_column + 1, table.width):
            name = ": ".join(parts[index])
            if not name:
                continue
            column = _Column(index, series, period, None, name)
            observations.extend(_cell_observations(row, column, name, None, context))
    return observations


def _row_series(label: str, names: list[str]) -> str | None:
    if not label or find_period(label) or not is_pure_series_header(label, names):
        return None
    return series_of(label, names)

"""Decisions printed in a table's Recommendation or Decision column (grids built here)."""
from __future__ import annotations

from panel_papers.extract.decision_tables import decision_rows, may_hold_decision_table, table_decisions
from panel_papers.extract.records import MinuteItem, Resolution, TableGrid

HEADER = ["Organisation", "Project Summary", "Amount\nRequested", "Recommendation"]


def grid(page: int, *rows: list) -> TableGrid:
    return TableGrid(page=page, index=0, bbox=(0, 0, 1, 1), rows=[HEADER, *rows])


def test_each_row_is_a_decision_named_by_its_first_cell_and_broken_rows_are_joined():
    grids = [
        grid(2, ["Friends of the\nPark", "New benches", "£900", "Approved. Meets the\ncriteria."],
             ["Park Run", "Timing kit", "£167", "Rejected. Does not meet the criteria."]),
        grid(3, [None, "every Saturday", "", "Committee agreed to consider it again."],
             ["Bowls Club", "Bulbs", "£200", None]),
    ]
    assert decision_rows(grids) == [
        (2, "Friends of the Park: Approved. Meets the criteria."),
        (2, "Park Run: Rejected. Does not meet the criteria. Committee agreed to consider it again."),
    ]


def test_tables_without_a_decision_column_give_nothing():
    payments = TableGrid(page=1, index=0, bbox=(0, 0, 1, 1), rows=[["Payee", "Detail", "Total"], ["Clerk", "Salary", "136.66"]])
    assert decision_rows([payments]) == []
    assert may_hold_decision_table("Organisation Project Summary\nAmount\nRecommendation\n")
    assert not may_hold_decision_table("The recommendation was accepted.")


def test_rows_join_the_item_holding_the_table_and_replace_decisions_read_from_its_cells():
    items = [
        MinuteItem("m", "6", "Community Grant Applications", "Park Run Timing kit ...", None, 2, 3, document="d"),
        MinuteItem("m", "7", "Defibrillators", "Locations ...", None, 3, 3, document="d"),
    ]
    from_text = Resolution(items[0].id, "6", None, "consider it again.", "consider it again.", "AGREED", 3)
    found = table_decisions([grid(3, ["Park Run", "Timing kit", "£167", "Rejected. Committee agreed to consider it again."])], items, [from_text])
    assert [(r.minute_id, r.text, r.verb) for r in found] == [
        (items[0].id, "Park Run: Rejected. Committee agreed to consider it again.", "DECIDED")
    ]

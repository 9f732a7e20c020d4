from panel_papers.extract.tables import looks_like_figures_grid, page_may_hold_table

SCORECARD_TEXT = """Ref Indicator 2018/19 2019/20 Target
1 Rate of CLA per 10,000 45.2 47.0 46
2 % care leavers in EET 55% 57% 60%
"""
PROSE_TEXT = """The panel noted the report. In 2019 there were 45 children in care, up from 40.
Contact: Jane Smith, Tel: 020 8863 5611, HA1 2XY.
Meeting held on 14 June 2017 at 7.30 pm.
"""


def test_scorecard_page_selected_prose_page_skipped():
    assert page_may_hold_table(SCORECARD_TEXT)
    assert not page_may_hold_table(PROSE_TEXT)
    assert not page_may_hold_table("")


def test_whitespace_grid_kept_only_when_it_is_figures():
    assert looks_like_figures_grid([["Measure", "2019", "2020"], ["A", "1.5", "2"], ["B", "3%", "4"]])
    assert not looks_like_figures_grid([["The panel", "noted the", "report"], ["and agreed", "to", "2 actions"]])


def test_one_cell_per_line_layout_still_selected():
    cells = ["Ref", "Indicator", "2018/19", "2019/20"] + [str(n) for n in range(30)]
    assert page_may_hold_table("\n".join(cells))

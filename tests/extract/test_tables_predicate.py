from panel_papers.extract.tables import page_may_hold_table

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


def test_one_cell_per_line_layout_still_selected():
    cells = ["Ref", "Indicator", "2018/19", "2019/20"] + [str(n) for n in range(30)]
    assert page_may_hold_table("\n".join(cells))


def test_kpi_cards_and_measure_tables_selected():
    cards = "Care leavers in EET\nLatest: 56%\nTarget: 60%\nAssessments on time\nLatest 81.5\nTarget 85"
    assert page_may_hold_table(cards)
    measures = ("Outcome Indicators Timescale Progress\n"
                "Rough sleeping will have fallen from 4.2% in 2022/23 to below 3%. 2030\n")
    assert page_may_hold_table(measures)
    commitments = "What we have committed to Led by Timescale Measure\nA new strategy Director 2026 80% of staff"
    assert not page_may_hold_table(commitments)


def test_label_then_figures_is_a_row_but_telephone_numbers_are_not():
    assert page_may_hold_table("Usable reserves per dwelling $2,150 $880 $3,905 $1,730\n"
                               "Net debt per dwelling $412 $Nil $5,120 $1,030\n")
    assert not page_may_hold_table("Telephone: 01632 960123\nMobile: 07700 900 123\nTel 555-010-4477 Fax 555-010-4478")

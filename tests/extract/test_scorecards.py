"""Scorecards in other councils' styles: columns named and ordered differently."""
from panel_papers.extract.records import TableGrid
from panel_papers.extract.scorecards import extract_observations, join_tables


def grid(rows, page=1, index=0):
    return TableGrid(page=page, index=index, bbox=(0, 0, 500, 300), rows=rows)


def by_cell(result):
    return {(o.indicator, o.series, o.period): o for o in result.observations}


def test_scorecard_with_other_names_and_order():
    table = grid([
        ["Measure", "Polarity", "Target 2019/20", "SN avg", "National", "Q1 19/20", "Q2 19/20", "Comments"],
        ["% of care leavers in EET", "High", "60%", "52.1", "53", "58.2", "61.0*", "On track"],
        ["Number of CLA", "n/a", "", "301", "Not published", "312", "318", "Stable"],
    ])
    result = extract_observations("doc", [grid_rows for grid_rows in [table]], {1: "* validated figure\n"},
                                  council_names=["Camden"])
    cells = by_cell(result)
    assert cells[("% of care leavers in EET", "target", "2019-20")].value == 60.0
    # comparator columns without a year take the nearest stated period to their left
    assert cells[("% of care leavers in EET", "statistical_neighbours", "2019-20")].value == 52.1
    assert cells[("% of care leavers in EET", "england", "2019-20")].value == 53.0
    assert cells[("% of care leavers in EET", "actual", "2019-20 Q2")].note == "* validated figure"
    assert cells[("Number of CLA", "england", "2019-20")].value is None
    assert cells[("Number of CLA", "england", "2019-20")].raw == "Not published"
    assert cells[("Number of CLA", "actual", "2019-20 Q1")].unit == "count"
    assert not any("Comments" in o.indicator or o.raw == "On track" for o in result.observations)
    assert len(result.observations) == 2 * 5


def test_council_name_learned_from_headers():
    table = grid([
        ["Ref", "Indicator", "Islington 2018/19", "Islington 2019/20", "Islington target 2020/21", "England 2019/20"],
        ["A1", "Rate of CLA per 10,000 children", "45.2", "47.0", "46", "67"],
        ["A2", "% of CLA with 3+ placements", "9.1", "10.2", "10%", "11"],
    ])
    result = extract_observations("doc", [table])
    assert result.council_names == ["Islington"]
    cells = by_cell(result)
    assert cells[("Rate of CLA per 10,000 children", "actual", "2018-19")].ref == "A1"
    assert cells[("% of CLA with 3+ placements", "target", "2020-21")].value == 10.0
    assert cells[("Rate of CLA per 10,000 children", "actual", "2018-19")].unit == "rate per 10,000"


def test_two_row_header_with_spanning_year():
    table = grid([
        ["", "2018/19", "", "2019/20", ""],
        ["", "Qtr 1", "Qtr 2", "Qtr 1", "Qtr 2"],
        ["Children missing from care", "12", "15", "9", "11"],
    ])
    cells = by_cell(extract_observations("doc", [table], council_names=[]))
    assert cells[("Children missing from care", "actual", "2019-20 Q2")].value == 11.0
    assert len(cells) == 4


def test_quarterly_target_cell_and_description_target():
    table = grid([
        ["No", "Description", "Target 2021/22", "Q1 2021/22", "Q2 2021/22"],
        ["1", "% adopted", "Q1 - 2% Q2 - 4% Q3 - 6% Q4 - 8%", "4.3", "3.6"],
        ["2", "% with 2+ moves Target - 11%", "", "6.4", "8.5"],
    ])
    cells = by_cell(extract_observations("doc", [table], council_names=[]))
    assert cells[("% adopted", "target", "2021-22 Q3")].raw == "Q3 - 6%"
    assert cells[("% adopted", "target", "2021-22 Q3")].value == 6.0
    description_target = cells[("% with 2+ moves Target - 11%", "target", "2021-22")]
    assert (description_target.value, description_target.raw) == (11.0, "Target - 11%")


def test_quarter_end_month_columns_are_quarters_monthly_columns_months():
    quarterly = grid([["", "Jun-18", "Sep-18", "Dec-18"], ["Days to adoption", "400", "380", "375"]])
    monthly = grid([["KPI", "Oct-18", "Nov-18", "Dec-18"], ["% PEPs up to date", "80", "", "85"]], page=2)
    periods = {o.period for o in extract_observations("doc", [quarterly, monthly], council_names=[]).observations}
    assert periods == {"2018-19 Q1", "2018-19 Q2", "2018-19 Q3", "2018-10", "2018-11", "2018-12"}


def test_monthly_row_table_columns_are_indicators():
    table = grid([
        ["Month", "IHAs within 20 days", "Seen in timescales"],
        ["April 2019", "85%", "70% IHA 90% RHA"],
        ["May 2019", "90%", "75% IHA 95% RHA"],
    ])
    cells = by_cell(extract_observations("doc", [table], council_names=[]))
    assert cells[("IHAs within 20 days", "actual", "2019-05")].value == 90.0
    assert cells[("Seen in timescales (RHA)", "actual", "2019-04")].value == 90.0
    assert len(cells) == 6


def test_series_row_table_with_period_in_corner():
    table = grid([
        ["Year ending 31 March 2019", "Health assessments", "Dental checks"],
        ["Hackney", "95", "89"],
        ["Statistical neighbours", "93", "91"],
        ["England", "90", "84"],
    ])
    cells = by_cell(extract_observations("doc", [table], council_names=["Hackney"]))
    assert cells[("Dental checks", "statistical_neighbours", "2018-19")].value == 91.0
    assert cells[("Health assessments", "actual", "2018-19")].value == 95.0


def test_breakdowns_are_not_observations():
    gender = grid([["As at 31 March 2019", "Male", "Female"], ["Leeds", "56", "44"], ["England", "56", "44"]])
    ethnicity = grid([["Ethnic group", "2018", "2019"], ["White", "50", "48"], ["Black", "20", "22"]], page=2)
    placements = grid([["Placement type", "Apr-19", "May-19"], ["Fostering", "200", "210"]], page=3)
    result = extract_observations("doc", [gender, ethnicity, placements], council_names=["Leeds"])
    assert result.observations == []
    assert [b.page for b in result.breakdowns] == [1, 2, 3]


def test_prose_tables_give_nothing():
    action_plan = grid([
        ["Recommendation", "Action", "Lead", "By when"],
        ["1. Improve PEPs", "Audit all PEPs", "Head of Virtual School", "March 2019"],
        ["2. Improve health", "Quarterly review", "CLA nurse", "June 2019"],
    ])
    meetings = grid([["Meeting", "Item"], ["14 June 2017", "Action plan update"]], page=2)
    assert extract_observations("doc", [action_plan, meetings], council_names=[]).observations == []


def test_table_split_across_pages_with_repeated_header():
    header = ["Ref", "Indicator", "2018/19", "2019/20"]
    first = grid([header, ["1", "Rate of CLA per 10,000", "40", "42"]], page=4, index=1)
    second = grid([header, ["2", "% care leavers in EET", "55", "57"]], page=5, index=0)
    assert len(join_tables([first, second])) == 1
    result = extract_observations("doc", [first, second], council_names=[])
    pages = {o.indicator: o.page for o in result.observations}
    assert pages == {"Rate of CLA per 10,000": 4, "% care leavers in EET": 5}


def test_continuation_without_header_uses_previous_header():
    first = grid([["Measure", "2018/19", "2019/20"], ["A", "1", "2"]], page=4)
    second = grid([["B", "3", "4"]], page=5)
    result = extract_observations("doc", [first, second], council_names=[])
    assert {(o.indicator, o.period, o.page) for o in result.observations if o.indicator == "B"} == {
        ("B", "2018-19", 5), ("B", "2019-20", 5)
    }


def test_ids_are_stable_and_unique():
    table = grid([["Ref", "Indicator", "Target 2021/22", "2021/22"], ["1", "% adopted", "Q1 - 2% Q2 - 4%", "3"]])
    first = extract_observations("doc", [table], council_names=[]).observations
    second = extract_observations("doc", [table], council_names=[]).observations
    assert [o.id for o in first] == [o.id for o in second]
    assert len({o.id for o in first}) == len(first) == 3


def test_group_rows_give_their_ref_to_sub_rows():
    table = grid([
        ["", "", "Croydon 2018-19", "England average", "Croydon 2019-20"],
        ["23", "Educational attainment", "", "", ""],
        ["", "KS2 reading, writing and maths", "40", "52.0 (2018-19)", "45"],
    ])
    cells = by_cell(extract_observations("doc", [table], council_names=["Croydon"]))
    england = cells[("KS2 reading, writing and maths", "england", "2018-19")]
    assert (england.ref, england.value) == ("23", 52.0)
    assert "period not stated" in england.note


def test_unknown_comparator_column_is_not_taken_as_own_figures():
    table = grid([
        ["Indicator", "Leeds 2018/19", "Leeds 2019/20", "Wales 2019/20"],
        ["% care leavers in EET", "55", "57", "50"],
    ])
    result = extract_observations("doc", [table])
    assert result.council_names == ["Leeds"]
    assert {(o.series, o.period) for o in result.observations} == {("actual", "2018-19"), ("actual", "2019-20")}


def test_descriptive_period_headers_stay_readable():
    table = grid([["Indicator", "Outturn Figures 2018/19", "Latest Figures 2019/20"], ["% in EET", "55", "57"]])
    result = extract_observations("doc", [table], council_names=[])
    assert {o.period for o in result.observations} == {"2018-19", "2019-20"}


def test_year_columns_are_not_age_bands():
    table = grid([
        ["Indicator", "2019-20", "2020-21", "2021-22"],
        ["Children looked after per 10,000", "45", "47", "49"],
        ["Care leavers in EET (%)", "52", "55", "58"],
    ])
    result = extract_observations("doc", [table], council_names=[])
    assert result.breakdowns == [] and len(result.observations) == 6


def test_budget_and_payment_listings_are_not_indicator_tables():
    budget = grid([["Item", "Budget 2023/24", "Spent 2023/24", "Budget 2024/25"],
                   ["Caretaker's wages", "2,800", "2,755", "2,900"], ["Grass cutting", "650", "702", "700"]])
    payments = grid([["Date", "Payee", "Details", "£ (net)"], ["01/04/2017", "A Supplier", "Rent", "950"],
                     ["12/04/2017", "B Supplier", "Printing", "1,100"]], page=2)
    assert extract_observations("doc", [budget, payments], council_names=[]).observations == []


def test_year_end_variance_table_is_an_indicator_table():
    table = grid([
        ["", "2023/24 £", "2024/25 £", "Variance £", "Variance %", "Explanation needed?"],
        ["1 Opening balance", "5,120", "6,034", "", "", ""],
        ["2 Precept income", "4,000", "4,000", "0", "0.00%", "NO"],
        ["3 Other receipts", "2,310", "1,905", "-405", "17.53%", "YES"],
    ])
    cells = by_cell(extract_observations("doc", [table], council_names=[]))
    assert cells[("Other receipts", "variance", "2024-25")].value == -405
    assert cells[("Other receipts", "variance_percent", "2024-25")].value == 17.53
    assert cells[("Other receipts", "actual", "2023-24")].ref == "3"
    assert cells[("Opening balance", "variance", "2024-25")].value is None
    assert not any(o.raw in ("YES", "NO") for o in cells.values())


def test_comparator_places_one_a_row():
    table = TableGrid(page=1, index=0, bbox=(0, 0, 500, 300), caption="Key indicators (2023 fiscal year)",
                      rows=[["Authority", "Dwellings", "Residents"], ["Eastfield", "2,310", "4,800"],
                            ["Ourtown", "1,950", "4,020"], ["St. Westbury", "880", "1,905"]])
    cells = by_cell(extract_observations("doc", [table], council_names=["Ourtown"]))
    assert cells[("Dwellings", "actual", "2023")].value == 1950
    assert cells[("Residents", "st_westbury", "2023")].value == 1905
    assert len(cells) == 6


def test_comparator_year_from_the_footnote_its_header_points_to():
    table = grid([["Measure", "Ourtown 2023/24", "England*"], ["Care leavers in EET (%)", "55", "52"],
                  ["Children looked after per 10,000", "45", "71"]])
    page = {1: "Care leavers\n* England figures are for 2022/23\n"}
    cells = by_cell(extract_observations("doc", [table], page, council_names=["Ourtown"]))
    assert cells[("Care leavers in EET (%)", "england", "2022-23")].value == 52
    assert "per its footnote" in cells[("Care leavers in EET (%)", "england", "2022-23")].note


def test_bare_quarters_belong_to_the_reporting_year():
    table = grid([
        ["Ref", "Measure", "Polarity", "2023/24 Outturn", "Q1", "Q2", "Q3", "Target 2024/25", "RAG"],
        ["P1", "Households in temporary accommodation", "Low", "412", "398", "405", "391", "380", "Amber"],
        ["P2", "Missed bin collections per 100,000", "Low", "55", "48", "51", "47", "50", "Green"],
    ])
    cells = by_cell(extract_observations("doc", [table], council_names=[]))
    assert cells[("Households in temporary accommodation", "actual", "2024-25 Q3")].value == 391
    assert cells[("Households in temporary accommodation", "actual", "2023-24")].value == 412
    assert cells[("Missed bin collections per 100,000", "target", "2024-25")].value == 50
    assert len(cells) == 10


def test_quarters_printed_as_month_ranges():
    table = grid([["Indicator", "Apr-Jun 2024", "Jul-Sep 2024", "Oct-Dec 2024"],
                  ["Calls answered within 60 seconds (%)", "81.2", "84.0", "79.5"]])
    cells = by_cell(extract_observations("doc", [table], council_names=[]))
    assert [cells[("Calls answered within 60 seconds (%)", "actual", q)].value
            for q in ("2024-25 Q1", "2024-25 Q2", "2024-25 Q3")] == [81.2, 84.0, 79.5]


def test_money_words_in_rows_and_service_areas_do_not_change_the_kind_of_table():
    table = grid([["Area", "Measure", "2023/24", "2024/25"],
                  ["Housing", "Rent income collected (%)", "97.1", "98.0"],
                  ["Finance", "Invoices paid in 30 days (%)", "91.5", "93.2"]])
    cells = by_cell(extract_observations("doc", [table], council_names=[]))
    assert cells[("Rent income collected (%)", "actual", "2024-25")].value == 98.0 and len(cells) == 4


def test_table_without_header_rows_is_no_scorecard_and_no_error():
    # layout grids of a cover page (names in columns, no header row) once raised IndexError
    from panel_papers.extract.scorecards import Context, GridRow, JoinedTable, table_observations
    rows = [GridRow(cells=["", "• A Chair", "2021", "•", "B Member"], page=1, table=0, row=n) for n in range(3)]
    table = JoinedTable(header=[], rows=rows, page=1, table=0, last_page=1)
    assert table_observations(table, Context("doc", [], {})) == []

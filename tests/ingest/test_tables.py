"""Tables read from word and rule positions in small real PDFs built with fpdf2, end to end to observations."""
from pathlib import Path

from fpdf import FPDF

from panel_papers.extract.scorecards import extract_observations
from panel_papers.ingest.tables import read_tables

ROWS = [
    ["Ref", "Indicator", "Sheffield 2018/19", "Sheffield target 2019/20", "England 2018/19"],
    ["1", "Rate of children looked after per 10,000 children aged under 18", "45.2", "44", "65"],
    ["2", "% of care leavers in education, employment or training", "55%", "60%", "52%"],
]


def _pdf(landscape: bool = False) -> FPDF:
    pdf = FPDF(orientation="L" if landscape else "P")
    pdf.set_font("Helvetica", size=9)
    pdf.add_page()
    return pdf


def ruled_table_pdf(path: Path) -> Path:
    pdf = _pdf()
    pdf.multi_cell(0, 6, "Performance scorecard. The panel noted the figures below.")
    with pdf.table(col_widths=(10, 60, 25, 25, 25)) as table:
        for values in ROWS:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.add_page()
    pdf.multi_cell(0, 6, "A page of prose only.")
    pdf.output(str(path))
    return path


def placed_text_pdf(path: Path, rows: list[list[str]], x0: float = 20, widths=None, top: float = 30) -> Path:
    """Cells placed at fixed positions with no lines: a table aligned by white space only."""
    pdf = _pdf()
    pdf.set_font("Helvetica", size=10)
    for y, values in enumerate(rows):
        x = x0
        for i, value in enumerate(values):
            width = (widths or [45] * len(values))[i]
            pdf.set_xy(x, top + 8 * y)
            pdf.cell(width - 2, 6, value, align="R" if i else "L")
            x += width
    pdf.output(str(path))
    return path


def unruled_table_pdf(path: Path) -> Path:
    rows = [["Measure", "2017", "2018", "2019"], ["Alpha", "1.5", "2.5", "3.5"], ["Beta", "4", "5", "6"],
            ["Gamma", "7", "8", "9"]]
    return placed_text_pdf(path, rows)


def test_ruled_table_read_with_multiline_cells_joined(tmp_path):
    grids = read_tables(ruled_table_pdf(tmp_path / "ruled.pdf"))
    assert len(grids) == 1 and grids[0].page == 1 and grids[0].index == 0
    assert grids[0].rows[1][1] == ROWS[1][1]  # wrapped over two lines in the PDF, one line here
    assert grids[0].rows[0][3] == "Sheffield target 2019/20"
    assert grids[0].header_rows == 1


def test_only_requested_pages_are_read(tmp_path):
    assert read_tables(ruled_table_pdf(tmp_path / "ruled.pdf"), pages=[2]) == []


def test_observations_from_a_built_pdf(tmp_path):
    grids = read_tables(ruled_table_pdf(tmp_path / "ruled.pdf"))
    result = extract_observations("built", grids)
    assert result.council_names == ["Sheffield"]
    found = {(o.ref, o.series, o.period, o.value) for o in result.observations}
    assert ("2", "target", "2019-20", 60.0) in found and ("1", "england", "2018-19", 65.0) in found
    assert len(found) == 6


def test_unruled_table_read_from_alignment(tmp_path):
    grids = read_tables(unruled_table_pdf(tmp_path / "unruled.pdf"))
    assert len(grids) == 1
    assert grids[0].rows[0] == ["Measure", "2017", "2018", "2019"] and grids[0].rows[2] == ["Beta", "4", "5", "6"]
    found = {(o.indicator, o.period, o.value) for o in extract_observations("built", grids, council_names=[]).observations}
    assert ("Alpha", "2018", 2.5) in found and ("Gamma", "2019", 9.0) in found and len(found) == 9


def test_a_label_running_over_an_empty_cell_keeps_its_columns(tmp_path):
    # Spreadsheets let text flow over the empty cell beside it; the first column must stay a column.
    rows = [["", "Service", "2023/24", "2024/25"], ["1", "Staff", "2,100", "2,450"], ["2", "Grants", "120", "1,310"],
            ["Debtors at the end of the year", "", "", "640"]]
    path = placed_text_pdf(tmp_path / "overflow.pdf", rows, widths=[25, 45, 30, 30])
    grid = read_tables(path)[0]
    assert [row[0] for row in grid.rows[1:3]] == ["1", "2"] and grid.rows[1][1] == "Staff"


def test_spanning_header_resolved_per_column_and_period_from_the_caption(tmp_path):
    pdf = _pdf(landscape=True)
    pdf.multi_cell(0, 8, "Township of Ourtown\nKey indicators (2023 Fiscal Year)")
    pdf.ln(6)
    with pdf.table(col_widths=(80, 30, 25, 25, 25), num_heading_rows=2) as table:
        head = table.row()
        head.cell("Key indicators", rowspan=2)
        head.cell("Ourtown Indicator", rowspan=2)
        head.cell("Comparator councils", colspan=3)
        sub = table.row()
        for name in ("Low", "High", "Average"):
            sub.cell(name)
        for label, values in [("Usable reserves per dwelling", ("$2,150", "$880", "$3,905", "$1,730")),
                              ("Net debt per dwelling", ("$412", "$Nil", "$5,120", "$1,030"))]:
            row = table.row()
            row.cell(label)
            for value in values:
                row.cell(value)
    path = tmp_path / "spanning.pdf"
    pdf.output(str(path))
    grids = read_tables(path)
    assert grids[0].rows[0][2:] == ["Comparator councils Low", "Comparator councils High",
                                    "Comparator councils Average"]
    pages = {1: "Township of Ourtown\nKey indicators (2023 Fiscal Year)"}
    found = {(o.indicator, o.series, o.period, o.value) for o in extract_observations("built", grids, pages).observations}
    assert ("Net debt per dwelling", "comparator_low", "2023", 0.0) in found
    assert ("Usable reserves per dwelling", "actual", "2023", 2150.0) in found
    assert ("Usable reserves per dwelling", "comparator_average", "2023", 1730.0) in found and len(found) == 8


def test_kpi_card_read_as_labelled_values_with_period_and_rag(tmp_path):
    pdf = _pdf(landscape=True)
    pdf.set_font("Helvetica", size=16)
    pdf.text(15, 15, "Children's services performance")
    pdf.set_font("Helvetica", size=10)
    for x, (title, values, rag) in zip((15, 150), [
        ("% of care leavers in education, employment or training", ("Latest: 56%", "Target: 60%", "Previous: 52%"),
         "GREEN"),
        ("Average days to complete an assessment", ("Latest: 41.5", "Target: 45"), "AMBER"),
    ]):
        pdf.rect(x, 30, 125, 45)
        pdf.set_xy(x + 3, 33)
        pdf.multi_cell(90, 5, title)
        pdf.text(x + 105, 37, rag)
        for i, value in enumerate(values):
            pdf.text(x + 3 + 40 * i, 58, value)
        pdf.text(x + 3, 70, "Q3 2024/25")
    path = tmp_path / "cards.pdf"
    pdf.output(str(path))
    result = extract_observations("built", read_tables(path), council_names=[])
    found = {(o.indicator, o.series, o.period, o.value) for o in result.observations}
    title = "% of care leavers in education, employment or training"
    assert {(title, "actual", "2024-25 Q3", 56.0), (title, "target", "2024-25 Q3", 60.0),
            (title, "previous", "2024-25 Q3", 52.0)} <= found
    assert ("Average days to complete an assessment", "target", "2024-25 Q3", 45.0) in found and len(found) == 5
    assert {o.note for o in result.observations if o.indicator == title} == {"RAG Green"}


def test_measures_stated_in_sentences(tmp_path):
    pdf = _pdf(landscape=True)
    pdf.multi_cell(0, 8, "Measures of the plan")
    with pdf.table(col_widths=(160, 30, 60)) as table:
        for values in [("Performance Indicators", "Timescale", "Progress"),
                       ("Rough sleeping will have fallen from 4.2% in 2022/23 to below 3%.", "2030", ""),
                       ("By March 2029, 40% of spend will be with local firms.", "2029", ""),
                       ("Improve access for 5-16 year olds in Year 9.", "2030", "")]:
            row = table.row()
            for value in values:
                row.cell(value)
    path = tmp_path / "measures.pdf"
    pdf.output(str(path))
    found = {(o.series, o.period, o.value) for o in extract_observations("built", read_tables(path), council_names=[]).observations}
    assert found == {("baseline", "2022-23", 4.2), ("target", "2030", 3.0), ("target", "2029-03", 40.0)}


def test_budget_listing_gives_no_observations(tmp_path):
    rows = [["Item", "Budget 2023/24", "Spent 2023/24", "Budget 2024/25"], ["Caretaker's wages", "2,800", "2,755", "2,900"],
            ["Grass cutting", "650", "702", "700"], ["Bus shelter repairs", "250", "180", "300"]]
    grids = read_tables(placed_text_pdf(tmp_path / "budget.pdf", rows))
    assert grids and extract_observations("built", grids, council_names=[]).observations == []


def test_text_in_the_colour_of_what_lies_under_it_is_not_read(tmp_path):
    pdf = _pdf()
    pdf.set_text_color(255, 255, 255)
    pdf.text(22, 28, "Placeholder")  # white on white paper: invisible on the page
    pdf.set_text_color(0, 0, 0)
    path = tmp_path / "hidden.pdf"
    pdf.output(str(path))
    placed_rows = [["Measure", "2017", "2018"], ["Alpha", "1.5", "2.5"], ["Beta", "4", "5"]]
    built = placed_text_pdf(tmp_path / "table.pdf", placed_rows)
    assert "Placeholder" not in str(read_tables(built))
    from panel_papers.ingest.layout_reader import read_page_layouts
    from panel_papers.ingest.reader import open_pdf

    doc = open_pdf(path)
    try:
        assert read_page_layouts(doc, [1])[0].words == []
    finally:
        doc.close()


def test_a_row_continued_from_the_page_before_is_not_part_of_the_header(tmp_path):
    pdf = _pdf()
    with pdf.table(col_widths=(40, 70, 60)) as table:
        for values in [("Organisation", "Project summary", "Recommendation"),
                       ("", "and the remaining sessions of the programme held on weekday evenings", "Approved in full"),
                       ("Village Hall Trust", "New chairs for the main hall", "Approved")]:
            row = table.row()
            for value in values:
                row.cell(value)
    path = tmp_path / "continued.pdf"
    pdf.output(str(path))
    grid = read_tables(path)[0]
    assert grid.header_rows == 1 and grid.rows[0] == ["Organisation", "Project summary", "Recommendation"]
    assert grid.rows[1][0] == "" and grid.rows[1][2] == "Approved in full"

"""Table reading from real PDFs: small ones built with fpdf2, and the corpus pack."""
from pathlib import Path

from fpdf import FPDF

from panel_papers.extract.scorecards import extract_observations
from panel_papers.ingest.tables import read_tables

ROWS = [
    ["Ref", "Indicator", "Sheffield 2018/19", "Sheffield target 2019/20", "England 2018/19"],
    ["1", "Rate of children looked after per 10,000 children aged under 18", "45.2", "44", "65"],
    ["2", "% of care leavers in education, employment or training", "55%", "60%", "52%"],
]


def ruled_table_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    pdf.add_page()
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


def unruled_table_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    for y, values in enumerate([["Measure", "2017", "2018", "2019"], ["Alpha", "1.5", "2.5", "3.5"],
                                ["Beta", "4", "5", "6"], ["Gamma", "7", "8", "9"]]):
        for x, value in enumerate(values):
            pdf.set_xy(20 + 45 * x, 30 + 8 * y)
            pdf.cell(40, 6, value)
    pdf.output(str(path))
    return path


def test_ruled_table_read_with_multiline_cells_joined(tmp_path):
    grids = read_tables(ruled_table_pdf(tmp_path / "ruled.pdf"))
    assert len(grids) == 1 and grids[0].page == 1 and grids[0].index == 0
    assert grids[0].rows[1][1] == ROWS[1][1]  # wrapped over two lines in the PDF, one line here
    assert grids[0].rows[0][3] == "Sheffield target 2019/20"


def test_only_requested_pages_are_read(tmp_path):
    assert read_tables(ruled_table_pdf(tmp_path / "ruled.pdf"), pages=[2]) == []


def test_observations_from_a_built_pdf(tmp_path):
    grids = read_tables(ruled_table_pdf(tmp_path / "ruled.pdf"))
    result = extract_observations("built", grids)
    assert result.council_names == ["Sheffield"]
    found = {(o.ref, o.series, o.period, o.value) for o in result.observations}
    assert ("2", "target", "2019-20", 60.0) in found and ("1", "england", "2018-19", 65.0) in found
    assert len(found) == 6


def test_whitespace_table_fallback(tmp_path):
    path = unruled_table_pdf(tmp_path / "unruled.pdf")
    grids = read_tables(path)
    assert len(grids) == 1
    cells = [c for row in grids[0].rows for c in row if c]
    assert {"Alpha", "2.5", "2019", "9"} <= set(cells)
    assert read_tables(path, whitespace_fallback=False) == []

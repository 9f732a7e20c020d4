"""Words with typography from small real PDFs: weight, size, position and the text line they sit on."""
from __future__ import annotations

from panel_papers.ingest.reader import open_pdf, read_document_pages
from support import write_pdf

PAGE = """# Parish Council
**1. Apologies:** None received.

    Indented text here"""


def _page(tmp_path):
    path = write_pdf(tmp_path / "styled.pdf", [PAGE], styled=True)
    [page] = read_document_pages(open_pdf(path))
    return page


def test_every_word_knows_its_text_line(tmp_path):
    page = _page(tmp_path)
    lines = page.text.splitlines()
    assert [w.text for w in page.words] == " ".join(lines).split()
    assert all(w.text in lines[w.line].split() for w in page.words)


def test_bold_runs_and_larger_type(tmp_path):
    words = {w.text: w for w in _page(tmp_path).words}
    assert words["Parish"].bold and words["Parish"].size > 13
    assert words["1."].bold and words["Apologies:"].bold
    assert not words["None"].bold and 10.5 < words["None"].size < 11.5
    assert "Bold" in words["Apologies:"].font


def test_positions_are_from_the_top_left(tmp_path):
    words = {w.text: w for w in _page(tmp_path).words}
    assert words["Parish"].top < words["Apologies:"].top < words["Indented"].top
    assert words["Indented"].x0 > words["1."].x0 + 10
    assert words["1."].x0 < words["1."].x1 <= words["Apologies:"].x0
    assert all(w.top < w.bottom for w in words.values())


def test_pages_without_text_have_no_words(tmp_path):
    path = write_pdf(tmp_path / "blank.pdf", [""])
    [page] = read_document_pages(open_pdf(path))
    assert page.words == []

"""Copies of one text in several papers are one result; texts that merely share words are not."""
from dataclasses import dataclass

from panel_papers.search.copies import without_copies

REPORT = ("The Panel received the annual report on placements of children looked after. Members noted that "
          "the number of placements more than twenty miles from home had fallen to eleven, that two new foster "
          "carers had been approved in the quarter, and that the service expected a further rise in demand "
          "from unaccompanied young people over the winter months.")


@dataclass
class Found:
    document: str
    text: str
    ocr: bool = False
    date: str | None = None


def _misread(text: str) -> str:
    """What OCR does to a clean page: a few characters wrong."""
    return text.replace("placements", "p1acements").replace("foster", "fostcr").replace("winter", "wintcr")


def _once(*found):
    groups = without_copies(found, text=lambda f: f.text, ocr=lambda f: f.ocr, date=lambda f: f.date,
                            document=lambda f: f.document)
    return [(kept.document, [c.document for c in copies]) for kept, copies in groups]


def test_a_scan_ranked_first_gives_way_to_its_text_layer_original():
    assert _once(Found("scan", _misread(REPORT), ocr=True), Found("original", REPORT)) == [("original", ["scan"])]


def test_a_paper_published_twice_is_shown_once_in_rank_order():
    assert _once(Found("first", REPORT), Found("again", REPORT), Found("other", "A different text " * 20)) == [
        ("first", ["again"]), ("other", [])]


def test_a_report_presented_at_two_dated_meetings_is_two_discussions():
    assert _once(Found("june", REPORT, date="2017-06-14"), Found("march", REPORT, date="2017-03-28")) == [
        ("june", []), ("march", [])]


def test_short_texts_and_one_papers_own_repeats_stay_apart():
    short = "That the report be noted."
    assert _once(Found("a", short), Found("b", short)) == [("a", []), ("b", [])]
    assert _once(Found("pack", REPORT), Found("pack", REPORT)) == [("pack", []), ("pack", [])]

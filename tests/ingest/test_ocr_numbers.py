"""The second look at an OCR'd page's numbers: which words get it, and when its reading wins."""
from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

import panel_papers.ingest.ocr as ocr
from panel_papers.extract.records import Word
from panel_papers.ingest.ocr_numbers import better, candidates, reread


def _word(text: str, x0: float = 10.0) -> Word:
    return Word(text, 0, x0, x0 + 20.0, 10.0, 18.0, 8.0, ocr.FONT, False, 400)


def test_numbers_that_could_have_lost_a_point_and_unsure_digits_get_a_second_look():
    words = [_word(t) for t in ("43", "4.3", "Budget", "a7", "971", "Q3,", "12345")]
    assert candidates(words, [95, 95, 40, 30, 90, 92, 95]) == [0, 3, 4]


@pytest.mark.parametrize(
    "first, confidence, second, second_confidence, kept",
    [
        ("43", 90, "4.3", 95, "4.3"),  # the same digits with the point the median took
        ("971", 90, "97.1", 92, "97.1"),
        ("43", 90, "4.3", 60, "43"),  # an unsure second reading changes nothing
        ("43", 90, "48", 95, "43"),  # other digits: the first read stands
        ("15", 90, "5", 95, "15"),
        ("a7", 30, "1.7", 85, "1.7"),  # noise where a number stands
        ("Q3,", 92, "63", 95, "Q3,"),  # a sure word is not turned into a number
        ("43", 90, "an", 95, "43"),
    ],
)
def test_a_second_reading_wins_only_where_it_is_safe(first, confidence, second, second_confidence, kept):
    assert better(first, confidence, second, second_confidence) == kept


@pytest.mark.skipif(ocr.tesseract_missing() is not None, reason="Tesseract is not installed")
def test_a_decimal_point_is_read_again_from_the_enlarged_render():
    image = Image.new("L", (400, 60), 255)
    font = ImageFont.load_default(size=28)
    draw = ImageDraw.Draw(image)
    draw.text((20, 10), "4.3", fill=0, font=font)
    left, top, right, bottom = draw.textbbox((20, 10), "4.3", font=font)
    word = Word("43", 0, left, right, top, bottom, 20.0, ocr.FONT, False, 400)  # as the first read had it
    [again] = reread([word], [90.0], image, 1.0, ocr._tesseract)
    assert again.text == "4.3"

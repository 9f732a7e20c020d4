"""A second look at the numbers of an OCR'd page: decimal points lost in small type.

The first read runs on a render cleaned of speckle by a 3x3 median, and in small
type (a scorecard's table cells) a decimal point is no bigger than speckle: '4.3'
reads '43', or the cell reads as noise. Each number that could have lost its
point, and each low-confidence word holding a digit, is cut from the render
before the median, enlarged so that its point outlasts the median, and all of
them are read again in one Tesseract run (a strip, one word to a row). A second
reading replaces the first only where it is safe to: the same digits with a
decimal point, or a clean number where the first read was unsure and not one.
"""
from __future__ import annotations

import re
from dataclasses import replace

from PIL import Image, ImageFilter

from ..extract.records import Word

_INTEGER = re.compile(r"[-+(]?\d{2,4}%?\)?")  # a number a lost point would leave: '43', '971', '55%'
_NUMBER = re.compile(r"[-+(]?\d[\d,]*(?:\.\d+)?%?\)?")
_UNSURE = 50  # first-read confidence under which a clean second reading wins
_SURE = 80  # confidence a second reading needs
_ENLARGE = 3  # a point of small type at 200 dpi is 2 px, under the median's reach; at 3x it outlasts it
_PAD = 6  # pixels of the render kept around each word
_ROW_GAP = 30  # white between rows of the strip, so Tesseract reads one word to a row


def candidates(words: list[Word], confidences: list[float]) -> list[int]:
    """Indexes of the words worth a second look."""
    return [i for i, (w, c) in enumerate(zip(words, confidences))
            if _INTEGER.fullmatch(w.text) or (c < _UNSURE and any(ch.isdigit() for ch in w.text) and len(w.text) <= 8)]


def strip_of(image: Image.Image, boxes: list[tuple[int, int, int, int]]) -> tuple[Image.Image, list[tuple[int, int]]]:
    """The words cut from the image, enlarged, one to a row; and each row's band (top, bottom) in the strip."""
    crops = []
    for x0, top, x1, bottom in boxes:
        crop = image.crop((max(0, x0 - _PAD), max(0, top - _PAD), x1 + _PAD, bottom + _PAD))
        crop = crop.resize((crop.width * _ENLARGE, crop.height * _ENLARGE), Image.Resampling.LANCZOS)
        crops.append(crop.filter(ImageFilter.MedianFilter(3)))
    strip = Image.new("L", (max(c.width for c in crops) + 2 * _ROW_GAP, sum(c.height + _ROW_GAP for c in crops) + _ROW_GAP), 255)
    bands, y = [], _ROW_GAP
    for crop in crops:
        strip.paste(crop, (_ROW_GAP, y))
        bands.append((y, y + crop.height))
        y += crop.height + _ROW_GAP
    return strip, bands


def readings(tsv: str, bands: list[tuple[int, int]]) -> list[tuple[str, float]]:
    """What the second read made of each row: its words joined, and their lowest confidence."""
    rows: list[list[tuple[str, float]]] = [[] for _ in bands]
    for line in tsv.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        middle = int(cells[7]) + int(cells[9]) / 2
        row = next((i for i, (top, bottom) in enumerate(bands) if top <= middle <= bottom), None)
        if row is not None:
            rows[row].append((cells[11].strip(), float(cells[10])))
    return [("".join(t for t, _ in row), min(c for _, c in row)) if row else ("", 0.0) for row in rows]


def better(first: str, confidence: float, second: str, second_confidence: float) -> str:
    """The second reading where it restores a lost point or reads a number the first could not."""
    if second_confidence < _SURE or not _NUMBER.fullmatch(second):
        return first
    if _INTEGER.fullmatch(first) and second.count(".") == 1 and second.replace(".", "") == first:
        return second
    if confidence < _UNSURE and not _NUMBER.fullmatch(first):
        return second
    return first


def reread(words: list[Word], confidences: list[float], image: Image.Image, scale: float, tesseract) -> list[Word]:
    """The words with numbers read again; tesseract(image, args) -> TSV runs the second read."""
    chosen = candidates(words, confidences)
    if not chosen:
        return words
    boxes = [(round(words[i].x0 * scale), round(words[i].top * scale), round(words[i].x1 * scale),
              round(words[i].bottom * scale)) for i in chosen]
    strip, bands = strip_of(image, boxes)
    tsv = tesseract(strip, ["--psm", "6", "-l", "eng", "--dpi", str(round(scale * 72 * _ENLARGE)), "tsv"])
    out = list(words)
    for i, (text, confidence) in zip(chosen, readings(tsv, bands)):
        chosen_text = better(words[i].text, confidences[i], text, confidence)
        if chosen_text != words[i].text:
            out[i] = replace(words[i], text=chosen_text)
    return out

"""Text of a page read from its render by Tesseract, as the same words and lines a text layer gives.

The page is rendered by PDFium in grey, turned upright (a landscape page scanned
sideways, a page fed upside down) and deskewed, then Tesseract reads it once
and returns words with boxes and confidences (TSV). Words keep Tesseract's
lines, so the layout-aware readers see indentation, line gaps and type size as
on a text page; sizes are estimated from line heights and weight from how much
ink a word holds. Tesseract runs as a subprocess with one thread: the worker
processes are the parallelism, and a page that hangs or crashes it costs only
that page.
"""
from __future__ import annotations

import functools
import io
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from statistics import median

import numpy as np
from PIL import Image, ImageFilter

from ..extract.geometry import Box, PageLayout, PlacedWord, Rule
from ..extract.records import PageText, Word
from .ocr_numbers import reread

TESSERACT = os.environ.get("PAPERS_TESSERACT", "tesseract")
# Measured on the sample scans (bench/ocr.py, BENCHMARKS.md): 200 dpi reads as well as 300 at less cost.
OCR_DPI = int(os.environ.get("PAPERS_OCR_DPI", 200))
# Tesseract page segmentation 4, one column of text of any size: committee papers are single-column,
# and mode 3 sets the numbers of a numbered list apart in a column of their own (read after the list).
PAGE_SEGMENTATION = os.environ.get("PAPERS_OCR_PSM", "4")
PAGE_TIMEOUT = float(os.environ.get("PAPERS_OCR_TIMEOUT", 120))
FONT = "OCR"
_CAP_TO_SIZE = 0.72  # cap and ascender height against the type size (Arial, Times, Calibri alike)
_LINE_TO_SIZE = 0.8  # a line's box (ascenders to descenders) against the type size
_CAP_HIGH = re.compile(r"[A-Z0-9bdfhklt]")
_BELOW_BASELINE = re.compile(r"[gjpqy,;()\[\]{}|/@$§]")
_BOLD_STROKE = 1.3  # strokes this much wider than the page's typical ones, for their size, are bold
_LOW_CONFIDENCE = 50  # mean word confidence below which the page may be the wrong way up
_SKEW_RANGE, _SKEW_STEP = 5.0, 0.25  # degrees tried when deskewing
_SKEW_WIDTH = 800  # pixels: deskew is measured on a small copy
_INK = 128  # grey level below which a pixel is ink
_RULE_INK = 190  # hairline rules scan as light grey, lighter than text
_RULE_SOLID = 0.9  # share of a rule's run that must be ink
_RULE_INCHES = 0.4  # an ink run this long is a ruling line: no letter's stroke is


class OcrError(Exception):
    """Tesseract could not read the page; the message says why, in one line."""


@dataclass
class OcrPage:
    text: str
    words: list[Word]
    width: float  # points, of the page as turned upright
    height: float
    confidence: float  # mean word confidence, 0-100
    rotation: int = 0  # degrees the render was turned clockwise to stand upright
    skew: float = 0.0
    confidences: list[float] = field(default_factory=list)  # one per word
    rules: list[Rule] = field(default_factory=list)  # ruling lines found in the render (points)

    def page_text(self, number: int) -> PageText:
        return PageText(number, self.text, round(self.width, 1), round(self.height, 1), False, self.words)

    def layout(self, number: int) -> PageLayout:
        """The words and ruling lines as the table reader takes them from a text page."""
        placed = [PlacedWord(w.text, Box(w.x0, w.top, w.x1, w.bottom)) for w in self.words]
        return PageLayout(number, self.width, self.height, placed, list(self.rules))


@functools.cache
def tesseract_missing() -> str | None:
    """Why OCR cannot run here, or None when Tesseract with English is installed."""
    if shutil.which(TESSERACT) is None:
        return "Tesseract is not installed"
    try:
        listed = subprocess.run([TESSERACT, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Tesseract does not run ({exc})"
    if "eng" not in listed.stdout.split():
        return "Tesseract has no English data (tesseract-ocr-eng)"
    return None


def ocr_page(page, dpi: int = OCR_DPI) -> OcrPage:
    """OCR one open pypdfium2 page; raises OcrError with a one-line reason."""
    scale = dpi / 72
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    image, skew = deskew(image)
    unfiltered, rules = take_rules(image, scale)  # before the median, which would erase hairlines
    # Speckle (scanner noise, paper grain) turns small digits into letters: a 3x3 median removes
    # it and keeps strokes, which are wider than one pixel at the resolutions used here.
    image = unfiltered.filter(ImageFilter.MedianFilter(3))
    result = _read(image, scale)
    if result.confidence < _LOW_CONFIDENCE or _sideways(image):
        turned = _orientation(image)
        if turned:
            better = _read(image.rotate(-turned, expand=True, fillcolor=255), scale)
            if better.confidence > result.confidence:
                result, better.rotation = better, turned
    result.skew = skew
    if result.rotation:
        unfiltered = unfiltered.rotate(-result.rotation, expand=True, fillcolor=255)
    else:  # a turned page's rules were found in the other orientation
        result.rules = rules
    # the median also takes the decimal points of small type: numbers get a second look without it
    result.words = reread(result.words, result.confidences, unfiltered, scale, _tesseract)
    result.text = text_of(result.words)
    return result


def take_rules(image: Image.Image, scale: float) -> tuple[Image.Image, list[Rule]]:
    """The image without its ruling lines (Tesseract reads a rule beside a digit as '|' or '1'),
    and those lines as the table reader's rules, in points."""
    ink = np.asarray(image) < _RULE_INK
    length = max(8, round(_RULE_INCHES * 72 * scale))
    across, down = _long_runs(ink, length), _long_runs(ink.T, length).T
    if not across.any() and not down.any():
        return image, []
    lines = across | down
    lines[1:] |= lines[:-1]  # and the grey edge a scanner leaves beside a rule
    lines[:, 1:] |= lines[:, :-1]
    pixels = np.asarray(image).copy()
    pixels[lines] = 255
    rules = [Rule(Box(x0 / scale, y / scale, x1 / scale, y / scale)) for y, x0, x1 in _segments(across)]
    rules += [Rule(Box(x / scale, y0 / scale, x / scale, y1 / scale)) for x, y0, y1 in _segments(down.T)]
    return Image.fromarray(pixels), rules


def _long_runs(ink: np.ndarray, length: int) -> np.ndarray:
    """Pixels lying in a horizontal run of at least `length` pixels that is (nearly) all ink."""
    width = ink.shape[1]
    if width < length:
        return np.zeros_like(ink)
    sums = np.cumsum(ink, axis=1, dtype=np.int32)
    sums = np.pad(sums, ((0, 0), (1, 0)))
    # the run starting at each column is ink but for specks of scanner noise
    full = (sums[:, length:] - sums[:, :-length]) >= _RULE_SOLID * length
    starts = np.pad(np.cumsum(full, axis=1, dtype=np.int32), ((0, 0), (1, 0)))
    columns = np.arange(width)
    last = np.minimum(columns, width - length) + 1
    first = np.maximum(0, columns - length + 1)
    return (starts[:, last] - starts[:, first]) > 0


def _segments(runs: np.ndarray) -> list[tuple[float, int, int]]:
    """(middle row, first column, last column) of each rule: touching rows are one rule's thickness."""
    rows = np.flatnonzero(runs.any(axis=1))
    found = []
    for group in np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1) if rows.size else []:
        covered = runs[group].any(axis=0)
        edges = np.diff(np.concatenate(([0], covered.astype(np.int8), [0])))
        found += [(float(group.mean()), int(a), int(b)) for a, b in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1))]
    return found


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """The image turned so its text lines run level, and the angle (degrees) it was turned by."""
    small = image.resize((_SKEW_WIDTH, max(1, round(image.height * _SKEW_WIDTH / image.width))))
    ink = Image.eval(small, lambda v: 255 if v < 128 else 0)
    best = max(_angles(), key=lambda angle: _line_contrast(ink, angle))
    if abs(best) < _SKEW_STEP:
        return image, 0.0
    return image.rotate(best, resample=Image.Resampling.BILINEAR, fillcolor=255), best


def _angles() -> list[float]:
    steps = int(_SKEW_RANGE / _SKEW_STEP)
    return sorted((k * _SKEW_STEP for k in range(-steps, steps + 1)), key=abs)  # ties go to level


def _line_contrast(ink: Image.Image, angle: float) -> float:
    """How sharply ink rows alternate with white rows: highest when lines are level."""
    rows = np.asarray(ink.rotate(angle, fillcolor=0), dtype=np.float32).sum(axis=1)
    return float(np.square(np.diff(rows)).sum())


def _sideways(image: Image.Image) -> bool:
    """Text lines running up the page: ink varies more across columns than across rows."""
    small = image.resize((200, max(1, round(image.height * 200 / image.width))))
    ink = 255 - np.asarray(small, dtype=np.float32)
    return float(np.square(np.diff(ink.sum(axis=0))).sum()) > 2 * float(np.square(np.diff(ink.sum(axis=1))).sum())


def _orientation(image: Image.Image) -> int:
    """Clockwise degrees that stand the page upright, by Tesseract's orientation detection (0 if unsure)."""
    out = _tesseract(image, ["--psm", "0"], check=False)
    for line in out.splitlines():
        if line.startswith("Rotate:"):
            return int(line.split(":")[1]) % 360
    return 0


def _read(image: Image.Image, scale: float) -> OcrPage:
    tsv = _tesseract(image, ["--psm", PAGE_SEGMENTATION, "-l", "eng", "--dpi", str(round(scale * 72)), "tsv"])
    return _page_from_tsv(tsv, image, scale)


def _tesseract(image: Image.Image, args: list[str], check: bool = True) -> str:
    buffer = io.BytesIO()
    image.save(buffer, "PPM")  # uncompressed: Tesseract reads it without a codec's cost
    try:
        done = subprocess.run([TESSERACT, "stdin", "stdout", *args], input=buffer.getvalue(), capture_output=True,
                              timeout=PAGE_TIMEOUT, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except subprocess.TimeoutExpired:
        raise OcrError(f"Tesseract took longer than {PAGE_TIMEOUT:.0f} s") from None
    except OSError as exc:
        raise OcrError(f"Tesseract does not run ({exc.strerror or exc})") from None
    if check and done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"Tesseract failed (exit {done.returncode}{': ' + said[-1] if said else ''})")
    return done.stdout.decode("utf-8", "replace")


@dataclass
class _Line:
    top: int
    bottom: int
    words: list[tuple[str, int, int, int, float, float]] = field(default_factory=list)  # text, left, right, height, conf, stroke

    @property
    def size(self) -> float:
        """Type size in pixels: from words whose letters reach cap height and stop at the baseline."""
        tall = [h for text, _, _, h, _, _ in self.words if _CAP_HIGH.search(text) and not _BELOW_BASELINE.search(text)]
        return median(tall) / _CAP_TO_SIZE if tall else (self.bottom - self.top) * _LINE_TO_SIZE


def _page_from_tsv(tsv: str, image: Image.Image, scale: float) -> OcrPage:
    lines = _tsv_lines(tsv, np.asarray(image) < 128)
    weights = [stroke / line.size for line in lines for *_, stroke in line.words if stroke]
    typical = median(weights) if weights else 0.0
    texts, words, confidences = [], [], []
    for number, line in enumerate(lines):
        texts.append(" ".join(w[0] for w in line.words))
        top, bottom, size = line.top / scale, line.bottom / scale, round(line.size / scale, 1)
        for text, left, right, _, conf, stroke in line.words:
            bold = typical > 0 and stroke / line.size > _BOLD_STROKE * typical
            words.append(Word(text, number, left / scale, right / scale, top, bottom, size, FONT, bold, 700 if bold else 400))
            confidences.append(conf)
    confidence = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage("\n".join(texts), words, image.width / scale, image.height / scale, confidence,
                   confidences=confidences)


def _tsv_lines(tsv: str, ink: np.ndarray) -> list[_Line]:
    """Tesseract's lines in its reading order, each with its words."""
    lines: dict[tuple[int, int, int], _Line] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (int(v) for v in cells[6:10])
        key = (int(cells[2]), int(cells[3]), int(cells[4]))  # block, paragraph, line
        text = _cleaned(cells[11])
        if not text:
            continue
        line = lines.setdefault(key, _Line(top, top + height))
        line.top, line.bottom = min(line.top, top), max(line.bottom, top + height)
        stroke = _stroke(ink[top:top + height, left:left + width])
        for part, x0, x1 in _split_glued(text, left, left + width):
            line.words.append((part, x0, x1, height, float(cells[10]), stroke))
    return list(lines.values())


_GLUED = re.compile(r"(?<=[a-z]{2})(?=[A-Z]\d)")  # 'actualQ1': a narrow space Tesseract did not see


def _split_glued(text: str, left: int, right: int) -> list[tuple[str, int, int]]:
    """The word, or its parts where two words were read as one, each with its share of the box."""
    parts = _GLUED.split(text)
    if len(parts) == 1:
        return [(text, left, right)]
    found, start, per_char = [], 0, (right - left) / len(text)
    for part in parts:
        found.append((part, round(left + start * per_char), round(left + (start + len(part)) * per_char)))
        start += len(part)
    return found


_RULE_MARKS = "|¦[]_—"  # what Tesseract reads a ruling line's remains as
_DIGIT_LOOKALIKES = str.maketrans("lIO", "110")


def _cleaned(word: str) -> str:
    """A word without the rule marks at its edges; letters that stand for digits in a number read as digits."""
    word = word.strip().strip(_RULE_MARKS)
    if re.fullmatch(r"\d{1,3}:\d", word):  # a decimal point read as a colon (a time has two minute digits)
        return word.replace(":", ".")
    if re.fullmatch(r"Q[lI]", word) or (re.fullmatch(r"[\d.,%lIO]+", word) and sum(c.isdigit() for c in word) >= 2):
        return word.translate(_DIGIT_LOOKALIKES)
    return word


def _stroke(ink: np.ndarray) -> float:
    """Mean width of the ink runs across a word: its stroke weight, whatever its letters."""
    runs = int(ink[:, :1].sum() + (ink[:, 1:] & ~ink[:, :-1]).sum())
    return float(ink.sum()) / runs if runs else 0.0


def to_json(page: OcrPage) -> str:
    """Compact: the words with boxes and confidences and the rules, so a later pass need not read the page again."""
    words = [[w.text, w.line, round(w.x0, 1), round(w.x1, 1), round(w.top, 1), round(w.bottom, 1), w.size,
              int(w.bold), round(c)] for w, c in zip(page.words, page.confidences)]
    rules = [[round(r.box.x0, 1), round(r.box.top, 1), round(r.box.x1, 1), round(r.box.bottom, 1)] for r in page.rules]
    return json.dumps({"width": round(page.width, 1), "height": round(page.height, 1),
                       "confidence": round(page.confidence, 1), "rotation": page.rotation, "skew": page.skew,
                       "words": words, "rules": rules}, separators=(",", ":"))


def text_of(words: list[Word]) -> str:
    """The page's text: its words line by line."""
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    return "\n".join(" ".join(lines.get(n, [])) for n in range(max(lines, default=-1) + 1))


def from_json(stored: str) -> OcrPage:
    data = json.loads(stored)
    words = [Word(t, line, x0, x1, top, bottom, size, FONT, bool(bold), 700 if bold else 400)
             for t, line, x0, x1, top, bottom, size, bold, _ in data["words"]]
    return OcrPage(text_of(words), words, data["width"], data["height"], data["confidence"], data["rotation"], data["skew"],
                   [w[-1] for w in data["words"]], [Rule(Box(*box)) for box in data.get("rules", [])])

"""Score extracted observations against gold.json (same shape as `papers export --format json`).

A found observation matches a gold one when the document (base file name),
the indicator (lenient text: case, spacing, punctuation and quote style
ignored), the period, the series and the value (numerically equal, or both
null) agree. Each gold observation can be matched once.
"""
from __future__ import annotations

from .metrics import metrics

import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

_NOT_WORD = re.compile(r"[^a-z0-9%+*<>=]+")


def lenient_text(text: str | None) -> str:
    """Case, quotes, punctuation and spacing folded: 'Children's  (CLA)' == "childrens cla"."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    ascii_text = ascii_text.replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", ascii_text).split())


def value_key(value) -> str:
    """Numbers compare by value ('0.00' == 0), so 95 and 95.0 are one key; null stays null."""
    if value is None or value == "":
        return "null"
    number = float(value)
    return "nan" if math.isnan(number) else repr(round(number, 9))


def observation_key(document: str, observation: dict) -> tuple:
    return (
        os.path.basename(document or ""),
        lenient_text(observation.get("indicator")),
        str(observation.get("period") or ""),
        str(observation.get("series") or ""),
        value_key(observation.get("value")),
    )


def _keys(export: dict, documents: set[str] | None) -> Counter:
    keys: Counter = Counter()
    for document in export.get("documents", []):
        name = os.path.basename(document.get("file") or "")
        if documents is not None and name not in documents:
            continue
        keys.update(observation_key(name, o) for o in document.get("observations") or [])
    return keys


def score_observations(export: dict, gold: dict, documents: Iterable[str] | None = None) -> dict:
    """Precision, recall and F1 of the export's observations against gold.

    `documents` (base file names) limits scoring to those files, e.g. to leave
    out image-only copies when OCR was not run.
    """
    only = {os.path.basename(d) for d in documents} if documents is not None else None
    found, expected = _keys(export, only), _keys(gold, only)
    tp = sum((found & expected).values())
    fp = sum(found.values()) - tp
    fn = sum(expected.values()) - tp
    return metrics(tp, fp, fn)


def observation_counts(gold_document: dict, predicted_document: dict) -> tuple[int, int, int]:
    """(tp, fp, fn) for one document pair: the shape search.evaluate's scorer registry expects."""
    name = os.path.basename(gold_document.get("file") or "")
    found = Counter(observation_key(name, o) for o in predicted_document.get("observations") or [])
    expected = Counter(observation_key(name, o) for o in gold_document.get("observations") or [])
    tp = sum((found & expected).values())
    return tp, sum(found.values()) - tp, sum(expected.values()) - tp


def mismatches(export: dict, gold: dict, documents: Iterable[str] | None = None) -> dict:
    """The unmatched keys on each side, for a person reading why a score is low."""
    only = {os.path.basename(d) for d in documents} if documents is not None else None
    found, expected = _keys(export, only), _keys(gold, only)
    return {"false_positives": sorted((found - expected).elements()), "false_negatives": sorted((expected - found).elements())}

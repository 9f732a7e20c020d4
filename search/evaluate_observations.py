"""Observations against gold: a found observation is a gold one when the document (base file name),
the indicator (lenient text: case, spacing, punctuation and quote style ignored), the period, the
series and the value (numerically equal, or both null) agree. Each gold observation matches once.
"""
from __future__ import annotations

import math
import os
import re
import unicodedata
from collections import Counter

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


def _keys(document: dict) -> Counter:
    name = os.path.basename(document.get("file") or "")
    return Counter(observation_key(name, o) for o in document.get("observations") or [])


def observation_counts(gold_document: dict, found_document: dict) -> tuple[int, int, int]:
    """(tp, fp, fn) for one document pair."""
    found, expected = _keys(found_document), _keys(gold_document)
    tp = sum((found & expected).values())
    return tp, sum(found.values()) - tp, sum(expected.values()) - tp


def mismatches(gold_document: dict, found_document: dict) -> dict:
    """The unmatched keys on each side, for a person reading why a score is low."""
    found, expected = _keys(found_document), _keys(gold_document)
    return {"false_positives": sorted((found - expected).elements()), "false_negatives": sorted((expected - found).elements())}

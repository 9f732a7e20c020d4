"""Score an export against a gold file of the same shape (corpus/gold.json).

Pure functions. Each category has a scorer that compares one gold document
with its predicted counterpart and returns (tp, fp, fn); register_scorer adds
more (e.g. observations). Text is matched leniently (case, whitespace and
punctuation folded, then a fuzzy ratio of at least 0.9); numbers, pages and
dates must be equal.
"""
from __future__ import annotations

from .metrics import metrics

import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from rapidfuzz import fuzz

from .evaluate_observations import observation_counts

Counts = tuple[int, int, int]  # true positives, false positives, false negatives
Scorer = Callable[[dict, dict], Counts]
TEXT_RATIO = 90.0


def normalise(text: str | None) -> str:
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


def same_text(a: str | None, b: str | None) -> bool:
    na, nb = normalise(a), normalise(b)
    return na == nb or (bool(na) and bool(nb) and fuzz.ratio(na, nb) >= TEXT_RATIO)


def same_value(a, b) -> bool:
    """Numbers, pages and dates: equal after turning '8' and 8, [5, 12] and (5, 12) alike."""
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return a is not None and b is not None and list(a) == list(b)
    if a is None or b is None:
        return a is None and b is None
    return str(a).strip().lower() == str(b).strip().lower()


def match_items(gold: list, predicted: list, same: Callable[[object, object], bool]) -> Counts:
    """One-to-one greedy matching in document order."""
    unused = list(range(len(predicted)))
    tp = 0
    for item in gold:
        for position, index in enumerate(unused):
            if same(item, predicted[index]):
                tp += 1
                del unused[position]
                break
    return tp, len(predicted) - tp, len(gold) - tp


def _fields(text_fields: Iterable[str], value_fields: Iterable[str]) -> Callable[[dict, dict], bool]:
    text_fields, value_fields = tuple(text_fields), tuple(value_fields)

    def same(gold: dict, predicted: dict) -> bool:
        return all(same_value(gold.get(f), predicted.get(f)) for f in value_fields) and all(
            same_text(gold.get(f), predicted.get(f)) for f in text_fields
        )

    return same


def list_scorer(key: str, text_fields: Iterable[str], value_fields: Iterable[str]) -> Scorer:
    same = _fields(text_fields, value_fields)
    return lambda gold, predicted: match_items(gold.get(key) or [], predicted.get(key) or [], same)


def score_meeting(gold: dict, predicted: dict) -> Counts:
    """kind, committee and meeting_date of a document, each a fact; a null on both sides is no fact."""
    tp = fp = fn = 0
    for field in ("kind", "committee", "meeting_date"):
        g, p = gold.get(field), predicted.get(field)
        if g is None and p is None:
            continue
        if (same_text(g, p) if field == "committee" else same_value(g, p)):
            tp += 1
            continue
        fp += p is not None
        fn += g is not None
    return tp, fp, fn


def _resolutions(document: dict) -> list[dict]:
    return [
        {"minute": item.get("number"), "text": text}
        for item in document.get("minute_items") or []
        for text in item.get("resolutions") or []
    ]


def score_resolutions(gold: dict, predicted: dict) -> Counts:
    return match_items(_resolutions(gold), _resolutions(predicted), _fields(["text"], ["minute"]))


SCORERS: dict[str, Scorer] = {
    "meeting": score_meeting,
    "agenda_items": list_scorer("agenda_items", ["title"], ["number", "pages"]),
    "minute_items": list_scorer("minute_items", ["title"], ["number", "page", "meeting_date"]),
    "resolutions": score_resolutions,
    "recommendations": list_scorer("recommendations", ["text"], ["number", "page"]),
    "requests": list_scorer("requests", ["text"], ["minute", "page"]),
}


def register_scorer(category: str, scorer: Scorer) -> None:
    SCORERS[category] = scorer


register_scorer("observations", observation_counts)


def _base_name(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).name


def unscored_image_only(export: dict, gold: dict) -> list[str]:
    """Image-only gold documents that the export holds no text for (no OCR yet): left out of scores."""
    predicted = {_base_name(d["file"]): d for d in export.get("documents", [])}
    return [
        d["file"]
        for d in gold.get("documents", [])
        if d.get("image_only") and predicted.get(_base_name(d["file"]), {"image_only": True}).get("image_only")
    ]


def paired_documents(export: dict, gold: dict) -> list[tuple[dict, dict]]:
    """(gold, predicted) per gold document; image-only gold counts only when the export has its text."""
    predicted = {_base_name(d["file"]): d for d in export.get("documents", [])}
    skipped = set(unscored_image_only(export, gold))
    pairs = []
    for document in gold.get("documents", []):
        found = predicted.get(_base_name(document["file"]))
        if document["file"] in skipped:
            continue
        pairs.append((document, found or {"file": document["file"]}))
    return pairs


def score(export: dict, gold: dict, categories: Iterable[str] | None = None) -> dict[str, dict]:
    """Precision, recall and F1 per category over all matched documents."""
    pairs = paired_documents(export, gold)
    out = {}
    for category in categories or SCORERS:
        scorer = SCORERS[category]
        totals = [scorer(g, p) for g, p in pairs]
        out[category] = metrics(*(sum(t[i] for t in totals) for i in range(3)))
    return out

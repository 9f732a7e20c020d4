"""A second look at documents that name no committee or council, in the light of the others.

A slide deck or an undated minutes extract often says only "the Panel"; a
Cabinet report often never prints its authority's name. The papers stored
beside them name both. extract.committees and extract.council decide from the
text whether one of those names fits; this module only feeds them.
"""
from __future__ import annotations

import hashlib
import json
from types import SimpleNamespace

from ..extract.indicators import indicators_from
from ..extract.records import DocumentMeta, PageText
from ..extract.structure import extract_structure
from ..index.store import Store


def place_in_collection(store: Store) -> int:
    """Give documents the committee and council their text supports; returns how many changed."""
    committees, councils = store.committees(), store.councils()
    if not committees and not councils:
        return 0
    changed = 0
    for doc in store.documents_to_place():
        pages = [PageText(**page) for page in store.page_texts(doc["id"])]
        meta = DocumentMeta(council=doc["council"], committee=doc["committee"], meeting_date=doc["meeting_date"])
        structure = extract_structure(
            pages, doc["file"], document_id=doc["id"], meta=meta, known_committees=committees, known_councils=councils
        )
        if (structure.meta.committee, structure.meta.council) != (doc["committee"], doc["council"]):
            store.replace_structure(doc["id"], structure)
            changed += 1
    return changed


OVERRIDES_FILE = "indicators.json"
_OVERRIDES_TEMPLATE = {
    "_help": (
        "Force indicators together or apart. merge: lists of row labels that are one indicator; "
        "split: pairs of labels that must never be joined. Re-run `papers ingest` (or "
        "`papers indicators --refresh`) to apply; no PDF is read again."
    ),
    "merge": [],
    "split": [],
}


def refresh_indicators(store: Store, say=lambda text: None, force: bool = False) -> bool:
    """Group observation labels into canonical indicators; returns True if it ran.

    Runs when documents changed (force) or the user's overrides file changed.
    """
    path = store.home / OVERRIDES_FILE
    if not path.exists():
        path.write_text(json.dumps(_OVERRIDES_TEMPLATE, indent=2) + "\n")
    text = path.read_text()
    fingerprint = hashlib.sha256(text.encode()).hexdigest()
    if not force and store.meta_value("indicator_overrides") == fingerprint:
        return False
    try:
        overrides = _read_overrides(text)
    except ValueError as exc:
        say(f"{path}: {exc}; indicators left as they were")
        return False
    labels = [SimpleNamespace(indicator=label, unit=unit) for label, unit in store.indicator_labels()]
    indicators, mapping = indicators_from(labels, overrides)
    store.replace_indicators(indicators, mapping)
    store.set_meta_value("indicator_overrides", fingerprint)
    return True


def _read_overrides(text: str) -> dict:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValueError(f"not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ValueError("expected an object with 'merge' and 'split' lists")
    for key in ("merge", "split"):
        groups = data.get(key, [])
        if not isinstance(groups, list) or not all(
            isinstance(g, list) and all(isinstance(x, str) for x in g) for g in groups
        ):
            raise ValueError(f"'{key}' must be a list of lists of indicator labels")
    return {"merge": data.get("merge", []), "split": data.get("split", [])}

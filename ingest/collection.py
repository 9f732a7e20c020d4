"""Collection passes: what a document means in the light of the other papers stored.

A slide deck or an undated minutes extract often says only "the Panel"; a
Cabinet report often never prints its authority's name. The papers stored
beside them name both. extract.committees and extract.council decide from the
text whether one of those names fits; this module only feeds them, by
extracting such a document again, whole, with the collection's names.
"""
from __future__ import annotations

import hashlib
import json
from types import SimpleNamespace

from ..extract.document import CollectionContext
from ..extract.indicators import indicators_from
from ..extract.committees import committee_from_collection
from ..extract.council import council_from_collection
from ..extract.records import PageText, ParsedDocument
from ..index.store import Store
from .discover import sha256_of
from .ocr_pages import OcrPlan


def placement_tasks(store: Store, context: CollectionContext, reads: str | None = None) -> tuple[list[tuple], dict[str, tuple]]:
    """Parse tasks for the papers naming no committee or council where the collection names one
    that fits, with each one's (committee, council) as stored.

    Extracted again whole, so that no record of the document keeps an id of the earlier
    extraction, and in the workers, so that the parent stays small however many there are.
    A file that has changed or gone since it was read is left for the next ingest.
    """
    tasks, placed = [], {}
    if not context.committees and not context.councils:
        return tasks, placed
    for doc in store.documents_to_place():
        if not _placeable(store, doc, context):
            continue  # the cheap test on stored text first: most such papers stay as they are
        path = first_unchanged_path(store, doc["id"])
        if path:
            # Never OCR'd here: pages read before come from the store, pages that wait keep waiting.
            plan = OcrPlan("never", store.ocr_words(doc["id"]))
            tasks.append((path, doc["id"], *store.size_and_mtime(path), context, plan, reads))
            placed[doc["id"]] = (doc["committee"], doc["council"])
    return tasks, placed


def moved(parsed, placed: dict[str, tuple]) -> bool:
    """A re-extraction that names a committee or council the stored one did not."""
    return isinstance(parsed, ParsedDocument) and (
        (parsed.meta["committee"], parsed.meta["council"]) != placed[parsed.id]
    )


def _placeable(store: Store, doc: dict, context: CollectionContext) -> bool:
    pages = [PageText(**page) for page in store.page_texts(doc["id"])]
    committee = doc["committee"] is None and committee_from_collection(pages, context.committees)
    return bool(committee or (doc["council"] is None and council_from_collection(pages, context.councils)))


def first_unchanged_path(store: Store, doc_id: str) -> str | None:
    for path in store.paths_of(doc_id):
        try:
            if sha256_of(path) == doc_id:
                return path
        except OSError:
            continue
    return None


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

"""A second look at documents that name no committee, in the light of the others.

A slide deck or an undated minutes extract often says only "the Panel"; the
papers stored beside it name the committee. extract.committees decides from
the text whether one of those names fits; this module only feeds it.
"""
from __future__ import annotations

from extract.records import DocumentMeta, PageText
from extract.structure import extract_structure
from index.store import Store


def place_in_collection(store: Store) -> int:
    """Give committee-less documents a committee their text supports; returns how many changed."""
    known = store.committees()
    if not known:
        return 0
    changed = 0
    for doc in store.documents_without_committee():
        pages = [PageText(**page) for page in store.page_texts(doc["id"])]
        meta = DocumentMeta(kind=doc["kind"], committee=None, meeting_date=doc["meeting_date"])
        structure = extract_structure(pages, doc["file"], document_id=doc["id"], known_committees=known, meta=meta)
        if structure.meta.committee:
            store.replace_structure(doc["id"], structure)
            changed += 1
    return changed

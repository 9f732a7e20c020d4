"""Committee of a document that does not name it, from the committees its collection names.

Papers downloaded from one committee's page (a deck, an undated minutes
extract) often say only "the Panel"; the other papers beside them name it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .pagelines import page_content
from .records import PageText

_BODY_NOUN = re.compile(r"\s+(?:Panel|Committee|Sub-Committee|Board|Forum|Commission|Assembly|Partnership|Group)$", re.I)


def _stem(committee: str) -> str:
    """'Health and Wellbeing Board' -> 'Health and Wellbeing': the words that tell committees apart."""
    return _BODY_NOUN.sub("", committee.strip())


def committee_from_collection(pages: list[PageText], file_name: str, known: Sequence[str]) -> str | None:
    """A known committee named in full in the text, else one whose distinctive words open the paper."""
    text = " ".join(" ".join(p.text.split()) for p in pages).lower()
    first_page = next((p for p in pages if p.text.strip()), None)
    opening = " ".join(page_content(first_page)[:3]) if first_page else ""
    title_text = f"{file_name} {opening}".lower()
    by_length = sorted(set(known), key=len, reverse=True)
    for committee in by_length:
        if committee.lower() in text:
            return committee
    for committee in by_length:
        stem = _stem(committee)
        if stem != committee and len(stem) >= 6 and stem.lower() in title_text:
            return committee
    return None

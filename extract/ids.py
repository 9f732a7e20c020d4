"""Stable ids: derived from content so that re-ingesting the same paper gives the same ids."""
from __future__ import annotations

import hashlib
import re
import unicodedata


def slug(text: str) -> str:
    """'Health and Wellbeing Board' -> 'health-and-wellbeing-board'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def normalise_text(text: str) -> str:
    """Case, whitespace, quotes and punctuation folded, so trivial re-typesetting keeps the id."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


def text_hash(text: str, length: int = 10) -> str:
    return hashlib.sha1(normalise_text(text).encode()).hexdigest()[:length]

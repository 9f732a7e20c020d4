"""One text in several papers, shown once: a scan stored beside the paper it was scanned from,
a paper published twice, the same report in two packs for one meeting.

Two results are copies when most of their word triples are shared (OCR misreads a few words,
so not all) and they do not belong to different dated meetings: a report presented again at
a later meeting is another discussion, and both stay. Of a set of copies the one read from a
text layer is kept, then the better ranked; the others are named beside it ("also in").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
SHARED = 0.5  # Jaccard share of word triples; a 1% character error rate keeps about 0.75
MIN_TRIPLES = 30  # shorter texts (a heading, a one-line decision) recur legitimately
_TEXT_CHARS = 6000


def triples(text: str) -> frozenset[int]:
    words = re.findall(r"[a-z0-9]+", text[:_TEXT_CHARS].lower())
    return frozenset(hash((a, b, c)) for a, b, c in zip(words, words[1:], words[2:]))


def without_copies(hits: Sequence[T], text: Callable[[T], str], ocr: Callable[[T], bool],
                   date: Callable[[T], str | None], document: Callable[[T], str]) -> list[tuple[T, list[T]]]:
    """(hit, its copies) for each distinct text, in the order of the hits kept."""
    kept: list[list] = []  # [hit, triples, copies]
    known: dict[str, frozenset[int]] = {}  # copies share their text: its triples are found once
    for hit in hits:
        words = text(hit)[:_TEXT_CHARS]
        if words not in known:
            known[words] = triples(words)
        mine = known[words]
        twin = next((k for k in kept if _copies(hit, mine, k[0], k[1], date, document)), None) \
            if len(mine) >= MIN_TRIPLES else None
        if twin is None:
            kept.append([hit, mine, []])
        elif ocr(twin[0]) and not ocr(hit):  # the text layer reads better than its scan
            twin[2].append(twin[0])
            twin[0], twin[1] = hit, mine
        else:
            twin[2].append(hit)
    return [(hit, copies) for hit, _, copies in kept]


def _copies(a, a_triples: frozenset[int], b, b_triples: frozenset[int], date, document) -> bool:
    if document(a) == document(b) or len(b_triples) < MIN_TRIPLES:
        return False
    if date(a) and date(b) and date(a) != date(b):
        return False
    return a_triples is b_triples or len(a_triples & b_triples) >= SHARED * len(a_triples | b_triples)

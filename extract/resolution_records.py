"""One decision's text as Resolution records, one per part."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .decision_parts import split_parts
from .records import Resolution


def records(text: str, verb: str, page: int, minute_id: str, minute_number: str | None, **fields) -> list[Resolution]:
    """Text keeps '\n' at line starts and '\n\n' at paragraph ends, which tell its parts apart.

    A part label can repeat within an item (a list that restarts, two decisions
    each in parts), so ids carry the part's words as well as its label.
    """
    parent = " ".join(text.split())
    return [
        Resolution(
            minute_id=minute_id,
            minute_number=minute_number,
            part=part,
            text=part_text,
            parent_text=parent,
            verb=verb,
            page=page,
            **fields,
        )
        for part, part_text in split_parts(text if text.startswith("\n\n") else text.strip("\n"))
        if part_text
    ]


def numbered_repeats(found: list[Resolution]) -> list[Resolution]:
    """The second and later records with the same id get a repeat number, in the order they stand.

    The first keeps its plain id, so ids stay what they were for items with no repeats.
    """
    seen: Counter = Counter()
    out = []
    for record in found:
        seen[record.id] += 1
        out.append(replace(record, repeat=seen[record.id]) if seen[record.id] > 1 else record)
    return out

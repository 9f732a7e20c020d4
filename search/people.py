"""`papers who` and the --person / --org filters: people and organisations in the papers."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from rapidfuzz import fuzz

from ..index.queries import document_page_meetings, entities, entity_mentions, item_labels, meeting_lookup
from ..index.store import Store
from .query import QueryError

MATCH_SCORE = 85


@dataclass
class Appearance:
    meeting_date: str | None
    committee: str | None
    roles: list[str]
    items: list[str]
    mentions: int
    citations: list[str] = field(default_factory=list)  # file:page

    def as_dict(self) -> dict:
        return asdict(self)


def matching_entities(store: Store, name: str, kinds: tuple[str, ...] = ("PERSON", "ORG")) -> list[dict]:
    """Entities whose name matches: every word of the query in the name, or a close spelling."""
    words = _words(name)
    if not words:
        raise QueryError(f"no name given in {name!r}")
    found = []
    for entity in entities(store, kinds):
        candidate = _words(entity["name"])
        if words <= candidate or fuzz.token_set_ratio(" ".join(sorted(words)), entity["name"].lower()) >= MATCH_SCORE:
            found.append(entity)
    return found


def entity_ids(store: Store, name: str, kind: str) -> tuple[str, ...]:
    found = matching_entities(store, name, (kind,))
    if not found:
        raise QueryError(f"no {'person' if kind == 'PERSON' else 'organisation'} named {name!r} in the papers")
    return tuple(e["entity_id"] for e in found)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text.lower()))


def who(store: Store, name: str) -> tuple[dict, list[Appearance]]:
    """The best-matching person or organisation and its appearances, newest meeting first."""
    store.check_readable()
    found = matching_entities(store, name)
    if not found:
        raise QueryError(f"nobody and no organisation named {name!r} in the papers: try part of the name")
    entity = max(found, key=lambda e: (fuzz.WRatio(name, e["name"]), e["mentions"]))
    rows = entity_mentions(store, entity["entity_id"])
    page_meeting = {doc: document_page_meetings(store, doc) for doc in {r["document_id"] for r in rows}}
    labels = item_labels(store, {r["item_id"] for r in rows if r["item_id"]})
    groups: dict[str, list[dict]] = {}
    for row in rows:
        meeting = page_meeting[row["document_id"]].get(row["page"])
        groups.setdefault(meeting or f"document:{row['file']}", []).append(row)
    meetings = meeting_lookup(store, {k for k in groups if not k.startswith("document:")})
    appearances = [_appearance(rows, meetings.get(key), labels) for key, rows in groups.items()]
    appearances.sort(key=lambda a: (a.meeting_date is not None, a.meeting_date or ""), reverse=True)
    return entity, appearances


def _appearance(rows: list[dict], meeting: dict | None, labels: dict[str, str]) -> Appearance:
    return Appearance(
        meeting_date=(meeting or {}).get("date"),
        committee=(meeting or {}).get("committee"),
        roles=sorted({r["role"] for r in rows if r["role"]}),
        items=list(dict.fromkeys(labels[r["item_id"]] for r in rows if r["item_id"] in labels)),
        mentions=len(rows),
        citations=list(dict.fromkeys(f"{r['file']}:{r['page']}" for r in rows)),
    )

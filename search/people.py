"""`papers who` and the --person / --org filters: people and organisations in the papers, never a silent guess."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from rapidfuzz import fuzz

from ..index.queries import document_page_meetings, entities, entity_mentions, item_labels, meeting_lookup
from ..index.store import Store
from .names import Person, name_words, people, same_person
from .query import NotFound, QueryError

MATCH_SCORE = 85
CANDIDATES = 12  # listed when a name matches several


@dataclass
class Appearance:
    meeting_date: str | None
    committee: str | None
    roles: list[str]
    items: list[str]
    mentions: int
    citations: list[str] = field(default_factory=list)  # file:page
    pages: list[dict] = field(default_factory=list)  # {document_id, file, page} of each citation, in order

    def as_dict(self) -> dict:
        return asdict(self)


def matching_people(store: Store, name: str, kinds: tuple[str, ...] = ("PERSON", "ORG")) -> list[Person]:
    """People and organisations (all their name forms) with a form that matches: every word, or a close spelling."""
    words = _words(name)
    if not words:
        raise QueryError(f"no name given in {name!r}")
    found = []
    # Grouping every name form into people is most of a lookup; it changes only when the index does.
    everyone = store.fulltext.memo(f"people {' '.join(kinds)}", lambda: people(entities(store, kinds)))
    for person in everyone:
        if any(_matches(words, name, e["name"]) for e in person.entities):
            found.append(person)
    return sorted(found, key=lambda p: -p.mentions)


def _matches(words: set[str], typed: str, candidate: str) -> bool:
    """Every word typed is in the name, or the name forms agree ("Roger Gough", "R W Gough"), or each
    word typed is a close spelling of one of the name's ("Hedly"). A name that holds only some of the
    words typed ("Roger" for "Roger Gough") is not a match."""
    theirs = _words(candidate)
    if words <= theirs:
        return True
    typed_form, their_form = name_words(typed), name_words(candidate)
    if len(typed_form) > 1 and len(their_form) > 1 and same_person(typed_form, their_form):
        return True
    return all(any(fuzz.ratio(word, other) >= MATCH_SCORE for other in theirs) for word in words)


def entity_ids(store: Store, name: str, kind: str) -> tuple[str, ...]:
    """For --person / --org: every entity id of everyone the name matches (any of them will do)."""
    found = matching_people(store, name, (kind,))
    if not found:
        raise NotFound(f"no {'person' if kind == 'PERSON' else 'organisation'} named {name!r} in the papers")
    return tuple(i for person in found for i in person.entity_ids)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text.lower()))


def the_one_meant(name: str, found: list[Person]) -> Person:
    """The person clearly meant, or NotFound listing the candidates with their counts.

    Clear: only one matches, or only one has a form that is the name as typed (titles aside).
    """
    if len(found) == 1:
        return found[0]
    typed = name_words(name)
    exact = [p for p in found if any(name_words(e["name"]) == typed for e in p.entities)]
    if len(exact) == 1:
        return exact[0]
    listed = "\n".join(f"  {p.label()}" for p in found[:CANDIDATES])
    more = f"\n  ... and {len(found) - CANDIDATES} more" if len(found) > CANDIDATES else ""
    raise NotFound(f"{name!r} matches {len(found)} people and organisations; give more of the name:\n{listed}{more}")


def who(store: Store, name: str) -> tuple[Person, list[Appearance]]:
    """The person or organisation meant and its appearances, newest meeting first."""
    store.check_readable()
    found = matching_people(store, name)
    if not found:
        raise NotFound(f"nobody and no organisation named {name!r} in the papers: try part of the name")
    person = the_one_meant(name, found)
    rows = [row for entity_id in person.entity_ids for row in entity_mentions(store, entity_id)]
    page_meeting = {doc: document_page_meetings(store, doc) for doc in {r["document_id"] for r in rows}}
    labels = item_labels(store, {r["item_id"] for r in rows if r["item_id"]})
    groups: dict[str, list[dict]] = {}
    for row in rows:
        meeting = page_meeting[row["document_id"]].get(row["page"])
        groups.setdefault(meeting or f"document:{row['file']}", []).append(row)
    meetings = meeting_lookup(store, {k for k in groups if not k.startswith("document:")})
    appearances = [_appearance(rows, meetings.get(key), labels) for key, rows in groups.items()]
    appearances.sort(key=lambda a: (a.meeting_date is not None, a.meeting_date or ""), reverse=True)
    return person, appearances


def _appearance(rows: list[dict], meeting: dict | None, labels: dict[str, str]) -> Appearance:
    return Appearance(
        meeting_date=(meeting or {}).get("date"),
        committee=(meeting or {}).get("committee"),
        roles=sorted({r["role"] for r in rows if r["role"]}),
        items=list(dict.fromkeys(labels[r["item_id"]] for r in rows if r["item_id"] in labels)),
        mentions=len(rows),
        citations=list(dict.fromkeys(f"{r['file']}:{r['page']}" for r in rows)),
        pages=list({(r["document_id"], r["page"]): {"document_id": r["document_id"], "file": r["file"], "page": r["page"]}
                    for r in rows}.values()),
    )

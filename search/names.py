"""One person under several name forms: "R Gough", "R W Gough", "Cllr Roger Gough", within one council.

Two forms are the same person when, titles aside, the surnames agree and the
given names do not disagree: an initial matches a name it begins, a short
form begins the long one ("Val", "Valerie"), a missing middle name is no
disagreement. A surname alone joins only when just one person has it.
Organisations are merged only when their names are the same once case,
punctuation and "the" are set aside.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_TITLES = frozenset("""
councillor cllr cllrs mr mrs ms miss mx dr sir dame lord lady baroness professor prof rev revd reverend
the right honourable hon mayor deputy chair chairman vice
""".split())


@dataclass
class Person:
    """Entities taken to be one person (or organisation), with the forms seen."""

    kind: str
    council: str | None
    entities: list[dict] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The fullest form: most given names spelled out, then most mentions."""
        return max(self.entities, key=lambda e: (_fullness(e["name"]), e["mentions"]))["name"]

    @property
    def forms(self) -> list[str]:
        return sorted({e["name"] for e in self.entities} - {self.name})

    @property
    def entity_ids(self) -> tuple[str, ...]:
        return tuple(e["entity_id"] for e in self.entities)

    @property
    def mentions(self) -> int:
        return sum(e["mentions"] for e in self.entities)

    @property
    def documents(self) -> int:
        return sum(e["documents"] for e in self.entities)  # an upper bound where forms share a paper

    def label(self) -> str:
        also = f"; also {', '.join(self.forms)}" if self.forms else ""
        where = f", {self.council}" if self.council else ""
        return f"{self.name} ({self.kind.lower()}{where}, {self.mentions} mention{'s' * (self.mentions != 1)}{also})"


def people(entities: list[dict]) -> list[Person]:
    """Entities grouped into people and organisations, within each council."""
    groups: list[Person] = []
    surname_only: list[dict] = []
    for entity in sorted(entities, key=lambda e: _fullness(e["name"]), reverse=True):
        if entity["kind"] == "PERSON" and len(name_words(entity["name"])) == 1:
            surname_only.append(entity)
            continue
        fits = [g for g in groups if _same(g, entity)]
        home = fits[0] if len(fits) == 1 else None  # "R Gough" beside Roger and Richard Gough: neither
        if home is None:
            home = Person(kind=entity["kind"], council=entity.get("council"))
            groups.append(home)
        home.entities.append(entity)
    for entity in surname_only:
        matches = [g for g in groups if g.kind == "PERSON" and g.council == entity.get("council")
                   and name_words(g.name)[-1] == name_words(entity["name"])[0]]
        if len(matches) == 1:
            matches[0].entities.append(entity)
        else:
            groups.append(Person(kind="PERSON", council=entity.get("council"), entities=[entity]))
    return groups


def name_words(name: str) -> list[str]:
    words = [w for w in re.findall(r"[a-z0-9'’-]+", name.lower().replace(".", " ")) if w not in _TITLES]
    return words or re.findall(r"[a-z0-9'’-]+", name.lower())


def _same(group: Person, entity: dict) -> bool:
    if group.kind != entity["kind"] or group.council != entity.get("council"):
        return False
    if entity["kind"] != "PERSON":
        return any(name_words(e["name"]) == name_words(entity["name"]) for e in group.entities)
    return all(same_person(name_words(e["name"]), name_words(entity["name"])) for e in group.entities)


def same_person(a: list[str], b: list[str]) -> bool:
    """Two name forms (title-free words) that can be one person: same surname, given names that agree."""
    if a[-1] != b[-1]:
        return False
    given_a, given_b = a[:-1], b[:-1]
    if not given_a or not given_b:
        return True
    if not _given_agree(given_a[0], given_b[0]):
        return False
    middles_a, middles_b = given_a[1:], given_b[1:]
    return not (middles_a and middles_b) or _given_agree(middles_a[0], middles_b[0])


def _given_agree(x: str, y: str) -> bool:
    short, long = sorted((x, y), key=len)
    if len(short) == 1:
        return long.startswith(short)
    return long.startswith(short) and len(short) >= 3 or short == long


def _fullness(name: str) -> tuple[int, int]:
    words = name_words(name)
    return sum(len(w) > 1 for w in words), len(words)

"""The council (the authority) a paper belongs to, as the paper names itself.

Authorities print their name where a reader looks first: the letterhead or
title of the first page, a running header or footer, "Name of authority:",
"A Meeting of X will be held", "Chair, X" under the signature. Names met only
in running prose ("Midcity City Council is responsible for ...") are other
bodies the paper talks about and are never taken.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .pagelines import page_content
from .records import PageText

# Words that say what kind of authority it is; the other words of its name say which one.
AUTHORITY_TYPES = (
    "Metropolitan Borough", "Royal Borough", "London Borough", "Regional Municipality", "County Borough",
    "Municipal District", "Metropolitan District",
    "County", "District", "Borough", "City", "Parish", "Town", "Community", "Village", "Township",
    "Municipality", "Region", "Unitary", "Combined", "Neighbourhood",
)
_TYPES = "|".join(t.replace(" ", r"\s+") for t in AUTHORITY_TYPES)
_GENERIC = {w.lower() for t in AUTHORITY_TYPES for w in t.split()} | {
    "council", "the", "of", "and", "corporation", "royal", "full", "budget", "annual", "meeting", "minutes",
    "agenda", "cabinet", "committee", "members", "member", "above", "said", "local", "our", "this", "your",
    "planning", "finance", "executive", "county-wide",
}
# A place word: "Northshire", "Upton-cum-Marsh", "Stoke-on-Trent", "Bishop's".
# A capitalised heading goes on past the place: "... OF ELMSWORTH HELD IN ...", "... OF ASHBY MEETING".
_PLACE = r"(?!(?:Held|Meeting|Minutes|Agenda)\b)[A-Z][A-Za-z'’]*(?:-[a-zA-Z][A-Za-z'’]*)*"
_LINK = r"(?:upon|on|under|le|by)"
_PLACE_RUN = rf"{_PLACE}(?:[ \t]+(?:{_LINK}[ \t]+)?{_PLACE}){{0,3}}"
_MONTHS_DAYS = (
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
).split()
# "Council Chamber", "Council Offices": a building or a tax, not an authority.
_NOT_NAME_END = r"(?![ \t]+(?:Chambers?|Offices?|Tax|House|Hall|Buildings?|Rooms?|Depot|Centre|Procedures?|Standing))"
# "Northshire County Council", "Ashby Parish Council", "Royal Eastbridge Town Council", "Westford Council"
NAMED_COUNCIL = re.compile(rf"\b(?P<name>(?:Royal[ \t]+)?{_PLACE_RUN}(?:[ \t]+(?:{_TYPES}))?[ \t]+Council)\b{_NOT_NAME_END}")
# "Township of Lakeview", "London Borough of Westford", "City of York Council"
COUNCIL_OF = re.compile(rf"\b(?P<name>(?:{_TYPES}|Council)[ \t]+of[ \t]+(?:the[ \t]+)?{_PLACE_RUN}(?:[ \t]+Council\b{_NOT_NAME_END})?)")
LABELLED = re.compile(r"^(?:Name\s+of\s+(?:smaller\s+)?(?:relevant\s+)?(?:authority|council|body)|Authority|Council)\s*:\s*(.+)$", re.I)
_HEAD_LINES = 8


_JOINING = {"of", "the", "and", "upon", "on", "in", "under", "le", "by", "cum", "super", "sub", "en", "sur", "de", "next"}


def _title_word(word: str) -> str:
    """'UPTON-CUM-MARSH' -> 'Upton-cum-Marsh', 'STOKE-ON-TRENT' -> 'Stoke-on-Trent'."""
    parts = word.lower().split("-")
    return "-".join(p if i and p in _JOINING else p[:1].upper() + p[1:] for i, p in enumerate(parts))


def _title_case(line: str) -> str:
    if not (line.isupper() and any(c.isalpha() for c in line)):
        return line
    return " ".join(w.lower() if i and w.lower() in _JOINING else _title_word(w) for i, w in enumerate(line.split()))


def _place_words(name: str) -> list[str]:
    return [w for w in re.split(r"\s+", name) if w.lower().strip("'’") not in _GENERIC]


def _trim(name: str) -> str | None:
    """The name without trailing dates, or None when no word of it names a place."""
    words = name.split()
    while words and words[-1].lower().strip(",.") in _MONTHS_DAYS:
        words.pop()
    name = " ".join(words)
    places = _place_words(name)
    if not places or any(w.lower().strip(",.") in _MONTHS_DAYS for w in places):
        return None
    return name


# After an authority's name a heading goes on with a separator, lower case, or the meeting it holds;
# another capitalised word means the name is part of a title ("Children in Care Council Consultation").
_NAME_ENDS = re.compile(r"^(?:\s*$|\s*[-–—|~:,.;()]|\s+[a-z]|\s+(?:Meetings?|Minutes|Agenda|Held)\b)")
_BULLET = re.compile(r"^\s*[•●▪■◦*\-–]\s")


def councils_in(line: str) -> list[str]:
    """Authority names in one line of text, in order; none in a bulleted list line."""
    if _BULLET.match(line):
        return []
    text = _title_case(line.strip())
    found = []
    for pattern in (COUNCIL_OF, NAMED_COUNCIL):
        for match in pattern.finditer(text):
            name = _trim(re.sub(r"\s+", " ", match.group("name")))
            if name and _NAME_ENDS.match(text[match.end():]):
                found.append((match.start(), name))
    found.sort()
    # "Township of Lakeview Council": the "X of Y" form is the name; drop what overlaps it.
    names: list[str] = []
    for _, name in found:
        if not any(name in kept or kept in name for kept in names):
            names.append(name)
    return names


def _line_councils(lines: list[str]) -> list[str]:
    """Names in lines, including one that wraps onto the next line ("Northshire County / Council")."""
    singles = [name for line in lines for name in councils_in(line)]
    joined = []
    for first, second in zip(lines, lines[1:]):
        for name in councils_in(f"{first} {second}"):
            if any(single in name and single != name and name.endswith(single) for single in singles):
                # "... OF THE MUNICIPAL" / "DISTRICT OF UPTON": the wrapped name is the whole one.
                singles = [name if name.endswith(single) else single for single in singles]
            elif not any(name in single or single in name for single in singles):
                joined.append(name)
    return singles + joined


_SENTENCE_WORD = re.compile(r"[a-z][a-z'’,.;:()\-]*")
_MEETING_OF = re.compile(r"\b(?:meeting|minutes|proceedings)\s+of\s+(?:the\s+)?[A-Z]", re.I)


def _talks_about(line: str) -> bool:
    """A sentence near the top ("The Chairman advised that X Council is responsible ...") names
    a body it talks about; a statement of the meeting ("A Meeting of X Council will be held") is kept."""
    words = line.split()
    lower = sum(bool(_SENTENCE_WORD.fullmatch(w)) for w in words)
    return len(words) >= 8 and lower >= len(words) / 2 and not _MEETING_OF.search(line)


def _edge_lines(page: PageText) -> list[str]:
    lines = page_content(page)
    return lines[:2] + lines[-2:]


def council_name(pages: Sequence[PageText]) -> str | None:
    """The authority the paper names itself by, or None when it names none prominently."""
    text_pages = [p for p in pages if p.text.strip()]
    if not text_pages:
        return None
    head = [line for line in page_content(text_pages[0])[:_HEAD_LINES] if not _talks_about(line)]
    labelled = [m.group(1) for m in map(LABELLED.match, page_content(text_pages[0])) if m]
    # "Department of ... of the City of Lakeview" is the department's paper, not the city's.
    agencies = [m.group("name") for m in map(_AGENCY_OF.match, map(_title_case, head)) if m]
    candidates = _line_councils(labelled) + [" ".join(a.split()) for a in agencies] + _line_councils(head)
    if not candidates:
        # A running header or footer printed on several pages names the author too.
        edges = Counter(name for page in text_pages for name in set(_line_councils(_edge_lines(page))))
        candidates = [name for name, count in edges.most_common() if count >= 2]
    if not candidates:
        candidates = _signed_for(text_pages)
    if not candidates:
        # A board, district or department that is no council heads its papers with its own name.
        candidates = [name for line in head for name in bodies_in(line)]
    if not candidates:
        candidates = _incorporated_on(text_pages[0])
    if not candidates:
        return None
    return _spelled_as_printed(candidates[0], text_pages)


_SIGNED = re.compile(r"\b(?:Chair(?:man)?|Clerk|Mayor|Proper\s+Officer)\s*(?:of|,)\s*(?:the\s+)?(.+)$", re.I)


def _signed_for(pages: Sequence[PageText]) -> list[str]:
    """'Chair, Ashby Parish Council' under the signature of minutes."""
    lines = [m.group(1) for p in pages for m in map(_SIGNED.search, page_content(p)[-12:]) if m]
    return _line_councils(lines)


def _spelled_as_printed(name: str, pages: Sequence[PageText]) -> str:
    """Letterheads print names in capitals; prefer the spelling the running text uses."""
    pattern = re.compile(r"\s+".join(map(re.escape, name.split())), re.I)
    for page in pages:
        for match in pattern.finditer(page.text):
            if not match.group(0).isupper():
                return " ".join(match.group(0).split())
    return name


def place_of(council: str) -> str:
    """'Royal Eastbridge Town Council' -> 'Eastbridge': the words that tell authorities apart."""
    return " ".join(_place_words(council))


def council_from_collection(pages: Sequence[PageText], known: Sequence[str]) -> str | None:
    """A known authority whose place the paper mentions most (its own e-mail domain counts), if any.

    For papers that never print their authority's name: a Cabinet report, a
    committee's minutes under a logo. Only authorities other papers name
    themselves by are candidates, so a place merely mentioned is no author.
    """
    text = "\n".join(p.text for p in pages)
    counts = Counter()
    for council in set(known):
        place = place_of(council)
        if len(place) >= 3:
            pattern = r"\b" + r"[\s\-]+".join(map(re.escape, place.split())) + r"\b"
            counts[council] = len(re.findall(pattern, text, re.I))
    ranked = [(n, c) for c, n in counts.most_common() if n]
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def body_of(council: str | None) -> str:
    """What the full authority is called as a meeting body: 'Community Council', 'County Council', 'Council'."""
    if not council:
        return "Council"
    words = council.split()
    if words[-1].lower() != "council":
        return "Council"
    kind = [w for w in words[:-1] if w.lower() in _GENERIC - {"royal", "the", "of", "and"}]
    return " ".join([*kind[-1:], "Council"])


# A municipality's own name is "City of Lakeview"; "Lakeview City Council" is the body that governs it.
_INCORPORATED = ("City", "Town", "Township", "Village")
_INCORPORATED_OF = re.compile(rf"\b(?:{'|'.join(_INCORPORATED)})[ \t]+of[ \t]+{_PLACE_RUN}")


def legal_name(name: str | None, pages: Sequence[PageText]) -> str | None:
    """'Lakeview City Council' -> 'City of Lakeview' when the paper itself prints that form."""
    if not name:
        return name
    words = name.split()
    if len(words) < 3 or words[-1] != "Council" or words[-2] not in _INCORPORATED:
        return name
    place = r"\s+".join(map(re.escape, words[:-2]))
    pattern = re.compile(rf"\b{words[-2]}\s+of\s+{place}\b(?!\s+Council)", re.I)
    for page in pages:
        match = pattern.search(page.text)
        if match:
            return _title_case(" ".join(match.group(0).split()))
    return name


def _incorporated_on(page: PageText) -> list[str]:
    """'... committees of the City of Lakeview': a municipality named anywhere on the first page."""
    counts = Counter(_trim(" ".join(m.group(0).split())) for line in page_content(page)
                     for m in _INCORPORATED_OF.finditer(_title_case(line)))
    return [name for name, _ in counts.most_common() if name]


# "Northshire County Board of Health", "Upton Community College District", "Harbour Special Service Area #4",
# "Department of Water and Power of the City of Lakeview": a public body's name, place words first.
_AGENCY = r"(?:District|Authority|Agency|Department|Area|Trust|Corporation|Board[ \t]+of[ \t]+[A-Z][a-z]+)"
_PLACE_AGENCY = re.compile(rf"^(?P<name>{_PLACE_RUN}(?:[ \t]+{_PLACE_RUN})*[ \t]+{_AGENCY}(?:[ \t]+#?\d+)?)\s*$")
_AGENCY_OF = re.compile(
    rf"^(?:The[ \t]+)?(?P<name>(?:Department|Authority|Agency)[ \t]+of[ \t]+.{{3,60}}?[ \t]+of[ \t]+the[ \t]+"
    rf"(?:{'|'.join(_INCORPORATED)}|County)[ \t]+of[ \t]+{_PLACE_RUN})\s*$"
)


def bodies_in(line: str) -> list[str]:
    """A heading line that is wholly a public body's name, other than a council's."""
    text = _title_case(line.strip())
    match = _PLACE_AGENCY.match(text) or _AGENCY_OF.match(text)
    if not match:
        return []
    name = " ".join(match.group("name").split())
    places = [w for w in _place_words(name) if not re.fullmatch(rf"#?\d+|{_AGENCY}", w)]
    return [name] if places and not any(w.lower() in _MONTHS_DAYS for w in places) else []

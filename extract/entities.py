"""Entity extraction: people, organisations, posts, places and topics named in one document.

    extractor = EntityExtractor()                 # once per worker process
    mentions = extractor.mentions(pages, items)   # once per document

The rule layer (extract/entity_rules.py) marks spans page by page; this module
turns them into Mentions with normalised names and resolves, within the
document, what a single page cannot: "Ms Okafor" is the "Sarah Okafor" named
earlier, "LSCB" is the "Local Safeguarding Children Board (LSCB)" defined on
page 3, and a person's post is carried to the mentions that do not repeat it.
Pure: page text in, records out; no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import entity_patterns as P
from . import entity_rules as R  # registers the "council_entity_rules" factory
from .records import Mention, PageText

KINDS = ("PERSON", "ORG", "ROLE", "PLACE", "TOPIC")
_MODEL_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "PLACE": "PLACE"}
_NOT_ROLE_LABELS = {"name", "contact", "contacts", "councillors", "councillor", "cllrs", "members", "member",
                    "present", "apologies", "attendance", "reserves", "reserve", "by", "signed", "substitutes"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]*[A-Z][A-Za-z]*$")
_NATIONAL_CANONICAL = {v.lower(): canonical for canonical, vs in P.NATIONAL_BODIES.items() for v in vs}


# --- names ----------------------------------------------------------------------


def normalise_person(name: str) -> str:
    """'Councillor Mrs Helen ROWLEY' -> 'Helen Rowley'; 'Jo Marsh Marsh.....' -> 'Jo Marsh'."""
    words = re.sub(r"[^\w'’.\- ]+", " ", name.replace("’", "'")).split()
    words = [w.strip(".") if len(w.strip(".")) > 1 else w for w in words]
    while words and words[0].lower().rstrip(".") in _TITLE_STEMS:
        words.pop(0)
    while len(words) > 1 and len(words[-1].rstrip(".")) == 1:
        words.pop()  # a signature mark or trailing initial: "Jo Marsh X"
    words = [w for w in words if any(c.isalpha() for c in w)]
    deduped = [w for k, w in enumerate(words) if k == 0 or w.lower() != words[k - 1].lower()]
    return " ".join(_fix_case(w) for w in deduped)


_TITLE_STEMS = frozenset(t.rstrip(".") for t in P.TITLE_WORDS)


def _fix_case(word: str) -> str:
    """Names printed in capitals or lower case get name case; 'McDermott' as printed stays."""
    if not (word.isupper() and len(word) > 1) and not word.islower():
        return word
    parts = re.split(r"([\-'])", word.lower())
    cased = "".join(p[:1].upper() + p[1:] for p in parts)
    return re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), cased)  # not "Mac": "Mack", "Macey"


def normalise_org(name: str) -> str:
    """Spacing, quotes and a leading 'the' folded; national bodies take their canonical name."""
    text = " ".join(name.replace("’", "'").split()).strip(" ,.;:")
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    if " " in text and text.isupper():
        text = _title_case(text)  # "LICENSING PANEL" in a heading
    return _NATIONAL_CANONICAL.get(text.lower(), text)


_SMALL_WORDS = frozenset({"of", "for", "and", "in", "on", "the", "to"})


def _title_case(text: str) -> str:
    words = text.lower().split()
    return " ".join(w if k and w in _SMALL_WORDS else w[:1].upper() + w[1:] for k, w in enumerate(words))


def normalise_phrase(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).strip(" ,.;:(")


# --- the pipeline -----------------------------------------------------------------


@lru_cache(maxsize=4)
def build_nlp(model: str | None = None, topics_key: tuple | None = None) -> Language:
    """One pipeline per (model, topics) per process: spaCy start-up costs far more than a page."""
    topics = {k: list(v) for k, v in topics_key} if topics_key is not None else None
    if model is None:
        nlp = spacy.blank("en")
        _tune_tokenizer(nlp)
        nlp.add_pipe("council_entity_rules", config={"topics": topics})
        return nlp
    nlp = spacy.load(model, exclude=["parser", "lemmatizer", "textcat", "senter"])
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe("council_entity_rules", config={"topics": topics}, **where)
    return nlp


def _tune_tokenizer(nlp: Language) -> None:
    """Keep 'Ali-Khan' and 'Vice-Chair' one token; split 'Name:' from '....Jo'; keep few exceptions.

    The English exceptions ("don't", ":)", "a.m.") are matched over every page
    and cost most of the tokenizer's time (about 1.2 of 1.3 ms a page); names
    need only the abbreviated titles kept whole.
    """
    hyphen_infix = r"(?<=[{a}0-9])(?:{h})(?=[{a}])".format(a=ALPHA, h=HYPHENS)
    infixes = [p for p in nlp.Defaults.infixes if p != hyphen_infix] + [r":"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k in _KEPT_EXCEPTIONS}


_KEPT_EXCEPTIONS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Rev.", "St.", "e.g.", "i.e.", "etc.", "No."})


class EntityExtractor:
    def __init__(self, model: str | None = None, topics: dict[str, list[str]] | None = None, batch_size: int = 32):
        topics_key = tuple(sorted((k, tuple(v)) for k, v in topics.items())) if topics is not None else None
        self.nlp = build_nlp(model, topics_key)
        self.batch_size = batch_size

    def docs(self, pages: list[PageText]) -> list[Doc]:
        return list(self.nlp.pipe((p.text for p in pages), batch_size=self.batch_size))

    def mentions(self, pages: list[PageText], items: list[tuple[str, int, int]] | None = None,
                 found: list[Mention] | None = None) -> list[Mention]:
        """found: what an extraction of the same pages with this pipeline gave (mentions depend on the
        page text alone): only their items are found again."""
        if found is None:
            document = _Document([p.number for p in pages], self.docs(pages))
            found = document.people() + document.orgs() + document.places() + document.roles() + document.topics()
        locate = _item_locator(items or [])
        for mention in found:
            mention.item_id = locate(mention.page)
        return sorted(found, key=lambda m: (m.page, m.start, m.kind))


def _item_locator(items: list[tuple[str, int, int]]):
    """The smallest item span containing a page (a report inside a pack before the pack)."""
    spans = sorted(items, key=lambda it: (it[2] - it[1], it[1]))

    def locate(page: int) -> str | None:
        return next((item_id for item_id, first, last in spans if first <= page <= last), None)

    return locate


# --- one document ---------------------------------------------------------------


@dataclass
class _Found:
    page: int
    span: Span


class _Document:
    def __init__(self, numbers: list[int], docs: list[Doc]):
        self.pages = list(zip(numbers, docs))
        self.toks = {id(doc): R.Toks.of(doc) for doc in docs}

    def _ents(self, label: str) -> list[_Found]:
        return [_Found(n, e) for n, doc in self.pages for e in doc.ents if _MODEL_LABELS.get(e.label_) == label]

    # people

    def people(self) -> list[Mention]:
        found = self._ents("PERSON")
        names = [normalise_person(f.span.text) for f in found]
        kept = [(f, n) for f, n in zip(found, names) if n]
        full_names = _full_names(kept)
        kept += self._more_people(full_names)
        kept.sort(key=lambda fn: (fn[0].page, fn[0].span.start_char))
        mentions = [self._person(f, _resolve(n, f, full_names)) for f, n in kept]
        _share_roles(mentions)
        return mentions

    def _more_people(self, full_names: dict) -> list[tuple[_Found, str]]:
        """Known full names repeated without a title, and 'Kate Mills' beside a known 'Katherine Mills'."""
        surnames = {name.split()[-1].lower() for name in full_names}
        more = []
        for number, doc in self.pages:
            taken, toks = _taken_tokens(doc), self.toks[id(doc)]
            for i, token in enumerate(toks):
                if token.lower_ in surnames and i not in taken:
                    span = _given_name_before(toks, i, taken)
                    if span is not None:
                        more.append((_Found(number, span), normalise_person(span.text)))
        return more

    def _person(self, found: _Found, name: str) -> Mention:
        span = found.span
        return Mention(name=name, kind="PERSON", text=span.text, page=found.page, start=span.start_char,
                       end=span.end_char, role=_role_next_to(span, self.toks[id(span.doc)]))

    # organisations

    def orgs(self) -> list[Mention]:
        found = self._ents("ORG")
        acronyms = self._acronyms(found)
        mentions = []
        for f in found:
            name = normalise_org(f.span.text)
            mentions.append(self._mention(f, acronyms.get(name, name), "ORG"))
        mentions += self._acronym_mentions(acronyms)
        # "partnership with <Borough>": a place standing for its council is not a body's name.
        places = {normalise_phrase(f.span.text).lower() for f in self._ents("PLACE")}
        return [m for m in mentions if m.name.lower() not in places]

    def _acronyms(self, found: list[_Found]) -> dict[str, str]:
        """'Local Safeguarding Children Board (LSCB)' and 'CEP (Child Exploitation Panel)'."""
        acronyms = {}
        for f in found:
            doc, span = f.span.doc, f.span
            after = doc[span.end:span.end + 3]
            if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and _ACRONYM.match(after[1].text):
                acronyms.setdefault(after[1].text, normalise_org(span.text))
            before = doc[max(span.start - 2, 0):span.start]
            if len(before) == 2 and before[1].text == "(" and _ACRONYM.match(before[0].text):
                acronyms.setdefault(before[0].text, normalise_org(span.text))
        return {a: name for a, name in acronyms.items() if a.lower() not in _NATIONAL_CANONICAL or name == a}

    def _acronym_mentions(self, acronyms: dict[str, str]) -> list[Mention]:
        mentions = []
        for number, doc in self.pages:
            taken = _taken_tokens(doc)
            for i, token in enumerate(self.toks[id(doc)]):
                if i not in taken and token.text in acronyms:
                    mentions.append(self._mention(_Found(number, doc[i:i + 1]), acronyms[token.text], "ORG"))
        return mentions

    # places, roles, topics

    def places(self) -> list[Mention]:
        return [self._mention(f, normalise_phrase(f.span.text), "PLACE") for f in self._ents("PLACE")]

    def roles(self) -> list[Mention]:
        return [self._mention(_Found(n, s), normalise_phrase(s.text), "ROLE")
                for n, doc in self.pages for s in doc.spans.get(R.ROLES_KEY, [])]

    def topics(self) -> list[Mention]:
        return [self._mention(_Found(n, s), s.label_, "TOPIC")
                for n, doc in self.pages for s in doc.spans.get(R.TOPICS_KEY, [])]

    @staticmethod
    def _mention(found: _Found, name: str, kind: str) -> Mention:
        span = found.span
        return Mention(name=name, kind=kind, text=span.text, page=found.page, start=span.start_char, end=span.end_char)


# --- people: resolution within the document ---------------------------------------


def _full_names(kept: list[tuple[_Found, str]]) -> dict[str, list[tuple[int, int]]]:
    """Full name -> positions (page, char) where it is written in full."""
    names: dict[str, list[tuple[int, int]]] = {}
    for found, name in kept:
        if len(name.split()) >= 2:
            names.setdefault(name, []).append((found.page, found.span.start_char))
    return names


def _resolve(name: str, found: _Found, full_names: dict[str, list[tuple[int, int]]]) -> str:
    """A surname alone becomes the full name with that surname nearest before it (else the first after)."""
    if len(name.split()) != 1:
        return name
    here = (found.page, found.span.start_char)
    candidates = [(pos, full) for full, positions in full_names.items()
                  if full.split()[-1].lower() == name.lower() for pos in positions]
    if not candidates:
        return name
    candidates.sort()
    before = [c for c in candidates if c[0] <= here]
    return (before[-1] if before else candidates[0])[1]


def _taken_tokens(doc: Doc) -> set[int]:
    return {i for e in doc.ents for i in range(e.start, e.end)}


def _given_name_before(toks: R.Toks, i: int, taken: set[int]) -> Span | None:
    start = i
    while start > 0 and i - start < 2 and start - 1 not in taken and R.is_name_word(toks[start - 1]):
        start -= 1
    return toks.doc[start:i + 1] if start < i else None


def _role_next_to(span: Span, doc: R.Toks) -> str | None:
    """The post printed with this mention: after it (', Head of ...'), in the line's label, or before it."""
    roles = span.doc.spans.get(R.ROLES_KEY, [])
    starts = {r.start: r for r in roles}
    return (_role_after(span, doc, starts, on_next_line=False) or _label_role(doc, span)
            or _role_after(span, doc, starts, on_next_line=True) or _role_before(span, doc, roles))


def _role_after(span: Span, doc: R.Toks, starts: dict, on_next_line: bool) -> str | None:
    """'Jane Doe, the Head of ...', 'Jane Doe (Business Partner', or the post alone on the next line."""
    j = span.end
    while j < len(doc) and doc[j].is_space and not doc[j].newline:
        j += 1
    if j >= len(doc):
        return None
    if on_next_line:
        if not doc[j].newline:
            return None
        j += 1
    elif doc[j].text in {",", "(", "–", "-", "—"}:
        j += 1
        while j < len(doc) and (doc[j].is_space or doc[j].lower_ == "the"):
            j += 1
    else:
        return None
    return normalise_phrase(starts[j].text) if j in starts else None


def _role_before(span: Span, doc: R.Toks, roles) -> str | None:
    """'The Leader of the Council, Councillor Tom Baines, said': the post, a comma, then the person."""
    ends = {r.end: r for r in roles}
    j = span.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text != ",":
        return None
    j -= 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return normalise_phrase(ends[j + 1].text) if j + 1 in ends else None


def _label_role(doc: R.Toks, span: Span) -> str | None:
    """'Chair: Councillor Jane Doe', 'Lead inspector: John Roe': the label is the post."""
    start = span.start
    while start > 0 and not R.is_newline(doc[start - 1]):
        start -= 1
    colon = R.label_colon(doc, start)
    if colon is None or colon >= span.start:
        return None
    if R.label_head(doc, start, colon) in _NOT_ROLE_LABELS:
        return None
    return normalise_phrase(doc.doc[start:colon].text)


def _share_roles(mentions: list[Mention]) -> None:
    """A post seen beside one mention of a person is carried to their other mentions in the document."""
    first_role: dict[str, str] = {}
    for m in mentions:
        if m.role:
            first_role.setdefault(m.name, m.role)
    for m in mentions:
        if m.role is None:
            m.role = first_role.get(m.name)


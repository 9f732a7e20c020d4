"""The rule layer: a spaCy component that marks people, bodies, posts, places and topics.

It sets doc.ents (PERSON, ORG, PLACE) the way an EntityRuler does, so in a
trained pipeline it runs before "ner" and the model keeps its spans. Posts
(ROLE) and domain terms (TOPIC) go to doc.spans["roles"] and doc.spans["topics"]
because they overlap names ("Chair of the Local Safeguarding Children Board").

An EntityRuler alone cannot do what the genre needs: drop "Councillor" from
the name it matched, read the list under a "Councillors:" label line by line,
or take a name from the words before ", Head of ...". So lexical patterns run
through spaCy's Matcher/PhraseMatcher and the context rules walk the tokens.
"""
from __future__ import annotations

from spacy.lang import lex_attrs
from spacy.lang.en.lex_attrs import like_num
from spacy.language import Language
from spacy.attrs import ORTH, SPACY
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import entity_patterns as P

ROLES_KEY = "roles"
TOKS_KEY = "council_entity_toks"
TOPICS_KEY = "topics"
_PLACE_WORDS = frozenset({"london", "england", "wales", "scotland", "britain", "north", "south", "east", "west",
                          "central", "greater", "city", "county", "borough", "northern", "ireland"})
_NOT_PLACE = (P.NOT_NAME - _PLACE_WORDS) | {"year", "years", "key", "stage", "pupil", "premium", "place", "touch"}
_SEPARATORS = {",", "(", "–", "-", "—", ":", ";"}
_AFTER_ORG_OK = {
    "to", "for", "in", "on", "at", "by", "with", "from", "following", "regarding", "which", "who", "and",
    ",", ".", ")", ";", ":", "(", "is", "are", "was", "were", "has", "have", "will", "would", "as", "since",
}


# --- token classes ------------------------------------------------------------
# The rules look at every token several times; spaCy builds a new Token object
# on each doc[i], which cost more than the rules themselves. So each page is
# read once into a list of Tok: the lexical facts of one spelling, computed once
# per spelling per process and shared.


class Tok:
    __slots__ = ("text", "lower_", "is_space", "is_lower", "is_upper", "is_alpha", "is_punct", "like_num",
                 "like_email", "like_url", "name_shape", "name_word", "titled_name", "initial", "title",
                 "capitalised", "newline")

    def __init__(self, text: str):
        self.text, self.lower_ = text, text.lower()
        self.is_space, self.is_lower, self.is_upper = text.isspace(), text.islower(), text.isupper()
        self.is_alpha, self.is_punct = text.isalpha(), lex_attrs.is_punct(text)
        self.like_num = like_num(text)
        self.like_email, self.like_url = lex_attrs.like_email(text), lex_attrs.like_url(text)
        self.name_shape = bool(P.NAME_WORD.match(text))
        self.name_word = self.name_shape and self.lower_ not in P.NOT_NAME
        self.titled_name = self.name_word or (self.name_shape and self.lower_ in P.SURNAME_WORDS)
        self.initial = bool(P.INITIAL.match(text))
        self.title = self.lower_ in P.TITLE_WORDS and text[:1].isupper()
        self.capitalised = (text[:1].isupper() and not self.like_email and not self.like_url
                            and any(c.isalpha() for c in text))
        self.newline = self.is_space and "\n" in text


_LEXICON: dict[int, Tok] = {}  # orth id -> Tok


def _tok(orth: int, strings) -> Tok:
    tok = _LEXICON.get(orth)
    if tok is None:
        if len(_LEXICON) > 200_000:
            _LEXICON.clear()  # bound the memory of a long-running worker
        tok = _LEXICON[orth] = Tok(strings[orth])
    return tok


class Toks(list):
    """A page's tokens as Tok, with the Doc they came from (for Spans and character offsets)."""

    def __init__(self, doc: Doc):
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, SPACY]).tolist()
        super().__init__(_tok(orth, strings) for orth, _ in rows)
        # doc.text, from the arrays: Doc.text builds a Token object for every token of the page
        self.doc = doc
        self.text = "".join(tok.text + " " if space else tok.text for tok, (_, space) in zip(self, rows))

    @classmethod
    def of(cls, doc: Doc) -> "Toks":
        """The page's Toks, built once and kept with the doc for later passes."""
        toks = doc.user_data.get(TOKS_KEY)
        if toks is None:
            toks = doc.user_data[TOKS_KEY] = cls(doc)
        return toks

    def idx(self, i: int) -> int:
        return self.doc[i].idx


def is_name_word(token: Tok) -> bool:
    return token.name_word


def is_initial(token: Tok) -> bool:
    return token.initial


def is_title(token: Tok) -> bool:
    return token.title


def is_capitalised(token: Tok) -> bool:
    """A word of a proper name: 'Safeguarding', 'CCG', "Children's" (not a number, not an e-mail)."""
    return token.capitalised


def is_newline(token: Tok) -> bool:
    return token.newline


def is_wrap(doc: Toks, i: int) -> bool:
    """A line break inside running text: the line it ends is a long prose line, not a heading or address."""
    token = doc[i]
    if not (token.is_space and token.text.count("\n") == 1):
        return False
    end = doc.idx(i)
    return end - doc.text.rfind("\n", 0, end) - 1 >= _WRAPPED_LINE


_WRAPPED_LINE = 50


def _line_start(doc: Toks, i: int) -> bool:
    return i == 0 or is_newline(doc[i - 1])


# --- the component ------------------------------------------------------------


@Language.factory("council_entity_rules", default_config={"topics": None})
def make_council_entity_rules(nlp: Language, name: str, topics: dict | None):
    return CouncilEntityRules(nlp, topics if topics is not None else P.DEFAULT_TOPICS)


class CouncilEntityRules:
    def __init__(self, nlp: Language, topics: dict[str, list[str]]):
        self.national = _phrase_matcher(nlp, P.NATIONAL_BODIES)
        self.topics_lower, self.topics_exact = _topic_matchers(nlp, topics)

    def __call__(self, doc: Doc) -> Doc:
        toks = Toks.of(doc)
        roles = find_roles(toks)
        orgs = self._orgs(toks)
        people = find_people(toks, roles)
        places = find_places(toks)
        doc.ents = filter_spans(list(doc.ents) + people + orgs + places)
        doc.spans[ROLES_KEY] = roles
        doc.spans[TOPICS_KEY] = self._topics(doc)
        return doc

    def _orgs(self, toks: Toks) -> list[Span]:
        national = [Span(toks.doc, s, e, label="ORG") for _, s, e in self.national(toks.doc)]
        return national + suffixed_orgs(toks) + context_orgs(toks) + possessive_orgs(toks) + executive_bodies(toks)

    def _topics(self, doc: Doc) -> list[Span]:
        found = [Span(doc, s, e, label=m) for m, s, e in self.topics_lower(doc)]
        found += [Span(doc, s, e, label=m) for m, s, e in self.topics_exact(doc)]
        return filter_spans(found)


def _phrase_matcher(nlp: Language, names: dict[str, list[str]]) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for canonical, variants in names.items():
        matcher.add(canonical, [nlp.make_doc(v) for v in variants])
    return matcher


def _topic_matchers(nlp: Language, topics: dict[str, list[str]]) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Phrases match in any case; acronyms ('UASC', 'PEP') only as printed, so 'pep talk' is not a topic."""
    lower, exact = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for canonical, variants in topics.items():
        words = [v for v in variants if not _is_acronym(v)]
        acronyms = [v for v in variants if _is_acronym(v)]
        if words:
            lower.add(canonical, [nlp.make_doc(v) for v in _with_plurals(words)])
        if acronyms:
            exact.add(canonical, [nlp.make_doc(v) for v in _with_plurals(acronyms)])
    return lower, exact


def _is_acronym(text: str) -> bool:
    return " " not in text and sum(c.isupper() for c in text) >= 2


def _with_plurals(variants: list[str]) -> list[str]:
    out = set(variants)
    out.update(v + "s" for v in variants if not v.endswith("s") and not v.endswith(")"))
    return sorted(out)


# --- roles --------------------------------------------------------------------


def find_roles(doc: Toks) -> list[Span]:
    """Posts: 'Corporate Director of People', 'Head of Service, Early Help', 'Chair'."""
    roles = []
    for i, token in enumerate(doc):
        if token.lower_ in P.ROLE_HEADS and is_capitalised(token):
            span = _role_at(doc, i)
            if span is not None:
                roles.append(span)
    return filter_spans(roles)


def _role_at(doc: Toks, head: int) -> Span | None:
    start = _role_modifiers_start(doc, head)
    end = _role_tail_end(doc, head)
    has_tail, has_modifier = end > head + 1, start < head
    if doc[head].lower_ in P.ROLE_OF_HEADS and not (has_tail or has_modifier):
        return None  # a bare "Head" or "Member" is a word, not a post
    if doc[head].lower_ in {"partner", "lead", "member", "worker", "visitor"} and not has_modifier and not has_tail:
        return None
    return Span(doc.doc, start, end, label="ROLE")


def _role_modifiers_start(doc: Toks, head: int) -> int:
    """Capitalised words before the head: 'Senior Democratic Services' Officer (at most four)."""
    start = head
    while start > 0 and head - start < 4:
        prev = doc[start - 1]
        if not is_capitalised(prev) or prev.lower_ in P.ROLE_MODIFIER_EXCLUDE or is_title(prev):
            break
        start -= 1
    if start + 2 <= head and (_line_start(doc, start) or doc[start - 1].text == ":") \
            and is_name_word(doc[start]) and is_name_word(doc[start + 1]):
        start += 2  # "Jane Doe Head of Finance" on one line: the name is not part of the post
    return start


def _role_tail_end(doc: Toks, head: int) -> int:
    """'of ...'/'for ...' or ', <Division>' after the head, across line breaks only mid-phrase."""
    j = head + 1
    if j < len(doc) and doc[j].text == "," and _capital_follows(doc, j):
        j += 1  # "Corporate Director, People Services"
    elif not (j < len(doc) and doc[j].lower_ in {"of", "for"}):
        return head + 1
    end = head + 1
    while j < len(doc) and j - head < 16:
        token = doc[j]
        if is_capitalised(token) and not is_title(token):
            end = j + 1
        elif token.lower_ in P.ORG_CONNECTORS or token.text in {"'s", "’s"}:
            pass
        elif token.text == "," and _capital_follows(doc, j) and not _person_follows(doc, j):
            pass
        elif is_newline(token) and doc[j - 1].lower_ in P.ORG_CONNECTORS | {","}:
            pass  # "Portfolio Holder for Children,\nYoung People and Schools"
        else:
            break
        j += 1
    return end


def _person_follows(doc: Toks, i: int) -> bool:
    """', Jane Roe regarding': a name of two or three words, then a lower-case word or punctuation."""
    start = _next_word(doc, i)
    if start is None:
        return False
    end = _name_run_end(doc, start, limit=3)
    return end - start >= 2 and (end >= len(doc) or not is_capitalised(doc[end]))


def _capital_follows(doc: Toks, i: int) -> bool:
    nxt = _next_word(doc, i)
    return nxt is not None and is_capitalised(doc[nxt]) and not is_title(doc[nxt])


def _next_word(doc: Toks, i: int) -> int | None:
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return j if j < len(doc) else None


# --- people -------------------------------------------------------------------


def find_people(doc: Toks, roles: list[Span]) -> list[Span]:
    people = titled_people(doc) + people_before_roles(doc, roles) + labelled_people(doc) + people_before_verbs(doc)
    return filter_spans(people)


def titled_people(doc: Toks) -> list[Span]:
    """'Councillor Mrs Helen Rowley', 'Cllr J. Smith', 'Ms Okafor', 'Councillors Ahmed and Lowe'."""
    found, i = [], 0
    while i < len(doc):
        if not is_title(doc[i]) or (i > 0 and is_title(doc[i - 1])):
            i += 1
            continue
        start, j = i, i
        while j < len(doc) and is_title(doc[j]):
            j += 1
        if j + 1 < len(doc) and is_newline(doc[j]) and is_name_word(doc[j + 1]) \
                and doc[j - 1].lower_ not in {"councillors", "cllrs"}:
            j += 1  # "Dr\nBina": the line broke after the title
        upper = doc[i].is_upper
        end = _name_run_end(doc, j, allow_upper=upper, titled=True)
        if end > j:
            found.append(Span(doc.doc, start, end, label="PERSON"))
            if doc[i].lower_ in {"councillors", "cllrs"}:
                found += _coordinated_names(doc, end, upper)
        i = max(end, i + 1)
    return found


def _name_run_end(doc: Toks, i: int, allow_upper: bool = False, limit: int = 4, titled: bool = False) -> int:
    """End of the name starting at i: name words and initials, no trailing initial ('Jo Marsh X').

    After a title, words that double as surnames ('Ward', 'Young') count as names.
    """
    j = i
    while j < len(doc) and j - i < limit:
        token = doc[j]
        if is_name_word(token) or is_initial(token) or (titled and token.titled_name):
            j += 1
        elif allow_upper and P.UPPER_NAME_WORD.match(token.text) and token.lower_ not in P.NOT_NAME:
            j += 1
        else:
            break
    while j > i and is_initial(doc[j - 1]) and not (j - 1 == i and j < len(doc) and doc[j].text == "."):
        j -= 1
    return j


def _coordinated_names(doc: Toks, i: int, upper: bool) -> list[Span]:
    """The rest of 'Councillors Ahmed, Smith and Lowe'."""
    found = []
    while i + 1 < len(doc) and doc[i].text in {",", "and", "&"}:
        start = i + 1
        if start < len(doc) and doc[start].text == "and":
            start += 1
        end = _name_run_end(doc, start, allow_upper=upper)
        if end == start:
            break
        found.append(Span(doc.doc, start, end, label="PERSON"))
        i = end
    return found


def people_before_roles(doc: Toks, roles: list[Span]) -> list[Span]:
    """'Sarah Okafor, Designated Nurse ...', 'Ravi Shah (Business Intelligence Partner', 'Jane Doe\nHead of ...',
    and the post first: 'the Secretary of State for Health, Jane Roe'."""
    found = []
    for role in roles:
        for span in (_name_before(doc, role.start), _name_after(doc, role.end)):
            if span is not None:
                found.append(span)
    return found


def _name_before(doc: Toks, i: int) -> Span | None:
    j = i - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    crossed_line = False
    while j >= 0 and doc[j].is_space:
        crossed_line = crossed_line or is_newline(doc[j])
        j -= 1
    if j < 0:
        return None
    separated = doc[j].text in _SEPARATORS
    end = j if separated else j + 1
    start = _name_run_start(doc, end)
    words = [t for t in doc[start:end] if not t.is_space]
    titled = bool(words) and is_title(words[0])
    if len([w for w in words if is_name_word(w)]) < (1 if titled else 2):
        return None
    if not separated and not (_line_start(doc, start) or doc[start - 1].text == ":"):
        return None  # without a comma the name must stand alone at the start of its line
    if not separated and not crossed_line and end - start > 3:
        return None
    return Span(doc.doc, start, end, label="PERSON")


def _name_after(doc: Toks, end: int) -> Span | None:
    """', Jane Roe regarding ...' right after a post: two or three name words, then not a capital."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    start = end + 1
    run_end = _name_run_end(doc, start, limit=3)
    if run_end - start < 2 or (run_end < len(doc) and is_capitalised(doc[run_end])):
        return None
    return Span(doc.doc, start, run_end, label="PERSON")


def people_before_verbs(doc: Toks) -> list[Span]:
    """'Tom Hill had been appointed', 'Jane Doe introduced the report': minutes report what people said and did."""
    found = []
    for i, token in enumerate(doc):
        if token.lower_ not in P.REPORTING_VERBS or i < 2:
            continue
        j = i - 1
        if doc[j].lower_ in P.REPORTING_ADVERBS or doc[j].lower_ in {"had", "has", "have", "was"}:
            j -= 1
        if doc[j].lower_ in {"been"} and j > 0 and doc[j - 1].lower_ in {"had", "has"}:
            j -= 2
        start = _name_run_start(doc, j + 1)
        words = [t for t in doc[start:j + 1] if not t.is_space]
        before = doc[start - 1] if start > 0 else None
        if len(words) >= 2 and all(is_name_word(w) or is_initial(w) for w in words) and not (
                before is not None and ((is_capitalised(before) and not is_title(before))
                                        or before.lower_ in {"a", "an", "the", "of", "this"})):
            found.append(Span(doc.doc, start, j + 1, label="PERSON"))
    return found


def _name_run_start(doc: Toks, end: int) -> int:
    """Walk back over a name (at most four words; one line break inside it, as in 'Anna\\nSmith')."""
    start, words, breaks = end, 0, 0
    while start > 0 and words < 4:
        token = doc[start - 1]
        if is_name_word(token) or (is_initial(token) and words):
            words += 1
        elif is_title(token) and words:
            start -= 1
            break
        elif is_newline(token) and words == 1 and not breaks and start - 2 >= 0 and is_name_word(doc[start - 2]):
            breaks += 1
        else:
            break
        start -= 1
    return start


def labelled_people(doc: Toks) -> list[Span]:
    """Names after a label that introduces people: 'Chair: ...', 'Councillors:\\n* A B * C D', 'Name: ...'."""
    found, i = [], 0
    while i < len(doc):
        colon = label_colon(doc, i) if _line_start(doc, i) else None
        if colon is None:
            i += 1
            continue
        head = label_head(doc, i, colon)
        if head not in P.PERSON_LABEL_HEADS:
            i = colon + 1
            continue
        names, i = _names_after_label(doc, colon + 1, head in P.LIST_LABEL_HEADS)
        found += names
    return found


def label_colon(doc: Toks, i: int) -> int | None:
    """Index of the ':' ending a short label that starts the line at i."""
    j = i
    while j < len(doc) and j - i <= 7 and not is_newline(doc[j]):
        if doc[j].text == ":":
            return j if j > i and is_capitalised(doc[i]) else None
        if doc[j].text == "*" or (not doc[j].is_alpha and doc[j].text not in {"-", "&", "/", "(", ")"}):
            return None
        j += 1
    return None


def label_head(doc: Toks, start: int, colon: int) -> str:
    words = [t.lower_ for t in doc[start:colon] if t.is_alpha or "-" in t.text]
    if len(words) >= 2 and words[-1] == "by":
        return "by" if words[-2] in {"signed", "report", "author", "written"} else words[-1]
    return words[-1] if words else ""


def _names_after_label(doc: Toks, i: int, runs_on: bool) -> tuple[list[Span], int]:
    """Names on the label's line; for list labels also on following lines until a line yields none."""
    found, first = [], True
    while i < len(doc):
        line_end = _line_end(doc, i)
        if not first and label_colon(doc, _skip_space(doc, i)) is not None:
            break  # the next label starts a new list
        names = _names_in_line(doc, i, line_end)
        found += names
        empty_label_line = first and all(t.is_space or t.is_punct for t in doc[i:line_end])
        i = line_end + 1
        ended_open = empty_label_line or (line_end > 0 and doc[line_end - 1].text in {",", "and"})
        if not (runs_on or ended_open) or (not names and not first):
            break
        first = empty_label_line and not runs_on
    return found, i


def _skip_space(doc: Toks, i: int) -> int:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return min(i, len(doc) - 1)


def _line_end(doc: Toks, i: int) -> int:
    while i < len(doc) and not is_newline(doc[i]):
        i += 1
    return i


def _names_in_line(doc: Toks, start: int, end: int) -> list[Span]:
    """Split a list line at '*', ',', 'and', numbering and brackets; keep the segments that are names."""
    found, i = [], start
    while i < end:
        token = doc[i]
        if token.text == "(":
            i = _closing_bracket(doc, i, end)
            continue
        if not (is_title(token) or is_name_word(token)):
            i += 1
            continue
        j = i
        while j < end and is_title(doc[j]):
            j += 1
        run_end = _name_run_end(doc, j, allow_upper=j > i and doc[i].is_upper, titled=j > i)
        found += _list_names(doc, i, j, run_end)
        i = max(run_end, i + 1)
        if run_end < end and not _is_list_separator(doc[run_end]):
            break  # prose after the name ("on behalf of ..."): the rest of the line is not a list
    return found


def _list_names(doc: Toks, start: int, name_start: int, end: int) -> list[Span]:
    words = end - name_start
    titled = name_start > start
    if words == 0 or (words < 2 and not titled):
        return []
    if words == 4 and not titled and not any(is_initial(t) for t in doc[name_start:end]):
        # "Ravi Shah Mary Jones" printed without separators: two names.
        return [Span(doc.doc, start, start + 2, label="PERSON"), Span(doc.doc, start + 2, end, label="PERSON")]
    return [Span(doc.doc, start, end, label="PERSON")]


_LIST_SEPARATORS = frozenset({"*", ",", ";", "&", "and", "(", ".", "☒", "☐", "…"})


def _is_list_separator(token) -> bool:
    return token.text in _LIST_SEPARATORS or token.is_space or token.like_num \
        or set(token.text) <= {"."}


def _closing_bracket(doc: Toks, i: int, end: int) -> int:
    j = i + 1
    while j < end and doc[j].text != ")":
        j += 1
    return j + 1


# --- organisations ------------------------------------------------------------


def suffixed_orgs(doc: Toks) -> list[Span]:
    """'Local Safeguarding Children Board', 'Barnet Council', 'NHS North West London Integrated Care Board'."""
    found = []
    for i, token in enumerate(doc):
        if token.lower_ in P.ORG_SUFFIXES and is_capitalised(token):
            span = _org_ending_at(doc, i + 1)
        elif token.lower_ == "borough" and is_capitalised(token) and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
            span = _borough_of(doc, i)
        elif token.lower_ == "group" and i > 0 and doc[i - 1].lower_ in P.PARTY_GROUP_WORDS and is_capitalised(token):
            span = Span(doc.doc, i - 1, i + 1, label="ORG")
        else:
            span = _club_or_police(doc, i)
        if span is not None:
            found.append(span)
    return found


def _org_ending_at(doc: Toks, end: int) -> Span | None:
    if end >= 2 and doc[end - 2].lower_ in P.ORG_CONNECTORS:
        return None  # "Training for Council": the suffix word alone is no name
    start = end - 1
    while start > 0 and end - start < 10 and _extends_org_backwards(doc, start - 1):
        start -= 1
    while start < end - 1 and _not_org_start(doc[start]):
        start += 1
    words = [t.lower_ for t in doc[start:end] if not t.is_space]
    if all(w in _NOT_DISTINCTIVE for w in words):
        return None  # "the Council", "Council Committee", "Members of the Panel"
    if _after_indefinite_article(doc, start):
        return None  # "a new Regional Adoption Agency" describes, it does not name
    return Span(doc.doc, start, end, label="ORG")


_FUNCTION_WORDS = frozenset({"a", "an", "the", "with", "of", "for", "to", "by", "in", "on", "and", "at", "from",
                             "that"})


def _after_indefinite_article(doc: Toks, start: int) -> bool:
    """'a new Regional Adoption Agency': an article and a lower-case adjective before the name."""
    j, adjectives = start - 1, 0
    while j >= 0 and start - j <= 4 and (doc[j].is_space or (doc[j].is_lower and doc[j].lower_ not in _FUNCTION_WORDS)):
        adjectives += not doc[j].is_space
        j -= 1
    return adjectives > 0 and j >= 0 and doc[j].lower_ in {"a", "an"}


_NOT_DISTINCTIVE = P.GENERIC_ORG_WORDS | P.ORG_SUFFIXES | P.ORG_CONNECTORS | P.ROLE_HEADS | {"members"}
# A name does not run back over "and" from one body into another: "the CCG and Barnet Council".
_ENDS_A_BODY = P.ORG_SUFFIXES | {"authority", "service", "services", "team", "department", "directorate"}


def _extends_org_backwards(doc: Toks, k: int) -> bool:
    token = doc[k]
    if is_wrap(doc, k):
        return k > 0 and (is_capitalised(doc[k - 1]) or doc[k - 1].lower_ in P.ORG_CONNECTORS
                          or doc[k - 1].text in {"'s", "’s"})
    if is_capitalised(token):
        return not is_title(token) and token.lower_ not in P.ROLE_HEADS
    if token.text in {"'s", "’s"}:
        return True
    before = _previous_word(doc, k)
    if token.lower_ == "the":
        return before is not None and before.lower_ in {"of", "for", "on"}
    if token.lower_ in {"and", "&"}:
        return before is not None and is_capitalised(before) and before.lower_ not in _ENDS_A_BODY \
            and not before.is_upper
    return token.lower_ in P.ORG_CONNECTORS


def _previous_word(doc: Toks, k: int):
    """The token before k, looking past a line break inside running text."""
    j = k - 1
    if j >= 0 and is_wrap(doc, j):
        j -= 1
    return doc[j] if j >= 0 else None


def _not_org_start(token) -> bool:
    return (token.lower_ in P.ORG_LEADING_JUNK or token.lower_ in P.ORG_CONNECTORS or token.is_space
            or token.text in {"'s", "’s"})


def _borough_of(doc: Toks, i: int) -> Span | None:
    """'London Borough of Barnet', 'Royal Borough of Kingston upon Thames': the council by its legal name."""
    j, end = i + 2, i + 2
    while j < len(doc) and j - i < 7:
        if doc[j].name_shape:
            end = j + 1
        elif not (doc[j].lower_ in {"upon", "on", "and"} and end == j):
            break
        j += 1
    start = i - 1 if i > 0 and doc[i - 1].lower_ in {"london", "royal", "metropolitan", "county"} else i
    return Span(doc.doc, start, end, label="ORG") if end > i + 2 else None


def _club_or_police(doc: Toks, i: int) -> Span | None:
    """'Riverside Rovers football club', 'Thames Valley Police'."""
    if doc[i].lower_ not in _EXTRA_SUFFIX_FIRST:
        return None
    for suffix in P.ORG_EXTRA_SUFFIXES:
        n = len(suffix)
        if [t.lower_ for t in doc[i:i + n]] == suffix and i > 0 and is_capitalised(doc[i - 1]):
            start = _capital_run_start(doc, i)
            keep_suffix = doc[i].text[:1].isupper()
            if start < i:
                return Span(doc.doc, start, i + n if keep_suffix else i, label="ORG")
    return None


def _capital_run_start(doc: Toks, end: int, limit: int = 5) -> int:
    start = end
    while start > 0 and end - start < limit:
        prev = doc[start - 1]
        if is_capitalised(prev) and prev.lower_ not in P.ORG_LEADING_JUNK:
            start -= 1
        elif start < end and start >= 2 and is_wrap(doc, start - 1) and is_capitalised(doc[start - 2]):
            start -= 1  # "Riverside\nRovers football club"
        else:
            break
    while start < end and doc[start].is_space:
        start += 1
    return start


def _capital_run_end(doc: Toks, i: int, limit: int = 5) -> int:
    """End of a proper name from i: capitalised words, 'of'/'and' only between capitalised words."""
    j, end = i, i
    while j < len(doc) and j - i < limit:
        if is_capitalised(doc[j]) and not is_title(doc[j]):
            end = j + 1
        elif not ((doc[j].lower_ in {"of", "for", "&"} or is_wrap(doc, j)) and end == j):
            break
        j += 1
    return end


def context_orgs(doc: Toks) -> list[Span]:
    """Bodies named by what is said of them: 'partnership with X', 'X, a voluntary agency', 'agencies such as X, Y'."""
    found = []
    for i in range(len(doc)):
        found += _after_org_verb(doc, i) + _before_appositive(doc, i) + _org_list(doc, i)
    return found


_ORG_VERB_FIRST = frozenset(phrase[0] for phrase in P.ORG_CONTEXT_BEFORE)
_EXTRA_SUFFIX_FIRST = frozenset(suffix[0] for suffix in P.ORG_EXTRA_SUFFIXES)


def _after_org_verb(doc: Toks, i: int) -> list[Span]:
    if doc[i].lower_ not in _ORG_VERB_FIRST:
        return []
    for phrase in P.ORG_CONTEXT_BEFORE:
        n = len(phrase)
        if [t.lower_ for t in doc[i:i + n]] == phrase:
            return _org_names_from(doc, i + n)
    return []


def _org_names_from(doc: Toks, i: int) -> list[Span]:
    """'the CCG, and Kestrel regarding': each capitalised name in a short coordination."""
    found = []
    while i < len(doc):
        if doc[i].lower_ == "the":
            i += 1
        end = _capital_run_end(doc, i)
        if end == i or doc[i].lower_ in P.NOT_NAME - {"ccg", "nhs", "ofsted"}:
            break
        if end < len(doc) and doc[end].lower_ not in _AFTER_ORG_OK and not is_newline(doc[end]):
            break  # "commissioned the CLA Health service": the name is part of a longer noun phrase
        found.append(Span(doc.doc, i, end, label="ORG"))
        i = end
        while i < len(doc) and doc[i].text in {",", "and", "&"}:
            i += 1
        if i == end:
            break
    return found


def _before_appositive(doc: Toks, i: int) -> list[Span]:
    """'Kestrel, a national voluntary adoption agency', 'Brightpath is an independent training organisation'."""
    token = doc[i]
    if token.text != "," and token.lower_ not in {"is", "are"}:
        return []
    j = i + 1
    if j >= len(doc) or doc[j].lower_ not in {"a", "an"}:
        return []
    k = j + 1
    while k < len(doc) and k - j <= 6 and doc[k].lower_ not in P.ORG_APPOSITIVE_NOUNS \
            and (doc[k].is_alpha or is_wrap(doc, k)):
        k += 1
    if k >= len(doc) or doc[k].lower_ not in P.ORG_APPOSITIVE_NOUNS:
        return []
    start = i
    while start > 0 and i - start < 6 and _extends_org_backwards(doc, start - 1):
        start -= 1
    while start < i and _not_org_start(doc[start]):
        start += 1
    if start == i or not is_capitalised(doc[start]) or not _starts_sentence_or_clause(doc, start):
        return []
    return [Span(doc.doc, start, i, label="ORG")]


def _starts_sentence_or_clause(doc: Toks, start: int) -> bool:
    if start == 0:
        return True
    prev = doc[start - 1]
    return prev.is_space or prev.is_punct or prev.is_lower


def _org_list(doc: Toks, i: int) -> list[Span]:
    if not (doc[i].lower_ in P.ORG_LIST_INTRO and i + 2 < len(doc)
            and doc[i + 1].lower_ == "such" and doc[i + 2].lower_ == "as"):
        return []
    return _org_names_from(doc, i + 3)


def executive_bodies(doc: Toks) -> list[Span]:
    """'Cabinet' (the council's executive) on its own; 'Cabinet Member for ...' is a post."""
    found = []
    for i, token in enumerate(doc):
        if token.text in P.EXECUTIVE_BODIES:
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is None or not (is_capitalised(nxt) or nxt.lower_ in {"member", "members", "office", "lead"}):
                found.append(Span(doc.doc, i, i + 1, label="ORG"))
    return found


_AFTER_STANDALONE_NAME = frozenset({"to", "and", "is", "are", "has", "have", "will", "who"})


def possessive_orgs(doc: Toks) -> list[Span]:
    """Charities named with a possessive ("Barnardo's", "St Mungo's") where the name stands alone, not before a noun."""
    found = []
    for i in range(1, len(doc) - 1):
        if doc[i].text not in {"'s", "’s"} or not is_name_word(doc[i - 1]):
            continue
        start = _capital_run_start(doc, i, limit=3)
        before = doc[start - 1] if start > 0 else None
        after = doc[i + 1]
        stands_alone = after.text in {",", ".", ")", ";"} or after.lower_ in _AFTER_STANDALONE_NAME
        introduced = before is None or before.lower_ in {"with", "by", "from", "and", ","} or is_newline(before)
        if stands_alone and introduced:
            found.append(Span(doc.doc, start, i + 1, label="ORG"))
    return found


# --- places -------------------------------------------------------------------


def find_places(doc: Toks) -> list[Span]:
    """'in Barnet', 'across North West London': a capitalised name after a preposition of place."""
    found = []
    for i, token in enumerate(doc[:-1]):
        if token.lower_ not in P.PLACE_PREPOSITIONS:
            continue
        end = i + 1
        while end < len(doc) and end - i <= 3 and _place_word(doc[end]):
            end += 1
        if end > i + 1 and not _followed_by_body(doc, end):
            found.append(Span(doc.doc, i + 1, end, label="PLACE"))
    return found


def _place_word(token: Tok) -> bool:
    return token.name_shape and token.lower_ not in _NOT_PLACE


def _followed_by_body(doc: Toks, end: int) -> bool:
    """'in Barnet Council' is a body; 'in Barnet's schools' or 'in Barnet Vale' stays a place."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    return is_capitalised(nxt) and (nxt.lower_ in P.ORG_SUFFIXES or nxt.lower_ in P.NOT_NAME)

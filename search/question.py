"""Questions as officers type them: what they ask about, and what they narrow it to.

"when was SGO performance last discussed?" reads as the topic SGO (special
guardianship order), with performance preferred, latest first. Question words
and stop words are dropped for matching; quoted phrases and glossary terms stay
whole; the council, committee and dates a question names become filters; its
form (when ... last, what did ... resolve, who ..., how has ... changed) sets
the order and the kind of record that answers it. Query syntax (AND, OR, NOT,
field:value, parentheses, wildcards) goes to the engine as typed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .dates import period
from .glossary import Glossary, expand_query, form_key
from .query import QueryError, check_query

_STOP = frozenset("""
what when where who whom whose which why how whether
is are was were be been being am do does did done doing has have had having
will would shall should can could may might must
i me my we us our you your he she his her they them their it its this that these those there here
a an the some any all every each other another such
of to in on at by for from with about into onto over under between during since before after until
against among amongst per within without through across around via like due towards toward
end start beginning
up down out off than then and or but nor not no as if so also ever yet just only still again
discuss discussed discusses discussing discussion discussions consider considered considers considering
consideration mention mentioned mentions raise raised raising talk talked talking cover covered
come came coming look looked looking bring brought go went gone say said says tell told hear heard
last latest recent recently most first earliest lately previously time times occasion occasions
meeting meetings paper papers document documents committee panel board council members member
show find list give get know please anything something thing things lot much many
""".split())
# Words that say little on their own: they rank answers but are not required.
_WEAK = frozenset("""
performance number numbers figure figures percentage percentages proportion proportions share rate rates
level levels data statistics stats progress update updates position issue issues matter matters subject
topic topics report reports information detail details item items goal goals aim aims
""".split())
_DECISION = re.compile(r"\b(resolv\w*|resolution\w*|decid\w*|decision\w*|agree\w*|approv\w*)\b", re.I)
_RECOMMEND = re.compile(r"\brecommend\w*\b", re.I)
_REQUEST = re.compile(r"\b(ask(ed|s)? for|request\w*)\b", re.I)
_CHANGE = re.compile(r"\b(chang\w*|trend\w*|improv\w*|wors\w*|develop\w*|over time|mov(ed|ing))\b", re.I)
_WHEN = re.compile(r"^(when|what date|which (meeting|date)s?|how recently|(the )?last time|most recent\w*)\b", re.I)
_LAST = re.compile(r"\b(last|latest|most recently|lately)\b", re.I)
_FIRST = re.compile(r"\b(first|earliest)\b", re.I)
_FORM_WORDS = {
    "decision": _DECISION, "recommendation": _RECOMMEND, "request": _REQUEST, "change": _CHANGE,
}
FORM_RECORDS = {"decision": ("resolution",), "recommendation": ("recommendation",), "request": ("request",)}
# A question of one of these forms that names no topic is answered by the records that use the form's words.
_FORM_TERMS = {"decision": ("resolved", "agreed", "carried", "decided", "approved"),
               "recommendation": ("recommended", "recommendation"), "request": ("requested", "asked")}
COMMON_SHARE = 0.3  # a topic unit estimated on more of the records than this is common
_SYNTAX = re.compile(r"\b(AND|OR|NOT|ANDNOT|ANDMAYBE)\b|[()*~^]|(?<![\w\"])[A-Za-z_]+:(?!//)")
_WORD = re.compile(r"\"[^\"]*\"|[A-Za-z0-9][\w'’&/+.-]*")

# -- dates as questions name them --------------------------------------------------
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_YEAR = r"(?:19|20)\d\d"
_ATOM = "|".join([
    r"\d{4}-\d{1,2}-\d{1,2}", r"\d{1,2}/\d{1,2}/\d{4}",
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}", rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}",
    rf"{_MONTH},?\s+{_YEAR}", rf"{_YEAR}[/-]\d\d(?!\d)", rf"{_YEAR}(?![/-]?\d)",
    r"(?:last|this)\s+(?:year|month)", r"(?:\d+|an?|one|two|three|four|five|six|ten|twelve)\s+(?:day|week|month|year)s?\s+ago",
    _MONTH,
])
_D = rf"(?:{_ATOM})\b"
_DATE_PHRASES = [
    ("range", re.compile(rf"\bbetween\s+(?P<a>{_D})\s+and\s+(?P<b>{_D})", re.I)),
    ("range", re.compile(rf"\bfrom\s+(?P<a>{_D})\s+(?:to|until|till)\s+(?P<b>{_D})", re.I)),
    ("past", re.compile(r"\b(?:in|over|during|within)\s+the\s+(?:last|past)\s+(?P<n>\d+|an?|one|two|three|four|five"
                        r"|six|ten|twelve)?\s*(?P<unit>day|week|month|year)s?\b", re.I)),
    ("since", re.compile(rf"\b(?:since|from)\s+(?P<a>{_D})", re.I)),
    ("after", re.compile(rf"\bafter\s+(?P<a>{_D})", re.I)),
    ("before", re.compile(rf"\bbefore\s+(?P<a>{_D})", re.I)),
    ("until", re.compile(rf"\b(?:until|till|up to)\s+(?P<a>{_D})", re.I)),
    ("during", re.compile(rf"\b(?:in|during|on)\s+(?P<a>{_D})", re.I)),
    # Without a preposition only what cannot be a topic word: a full date, a month of a year, last year.
    ("during", re.compile(rf"\b(?P<a>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}|{_MONTH},?\s+{_YEAR}"
                          rf"|(?:last|this)\s+(?:year|month))\b", re.I)),
]
# "at the end of March 2017", "as at 31 March": the date of the figures, not of a meeting.
_DATA_DATE = re.compile(r"\b(?:(?:end|start|beginning|close) of|as (?:at|of)|by)\s*$", re.I)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10,
                 "twelve": 12}
_GENERIC_NAME_WORDS = frozenset(
    "the of county borough district city town parish community council township municipality royal london "
    "metropolitan village committee panel board meeting".split())


@dataclass(frozen=True)
class Known:
    """Names the store knows, so a question can name them: councils and committees."""

    councils: tuple[str, ...] = ()
    committees: tuple[str, ...] = ()


@dataclass
class Question:
    typed: str
    form: str = "search"  # when, decision, recommendation, request, who, change, search; query: syntax
    required: list[str] = field(default_factory=list)  # topic units: words or "quoted phrases"
    optional: list[str] = field(default_factory=list)  # weak words: they rank, not required
    council: str | None = None
    committee: str | None = None
    since: str | None = None  # ISO, inclusive
    until: str | None = None
    dates_typed: list[str] = field(default_factory=list)
    order: str = "relevance"  # latest, earliest, relevance

    @property
    def records(self) -> tuple[str, ...] | None:
        return FORM_RECORDS.get(self.form)

    @property
    def topic(self) -> str:
        return " ".join(self.required + self.optional)

    def describe(self, glossary: Glossary | None = None) -> str:
        """How the question was read, for the officer to check: 'topic: SGO (special guardianship order); latest first'."""
        if self.form == "query":
            parts = [f"query: {self.typed}"]
        else:
            topic = ", ".join(_explained(u, glossary) for u in self.required) or "(any)"
            parts = [f"topic: {topic}"]
            if self.optional:
                parts.append("also: " + ", ".join(self.optional))
        if self.records:
            parts.append(f"{self.records[0]}s only")
        for name in ("council", "committee"):
            if getattr(self, name):
                parts.append(f"{name}: {getattr(self, name)}")
        if self.since or self.until:
            parts.append(_dates(self.since, self.until))
        if self.order != "relevance":
            parts.append(f"{self.order} first")
        return "; ".join(parts)


def _dates(since: str | None, until: str | None) -> str:
    if since == until:
        return f"on {since}"
    if since and until:
        return f"{since} to {until}"
    return f"since {since}" if since else f"until {until}"


def read_question(text: str, known: Known = Known(), glossary: Glossary | None = None,
                  today: date | None = None) -> Question:
    """What the question asks about, and the constraints it names."""
    typed = check_query(text)
    bare = typed.rstrip("?!. ").strip() or typed
    if _SYNTAX.search(_outside_quotes(bare)):
        return Question(typed=bare, form="query", required=[bare])
    question = Question(typed=typed, form=_form(bare))
    # "how has X changed since 2016": the date of the figures, not of the meetings; it ranks, it does not filter.
    rest = bare if question.form == "change" else _take_dates(bare, question, today or date.today())
    rest = _take_names(rest, question, known)
    if question.form in ("when", "change") or question.form in FORM_RECORDS and _LAST.search(rest):
        question.order = "earliest" if question.form == "change" or _FIRST.search(rest) else "latest"
    question.required, question.optional = _topic_units(rest, question.form, glossary)
    if not question.required and question.optional:
        question.required, question.optional = question.optional, []
    return question


def with_options(question: Question, **options) -> Question:
    """The question with the command's own options, which win over what the question names."""
    chosen = {k: v for k, v in options.items() if v is not None}
    return replace(question, **chosen)


def _outside_quotes(text: str) -> str:
    return re.sub(r'"[^"]*"', " ", text)


# -- dates -------------------------------------------------------------------------
def _take_dates(text: str, question: Question, today: date) -> str:
    for kind, pattern in _DATE_PHRASES:
        taken = []
        for match in pattern.finditer(text):
            if _quoted(text, match.start()) or _DATA_DATE.search(text[: match.start()]):
                continue
            span = _date_span(kind, match, today)
            if span is not None:
                _narrow(question, *span)
                question.dates_typed.append(match.group(0).strip())
                taken.append(match.span())
        for begin, end in reversed(taken):
            text = text[:begin] + " " + text[end:]
    if question.since and question.until and question.since > question.until:
        raise QueryError(f"the dates in {question.typed!r} leave no days between them")
    return text


def _quoted(text: str, position: int) -> bool:
    return any(a <= position < b for a, b in (m.span() for m in re.finditer(r'"[^"]*"', text)))


def _first_outside_quotes(pattern: re.Pattern, text: str):
    return next((m for m in pattern.finditer(text) if not _quoted(text, m.start())), None)


def _date_span(kind: str, match: re.Match, today: date) -> tuple[date | None, date | None] | None:
    if kind == "past":
        amount = match.group("n") or "1"
        amount = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount.lower()]
        unit = match.group("unit").lower()
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * amount
        return today - timedelta(days=days), None
    first = period(match.group("a"), today)
    if first is None:
        return None
    if kind == "range":
        second = period(match.group("b"), today)
        return (first[0], second[1]) if second else None
    return {
        "since": (first[0], None), "after": (first[1] + timedelta(days=1), None),
        "before": (None, first[0] - timedelta(days=1)), "until": (None, first[1]), "during": first,
    }[kind]


def _narrow(question: Question, start: date | None, end: date | None) -> None:
    if start and (not question.since or start.isoformat() > question.since):
        question.since = start.isoformat()
    if end and (not question.until or end.isoformat() < question.until):
        question.until = end.isoformat()


# -- councils and committees --------------------------------------------------------
def _take_names(text: str, question: Question, known: Known) -> str:
    for attribute, names in (("committee", known.committees), ("council", known.councils)):
        for name, pattern in _name_patterns(names, attribute == "council"):
            match = _first_outside_quotes(pattern, text)
            if match:
                setattr(question, attribute, name)
                text = text[: match.start()] + " " + text[match.end():]
                break
    return text


def _name_patterns(names: tuple[str, ...], short_forms: bool) -> list[tuple[str, re.Pattern]]:
    """Each name as typed in full; a council also by its distinctive words ("Kent"). Longest first."""
    forms: list[tuple[str, str]] = []
    for name in names:
        words = re.findall(r"[\w'’-]+", name)
        if not words or all(w.lower() in _GENERIC_NAME_WORDS for w in words):
            continue  # "Council" alone would catch every mention of a council
        forms.append((name, " ".join(words), ""))
        distinctive = [w for w in words if w.lower() not in _GENERIC_NAME_WORDS]
        if short_forms and distinctive and len(distinctive) < len(words):
            # "Kent" is the council, but "Kent Test" or "Kent Police" is something else it names.
            forms.append((name, " ".join(distinctive), r"(?!(?-i:\s+[A-Z][a-z]))"))
    forms.sort(key=lambda form: -len(form[1]))
    return [(name, re.compile(r"\b(?:the\s+)?" + r"[\s-]+".join(map(re.escape, form.split())) + r"(?:['’]s)?\b" + tail,
                              re.I)) for name, form, tail in forms]


# -- form and topic -----------------------------------------------------------------
def _form(text: str) -> str:
    lowered = " ".join(text.lower().split())
    if lowered.startswith("who") and not _REQUEST.search(lowered):
        return "who"
    for form in ("decision", "recommendation", "request"):
        if _FORM_WORDS[form].search(lowered):
            return form
    if lowered.startswith("how") and _CHANGE.search(lowered):
        return "change"
    if _WHEN.search(lowered) or _LAST.search(lowered):
        return "when"
    return "search"


def _topic_units(text: str, form: str, glossary: Glossary | None) -> tuple[list[str], list[str]]:
    words = [_bare(w) for w in _WORD.findall(text)]
    words = [w for w in words if w]
    units = _join_glossary_terms(words, glossary)
    kept = [u for u in units if u.startswith('"') or not _dropped(u, form)]
    units = _join_glossary_terms(kept, glossary)
    required = [u for u in units if u.startswith('"') or not _weak(u)]
    optional = [u for u in units if u not in required]
    return list(dict.fromkeys(required)), list(dict.fromkeys(optional))


def _weak(word: str) -> bool:
    """Words that rank but are not required: vague ones, and dates left in the topic ("March 2017" figures)."""
    lowered = word.lower().rstrip(".")
    return lowered in _WEAK or bool(re.fullmatch(_MONTH + "|" + _YEAR, lowered))


def _bare(word: str) -> str:
    if word.startswith('"'):
        return word if len(word) > 2 else ""
    word = re.sub(r"['’]s$", "", word).strip(".,;:!?'’-")
    return word


def _dropped(word: str, form: str) -> bool:
    lowered = word.lower()
    if lowered in _STOP:
        return True
    pattern = _FORM_WORDS.get(form)
    return bool(pattern and pattern.fullmatch(lowered)) or (form == "request" and lowered in ("ask", "asked", "asks"))


def _join_glossary_terms(units: list[str], glossary: Glossary | None) -> list[str]:
    """Runs of words that are a glossary term of two or more words become one quoted phrase."""
    if not glossary or glossary.max_words < 2:
        return units
    joined: list[str] = []
    i = 0
    while i < len(units):
        for length in range(min(glossary.max_words, len(units) - i), 1, -1):
            run = units[i:i + length]
            if not any(u.startswith('"') for u in run) and glossary.concepts_typed(run):
                joined.append('"' + " ".join(run) + '"')
                i += length
                break
        else:
            joined.append(units[i])
            i += 1
    return joined


def _explained(unit: str, glossary: Glossary | None) -> str:
    """'SGO (special guardianship order)': a glossary term with its canonical form, when that differs."""
    words = unit.strip('"').split()
    concepts = glossary.concepts_typed(words) if glossary and words else []
    if concepts and form_key(concepts[0].name) != form_key(" ".join(words)):
        return f"{unit.strip(chr(34))} ({concepts[0].name})"
    return unit.strip('"') if concepts else unit


def engine_queries(question: Question, fulltext, glossary: Glossary | None) -> tuple[object, object | None]:
    """The engine's query preferring every topic unit, and the ranked any-of fallback (None if no fallback)."""
    from ..index.fulltext import all_of, any_of, everything, preferring

    def parse(unit: str):
        return fulltext.parse(expand_query(unit, glossary) if glossary else unit)

    if question.form == "query":
        return parse(question.typed), None
    if not question.required:
        # "what did the Cabinet resolve on 30 January 2025?": the records that use the form's own words
        words = _FORM_TERMS.get(question.form)
        return (any_of([parse(w) for w in words]) if words else everything()), None
    required = [parse(u) for u in question.required]
    optional = [parse(u) for u in question.optional]
    strict = preferring(all_of(required), optional)
    if len(required) < 2:
        return strict, None
    # Any topic word will do; one on most records ("children looked after" in children's services
    # papers) only ranks: it tells little and would make every record a candidate.
    rare = [q for q in required if fulltext.share(q) < COMMON_SHARE]
    common = [q for q in required if q not in rare] + optional
    loose = preferring(any_of(rare), common) if rare else any_of(required + optional)
    return strict, loose

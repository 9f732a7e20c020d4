"""Domain vocabulary: acronyms and synonyms, so a search for either form finds both.

Three sources make one glossary: the shipped search/data/glossary.tsv, the
user's <data dir>/glossary.tsv (same format; it adds variants or concepts) and
the definitions the papers print themselves (extract/glossary.py), passed in
as (term, acronym, source) triples.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

BUILT_IN, USER = "built-in", "user"
USER_FILE = "glossary.tsv"
_HEADER_CELLS = {"concept", "term", "canonical", "canonical term"}
_EXACT_MARK = "="
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())


class GlossaryError(ValueError):
    """A glossary file that cannot be read; the message names it."""


@dataclass(frozen=True)
class Form:
    text: str
    # Acronyms that are also words ("SEND", "CP") match a query word only when
    # typed exactly so, else every "send" would expand.
    exact_case: bool = False


@dataclass
class Concept:
    forms: list[Form]  # forms[0] is the canonical term
    sources: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.forms[0].text

    def keys(self) -> set[str]:
        return {form_key(f.text) for f in self.forms}


@dataclass
class GlossaryEntry:
    """One concept for display: `papers glossary [TERM]`."""

    concept: str
    variants: list[str]
    sources: list[str]  # "built-in", "user", "file.pdf p.N"

    def as_dict(self) -> dict:
        return {"concept": self.concept, "variants": self.variants, "sources": self.sources}


class Glossary:
    def __init__(self) -> None:
        self._concepts: list[Concept] = []
        self._by_key: dict[str, list[tuple[int, Form]]] = {}
        self.max_words = 1
        self._expansions: dict[str, str] = {}  # expand_query's answers; a new form clears them

    # -- building ----------------------------------------------------------------
    @classmethod
    def load(cls, data_dir: Path | None = None, harvested: Iterable[tuple[str, str, str]] = ()) -> "Glossary":
        glossary = cls()
        shipped = resources.files("panel_papers.search").joinpath("data", USER_FILE)
        glossary.add_lines(shipped.read_text(encoding="utf-8").splitlines(), BUILT_IN)
        user_file = Path(data_dir) / USER_FILE if data_dir else None
        if user_file and user_file.is_file():
            glossary.add_lines(_read_user_file(user_file), USER)
        for term, acronym, source in harvested:
            glossary.add_definition(term, acronym, source)
        return glossary

    def add_lines(self, lines: Iterable[str], source: str) -> None:
        """TSV lines: canonical term, then variants; '#' comments and a header are skipped."""
        for number, line in enumerate(lines):
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            if not cells or cells[0].startswith("#"):
                continue
            if cells[0].lower() in _HEADER_CELLS and not self._concepts_sharing(cells):
                continue
            self.add_concept([_parse_form(c) for c in cells], source)

    def add_concept(self, forms: list[Form], source: str) -> None:
        """A new concept, or new variants of the concept that already has one of these forms."""
        existing = self._concepts_sharing([f.text for f in forms])
        if existing:
            self._extend(existing[0], forms, source)
        else:
            self._concepts.append(Concept(forms=[], sources=[]))
            self._extend(len(self._concepts) - 1, forms, source)

    def add_definition(self, term: str, acronym: str, source: str) -> None:
        """A definition printed in a paper ("Special Guardianship Orders (SGO)").

        Its acronym is taken exactly as printed: a paper's acronym may be an
        ordinary word, and no dictionary here says which.
        """
        acronym_form = Form(acronym, exact_case=True)
        by_term = self._concepts_sharing([term])
        if by_term:
            self._extend(by_term[0], [acronym_form], source)
            return
        # Same acronym, same meaning ("MACE" = "Multiagency Child Exploitation
        # Panel"), or a paper that uses a known acronym for something else.
        for index in self._concepts_sharing([acronym]):
            if _share_content_words(term, self._concepts[index]):
                self._extend(index, [Form(term)], source)
                return
        self._concepts.append(Concept(forms=[], sources=[]))
        self._extend(len(self._concepts) - 1, [Form(term), acronym_form], source)

    def _extend(self, index: int, forms: list[Form], source: str) -> None:
        self._expansions.clear()
        concept = self._concepts[index]
        known = concept.keys()
        for form in forms:
            key = form_key(form.text)
            if not key or key in known:
                continue
            known.add(key)
            concept.forms.append(form)
            self._by_key.setdefault(key, []).append((index, form))
            self.max_words = max(self.max_words, len(key.split()))
        if source not in concept.sources:
            concept.sources.append(source)

    def _concepts_sharing(self, texts: list[str]) -> list[int]:
        indexes: list[int] = []
        for text in texts:
            for index, _ in self._by_key.get(form_key(_parse_form(text).text), []):
                if index not in indexes:
                    indexes.append(index)
        return indexes

    # -- reading -----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._concepts)

    def variants(self, term: str) -> list[str]:
        """Every form of the concept(s) that `term` names, canonical first; [] when unknown."""
        forms: list[str] = []
        for index in self._concepts_sharing([term]):
            forms.extend(f.text for f in self._concepts[index].forms if f.text not in forms)
        return forms

    def entries(self, term: str | None = None) -> list[GlossaryEntry]:
        """Concepts for display: all, those naming `term`, or else those containing it."""
        if term is None:
            chosen = sorted(self._concepts, key=lambda c: c.name.lower())
        else:
            chosen = [self._concepts[i] for i in self._concepts_sharing([term])] or self._containing(term)
        return [_entry(c) for c in chosen]

    def _containing(self, text: str) -> list[Concept]:
        needle = " ".join(text.lower().split())
        return [c for c in sorted(self._concepts, key=lambda c: c.name.lower())
                if any(needle in f.text.lower() for f in c.forms)]

    def concepts_typed(self, words: list[str]) -> list[Concept]:
        """The concepts of which these query words, as typed, are a form."""
        typed = " ".join(words)
        found: list[Concept] = []
        for index, form in self._by_key.get(form_key(typed), []):
            if form.exact_case and not _typed_exactly(typed, form.text):
                continue
            if self._concepts[index] not in found:
                found.append(self._concepts[index])
        return found


def form_key(text: str) -> str:
    """Lookup key: case, apostrophes, hyphens, commas and a plural 's' do not matter."""
    words = re.sub(r"[^a-z0-9]+", " ", text.lower().replace("'", "").replace("’", "")).split()
    return " ".join(_singular(w) for w in words)


def _singular(word: str) -> str:
    if word == "children":
        return "child"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _parse_form(cell: str) -> Form:
    text = cell.removeprefix(_EXACT_MARK).strip()
    short_capitals = len(text) <= 2 and text.isalpha() and text.isupper()
    return Form(text, exact_case=cell.startswith(_EXACT_MARK) or short_capitals)


def _typed_exactly(typed: str, form: str) -> bool:
    return typed in (form, form + "s", form + "'s", form + "’s")


def _share_content_words(term: str, concept: Concept) -> bool:
    """Whether a printed long form and a known concept mean the same (half their words shared)."""
    mine = _content_words(term)
    for form in concept.forms:
        theirs = _content_words(form.text)
        if mine and theirs and len(mine & theirs) * 2 >= min(len(mine), len(theirs)):
            return True
    return False


def _content_words(text: str) -> set[str]:
    return {w for w in form_key(text).split() if w not in _SMALL_WORDS and len(w) > 1 and not w.isupper()}


def _entry(concept: Concept) -> GlossaryEntry:
    return GlossaryEntry(concept=concept.name, variants=[f.text for f in concept.forms[1:]],
                         sources=list(concept.sources))


def _read_user_file(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise GlossaryError(f"glossary file {path} is not UTF-8 text") from None


# -- query expansion -------------------------------------------------------------
_PLAIN_WORD = re.compile(r"[A-Za-z0-9][\w'’&/+-]*[,.;!?]*")
_TRAILING_PUNCTUATION = ",.;!?"


def expand_query(text: str, glossary: Glossary) -> str:
    """Rewrite a Whoosh query so a glossary form also finds its other forms.

    'SGO performance' -> '("special guardianship order" OR ... OR SGO) performance'.
    Runs of plain words are matched longest form first, so 'special
    guardianship order' is one concept, not three words; a quoted phrase is
    expanded when it is a form as a whole. field:value, operators, parentheses,
    wildcards and unknown words are left as typed.
    """
    if text not in glossary._expansions:
        glossary._expansions[text] = _expanded(text, glossary)
    return glossary._expansions[text]


def _expanded(text: str, glossary: Glossary) -> str:
    tokens = _tokens(text)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        kind, token = tokens[i]
        if _is_plain(kind, token):
            run, i = _run_from(tokens, i)
            out.append(" ".join(_expand_run(run, glossary)))
            continue
        out.append(_expand_phrase(token, glossary) if kind == "quote" else token)
        i += 1
    return "".join(out)


def _is_plain(kind: str, token: str) -> bool:
    return kind == "word" and token not in _OPERATORS and bool(_PLAIN_WORD.fullmatch(token))


def _run_from(tokens: list[tuple[str, str]], start: int) -> tuple[list[str], int]:
    """Plain words from `start` separated only by spaces, and the index after them."""
    run = [tokens[start][1]]
    i = start + 1
    while i + 1 < len(tokens) and tokens[i][0] == "space" and _is_plain(*tokens[i + 1]):
        run.append(tokens[i + 1][1])
        i += 2
    return run, i


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) with kind: space, quote, open, close, field, word."""
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            end = _skip(text, i, str.isspace)
            tokens.append(("space", text[i:end]))
        elif char == '"':
            end = _quote_end(text, i)
            tokens.append(("quote", text[i:end]))
        elif char in "()":
            end = i + 1
            tokens.append(("open" if char == "(" else "close", char))
        else:
            field_name = re.match(r"\w+:(?=\S)", text[i:])
            if field_name:
                end = _field_value_end(text, i + field_name.end())
            else:
                end = _skip(text, i, lambda c: not c.isspace() and c not in '()"')
            tokens.append(("field" if field_name else "word", text[i:end]))
        i = end
    return tokens


def _skip(text: str, i: int, keep) -> int:
    while i < len(text) and keep(text[i]):
        i += 1
    return i


def _quote_end(text: str, start: int) -> int:
    """End of a quoted phrase with its ~slop or ^boost suffix (unbalanced: the rest)."""
    close = text.find('"', start + 1)
    if close < 0:
        return len(text)
    return _skip(text, close + 1, lambda c: not c.isspace() and c not in "()")


def _field_value_end(text: str, start: int) -> int:
    """field:value, field:"a phrase", field:(a group), field:[a TO b]: the value is untouched."""
    if text[start] == '"':
        return _quote_end(text, start)
    if text[start] == "(":
        depth = 0
        for i in range(start, len(text)):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            if depth == 0:
                return i + 1
        return len(text)
    if text[start] in "[{":  # ranges may mix brackets: {a TO b]
        close = re.search(r"[\]}]", text[start:])
        return start + close.end() if close else len(text)
    return _skip(text, start, lambda c: not c.isspace() and c not in "()")


def _expand_run(words: list[str], glossary: Glossary) -> list[str]:
    """Plain words, longest glossary form first, each found form replaced by its concept group."""
    pieces: list[str] = []
    i = 0
    while i < len(words):
        for length in range(min(glossary.max_words, len(words) - i), 0, -1):
            bare = [w.rstrip(_TRAILING_PUNCTUATION) for w in words[i:i + length]]
            concepts = glossary.concepts_typed(bare)
            if concepts:
                pieces.append(_group(concepts))
                i += length
                break
        else:
            pieces.append(words[i])
            i += 1
    return pieces


def _expand_phrase(token: str, glossary: Glossary) -> str:
    if not (token.endswith('"') and len(token) > 1):
        return token  # a slop or boost suffix asks for this exact phrase
    words = token[1:-1].split()
    concepts = glossary.concepts_typed(words) if words else []
    return _group(concepts) if concepts else token


def _group(concepts: list[Concept]) -> str:
    rendered: list[str] = []
    seen: set[str] = set()
    for concept in concepts:
        for form in concept.forms:
            key = form_key(form.text)
            if key not in seen:
                seen.add(key)
                rendered.append(_render(form.text))
    return "(" + " OR ".join(rendered) + ")"


def _render(text: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9]+", text) and text not in _OPERATORS:
        return text
    return '"' + text.replace('"', "") + '"'


def store_glossary(store) -> Glossary:
    """The glossary for a store: built-in, the user's file in the data directory, and terms its papers define."""
    from ..index.queries import harvested_terms

    return Glossary.load(data_dir=store.home, harvested=harvested_terms(store))

"""Acronyms that the papers define themselves, harvested from page text.

Three ways of writing a definition are recognised, with round or square brackets:
    Unaccompanied Asylum Seeking Children (UASC)        long form, then acronym
    (MACE) Multiagency Child Exploitation Panel         acronym, then long form
    MACE (Multi-agency Child Exploitation)              acronym, long form inside
A candidate is kept only when the acronym's letters can be read off the long
form's words: each word gives its initial (hyphenated parts count as words),
small words such as "of", "and", "the" may give a letter or be skipped, and one
word may give a second, inner letter ("Multiagency" -> M, A). Anything looser
would turn every parenthesised word in a paper into a "definition".
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import DefinedTerm, PageText

SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with &".split())
# A panel or team named by its acronym often adds a noun the letters leave out:
# "MACE (Multiagency Child Exploitation Panel)".
_TRAILING_NOUNS = frozenset("panel team board service group meeting forum hub committee programme".split())
_MAX_INNER_LETTERS = 1
_MAX_LONG_FORM_WORDS = 12

_ACRONYM = r"[A-Z][A-Za-z&]{1,9}?(?:'?s)?"
_OPEN, _CLOSE = r"[(\[]", r"[)\]]"
# Stops a long form from reaching back over a clause: full stops, colons, brackets, dashes.
_CLAUSE_BREAK = re.compile(r"[.;:()\[\]–—•]")
_BRACKETED = re.compile(r"\s*" + _OPEN + "(" + _ACRONYM + ")" + _CLOSE)
_LOOK_BACK = 200
_LONG_FORM_AFTER = re.compile(_OPEN + "(" + _ACRONYM + ")" + _CLOSE + r"\s*([^.;:()\[\]–—•]{3,200})")
_LONG_FORM_INSIDE = re.compile(r"\b(" + _ACRONYM + r")\s*" + _OPEN + r"([A-Za-z][^()\[\]]{3,150})" + _CLOSE)
_FOOTNOTE_MARKS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_WORD = re.compile(r"[A-Za-z&][A-Za-z'’&]*")
_LETTERS_ONLY = re.compile(r"[A-Za-z&'’,\-‐ ]+")


def defined_terms(pages: list[PageText]) -> list[DefinedTerm]:
    """Every acronym defined in the pages, once per (long form, acronym), at its first page."""
    found: dict[tuple[str, str], DefinedTerm] = {}
    for page in pages:
        for term, acronym in definitions_in(page.text):
            key = (" ".join(term.lower().split()), acronym)
            found.setdefault(key, DefinedTerm(term=term, acronym=acronym, page=page.number))
    return sorted(found.values(), key=lambda d: (d.page, d.acronym))


def definitions_in(text: str) -> list[tuple[str, str]]:
    """(long form, acronym) pairs written in one text, in order of appearance."""
    flat = " ".join(_FOOTNOTE_MARKS.sub("", text).split())
    pairs: list[tuple[int, str, str]] = []
    for match in _BRACKETED.finditer(flat):
        pair = _long_form_ending(_clause_before(flat, match.start()), match.group(1))
        if pair:
            pairs.append((match.start(1), *pair))
    for match in _LONG_FORM_AFTER.finditer(flat):
        pair = _long_form_starting(match.group(2), match.group(1))
        if pair:
            pairs.append((match.start(1), *pair))
    for match in _LONG_FORM_INSIDE.finditer(flat):
        pair = _long_form_within(match.group(2), match.group(1))
        if pair:
            pairs.append((match.start(1), *pair))
    seen: set[tuple[str, str]] = set()
    ordered = []
    for _, term, acronym in sorted(pairs):
        if (term, acronym) not in seen:
            seen.add((term, acronym))
            ordered.append((term, acronym))
    return ordered


def _clause_before(text: str, end: int) -> str:
    """Up to _LOOK_BACK characters before `end`, from the last clause break on.

    Found by looking back from each bracket rather than by one regex, whose
    lazy prefix would be tried from every position of the page.
    """
    window = text[max(0, end - _LOOK_BACK):end]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(window)]
    return window[breaks[-1]:] if breaks else window


def _long_form_ending(before: str, acronym: str) -> tuple[str, str] | None:
    """The fewest last words of `before` that spell the acronym."""
    words = _WORD.findall(before)[-_MAX_LONG_FORM_WORDS:]
    letters = _letters(acronym)
    for count in range(2, len(words) + 1):
        candidate = words[-count:]
        if spells(letters, candidate):
            return _phrase(before, candidate, last=True), _singular(acronym)
    return None


def _long_form_starting(after: str, acronym: str) -> tuple[str, str] | None:
    """The fewest first words of `after` that spell the acronym."""
    words = _WORD.findall(after)[:_MAX_LONG_FORM_WORDS]
    letters = _letters(acronym)
    for count in range(2, len(words) + 1):
        if spells(letters, words[:count]):
            return _phrase(after, words[:count]), _singular(acronym)
    return None


def _long_form_within(inside: str, acronym: str) -> tuple[str, str] | None:
    """The whole bracketed text, when it spells the acronym (give or take a trailing 'Panel')."""
    words = _WORD.findall(inside)
    if not 2 <= len(words) <= _MAX_LONG_FORM_WORDS or not _LETTERS_ONLY.fullmatch(inside):
        return None  # numbers, symbols or a sentence in brackets: not a long form
    letters = _letters(acronym)
    if spells(letters, words) or (words[-1].lower() in _TRAILING_NOUNS and spells(letters, words[:-1])):
        return _phrase(inside, words), _singular(acronym)
    return None


def spells(letters: str, words: list[str]) -> bool:
    """Whether the words' initials (with the allowances above) spell `letters` exactly."""
    if _is_small(words[0]) or _is_small(words[-1]):
        return False  # "of the Board (OB)": a long form starts and ends on a content word
    parts = tuple(_word_parts(words))
    needs_exact = sum(c.isupper() for c in letters) < 2  # "Cafcass": a word, unless every letter is an initial
    max_inner = 0 if needs_exact else _MAX_INNER_LETTERS
    contributing = _align(letters.lower(), parts, max_inner)
    return contributing is not None and contributing >= 2


def _align(letters: str, parts: tuple[str, ...], max_inner: int) -> int | None:
    """Number of words that gave a letter, or None when the letters cannot be aligned."""
    return _align_from(letters, parts, 0, 0, max_inner)


@lru_cache(maxsize=4096)
def _align_from(letters: str, parts: tuple[str, ...], i: int, j: int, inner_left: int) -> int | None:
    if j == len(parts):
        return 0 if i == len(letters) else None
    part = parts[j]
    best = None
    if _is_small(part):
        best = _align_from(letters, parts, i, j + 1, inner_left)
    if i < len(letters) and part[0] == letters[i]:
        # The word gives its initial, and perhaps one more letter from inside it.
        rest = _align_from(letters, parts, i + 1, j + 1, inner_left)
        if rest is None and inner_left and i + 1 < len(letters):
            inner = part.find(letters[i + 1], 1)
            if inner > 0:
                rest = _align_from(letters, parts, i + 2, j + 1, inner_left - 1)
        if rest is not None:
            best = max(best or 0, rest + 1)
    return best


def _word_parts(words: list[str]) -> list[str]:
    parts = []
    for word in words:
        bare = re.sub(r"['’]s$", "", word).lower()
        parts.extend(p for p in re.split(r"[-‐–]", bare) if p)
    return parts


def _is_small(word: str) -> bool:
    return word.lower() in SMALL_WORDS


def _letters(acronym: str) -> str:
    return re.sub(r"[^A-Za-z]", "", _singular(acronym))


def _singular(acronym: str) -> str:
    """'SGOs' -> 'SGO', "LSCB's" -> 'LSCB'; 'CAMHS' and 'Cafcass' keep their s."""
    bare = re.sub(r"['’]s$", "", acronym)
    if bare != acronym:
        return bare
    if len(acronym) > 2 and acronym.endswith("s") and acronym[-2].isupper():
        return acronym[:-1]
    return acronym


def _phrase(text: str, words: list[str], last: bool = False) -> str:
    """The words as printed in `text` (keeping commas and hyphens), first or last occurrence."""
    pattern = r"[^A-Za-z&'’]+".join(re.escape(w) for w in words)
    matches = list(re.finditer(pattern, text))
    printed = (matches[-1] if last else matches[0]).group(0) if matches else " ".join(words)
    return re.sub(r"['’]s$", "", " ".join(printed.split()))

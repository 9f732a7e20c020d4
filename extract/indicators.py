"""Canonical indicators: one id for the same measure printed with different words.

"% of LAC placed more than 20 miles from home" and "% of children looked after
placed more than 20 miles from home (snapshot)" are one series; "% with 2+
moves" and "% with 3+ placements" never are. Matching is deliberately
conservative because a wrong merge silently corrupts a time series, while a
missed merge only leaves two series a user can join with an override.

Two labels are the same indicator when, after normalisation:
- their numbers agree exactly (ranges expanded: "19 - 21" == "19, 20 and 21");
- every word one has and the other lacks is a measurement qualifier
  ("snapshot", "measured quarterly", "rolling year"), never a content word
  ("dental" vs "health", "maths" vs "reading");
- their fuzzy similarity (rapidfuzz token_sort_ratio) reaches MATCH_THRESHOLD,
  measured on the sample corpus (tests/extract/test_indicators.py).
Groups are merged only when every cross pair agrees, so chains cannot drift.
"""
from __future__ import annotations

import re
import unicodedata
from itertools import combinations

from rapidfuzz import fuzz

from .ids import slug, text_hash
from .records import Indicator, Observation

# Measured on the 62 distinct corpus labels (tests/extract/test_indicators.py):
# the same-indicator pairs score 82.1-94.0; no different pair passes the number
# and content-word guards. Fuzzy score alone cannot separate them: different
# pairs reach 96.8 ("% of CLA (1 year+) classified as persistent absentees" vs
# "Percentage classed as ...") and 94.2 (Dental vs Health Checks). So the
# guards decide and the threshold, set a margin below 82.1, only stops
# word-order scrambles with the same words from merging.
MATCH_THRESHOLD = 75
TOKEN_SIMILARITY = 88  # spelling variants of one word: "supressed" / "suppressed"

_SYNONYMS = [
    (r"\b(?:who\s+are\s+)?looked[\s-]+after\s+children\b", " cla "),
    (r"\bchildren\s+(?:who\s+are\s+)?looked[\s-]+after\b", " cla "),
    (r"\bchildren\s+in\s+care\b", " cla "),
    (r"\bcla\s+who\s+are\s+looked[\s-]+after\b", " cla "),
    (r"\b(?:lac|cla|clas|cic)\b", " cla "),
    (r"\bper\s*cent(?:age)?\b|%", " percent "),
    (r"\bno\.(?=\s)", " number "),
    (r"\b(?:yrs?|years)\b", " year "),
    (r"\bmonths\b", " month "),
    (r"\b(?:avg|av)\b", " average "),
    (r"(\d)\s*\+", r"\1plus "),
]
_SYNONYM_REGEX = [(re.compile(p, re.IGNORECASE), r) for p, r in _SYNONYMS]
_TARGET_SUFFIX = re.compile(r"\btarget\s*[-–:=]\s*[\d.]+\s*%?", re.IGNORECASE)
_RANGE = re.compile(r"\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\b")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?(?:plus)?$")
_STOP = {
    "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "with", "and", "or", "who", "which",
    "that", "are", "is", "were", "was", "be", "been", "their", "its", "from", "as", "per",
}
# Words that qualify how or when a measure is taken, not what it measures.
_QUALIFIERS = {
    "measured", "quarterly", "monthly", "annually", "annual", "snapshot", "rolling", "year", "ytd",
    "combined", "source", "dfe", "calculated", "provisional", "cumulative", "olds", "old", "aged",
    "current", "latest", "indicator", "note", "all", "total",
}


def normalise_label(label: str) -> str:
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    text = _TARGET_SUFFIX.sub(" ", text)
    text = _RANGE.sub(_expand_range, text)
    for regex, replacement in _SYNONYM_REGEX:
        text = regex.sub(replacement, text)
    text = re.sub(r"[^a-z0-9.\s]+|(?<!\d)\.|\.(?!\d)", " ", text)
    words = [_stem(w) for w in text.split() if w not in _STOP]
    return " ".join(_dedupe_adjacent(words))


def _expand_range(match: re.Match) -> str:
    low, high = int(match.group(1)), int(match.group(2))
    if 0 < high - low <= 5:
        return " " + " ".join(str(n) for n in range(low, high + 1)) + " "
    return match.group(0)


def _stem(word: str) -> str:
    """Plural 's' dropped so 'checks' == 'check'; numbers ('2plus') are left alone."""
    if any(ch.isdigit() for ch in word) or len(word) <= 3 or not word.endswith("s") or word.endswith("ss"):
        return word
    return word[:-1]


def _dedupe_adjacent(words: list[str]) -> list[str]:
    return [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]


def numbers_of(normalised: str) -> set[str]:
    return {w for w in normalised.split() if _NUMBER.match(w)}


def unmatched_words(a: str, b: str) -> tuple[set[str], set[str]]:
    """Words of each label with no equal or near-equal word in the other."""
    left, right = set(a.split()) - set(b.split()), set(b.split()) - set(a.split())
    for word in list(left):
        twin = next((w for w in right if _near(word, w)), None)
        if twin is not None:
            left.discard(word)
            right.discard(twin)
    return left, right


def _near(a: str, b: str) -> bool:
    if _NUMBER.match(a) or _NUMBER.match(b) or min(len(a), len(b)) < 5:
        return False
    return fuzz.ratio(a, b) >= TOKEN_SIMILARITY


def similarity(a: str, b: str) -> float:
    return fuzz.token_sort_ratio(a, b)


def same_indicator(a: str, b: str, threshold: float = MATCH_THRESHOLD) -> bool:
    """Whether two normalised labels name one measure (see module docstring)."""
    if a == b:
        return True
    if numbers_of(a) != numbers_of(b):
        return False
    left, right = unmatched_words(a, b)
    if (left | right) - _QUALIFIERS:
        return False
    return similarity(a, b) >= threshold


def indicators_from(observations: list[Observation], overrides: dict | None = None) -> tuple[list[Indicator], dict[str, str]]:
    """Indicator records for a set of observations, and the label -> id mapping to tag them with."""
    labels = [o.indicator for o in observations]
    mapping = canonicalise(labels, overrides)
    units: dict[str, str | None] = {}
    members: dict[str, list[str]] = {}
    for observation in observations:
        group = mapping[observation.indicator]
        members.setdefault(group, [])
        if observation.indicator not in members[group]:
            members[group].append(observation.indicator)
        units[group] = units.get(group) or observation.unit
    indicators = [
        Indicator(id=group, label=min(aliases, key=len), aliases=sorted(aliases), unit=units[group])
        for group, aliases in members.items()
    ]
    return indicators, mapping


def canonical_id(label: str) -> str:
    """Readable and stable: a slug of the normalised label plus a short hash."""
    return _id_of_normal_form(normalise_label(label))


def _id_of_normal_form(normalised: str) -> str:
    return f"{slug(normalised)[:60].rstrip('-')}-{text_hash(normalised, 6)}"


def canonicalise(labels: list[str], overrides: dict | None = None) -> dict[str, str]:
    """Map every label to a canonical indicator id.

    overrides: {"merge": [[label, label, ...], ...], "split": [[label, label], ...]}
    - merge: labels forced into one indicator (e.g. a renamed measure);
    - split: pairs that must never share an indicator, whatever the matcher says.
    A group's id derives from its alphabetically first normalised label, so
    the same labels always give the same ids.
    """
    overrides = overrides or {}
    unique = list(dict.fromkeys(labels))
    normal = {label: normalise_label(label) for label in unique}
    forbidden = {frozenset(normal[l] for l in pair if l in normal) for pair in overrides.get("split", [])}
    groups: list[set[str]] = _group_by_normal_form(unique, normal)
    groups = _apply_forced_merges(groups, overrides.get("merge", []), normal)
    groups = _merge_similar(groups, forbidden)
    mapping = {}
    for group in groups:
        group_id = _id_of_normal_form(min(group))
        for label in unique:
            if normal[label] in group:
                mapping[label] = group_id
    return mapping


def _group_by_normal_form(labels: list[str], normal: dict[str, str]) -> list[set[str]]:
    return [{form} for form in dict.fromkeys(normal[l] for l in labels)]


def _apply_forced_merges(groups: list[set[str]], merges: list[list[str]], normal: dict[str, str]) -> list[set[str]]:
    for merge in merges:
        forms = {normal.get(label) or normalise_label(label) for label in merge}
        touched = [g for g in groups if g & forms]
        groups = [g for g in groups if not g & forms] + [set().union(forms, *touched)]
    return groups


def _merge_similar(groups: list[set[str]], forbidden: set[frozenset]) -> list[set[str]]:
    """Complete-linkage merging: two groups join only if all their members match pairwise."""
    merged = True
    while merged:
        merged = False
        for first, second in combinations(range(len(groups)), 2):
            if _groups_match(groups[first], groups[second], forbidden):
                groups[first] |= groups.pop(second)
                merged = True
                break
    return groups


def _groups_match(a: set[str], b: set[str], forbidden: set[frozenset]) -> bool:
    pairs = [(x, y) for x in a for y in b]
    return all(frozenset((x, y)) not in forbidden and same_indicator(x, y) for x, y in pairs)

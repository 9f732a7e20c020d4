"""When a found record is the gold record: lenient on case, whitespace and punctuation, strict on numbers.

Items match by number and a similar title, or by a closer title alone where either
side has no number. A decision split into parts on one side and kept whole on the
other still matches: each gold part inside a found whole counts, and found parts
inside a gold whole are not errors.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

Counts = tuple[int, int, int]  # true positives, false positives, false negatives
CLOSE_RATIO = 90.0  # text alone must be this close
SIMILAR_RATIO = 80.0  # with the same number, a title may differ a little more
MIN_PART_WORDS = 3  # a shorter fragment is inside almost any decision

_APOSTROPHES = re.compile(r"['\u2018\u2019`]")


def normalise(text: str | None) -> str:
    if not text:
        return ""
    folded = _APOSTROPHES.sub("", text).replace("&", " and ")
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


def normalise_number(number) -> str:
    """"(a)" == "a", "7." == "7"; inner punctuation is part of the number ("09.24.01", "14/037")."""
    return re.sub(r"^[^a-z0-9]+|[^a-z0-9]+$", "", str(number or "").strip().lower())


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def _inside(short: str, long: str) -> bool:
    return bool(short) and f" {short} " in f" {long} "


def same_text(a: str | None, b: str | None) -> bool:
    """Closely the same words, and exactly the same numbers."""
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return True
    return bool(na and nb) and _digits(na) == _digits(nb) and fuzz.ratio(na, nb) >= CLOSE_RATIO


def similar_text(a: str | None, b: str | None) -> bool:
    """Close enough once the numbers agree: one title a shortened form of the other, or a near spelling."""
    na, nb = normalise(a), normalise(b)
    if _inside(na, nb) or _inside(nb, na):
        return True
    return same_text(a, b) or (bool(na and nb) and _digits(na) == _digits(nb) and fuzz.ratio(na, nb) >= SIMILAR_RATIO)


def same_value(a, b) -> bool:
    """Kinds and dates: equal after case and surrounding spaces."""
    if a is None or b is None:
        return a is None and b is None
    return str(a).strip().lower() == str(b).strip().lower()


@dataclass(frozen=True)
class Rule:
    """How records of one category are compared: which field numbers them, which holds their words."""

    number: str | None
    text: str
    parts: bool = False  # decisions and recommendations: parts match their whole

    def same(self, gold: dict, found: dict) -> bool:
        gold_number, found_number = self._number(gold), self._number(found)
        if gold_number and found_number:
            return gold_number == found_number and (gold.get(self.text) is None or similar_text(gold[self.text], found.get(self.text)))
        return same_text(gold.get(self.text), found.get(self.text))

    def part_of(self, part: dict, whole: dict) -> bool:
        numbers = self._number(part), self._number(whole)
        if all(numbers) and numbers[0] != numbers[1]:
            return False
        words = normalise(part.get(self.text))
        return len(words.split()) >= MIN_PART_WORDS and _inside(words, normalise(whole.get(self.text)))

    def overlaps(self, a: dict, b: dict) -> bool:
        return self.part_of(a, b) or self.part_of(b, a)

    def _number(self, record: dict) -> str:
        return normalise_number(record.get(self.number)) if self.number else ""


def match_records(gold: list[dict], found: list[dict], rule: Rule) -> Counts:
    """One-to-one in document order, then (for parts rules) parts against wholes on either side."""
    unmatched_gold, unmatched_found = _one_to_one(gold, found, rule.same)
    tp = len(gold) - len(unmatched_gold)
    if rule.parts:
        tp += sum(1 for g in unmatched_gold if any(rule.overlaps(g, f) for f in found))
        unmatched_found = [f for f in unmatched_found if not any(rule.overlaps(f, g) for g in gold)]
    return tp, len(unmatched_found), len(gold) - tp


def _one_to_one(gold: list, found: list, same: Callable[[dict, dict], bool]) -> tuple[list, list]:
    unused = list(found)
    missed = []
    for record in gold:
        match = next((i for i, candidate in enumerate(unused) if same(record, candidate)), None)
        if match is None:
            missed.append(record)
        else:
            del unused[match]
    return missed, unused

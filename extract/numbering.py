"""Numbered headings: pick the run of candidates that numbers like a real sequence.

Agendas and minutes number their items in order (1, 2, 3 or 135, 136, ...);
bullet lists, reserve-member lists and table rows also start lines with
numbers, but rarely form as long a run. So among all candidate lines the
longest chain whose numbers keep rising by small steps is taken.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
_MAX_STEP = 3  # items withdrawn or taken in private leave small gaps
# "14 June 2017 ..." opening a table row is a date, not item 14.
_MONTH_START = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+\d",
    re.I,
)


def starts_with_date(title: str) -> bool:
    return bool(_MONTH_START.match(title))


def number_key(number: str) -> tuple[int, ...]:
    """'135' -> (135,); '8a' -> (8, 1); '8.2' -> (8, 2); 'CAB 23/45' -> (23, 45)."""
    digits = [int(d) for d in re.findall(r"\d+", number)]
    letter = re.search(r"\d([a-z])\b", number)
    if letter:
        digits.append(ord(letter.group(1)) - ord("a") + 1)
    return tuple(digits)


def follows(previous: tuple[int, ...], current: tuple[int, ...]) -> bool:
    """Whether current can be the next item after previous."""
    if not previous or not current:
        return False
    if len(previous) == len(current) == 2 and (previous[0] >= 1000 or previous[1] >= 1000):
        # "12/2023": sequence and year; the year stays, the sequence rises.
        seq_at = 0 if previous[1] >= 1000 else 1
        same = previous[1 - seq_at] == current[1 - seq_at]
        return same and 0 < current[seq_at] - previous[seq_at] <= _MAX_STEP
    if len(previous) == 2 and len(current) == 2 and previous[0] == current[0]:
        return 0 < current[1] - previous[1] <= _MAX_STEP  # 8a -> 8b, CAB 23/45 -> 23/46
    head_step = current[0] - previous[0]
    if len(current) == 2 and head_step == 0:
        return current[1] == 1 and len(previous) == 1  # 8 -> 8a / 8.1
    return 0 < head_step <= _MAX_STEP and (len(current) == 1 or current[1] == 1)


def longest_sequence(candidates: Sequence[T], key: Callable[[T], str]) -> list[T]:
    """The longest chain of candidates (in document order) whose numbers follow each other."""
    keys = [number_key(key(c)) for c in candidates]
    best_len = [1] * len(candidates)
    back = [-1] * len(candidates)
    for i in range(len(candidates)):
        for j in range(i):
            if follows(keys[j], keys[i]) and best_len[j] + 1 > best_len[i]:
                best_len[i], back[i] = best_len[j] + 1, j
    if not candidates:
        return []
    # On a tie the later chain wins: the real list follows front-sheet lists.
    end = max(range(len(candidates)), key=lambda i: (best_len[i], i))
    chain = []
    while end != -1:
        chain.append(candidates[end])
        end = back[end]
    return chain[::-1]

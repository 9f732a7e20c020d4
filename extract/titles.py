"""The title of an item heading: how much of the heading line, and of the lines under it, it takes.

A heading set in bold (or other emphasis) ends where its type ends: "Police
Report: Attached." and "Declarations of Interest - to receive ..." keep only
the bold part, and a title wrapping onto the next line continues in the same
type. A plain title ends at white space, at a line set differently, or where
the caller's text rule (`wraps`) says; in minutes a plain heading may run into
its text after a colon.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .itemnumbers import item_reference, numbered_line
from .layout import BodyStyle, same_block, words_from
from .pagelines import Line
from .records import Word

Wraps = Callable[[str, str], bool]  # (title so far, next line) -> does the title go on?

# "R2025-042 J. Scott, S. Kirkey:" and "Moved by ..." name the mover and seconder, not a title.
_MOVERS = re.compile(r"^(?:(?:[A-Z]\.\s?)+[A-Z][\w'’-]+(?:,\s*|\s+and\s+|$|:)){2,}:?$|^(?:Moved|Proposed)\s+by\b", re.I)
_SEPARATOR = ":-–—"
_RUN_IN = re.compile(r"^(?P<head>[^:]{3,}?):\s+(?P<rest>\S.*)$")


def heading_title(lines: list[Line], index: int, title_start: int, stop: int, style: BodyStyle | None,
                  wraps: Wraps | None, run_in: bool) -> tuple[str, int]:
    """(title of the heading on line `index`, the first line after it); lines from `stop` on are not its."""
    line = lines[index]
    title = line.text[title_start:].strip()
    words, skip = words_from(line, title_start) if style else ([], 0)
    model = words[0] if words and style.emphasised(words[0]) else None
    if model is not None:
        run = _run_alike(words)
        if len(run) < len(words) and _ends_run_in_heading(run, words[len(run)]):
            return " ".join([run[0].text[skip:]] + [w.text for w in run[1:]]), index + 1
    elif run_in:
        head = _before_motion(title) or _plain_run_in(title, index + 1 < stop and _hangs(line, lines[index + 1]))
        if head:
            return head, index + 1
    end = index + 1
    while end < stop and _continues(lines, index, end, title, model, style, wraps):
        title += " " + lines[end].text
        end += 1
    return title, end


def tidy(title: str) -> str:
    title = " ".join(title.split()).strip(" " + _SEPARATOR)
    return "" if _MOVERS.match(title) else title


# "9. Adjournment - Resolution No. 2024-90 Moved by A, seconded by B that ...": the motion is the item's text.
_MOTION_RUN_IN = re.compile(r"\s+[-–—:]\s*(?=(?:Resolution|Motion)\s+No\b|Moved\s+by\b)", re.I)


def _before_motion(title: str) -> str | None:
    found = _MOTION_RUN_IN.search(title)
    return title[: found.start()] if found else None


def _plain_run_in(title: str, wraps_on: bool) -> str | None:
    """'Apologies for absence: Cllr Shewell.': the words before the colon, when a sentence follows."""
    match = _RUN_IN.match(title)
    if not match or len(match.group("head").split()) > 12 or len(match.group("rest").split()) < 2:
        return None
    return match.group("head") if match.group("rest").endswith(".") or wraps_on else None


def _hangs(heading: Line, line: Line) -> bool:
    """The next line carries on the heading's paragraph under its title (a hanging indent)."""
    return bool(heading.words and line.words) and same_block(heading, line) and line.x0 > heading.x0 + 2


def _alike(word: Word, model: Word) -> bool:
    return word.font == model.font and word.bold == model.bold and abs(word.size - model.size) < 0.6


def _run_alike(words: list[Word]) -> list[Word]:
    """The leading words set like the first one: the heading part of a run-in heading."""
    run = [words[0]]
    for word in words[1:]:
        if not _alike(word, words[0]):
            break
        run.append(word)
    return run


def _ends_run_in_heading(run: list[Word], following: Word) -> bool:
    """'Police Report: Attached.', 'Declarations of Interest - to receive ...': the bold part is the title."""
    return (
        run[-1].text[-1] in _SEPARATOR
        or following.text in ("-", "–", "—", ":")
        or following.text[:1].isupper()
        or following.x0 - run[-1].x1 > 1.5 * max(following.size, 1.0)
    )


def _continues(lines: list[Line], start: int, index: int, title: str, model: Word | None,
               style: BodyStyle | None, wraps: Wraps | None) -> bool:
    """Whether line `index` carries on the title; model is the title's first word when it is set as a heading."""
    line, heading = lines[index], lines[start]
    if numbered_line(line.text) or item_reference(line.text):
        return False
    if style and line.words and heading.words:
        if not same_block(lines[index - 1], line) or line.x0 < heading.x0 - 2:
            return False
        if model is not None:
            return all(_alike(w, model) for w in line.words)
        if style.emphasised(line.words[0]):
            return False
    return bool(wraps and wraps(title, line.text))

"""Item numbers as papers print them at the start of a heading, and when one can follow another.

Any style counts as long as it forms a sequence that rises through the document:
continuous numbers (2643), dotted month-year-item refs (09.24.01), slashed
(14/037, 12/2023), prefixed (PC 18/45, ABC/21/14), resolution ids (R2025-037),
"Item 1 ...", "Minute 12 ...", "Resolution No. 2025-045"; a title may open with a year ("19. 2024/25
Budget"). Exactly one part of the number changes from one
item to the next, rising by a small step. Lettered numbers (8a) are sub-items.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbering import starts_with_date

MAX_STEP = 3  # items withdrawn or taken in private leave small gaps

_LABEL = r"(?:(?:Minute|MINUTE|Min\.?|Agenda\s+Item|AGENDA\s+ITEM|Item|ITEM|Resolution|RESOLUTION)\s+(?:No\.?\s*|NO\.?\s*)?)?"
# "03.26 08": a space typed for the last dot.
_DIGITS = r"\d{1,4}(?:(?:[./-]|(?<=\.\d\d)\s(?=\d\d\b))\d{1,4}){0,3}"
HEADING_NUMBER = re.compile(
    rf"^{_LABEL}(?P<number>(?P<prefix>[A-Z]{{1,6}}[ /-]?)?(?P<digits>{_DIGITS}))"
    r"(?:[.):]?(?:\s+[-–]\s+|\s+)|[.)](?=[A-Z]))(?P<title>(?:[A-Z“\"'‘(\[]|(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?\s+[A-Z]).*)$"
)
_DATE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d$")  # 02/05/2017
# "MOTION NUMBER C2025-01", "Resolution No. 2024-189" alone on a line over its mover and text:
# a numbered motion heads its own record, with no title.
MOTION_NUMBER = re.compile(
    rf"^(?:MOTION|Motion|RESOLUTION|Resolution)\s+(?:NUMBER|Number|NO\.?|No\.?|#)\s*:?\s*"
    rf"(?P<number>(?P<prefix>[A-Z]{{1,6}}[ /-]?)?(?P<digits>{_DIGITS}))\s*:?$"
)
ITEM_REFERENCE = re.compile(r"^\(\s*Item\s+(?P<number>\d{1,3})\s*\)$", re.I)


@dataclass(frozen=True)
class ItemNumber:
    text: str  # as printed
    prefix: str  # letters before the digits, "" for none
    groups: tuple[int, ...]

    def step_from(self, previous: "ItemNumber") -> int | None:
        """How far this number rises from previous (0: printed twice), None when it cannot follow it."""
        if self.prefix != previous.prefix or len(self.groups) != len(previous.groups):
            return None
        changed = [(a, b) for a, b in zip(previous.groups, self.groups) if a != b]
        if not changed:
            return 0
        if len(changed) != 1:
            return None
        step = changed[0][1] - changed[0][0]
        return step if 0 < step <= MAX_STEP else None

    def extends(self, shorter: "ItemNumber") -> bool:
        """'8.2' under '8': a decimal sub-item of an item numbered `shorter`."""
        return self.prefix == shorter.prefix and self.groups[: len(shorter.groups)] == shorter.groups and len(
            self.groups
        ) > len(shorter.groups)


@dataclass(frozen=True)
class NumberedLine:
    number: ItemNumber
    title: str  # the rest of the line after the number
    title_start: int  # where the title starts in the line's text
    open_ended: bool  # ends with ',' or ';' like a list entry (a bold run-in heading may too)


def numbered_line(text: str) -> NumberedLine | None:
    """The item number opening a line and the title after it, if the line reads like a heading."""
    match = HEADING_NUMBER.match(text)
    if match:
        title, start = match.group("title").strip(), match.start("title")
        if len(title) < 2 or starts_with_date(title):
            return None
    else:
        match = MOTION_NUMBER.match(text)
        if not match:
            return None
        title, start = "", len(text)
    prefix = (match.group("prefix") or "").strip(" /-")
    if _DATE.match(match.group("digits")):
        return None
    groups = tuple(int(d) for d in re.findall(r"\d+", match.group("digits")))
    number = ItemNumber(match.group("number").strip(), prefix, groups)
    return NumberedLine(number, title, start, title.endswith((",", ";")))


def item_reference(text: str) -> str | None:
    """'(Item 4)': the agenda item a minute heading without its own number records."""
    match = ITEM_REFERENCE.match(text)
    return match.group("number") if match else None


# "A. CALL TO ORDER", "IV. COMMITTEE REPORTS": agendas that number their top level with capital
# letters or Roman numerals (and number the business inside each with 1, 2, 3 ...).
_OUTLINE = re.compile(r"^(?P<label>[A-Z]|[IVX]{2,5})[.)]\s+(?P<title>[A-Z“\"'‘(\[].*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman_value(label: str) -> int | None:
    """'IV' -> 4; None for what is not a Roman numeral of I to XXXIX."""
    values = [_ROMAN_VALUES.get(c) for c in label]
    if None in values:
        return None
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if _as_roman(total) == label else None


def _as_roman(value: int) -> str:
    ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    return "X" * (value // 10) + ones[value % 10] if 0 < value < 40 else ""


def outline_line(text: str) -> tuple[str, str, int] | None:
    """(label, title, title start) of a line opening with a capital letter or Roman numeral label."""
    match = _OUTLINE.match(text)
    if not match or len(match.group("title").strip()) < 2:
        return None
    return match.group("label"), match.group("title").strip(), match.start("title")


def outline_number(label: str, family: str) -> ItemNumber | None:
    """The label read as a letter (A=1) or as a Roman numeral; 'I', 'V', 'X' are both."""
    if family == "letter":
        value = ord(label) - ord("A") + 1 if len(label) == 1 else None
    else:
        value = roman_value(label)
    return ItemNumber(label, "", (value,)) if value else None

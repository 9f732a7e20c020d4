"""North American councils, boards and commissions: motions and an order of business.

Minutes record motions ("Moved by X, Seconded by Y ... Carried", or a
resolution number with its mover and seconder); agendas run an order of
business from "Call to Order" and "Roll Call" to "Adjournment", often as
capitalised headings with no numbers.
"""
from __future__ import annotations

import re

from .base import Profile

RESULT = re.compile(
    r"(?:^|(?<=[.!:]\s)|(?<=[.!:]))\s*(?:Motion\s+)?(?P<result>Carried(?:\s+(?:unanimously|as\s+amended))?|CARRIED(?:\s+(?:UNANIMOUSLY|AS\s+AMENDED))?"
    r"|Defeated|DEFEATED|Agreed(?:\s+unanimously)?|AGREED)\.?\s*$"
)
MOTION_START = re.compile(r"^(?:That|THAT|BE\s+IT\s+RESOLVED|Be\s+it\s+resolved|WHEREAS|Whereas)\b")
# "R2025-042 J. Scott, S. Kirkey:" - a resolution number and the mover and seconder.
MOVER_LINE = re.compile(
    r"^(?P<id>[A-Z]{0,3}\d{2,4}[-/]\d{1,4}[A-Za-z]?|(?:Resolution|Motion)\s+(?:No\.?\s*)?\S+)?\s*"
    r"(?P<mover>[A-Z][\w.'’ -]{1,40}?),\s*(?P<seconder>[A-Z][\w.'’ -]{1,40}?):\s*$"
)
MOVED = re.compile(r"\bMoved\s+by\s*:?\s*(?P<mover>[^,:\n]+?)(?=\s*(?:,|Seconded\b|$))", re.I | re.M)
# "seconded by Dave Yemm that the meeting ...": the motion may follow the seconder's name at once.
SECONDED = re.compile(r"\bSeconded\s+by\s*:?\s*(?P<seconder>[^,:\n]+?)(?=\s*(?:,|:|$)|\s+that\b)", re.I | re.M)
# The order of business of Robert's Rules and the councils that follow it.
OPENING_ITEMS = re.compile(r"^(?:CALL\s+TO\s+ORDER|ROLL\s+CALL|PLEDGE\s+OF\s+ALLEGIANCE|INVOCATION)\b", re.I)
CLOSING_ITEMS = re.compile(r"^ADJOURN(?:MENT|ED)?\b", re.I)

NORTH_AMERICAN = Profile(
    "north_american",
    cues=(
        re.compile(r"^\s*(?:\d{1,2}\.\s*|[IVX]{1,4}\.\s*)?(?:CALL\s+TO\s+ORDER|Call\s+to\s+Order)\b", re.M),
        re.compile(r"^\s*(?:\d{1,2}\.\s*|[IVX]{1,4}\.\s*)?(?:ROLL\s+CALL|Roll\s+Call)\b", re.M),
        re.compile(r"^\s*(?:\d{1,2}\.\s*|[IVX]{1,4}\.\s*)?(?:ADJOURNMENT|Adjournment)\b", re.M),
        re.compile(r"\bPledge\s+of\s+Allegiance\b", re.I),
        re.compile(MOVED.pattern, re.I | re.M),
        re.compile(RESULT.pattern, re.M),
        re.compile(MOVER_LINE.pattern, re.M),
    ),
    opening_items=OPENING_ITEMS,
    closing_items=CLOSING_ITEMS,
)

"""ModernGov packs (UK county and district councils): stamped reports and labelled minute extracts.

Every report in a pack carries an "Agenda Item 8" stamp and a "Pages 13 to 16"
range; minutes published item by item print "Title" / "Minutes:" / text.
"""
from __future__ import annotations

import re

from .base import Profile

ITEM_STAMP = re.compile(r"^\s*Agenda\s+Item\s+(\d{1,3}[A-Za-z]?(?:\.\d{1,2})?)\s*$", re.I)
PAGES_STAMP = re.compile(r"^\s*Pages?\s+(\d{1,4})\s*(?:to|-|–)\s*(\d{1,4})\s*$", re.I)
MINUTES_LABEL = re.compile(r"^Minutes\s*:\s*(?P<rest>.*)$", re.I)

MODERNGOV = Profile(
    "moderngov",
    cues=(
        re.compile(ITEM_STAMP.pattern, re.I | re.M),
        re.compile(PAGES_STAMP.pattern, re.I | re.M),
        re.compile(MINUTES_LABEL.pattern, re.I | re.M),
        re.compile(r"\(\s*Pages?\s+\d{1,4}\s*(?:-|–|to)\s*\d{1,4}\s*\)", re.I),
        re.compile(r"^\s*\(Item\s+\d{1,3}[A-Za-z]?\)\s*$", re.M),  # under each heading of printed minutes
    ),
    minimum=1,  # each of these is ModernGov's own furniture
)

"""English, Welsh and Irish parish, town and community councils.

Their minutes state decisions as agreements and outcomes ("proposed by Cllr A,
seconded by Cllr B", "All agreed"), give actions to the Clerk or the RFO ("Clerk
to write to ..."), and name the council in every heading.
"""
from __future__ import annotations

import re

from .base import Profile

# Officers a small council gives actions to.
OFFICER = r"(?:The\s+)?(?:Clerk|RFO|Officers?|Town\s+Clerk|Parish\s+Clerk|Chair(?:man)?|Secretary)"
PROPOSED = re.compile(r"\b[Pp]roposed\s+by\b.{0,80}\b[Ss]econded\s+by\b")

PARISH = Profile(
    "parish",
    cues=(
        re.compile(r"\b(?:Parish|Town|Community)\s+Council\b"),
        re.compile(r"^\s*(?:The\s+)?(?:Clerk|RFO)\s+to\s+[a-z]", re.M),
        PROPOSED,
        re.compile(r"\bCllrs?\.?\s+[A-Z]"),
        re.compile(r"\b(?:Parish|Town)\s+Clerk\b|\bRFO\b"),
    ),
)

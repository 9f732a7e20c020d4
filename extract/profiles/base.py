"""A convention profile: how one family of papers marks what the generic reader looks for.

Papers of one convention share furniture and vocabulary: ModernGov stamps
"Agenda Item 8" on each report, North American agendas run an order of business
from "Call to Order" to "Adjournment", parish minutes say "Clerk to ...". A
profile names the cues that show a paper follows its convention and carries the
vocabulary the extractors read with. The generic profile has none, so what the
generic reader does never depends on a profile being found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    # Evidence in a paper's text; a profile scores the number of distinct cues it finds.
    cues: tuple[re.Pattern, ...] = ()
    # Cues needed before the profile is taken at all (one stray word is no convention).
    minimum: int = 2
    # Order-of-business items that open and close an agenda whose headings carry no numbers;
    # None where the convention numbers every item.
    opening_items: re.Pattern | None = None
    closing_items: re.Pattern | None = None

    def score(self, text: str) -> int:
        found = sum(bool(cue.search(text)) for cue in self.cues)
        return found if found >= self.minimum else 0

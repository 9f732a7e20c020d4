"""Text clean-up that needs the whole document but no I/O."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .records import PageText

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_BREAK = re.compile(r"\b([A-Za-z]{2,})-\n([a-z]{2,})\b")


def join_hyphenated(pages: list[PageText]) -> list[PageText]:
    """Join words split by a hyphen at a line break, only when the document proves it safe.

    "assess-\\nments" becomes "assessments" if "assessments" appears elsewhere in
    the document; "non-\\npecuniary" becomes "non-pecuniary" if that hyphenated
    form appears elsewhere. With no evidence either way the break is kept, since
    guessing would corrupt names and compounds.
    """
    vocabulary = Counter(w.lower() for p in pages for w in _WORD.findall(p.text))

    def rejoin(match: re.Match) -> str:
        left, right = match.group(1), match.group(2)
        if vocabulary[f"{left}{right}".lower()]:
            return f"{left}{right}\n"
        if vocabulary[f"{left}-{right}".lower()]:
            return f"{left}-{right}\n"
        return match.group(0)

    return [replace(p, text=_BREAK.sub(rejoin, p.text)) for p in pages]

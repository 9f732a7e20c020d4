"""A decision's numbered parts: "(1) ... (2) ...", "a) ... b) ...", bullets, paragraphs.

A part list opens the decision or follows a colon ("RESOLVED that Council:
(i) ... (ii) ..."); letters inside a sentence ("namely (i) ... (ii) ...") are
reasons within one decision, not parts. A list may start again after a new
lead-in ("This Council agrees to call on ... to: a) ... b) ..."); lead-ins are
not parts. Text is passed with "\n" at line starts and "\n\n" at paragraph ends.
"""
from __future__ import annotations

import re

# A label at the start of the text, of a line, or after a colon, semicolon ("; and") or "That".
_LABEL = re.compile(
    r"(?:^|(?<=\n)|(?<=[:;]\s)|(?<=[Tt]hat\s)|(?<=;\sand\s)|(?<=;\sor\s)|(?<=,\sand\s))[ \t]*"
    r"(?:\((?P<p>\d{1,2}|[a-z]|[ivx]{1,4})\)|(?P<d>\d{1,2}|[a-z]|[ivx]{1,4})[.)])[:.]?\s+"
)
_BULLET = re.compile(r"(?:^|(?<=\n))[ \t]*[•▪●◦\uf0b7\uf0a7\-–](?=\s)\s*")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
_FAMILIES = [[str(n) for n in range(1, 31)], list("abcdefghijklmnopqrstuvwxyz"), _ROMAN]
# A lead-in naming only who decides ("that Council:", "that the County Council:").
_SHORT_LEAD_IN = 6


def _label(match: re.Match) -> str:
    return match.group("p") or match.group("d")


def _next_in_family(previous: str | None, label: str) -> bool:
    if previous is None:
        return any(label == family[0] for family in _FAMILIES)
    return any(
        label in family and previous in family and family.index(label) == family.index(previous) + 1
        for family in _FAMILIES
    )


def _labelled_run(text: str) -> list[re.Match]:
    """Labels forming sequences; a sequence may restart at its first label after a colon."""
    chosen: list[re.Match] = []
    previous = None
    for match in _LABEL.finditer(text):
        label = _label(match)
        restart = not chosen or text[: match.start()].rstrip().endswith(":")
        if _next_in_family(previous, label) or (restart and _next_in_family(None, label)):
            chosen.append(match)
            previous = label
    return chosen if len(chosen) >= 2 else []


def _strip_lead_in(segment: str) -> str:
    """A segment that ends in a new lead-in ("And; This Council agrees ... to:") loses it."""
    cut = re.search(r"(?:\n\n|\n|;\s*|\.\s+)(?:And;?\s*)?(?=[A-Z][^:]*:\s*$)", segment)
    if cut and segment.rstrip().endswith(":"):
        return segment[: cut.start() + segment[cut.start()].startswith(".")]
    return segment


def tidy(text: str) -> str:
    text = " ".join(text.split())
    return re.sub(r"(?:\s*;\s*(?:and|or)?,?|\s+(?:and|or),?)\s*$", "", text).strip()


def split_parts(text: str) -> list[tuple[str | None, str]]:
    """[(label, text)] of each part; [(None, text)] for an undivided decision."""
    run = _labelled_run(text)
    if run:
        return [
            (_label(m), tidy(_strip_lead_in(text[m.end() : run[i + 1].start() if i + 1 < len(run) else len(text)])))
            for i, m in enumerate(run)
        ]
    bullets = list(_BULLET.finditer(text))
    lead_in = text[: bullets[0].start()] if bullets else ""
    if len(bullets) >= 2 and len(lead_in.split()) <= _SHORT_LEAD_IN:
        ends = [b.start() for b in bullets[1:]] + [len(text)]
        return [(None, tidy(text[b.end() : end])) for b, end in zip(bullets, ends)]
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) >= 2 and not text.split("\n\n")[0].strip():
        return [(None, tidy(p)) for p in paragraphs]
    return [(None, tidy(text))]

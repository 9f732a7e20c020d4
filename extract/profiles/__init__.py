"""Convention profiles and the registry that picks one for a paper.

Like a parser registry, every profile scores the paper and the best score wins;
the generic profile, which asks for nothing, is the fallback. A new convention
is a new module here with its cues and vocabulary, and its own tests.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..records import PageText
from .base import Profile
from .generic import GENERIC
from .moderngov import MODERNGOV
from .north_american import NORTH_AMERICAN
from .parish import PARISH

PROFILES: tuple[Profile, ...] = (MODERNGOV, NORTH_AMERICAN, PARISH)
_READ_PAGES = 6  # the conventions show on the first pages; reading all of a long pack costs time


def detect_profile(pages: Sequence[PageText]) -> Profile:
    """The profile whose cues the paper shows most; generic when none shows enough."""
    text = "\n".join(page.text for page in pages[:_READ_PAGES])
    scored = [(profile.score(text), -position, profile) for position, profile in enumerate(PROFILES)]
    best, _, profile = max(scored, key=lambda s: s[:2])
    return profile if best else GENERIC


__all__ = ["GENERIC", "PROFILES", "Profile", "detect_profile"]

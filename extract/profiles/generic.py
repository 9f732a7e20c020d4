"""The generic reader's profile: numbering, layout and decision verbs only, no convention's words."""
from __future__ import annotations

from .base import Profile

GENERIC = Profile("generic")

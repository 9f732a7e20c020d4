"""The odd-character count reads ASCII by pattern: the same count as asking every character."""
from __future__ import annotations

import unicodedata

from panel_papers.ingest.readability import _odd_characters, garbled


def _asked_one_by_one(text: str) -> int:
    return sum(unicodedata.category(c) in ("Cc", "Co", "Cn") or c == "\ufffd" for c in text if not c.isspace())


def test_odd_characters_of_every_code_point():
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert _odd_characters(every) == _asked_one_by_one(every)


def test_garbled_judges_words_and_soup():
    assert not garbled("The Panel noted the report on placement stability for children in care. " * 3)
    assert garbled("\x01\x02\x03 \x04\x05 \ue000\ue001 xx " * 5)
    assert garbled(" ".join(["qwrtp", "zxcvb", "bcdfg", "hjklm", "npqrs", "tvwxz", "k7#q", "Rw%p"] * 2))

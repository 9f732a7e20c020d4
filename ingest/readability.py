"""Whether a page's text layer reads as the page: the cheap tests that decide what to OCR.

A page is unreadable when it prints something (it has page objects) and its text
layer gives no text ('no_text': a scan or a page image), glyphs without a Unicode
mapping ('no_unicode': empty text, '(cid:NN)' or U+FFFD for drawn characters), or
symbol soup ('garbled': a font whose codes map to control characters or wrong
letters). Words are judged by shape, not by a dictionary of one language: a word
has a vowel, and its capitals lead it.
"""
from __future__ import annotations

import re
import unicodedata

NO_TEXT, NO_UNICODE, GARBLED = "no_text", "no_unicode", "garbled"
_TOKEN = re.compile(r"\S+")
_SPACE = re.compile(r"\s")  # the characters str.isspace() names
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # ASCII's control characters less white space
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_CID = re.compile(r"\(cid:\d+\)")
_WORDLIKE = re.compile(r"[A-Za-z][a-z]*(?:['’-][A-Za-z]+)*|[A-Z]+s?")
_NUMBERLIKE = re.compile(r"[£$€(]?[\d.,:/%()-]*\d[\d.,:/%()-]*[a-z]{0,2}")
_VOWEL = re.compile(r"[aeiouyAEIOUY]")
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}.,;:!?*•–—-"
_MIN_TOKENS = 8  # fewer words than this cannot be judged: a slide title, a page number
_READABLE_SHARE = 0.5  # of tokens that look like words or numbers
_ODD_CHARACTER_SHARE = 0.1  # control, private-use or replacement characters among the printed ones


def unreadable_reason(text: str, glyphs: int, objects: int) -> str | None:
    """Why the page needs OCR, or None when its text can be used (or it prints nothing).

    glyphs: characters PDFium counts on the page (drawn text, with or without Unicode);
    objects: page objects of any kind (text, images, paths): none means a blank page.
    """
    printed = _CID.sub("", text).replace("\ufffd", "")
    if not printed.strip():
        if glyphs > 0:
            return NO_UNICODE
        return NO_TEXT if objects > 0 else None
    if len(_CID.findall(text)) * 4 > len(_TOKEN.findall(text)):
        return NO_UNICODE
    return GARBLED if garbled(text) else None


def garbled(text: str) -> bool:
    """Text whose characters are mostly not letters, or whose tokens mostly do not look like words."""
    printed = len(text) - len(_SPACE.findall(text))
    if not printed:
        return False
    if _odd_characters(text) > _ODD_CHARACTER_SHARE * printed:
        return True
    tokens = _TOKEN.findall(text)
    if len(tokens) < _MIN_TOKENS:
        return False
    enough, readable = _READABLE_SHARE * len(tokens), 0
    for token in tokens:
        readable += _readable(token)
        if readable >= enough:  # most pages read as words: no need to judge the rest
            return False
    return True


def _odd_characters(text: str) -> int:
    """Control, private-use, unassigned or replacement characters that are not white space; ASCII's
    are found by one pattern, only the other characters are asked their category."""
    return len(_ASCII_CONTROL.findall(text)) + sum(
        unicodedata.category(c) in ("Cc", "Co", "Cn") or c == "\ufffd"
        for c in _NOT_ASCII.findall(text) if not c.isspace())


def _readable(token: str) -> bool:
    core = token.strip(_EDGE_PUNCTUATION)
    if not core or _NUMBERLIKE.fullmatch(core):
        return True
    return bool(_WORDLIKE.fullmatch(core) and (_VOWEL.search(core) or len(core) <= 3))

"""What a worker read from a paper that names no committee or no council, kept on disk until the
collection pass: that pass extracts such a paper again with the collection's names, and from the
same read it need not open the PDF again (reading is about half of a worker's time per page).

Only reads without OCR candidates are kept: the collection pass never OCRs, so a page the first
pass OCR'd or left waiting would be read differently by it.
"""
from __future__ import annotations

import dataclasses
import operator
import os
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

from ..extract.document import ReadDocument
from ..extract.records import PageText, Word

READS_DIR = "reads-pending"


def reads_folder(home: Path) -> str:
    return str(home / READS_DIR)


def keep(folder: str, sha256: str, read: ReadDocument, info, mentions: list, model: str | None) -> None:
    """mentions: those extraction found with spaCy pipeline `model`; they depend on the pages alone."""
    os.makedirs(folder, exist_ok=True)
    path = _path(folder, sha256)
    partial = f"{path}.{os.getpid()}.partial"
    # Words as tuples: pickling hundreds of slotted objects a page costs more than reading them back.
    pages = [(replace(page, words=[]), [_word_values(w) for w in page.words]) for page in read.pages]
    with open(partial, "wb") as out:
        pickle.dump((replace(read, pages=[]), pages, info, mentions, model), out, pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)  # a kill leaves no half-written read to be taken


def take(folder: str, sha256: str, model: str | None) -> tuple[ReadDocument, object, list] | None:
    """The kept read of this content, its PDF's info and its mentions by spaCy pipeline `model`; or None."""
    try:
        with open(_path(folder, sha256), "rb") as kept:
            read, pages, info, mentions, kept_model = pickle.load(kept)
    except (OSError, EOFError, pickle.UnpicklingError):
        return None
    read.pages = [_with_words(page, words) for page, words in pages]
    return (read, info, mentions) if kept_model == model else (read, info, None)


def _with_words(page: PageText, words: list[tuple]) -> PageText:
    page.words = [Word(*values) for values in words]
    return page


_word_values = operator.attrgetter(*(f.name for f in dataclasses.fields(Word)))


def discard(folder: str) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _path(folder: str, sha256: str) -> str:
    return os.path.join(folder, f"{sha256}.pickle")

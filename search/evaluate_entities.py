"""Score extracted entity names against a hand-annotated gold file (corpus/entities_gold.json).

Per document and kind, a predicted name matches a gold entity when it equals
one of the entity's spellings (a gold entry is a name or a list of spellings
of one entity: full name, acronym, variant), compared leniently: case, quote
style, punctuation, '&'/'and' and a leading 'the' folded. Counts:

- tp: gold entities matched by at least one predicted name;
- fn: gold entities matched by none;
- fp: predicted names that match no gold entity (two spellings of one matched
  entity, such as "LSCB" and "Local Safeguarding Children Board", are not errors).
"""
from __future__ import annotations

from .metrics import metrics

import os
import re
import unicodedata
from collections.abc import Iterable

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def lenient_name(name: str) -> str:
    """"The Children’s Society" == "childrens society"; "Overview & Scrutiny" == "overview and scrutiny"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("'", "").replace("&", " and ")
    words = _NOT_WORD.sub(" ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _gold_entities(entries: Iterable) -> list[set[str]]:
    """Each gold entry as the set of its lenient spellings."""
    out = []
    for entry in entries:
        spellings = [entry] if isinstance(entry, str) else list(entry)
        out.append({lenient_name(s) for s in spellings})
    return out


def document_counts(predicted: set[str], gold_entries: Iterable) -> tuple[int, int, int]:
    """(tp, fp, fn) for one document and one kind."""
    entities = _gold_entities(gold_entries)
    names = {lenient_name(n) for n in predicted}
    tp = sum(1 for spellings in entities if spellings & names)
    known = set().union(*entities) if entities else set()
    fp = sum(1 for n in names if n not in known)
    return tp, fp, len(entities) - tp


def score_entities(predicted: dict[str, dict[str, set[str]]], gold: dict,
                   kinds: Iterable[str] = ("PERSON", "ORG")) -> dict[str, dict]:
    """{kind: {precision, recall, f1, tp, fp, fn}} over the gold documents.

    `predicted` maps a file (base name or path) to {kind: names}; a gold
    document missing from it counts every gold entity as missed.
    """
    by_name = {os.path.basename(f): kinds_ for f, kinds_ in predicted.items()}
    scores = {}
    for kind in kinds:
        tp = fp = fn = 0
        for document in gold.get("documents", []):
            found = by_name.get(os.path.basename(document["file"]), {}).get(kind, set())
            t, f, n = document_counts(set(found), document.get(kind, []))
            tp, fp, fn = tp + t, fp + f, fn + n
        scores[kind] = metrics(tp, fp, fn)
    return scores



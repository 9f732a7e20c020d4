"""Scoring follow-up links against gold `followups` (realcorpus shape: from, to, kind, evidence, page).

A link matches a gold link when it joins the same two files (either way round, and whichever of the
two papers states it) and each end is the same record: the same number or closely the same words, or
a whole document on either side. Matching is one-to-one over the whole set. Kinds are not compared
(the gold's vocabulary is smaller than the linker's). Gold lists only some links
of a kind ("pair records given for the first five agenda items"), so a found link that matches none
counts against precision only where the gold speaks: when one of its ends is an end of a gold link,
or when the gold links its two files in no way at all. Links touching a paper without readable
text, or a file the set lacks, are out of scope until OCR lands.
"""
from __future__ import annotations

from .evaluate import UNREADABLE, base_name
from .matching import Counts, normalise, similar_text


def followup_scorer(gold_documents: list[dict], found_documents: list[dict]):
    """A scorer per gold document, from one matching over the whole set: a link stated in the other
    paper of the pair (the minutes naming the report, not the report the minutes) still matches."""
    readable = {base_name(d["file"]) for d in gold_documents if not any(d.get(f) for f in UNREADABLE)}

    def in_scope(link: dict) -> bool:
        return all(base_name(link[end].get("file") or "") in readable for end in ("from", "to"))

    gold = [(base_name(d["file"]), g) for d in gold_documents for g in d.get("followups") or [] if in_scope(g)]
    found = [(base_name(d["file"]), f) for d in found_documents for f in d.get("followups") or [] if in_scope(f)]
    connected = {_files(g) for d in gold_documents for g in d.get("followups") or []}
    unused = list(range(len(found)))
    matched_gold: set[int] = set()
    for i, (_, link) in enumerate(gold):
        j = next((j for j in unused if same_link(link, found[j][1])), None)
        if j is not None:
            matched_gold.add(i)
            unused.remove(j)
    ends = [link[end] for _, link in gold for end in ("from", "to")]
    wrong = [(name, f) for name, f in (found[j] for j in unused)
             if _files(f) not in connected or any(_same_end(e, f[end]) for e in ends for end in ("from", "to"))]

    def score(gold_document: dict, _found: dict) -> Counts:
        name = base_name(gold_document["file"])
        mine = [i for i, (file, _) in enumerate(gold) if file == name]
        tp = sum(1 for i in mine if i in matched_gold)
        return tp, sum(1 for file, _ in wrong if file == name), len(mine) - tp

    return score


def _files(link: dict) -> frozenset:
    return frozenset((base_name(link["from"].get("file") or ""), base_name(link["to"].get("file") or "")))


def same_link(gold: dict, found: dict) -> bool:
    if _files(gold) != _files(found):
        return False
    straight = _same_end(gold["from"], found["from"]) and _same_end(gold["to"], found["to"])
    crossed = _same_end(gold["from"], found["to"]) and _same_end(gold["to"], found["from"])
    return straight or crossed


def _same_end(gold: dict, found: dict) -> bool:
    if base_name(gold.get("file") or "") != base_name(found.get("file") or ""):
        return False
    if "document" in (gold.get("record"), found.get("record")):
        return True
    if gold.get("record") != found.get("record"):
        return False
    g, f = normalise(str(gold.get("number_or_text") or "")), normalise(str(found.get("number_or_text") or ""))
    return bool(g and f) and (g == f or g.startswith(f + " ") or f.startswith(g + " ") or similar_text(g, f))

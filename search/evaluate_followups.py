"""Scoring follow-up links against gold `followups` (realcorpus shape: from, to, kind, evidence, page).

A link matches a gold link when it joins the same two files (either way round) and each end is the
same record: the same number or closely the same words, or a whole document on either side. Kinds
are not compared (the gold's vocabulary is smaller than the linker's). Gold lists only some links
of a kind ("pair records given for the first five agenda items"), so a found link that matches none
counts against precision only where the gold speaks: when one of its ends is an end of a gold link,
or when the gold links its two files in no way at all. Links touching a paper without readable
text, or a file the set lacks, are out of scope until OCR lands.
"""
from __future__ import annotations

from .evaluate import UNREADABLE, base_name
from .matching import Counts, normalise, similar_text


def followup_scorer(gold_documents: list[dict]):
    readable = {base_name(d["file"]) for d in gold_documents if not any(d.get(f) for f in UNREADABLE)}
    connected = {frozenset((base_name(g["from"]["file"]), base_name(g["to"]["file"])))
                 for d in gold_documents for g in d.get("followups") or []}

    def in_scope(link: dict) -> bool:
        return all(base_name(link[end].get("file") or "") in readable for end in ("from", "to"))

    def score(gold: dict, found: dict) -> Counts:
        expected = [g for g in gold.get("followups") or [] if in_scope(g)]
        got = [f for f in found.get("followups") or [] if in_scope(f)]
        unused, tp = list(got), 0
        for link in expected:
            match = next((i for i, f in enumerate(unused) if same_link(link, f)), None)
            if match is not None:
                tp += 1
                del unused[match]
        ends = [g[end] for g in expected for end in ("from", "to")]
        fp = sum(1 for f in unused if _files(f) not in connected or any(_same_end(e, f[end]) for e in ends for end in ("from", "to")))
        return tp, fp, len(expected) - tp

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

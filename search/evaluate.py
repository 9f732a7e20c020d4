"""Score an export against structure gold (extract/export.py's schema), per council and over councils.

Pure functions. A category is scored in a gold document only when the document
states it: a field (even null: then anything found is a false positive) or a list
(even empty: then every record found is a false positive). Documents the gold flags
image_only or garbled_text are scored once their export has readable text (read by
OCR); while they have none (awaiting OCR) they are listed as not scored. A record list that the
export never carries (actions, before the extraction reads them) is skipped with a note.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..extract.export import DOCUMENT_FIELDS
from .evaluate_observations import observation_counts
from .matching import Counts, Rule, match_records, same_text, same_value
from .metrics import metrics

Scorer = Callable[[dict, dict], Counts]
UNREADABLE = ("image_only", "garbled_text")


@dataclass(frozen=True)
class Category:
    stated_by: str  # the gold key whose presence puts the category in scope
    scorer: Scorer
    is_list: bool = True


def _field_scorer(name: str) -> Scorer:
    same = same_text if name in ("council", "committee") else same_value

    def score(gold: dict, found: dict) -> Counts:
        expected, got = gold.get(name), found.get(name)
        if expected is None:
            return 0, int(got is not None), 0
        if got is None:
            return 0, 0, 1
        return (1, 0, 0) if same(expected, got) else (0, 1, 1)

    return score


def _list_scorer(key: str, rule: Rule) -> Scorer:
    return lambda gold, found: match_records(gold.get(key) or [], found.get(key) or [], rule)


def _decisions(document: dict) -> list[dict]:
    return [
        {"minute": item.get("number"), "text": text}
        for item in document.get("minute_items") or []
        for text in item.get("resolutions") or []
    ]


DECISION = Rule("minute", "text", parts=True)
CATEGORIES: dict[str, Category] = {
    **{name: Category(name, _field_scorer(name), is_list=False) for name in DOCUMENT_FIELDS},
    "agenda_items": Category("agenda_items", _list_scorer("agenda_items", Rule("number", "title"))),
    "minute_items": Category("minute_items", _list_scorer("minute_items", Rule("number", "title"))),
    "resolutions": Category("minute_items", lambda g, f: match_records(_decisions(g), _decisions(f), DECISION)),
    "recommendations": Category("recommendations", _list_scorer("recommendations", Rule("number", "text", parts=True))),
    "requests": Category("requests", _list_scorer("requests", DECISION)),
    "actions": Category("actions", _list_scorer("actions", Rule("ref", "text", parts=True))),
    "observations": Category("observations", observation_counts),
    # Scored with the whole gold in view (search/evaluate_followups.py); built per evaluation.
    "followups": Category("followups", lambda g, f: (0, 0, 0)),
}


@dataclass
class Evaluation:
    categories: list[str]  # those scored, in CATEGORIES order
    councils: dict[str, dict[str, dict]]  # council -> category -> metrics
    macro: dict[str, dict]  # category -> mean precision, recall, f1 over the councils it applies to
    micro: dict[str, dict]  # category -> metrics over every scored document
    files: list[dict]  # per file, worst first: file, council, categories, mean_f1
    not_scored: list[str] = field(default_factory=list)  # gold files with no readable text
    skipped: dict[str, str] = field(default_factory=dict)  # category -> why it is not scored

    def as_dict(self) -> dict:
        return {"categories": self.categories, "councils": self.councils, "macro": self.macro, "micro": self.micro, "files": self.files,
                "not_scored": self.not_scored, "skipped": self.skipped}

    def council_rows(self) -> list[dict]:
        """Each council's categories, then (with several councils) the macro mean and the micro totals."""
        rows = [_row(name, c, cell) for name, cells in self.councils.items() for c, cell in cells.items()]
        if len(self.councils) > 1:
            rows += [_row(f"macro ({cell['councils']} councils)", c, cell) for c, cell in self.macro.items()]
            rows += [_row("micro (all documents)", c, cell) for c, cell in self.micro.items()]
        return rows

    def file_rows(self) -> list[dict]:
        """One row per file, worst first: its F1 in every category scored there."""
        return [
            {"file": base_name(f["file"]), "mean_f1": _two(f["mean_f1"]),
             **{c: _two(f["categories"][c]["f1"]) if c in f["categories"] else "" for c in self.categories}}
            for f in self.files
        ]


def _two(value: float) -> str:
    return f"{value:.2f}"


def _row(council: str, category: str, cell: dict) -> dict:
    return {"council": council, "category": category, **{k: _two(cell[k]) for k in ("precision", "recall", "f1")},
            **{k: cell.get(k, "") for k in ("tp", "fp", "fn")}}


def base_name(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).name


def evaluate(export: dict, gold: dict, group: str = "gold", categories: Iterable[str] | None = None) -> Evaluation:
    """`group` names the council of gold documents that state none (the sample: its folder)."""
    found_by_name: dict[str, list[dict]] = {}
    for d in export.get("documents", []):
        found_by_name.setdefault(base_name(d["file"]), []).append(d)
    documents = gold.get("documents", [])
    wanted = list(categories or CATEGORIES)
    skipped = {c: "the extraction does not produce them yet" for c in wanted
               if CATEGORIES[c].is_list and _carried(CATEGORIES[c].stated_by, documents)
               and not _carried(CATEGORIES[c].stated_by, export.get("documents", []))}
    scored = [c for c in wanted if c not in skipped]
    scorers = {c: CATEGORIES[c].scorer for c in scored}
    if "followups" in scorers:
        from .evaluate_followups import followup_scorer

        scorers["followups"] = followup_scorer(documents, export.get("documents", []))
    files, not_scored = [], []
    for document in documents:
        found = _counterpart(document["file"], found_by_name.get(base_name(document["file"]), []))
        if any(document.get(flag) for flag in UNREADABLE) and found.get("image_only", True):
            not_scored.append(document["file"])
            continue
        counts = {c: scorers[c](document, found) for c in scored if CATEGORIES[c].stated_by in document}
        files.append({"file": document["file"], "council": document.get("council") or group, "counts": counts})
    councils = _by_council(files, scored)
    return Evaluation(
        categories=[c for c in scored if any(c in f["counts"] for f in files)],
        councils=councils,
        macro=_macro(councils, scored),
        micro=_sum_metrics(files, scored),
        files=_worst_first(files),
        not_scored=not_scored,
        skipped=skipped,
    )


def _counterpart(gold_file: str, same_name: list[dict]) -> dict:
    """The exported document of a gold file: by base name, and by its folders when names repeat."""
    tail = "/" + gold_file.replace("\\", "/").lstrip("/")
    by_path = [d for d in same_name if any(p.replace("\\", "/").endswith(tail) for p in d.get("paths") or [])]
    return (by_path or same_name or [{"file": gold_file}])[0]


def _carried(key: str, documents: Iterable[dict]) -> bool:
    return any(key in d for d in documents)


def _sum_metrics(files: list[dict], categories: list[str]) -> dict[str, dict]:
    out = {}
    for category in categories:
        cells = [f["counts"][category] for f in files if category in f["counts"]]
        if cells:
            out[category] = metrics(*(sum(cell[i] for cell in cells) for i in range(3)))
    return out


def _by_council(files: list[dict], categories: list[str]) -> dict[str, dict[str, dict]]:
    councils: dict[str, list[dict]] = {}
    for f in files:
        councils.setdefault(f["council"], []).append(f)
    sums = {name: _sum_metrics(members, categories) for name, members in councils.items()}
    return {name: {c: cell for c, cell in cells.items() if _any(cell)} for name, cells in sums.items()}


def _mean(cells: list[dict]) -> dict:
    return {key: round(sum(c[key] for c in cells) / len(cells), 4) for key in ("precision", "recall", "f1")}


def _macro(councils: dict[str, dict[str, dict]], categories: list[str]) -> dict[str, dict]:
    """A council with nothing to find and nothing found in a category does not vote in its mean."""
    out = {}
    for category in categories:
        cells = [c[category] for c in councils.values() if category in c]
        if cells:
            out[category] = {**_mean(cells), "councils": len(cells)}
    return out


def _any(cell: dict) -> bool:
    return bool(cell["tp"] or cell["fp"] or cell["fn"])


def _worst_first(files: list[dict]) -> list[dict]:
    rows = []
    for f in files:
        cells = {c: metrics(*counts) for c, counts in f["counts"].items() if any(counts)}
        mean = round(sum(m["f1"] for m in cells.values()) / len(cells), 4) if cells else 1.0
        errors = sum(m["fp"] + m["fn"] for m in cells.values())
        rows.append({"file": f["file"], "council": f["council"], "mean_f1": mean, "errors": errors, "categories": cells})
    return sorted(rows, key=lambda r: (r["mean_f1"], -r["errors"], r["file"]))

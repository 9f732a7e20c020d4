"""Indicator time series: the best-matching canonical indicator, period by period."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..extract.indicators import normalise_label
from ..index.queries import indicator_observations, indicators
from ..index.store import Store
from .query import NotFound, QueryError

SERIES_ORDER = ["actual", "target", "baseline", "previous", "statistical_neighbours", "england", "london", "region",
                "floor"]
_CANDIDATE_SCORE = 50
_WORD_SIMILARITY = 85  # "accomodation" still names "accommodation"
_SPARKS = "▁▂▃▄▅▆▇█"
# Indicators listed when none is clearly meant; a clear one stands this far above the next.
CANDIDATES, CLEAR_MARGIN = 12, 10


@dataclass
class Series:
    indicator: dict
    rows: list[dict]  # one per period: period, <series>: value, sources, revised
    series: list[str]  # series names present, in display order
    observations: list[dict] = field(default_factory=list)


def list_indicators(store: Store, query: str | None = None) -> list[dict]:
    rows = indicators(store)
    for row in rows:
        row["aliases"] = json.loads(row["aliases"] or "[]")
    if query:
        rows = [r for r in rows if _match_score(query, r) >= 60]
        rows.sort(key=lambda r: -_match_score(query, r))
    return rows


def _match_score(query: str, indicator: dict) -> float:
    q = _plain(query)
    return max(fuzz.token_set_ratio(q, _plain(label)) for label in [indicator["label"], *indicator["aliases"]])


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+|%", text.lower()))


class NoClearIndicator(NotFound):
    """No indicator names every word of the query: a series is never served for a different measure."""

    def __init__(self, query: str, candidates: list[dict]):
        hint = "; the nearest are listed" if candidates else ": see `papers indicators`"
        super().__init__(f"no indicator clearly matches {query!r}{hint}")
        self.candidates = candidates


def best_indicator(store: Store, query: str) -> dict:
    """The indicator clearly meant: it names every word of the query and stands clear of the next.

    Otherwise NoClearIndicator lists the nearest: a series is never served for a different measure.
    """
    if not _plain(query):
        raise QueryError("give words of an indicator's name, e.g. papers series \"placed more than 20 miles\"")
    rows = list_indicators(store)
    clear = sorted((r for r in rows if clearly_names(query, r)), key=lambda r: (-_match_score(query, r), -r["observations"]))
    if len(clear) == 1 or (clear and _match_score(query, clear[0]) >= _match_score(query, clear[1]) + CLEAR_MARGIN):
        return clear[0]
    near = clear or sorted((r for r in rows if _match_score(query, r) >= _CANDIDATE_SCORE), key=lambda r: -_match_score(query, r))
    raise NoClearIndicator(query, near[:CANDIDATES])


def clearly_names(query: str, indicator: dict) -> bool:
    """Every word of the query, normalised as labels are ('LAC' = 'CLA', plurals), is in the label or an alias."""
    wanted = normalise_label(query).split()
    if not wanted:
        return False
    for label in [indicator["label"], *indicator["aliases"]]:
        words = normalise_label(label).split()
        if all(any(_same_word(w, v) for v in words) for w in wanted):
            return True
    return False


def _same_word(query_word: str, label_word: str) -> bool:
    if query_word == label_word:
        return True
    if query_word.isdigit() or label_word.isdigit() or min(len(query_word), len(label_word)) < 5:
        return False
    return fuzz.ratio(query_word, label_word) >= _WORD_SIMILARITY


def indicator_series(store: Store, query: str) -> Series:
    return series_of(store, best_indicator(store, query))


def indicator_by_id(store: Store, indicator_id: str) -> dict:
    found = [r for r in list_indicators(store) if r["id"] == indicator_id]
    if not found:
        raise NotFound(f"no indicator with the id {indicator_id!r}: see `papers indicators`")
    return found[0]


def series_of(store: Store, indicator: dict) -> Series:
    """The indicator's values period by period, the latest published winning, with their sources."""
    observations = indicator_observations(store, indicator["id"])
    by_period: dict[str, dict] = {}
    for obs in observations:  # ordered by period, series, then publication: the last one wins
        row = by_period.setdefault(obs["period"], {"period": obs["period"], "_values": {}, "_sources": {}})
        history = row["_values"].setdefault(obs["series"], [])
        history.append(obs["value"])
        row["_sources"][obs["series"]] = f"{obs['file']}:{obs['page']}"
        row[obs["series"]] = obs["value"]
    present = [s for s in SERIES_ORDER if any(s in r for r in by_period.values())]
    present += sorted({k for r in by_period.values() for k in r if not k.startswith("_")} - set(present) - {"period"})
    rows = []
    for row in by_period.values():
        values, sources = row.pop("_values"), row.pop("_sources")
        row["revised"] = sorted(s for s, history in values.items() if len(set(history)) > 1)
        row["sources"] = sorted(set(sources.values()))
        rows.append(row)
    return Series(indicator=indicator, rows=rows, series=present, observations=observations)


def sparkline(values: list[float | None]) -> str:
    numbers = [v for v in values if v is not None]
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    span = (high - low) or 1
    return "".join(" " if v is None else _SPARKS[int((v - low) / span * (len(_SPARKS) - 1))] for v in values)


def plot_series(series: Series, path: str) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise QueryError("--plot needs matplotlib: pip install 'panel-papers[plot]'") from None
    periods = [r["period"] for r in series.rows]
    fig, ax = plt.subplots(figsize=(max(8, len(periods) * 0.55), 4.8))
    for name in series.series:
        points = [(i, r.get(name)) for i, r in enumerate(series.rows) if r.get(name) is not None]
        if points:
            xs, ys = zip(*points)
            style = {"actual": "-o", "target": "--s"}.get(name, ":^")
            ax.plot(xs, ys, style, label=name.replace("_", " "), linewidth=2 if name == "actual" else 1.2)
    ax.set_xticks(range(len(periods)), periods, rotation=45, ha="right", fontsize=8)
    ax.set_title(series.indicator["label"], fontsize=10, wrap=True)
    unit = series.indicator.get("unit")
    if unit:
        ax.set_ylabel(unit)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)

"""Indicator time series: the best-matching canonical indicator, period by period."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..index.queries import indicator_observations, indicators
from ..index.store import Store
from .query import NotFound, QueryError

SERIES_ORDER = ["actual", "target", "statistical_neighbours", "england", "london", "region", "floor"]
_SPARKS = "▁▂▃▄▅▆▇█"
# A series is shown only for a close match that stands clear of the next one.
CLEAR_SCORE, CLEAR_MARGIN, CANDIDATES = 90, 10, 12


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


def best_indicator(store: Store, query: str) -> dict:
    """The indicator clearly meant, or NotFound listing the close ones: never a silent stand-in."""
    if not _plain(query):
        raise QueryError("give words of an indicator's name, e.g. papers series \"placed more than 20 miles\"")
    found = list_indicators(store, query)
    if not found:
        raise NotFound(f"no indicator matches {query!r}: see `papers indicators`")
    scores = [_match_score(query, r) for r in found[:2]]
    if scores[0] >= CLEAR_SCORE and (len(scores) == 1 or scores[1] <= scores[0] - CLEAR_MARGIN):
        return found[0]
    listed = "\n".join(f"  {r['label']} ({r['observations']} values)" for r in found[:CANDIDATES])
    more = f"\n  ... and {len(found) - CANDIDATES} more" if len(found) > CANDIDATES else ""
    raise NotFound(f"{query!r} matches {len(found)} indicators, none clearly; give more of its name:\n{listed}{more}")


def indicator_series(store: Store, query: str) -> Series:
    indicator = best_indicator(store, query)
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

import json
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from panel_papers.extract.indicators import MATCH_THRESHOLD, canonical_id, canonicalise, normalise_label, same_indicator, similarity

GOLD = Path(__file__).resolve().parents[2] / "corpus" / "gold.json"

# The same measure printed differently in the 2017 pack and the 2022 deck.
SAME_PAIRS = [
    ("% of Care Leavers in suitable accommodation (19 - 21 year olds)",
     "% of Care Leavers in suitable accommodation (combined for 19, 20 and 21 year olds)"),
    ("% of Care Leavers not in education, employment or training (19 - 21 year olds)",
     "% of Care Leavers not in education, employment or training (combined for 19, 20 and 21 year olds)"),
    ("% of CLA who are looked after 1 yr + with up to date Dental Checks (rolling year)",
     "% of CLA with up to date Dental Checks (CLA 1 yr +)"),
    ("% of CLA who are looked after 1 yr + with up to date Health Checks (rolling year)",
     "% of CLA with up to date Health Checks (CLA 1 yr +)"),
]


def gold_labels():
    gold = json.loads(GOLD.read_text())
    return sorted({o["indicator"] for d in gold["documents"] for o in d["observations"]})


def test_synonyms_and_case_fold_to_one_form():
    assert normalise_label("% of LAC placed >20 miles from home") == normalise_label(
        "Percentage of Looked After Children placed >20 miles from home")
    assert normalise_label("children looked after with a PEP") == normalise_label("CLA with a PEP")


def test_numbers_and_distinguishing_words_never_merge():
    mapping = canonicalise(["% with 2+ moves", "% with 3+ placements", "% with 3+ moves",
                            "Level 4 in Maths at KS2", "Level 4 in Reading at KS2", "Level 4 in Reading, Writing and Maths at KS2",
                            "% IHA in timescale", "% RHA in timescale"])
    assert len(set(mapping.values())) == 8


def test_threshold_measured_on_corpus_separates_same_from_different():
    labels = gold_labels()
    same = {frozenset(p) for p in SAME_PAIRS}
    same_scores = [similarity(normalise_label(a), normalise_label(b)) for a, b in SAME_PAIRS]
    assert min(same_scores) >= MATCH_THRESHOLD
    wrongly_merged = [
        (a, b) for a, b in combinations(labels, 2)
        if frozenset((a, b)) not in same and same_indicator(normalise_label(a), normalise_label(b))
    ]
    assert wrongly_merged == []


def test_canonicalise_corpus_groups_exactly_the_known_pairs():
    labels = gold_labels()
    groups = defaultdict(set)
    for label, group in canonicalise(labels).items():
        groups[group].add(label)
    merged = sorted(sorted(g) for g in groups.values() if len(g) > 1)
    assert merged == sorted(sorted(p) for p in SAME_PAIRS)


def test_overrides_force_merges_and_splits():
    a = "Rate of CLA per 10,000 children aged under 18"
    b = "Rate of CLA per 10,000 population. Measured Quarterly. (snapshot)"
    assert canonicalise([a, b])[a] != canonicalise([a, b])[b]
    forced = canonicalise([a, b], {"merge": [[a, b]]})
    assert forced[a] == forced[b]
    c, d = SAME_PAIRS[0]
    split = canonicalise([c, d], {"split": [[c, d]]})
    assert split[c] != split[d]


def test_ids_are_stable_and_readable():
    label = "% of CLA placed more than 20 miles away from home (snapshot)"
    assert canonical_id(label) == canonical_id(label.upper())
    assert canonical_id(label).startswith("percent-cla-placed-more-than-20-mile")
    assert canonicalise([label])[label] == canonicalise(["x", label, "y"])[label]

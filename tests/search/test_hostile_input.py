"""Hostile or odd input: one clear line and the usage status, or a correct answer; never a traceback."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from panel_papers.cli import cli
from panel_papers.search.output import render
from support import store_args

NESTED = "(" * 300 + "a" + ")" * 300
LONG = " ".join(f"qzx{n}" for n in range(3000))


def _run(store, *args):
    return CliRunner().invoke(cli, [*store_args(store), *args])


@pytest.mark.parametrize("args, says", [
    (["search", NESTED], "nests parentheses"),
    (["when", NESTED], "nests parentheses"),
    (["search", LONG], "at most 1000"),
    (["search", "x", "--since", "99999999 days ago"], "further back than any date"),
    (["series", "20 miles", "--plot", "/no/such/folder/x.png"], "no folder"),
    (["export", "-o", "/no/such/folder/x.json"], "no folder"),
])
def test_refused_on_one_line(any_corpus_store, args, says):
    result = _run(any_corpus_store, *args)
    assert result.exit_code == 2 and says in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_committee_of_stop_words_matches_nothing_and_says_so(any_corpus_store):
    result = _run(any_corpus_store, "search", "care", "--committee", "of the and")
    assert result.exit_code == 4 and "no committee named 'of the and'" in result.output


def test_like_wildcards_are_matched_as_typed(any_corpus_store):
    assert _run(any_corpus_store, "resolutions", "_").exit_code == 4
    assert _run(any_corpus_store, "resolutions", "noted").exit_code == 0


def test_csv_cells_are_not_formulas_and_terminal_text_is_escaped():
    rows = [{"file": "=HYPERLINK(\"http://x\")", "value": "-12.5", "title": "a\x1b]0;owned\x07b"}]
    assert render(rows, "csv").splitlines()[1].startswith('"\'=HYPERLINK')
    assert ",-12.5," in render(rows, "csv")
    assert "\x1b" not in render(rows, "table") and "\\x1b" in render(rows, "table")

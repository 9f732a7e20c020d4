from datetime import date

import pytest

from panel_papers.search.glossary import Glossary
from panel_papers.search.question import Known, read_question
from panel_papers.search.query import QueryError
from panel_papers.search.stated import stated_period

TODAY = date(2025, 6, 1)
KNOWN = Known(councils=("Kent County Council", "Township of Nipissing"),
              committees=("Cabinet", "Corporate Parenting Panel", "County Council", "Council"))
GLOSSARY = Glossary.load()


def read(text):
    return read_question(text, KNOWN, GLOSSARY, TODAY)


def test_when_last_keeps_the_topic_drops_question_words_and_reads_latest_first():
    question = read("when was SGO performance last discussed?")
    assert (question.form, question.required, question.optional, question.order) == \
        ("when", ["SGO"], ["performance"], "latest")
    assert question.describe(GLOSSARY) == \
        "topic: SGO (special guardianship order); also: performance; latest first"


def test_what_did_a_committee_resolve_on_a_day_needs_no_topic():
    question = read("what did the Cabinet resolve on 30 January 2025?")
    assert (question.form, question.required, question.committee) == ("decision", [], "Cabinet")
    assert (question.since, question.until) == ("2025-01-30", "2025-01-30")
    assert question.records == ("resolution",)


def test_glossary_phrases_stay_whole():
    question = read("dental checks for children in care")
    assert question.form == "search" and '"children in care"' in question.required


@pytest.mark.parametrize("text, since, until", [
    ("SGO in 2022", "2022-01-01", "2022-12-31"),
    ("SGO since March", "2025-03-01", None),
    ("SGO last year", "2024-01-01", "2024-12-31"),
    ("SGO between 2018 and 2020", "2018-01-01", "2020-12-31"),
    ("SGO before 2020", None, "2019-12-31"),
    ("SGO after 2019", "2020-01-01", None),
    ("SGO in 2016/17", "2016-04-01", "2017-03-31"),
    ("SGO on January 30, 2025", "2025-01-30", "2025-01-30"),
    ("SGO in the last 2 years", "2023-06-02", None),
])
def test_dates_the_question_names_become_filters(text, since, until):
    question = read(text)
    assert (question.since, question.until, question.required) == (since, until, ["SGO"])


def test_the_date_of_figures_is_not_a_meeting_date():
    question = read("What percentage of care leavers were in suitable accommodation at the end of March 2017?")
    assert question.since is None and {"March", "2017"} <= set(question.optional)


def test_council_by_its_distinctive_name_and_committee_in_full():
    question = read("what did Kent cabinet decide about family hubs?")
    assert (question.council, question.committee, question.required) == \
        ("Kent County Council", "Cabinet", ["family", "hubs"])
    # a committee called just "Council" would catch every mention of a council
    assert read("what did the council agree about the budget").committee is None


def test_other_forms():
    change = read("how has the number of children in care changed since 2016?")
    # the trend since 2016 is in the figures, so the year ranks answers and does not filter meetings
    assert change.order == "earliest" and change.since is None and "2016" in change.optional
    assert read("who asked for a report on missing children").form == "request"
    assert read("who is the head of the virtual school").form == "who"
    assert read("when was the Ofsted action plan first discussed").order == "earliest"


def test_query_syntax_goes_to_the_engine_as_typed():
    question = read("dental AND checks")
    assert question.form == "query" and question.describe() == "query: dental AND checks"


def test_dates_that_leave_no_days_are_an_error():
    with pytest.raises(QueryError, match="leave no days"):
        read("SGO after 2022 before 2020")


@pytest.mark.parametrize("title, file, head, label", [
    ("Corporate Parenting Service Update", "Corporate Parenting Service Update February 2022.pdf", "", "February 2022"),
    ("Service Update", "update.pdf", "Service Update\nFeb 2022\nHead of Service", "February 2022"),
    ("Annual report", "report.pdf", "Annual report\n2021\n", "2021"),
    ("Strategy 2017-2019", "strategy.pdf", "Strategy 2017 to 2019", None),  # a period covered, not a date
    ("Minutes of 3 March 2020", "minutes.pdf", "", None),  # a full date is the metadata's to use
])
def test_the_month_an_undated_paper_states(title, file, head, label):
    found = stated_period(title, file, head)
    assert (found.label if found else None) == label

"""Every command through click's CliRunner, against a real store."""
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from panel_papers.cli import cli
from panel_papers.index.lock import writer_lock
from panel_papers.index.store import Store
from support import REPO, REPORT, STRATEGY, THRESHOLDS, below, gold_path, variant


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("cli") / "home"
    # the scans wait for OCR: these tests are about the text-layer papers (tests/ingest/test_ocr*.py read scans)
    result = CliRunner().invoke(cli, ["--home", str(home), "ingest", "-j", "1", "--ocr", "never", str(REPO / "corpus")])
    assert result.exit_code == 0, result.output
    return home


def run(home, *args):
    return CliRunner().invoke(cli, [*args, "--home", str(home)])


def test_every_command_is_documented_with_examples():
    runner = CliRunner()
    assert runner.invoke(cli, ["--help"]).exit_code == 0
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and "Example" in command.help, f"papers {name} --help has no examples"
        readme = (REPO / "README.md").read_text()
        assert f"papers {name}" in readme, f"README does not document papers {name}"


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and re.match(r"papers, version \S+", result.output)


def test_ingest_summary_and_rerun(home):
    result = run(home, "ingest", str(REPO / "corpus"))
    assert result.exit_code == 0
    assert "ingested 0, unchanged 7" in result.output


def test_ingest_reports_failures_with_exit_status_1(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf")
    good = variant(REPORT, tmp_path / "good.pdf", "cli")
    result = CliRunner().invoke(cli, ["ingest", "-j", "1", "--home", str(tmp_path / "h"), str(bad), str(good)])
    assert result.exit_code == 1
    assert f"failed: {bad}: not a PDF" in result.output
    assert "ingested 1" in result.output and "failed 1" in result.output


def test_ingest_no_wait_on_a_locked_store_exits_3(tmp_path):
    home = tmp_path / "h"
    with writer_lock(Store(home).lock_path):
        result = CliRunner().invoke(cli, ["ingest", "--no-wait", "--home", str(home), str(REPORT)])
    assert result.exit_code == 3
    assert "another papers ingest" in result.output


def test_papers_home_environment_variable(tmp_path):
    home = tmp_path / "from-env"
    result = CliRunner().invoke(cli, ["ingest", "-j", "1", str(REPORT)], env={"PAPERS_HOME": str(home)})
    assert result.exit_code == 0 and (home / "papers.db").exists()


def test_search_table(home):
    result = run(home, "search", '"special guardianship"', "--sort", "date", "--limit", "2")
    assert result.exit_code == 0
    assert "2017-06-14" in result.output and ", page " in result.output
    assert "2 of " in result.output


def test_search_json(home):
    result = run(home, "search", '"special guardianship"', "--sort", "date", "--json")
    hits = json.loads(result.output)
    assert hits and set(hits[0]) >= {"file", "page", "meeting_date", "kind", "committee", "score", "snippet"}


def test_search_csv(home):
    result = run(home, "search", "dental", "--csv", "--limit", "1")
    lines = result.output.splitlines()
    assert lines[0].startswith("file,page,meeting_date,kind,committee,score,snippet")
    assert len(lines) >= 2


def test_search_no_match_suggests(home):
    result = run(home, "search", "guardinship")
    assert result.exit_code == 4 and "Did you mean: guardianship?" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["search", '"open phrase'], "unbalanced quote"),
        (["search", "dental", "--since", "2019-02-30"], "--since '2019-02-30' is not a date"),
        (["search", "dental", "--json", "--csv"], "choose one of --json and --csv"),
    ],
)
def test_bad_input_is_one_line_not_a_traceback(home, args, message):
    result = run(home, *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_reading_a_missing_store_says_what_to_do(tmp_path):
    result = run(tmp_path / "nothing", "search", "dental")
    assert result.exit_code == 4 and "run `papers ingest PATH` first" in result.output


def test_status(home):
    text = run(home, "status")
    assert text.exit_code == 0 and "schema version" in text.output
    data = json.loads(run(home, "status", "--json").output)
    assert data["documents"] == 7 and data["pages"] == 162 and data["failures"] == []


def test_export_matches_gold_document_fields(home, tmp_path):
    out = tmp_path / "export.json"
    assert run(home, "export", "--format", "json", "-o", str(out)).exit_code == 0
    exported = {Path(d["file"]).name: d for d in json.loads(out.read_text())["documents"]}
    gold = json.loads((REPO / "corpus" / "gold.json").read_text())["documents"]
    for expected in gold:
        doc = exported[Path(expected["file"]).name]
        assert doc["pages"] == expected["pages"]
        assert doc["kind"] == expected["kind"], doc["file"]
        assert doc["meeting_date"] == expected["meeting_date"], doc["file"]


def test_rebuild(tmp_path):
    home = tmp_path / "h"
    path = variant(STRATEGY, tmp_path / "s.pdf", "rb")
    CliRunner().invoke(cli, ["ingest", "-j", "1", "--home", str(home), str(path)])
    result = run(home, "rebuild", "-j", "1")
    assert result.exit_code == 0 and "rebuilt: 1 documents, 17 pages" in result.output
    assert json.loads(run(home, "status", "--json").output)["documents"] == 1


def test_meetings(home):
    rows = json.loads(run(home, "meetings", "--json").output)
    dates = {r["date"] for r in rows}
    assert {"2017-06-14", "2017-03-28", "2019-04-03"} <= dates
    pack_meeting = next(r for r in rows if r["date"] == "2017-06-14")
    assert pack_meeting["agenda_items"] == 14 and pack_meeting["venue"]


def test_items_filtered_by_meeting_and_kind(home):
    rows = json.loads(run(home, "items", "--meeting", "2017-03-28", "--kind", "minute", "--json").output)
    assert [r["number"] for r in rows] == [str(n) for n in range(135, 148)]
    assert all(r["file"] and r["page"] for r in rows)
    assert json.loads(run(home, "items", "--meeting", "28/03/2017", "--kind", "minute", "--json").output) == rows
    assert run(home, "items", "--meeting", "2017-13-45").exit_code == 2


def test_resolutions_query(home):
    rows = json.loads(run(home, "resolutions", "report be noted", "--json").output)
    assert rows and all("noted" in r["text"] for r in rows)
    csv_out = run(home, "resolutions", "--csv").output.splitlines()
    assert csv_out[0] == "meeting_date,minute,part,text,file,page"


def test_recommendations(home):
    formal = json.loads(run(home, "recommendations", "--json").output)
    everything = json.loads(run(home, "recommendations", "--all", "--json").output)
    assert len(formal) == 19 and len(everything) > len(formal)
    assert {r["kind"] for r in formal} == {"report", "inspection"}


def test_requests(home):
    rows = json.loads(run(home, "requests", "--json").output)
    assert any("briefed" in r["text"] for r in rows)
    assert all(r["page"] for r in rows)


def test_eval_meets_the_sample_floors_per_category(home):
    result = json.loads(run(home, "eval", str(gold_path("corpus")), "--json").output)
    assert result["kind"] == "structure" and list(result["councils"]) == ["corpus"]
    assert not below(result["micro"], THRESHOLDS["corpus"]["f1"]), result["micro"]


def test_eval_prints_a_table_per_council_and_what_it_did_not_score(home):
    output = run(home, "eval", str(REPO / "corpus" / "gold.json")).output
    header, _, *rows = output.splitlines()
    assert header.split() == ["council", "category", "precision", "recall", "f1", "tp", "fp", "fn"]
    assert any(re.match(r"corpus\s+resolutions\s+1\.00\s+1\.00\s+1\.00\s+9\s+0\s+0$", row) for row in rows)
    assert "not scored: 2 image-only/garbled documents without readable text (run papers ocr)" in output


def test_eval_of_two_councils_adds_macro_and_micro_rows(home, tmp_path):
    gold = json.loads((REPO / "corpus" / "gold.json").read_text())
    for n, document in enumerate(gold["documents"]):
        document["council"] = ["North Council", "South Council"][n % 2]
    path = tmp_path / "two.json"
    path.write_text(json.dumps(gold))
    output = run(home, "eval", str(path)).output
    assert re.search(r"^North Council\s+kind", output, re.M) and re.search(r"^South Council\s+kind", output, re.M)
    assert re.search(r"^macro \(2 councils\)\s+kind\s+1\.00", output, re.M)
    assert re.search(r"^micro \(all documents\)\s+kind\s+1\.00\s+1\.00\s+1\.00\s+5\s+0\s+0$", output, re.M)
    result = json.loads(run(home, "eval", str(path), "--json").output)
    assert result["macro"]["kind"]["councils"] == 2 and result["micro"]["kind"]["tp"] == 5


def test_eval_by_file_lists_the_worst_file_first(home, tmp_path):
    gold = json.loads((REPO / "corpus" / "gold.json").read_text())
    spoiled = next(d for d in gold["documents"] if d["file"].startswith("Minutes") and d.get("requests"))
    spoiled["requests"] = spoiled["requests"][1:]  # the store's first request becomes a false positive
    path = tmp_path / "spoiled.json"
    path.write_text(json.dumps(gold))
    output = run(home, "eval", str(path), "--by-file").output
    table = output[output.index("\nfile "):].strip().splitlines()
    assert table[0].split()[:3] == ["file", "mean_f1", "kind"]
    means = [float(re.search(r"  (\d\.\d\d)  ", row).group(1)) for row in table[2:] if not row.startswith("not scored")]
    assert len(means) == 5 and means == sorted(means) and means[0] < 1.0
    files = json.loads(run(home, "eval", str(path), "--by-file", "--json").output)["files"]
    assert round(files[0]["mean_f1"], 2) == means[0] and "requests" in files[0]["categories"]
    assert files[0]["file"] == spoiled["file"]


@pytest.mark.parametrize("content, message", [
    ("{not json", "is not a JSON gold file"),
    ('{"kind": "widgets", "documents": []}', "unknown gold kind 'widgets': expected one of structure, observations, entities, questions"),
    ('[{"query": "x", "expected": []}]', "not a gold file"),
])
def test_eval_refuses_what_is_not_gold_in_one_line(home, tmp_path, content, message):
    bad = tmp_path / "gold.json"
    bad.write_text(content)
    result = run(home, "eval", str(bad))
    assert result.exit_code == 2 and message in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_eval_of_a_missing_file_says_so_in_one_line(home, tmp_path):
    result = run(home, "eval", str(tmp_path / "nowhere.json"))
    assert result.exit_code == 2 and result.output.strip() == f"Error: {tmp_path / 'nowhere.json'}: no such gold file"


DECK = REPO / "corpus" / "Corporate Parenting Service Update February 2022.pdf"


def test_indicators_lists_canonical_indicators_with_aliases(home):
    rows = json.loads(run(home, "indicators", "care leavers", "--json").output)
    suitable = next(r for r in rows if "suitable accommodation" in r["label"])
    assert len(suitable["aliases"]) == 2 and suitable["observations"] >= 10


def test_series_joins_years_of_papers_with_citations(home):
    data = json.loads(run(home, "series", "placed more than 20 miles", "--format", "json").output)
    periods = [row["period"] for row in data["rows"]]
    assert periods[0] == "2013-14" and "2021-22 Q3" in periods
    assert {"actual", "target", "statistical_neighbours", "england"} <= set(data["series"])
    assert all(o["file"] and o["page"] and o["row"] is not None and o["column"] is not None
               for o in data["observations"])
    table = run(home, "series", "placed more than 20 miles").output
    assert "2015-16" in table and "actual  " in table and re.search(r"\.pdf:\d+", table)


def test_series_csv_and_plot(home, tmp_path):
    lines = run(home, "series", "20 miles", "--csv").output.splitlines()
    assert lines[0].startswith("period,actual,target")
    png = tmp_path / "miles.png"
    assert run(home, "series", "20 miles", "--plot", str(png)).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_series_with_no_matching_indicator_is_a_clear_error(home):
    result = run(home, "series", "zebra crossings")
    assert result.exit_code == 4 and "no indicator clearly matches 'zebra crossings'" in result.output


def test_series_never_substitutes_a_different_indicator(home):
    # 'care leavers' and 'education' are both indicator words, but no indicator is about adoption of care leavers
    result = run(home, "series", "care leavers adopted in education")
    assert result.exit_code == 4 and "nearest are listed" in result.output
    assert "observations" in result.output and "Care Leavers" in result.output
    assert run(home, "series", "care leavers accomodation").exit_code == 0  # a misspelt word still names it
    assert run(home, "series", " ").exit_code == 2


def test_series_lists_candidates_when_several_are_named_alike(home):
    result = run(home, "series", "dental")
    assert result.exit_code == 4 and "Annual Dental check" in result.output and "Traceback" not in result.output


def test_export_has_observations_with_provenance(home):
    docs = json.loads(run(home, "export").output)["documents"]
    deck = next(d for d in docs if d["file"] == DECK.name)
    assert len(deck["observations"]) == 117
    assert set(deck["observations"][0]) >= {"indicator", "canonical", "period", "series", "value", "raw", "page"}


def test_indicator_overrides_apply_without_reading_pdfs(tmp_path, monkeypatch):
    home = tmp_path / "h"
    assert run(home, "ingest", "-j", "1", str(DECK)).exit_code == 0
    rows = json.loads(run(home, "indicators", "--json").output)
    first, second = rows[0]["label"], rows[1]["label"]
    overrides = home / "indicators.json"
    data = json.loads(overrides.read_text())
    data["merge"] = [[first, second]]
    overrides.write_text(json.dumps(data))

    import panel_papers.ingest.pipeline

    monkeypatch.setattr(panel_papers.ingest.pipeline, "_parse_task", lambda task: pytest.fail("re-parsed a PDF"))
    assert run(home, "ingest", str(DECK)).exit_code == 0
    merged = json.loads(run(home, "indicators", "--json").output)
    assert len(merged) == len(rows) - 1
    assert any(set(r["aliases"]) >= {first, second} for r in merged)

    overrides.write_text("{broken")
    result = run(home, "indicators", "--refresh")
    assert result.exit_code == 0 and "indicators.json: not valid JSON" in result.output
    assert len(json.loads(run(home, "indicators", "--json").output)) == len(merged)


def test_when_sgo_last_names_the_latest_paper_by_the_month_it_states(home):
    result = run(home, "when", "SGO", "--last")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines[0] == "read as: topic: SGO (special guardianship order); latest first"
    # the service update gives no meeting date but says "February 2022": no day is invented
    assert lines[1] == "February 2022  Corporate Parenting Panel  Corporate Parenting Service Update"
    assert "Special Guardianship Order" in lines[2] and lines[2].startswith("  scorecard row: ")
    assert lines[-1].startswith("  Corporate Parenting Service Update February 2022.pdf:2")
    assert sum(line[:1].isalnum() for line in lines[1:]) == 1


def test_when_question_as_typed_answers_latest_first_with_meeting_item_and_page(home):
    result = run(home, "when", "when was SGO performance last discussed?")
    assert result.exit_code == 0
    heads = [line for line in result.output.splitlines() if line[:1].isalnum()]
    assert heads[0] == "read as: topic: SGO (special guardianship order); also: performance; latest first"
    assert heads[1] == "February 2022  Corporate Parenting Panel  Corporate Parenting Service Update"
    assert heads[2] == "2017-06-14  Corporate Parenting Panel  item 13: INFORMATION REPORT - ACTIVITY AND PERFORMANCE"
    assert "Agenda reports pack 14th-Jun-2017 Corporate Parenting Panel.pdf:106" in result.output


def test_when_acronym_and_long_form_give_the_same_timeline(home):
    def timeline(term):
        return [(d["meeting_date"], d["item"]) for d in json.loads(run(home, "when", term, "--json").output)]

    assert timeline("SGO") == timeline("special guardianship")
    dated = [date for date, _ in timeline("SGO") if date]
    assert dated == sorted(dated, reverse=True) and len(dated) >= 2


def test_when_exact_does_not_expand(home):
    assert json.loads(run(home, "when", "SGO", "--exact", "--json").output) != \
        json.loads(run(home, "when", "SGO", "--json").output)


def test_when_nothing(home):
    result = run(home, "when", "zebra crossings")
    assert result.exit_code == 4 and "No meeting discussed 'zebra crossings'" in result.output


def test_search_finds_synonyms_unless_exact(home):
    expanded = json.loads(run(home, "search", "SGO", "--pages", "--limit", "50", "--json").output)
    exact = json.loads(run(home, "search", "SGO", "--pages", "--exact", "--limit", "50", "--json").output)
    assert len(expanded) > len(exact)
    assert any("guardianship" in h["snippet"].lower() and "sgo" not in h["snippet"].lower() for h in expanded)


def test_search_natural_dates(home):
    since_year = json.loads(run(home, "search", "placement", "--since", "2019", "--json").output)
    assert since_year and all((h["meeting_date"] or "2022-02") >= "2019-01-01" for h in since_year)
    assert {h["stated_period"] for h in since_year if not h["meeting_date"]} == {"February 2022"}
    assert run(home, "search", "placement", "--since", "fortnight-ish").exit_code == 2


def test_glossary(home):
    rows = json.loads(run(home, "glossary", "SGO", "--json").output)
    assert rows[0]["concept"] == "special guardianship order"
    assert any(".pdf p." in source for source in rows[0]["sources"])  # harvested from the papers too
    assert "not in the glossary" in run(home, "glossary", "qwertyuiop").output


def test_eval_questions_meet_relevance_targets(home):
    result = json.loads(run(home, "eval", str(gold_path("questions")), "--json").output)
    floors = THRESHOLDS["questions"]
    assert result["questions"] >= 20
    assert result["recall_at_5"] >= floors["recall_at_5"] and result["mrr"] >= floors["mrr"], result


def test_who_lists_appearances_by_meeting_with_roles_and_items(home):
    rows = json.loads(run(home, "who", "Hedley", "--json").output)
    assert {r["name"] for r in rows} == {"Emma Hedley"}
    minuted = next(r for r in rows if r["meeting_date"] == "2017-03-28")
    assert any("Designated Nurse" in role for role in minuted["roles"])
    assert any(item.startswith("minute 141") for item in minuted["items"])
    assert all(".pdf:" in c for r in rows for c in r["citations"])
    table = run(home, "who", "Hedley").output
    assert table.startswith("Emma Hedley (person)")


def test_who_lists_candidates_instead_of_guessing(home):
    result = run(home, "who", "Christine")
    assert result.exit_code == 4 and "'Christine' matches 2 people" in result.output
    assert "Christine Robson (person, 12 mentions)" in result.output and "Christine Bednell" in result.output


def test_who_merges_name_forms(home):
    table = run(home, "who", "Griffin").output
    assert table.startswith("Valerie Griffin (person): 3 mentions") and "also written: Val Griffin" in table


def test_who_unknown_is_a_clear_error(home):
    result = run(home, "who", "Zebedee Qwerty")
    assert result.exit_code == 4 and "nobody and no organisation named 'Zebedee Qwerty'" in result.output


def test_search_person_filter_and_entity_facets(home):
    hits = json.loads(run(home, "search", "health", "--person", "Hedley", "--json").output)
    assert hits and all("person:emma-hedley" in h["people"] for h in hits)
    assert run(home, "search", "health", "--person", "Nobody Atall").exit_code == 4
    orgs = json.loads(run(home, "search", "inspection", "--org", "Ofsted", "--json").output)
    assert orgs and all("org:ofsted" in h["orgs"] for h in orgs)


def test_eval_entities_meets_targets(home):
    scores = {r["category"]: r for r in json.loads(run(home, "eval", str(gold_path("entities")), "--json").output)}
    assert not below(scores, THRESHOLDS["entities"]["f1"]), scores


def test_ingest_model_choice(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", "--model", "en_no_such_pipeline", "--home", str(tmp_path / "h"),
                                      str(REPORT)])
    assert result.exit_code == 2 and "no such spaCy pipeline" in result.output
    from panel_papers.ingest.parse import spacy_model

    assert spacy_model("none") is None and spacy_model("en_x") == "en_x"


def test_a_broken_user_glossary_is_named(tmp_path):
    home = tmp_path / "h"
    assert run(home, "ingest", "-j", "1", str(REPORT)).exit_code == 0
    (home / "glossary.tsv").write_bytes(b"\xff\xfe not text")
    result = run(home, "search", "benchmarking")
    assert result.exit_code == 2 and "glossary.tsv" in result.output and "Traceback" not in result.output


# -- one exit-code table for every command (README "Exit status") -------------------
@pytest.mark.parametrize("args, code", [
    (["search", "SGO"], 0),
    (["when", "SGO"], 0),
    (["meetings"], 0),
    (["search", "zebra crossings"], 4),
    (["when", "zebra crossings"], 4),
    (["glossary", "qwertyuiop"], 4),
    (["who", "Zebedee Qwerty"], 4),
    (["series", "zebra crossings"], 4),
    (["resolutions", "zebra"], 4),
    (["meetings", "--since", "2030"], 4),
    (["search", "SGO", "--kind", "minuets"], 2),
    (["search", "SGO", "--since", "2020", "--until", "2019"], 2),
    (["meetings", "--since", "2020", "--until", "2019"], 2),
    (["items", "--meeting", "soon"], 2),
    (["search", "SGO", "--limit", "0"], 2),
])
def test_exit_status_is_the_same_for_the_same_situation(home, args, code):
    result = run(home, *args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output


def test_an_unknown_kind_lists_the_valid_choices(home):
    result = run(home, "search", "SGO", "--kind", "minuets")
    assert "--kind 'minuets' is not a document kind: choose one of agenda, agenda_pack, minutes" in result.output


def test_a_filter_that_removes_every_hit_says_so(home):
    result = run(home, "search", "SGO", "--since", "2023")
    assert result.exit_code == 4
    assert re.search(r"--since/--until removed every result \(\d+ without it\)", result.output)
    result = run(home, "when", "SGO", "--committee", "cabinet")
    assert result.exit_code == 4
    assert "no committee named 'cabinet' in the papers (committees: Corporate Parenting Panel)" in result.output
    result = run(home, "resolutions", "noted", "--meeting", "2019-04-03")
    assert result.exit_code == 4 and re.search(r"--meeting removed every row \(\d+ without it\)", result.output)


def test_listings_take_the_same_scope_options(home):
    for command in ("meetings", "items", "resolutions", "recommendations", "requests"):
        rows = json.loads(run(home, command, "--committee", "corporate parenting", "--since", "2017-01-01",
                              "--until", "2017-12-31", "--json").output)
        assert rows, command
        dates = {r.get("meeting_date") or r.get("date") for r in rows}
        assert dates <= {"2017-03-28", "2017-06-14"}, command
    minutes_of_march = json.loads(run(home, "resolutions", "--meeting", "2017-03-28", "--json").output)
    assert minutes_of_march and {r["meeting_date"] for r in minutes_of_march} == {"2017-03-28"}


def test_ingest_of_a_folder_without_pdfs_says_so(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a paper")
    result = CliRunner().invoke(cli, ["ingest", "--home", str(tmp_path / "h"), str(empty)])
    assert result.exit_code == 4 and f"no PDFs found under {empty}" in result.output
    result = CliRunner().invoke(cli, ["ingest", "-j", "1", "--home", str(tmp_path / "h"), str(empty), str(REPORT)])
    assert result.exit_code == 1 and "ingested 1" in result.output


def test_interrupted_exits_130(home, monkeypatch):
    import panel_papers.search.pages as pages

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pages, "search_pages", interrupted)
    result = run(home, "search", "SGO")
    assert result.exit_code == 130 and "interrupted" in result.output


def test_home_before_the_command_beats_the_environment(home, tmp_path):
    result = CliRunner().invoke(cli, ["--home", str(home), "meetings", "--json"],
                                env={"PAPERS_HOME": str(tmp_path / "elsewhere")})
    assert result.exit_code == 0 and json.loads(result.output)


def test_eval_questions_prints_each_measure(home):
    lines = run(home, "eval", str(gold_path("questions"))).output.splitlines()
    assert lines[0].startswith("questions 57  recall@5 ")
    assert lines[1].startswith("as keywords 32  recall@5 ")
    assert lines[2].startswith("when ... last 10  first answer right ")


def test_forget_and_prune_remove_what_is_gone(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    for source in (REPORT, STRATEGY):
        shutil.copyfile(source, papers / source.name)
    home = tmp_path / "h"
    assert run(home, "ingest", "-j", "1", str(papers)).exit_code == 0
    (papers / STRATEGY.name).unlink()
    result = run(home, "ingest", "--prune", str(papers))
    assert result.exit_code == 0 and "forgot 1 path, 1 document removed" in result.output
    assert json.loads(run(home, "status", "--json").output)["documents"] == 1
    assert run(home, "search", "pledge", "--pages").exit_code == 4  # the strategy's words are gone
    result = run(home, "forget", str(papers))
    assert result.exit_code == 0 and "1 document removed" in result.output
    assert run(home, "forget", str(papers)).exit_code == 4


def test_forget_asks_before_removing_more_than_a_handful(tmp_path):
    papers = tmp_path / "papers"
    for n in range(7):
        variant(REPORT, papers / f"r{n}.pdf", f"handful {n}")
    home = tmp_path / "h"
    assert run(home, "ingest", "-j", "1", str(papers)).exit_code == 0
    result = run(home, "forget", str(papers))
    assert result.exit_code == 2 and "would forget 7 files" in result.output and "--yes" in result.output
    assert json.loads(run(home, "status", "--json").output)["documents"] == 7
    assert "7 documents removed" in run(home, "forget", str(papers), "--yes").output

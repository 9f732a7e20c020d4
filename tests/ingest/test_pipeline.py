import shutil

import pytest

import panel_papers.ingest.pipeline as pipeline
from panel_papers.ingest.pipeline import ingest
from panel_papers.search.pages import search_pages
from support import PACK, REPORT, STRATEGY, variant, write_pdf


def _page_rows(store):
    return store.db.execute("select count(*), count(distinct document_id || ':' || number) from pages").fetchone()


def test_unchanged_reingest_parses_nothing(store, tmp_path, monkeypatch):
    folder = tmp_path / "papers"
    folder.mkdir()
    shutil.copy(REPORT, folder)
    first = ingest(store, [str(folder)], jobs=1)
    assert (first.ingested, first.pages) == (1, 2)

    def must_not_parse(task):
        raise AssertionError(f"re-parsed {task[0]}")

    monkeypatch.setattr(pipeline, "_parse_task", must_not_parse)
    monkeypatch.setattr(pipeline, "sha256_of", must_not_parse)
    again = ingest(store, [str(folder)], jobs=1)
    assert (again.ingested, again.unchanged, again.failed) == (0, 1, [])


def test_touched_but_identical_file_is_hashed_not_parsed(store, tmp_path, monkeypatch):
    path = variant(REPORT, tmp_path / "r.pdf", "a")
    ingest(store, [str(path)], jobs=1)
    path.touch()
    monkeypatch.setattr(pipeline, "_parse_task", lambda task: pytest.fail("re-parsed"))
    again = ingest(store, [str(path)], jobs=1)
    assert (again.ingested, again.unchanged) == (0, 1)


def test_changed_file_replaces_its_records(store, tmp_path):
    path = write_pdf(tmp_path / "minutes.pdf", ["MINUTES\nThe panel discussed zebra crossings."])
    ingest(store, [str(path)], jobs=1)
    write_pdf(path, ["MINUTES\nThe panel discussed giraffe enclosures.", "Second page"])
    report = ingest(store, [str(path)], jobs=1)
    assert report.ingested == 1
    assert store.status()["documents"] == 1
    assert _page_rows(store) == (2, 2)
    assert search_pages(store, "zebra").total == 0
    assert search_pages(store, "giraffe").total == 1


def test_identical_content_under_two_paths_is_stored_once(store, tmp_path):
    a = tmp_path / "a" / REPORT.name
    b = tmp_path / "b" / "copy.pdf"
    for target in (a, b):
        target.parent.mkdir(parents=True)
        shutil.copyfile(REPORT, target)
    report = ingest(store, [str(tmp_path / "a"), str(tmp_path / "b")], jobs=1)
    assert (report.ingested, report.linked) == (1, 1)
    [doc] = store.documents()
    assert doc["paths"] == sorted([str(a), str(b)])
    assert store.fulltext.page_count() == 2  # the two pages, once each


def test_known_content_at_a_new_path_is_linked_later(store, tmp_path):
    a = variant(REPORT, tmp_path / "a.pdf", "x")
    ingest(store, [str(a)], jobs=1)
    b = tmp_path / "moved.pdf"
    shutil.copyfile(a, b)
    report = ingest(store, [str(b)], jobs=1)
    assert (report.ingested, report.linked) == (0, 1)
    assert store.documents()[0]["paths"] == [str(a), str(b)]


def _bad_files(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "notes.pdf").write_text("these are not the papers you are looking for\n")
    data = REPORT.read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    write_pdf(folder / "locked.pdf", ["secret minutes"], password="hunter2")
    return folder


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.pdf", "empty file"),
        ("notes.pdf", "not a PDF"),
        ("truncated.pdf", "corrupt"),
        ("corrupt.pdf", "corrupt"),
        ("locked.pdf", "password"),
    ],
)
def test_bad_input_is_recorded_and_the_batch_goes_on(store, tmp_path, name, reason):
    folder = _bad_files(tmp_path)
    good = variant(STRATEGY, folder / "good.pdf", "good")
    report = ingest(store, [str(folder)], jobs=1)
    assert report.ingested == 1 and report.exit_code == 1
    failures = {f["path"].rsplit("/", 1)[1]: f["reason"] for f in store.failures()}
    assert reason in failures[name]
    assert store.documents()[0]["paths"] == [str(good)]


def test_missing_path_is_a_failure_not_a_crash(store, tmp_path):
    report = ingest(store, [str(tmp_path / "nowhere")], jobs=1)
    assert report.failed[0].reason == "no such file or folder"


def test_parallel_workers_store_everything_once(store, tmp_path):
    files = [variant(STRATEGY, tmp_path / f"s{i}.pdf", str(i)) for i in range(4)]
    report = ingest(store, [str(tmp_path)], jobs=2)
    assert report.ingested == len(files)
    assert _page_rows(store) == (68, 68)
    assert store.fulltext.page_count() == 68


def test_image_only_pages_are_flagged(store):
    scanned = PACK.parent / "scanned"
    ingest(store, [str(scanned)], jobs=1, ocr="never")
    status = store.status()
    assert status["pages"] == status["pages_without_text"] == status["awaiting_ocr_pages"] == 6

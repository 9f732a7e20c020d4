"""Record ids: the same content gives the same ids in any process, under any file name,
and no stored record refers to an id that is not stored."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from panel_papers.index.store import Store
from panel_papers.ingest.pipeline import ingest
from support import CORPUS, PACK

PRESENTATION = CORPUS / "Minutes - Presentation from the Assistant Director of Corporate Parenting.pdf"

_IDS_OF_FILE = """
import json, sys
from panel_papers.extract.document import records_of
from panel_papers.ingest.discover import sha256_of
from panel_papers.ingest.parse import parse_file
path = sys.argv[1]
extraction = parse_file(path, sha256_of(path), 0, 0).extraction
print(json.dumps(sorted(r.id for r in records_of(extraction))))
"""


def _ids_in_new_process(path, hash_seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-c", _IDS_OF_FILE, str(path)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _stored_ids(store: Store) -> list[str]:
    tables = ["meetings", "parts", "agenda_items", "minute_items", "attendance", "declarations", "resolutions",
              "recommendations", "requests", "observations", "breakdown_tables", "defined_terms", "mentions"]
    return sorted(row[0] for table in tables for row in store.db.execute(f"select id from [{table}]"))


def test_ids_agree_between_processes_and_with_a_renamed_copy_in_another_store(tmp_path):
    first, second = _ids_in_new_process(PACK, "1"), _ids_in_new_process(PACK, "2")
    assert first == second and len(set(first)) == len(first) > 100

    renamed = tmp_path / "in another folder" / "renamed pack.pdf"
    renamed.parent.mkdir()
    shutil.copyfile(PACK, renamed)
    store = Store(tmp_path / "home")
    try:
        assert ingest(store, [str(renamed)], jobs=1).ingested == 1
        assert _stored_ids(store) == first
    finally:
        store.close()


def test_no_stored_record_refers_to_a_missing_one(corpus_store):
    assert corpus_store.dangling_references() == []
    counts = {t: corpus_store.db[t].count for t in ("minute_items", "resolutions", "mentions", "observations")}
    assert min(counts.values()) > 0, counts


def test_the_committee_pass_extracts_again_whole(tmp_path):
    """A paper that names no committee, stored before the papers that name one."""
    store = Store(tmp_path / "home")
    try:
        ingest(store, [str(PRESENTATION)], jobs=1)
        before = store.db.execute("select committee from documents").fetchone()[0]
        ingest(store, [str(CORPUS)], jobs=2)
        row = store.db.execute("select committee from documents where file = ?", [PRESENTATION.name]).fetchone()
        assert before is None and row[0] == "Corporate Parenting Panel"
        assert store.dangling_references() == []
        items = store.db.execute(
            "select count(*) from mentions m join minute_items i on i.id = m.item_id where m.name = 'Lauren Stephenson'"
        ).fetchone()[0]
        assert items > 0
    finally:
        store.close()


def test_no_two_records_of_a_document_share_an_id():
    """A shared id would make the store keep one record and silently drop the other."""
    from collections import Counter

    from panel_papers.extract.document import records_of
    from panel_papers.ingest.discover import sha256_of
    from panel_papers.ingest.parse import parse_file

    for path in sorted(CORPUS.glob("*.pdf")):
        extraction = parse_file(str(path), sha256_of(str(path)), 0, 0).extraction
        repeated = [i for i, n in Counter(r.id for r in records_of(extraction)).items() if n > 1]
        assert not repeated, (path.name, repeated[:3])

"""The store as Datasette sees it: `datasette papers.db -m metadata.json` describes every table,
labels the rows that references point to, and searches pages and items with ?_search=."""
import asyncio
import json

import pytest

from panel_papers.extract.ids import slug
from panel_papers.index.datasette import METADATA_NAME, TABLES

# References that may point into more than one table, so no foreign key can declare them.
POLYMORPHIC = {("mentions", "item_id"), ("links", "from_id"), ("links", "to_id"), ("followups", "record_id")}
# Tables the collection passes derive again after every ingest: they keep ids of what they were traced over.
DERIVED = {"links", "followups", "traced_documents"}


@pytest.fixture(scope="module")
def metadata(corpus_store):
    return json.loads((corpus_store.db_path.parent / METADATA_NAME).read_text())


@pytest.fixture(scope="module")
def datasette(corpus_store, metadata):
    from datasette.app import Datasette

    app = Datasette([str(corpus_store.db_path)], metadata=metadata)

    def get(path):
        response = asyncio.run(app.client.get(path))
        assert response.status_code == 200, (path, response.text[:300])
        return response.json()

    return get


def test_every_table_is_described(corpus_store, metadata):
    described = metadata["databases"]["papers"]["tables"]
    tables = [t for t in corpus_store.db.table_names() if "_fts" not in t]
    assert sorted(described) == sorted(tables)
    assert all(described[t]["description"] for t in tables)
    assert not set(TABLES) - set(tables), "described tables the store does not have"


def test_every_reference_is_a_declared_foreign_key(corpus_store):
    db = corpus_store.db
    missing = []
    for table in db.table_names():
        if "_fts" in table or table in DERIVED:
            continue
        declared = {fk.column for fk in db[table].foreign_keys}
        missing += [(table, c) for c in db[table].columns_dict
                    if c.endswith("_id") and c not in declared and (table, c) not in POLYMORPHIC]
    assert not missing
    assert not db.execute("PRAGMA foreign_key_check").fetchall()


def test_datasette_searches_pages_and_items(datasette):
    pages = datasette("/papers/pages.json?_search=guardianship&_shape=array&_col=number")
    items = datasette("/papers/minute_items.json?_search=ofsted&_shape=array&_col=title")
    assert len(pages) >= 5 and any("Ofsted" in row["title"] for row in items)


def test_datasette_labels_what_a_row_refers_to(datasette):
    row = datasette("/papers/observations.json?_size=1&_labels=on&indicator_id__notblank=1")["rows"][0]
    assert row["indicator_id"]["label"] and row["document_id"]["label"].endswith(".pdf")
    mention = datasette("/papers/mentions.json?_size=1&_labels=on")["rows"][0]
    assert slug(mention["entity_id"]["label"]) == slug(mention["name"])  # one entity, the name's spellings
    tables = {t["name"]: t for t in datasette("/papers.json")["tables"]}
    assert tables["pages"]["fts_table"] == "pages_fts" and tables["meta"]["hidden"]

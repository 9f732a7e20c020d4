"""The shared store in PostgreSQL: the same Store and full-text interfaces as the data directory's
SQLite and Whoosh, chosen with --store postgresql://... or PAPERS_STORE. Imported only then."""

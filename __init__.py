"""Panel Papers: council committee papers (PDF) as structured, searchable records.

The library behind the `papers` command. Data flows one way:
ingest (read PDFs) -> extract (understand, pure) -> index (store) -> search (ask).
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("panel-papers")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

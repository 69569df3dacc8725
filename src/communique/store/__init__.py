"""store stage (see communique.pipeline): SQLite schema, migrations, reads and writes.

``Store`` is the only way the rest of communique touches the database;
``ingest_paths`` is the library behind ``communique ingest``.
"""

from communique.store.db import Store, UpsertStatus
from communique.store.ingest import IngestSummary, ingest_items, ingest_paths

__all__ = ["IngestSummary", "Store", "UpsertStatus", "ingest_items", "ingest_paths"]

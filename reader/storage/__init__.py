"""The database: one TinyDB JSON file, written so that it can never be lost or corrupted.

`database.Store` is the database every other layer uses (loading, locked transactions,
the records in memory). Beneath it: `tinydb_storage` (TinyDB's storage, in memory with
atomic whole-file writes), `atomic` (temp file, fsync, replace), `migrations` (schema
versions), `backups` (rotating copies) and `recovery` (putting a backup back).
Only this package reads or writes `reader.json`.
"""

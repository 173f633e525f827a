"""Working with the annotations of the database: search, filters, undo, codebook edits, counts.

`search` (query syntax, the fuzzy index, ranking), `filters` (what the `F` filter keeps),
`history` (undo and redo), `codebook_edits` (rename, merge, delete as undoable edits),
`stats` (counts per source, theme and article, the source x theme matrix).
"""

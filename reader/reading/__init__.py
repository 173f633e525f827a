"""Plain models of what the reading screen draws, with no Textual in them.

`document` (an open article with its layout and highlights), `layout` (wrapping into screen
lines), `motions` (cursor moves and selections), `library_order` (the library pane's order
and filter), `suggest` (fuzzy suggestions for the tag dialog).
"""

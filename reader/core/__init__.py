"""The bottom layer: the words of the domain, shared by every other package.

Normalised article text and its structure (`text`), the records kept in the database
(`records`), source and theme names (`codebook`), finding a passage again after its text
changed (`anchoring`), Markdown to plain text (`markdown_text`), where the library and the
database are (`paths`), and the garbage collector pause used when building big structures
(`collector`). Nothing here imports another Reader package or touches a database file.
"""

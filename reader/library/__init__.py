"""The library folder: article files, keeping the database in line with them, adding more.

`folder.Library` scans the folder and loads articles; `article_files` reads and decodes one
file; `adding` writes new articles from files, pages and feeds, `fetching` gets them over
HTTP within limits and `extraction` cleans a web page to its story; `doctor` checks and
repairs a database against its library.
"""

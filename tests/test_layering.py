"""The domain never imports Textual (import-linter checks it too; this runs with pytest)."""

from __future__ import annotations

import subprocess
import sys

DOMAIN = [
    "reader.text",
    "reader.articles",
    "reader.store",
    "reader.storage",
    "reader.search",
    "reader.library",
    "reader.layout",
    "reader.motions",
    "reader.document",
    "reader.history",
    "reader.codebook",
    "reader.suggest",
    "reader.paths",
    "reader.cli",
]


def test_domain_modules_import_without_textual() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'textual' or name.startswith('textual.'):\n"
        "            raise ImportError('textual is blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for name in {DOMAIN!r}:\n"
        "    __import__(name)\n"
        "assert 'textual' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

"""The package's layers: one import-linter contract, covering every package, enforced.

The layers live in one place, `[tool.importlinter]` in pyproject.toml; these tests read them
from there. They check that every sub-package of `reader` sits in a layer (so a new one
cannot slip past the contract), that `reader/` itself holds only `__init__` and `__main__`,
that the packages below the UI import without Textual, and that a wrong import breaks
`lint-imports` (which `make test` runs).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.helpers.paths import ROOT

PACKAGE = ROOT / "reader"
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CONTRACTS = CONFIG["tool"]["importlinter"]["contracts"]
LAYERS = next(c for c in CONTRACTS if c["type"] == "layers")
LAYER_PACKAGES = [name for layer in LAYERS["layers"] for name in re.split(r"\s*[|:]\s*", layer)]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_every_package_of_reader_sits_in_one_layer() -> None:
    packages = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
    assert sorted(LAYER_PACKAGES) == packages


def test_the_top_of_the_package_holds_only_its_entry_points() -> None:
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]


def test_everything_below_the_ui_imports_without_textual() -> None:
    below_ui = LAYER_PACKAGES[LAYER_PACKAGES.index("ui") + 1 :]
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for package in below_ui
        for path in (PACKAGE / package).rglob("*.py")
    )
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'textual' or name.startswith('textual.'):\n"
        "            raise ImportError('textual is blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "assert 'textual' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_an_import_from_a_higher_layer_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "reader", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with (tmp_path / "reader" / "core" / "text.py").open("a", encoding="utf-8") as module:
        module.write("\nfrom reader.annotations import search  # a wrong way up\n")
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Layers: a package imports only from the packages below it BROKEN" in result.stdout
    assert "reader.core.text -> reader.annotations" in result.stdout

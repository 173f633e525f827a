"""Every worker that is handed arguments has a description of its own.

Without one, Textual's `@work` builds the worker's name from `repr()` of every argument, on
the UI thread, when the worker starts: the repr of a 1 MB article's document took 20 ms of a
frame each time an article was opened, and an export's list of 100,000 annotations far more.
"""

from __future__ import annotations

import ast
from pathlib import Path

import reader.ui

UI = Path(reader.ui.__file__).parent


def _workers_without_description() -> list[str]:
    missing = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            arguments = node.args.args[1:] + node.args.kwonlyargs  # past self
            for decorator in node.decorator_list:
                if (
                    isinstance(decorator, ast.Call)
                    and getattr(decorator.func, "id", None) == "work"
                    and (arguments or node.args.vararg or node.args.kwarg)
                    and not any(k.arg == "description" for k in decorator.keywords)
                ):
                    missing.append(f"{path.relative_to(UI)}:{node.lineno} {node.name}")
    return missing


def test_workers_with_arguments_are_described() -> None:
    assert _workers_without_description() == []


def test_the_check_sees_the_workers() -> None:
    """The scan finds the decorated methods it is about (a check that finds none passes
    for the wrong reason)."""
    described = 0
    for path in UI.rglob("*.py"):
        described += path.read_text(encoding="utf-8").count("@work(")
    assert described >= 10

"""The memory bench on each kind of start, sampled from outside: `python -m bench.memory_starts`.

`python -m bench --only memory` measures whatever start the files beside its database make:
usually one with everything kept. This sets up each kind before running the same app script
(`bench.__main__._MEMORY`: the 1 MB article open, its quotes found, `G`, a search) and reads
the peak it prints (ru_maxrss), while sampling `/proc/PID/status` every 2 ms:

- `kept`: the kept index, its state file and its rows file as the last run left them;
- `rows`: the state and rows files removed (the start compares every fingerprint, then
  writes both again);
- `index`: the kept index removed too (the start builds the index afresh and saves it).

Options: `--kind` (repeatable; all three by default), `--tree PATH` (repeatable: run the
code of another checkout, e.g. a worktree of main's HEAD, with this harness; runs alternate
between trees), `--rounds N`, `--trace` (a timeline of one run: the resident size at the
index's build, save, vouch and rows, and every 0.1 s). Each tree uses its own
`bench/.data/search.json`, copied from this tree's (built if missing), so that every tree
reads the same database. Wrap it in the bench lock on a shared machine:
`flock /work/scratch/bench.lock python -m bench.memory_starts --tree ../main --rounds 3`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import bench.__main__ as bench_main
from bench.data import DATA

KINDS = ("index", "rows", "kept")
_REMOVED = {
    "kept": (),
    "rows": ("index-state", "index-rows"),
    "index": ("index-state", "index-rows", "index"),
}
_SAMPLE_SECONDS = 0.002
_BUILD = "import sys; from pathlib import Path; from bench.data import big_database; " + (
    "big_database(Path(sys.argv[1]), 100_000)"
)
# A timeline's events: these methods of `SearchIndex` (and functions of `search` and
# `index_file`), where the tree has them, print when they begin and end.
_TRACED = """
import functools, sys, time
from reader.annotations import search as _s, index_file as _f

def _wrap(owner, name):
    f = getattr(owner, name, None)
    if f is None:
        return
    @functools.wraps(f)
    def g(*a, **k):
        print("T", time.monotonic(), "begin", name, file=sys.stderr, flush=True)
        try:
            return f(*a, **k)
        finally:
            print("T", time.monotonic(), "end", name, file=sys.stderr, flush=True)
    setattr(owner, name, g)

for _n in ("_build", "_restore", "_pack_fresh", "save", "vouch", "_write_rows", "prepare"):
    _wrap(_s.SearchIndex, _n)
_wrap(_s, "write_index")
"""


def prepare(tree: Path, kind: str) -> tuple[Path, Path]:
    """The library and database of a run in `tree`, its files set up for `kind` of start."""
    data = tree / "bench" / ".data"
    data.mkdir(parents=True, exist_ok=True)
    source = data / "search.json"
    if not source.exists():
        built = DATA / "search.json"
        if not built.exists():  # built by a child: the harness's own peak, had it built it,
            # would be every app's it starts (ru_maxrss survives exec on Linux)
            here = Path(__file__).resolve().parent.parent
            subprocess.run([sys.executable, "-c", _BUILD, str(built)], check=True, cwd=here)
        if built.resolve() != source.resolve():  # (this tree's is built in place)
            shutil.copy(built, source)
    bench_main.DATA = data  # (`_library` makes the library there)
    library = bench_main._library("memory", article_bytes=1_000_000)
    db = data / "memory.json"
    shutil.copy(source, db)
    for suffix in _REMOVED[kind]:
        (data / f".memory.json.{suffix}").unlink(missing_ok=True)
    return library, db


def run(tree: Path, kind: str, trace: bool = False) -> tuple[float, list[tuple[float, float]], str]:
    """One run: the peak the app script reports (MB), the samples (time, MB), its stderr."""
    library, db = prepare(tree, kind)
    script = (_TRACED if trace else "") + bench_main._MEMORY
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(library), str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tree,  # (the tree's own `reader` is imported: the current folder comes first)
    )
    samples = _sample(process.pid, process)
    out, err = process.communicate()
    if process.returncode:
        raise RuntimeError(f"the app script failed in {tree}:\n{err[-3000:]}")
    peak = float(next(line.split()[1] for line in out.splitlines() if line.startswith("RSS")))
    return peak, samples, err


def _sample(pid: int, process: subprocess.Popen[str]) -> list[tuple[float, float]]:
    samples = []
    status = f"/proc/{pid}/status"
    while process.poll() is None:
        try:
            with open(status) as handle:
                for line in handle:
                    if line.startswith("VmRSS"):
                        samples.append((time.monotonic(), int(line.split()[1]) / 1024))
                        break
        except OSError:
            break
        time.sleep(_SAMPLE_SECONDS)
    return samples


def timeline(samples: list[tuple[float, float]], err: str) -> list[str]:
    """The traced events with the resident size then, and the size every 0.1 s."""
    if not samples:
        return []
    start = samples[0][0]
    top = max(samples, key=lambda sample: sample[1])
    lines = [f"  sampled peak {top[1]:.1f} MB at {top[0] - start:.2f} s"]
    for line in err.splitlines():
        if line.startswith("T "):
            _, at, *what = line.split()
            when = float(at)
            near = min(samples, key=lambda sample: abs(sample[0] - when))
            lines.append(f"  {when - start:6.2f} s {' '.join(what):24s} {near[1]:.1f} MB")
    marks, due = [], 0.0
    for when, size in samples:
        if when - start >= due:
            marks.append(f"{when - start:.1f}:{size:.0f}")
            due += 0.1
    lines.append("  " + " ".join(marks))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory_starts")
    parser.add_argument("--kind", choices=KINDS, action="append")
    parser.add_argument("--tree", type=Path, action="append")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--trace", action="store_true")
    options = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    trees = [tree.resolve() for tree in options.tree or [here]]
    peaks: dict[tuple[str, str], list[float]] = {}
    for _ in range(options.rounds):
        for kind in options.kind or KINDS:
            for tree in trees:
                peak, samples, err = run(tree, kind, options.trace)
                peaks.setdefault((tree.name, kind), []).append(peak)
                load = os.getloadavg()[0]
                print(
                    f"{time.strftime('%H:%M:%S')} load {load:.2f} {tree.name} {kind} {peak:.1f} MB"
                )
                if options.trace:
                    print("\n".join(timeline(samples, err)))
                sys.stdout.flush()
    for (name, kind), values in peaks.items():
        print(f"{name} {kind}: median {statistics.median(values):.1f} MB of {values}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

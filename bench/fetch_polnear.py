"""Download PolNeAR at its pinned commit and convert it for `python -m bench.quotes`.

    python -m bench.fetch_polnear [--raw PATH] [--keep-zip]

PolNeAR (github.com/networkdynamics/PolNeAR; Newell, Margolin & Ruths, LREC 2018) has no
licence and holds copyrighted news text, so Reader never ships it: this script fetches the
repository's zip at the commit the figures were made with (about 300 MB to download, 1 GB
unpacked, mostly CoreNLP XML), unpacks it to `bench/.data/polnear-raw/` and converts it with
`bench/polnear_convert.py` into `bench/.data/polnear/{dev,test}` (about a minute). Both
folders are under `bench/.data/`, which git ignores. `--raw PATH` converts a checkout or
unpacked zip already on disk instead of downloading.

The test split is blind: the converter prints only its counts, and `bench.quotes` scores it
only when asked with `--blind`.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from bench import polnear_convert
from bench.data import download

COMMIT = "c3eee833c035bf7b8c84f55b58c0bf7346cfae76"
URL = f"https://codeload.github.com/networkdynamics/PolNeAR/zip/{COMMIT}"
DATA = Path(__file__).resolve().parent / ".data"
RAW = DATA / "polnear-raw"


def unpack(archive: Path, folder: Path) -> Path:
    """The corpus folder (holding data/metadata.tsv) unpacked from the zip."""
    root = folder / f"PolNeAR-{COMMIT}"
    if not (root / "data" / "metadata.tsv").exists():
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(folder)
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fetch_polnear", description=__doc__)
    parser.add_argument("--raw", type=Path, help="a PolNeAR checkout or unpacked zip to convert")
    parser.add_argument("--keep-zip", action="store_true", help="keep the downloaded zip")
    args = parser.parse_args(argv)
    if args.raw is not None:
        root = args.raw
    else:
        archive = download(URL, RAW / f"PolNeAR-{COMMIT}.zip")
        root = unpack(archive, RAW)
        if not args.keep_zip:
            archive.unlink()
    if not (root / "data" / "metadata.tsv").exists():
        print(f"{root}: not a PolNeAR folder (no data/metadata.tsv)", file=sys.stderr)
        return 1
    return polnear_convert.main(
        ["--polnear", str(root), "--polnear-commit", COMMIT, "--out", str(DATA)]
    )


if __name__ == "__main__":
    sys.exit(main())

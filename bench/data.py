"""Builds the large library and database the benchmarks need, deterministically.

- `big_article(size)`: a news-like article of about `size` bytes, made by repeating and
  varying the bundled sample articles (real sentences, real quote marks).
- `big_database(path, count)`: a Reader database with `count` annotations spread over a
  few hundred articles, with a realistic vocabulary (Zipf-distributed words from a 60,000-word
  lexicon mixed with real sentences), 300 sources and 60 themes.

Everything is seeded, so two runs measure the same data. The files go under `bench/.data/`.
"""

from __future__ import annotations

import random
import shutil
import string
import sys
import urllib.error
import urllib.request
import uuid
from itertools import accumulate
from pathlib import Path

import msgspec

from reader.core.records import now
from reader.storage.migrations import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent
DATA = ROOT / ".data"
SAMPLES = ROOT.parent / "library"


def sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def big_article(size: int = 1_000_000, seed: int = 1) -> str:
    """A long article: a headline, then sample paragraphs shuffled until `size` bytes."""
    rng = random.Random(seed)
    paragraphs = [p for text in sample_texts() for p in text.split("\n\n")[1:] if p.strip()]
    out = ["A very long article assembled for benchmarks", ""]
    length = 0
    while length < size:
        paragraph = rng.choice(paragraphs)
        out.append(paragraph)
        out.append("")
        length += len(paragraph.encode("utf-8")) + 2
    return "\n".join(out)


def _lexicon(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        length = max(2, int(rng.gauss(7, 2.5)))
        words.add("".join(rng.choice(string.ascii_lowercase) for _ in range(length)))
    return sorted(words)


def big_database(path: Path, count: int, articles: int = 400, seed: int = 7) -> Path:
    """Write a database of `count` annotations at `path` (overwrites it)."""
    rng = random.Random(seed)
    lexicon = _lexicon(rng, 60_000)
    weights = list(accumulate(1.0 / (rank + 1) for rank in range(len(lexicon))))
    sentences = [
        s.strip()
        for text in sample_texts()
        for s in text.replace("\n", " ").split(". ")
        if len(s.strip()) > 30
    ]
    first = ["Doug", "Heather", "Patrick", "Kathryn", "Kristen", "Elaine", "Maria", "John", "Li"]
    last = ["King", "McPherson", "Lennox", "Waters", "Wilkins", "Gustafon", "Garcia", "Smith"]
    sources = [f"{rng.choice(first)} {rng.choice(last)} {i}" for i in range(290)]
    sources += ["ICE", "U.S. Embassy", "RCMP", "Wikinews", "KCNA", "CityNews", "Reuters"]
    sources += ["Mount Royal University", "Government of Canada", "The Big Story"]
    themes = [f"theme {i}" for i in range(50)] + [
        "public safety",
        "sovereignty",
        "accountability",
        "cross-border cooperation",
        "policing/oversight",
        "policing/use of force",
        "immigration",
        "art/photography",
        "military",
        "privacy",
    ]
    stamp = now()
    article_docs = {
        str(i): {
            "id": i,
            "path": f"article-{i:04d}.txt",
            "title": f"Article {i}: " + " ".join(rng.choices(lexicon, cum_weights=weights, k=6)),
            "sha256": "0" * 64,
            "size": 0,
            "mtime": 0.0,
            "added": stamp,
            "author": None,
            "site": None,
            "url": None,
            "published": None,
            "missing": True,
        }
        for i in range(1, articles + 1)
    }
    annotations = {}
    for i in range(1, count + 1):
        words = rng.choices(lexicon, cum_weights=weights, k=rng.randint(8, 30))
        quote = rng.choice(sentences) + " " + " ".join(words)
        start = rng.randrange(0, 50_000)
        annotations[str(i)] = {
            "id": uuid.UUID(int=rng.getrandbits(128)).hex,
            "article_id": rng.randint(1, articles),
            "start": start,
            "end": start + len(quote),
            "quote": quote,
            "prefix": "",
            "suffix": "",
            "source": rng.choice(sources),
            "themes": rng.sample(themes, rng.randint(0, 3)),
            "note": " ".join(rng.choices(lexicon, cum_weights=weights, k=rng.randint(0, 12))),
            "created": stamp,
            "updated": stamp,
        }
    data = {
        "meta": {
            "1": {
                "schema": SCHEMA_VERSION,
                "reader_version": "bench",
                "next_article_id": articles + 1,
            }
        },
        "articles": article_docs,
        "annotations": annotations,
        "sources": {str(i + 1): {"name": s, "description": ""} for i, s in enumerate(sources)},
        "themes": {
            str(i + 1): {"name": t, "colour": "", "description": ""} for i, t in enumerate(themes)
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(msgspec.json.encode(data))
    return path


def download(url: str, target: Path) -> Path:
    """The file at `url`, downloaded to `target` once (kept; a partial download is never
    taken for the whole). For the public corpora the benches fetch."""
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    print(f"downloading {url}", file=sys.stderr)
    try:
        with urllib.request.urlopen(url, timeout=60) as response, partial.open("wb") as out:
            shutil.copyfileobj(response, out, length=1 << 20)
    except (OSError, urllib.error.URLError) as error:  # offline, refused, cut short
        partial.unlink(missing_ok=True)
        reason = getattr(error, "reason", None) or error
        raise SystemExit(
            f"error: cannot download {url} ({reason}); check the connection and run it again"
        ) from None
    partial.rename(target)
    return target

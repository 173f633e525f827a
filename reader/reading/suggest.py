"""Suggestions for the source and themes fields: codebook names that match what is typed.

Ranking: names that start with the typed text, or have a word that does, come first; then
fuzzy matches (rapidfuzz `WRatio`, which forgives typos, case and word order) at 60 or more,
for four letters typed or more;
ties go to the name used most. An empty field suggests the most used names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz, process, utils

FUZZY_CUTOFF = 60.0
MIN_FUZZY_LENGTH = 4  # shorter input matches by beginnings only


def suggest(
    typed: str, names: Sequence[str], usage: Mapping[str, int] | None = None, limit: int = 6
) -> list[str]:
    """Up to `limit` of `names` for the text typed so far, best first."""
    usage = usage or {}
    query = utils.default_process(typed)
    if not query:
        return sorted(names, key=lambda n: (-usage.get(n, 0), n.casefold()))[:limit]
    scored: dict[str, float] = {}
    for name in names:
        folded = utils.default_process(name)
        if folded == query:
            scored[name] = 300.0
        elif folded.startswith(query):
            scored[name] = 200.0 + len(query) / max(len(folded), 1)
        elif any(word.startswith(query) for word in folded.split()):
            scored[name] = 150.0 + len(query) / max(len(folded), 1)
    if len(query) < MIN_FUZZY_LENGTH:
        return sorted(scored, key=lambda n: (-scored[n], -usage.get(n, 0), n.casefold()))[:limit]
    for name, score, _ in process.extract(
        typed,
        names,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        score_cutoff=FUZZY_CUTOFF,
        limit=limit * 3,
    ):
        scored.setdefault(name, score)
    ranked = sorted(scored, key=lambda n: (-scored[n], -usage.get(n, 0), n.casefold()))
    return ranked[:limit]

"""Fit the weights the finder gives a pronoun's candidate antecedents, and write them to
`reader/quotes/data/antecedents.json`.

    python -m bench.train_antecedents [--check] [--sets a,b,...]

When "he said" or "she said" is not settled by a sentence just before (a described subject,
someone just introduced, a spokesperson), `reader.quotes.pronouns` weighs every earlier
person it may stand for on a few features (`ANTECEDENT_FEATURES`: how near in mentions and
in sentences, a subject, the nearest subject, the article's main figure, the last speaker,
...). This script reads those choices off labelled news (`trace_antecedents`), keeps those
whose gold speaker is among the candidates, and fits the weights as a conditional logit
(a softmax over one pronoun's candidates, every mention of the gold speaker counting as
right; numpy, a fixed number of gradient steps from the weights once set by hand, drawn
back towards them, so the same data gives the same weights).

It learns only from sets already read (`STUDIED`: PolNeAR's train half, the probes and the
real-news batches studied so far), so that the batches nobody has read can still say
whether a change carries. Before writing, it prints each source left out in turn: the share
of its pronouns the shipped weights and weights fitted without that source get right.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.quotes import headline_of, named, set_articles, speaker_is_right
from reader.core.text import TextStructure
from reader.quotes.attribution import trace_antecedents
from reader.quotes.pronouns import ANTECEDENT_FEATURES, antecedent_weights

OUT = Path(__file__).resolve().parent.parent / "reader" / "quotes" / "data" / "antecedents.json"
STUDIED = (
    "polnear-train,probes,zyte,fundus-quotes,l3s-quotes,l3s-quotes-2,l3s-quotes-3,"
    "dragnet-quotes,chaos-quotes,chaos-quotes-2,chaos-quotes-3,newspaper-quotes,"
    "trafeval-quotes,fixtures-quotes,omnivore-quotes,"
    + ",".join(["bbc-quotes"] + [f"bbc-quotes-{n}" for n in range(2, 14)])
    + ",abp-quotes,abp-quotes-5,canews-quotes,canews-quotes-2,canews-quotes-4,"
    "canews-quotes-14,canews-quotes-15,basil-quotes-3,webis-quotes"
)
# The weights set by hand before they were fitted (stops 1-65, each read off errors), and
# zero for the features added since: the prior the fit starts from and is drawn back to,
# so that what few choices tell apart (a name inside the quotation, an agent after "by")
# keeps the weight reading gave it. `PULL` was chosen by the left-out sources' share right
# (0.0001: 0.920, 0.001: 0.922, 0.003: 0.924, 0.01: 0.922, 0.03: 0.916; stop 66).
PRIOR = {
    "rank": -1.0,
    "latest_subject": 1.5,
    "named_in_quotation": -5.0,
    "described": 1.5,
    "main_figure": 1.0,
    "subject": 2.0,
    "by_agent": -2.0,
    "last_speaker": 1.0,
    "introduced": 2.0,
}
PULL = 0.003
STEPS = 3000
RATE = 0.5


@dataclass
class Choice:
    """One pronoun's candidates (features by row) and which are its gold speaker."""

    features: np.ndarray
    right: np.ndarray
    source: str


def source_of(set_name: str) -> str:
    """The outlet or corpus a set comes from ("bbc-quotes-7" -> "bbc")."""
    return set_name.split("-", 1)[0]


def collect(sets: list[str]) -> list[Choice]:
    """The weighed pronoun choices of the sets' articles whose quotation the finder found
    with its gold span, whose gold speaker is named and among the candidates (two or more)."""
    choices: list[Choice] = []
    for name in sets:
        for path in set_articles(name):
            text = path.read_text(encoding="utf-8")
            gold = {
                (g["start"], g["end"]): g
                for g in json.loads(path.with_suffix(".quotes.json").read_text(encoding="utf-8"))
            }
            # the trace gives where each quotation opens: its words, as the gold spans them
            inner = {
                q.outer.start: (q.inner.start, q.inner.end) for q in TextStructure(text).quotations
            }
            seen: set[tuple[int, int]] = set()
            for quote_start, at, options in trace_antecedents(text, headline_of(path)):
                item = gold.get(inner.get(quote_start, (-1, -1)))
                if (
                    item is None
                    or (quote_start, at) in seen
                    or len(options) < 2
                    or item.get("debatable")
                    or not named(item)
                ):
                    continue
                seen.add((quote_start, at))
                right = np.array([speaker_is_right(e.name, item) for e, _ in options])
                if right.any():
                    features = np.array([values for _, values in options], dtype=float)
                    choices.append(Choice(features, right, source_of(name)))
    return choices


def _padded(choices: list[Choice]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The choices as arrays: features [choice, candidate, feature], which candidates are
    there, which are right."""
    width = max(len(c.right) for c in choices)
    features = np.zeros((len(choices), width, len(ANTECEDENT_FEATURES)))
    present = np.zeros((len(choices), width), dtype=bool)
    right = np.zeros((len(choices), width), dtype=bool)
    for i, choice in enumerate(choices):
        n = len(choice.right)
        features[i, :n], present[i, :n], right[i, :n] = choice.features, True, choice.right
    return features, present, right


def fit(choices: list[Choice]) -> np.ndarray:
    """Weights that make each choice's right candidates likely: gradient ascent on the mean
    log-likelihood from `PRIOR`, less `PULL` times the squared distance from it."""
    features, present, right = _padded(choices)
    prior = np.array([PRIOR.get(name, 0.0) for name in ANTECEDENT_FEATURES])
    weights = prior.copy()
    for _ in range(STEPS):
        scores = np.where(present, features @ weights, -np.inf)
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        q = np.where(right, p, 0.0)
        q /= q.sum(axis=1, keepdims=True)
        gradient = np.einsum("ij,ijk->k", q - p, features) / len(choices) - PULL * (weights - prior)
        weights += RATE * gradient
    return weights


def right_share(choices: list[Choice], weights: np.ndarray) -> float:
    """The share of choices whose best candidate (the nearest among equals, as the finder
    picks) is right."""
    if not choices:
        return 0.0
    return sum(bool(c.right[int(np.argmax(c.features @ weights))]) for c in choices) / len(choices)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.train_antecedents", description=__doc__)
    parser.add_argument("--check", action="store_true", help="print figures, write nothing")
    parser.add_argument("--sets", default=STUDIED, help="comma-separated sets to learn from")
    args = parser.parse_args(argv)
    sets = [name for name in args.sets.split(",") if set_articles(name)]
    if not sets:
        print("none of the sets is here: build them first (make help)", file=sys.stderr)
        return 1
    choices = collect(sets)
    shipped = np.array(antecedent_weights())
    print(f"{len(choices)} weighed choices from {len(sets)} sets")
    print("each source left out: right with the shipped weights, with weights fitted without it")
    total = [0.0, 0.0]
    for source in sorted({c.source for c in choices}):
        held = [c for c in choices if c.source == source]
        without = fit([c for c in choices if c.source != source])
        a, b = right_share(held, shipped), right_share(held, without)
        total[0] += a * len(held)
        total[1] += b * len(held)
        print(f"  {source:<10} {len(held):5d}  {a:.3f}  {b:.3f}")
    print(
        f"  {'all':<10} {len(choices):5d}  {total[0] / len(choices):.3f}  "
        f"{total[1] / len(choices):.3f}"
    )
    weights = fit(choices)
    fitted = {f: round(float(w), 2) for f, w in zip(ANTECEDENT_FEATURES, weights, strict=True)}
    print("fitted on all:", fitted)
    if args.check:
        return 0
    OUT.write_text(
        json.dumps(
            {
                "features": list(ANTECEDENT_FEATURES),
                "weights": [round(float(w), 3) for w in weights],
                "fitted_on": sets,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Score quote finding and speaker suggestion against the labelled sets.

Run with `python -m bench.quotes` (or `make bench-quotes`); `-v` lists every miss, wrong
speaker and extra quote; `--json` prints the figures as JSON. Each set is a folder of
articles `NAME.txt` with `NAME.quotes.json` (the direct quotations and their speakers) and
`NAME.nonquotes.json` (quoted text that is not speech), labelled by the conventions of
tests/data/gold/SOURCES.md:

- quotation recall: gold quotations found with exactly their span and offered as speech;
- named recall: the same, of the gold quotations whose label names a speaker (a brief that
  has every double-marked passage labelled, as the BBC batches' did, gives titles and scare
  quotes "none": the finder rightly offers them as no one's speech, and recall counts them);
- quotation precision: of the spans offered as speech, those that are gold quotations
  (scare quotes and titles offered as speech count against it);
- speaker precision: of the found quotations given a speaker, those whose speaker is right
  (on our sets and the probes, a name suggested for a quotation whose gold names no one,
  "a neighbour said", counts as a wrong suggestion; the unnamed speaker's own words, "a
  neighbour", do not count either way);
- speaker recall: gold quotations found with the right speaker;
- coverage: of the found quotations, those given a speaker;
- precision at confidence >= 0.8 ("conf prec"), and the share of the given speakers that
  reach that confidence ("conf share").

A speaker is right when it is the gold full name or one of the gold's full-name aliases
("General Motors" / "GM"), compared without case, dots and a leading "the". A surname
alone is wrong when the article gave the full name.

The public corpus PolNeAR (see tests/data/quotes/SOURCES.md; fetched by
`python -m bench.fetch_polnear`, never committed) adds the sets `polnear-train` and
`polnear-val` (its dev split halved by a hash of the article name) and, only with `--blind`,
`polnear-test`. PolNeAR labels no scare quotes, so its quotation precision is not measured;
its speakers are scored only where the gold names one (`speaker_status` "named"), and again
("-hi" rows) only where that name is of high confidence.

The public corpus DirectQuote (news paragraphs of 13 outlets; `python -m bench.fetch_directquote`,
never committed) adds `directquote-dev` (60% of its paragraphs by a fixed hash) and, only
with `--blind-directquote`, `directquote-test`, the blind 40%. Its quotation precision is not
measured either (scare quotes are not labelled), and its speakers are scored where the gold
names one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from bench import (
    convert_abp_quotes,
    convert_aljazeera_quotes,
    convert_basil_quotes,
    convert_bbc_quotes,
    convert_canews_quotes,
    convert_chaos_quotes,
    convert_dragnet_quotes,
    convert_fixtures_quotes,
    convert_fundus_quotes,
    convert_ghana_quotes,
    convert_gossipcop_quotes,
    convert_l3s_quotes,
    convert_newsdata_quotes,
    convert_newspaper_quotes,
    convert_omnivore_quotes,
    convert_pacific_quotes,
    convert_philippines_quotes,
    convert_recovery_quotes,
    convert_reuters_quotes,
    convert_southasia_quotes,
    convert_trafeval_quotes,
    convert_webis_quotes,
    convert_webz_quotes,
)
from reader.quotes import QuoteFinding, find_quotes

ROOT = Path(__file__).resolve().parent.parent
# The sets, in the order they were labelled. "holdout" was scored once, blind, before any
# change informed by it (figures in tests/data/quotes/SOURCES.md).
SETS: dict[str, Path] = {
    "samples": ROOT / "tests" / "data" / "gold",
    "dev": ROOT / "tests" / "data" / "quotes" / "dev",
    "test": ROOT / "tests" / "data" / "quotes" / "test",
    "holdout": ROOT / "tests" / "data" / "quotes" / "holdout",
    # Made-up Canadian-style news of the helpers' blind probes, seen since their first score
    # (`bench/convert_probes.py`; not among "ours", the real articles).
    "probes": ROOT / "tests" / "data" / "quotes" / "probes",
    # Real news pages of Zyte's extraction benchmark (the hand-cleaned bodies of
    # tests/data/extraction, their title as headline), labelled by helpers and scored once,
    # blind, in stop 44; shown apart from "ours" (the sets the finder was built on).
    "zyte": ROOT / "tests" / "data" / "quotes" / "zyte",
}
# Where `bench.fetch_polnear` puts the converted corpus (READER_POLNEAR overrides it).
POLNEAR = Path(os.environ.get("READER_POLNEAR", ROOT / "bench" / ".data" / "polnear"))
# Where `bench.fetch_directquote` puts its converted corpus (READER_DIRECTQUOTE overrides it).
DIRECTQUOTE = Path(os.environ.get("READER_DIRECTQUOTE", ROOT / "bench" / ".data" / "directquote"))
# Blind sets of real news, labelled by helpers who never saw Reader, each scored once when
# labelled (tests/data/quotes/SOURCES.md): the folder its converter writes (an environment
# variable overrides it), and the command that fetches and builds it.
_L3S = "`python -m bench.convert_l3s_quotes`"


def _batches(converter: ModuleType) -> dict[str, tuple[Path, str]]:
    """A news converter's labelled batches: each set's name, its folder and the command that
    builds it (the converter's own module)."""
    command = f"`python -m {converter.__name__}`"
    return {
        converter.set_name(batch): (folder, command)
        for batch, (_, folder) in converter.BATCHES.items()
    }


NEWS_SETS = {
    # fundus's pages, stop 44
    "fundus-quotes": (
        convert_fundus_quotes.OUT,
        "`python -m bench.fetch_fundus` and `python -m bench.convert_fundus_quotes`",
    ),
    # L3S-GN1 (Google News, 2008), batch 1 (stop 45), batch 2 labelled after the mends read
    # off the first (stop 45), batch 3 its last 30 pages (stop 46)
    "l3s-quotes": (convert_l3s_quotes.OUT, _L3S),
    "l3s-quotes-2": (convert_l3s_quotes.OUT_2, _L3S),
    "l3s-quotes-3": (convert_l3s_quotes.OUT_3, _L3S),
    # Dragnet's news and blog posts of 2012, stop 46
    "dragnet-quotes": (convert_dragnet_quotes.OUT, "`python -m bench.convert_dragnet_quotes`"),
    # Utomo & Leu's "Chaos" news pages of about 2017, batches 1 and 2 (stop 47) and 3
    "chaos-quotes": (convert_chaos_quotes.OUT, "`python -m bench.convert_chaos_quotes`"),
    "chaos-quotes-2": (convert_chaos_quotes.OUT_2, "`python -m bench.convert_chaos_quotes`"),
    # their batch 3, the 31 pages left (stop 48)
    "chaos-quotes-3": (convert_chaos_quotes.OUT_3, "`python -m bench.convert_chaos_quotes`"),
    # newspaper's full-text test pages of 2014-15 (stop 49)
    "newspaper-quotes": (
        convert_newspaper_quotes.OUT,
        "`python -m bench.convert_newspaper_quotes`",
    ),
    # the English pages of trafilatura's evaluation, 2015-2024, as its extraction reads them
    # (stop 50)
    "trafeval-quotes": (convert_trafeval_quotes.OUT, "`python -m bench.convert_trafeval_quotes`"),
    "fixtures-quotes": (
        convert_fixtures_quotes.OUT,
        "`make news-fixtures` then `python -m bench.convert_fixtures_quotes`",
    ),
    # the English pages of Omnivore's Readability tests, 2021-2024, their accepted bodies
    # (stop 54)
    "omnivore-quotes": (
        convert_omnivore_quotes.OUT,
        "`make omnivore` then `python -m bench.convert_omnivore_quotes`",
    ),
    # BBC News of 2004-2005, plain text with the headline first, two batches (stop 56)
    **_batches(convert_bbc_quotes),
    # US news of 2012-2020 from many outlets (Article Bias Prediction), one article an outlet
    # (stop 61)
    **_batches(convert_abp_quotes),
    # Canadian news of 2020 (CBC, CTV, the Star, the Globe, the National Post, the Times
    # Colonist), one article a byline (stop 62)
    **_batches(convert_canews_quotes),
    # US news of 2010-2019 (the New York Times, Fox News, the Huffington Post: BASIL), one
    # article an event (stop 65)
    **_batches(convert_basil_quotes),
    # CNN's and ABC News' articles of September 2016 (BuzzFeed-Webis), one article an author
    # (stop 65)
    **_batches(convert_webis_quotes),
    # Reuters wire stories of 1996-1997 (Reuter_50_50), one story a writer, no headline
    # (stop 65)
    **_batches(convert_reuters_quotes),
    # celebrity and entertainment news of 2017-2018 (FakeNewsNet's GossipCop "real" pages), at
    # most four an outlet, title first (stop 77)
    **_batches(convert_gossipcop_quotes),
    # Pacific news of 2019-2025 (ABC, RNZ, Vanuatu Business Review, TVWAN, The National),
    # four an outlet, headline first (stop 77)
    **_batches(convert_pacific_quotes),
    # English-language news of 2017-2025 from Pakistan (Dawn, APP), Bangladesh (Prothom Alo,
    # The Business Standard, The Daily Ittefaq) and India (The Hindu, NDTV Profit, Business
    # Today), at most four an outlet, headline first (stop 77)
    **_batches(convert_southasia_quotes),
    # Philippine news of May 2024 (BusinessWorld, the Inquirer, Malaya Business Insight,
    # Rappler, The Manila Times), at most four an outlet, headline first (stop 78)
    **_batches(convert_philippines_quotes),
    # Ghanaian news of January 2026 (GhanaWeb, MyJoyOnline, Adom, Peace FM, Starr FM and
    # more), at most three an outlet, headline first (stop 78)
    **_batches(convert_ghana_quotes),
    # Al Jazeera English of April-May 2025, one outlet, every story one block (stop 78)
    **_batches(convert_aljazeera_quotes),
    # US news of 2020 on COVID-19 from nine outlets (ReCOVery: the Chicago Sun-Times, CBS News,
    # Business Insider, The Verge, NPR and more), at most three an outlet, headline first
    # (stop 79)
    **_batches(convert_recovery_quotes),
    # US news of March 2023 from NewsData.io listings (HuffPost, Cointelegraph, WFAA, CBS News
    # and more), at most three an outlet, headline first (stop 79)
    **_batches(convert_newsdata_quotes),
    # Australian news of November 2020 from webz.io dumps (nine.com.au, trade press such as
    # iTnews, CRN and Hospital + Healthcare, and more), at most three a site, headline first
    # (stop 79)
    **_batches(convert_webz_quotes),
}
# The sets whose texts have no headline: the story's first paragraph is no title (the Chaos
# and Dragnet pages' story text opens with the headline their annotators kept).
STORY_ONLY = frozenset(
    {
        convert_newspaper_quotes.OUT.resolve(),
        convert_omnivore_quotes.OUT.resolve(),
        *(folder.resolve() for _, folder in convert_reuters_quotes.BATCHES.values()),
    }
)
PUBLIC = ("polnear-train", "polnear-val", "directquote-dev", *NEWS_SETS)
BLIND = "polnear-test"
BLIND_DIRECTQUOTE = "directquote-test"
CONFIDENT = 0.8  # the confidence a user may accept without reading


def polnear_half(name: str) -> str:
    """ "train" or "val": the half of PolNeAR's dev split an article belongs to (fixed hash)."""
    digest = hashlib.sha1(f"reader-polnear:{name}".encode()).hexdigest()
    return "train" if int(digest, 16) % 2 == 0 else "val"


def set_articles(name: str) -> list[Path]:
    """The article files of a set, sorted (an empty list for an absent public set)."""
    if name in SETS:
        folder, half = SETS[name], ""
    elif name in NEWS_SETS:
        folder, half = NEWS_SETS[name][0], ""
    elif name.startswith("directquote-"):
        folder, half = DIRECTQUOTE / name.removeprefix("directquote-"), ""
    elif name == BLIND:
        folder, half = POLNEAR / "test", ""
    else:
        folder, half = POLNEAR / "dev", name.removeprefix("polnear-")
    paths = sorted(p for p in folder.glob("*.txt") if p.with_suffix(".quotes.json").exists())
    return [p for p in paths if not half or polnear_half(p.stem) == half]


@dataclass
class Score:
    """Counts for one set (or several added together) and the figures they give."""

    articles: int = 0
    gold: int = 0
    found: int = 0
    offered: int = 0
    offered_wrongly: int = 0
    scored: int = 0  # gold quotations whose speaker is scored (all but PolNeAR's unnamed)
    scored_found: int = 0
    speaker_given: int = 0
    named_unnamed: int = 0  # of speaker_given: a name for a quotation whose gold names no one
    speaker_right: int = 0
    confident_given: int = 0
    confident_right: int = 0
    precision_measured: bool = True
    problems: list[str] = field(default_factory=list)

    def __add__(self, other: Score) -> Score:
        total = Score(
            precision_measured=self.precision_measured and other.precision_measured,
            problems=self.problems + other.problems,
        )
        for name in _COUNTS:
            setattr(total, name, getattr(self, name) + getattr(other, name))
        return total

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def named_recall(self) -> float:
        return self.scored_found / self.scored if self.scored else 1.0

    @property
    def precision(self) -> float:
        return (self.offered - self.offered_wrongly) / self.offered if self.offered else 1.0

    @property
    def speaker_precision(self) -> float:
        return self.speaker_right / self.speaker_given if self.speaker_given else 1.0

    @property
    def speaker_recall(self) -> float:
        return self.speaker_right / self.scored if self.scored else 1.0

    @property
    def coverage(self) -> float:
        given = self.speaker_given - self.named_unnamed
        return given / self.scored_found if self.scored_found else 1.0

    @property
    def confident_precision(self) -> float:
        return self.confident_right / self.confident_given if self.confident_given else 1.0

    @property
    def confident_share(self) -> float:
        return self.confident_given / self.speaker_given if self.speaker_given else 0.0

    def figures(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "quotations": self.gold,
            "scored": self.scored,
            "recall": round(self.recall, 3),
            "named_recall": round(self.named_recall, 3),
            "precision": round(self.precision, 3) if self.precision_measured else None,
            "speaker_precision": round(self.speaker_precision, 3),
            "speaker_recall": round(self.speaker_recall, 3),
            "coverage": round(self.coverage, 3),
            "confident_precision": round(self.confident_precision, 3),
            "confident_share": round(self.confident_share, 3),
        }


_COUNTS = [f for f in Score.__dataclass_fields__ if f not in {"precision_measured", "problems"}]


# A nickname inside a name, in brackets or quotation marks: "Seung Hwan (Mark) Lee" and
# "Kayla “Kay-O” Chiasson" name the person "Seung Hwan Lee" and "Kayla Chiasson" do.
_NICKNAME_IN_NAME = re.compile(r"\s(?:\([^()]{1,25}\)|[\"“][^\"“”]{1,25}[\"”])(?=\s)")


def _normal(name: str) -> str:
    name = _NICKNAME_IN_NAME.sub("", name)
    words = " ".join(name.casefold().replace(".", "").split())
    return words[4:] if words.startswith("the ") else words


# Courtesy and noble titles before a name. The labelling brief asks for names without
# them ("keep the name as written, without titles such as Dr., Mr., Sen."); a label that
# kept one ("Dame Mary Marsh", "King Carl XVI Gustaf") names the person the finder's "Mary
# Marsh" does, and the finder's "Lord Falconer" (a peer's title is part of the name it
# gives) the person a label without it ("Falconer") names.
_TITLES_BEFORE_NAMES = frozenset(
    [
        "dame",
        "sir",
        "lord",
        "lady",
        "baron",
        "baroness",
        "viscount",
        "viscountess",
        "earl",
        "countess",
        "duke",
        "duchess",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "sheik",
        "emir",
        "pope",
        "mr",
        "mrs",
        "ms",
        "dr",
        "rev",
        "sen",
        "rep",
        "gov",
        "gen",
    ]
)


def _without_titles(normal: str) -> str:
    words = normal.split()
    while len(words) > 1 and words[0] in _TITLES_BEFORE_NAMES:
        words.pop(0)
    return " ".join(words)


_BRACKETED = re.compile(r"\s*\([^()]*\)")
_NAME_SUFFIX = re.compile(r",?\s+(?:jr|sr|ii|iii|iv)$")


def _plain(normal: str) -> str:
    """A normalised name without what a label may add to the same name: an acronym in
    brackets ("international monetary fund (imf)"), a suffix ("herman baertschiger, jr"),
    an apostrophe before it ("’manteboheng molatjeng", the Sesotho name's own), a middle
    initial ("donald j trump")."""
    plain = _NAME_SUFFIX.sub("", _BRACKETED.sub("", normal)).strip("’'‘ ")
    words = plain.split()
    if len(words) >= 3:  # "donald j trump": the middle initial is not the name
        plain = " ".join([words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]])
    return plain or normal


def accepted_names(gold: dict[str, Any]) -> set[str]:
    """The gold speaker and those of its mentions that are full names or acronyms, each
    also without the titles before it, and plain (`_plain`)."""
    names = {_normal(gold["speaker"])}
    for mention in gold.get("speaker_mentions", []):
        if len(mention.split()) >= 2 or (mention.replace(".", "").isupper() and len(mention) > 1):
            names.add(_normal(mention))
    names |= {_without_titles(name) for name in names}
    return names | {_plain(name) for name in names}


_INITIAL_SKIPS = frozenset({"of", "the", "and", "for", "&", "on", "de", "des", "du", "la", "le"})


def _initials(name: str) -> set[str]:
    """The acronyms a body's name of three words or more may go by: the first letters of its
    words (not its small words), a word in capitals giving one letter or all of them ("UKIP"
    for the UK Independence Party, "BCCDC" for the BC Centre for Disease Control)."""
    words = [w for w in name.replace(".", "").split() if w.casefold() not in _INITIAL_SKIPS]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):  # (not "Jason King")
        return set()
    first = "".join(w[0] for w in words)
    whole = "".join(w if w.isupper() else w[0] for w in words)
    return {first.upper(), whole.upper()}


def _by_acronym(given: str, wanted: str) -> bool:
    """Whether one name is the other's acronym ("UKIP", "UK Independence Party")."""
    return any(
        letters.isalpha() and letters.isupper() and letters in _initials(full)
        for letters, full in ((given.replace(".", ""), wanted), (wanted.replace(".", ""), given))
    )


def speaker_is_right(speaker: str, gold: dict[str, Any]) -> bool:
    """Whether the finder's speaker names the gold one: one of `accepted_names`, as given
    or without a title before it ("Lord Falconer" for a label's "Falconer"), or the
    label's name by its acronym or the acronym by its name ("UKIP", "UK Independence
    Party")."""
    accepted = accepted_names(gold)
    given = _normal(speaker)
    return (
        given in accepted
        or _without_titles(given) in accepted
        or _plain(_without_titles(given)) in accepted
        or _by_acronym(speaker.strip(), str(gold.get("speaker") or "").strip())
    )


Scorable = Callable[[dict[str, Any]], bool]


def named(item: dict[str, Any]) -> bool:
    """Whether a gold quotation's speaker is scored: every one of ours, PolNeAR's named ones."""
    return item.get("speaker_status", "named") == "named"


def named_high(item: dict[str, Any]) -> bool:
    """Named with a high-confidence gold name (PolNeAR's strict view)."""
    return named(item) and item.get("confidence", "high") == "high"


@dataclass(frozen=True)
class Article:
    """One labelled article and what the finder offered as speech in it."""

    name: str
    text: str
    gold: list[dict[str, Any]]
    speech: list[QuoteFinding]


def headline_of(text_path: Path) -> int | None:
    """The headline paragraph of a labelled article: its first (as the title Reader keeps
    for a page it adds), but none in a set whose texts are the story alone."""
    return None if text_path.parent.resolve() in STORY_ONLY else 0


def read_article(text_path: Path) -> Article:
    """Run the finder on one labelled article, its headline read as `headline_of` says."""
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(text_path.with_suffix(".quotes.json").read_text(encoding="utf-8"))
    speech = [f for f in find_quotes(text, headline=headline_of(text_path)) if f.speech]
    return Article(text_path.stem, text, gold, speech)


def score_findings(
    article: Article, scorable: Scorable = named, precision_measured: bool = True
) -> Score:
    """Score one article's findings against its gold."""
    text, name = article.text, article.name
    by_span = {(f.span.start, f.span.end): f for f in article.speech}
    gold_spans = {(g["start"], g["end"]) for g in article.gold}
    score = Score(articles=1, gold=len(article.gold), offered=len(article.speech))
    score.precision_measured = precision_measured
    for finding in article.speech:
        if (finding.span.start, finding.span.end) not in gold_spans:
            score.offered_wrongly += 1
            excerpt = text[finding.span.start : finding.span.end][:60]
            score.problems.append(f"EXTRA  {name}: {excerpt!r} -> {finding.speaker}")
    for item in article.gold:
        finding = by_span.get((item["start"], item["end"]))
        excerpt = item["quote"][:60]
        if finding is None:
            score.problems.append(f"MISSED {name}: {excerpt!r}")
            continue
        score.found += 1
        if not scorable(item):
            if precision_measured and _names_someone(finding, item):
                # The gold names no one ("a neighbour said"): a name suggested is wrong.
                score.speaker_given += 1
                score.named_unnamed += 1
                score.confident_given += finding.confidence >= CONFIDENT
                score.problems.append(
                    f"NAMED  {name}: {finding.speaker!r} ({finding.confidence:.2f}) "
                    f"want no name: {excerpt!r}"
                )
            continue
        score.scored_found += 1
        if not finding.speaker:
            score.problems.append(f"NONE   {name}: {excerpt!r} want {item['speaker']!r}")
            continue
        score.speaker_given += 1
        right = speaker_is_right(finding.speaker, item)
        confident = finding.confidence >= CONFIDENT
        score.speaker_right += right
        score.confident_given += confident
        score.confident_right += confident and right
        if not right:
            score.problems.append(
                f"WRONG  {name}: {finding.speaker!r} ({finding.confidence:.2f}) "
                f"want {item['speaker']!r}: {excerpt!r}"
            )
    score.scored = sum(1 for item in article.gold if scorable(item))
    return score


def _names_someone(finding: QuoteFinding, item: dict[str, Any]) -> bool:
    """Whether the finder named someone (a capitalised name, not an unnamed speaker's own
    words such as "a resident") for a quotation whose gold speaker is named by no one."""
    if item.get("speaker_status") != "no-source" or not finding.speaker:
        return False
    first = finding.speaker.split()[0]
    return first[:1].isupper() and first.casefold() not in _UNNAMED_LEADS


# The first words of an unnamed speaker's own words ("The company", "One nurse").
_UNNAMED_LEADS = frozenset(
    {"the", "a", "an", "one", "another", "his", "her", "their", "its", "that", "this"}
)


def score_article(text_path: Path) -> Score:
    """Score one labelled article."""
    return score_findings(read_article(text_path))


def read_set(name: str) -> Iterator[Article]:
    for path in set_articles(name):
        yield read_article(path)


def score_set(folder: Path) -> Score:
    """Score every labelled article of a folder."""
    total = Score()
    for text_path in sorted(folder.glob("*.txt")):
        if text_path.with_suffix(".quotes.json").exists():
            total = total + score_article(text_path)
    return total


def score_named_set(name: str) -> dict[str, Score]:
    """The scores of a set by name: a public set also gets its "-hi" (strict) row."""
    public = name.startswith(("polnear", "directquote"))
    graded = name.startswith("polnear")  # only PolNeAR grades its gold names
    total, strict = Score(), Score()
    for article in read_set(name):
        total = total + score_findings(article, named, precision_measured=not public)
        if graded:
            strict = strict + score_findings(article, named_high, precision_measured=False)
    return {name: total, f"{name}-hi": strict} if graded else {name: total}


def _row(name: str, score: Score) -> str:
    precision = f"{score.precision:.3f}" if score.precision_measured else "n/a"
    return (
        f"{name:<16} {score.articles:>5} {score.gold:>6} {score.scored:>6} {score.recall:>6.3f}"
        f" {score.named_recall:>6.3f} {precision:>6} {score.speaker_precision:>8.3f}"
        f" {score.speaker_recall:>7.3f}"
        f" {score.coverage:>6.3f} {score.confident_precision:>9.3f} {score.confident_share:>10.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.quotes", description=__doc__.split("\n")[0]
    )
    choices = [*SETS, *PUBLIC]
    parser.add_argument(
        "sets", nargs="*", metavar="SET", help=f"sets to score: {', '.join(choices)} (default: all)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every problem")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--blind",
        action="store_true",
        help=f"also score {BLIND}, the blind split: once, at the end of a piece of work",
    )
    parser.add_argument(
        "--blind-directquote",
        action="store_true",
        help=f"also score {BLIND_DIRECTQUOTE}, DirectQuote's blind split: once, at the very end",
    )
    args = parser.parse_args(argv)
    names = args.sets or choices
    unknown = [name for name in names if name not in choices]
    if unknown:
        parser.error(f"unknown set {unknown[0]!r}; choose from {', '.join(choices)}")
    if args.blind:
        names.append(BLIND)
        print(
            f"WARNING: scoring {BLIND}, the blind split. Do it once, when the work is done; "
            "anything changed after looking at these figures makes them no longer blind.",
            file=sys.stderr,
        )
    if args.blind_directquote:
        names.append(BLIND_DIRECTQUOTE)
        print(
            f"WARNING: scoring {BLIND_DIRECTQUOTE}, the blind split. Do it once, when the work "
            "is done, and record the first figures; change nothing after looking at them.",
            file=sys.stderr,
        )
    absent = [name for name in names if name not in SETS and not set_articles(name)]
    for corpus, folder in (("polnear", POLNEAR), ("directquote", DIRECTQUOTE)):
        missing = [name for name in absent if name.startswith(corpus)]
        if missing:
            print(
                f"note: {', '.join(missing)} not found under {folder}; "
                f"`python -m bench.fetch_{corpus}` downloads and converts it there",
                file=sys.stderr,
            )
    for name in absent:
        if name in NEWS_SETS:
            folder, command = NEWS_SETS[name]
            print(
                f"note: {name} not found under {folder}; {command} builds it there",
                file=sys.stderr,
            )
    if absent:
        names = [name for name in names if name not in absent]
    scores: dict[str, Score] = {}
    for name in names:
        scores.update(score_named_set(name))
    ours = Score()
    real = [name for name in SETS if name not in {"probes", "zyte"}]
    for name in real:
        if name in scores:
            ours = ours + scores[name]
    if any(name in scores for name in real):
        scores["ours"] = ours
    if args.json:
        print(json.dumps({name: s.figures() for name, s in scores.items()}, indent=2))
        return 0
    if args.verbose:
        for name, score in scores.items():
            if name != "ours" and not name.endswith("-hi"):
                for problem in score.problems:
                    print(f"  [{name}] {problem}")
    print(
        f"{'set':<16} {'arts':>5} {'quotes':>6} {'scored':>6} {'recall':>6} {'named':>6}"
        f" {'prec':>6}"
        f" {'spk prec':>8} {'spk rec':>7} {'cover':>6} {'conf prec':>9} {'conf share':>10}"
    )
    for name, score in scores.items():
        print(_row(name, score))
    print(
        "targets: recall >= 0.96 (named: of quotations with a named speaker), speaker precision >= 0.92, speaker recall >= 0.88, "
        f"precision at confidence >= {CONFIDENT} >= 0.97"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = [
    "SETS",
    "Article",
    "Score",
    "accepted_names",
    "polnear_half",
    "read_article",
    "score_article",
    "score_findings",
    "score_set",
    "set_articles",
]

"""The gold-set figures of quote finding, with floors a little under the targets.

Targets (issue 5): quotation recall >= 0.95, speaker precision >= 0.90, speaker recall >= 0.85.
The floors apply to all labelled sets together and to each set on its own, so a change that
helps the sets it was tuned on while hurting the holdout fails here.
"""

from __future__ import annotations

from pathlib import Path

from bench.quotes import SETS, Score, score_article, score_set

FLOORS = {"recall": 0.90, "precision": 0.90, "speaker_precision": 0.88, "speaker_recall": 0.82}
# Real news of many outlets, scored blind in stop 44 at 0.870 / 0.838 (tests/data/quotes/
# SOURCES.md): its floors sit under that first score, so a change may not lose ground there.
SET_FLOORS = {"zyte": {**FLOORS, "speaker_precision": 0.86, "speaker_recall": 0.83}}
# The probes (1,092 made-up articles, 14,295 quotations) took 14 of this test's 16 s of CPU:
# here every sixth of them is scored (182 articles, about 2,400 quotations: every third
# made this the suite's second-longest test as the sets grew); `python -m bench.quotes`
# scores them all.
EVERY_NTH = {"probes": 6}


def _scored(name: str, folder: Path) -> Score:
    step = EVERY_NTH.get(name)
    if step is None:
        return score_set(folder)
    total = Score()
    labelled = sorted(p for p in folder.glob("*.txt") if p.with_suffix(".quotes.json").exists())
    for text_path in labelled[::step]:
        total = total + score_article(text_path)
    return total


def test_each_gold_set_is_above_the_floors_and_all_together_meet_the_targets() -> None:
    # One test scores every set once: split over tests, each xdist worker would score the
    # probes again (8 s a time).
    problems = []
    total = Score()
    for name, folder in SETS.items():
        score = _scored(name, folder)
        total = total + score
        figures = score.figures()
        floors = SET_FLOORS.get(name, FLOORS)
        low = {field: figures[field] for field, floor in floors.items() if figures[field] < floor}
        if score.gold == 0:
            problems.append(f"{name}: no gold quotations")
        elif low:
            problems.append(f"{name}: {low} under the floors {floors}; problems:")
            problems.extend(score.problems)
    assert total.gold >= 300, "the gold sets went missing"
    together = {
        "recall": (total.recall, 0.95),
        "speaker_precision": (total.speaker_precision, 0.90),
        "speaker_recall": (total.speaker_recall, 0.85),
    }
    problems.extend(
        f"all sets: {field} {value:.3f} under {target}"
        for field, (value, target) in together.items()
        if value < target
    )
    assert not problems, "\n".join(problems)


def test_a_name_suggested_where_the_gold_names_no_one_counts_as_wrong() -> None:
    from bench.quotes import Article, score_findings
    from reader.quotes import find_quotes

    text = "Flood\n\nJane Doe-Okafor runs the shelter.\n\n“We are full,” she said.\n"
    speech = [f for f in find_quotes(text) if f.speech]
    assert [f.speaker for f in speech] == ["Jane Doe-Okafor"]
    span = speech[0].span
    gold = [
        {
            "quote": text[span.start : span.end],
            "speaker": None,
            "speaker_status": "no-source",
            "start": span.start,
            "end": span.end,
        }
    ]
    score = score_findings(Article("a", text, gold, speech))
    assert (score.speaker_given, score.speaker_right, score.named_unnamed) == (1, 0, 1)
    assert score.speaker_precision == 0.0 and score.coverage == 1.0
    assert score.problems[0].startswith("NAMED")
    public = score_findings(Article("a", text, gold, speech), precision_measured=False)
    assert public.speaker_given == 0  # PolNeAR's unnamed speakers stay unscored


def test_named_recall_leaves_out_the_passages_labelled_no_ones() -> None:
    from bench.quotes import Article, score_findings
    from reader.quotes import find_quotes

    text = "Flood\n\nThe “emergency” shelter is full.\n\n“We are full,” Jane Doe-Okafor said.\n"
    speech = [f for f in find_quotes(text) if f.speech]
    assert [text[f.span.start : f.span.end] for f in speech] == ["We are full,"]
    scare = text.index("emergency")
    gold = [
        {"quote": "emergency", "speaker": None, "speaker_status": "no-source",
         "start": scare, "end": scare + len("emergency")},
        {"quote": "We are full,", "speaker": "Jane Doe-Okafor",
         "start": speech[0].span.start, "end": speech[0].span.end},
    ]  # fmt: skip
    score = score_findings(Article("a", text, gold, speech))
    assert (score.recall, score.named_recall) == (0.5, 1.0)
    assert score.figures()["named_recall"] == 1.0


def test_an_unnamed_speakers_own_words_are_not_a_name() -> None:
    from dataclasses import replace

    from bench.quotes import _names_someone
    from reader.quotes import find_quotes

    finding = next(f for f in find_quotes("A\n\n“Yes,” Jo Ames-Roy said.\n") if f.speech)
    unnamed = {"speaker_status": "no-source"}
    for words in ("The company", "One nurse", "a resident", "the association"):
        assert not _names_someone(replace(finding, speaker=words), unnamed)
    assert _names_someone(replace(finding, speaker="Theresa Kwan"), unnamed)
    assert not _names_someone(replace(finding, speaker="Theresa Kwan"), {"speaker": "X"})


def test_a_title_a_label_kept_before_the_name_does_not_make_the_name_wrong() -> None:
    # The labelling brief asks for names without titles; labels that kept one ("Dame Mary
    # Marsh", "King Carl XVI Gustaf") had counted the finder's "Mary Marsh" wrong.
    from bench.quotes import accepted_names

    assert "mary marsh" in accepted_names({"speaker": "Dame Mary Marsh"})
    assert "carl xvi gustaf" in accepted_names({"speaker": "King Carl XVI Gustaf"})
    assert accepted_names({"speaker": "Sir"}) == {"sir"}  # (a title alone stays as it is)
    assert "jones" not in accepted_names({"speaker": "Mary Jones"})


def test_a_peer_s_title_the_finder_keeps_does_not_make_the_name_wrong() -> None:
    # The finder keeps a peer's title in the name ("Lord Falconer", as the article calls
    # him); a label following the brief writes "Falconer" (bbc-quotes: six answers).
    from bench.quotes import speaker_is_right

    assert speaker_is_right("Lord Falconer", {"speaker": "Falconer"})
    assert speaker_is_right("Baroness Whitcombe", {"speaker": "Whitcombe"})
    assert speaker_is_right("Mary Marsh", {"speaker": "Dame Mary Marsh"})
    assert not speaker_is_right("Lady Boothroyd", {"speaker": "Betty Boothroyd"})
    assert not speaker_is_right("Lord Falconer", {"speaker": "Lord Chancellor"})


def test_a_nickname_inside_a_label_s_name_does_not_make_the_name_wrong() -> None:
    # The finder reads "Seung Hwan (Mark) Lee" and Antonio "LA" Reid without their nicknames;
    # a label keeping them names the same person (canews-quotes: four answers, bbc-quotes-12: 2)
    from bench.quotes import speaker_is_right

    assert speaker_is_right("Seung Hwan Lee", {"speaker": "Seung Hwan (Mark) Lee"})
    assert speaker_is_right("Antonio Reid", {"speaker": 'Antonio "LA" Reid'})
    assert speaker_is_right("Kayla Chiasson", {"speaker": "Kayla “Kay-O” Chiasson"})
    assert not speaker_is_right("Seung Hwan", {"speaker": "Seung Hwan (Mark) Lee"})
    assert not speaker_is_right("Mark Lee", {"speaker": "Seung Hwan (Mark) Lee"})


def test_a_suffix_an_acronym_an_apostrophe_or_an_initial_does_not_make_a_name_wrong() -> None:
    # A label's "Herman Baertschiger, Jr.", "International Monetary Fund (IMF)" and
    # "’Manteboheng Molatjeng" name whom the finder's name without them does (and the
    # finder's "Brent Bozell III" a label's "Brent Bozell"): 21 answers on the studied sets
    from bench.quotes import speaker_is_right

    assert speaker_is_right("Herman Baertschiger", {"speaker": "Herman Baertschiger, Jr."})
    assert speaker_is_right("Edward DeBartolo", {"speaker": "Edward DeBartolo Jr."})
    assert speaker_is_right("Brent Bozell III", {"speaker": "Brent Bozell"})
    assert speaker_is_right(
        "International Monetary Fund", {"speaker": "International Monetary Fund (IMF)"}
    )
    assert speaker_is_right("Manteboheng Molatjeng", {"speaker": "’Manteboheng Molatjeng"})
    assert speaker_is_right("Donald Trump", {"speaker": "Donald J. Trump"})
    assert not speaker_is_right("Donald Trump", {"speaker": "Donald Trump Jr. Smith"})
    assert not speaker_is_right("Herman Baertschiger", {"speaker": "Nancy Baertschiger"})
    assert not speaker_is_right("Jr", {"speaker": "Herman Baertschiger, Jr."})


def test_a_body_named_by_its_acronym_or_in_full_names_the_same_body() -> None:
    # "UKIP" for a label's "UK Independence Party", "Federal Emergency Management Agency" for
    # "FEMA": one body (a dozen answers of PolNeAR, l3s, chaos, bbc and abp had counted wrong);
    # a person's initials are no acronym the scorer reads ("JK" for Jason King)
    from bench.quotes import speaker_is_right

    assert speaker_is_right("UKIP", {"speaker": "UK Independence Party"})
    assert speaker_is_right("UK Independence Party", {"speaker": "UKIP"})
    assert speaker_is_right("FEMA", {"speaker": "Federal Emergency Management Agency"})
    assert speaker_is_right("BCCDC", {"speaker": "BC Centre for Disease Control"})
    assert speaker_is_right("IRCC", {"speaker": "Immigration, Refugees and Citizenship Canada"})
    assert not speaker_is_right("JK", {"speaker": "Jason King"})
    assert not speaker_is_right("UKIP", {"speaker": "UK Labour Party"})
    assert not speaker_is_right("Labour", {"speaker": "UK Independence Party"})

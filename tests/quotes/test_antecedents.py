"""Whom "he said" stands for when no sentence settles it: the weighed candidates
(`reader.quotes.pronouns`), their trace, and the fit that weighs them
(`bench.train_antecedents`)."""

from __future__ import annotations

import json

import numpy as np

from bench import train_antecedents
from reader.quotes import find_quotes
from reader.quotes.attribution import trace_antecedents
from reader.quotes.pronouns import ANTECEDENT_FEATURES, antecedent_weights


def _speakers(text: str) -> list[str | None]:
    return [f.speaker for f in find_quotes(text) if f.speech]


def test_he_is_the_subject_of_the_sentence_just_before_not_the_last_speaker() -> None:
    # The coach quoted twice, then a sentence about the new player: "he said" is the player
    # (the last speaker, with more mentions, took it when nearness was counted in names)
    text = (
        "Rossi shines on debut\n\n"
        "Milan coach Carlo Bianchi praised his new striker after the win. “He grew as the "
        "game went on and took his chance,” Bianchi said. “There are certain things to "
        "improve on, but he proved he is very good.”\n\n"
        "Marco Rossi was delighted with how his first game went, but he still deferred to "
        "his captain. “The team played really well,” he said."
    )
    assert _speakers(text) == ["Carlo Bianchi", "Carlo Bianchi", "Marco Rossi"]


def test_he_is_the_person_of_the_paragraph_before_not_a_speaker_two_paragraphs_back() -> None:
    text = (
        "Keeper eyes national team\n\n"
        "Goalkeeper Mark Schultz has been the first choice for three years. “I am not going "
        "to be satisfied being number two,” Schultz said. Schultz has 40 caps.\n\n"
        "That the coach lives in the city means he keeps tabs on the league's goalkeepers. "
        "Tony Covic believes close eyes work in his favour.\n\n"
        "“Having the coach here definitely helps,” he says."
    )
    assert _speakers(text) == ["Mark Schultz", "Tony Covic"]


def test_the_trace_gives_each_weighed_candidate_with_every_feature() -> None:
    text = (
        "Rossi shines on debut\n\n"
        "Carlo Bianchi praised Marco Rossi. “He took his chance,” Bianchi said.\n\n"
        "Rossi was delighted. “The team played well,” he said."
    )
    trace = trace_antecedents(text)
    assert trace
    quote_start, at, options = trace[-1]
    assert text[quote_start] == "“" and text[at:].startswith("said")  # (its verb)
    assert {entity.name for entity, _ in options} >= {"Marco Rossi", "Carlo Bianchi"}
    assert all(len(values) == len(ANTECEDENT_FEATURES) for _, values in options)


def test_the_shipped_weights_are_for_the_features_the_finder_computes() -> None:
    data = json.loads(train_antecedents.OUT.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == ANTECEDENT_FEATURES
    assert antecedent_weights() == tuple(data["weights"])


def test_the_fit_weighs_up_what_marks_the_right_candidate() -> None:
    # Three candidates a choice; the right one is the subject, never the nearest: the fit
    # must learn a positive weight for "subject", a negative one for nearness lost
    width = len(ANTECEDENT_FEATURES)
    subject, rank = ANTECEDENT_FEATURES.index("subject"), ANTECEDENT_FEATURES.index("rank")
    choices = []
    for n in range(30):
        features = np.zeros((3, width))
        features[:, rank] = [0, 1, 2]
        right_one = 1 + n % 2
        features[right_one, subject] = 1.0
        right = np.array([i == right_one for i in range(3)])
        choices.append(train_antecedents.Choice(features, right, "made-up"))
    weights = train_antecedents.fit(choices)
    assert weights[subject] > 1.0
    assert train_antecedents.right_share(choices, weights) == 1.0
    assert train_antecedents.right_share(choices, np.zeros(width)) == 0.0


def test_he_who_reported_on_someone_named_is_still_the_last_speaker() -> None:
    # a tester's APTN-style story: the water operator named in what "he" reported took the
    # next "he said", whose words speak of him by name (at 0.85)
    text = (
        "Water plant on its last legs\n\n"
        "“When the plane can't land, people run out,” Shawn Okimaw-Gull said.\n\n"
        "He said the community's water operator, Tyler Sainnawap, has been working alone "
        "since his partner left.\n\n"
        "“Tyler is doing the work of three people,” he said."
    )
    assert _speakers(text) == ["Shawn Okimaw-Gull", "Shawn Okimaw-Gull"]

"""The quote finder's work grows in step with the article, however it is made: hostile or
unusual articles (an interview of a thousand "he said" paragraphs, a roster of a thousand
names, one paragraph of a thousand speakers) are read in linear time. Counted in calls, not
timed: the bench times the finder."""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections.abc import Callable
from typing import Any

import pytest

from reader.quotes import attribution, cue_reading, find_quotes, name_registry, names, ranking
from tests.helpers.work import lines_run


def _counted(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    calls: list[int] = []
    real: Callable[..., Any] = getattr(owner, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def _name(index: int) -> str:
    return "".join(chr(97 + index // 26**k % 26) for k in range(3)).capitalize()


def test_an_interview_of_many_he_said_paragraphs_is_read_past_a_bounded_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counted(monkeypatch, attribution._Finder, "_opens_with_quotation_at")
    paragraphs = 400
    text = "Interview\n\nJohn Smith is a farmer.\n\n" + '"Yes," he said.\n\n' * paragraphs
    findings = find_quotes(text)
    assert [f.speaker for f in findings[:3]] == ["John Smith"] * 3
    assert len(calls) <= 30 * paragraphs  # (every earlier paragraph each time: 80,000)


def test_a_roster_of_many_people_sharing_a_first_name_is_read_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counted(monkeypatch, name_registry, "_in_order")
    people = 300
    roster = "".join(f"John Lee Q{_name(i).lower()} attended.\n\n" for i in range(people))
    later = "".join(f"John Q{_name(i).lower()} spoke.\n\n" for i in range(people))
    entities = names.Entities("Roster\n\n" + roster + later)
    assert len([e for e in entities.entities if e.kind == "person"]) == people
    assert len(calls) <= 2 * people  # (every John Lee for every John: 90,000)


def test_one_paragraph_of_many_speakers_gives_each_quotation_a_few_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counted(monkeypatch, ranking._Quote, "features")
    speakers = 300
    paragraph = " ".join(
        f'{_name(i)}son Q{_name(i).lower()} said "fine." ' for i in range(speakers)
    )
    findings = find_quotes("A long paragraph\n\n" + paragraph + "\n")
    assert len(findings) == speakers
    assert len(calls) <= 105 * speakers  # the nearest hundred (all of them: 90,000)


def test_many_people_sharing_a_surname_are_compared_once_by_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compared: list[int] = []
    real = name_registry.process.extract

    def extract(query: str, choices: Any, **kwargs: Any) -> Any:
        compared.append(len(choices))
        return real(query, choices, **kwargs)

    monkeypatch.setattr(name_registry.process, "extract", extract)
    people = 300
    text = (
        "Roll call\n\n"
        + "".join(f"“Here,” said Z{_name(i).lower()} Smith.\n\n" for i in range(people))
        + "“Fine,” said Smithe.\n"
    )
    findings = find_quotes(text)
    assert [f.speaker for f in findings[:2]] == ["Zaaa Smith", "Zbaa Smith"]
    assert compared and max(compared) <= 2  # (every Smith each time: 300)


# --- crafted articles (stop 77's attack on the finder's time): each read in linear time ---


class _Reads:
    """A compiled pattern that adds up how many characters its searches may read."""

    def __init__(self, pattern: re.Pattern[str], read: list[int]) -> None:
        self._pattern, self._read = pattern, read

    def _span(self, text: str, pos: int = 0, endpos: int | None = None) -> None:
        self._read.append((len(text) if endpos is None else min(endpos, len(text))) - pos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._span(text, pos, endpos)
        return self._pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._span(text, pos, endpos)
        return self._pattern.match(text, pos, endpos)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


def _read_by(monkeypatch: pytest.MonkeyPatch, owner: Any, *names: str) -> list[int]:
    read: list[int] = []
    for name in names:
        monkeypatch.setattr(owner, name, _Reads(getattr(owner, name), read))
    return read


_SYLLABLES = ["ka", "lo", "mi", "ten", "ber", "sa", "ro", "vin", "del", "mar", "tu", "pe"]


def _word(index: int, length: int = 3) -> str:
    """A made-up word for each number: no list names it."""
    return "".join(
        _SYLLABLES[index // len(_SYLLABLES) ** k % len(_SYLLABLES)] for k in range(length)
    )


def test_one_paragraph_of_unattributed_quotations_is_read_near_each_of_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    subjects = _counted(monkeypatch, cue_reading, "sentence_subject")
    read = _read_by(monkeypatch, cue_reading, "_PUT_IT", "_WORDS_OF")
    quotations = 300
    paragraph = "".join(
        f"The {_word(i)} was wet today. “We are {_word(i + 1)} for the {_word(i + 2)}.” "
        for i in range(quotations)
    )
    findings = find_quotes("Headline here\n\n" + paragraph + "\n")
    assert len(findings) == quotations
    # every earlier sentence of the paragraph for each quotation: 45,000 and 3.5 million
    assert len(subjects) <= 100 * quotations
    assert sum(read) <= 3 * 2_000 * quotations


def test_back_to_back_quotations_are_compared_with_the_latest_for_repeats(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    quotations = 1_200
    text = "Headline here\n\nTom Smith said: “We will win the game today.” " + "".join(
        f"“I {_word(i)} {_word(i + 7)} {_word(i + 3)}.” " for i in range(quotations)
    )
    lines = lines_run(attribution, lambda: find_quotes(text + "\n"))
    assert lines <= 1_000 * quotations  # (each with every one before: 2,000 a quotation more)


def test_many_names_first_given_after_a_word_for_a_business_are_turned_in_one_reading() -> None:
    banks = 600
    text = "Headline here\n\n" + "".join(
        f"A bank {_word(i).capitalize()} {_word(i + 5).capitalize()} opened. " for i in range(banks)
    )
    lines = lines_run(names, lambda: names.Entities(text + "\n"))
    assert lines <= 400 * banks  # (every mention read again for each: 1,800 a bank more)


def test_a_text_with_no_full_stop_is_not_read_to_its_end_for_each_person(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = _read_by(monkeypatch, names, "_PRONOUN_SEARCH_END")
    people = 3_000
    text = "Headline here\n\n" + "".join(
        f"then {_word(i).capitalize()} {_word(i + 5).capitalize()} met " for i in range(people)
    )
    names.Entities(text)
    assert sum(read) <= 3_000 * people  # (to the end of the text for each: 110 million)


def test_many_bodies_named_once_are_not_each_compared_with_every_one_before() -> None:
    bodies = 600
    text = "Headline here\n\n" + "".join(
        f"The {_word(i).capitalize()} {_word(i + 5).capitalize()} Agency won. "
        for i in range(bodies)
    )
    lines = lines_run(name_registry, lambda: names.Entities(text + "\n"))
    assert lines <= 400 * bodies  # (every entity before for each: 1,500 a body more)


def test_names_made_of_a_few_shared_words_are_matched_among_the_latest_holders() -> None:
    vocabulary = [_word(i, 2).capitalize() for i in range(16)]
    people = 3_000
    named = random.Random(1).sample(list(itertools.permutations(vocabulary, 4)), people)
    text = "Headline here\n\n" + "".join(f"{' '.join(name)} met us. " for name in named)
    lines = lines_run(name_registry, lambda: names.Entities(text + "\n"))
    assert lines <= 1_000 * people  # (every holder of the rarest word: 1,650 a name at 3,000)

"""The quote finder's work grows in step with the article, however it is made: hostile or
unusual articles (an interview of a thousand "he said" paragraphs, a roster of a thousand
names, one paragraph of a thousand speakers) are read in linear time. Counted in calls, not
timed: the bench times the finder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from reader.quotes import attribution, find_quotes, name_registry, names, ranking


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

"""Choosing a quotation's speaker among the people and organisations around it.

The rules of `reader.quotes.attribution` find the words that name a speaker and resolve
them; that choice is one candidate here among every person and organisation named near the
quotation (this paragraph and the one before, the sentence after), the article's recent
speakers and its main figure. Each candidate is described by a few numbers (`FEATURES`:
distance, side, whether a speech verb is beside the mention, whether it opens its sentence,
salience, earlier quotations, the rule's choice and its kind of cue, gender agreement with
"he"/"she", a mention inside the quotation ...) and scored by a log-linear model whose
weights, with the calibration that turns a score into a confidence, are the small file
`data/ranker.json`, written by `python -m bench.train_ranker`. No weights file: the rule's
choice stands.

This module owns the features, the candidates and the model; it reads the article only
through `Entities` and the finder's spans, and never changes them.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from itertools import chain

import numpy as np

from reader.core.text import Quotation, Span
from reader.quotes.cues import is_speech_verb
from reader.quotes.lexicon import words
from reader.quotes.mentions import Entity, Mention
from reader.quotes.name_words import PRONOUNS
from reader.quotes.names import Entities

FEATURES: tuple[str, ...] = (
    "person",
    "org",
    "place",  # "China said": a country speaking for its government
    "unnamed",  # the rule's own words for a speaker it could not resolve ("one poster")
    "rule",
    "rule_confidence",
    "rule_verb_cue",
    "rule_pronoun",
    "rule_nominal",
    "rule_carried",
    "before_distance",
    "no_before",
    "before_same_sentence",
    "before_same_paragraph",
    "before_previous_paragraph",
    "before_verb",
    "before_subject",
    "before_object",
    "before_possessive",
    "after_distance",
    "after_same_sentence",
    "after_verb",
    "inside_quote",
    "only_inside_quotes",
    "mentions_before",
    "mentions_total",
    "main_person",
    "previous_speaker",
    "paragraph_speaker",
    "times_quoted",
    "full_name",
    "in_headline",
    "gender_agrees",
    "gender_differs",
    "description_matches",
    "after_object",
    "after_possessive",
    "pronoun_without_antecedent",  # "he said" for someone named only after the quotation
    "pronoun_previous_speaker",
    "it_organisation",  # "it said", "they said" for an organisation
    "noun_kind_agrees",  # "the company said" for an organisation, "the official" a person
    "noun_kind_differs",
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}
(
    _PERSON,
    _ORG,
    _PLACE,
    _UNNAMED,
    _RULE,
    _RULE_CONFIDENCE,
    _RULE_VERB_CUE,
    _RULE_PRONOUN,
    _RULE_NOMINAL,
    _RULE_CARRIED,
    _BEFORE_DISTANCE,
    _NO_BEFORE,
    _BEFORE_SAME_SENTENCE,
    _BEFORE_SAME_PARAGRAPH,
    _BEFORE_PREVIOUS_PARAGRAPH,
    _BEFORE_VERB,
    _BEFORE_SUBJECT,
    _BEFORE_OBJECT,
    _BEFORE_POSSESSIVE,
    _AFTER_DISTANCE,
    _AFTER_SAME_SENTENCE,
    _AFTER_VERB,
    _INSIDE_QUOTE,
    _ONLY_INSIDE_QUOTES,
    _MENTIONS_BEFORE,
    _MENTIONS_TOTAL,
    _MAIN_PERSON,
    _PREVIOUS_SPEAKER,
    _PARAGRAPH_SPEAKER,
    _TIMES_QUOTED,
    _FULL_NAME,
    _IN_HEADLINE,
    _GENDER_AGREES,
    _GENDER_DIFFERS,
    _DESCRIPTION_MATCHES,
    _AFTER_OBJECT,
    _AFTER_POSSESSIVE,
    _PRONOUN_WITHOUT_ANTECEDENT,
    _PRONOUN_PREVIOUS_SPEAKER,
    _IT_ORGANISATION,
    _NOUN_KIND_AGREES,
    _NOUN_KIND_DIFFERS,
) = range(len(FEATURES))
_KIND_FEATURE = {"person": _PERSON, "org": _ORG, "place": _PLACE}
_FAR = 6.0  # the distance feature of a side with no mention
_OBJECT_LEADS = words("prepositions") | {
    "against",
    "told",
    "asked",
    "urged",
    "thanked",
    "beside",
    "alongside",
    "besides",
    "near",
}
_ORG_NOUNS = words("org_nouns")
_PERSON_NOUNS = words("person_nouns") - _ORG_NOUNS
_LOOKBACK = 3  # paragraphs: this one and the ones before it that candidates come from
_REACH = 10_000  # characters before and after a quotation that its candidates come from
_MOST_CANDIDATES = 100  # the nearest ones (real news gives at most 83)


@dataclass(frozen=True)
class Rule:
    """What the rules chose for a quotation: an entity, or only words, and how."""

    entity: Entity | None
    name: str | None
    mention: str
    cue: str
    confidence: float


@dataclass(frozen=True)
class Candidate:
    """A possible speaker of one quotation and its features."""

    entity: Entity | None
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Model:
    """A log-linear scorer of candidates and the calibration of its best probability."""

    weights: tuple[float, ...]
    calibration: tuple[tuple[float, float], ...]  # (probability, confidence), increasing

    @cached_property
    def _vector(self) -> np.ndarray:
        return np.array(self.weights)

    def probabilities(self, candidates: Sequence[Candidate]) -> list[float]:
        """Each candidate's probability of being the speaker; the rest, to 1, is "none of
        them" (a fixed score of 0), so that a lone weak candidate is not a sure one."""
        width = len(candidates[0].values) if candidates else len(self.weights)
        matrix = np.fromiter(  # (the values read once, in C: quicker than np.array of tuples)
            chain.from_iterable(c.values for c in candidates),
            float,
            count=len(candidates) * width,
        ).reshape(len(candidates), width)
        scores = (matrix @ self._vector).tolist()
        top = max(0.0, *scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps) + math.exp(-top)
        return [e / total for e in exps]

    def confidence(self, probability: float) -> float:
        """The calibrated confidence of a choice made with `probability` (interpolated)."""
        points = self.calibration
        if not points:
            return probability
        xs = [x for x, _ in points]
        index = bisect_left(xs, probability)
        if index == 0:
            return points[0][1]
        if index >= len(points):
            return points[-1][1]
        (x0, y0), (x1, y1) = points[index - 1], points[index]
        share = (probability - x0) / (x1 - x0) if x1 > x0 else 1.0
        return y0 + share * (y1 - y0)


@cache
def model() -> Model | None:
    """The ranker of `data/ranker.json`, or None when there is none."""
    resource = files(__package__).joinpath("data", "ranker.json")
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        return None  # weights for other features: retrain (python -m bench.train_ranker)
    return Model(
        tuple(float(w) for w in data["weights"]),
        tuple((float(x), float(y)) for x, y in data["calibration"]),
    )


_CREDIT_AFTER = re.compile(r"\s*/\s*[A-Z][^()\n]{0,40}\)")  # "(Ana Ruiz/CBC)"
_CREDIT_OUTLET_AFTER = re.compile(r"\s*\)")
_PUBLISHED = re.compile(r"\b(?:originally |first )?published (?:in|by)\b", re.IGNORECASE)
_REPORTS_AFTER = re.compile(r"\s+(?:reports|reporting)\b")  # "Ana Ruiz reports from …"
_QUOTE_MARKS = ('"', "“", "”")
_CREDIT_LINE = 400  # the longest byline or credit line looked at, in characters


class Candidates:
    """The candidate speakers of each quotation of one article, with their features."""

    def __init__(
        self,
        text: str,
        entities: Entities,
        paragraphs: Sequence[Span],
        sentences: Sequence[Span],
        inside_quote: Callable[[int], bool],
        headline: str,
        is_subject: Callable[[Mention], bool] | None = None,
    ) -> None:
        self.text = text
        self.entities = entities
        self.paragraphs = paragraphs
        self.sentences = sentences
        self._paragraph_starts = [p.start for p in paragraphs]
        self._sentence_starts = [s.start for s in sentences]
        self.inside_quote = inside_quote
        self.is_subject = is_subject
        self.headline = headline.casefold()
        self._mentions: dict[int, list[Mention]] = {}
        for mention in entities.mentions:
            if mention.entity.kind in {"person", "org", "place"}:
                self._mentions.setdefault(id(mention.entity), []).append(mention)
        self._starts = {key: [m.start for m in found] for key, found in self._mentions.items()}
        # People named only as the story's or a picture's author: never its speakers.
        self._credited = {
            key
            for key, found in self._mentions.items()
            if found[0].entity.kind in {"person", "org"} and all(self._credit(m) for m in found)
        }
        self._outside: dict[int, bool] = {}  # mention start -> outside every quotation
        self._quoted_only: dict[int, bool] = {}  # id(entity) -> named only inside quotations
        # The main person so far: mentions counted up to the quotation being looked at.
        self._counted = 0
        self._counts: dict[int, int] = {}
        self._main: Entity | None = None
        self._quoted: dict[int, int] = {}  # id(entity) -> quotations given so far
        self._history: list[Entity | None] = []  # each speech quotation's speaker entity
        self._paragraph_speakers: tuple[int, set[int]] = (-1, set())
        self._around_cache: dict[tuple[int, int], tuple[bool, bool, bool, bool]] = {}
        self._verb_words: dict[str, bool] = {}  # word -> a speech verb (`_speech_verb`)
        self._naming_cache: dict[int, tuple[bool, bool]] = {}
        self._static: dict[int, tuple[list[float], list[Mention], list[int]]] = {}

    # --- what the finder tells as it goes ---
    def chosen(self, quote: Quotation, entity: Entity | None) -> None:
        """Record the speaker given to a speech quotation (the next ones' history)."""
        self._history.append(entity)
        para = self._paragraph_index(quote.outer.start)
        if self._paragraph_speakers[0] != para:
            self._paragraph_speakers = (para, set())
        if entity is not None:
            self._quoted[id(entity)] = self._quoted.get(id(entity), 0) + 1
            self._paragraph_speakers[1].add(id(entity))

    # --- candidates ---
    def of(self, quote: Quotation, rule: Rule) -> list[Candidate]:
        """The candidates for `quote`, the rule's choice among them (first, if any)."""
        para_index = self._paragraph_index(quote.outer.start)
        para = self.paragraphs[para_index]
        floor = self.paragraphs[max(0, para_index - _LOOKBACK + 1)].start
        chosen: dict[int, Entity] = {}
        if rule.entity is not None and id(rule.entity) not in self._credited:
            chosen[id(rule.entity)] = rule.entity
        # (Within reach of the quotation, and the nearest few: a paragraph of a thousand
        # names would otherwise give each of its quotations a thousand candidates.)
        start = max(floor, quote.outer.start - _REACH)
        end = min(para.end, quote.outer.end + _REACH)
        away: dict[int, int] = {}  # each candidate's nearest mention's distance
        for mention in self.entities.between(start, end):
            entity = mention.entity
            if entity.kind not in {"person", "org"} or id(entity) in self._credited:
                continue
            chosen.setdefault(id(entity), entity)
            distance = max(quote.outer.start - mention.end, mention.start - quote.outer.end, 0)
            away[id(entity)] = min(away.get(id(entity), distance), distance)
        if len(chosen) > _MOST_CANDIDATES:
            nearest = set(sorted(away, key=away.__getitem__)[:_MOST_CANDIDATES])
            chosen = {
                key: entity
                for key, entity in chosen.items()
                if key in nearest or entity is rule.entity
            }
        for earlier in reversed(self._history[-3:]):
            if earlier is not None and id(earlier) not in chosen:
                chosen[id(earlier)] = earlier
        main = self._main_person(quote.outer.start)
        if main is not None and id(main) not in chosen and id(main) not in self._credited:
            chosen[id(main)] = main
        context = _Quote(self, quote, para_index, rule)
        if context.pronoun in {"m", "f"}:
            # "he said", "she said": a person, whatever else is named near (an organisation
            # was ranked for "she" by its other features).
            chosen = {
                key: entity
                for key, entity in chosen.items()
                if entity.kind == "person" or entity is rule.entity
            }
        found = [Candidate(e, e.name, context.features(e)) for e in chosen.values()]
        if rule.entity is None and rule.name:
            found.insert(0, Candidate(None, rule.name, context.features(None)))
        return found

    def credited(self, entity: Entity) -> bool:
        """Whether the entity is named only as the story's or a picture's author."""
        return id(entity) in self._credited

    # --- helpers ---
    def _credit(self, mention: Mention) -> bool:
        """Whether a mention names who wrote the story or took a picture: a byline ("By Ana
        Ruiz", "Ana Ruiz · CBC News · Posted: …"), a credit ("(Ana Ruiz/CBC)"), or the
        reporter of a video ("Ana Ruiz reports from Kamloops")."""
        text = self.text
        before = text[max(0, mention.start - 50) : mention.start].rstrip()
        if before.endswith("(") and _CREDIT_AFTER.match(text, mention.end):
            return True
        if before.endswith("/") and _CREDIT_OUTLET_AFTER.match(text, mention.end):
            return "(" in before  # "(Ana Ruiz/CBC)": the picture's outlet
        if mention.entity.kind == "person" and _REPORTS_AFTER.match(text, mention.end):
            return True
        line_start = text.rfind("\n", max(0, mention.start - _CREDIT_LINE), mention.start) + 1
        line_end = text.find("\n", mention.end, mention.end + _CREDIT_LINE)
        if line_end < 0 and len(text) - mention.end <= _CREDIT_LINE:
            line_end = len(text)  # the text's last line
        if (line_start == 0 and mention.start > _CREDIT_LINE) or line_end < 0:
            return False  # a line this long is no byline (and a 1 MB line is never split)
        body = text[line_start:line_end].strip()
        if len(body.split()) > 20 or any(mark in body for mark in _QUOTE_MARKS):
            return False
        return (
            body.startswith("By ")
            or " · " in body
            or " | " in body
            or _PUBLISHED.search(body) is not None  # "The original article was published in …"
        )

    def _paragraph_index(self, offset: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def _sentence(self, offset: int) -> Span:
        index = bisect_right(self._sentence_starts, offset) - 1
        if index < 0:
            return Span(0, 0)
        return self.sentences[index]

    def _outside_quotes(self, mention: Mention) -> bool:
        found = self._outside.get(mention.start)
        if found is None:
            found = self._outside[mention.start] = not self.inside_quote(mention.start)
        return found

    def _quoted_only_entity(self, entity: Entity) -> bool:
        found = self._quoted_only.get(id(entity))
        if found is None:
            mentions = self._mentions.get(id(entity), [])
            found = bool(mentions) and not any(self._outside_quotes(m) for m in mentions)
            self._quoted_only[id(entity)] = found
        return found

    def _around(self, mention: Mention) -> tuple[bool, bool, bool, bool]:
        """What stands around a mention, worked out once however many quotations it is near:
        a speech verb beside it ("King said", "King, 54, said", "said King"), whether it opens
        its clause, follows a preposition or listener verb ("told King"), is possessive."""
        key = (mention.start, mention.end)
        found = self._around_cache.get(key)
        if found is None:
            text = self.text
            after = text[mention.end : mention.end + 40].split()[:4]
            before = text[max(0, mention.start - 20) : mention.start].split()[-2:]
            verb = any(map(self._speech_verb, after)) or any(map(self._speech_verb, before))
            if self.is_subject is not None:
                opens = self.is_subject(mention)  # the rules' reading: titles, roles before it
            else:
                lead = text[max(0, mention.start - 4) : mention.start]
                lead = lead.removesuffix("The ").removesuffix("the ")
                opens = (
                    mention.start == 0
                    or not lead.strip()
                    or lead.rstrip()[-1:] in {".", "!", "?", ","}
                )
            words = text[max(0, mention.start - 16) : mention.start].split()
            if words and words[-1] in {"the", "The"}:
                words.pop()  # "told the Times of Israel", "beside the Guardian"
            object_ = bool(words) and words[-1].casefold() in _OBJECT_LEADS
            possessive = mention.text.endswith(("'s", "’s"))
            # "the captain, who played beside Jones, said": the verb is not the object's.
            verb = verb and not object_ and not possessive
            found = self._around_cache[key] = (verb, opens, object_, possessive)
        return found

    def _speech_verb(self, word: str) -> bool:
        """Whether a word as split from the text, its marks stripped, is a speech verb after
        "he" (what `_around` asks of the words beside each mention: each distinct word is
        looked at once; the answer depends on the word alone)."""
        found = self._verb_words.get(word)
        if found is None:
            found = self._verb_words[word] = is_speech_verb(word.strip(",.:;"), "he")
        return found

    def _naming(self, entity: Entity) -> tuple[bool, bool]:
        """Whether an entity is a person with a full name, and is named in the headline
        (worked out once per entity: the registry is complete before the quotations)."""
        found = self._naming_cache.get(id(entity))
        if found is None:
            surname = entity.surname or entity.name.casefold()
            found = self._naming_cache[id(entity)] = (
                entity.kind == "person" and len(entity.name.split()) >= 2,
                bool(surname) and surname in self.headline,
            )
        return found

    def _entity_features(self, entity: Entity) -> tuple[list[float], list[Mention], list[int]]:
        """An entity's features that no quotation changes (its kind, whether it is named only
        inside quotations, its mentions in all, a full name, in the headline), its mentions
        and their starts: worked out once per entity, not once per quotation it is near."""
        key = id(entity)
        found = self._static.get(key)
        if found is None:
            mentions = self._mentions.get(key, [])
            values = [0.0] * len(FEATURES)
            values[_KIND_FEATURE.get(entity.kind, _ORG)] = 1.0
            values[_ONLY_INSIDE_QUOTES] = float(self._quoted_only_entity(entity))
            values[_MENTIONS_TOTAL] = math.log1p(len(mentions))
            full_name, in_headline = self._naming(entity)
            values[_FULL_NAME] = float(full_name)
            values[_IN_HEADLINE] = float(in_headline)
            found = self._static[key] = (values, mentions, self._starts.get(key, []))
        return found

    def _main_person(self, offset: int) -> Entity | None:
        """The person mentioned most before `offset`, on a tie the one the headline names
        (an interview names its subject as often as whom it asks about); quotations come in
        text order, so the counts only move forward, and an earlier offset restarts them."""
        mentions = self.entities.mentions
        if self._counted and mentions[self._counted - 1].start >= offset:
            self._counted, self._counts, self._main = 0, {}, None
        while self._counted < len(mentions) and mentions[self._counted].start < offset:
            entity = mentions[self._counted].entity
            self._counted += 1
            if entity.kind != "person":
                continue
            count = self._counts[id(entity)] = self._counts.get(id(entity), 0) + 1
            if (
                self._main is None
                or count > self._counts[id(self._main)]
                or (
                    count == self._counts[id(self._main)]
                    and self._naming(entity)[1]
                    and not self._naming(self._main)[1]
                )
            ):
                self._main = entity
        return self._main


class _Quote:
    """One quotation seen from its candidates: the features of each."""

    def __init__(self, owner: Candidates, quote: Quotation, para_index: int, rule: Rule) -> None:
        self.owner = owner
        self.quote = quote
        self.rule = rule
        self.para = owner.paragraphs[para_index]
        self.previous_para = owner.paragraphs[para_index - 1] if para_index else Span(0, 0)
        self.first_sentence = owner._sentence(quote.outer.start)
        self.last_sentence = owner._sentence(max(quote.outer.start, quote.outer.end - 1))
        mention = rule.mention.casefold()
        self.pronoun = PRONOUNS.get(mention, "")
        self.nominal = bool(mention) and not self.pronoun and not rule.mention[:1].isupper()
        head = mention.split()[-1] if mention.split() else ""
        self.head = head if self.nominal else ""
        self.head_kind = (
            "org" if self.head in _ORG_NOUNS else "person" if self.head in _PERSON_NOUNS else ""
        )
        history = owner._history
        self.previous = history[-1] if history else None
        self.main = owner._main_person(quote.outer.start)
        speakers = owner._paragraph_speakers
        self.paragraph_speakers = speakers[1] if speakers[0] == para_index else None

    def features(self, entity: Entity | None) -> tuple[float, ...]:
        owner, quote, rule = self.owner, self.quote, self.rule
        if entity is None:
            values = [0.0] * len(FEATURES)
            mentions: list[Mention] = []
            starts: list[int] = []
        else:
            static, mentions, starts = owner._entity_features(entity)
            values = static.copy()
        if entity is rule.entity if entity is not None else bool(rule.name):
            values[_RULE] = 1.0
            values[_RULE_CONFIDENCE] = max(0.0, rule.confidence)
            values[_RULE_VERB_CUE] = float(rule.cue not in {"", ":"})
            values[_RULE_PRONOUN] = float(bool(self.pronoun))
            values[_RULE_NOMINAL] = float(self.nominal)
            values[_RULE_CARRIED] = float(rule.cue == "")
        if entity is None:
            values[_UNNAMED] = values[_NO_BEFORE] = 1.0
            values[_BEFORE_DISTANCE] = values[_AFTER_DISTANCE] = _FAR
            return tuple(values)
        key = id(entity)
        start, end = quote.outer.start, quote.outer.end
        if bisect_left(starts, quote.inner.end) > bisect_left(starts, quote.inner.start):
            values[_INSIDE_QUOTE] = 1.0
        before = self._nearest_before(mentions, starts, start)
        after = self._nearest_after(mentions, starts, end)
        if before is not None:
            values[_BEFORE_DISTANCE] = math.log1p(max(0, start - before.end) / 20)
            values[_BEFORE_SAME_SENTENCE] = float(before.start >= self.first_sentence.start)
            values[_BEFORE_SAME_PARAGRAPH] = float(before.start >= self.para.start)
            values[_BEFORE_PREVIOUS_PARAGRAPH] = float(
                self.previous_para.start <= before.start < self.para.start
            )
            verb, subject, object_, possessive = owner._around(before)
            values[_BEFORE_VERB] = float(verb)
            values[_BEFORE_SUBJECT] = float(subject)
            values[_BEFORE_OBJECT] = float(object_)
            values[_BEFORE_POSSESSIVE] = float(possessive)
        else:
            values[_BEFORE_DISTANCE] = _FAR
            values[_NO_BEFORE] = 1.0
        if after is not None:
            verb, _, object_, possessive = owner._around(after)
            values[_AFTER_DISTANCE] = math.log1p(max(0, after.start - end) / 20)
            values[_AFTER_SAME_SENTENCE] = float(after.start < self.last_sentence.end)
            values[_AFTER_VERB] = float(verb or self._verb_between(end, after.start))
            values[_AFTER_OBJECT] = float(object_)
            values[_AFTER_POSSESSIVE] = float(possessive)
        else:
            values[_AFTER_DISTANCE] = _FAR
        values[_MENTIONS_BEFORE] = math.log1p(bisect_left(starts, start))
        values[_MAIN_PERSON] = float(entity is self.main)
        values[_PREVIOUS_SPEAKER] = float(entity is self.previous)
        values[_PARAGRAPH_SPEAKER] = float(
            self.paragraph_speakers is not None and key in self.paragraph_speakers
        )
        quoted = owner._quoted.get(key, 0)
        if quoted:
            values[_TIMES_QUOTED] = math.log1p(quoted)
        if self.pronoun in {"m", "f"} and entity.kind == "person" and entity.gender:
            values[_GENDER_AGREES] = float(entity.gender == self.pronoun)
            values[_GENDER_DIFFERS] = float(entity.gender != self.pronoun)
        if self.head and entity.description:
            values[_DESCRIPTION_MATCHES] = float(self.head in entity.description.casefold().split())
        if self.pronoun:
            values[_PRONOUN_WITHOUT_ANTECEDENT] = float(before is None)
            values[_PRONOUN_PREVIOUS_SPEAKER] = float(entity is self.previous)
            values[_IT_ORGANISATION] = float(
                self.pronoun in {"org", "plural"} and entity.kind == "org"
            )
        if self.head_kind:
            values[_NOUN_KIND_AGREES] = float(entity.kind == self.head_kind)
            values[_NOUN_KIND_DIFFERS] = float(entity.kind != self.head_kind)
        return tuple(values)

    def _nearest_before(
        self, mentions: list[Mention], starts: list[int], offset: int
    ) -> Mention | None:
        """The nearest mention ending before `offset`, outside quotations (of the last 4)."""
        index = bisect_left(starts, offset) - 1
        tried = 0
        while index >= 0 and tried < 4:
            mention = mentions[index]
            if mention.end <= offset and self.owner._outside_quotes(mention):
                return mention
            index -= 1
            tried += 1
        return None

    def _nearest_after(
        self, mentions: list[Mention], starts: list[int], offset: int
    ) -> Mention | None:
        """The first mention after `offset` in the quotation's paragraph, outside quotations."""
        index = bisect_left(starts, offset)
        while index < len(mentions) and mentions[index].start < self.para.end:
            if self.owner._outside_quotes(mentions[index]):
                return mentions[index]
            index += 1
        return None

    def _verb_between(self, start: int, end: int) -> bool:
        words = self.owner.text[start:end].split(maxsplit=5)  # (six or more: no verb between)
        return len(words) <= 5 and any(map(self.owner._speech_verb, words))

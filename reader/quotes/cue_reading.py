"""Reading the words around a quotation for the cue that names its speaker.

`_CueReading` reads after the closing mark (`_after`: "“…,” King said.", "said KCNA",
"according to the agency", a signature) and before the opening mark (`_before`: "Najib Razak
said, “…”", "In Dr. Shadlen's words,"), a document's words ("the report read"), a page's
owner and a speech noun's ("made the claim that"), and hands the phrase it finds to
`_resolve`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import takewhile

from reader.core.text import Span
from reader.quotes.article_context import _FUNCTION_WORDS, _WORD, _WORD_NEXT, _Attribution
from reader.quotes.cues import (
    INVERTIBLE,
    WEAK_VERBS,
    cue_tail,
    is_speech_verb,
)
from reader.quotes.descriptions import (
    _AGE,
    _DOCUMENT_NOUNS,
    _DOCUMENTS,
    _PARENTHETICAL_SPEECH,
    UNNAMED,
    _any_speech_verb,
    _news_agency,
)
from reader.quotes.lexicon import words
from reader.quotes.mentions import Token
from reader.quotes.name_words import NOT_NAMES, PRONOUNS
from reader.quotes.phrases import (
    AUXILIARIES,
    COMMON_VERBS,
    DETERMINERS,
    PREPOSITIONS,
    Phrase,
    ends_sentence,
    name_before,
    position_of,
    sentence_subject,
    subject_after,
    subject_before,
)
from reader.quotes.pronouns import _QUESTIONING
from reader.quotes.ranking import Candidate, Rule
from reader.quotes.resolution import _issued_from, _Resolution, _someone_unnamed_of

_AFTER_ONLY = words("after_only_verbs")
_SPEECH_NOUNS = words("speech_nouns")
# Verbs whose subject owns the speech noun after them ("made the claim", "issued a warning").
_MAKING_VERBS = frozenset(
    {"made", "makes", "make", "making", "repeated", "repeats", "issued", "issues", "voiced"}
)
# Plural reports whose words follow "that" ("about reports that the virus is “losing
# potency”"): no one's, when no owner is named before them.
_UNOWNED_REPORTS = frozenset({"reports", "rumors", "rumours", "claims", "allegations"})
_OWNERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# A signature: a dash and a name, alone or with a few words of who they are ("— Matthew
# Ingram", "—Maria Lopez, student", "- Jefferson T."), after a quotation or as the paragraph
# after it (a testimonial, an epigraph).
_DASH_NAME = re.compile(
    r"^\s*[-–—―]+\s*(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,5})"
    r"(?:\s*,\s*[\w’'.-]+(?:\s+[\w’'.-]+){0,5})?"
    # (and what the words were about: "— Chrystia Freeland on becoming the first female …",
    # "— Luda Pal, who lives in Freeland's riding, on the new finance minister")
    r"(?:,?\s+(?:on|about|after|when|while|during)\s+[^\n]{1,160})?\s*[.,]?\s*$"
)
# Right after a quotation the subject may follow its verb ("said King"); "asked" too there,
# though elsewhere its listener comes first ("asked him"): "…?” asked Dunn.
_INVERTED_AFTER_QUOTE = INVERTIBLE | {"asked", "asks"}
# Speech verbs that may open a sentence before their subject: "Said Comey, “…”".
_OPENING_VERBS = frozenset({"Said", "Says", "Added", "Adds", "Wrote", "Writes"})
_READ_VERBS = frozenset({"reads", "read", "reading"})
_NOT_OWNED = frozenset({"sign", "banner", "caption", "page", "notice"})  # signs and the like
_OF_OWNER = frozenset({"in", "from", "by", "of"})
# The words that make "quoted" passive ("was quoted as saying"): its subject is the speaker.
_QUOTED_PASSIVE = frozenset({"was", "were", "is", "are", "be", "been", "being"})
_PUT_IT = re.compile(
    r"\b[Aa]s\s+(?P<who>(?:[^,.;:“”\"]|\b[A-Z][a-z]{0,3}\.|,\s*[RDI]-[A-Za-z.]{1,8},){1,60}?)"
    r"\s+(?:put|puts|has\s+put)\s+it[\s,:]*$"
)  # "As he put it, “…”", "As Sen. Rand Paul, R-Ky., put it,": the words are theirs
_WORDS_OF = re.compile(
    r"(?i:\bin|\bto\s+use)\b[^“”\"]{0,60}?(?P<owner>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
    r"[’']s?\s+(?:own\s+)?(?:words|phrase|terms)[\s,)]*$"
)
# A saying credited to its author right before it: "an observation by famous sociologist
# Yogi Berra: “…”", "the advice of Warren Buffett: “…”".
_SAYING_BY = re.compile(
    r"\b(?:observation|remark|quip|saying|maxim|adage|dictum|advice|line|words|joke|motto)"
    r"\s+(?:by|of|from)\s+(?:(?:[a-z][\w-]*|[A-Z][\w.’'-]*['’]s?)\s+){0,3}?"
    r"(?P<owner>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*[:,]\s*$"
)
_PASSIVE_LEAD = re.compile(
    r"\b(?:been|was|were|is|are)\s+(?:described|called|dubbed|labell?ed|branded)\s+(?:as\s+)?$"
)
# Words of a clause, never of a noun phrase that names who spoke.
_CLAUSE_WORDS = AUXILIARIES | {"what", "how", "why", "where", "when", "not", "i", "you", "we"}
# "“We'll see,” I tell her": the writer's own words, no one the article names (and not the
# speaker of the sentence before).
_NARRATOR = _Attribution(None, None, "I", "", 0.0, authorless=True)


def _speaker_before(toks: Sequence[Token], end: int) -> bool:
    """Whether a name or a pronoun and a speech verb come before `toks[end]`: "Courchesne
    told the court, according to a transcript", "he said, according to a transcript of the
    call" (the transcript only records the words); or a speech verb and the name after it
    ("“…,” lamented Senator Johnny Isakson, according to people familiar with the remarks")."""
    if end > 1 and is_speech_verb(toks[0].text, ","):
        inverted = subject_after(toks, 1)
        if inverted is not None and inverted.kind == "name":
            return True
    for index in range(1, min(end, 6)):
        previous = toks[index - 1].text
        if is_speech_verb(toks[index].text, previous):
            phrase = subject_before(toks, index)
            return phrase is not None and phrase.kind in {"name", "pronoun"}
    return False


_QUOTING = re.compile(r",?\s+quoting\s+(?:[a-z][\w-]*\s+){0,3}")  # ", quoting board chair "
_QUOTED_VERBS = frozenset({"quoted", "quotes", "cited", "cites"})


def _voice_of_a_body(tokens: Sequence[Token]) -> bool:
    """ "a statement from Alberta Health Services", "an Alberta Health Services statement",
    "the news release by the RCMP": a determiner, then a body's statement or document with
    the body's name before it or after "from" or "by"."""
    if len(tokens) < 3 or tokens[0].folded not in {"a", "an", "the"}:
        return False
    if tokens[-1].folded in _DOCUMENT_NOUNS and tokens[-1].text.islower():
        # the body's name, then the noun
        return all(t.text.isalpha() and not t.text.islower() for t in tokens[1:-1])
    issued = _issued_from(tokens)
    return (
        issued is not None
        and issued <= 4
        and tokens[issued - 1].text.islower()
        and all(t.folded in _NAME_JOINERS or t.text[:1].isupper() for t in tokens[issued + 1 :])
    )


_NAME_JOINERS = frozenset({"the", "of", "and", "for", "&"})


# The most text read around a quotation for its attribution: a bound on the work per quote in
# text without sentence ends (a 10 MB line).
_WINDOW = 2000


def _attribution_only(toks: Sequence[Token]) -> bool:
    """Whether the words before a speech verb only name its subject ("her mother, Fiona,")."""
    return len(toks) <= 8 and not any(
        t.folded in COMMON_VERBS
        or t.folded in {"that", "which", "who", "when", "while", "because", "if", "and", "but"}
        or t.text in {".", "?", "!", ";", ":"}
        for t in toks
    )


_PHRASAL_SPEECH_VERBS = words("phrasal_speech_verbs")  # "chimed in Ovechkin"
_PARTICLE = re.compile(r"\s+([A-Za-z]+)\b")
_OWNED_DOCUMENTS = _DOCUMENTS - _NOT_OWNED  # documents that speak for an owner


def _document_owner(toks: Sequence[Token], verb: int) -> Phrase | None:
    """Who speaks through a document that "reads" or "says": "The Home Office letter",
    "The tweet from Vulture magazine", "Microsoft's website"."""
    opening = next(
        (
            i + 1
            for i in range(verb - 1, -1, -1)
            if toks[i].text in {".", "?", "!", "“", "”", '"', ";"}
        ),
        0,
    )
    clause = list(toks[opening:verb])
    for position, token in enumerate(clause):
        if token.folded not in _DOCUMENTS:
            continue
        if _after_preposition(clause, position):
            continue  # "In a Truth Social post after …, the US President said": not its subject
        if (
            clause[0].folded.endswith("ing")
            and clause[0].text[:1].isupper()
            and any(t.text == "," for t in clause[position + 1 :])
        ):
            continue  # "Writing his Christmas message in the Echo, the Bishop said": his
        if position + 2 < len(clause) and clause[position + 1].folded == "from":
            named = subject_after(clause, position + 2)
            if named is not None and named.kind == "name":
                return named
        named = name_before(clause, position)
        if named is not None:
            return Phrase(named.tokens, "name")
        return None
    return None


def _after_preposition(clause: Sequence[Token], position: int) -> bool:
    """Whether the noun at `position` is in a preposition's phrase ("in a Truth Social
    post", "on its website"): the words before it, back to a comma or the clause's start,
    hold a preposition within five words."""
    for index in range(position - 1, max(-1, position - 6), -1):
        word = clause[index]
        if word.text == ",":
            return False
        if word.folded in PREPOSITIONS:
            return True
    return False


def _ending_inversion(toks: Sequence[Token], index: int) -> Phrase | None:
    """ "…, but the world should expect leadership of a different flavour, says Yao.": the
    name after an invertible verb that follows a comma and ends the sentence (not the
    clause's own subject, "COP30")."""
    if index < 1 or toks[index - 1].text != "," or toks[index].folded not in INVERTIBLE:
        return None
    named = _inverted_subject(toks, index + 1)
    if named is None or named.kind != "name":
        return None
    after = index + 1 + len(named.tokens)  # (the sentence must end there, before the quotation)
    return named if after < len(toks) and ends_sentence(toks, after) else None


def _named_after_description(toks: Sequence[Token], index: int) -> Phrase | None:
    """The name that ends the sentence after a description and a comma, from `index` (the
    description's first word): "another witness in the impeachment probe, former White
    House Russia adviser Fiona Hill." (None if another clause or no name stands there)."""
    end = next(
        (i for i in range(index, min(len(toks), index + 24)) if ends_sentence(toks, i)),
        len(toks) if len(toks) <= index + 24 else None,  # (the tokens read end at the clause's)
    )
    if end is None:
        return None
    commas = [i for i in range(index, end) if toks[i].text == ","]
    if len(commas) != 1 or any(is_speech_verb(t.text, "he") for t in toks[index:end]):
        return None
    named = subject_after(toks[commas[0] + 1 : end], 0)
    if named is None or named.kind != "name" or named.tokens[-1] is not toks[end - 1]:
        return None
    return named


def _quoted_as_saying(toks: Sequence[Token], index: int) -> Phrase | None:
    """The name after "reported" or "quoted" at `index` when "saying" or "as saying"
    follows it ("The Oregonian reported Courtney saying", "quoted Brian Boquist as
    saying"): the one whose words were carried."""
    if toks[index].folded not in {"reported", "quoted", "quotes", "reports"}:
        return None
    named = subject_after(toks, index + 1)
    if named is None or named.kind != "name":
        return None
    after = position_of(toks, named.tokens[-1])
    if after is None:
        return None
    rest = [t.folded for t in toks[after + 1 : after + 3]]
    return named if rest[:1] == ["saying"] or rest[:2] == ["as", "saying"] else None


def _unowned_reports(toks: Sequence[Token], index: int) -> bool:
    """Whether `toks[index]` is reports no one owns, before "that" ("about reports that the
    virus is “losing potency”"; not "his claims that"): their words are no one's."""
    return (
        toks[index].folded in _UNOWNED_REPORTS
        and index + 1 < len(toks)
        and toks[index + 1].folded == "that"
        and not (index and (toks[index - 1].possessive or toks[index - 1].folded in _OWNERS))
    )


def _new_clause_after(toks: Sequence[Token], index: int) -> bool:
    """Whether a comma after `toks[index]` opens a clause of its own ("after he was
    questioned, it was “…”"): the verb is not the quotation's."""
    return any(
        toks[j].text == "," and toks[j + 1].folded in _CLAUSE_PRONOUNS
        for j in range(index + 1, len(toks) - 1)
    )


_CLAUSE_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "this", "there"})


def _inverted_subject(toks: Sequence[Token], index: int) -> Phrase | None:
    """The subject after an inverted verb ("said King"); never an object ("told him")."""
    phrase = subject_after(toks, index)
    if (
        phrase is not None
        and phrase.kind == "pronoun"
        and phrase.head.folded in {"him", "her", "them", "us", "me"}
    ):
        return None
    return phrase


def _passive(toks: Sequence[Token], index: int) -> bool:
    """ "has been told to", "was asked", "a man accused of using a drone": the subject is
    not the one speaking."""
    if (
        toks[index].folded in _CHARGED
        and index + 1 < len(toks)
        and toks[index + 1].folded in {"of", "in", "with"}
    ):
        return True
    return (
        index > 0
        and toks[index - 1].folded in {"been", "being", "be", "was", "were", "is", "are"}
        and toks[index].folded not in {"said", "says"}
    )


_CHARGED = frozenset({"accused", "charged", "criticized", "criticised", "praised", "blamed"})


def _weaker(attribution: _Attribution, factor: float) -> _Attribution:
    """The attribution less sure, still excluding whom its words excluded ("Mr Blair has
    “…”, he said": not Blair)."""
    return _Attribution(
        attribution.entity,
        attribution.name,
        attribution.mention,
        attribution.cue,
        attribution.confidence * factor,
        others=attribution.others,
    )


_CLAUSE_ENDS = frozenset({".", "!", "?", ";", "“", "”", '"'})


_STATEMENT_NOUNS_CUE = words("statement_cue_nouns")
_STATEMENT_VERBS = words("statement_verbs")


def _weak_verb_to(toks: Sequence[Token], index: int) -> bool:
    """A weak speech verb before "to" ("the government continues to work with …", "agreed
    to pay", "pointed to the table"): no speech, unless it is a post ("posted to Facebook")."""
    token = toks[index]
    return (
        token.folded in WEAK_VERBS
        and not token.folded.startswith("post")
        and index + 1 < len(toks)
        and toks[index + 1].folded == "to"
    )


def _statement_verb(toks: Sequence[Token], index: int) -> int | None:
    """For "issued a statement", the index of "issued"; else None."""
    if toks[index].folded not in _STATEMENT_NOUNS_CUE:
        return None
    position = index - 1
    while position >= 0 and index - position <= 3:
        if toks[position].folded in _STATEMENT_VERBS:
            return position
        position -= 1
    return None


def _introduced(lead: str) -> bool:
    """Whether the words before a quotation's opening mark end on a speech verb, its cue
    ("Loren Cordain … says “", "she said: “")."""
    words = _WORD.findall(lead[-60:])
    return (
        bool(words)
        and lead.rstrip()[-1:] not in {".", "?", "!"}
        and is_speech_verb(words[-1], words[-2] if len(words) > 1 else "")
    )


# What carries someone's words after "according to" ("according to a Reuters report"): the
# words' speaker is who the quotation's own sentence says spoke them, if it says so.
# What reports someone's words after "according to": "according to the Interfax news agency".
_MEDIA_NOUNS = words("medium_nouns") | {"agency", "outlet", "broadcaster", "network"}
_CARRIERS = frozenset(
    {"report", "reports", "transcript", "transcripts", "account", "recording", "translation"}
)


def _possessor_before(toks: Sequence[Token], end: int) -> Phrase | None:
    """The name whose possessive ends at `end - 1`, without its "'s" ("Rodney Stafford’s"
    -> Rodney Stafford), or None when the words there are no name."""
    named = name_before(toks, end)
    if named is None or named.kind != "name":
        return None
    *rest, last = named.tokens
    return Phrase((*rest, Token(last.word, last.start)), "name")


class _CueReading(_Resolution):
    """The finder's layer that reads the cue before and after a quotation."""

    def _claim_made(self, toks: Sequence[Token], index: int) -> _Attribution | None:
        """Who made the claim, the warning, the promise at `toks[index]` ("Pichai had made
        the claim that …", "issued a warning that …"): the named subject of the verb before
        it, resolved; None when the noun is not so introduced."""
        if not (
            index >= 2
            and toks[index - 1].folded in {"the", "a", "an"}
            and toks[index - 2].folded in _MAKING_VERBS
        ):
            return None
        maker = subject_before(toks, index - 2)
        if maker is None or maker.kind not in {"name", "pronoun"}:
            return None
        made = self._resolve(maker, toks[index].text, 0.6, toks[index - 2].start)
        return made if made is not None and made.entity is not None else None

    def _after(
        self, start: int, limit: int, sentence_ended: str = "", lead: str = ""
    ) -> _Attribution | None:
        """The attribution after a closing mark (see the module docstring)."""
        window = self.text[start : min(limit, start + _WINDOW)]
        if re.match(r"^\s*[.?!]", window):
            return None  # a new sentence starts after the quotation
        dash = _DASH_NAME.match(window)
        if dash:
            toks = self.entities.tokens_in(start + dash.start("name"), start + dash.end("name"))
            return self._resolve(Phrase(tuple(toks), "name"), "—", 0.8, toks[0].start)
        lead_space = re.match(r"^[\s,;—–-]*", window)
        offset = start + (lead_space.end() if lead_space else 0)
        toks, clause_end = self.entities.tokens_until(
            offset, min(limit, offset + _WINDOW), _CLAUSE_ENDS
        )
        if clause_end is not None:
            before_quote = clause_end.text in {"“", "”", '"'}
        else:
            before_quote = self.text[limit : limit + 1] in {"“", "”", '"', "‘", "'"}
        if not toks:
            return None
        if toks[0].folded == "by" and _PASSIVE_LEAD.search(lead):
            phrase = subject_after(toks, 1)  # described as “heartbreaking” by the department
            return self._resolve(phrase, "by", 0.85, toks[0].start) if phrase else None
        for index, token in enumerate(toks):
            if (
                token.folded == "according"
                and index + 1 < len(toks)
                and toks[index + 1].folded == "to"
                and not sentence_ended  # ("“….” Warez groups operate according to a code")
            ):
                phrase = subject_after(toks, index + 2)
                if _speaker_before(toks, index):
                    # "Courchesne told the court, according to a transcript", "he said,
                    # according to the Intelligencer", "lamented Senator Johnny Isakson,
                    # according to people familiar with the remarks": his words, as reported
                    break
                return self._according_to(toks, index, phrase, 0.9)
        if (
            len(toks) > 2
            and f"{toks[0].folded} {toks[1].folded}" in _PHRASAL_SPEECH_VERBS
            and toks[2].text[:1].isupper()
            and (phrase := _inverted_subject(toks, 2)) is not None
        ):  # "“Maybe razor,” chimed in Ovechkin"
            return self._resolve(phrase, self._cue(toks[0]), 0.95, toks[0].start)
        for index, token in enumerate(toks[:30]):
            previous = toks[index - 1].text if index else ","
            verb = (
                is_speech_verb(token.text, previous)
                or (token.folded in _AFTER_ONLY and index <= 4)
                # "“…,” the NDP critic shot back": a verb and its particle after the subject
                or (
                    index + 1 < len(toks)
                    and f"{token.folded} {toks[index + 1].folded}" in _PHRASAL_SPEECH_VERBS
                )
            )
            if not verb or _passive(toks, index):
                continue
            carried = _quoted_as_saying(toks, index)
            if carried is not None:
                # "“…,” The Oregonian reported Courtney saying": Courtney's words, which the
                # paper carried
                return self._resolve(carried, token.text, 0.9, token.start)
            if index == 0:
                if token.folded not in _INVERTED_AFTER_QUOTE:
                    return None
                phrase = _inverted_subject(toks, 1)  # "said King"; "…?” asked Dunn": Dunn asks
                if phrase is not None and phrase.kind == "nominal":
                    # "said the chairman of the Commons education select committee, Labour
                    # MP Barry Sheerman.": the chairman, named at the sentence's end
                    phrase = _named_after_description(toks, 1) or phrase
            elif (
                toks[index - 1].text == ","
                and token.folded in _INVERTED_AFTER_QUOTE
                and (inverted := _inverted_subject(toks, index + 1)) is not None
                and inverted.kind == "name"
            ):
                phrase = inverted  # "“the end” for the EU, said Geert Wilders": Wilders says
            elif (
                toks[index - 1].text == ","
                and token.folded in _INVERTED_AFTER_QUOTE
                and (inverted := _inverted_subject(toks, index + 1)) is not None
                and inverted.kind == "nominal"
                and (named := _named_after_description(toks, index + 1)) is not None
            ):
                # "…, said another witness in the impeachment probe, former White House
                # Russia adviser Fiona Hill.": the witness, named at the sentence's end
                phrase = named
            elif index == 1 and toks[0].folded in {"i", "we"}:
                phrase = Phrase((toks[0],), "pronoun")  # "“We'll see,” I tell her": the writer
            elif index >= 3 and token.folded.endswith("ing") and toks[index - 1].text == ",":
                # "… could “look their best” to represent the UK, adding that …": the
                # participle's subject opened the sentence, before the quotation
                return None
            else:
                phrase = subject_before(toks, index)
                if (
                    phrase is None
                    and index <= 4
                    and all(
                        t.text[:1].isalpha()
                        and t.folded not in _FUNCTION_WORDS
                        and t.folded not in _CLAUSE_WORDS  # ("“…,” is what I say")
                        for t in toks[:index]
                    )
                ):
                    phrase = Phrase(
                        tuple(toks[:index]), "nominal"
                    )  # “…,” one Twitter response began
                elif (
                    phrase is None
                    and index <= 10
                    and _someone_unnamed_of(Phrase(tuple(toks[:index]), "nominal"))
                ):
                    phrase = Phrase(tuple(toks[:index]), "nominal")  # "a scout for the team"
                elif phrase is None and index <= 10 and _voice_of_a_body(toks[:index]):
                    # "a statement from Alberta Health Services said", "an Alberta Health
                    # Services statement said"
                    phrase = Phrase(tuple(toks[:index]), "nominal")
            if phrase is None:
                return None
            adjacent = (
                index == 0
                or phrase.tokens[0].start == toks[0].start
                or _attribution_only(toks[:index])
                or (phrase.tokens[0].start > token.start and index <= 8)
            )
            if sentence_ended == "." and (
                not (adjacent and index <= 5 and len(toks) - index <= 4 and not before_quote)
                or _introduced(lead)
            ):
                # “…now.” The poster wrote that …: another sentence; 'Cordain says “… dairy
                # products.” Many paleo advocates say something similar': its cue was before it
                return None
            if sentence_ended == "?!" and (
                not (adjacent and index <= 3 and not before_quote)
                or (index + 1 < len(toks) and toks[index + 1].folded == "that")
            ):
                # “Who is she?” Rothman recalls thinking; “Why?” The answer is …; “Do you
                # feel any guilt?” The prime minister admitted that he did: a new sentence
                return None
            if index == 1 and phrase.head.folded in {"i", "we"}:
                return _NARRATOR  # the writer's own words, no one the article names
            cue = self._cue(token)
            attribution = self._resolve(phrase, cue, 0.95 if adjacent else 0.75, token.start)
            quoting = _QUOTING.match(self.text, token.end)
            quoted = self._person_at(quoting.end()) if quoting is not None else None
            if quoted is not None:  # "“…,” the release said, quoting board chair Harold Weiss"
                attribution = _Attribution(quoted.entity, None, quoted.text, cue, 0.85)
            elif token.folded in _QUOTED_VERBS:
                attribution = self._quoted_as_saying(token, cue) or attribution
            if (
                attribution is None
                and adjacent
                and phrase.kind == "nominal"
                and not _AGE.fullmatch(phrase.head.folded)  # "the 24-year-old": whom, unknown
            ):
                attribution = _Attribution(
                    None, phrase.text, phrase.text, cue, 0.5
                )  # unnamed: the article's words
            return attribution if attribution is None or adjacent else _weaker(attribution, -1.0)
        return None

    def _reports_of(self, attribution: _Attribution) -> bool:
        """Whether what "according to" names carries someone's words rather than speaks: a
        report, a transcript ("according to a Reuters report"), a news agency or medium
        ("according to Reuters", "according to the Interfax news agency")."""
        last = attribution.mention.rsplit(" ", 1)[-1].casefold()
        return (
            last in _CARRIERS
            or last in _MEDIA_NOUNS
            or (attribution.entity is not None and _news_agency(attribution.entity))
        )

    def _document_after(self, start: int, limit: int) -> _Attribution | None:
        """Whose document reads the quotation: "…,” reads a Wednesday editorial in The Des
        Moines Register" (the newspaper); None for a sign, a banner or an owner not named."""
        toks, _ = self.entities.tokens_until(start, min(limit, start + _WINDOW), _CLAUSE_ENDS)
        verb = next((i for i, t in enumerate(toks[:3]) if t.folded in _READ_VERBS), None)
        if verb is None:
            return None
        for position in range(verb + 1, min(len(toks), verb + 8)):
            token = toks[position]
            if token.folded not in _OWNED_DOCUMENTS:
                continue
            if position + 2 < len(toks) and toks[position + 1].folded in _OF_OWNER | {"on"}:
                page = self._page_owner(toks, position + 2, toks[verb].text)
                if page is not None:
                    return page  # "reads a post on Rodney Stafford’s Facebook page"
                phrase = subject_after(toks, position + 2)
                if phrase is None or phrase.kind != "name" or toks[position + 1].folded == "on":
                    return None
                return self._resolve(phrase, toks[verb].text, 0.8, phrase.tokens[0].start)
            # "reads the BCCDC public exposure webpage", "reads a Health Canada advisory": the
            # owner's name opens the document's words
            owner = [t for t in toks[verb + 1 : position] if t.folded not in DETERMINERS]
            named = list(takewhile(lambda t: t.capitalised and t.folded not in NOT_NAMES, owner))
            if not named:
                return None  # "reads a sign", "reads a Wednesday editorial" with no owner
            return self._resolve(Phrase(tuple(named), "name"), toks[verb].text, 0.8, named[0].start)
        return None

    def _page_owner(self, toks: Sequence[Token], at: int, verb: str) -> _Attribution | None:
        """The owner of the page or account a document was posted on, named in the
        possessive at `at` ("Rodney Stafford’s Facebook page", "his Twitter account"), or
        None."""
        end = min(len(toks), at + 6)
        for index in range(at, end):
            token = toks[index]
            if token.folded in {"his", "her", "their", "its"} and index == at:
                found = self._pronoun(token.folded, token.start)
                if found is None or found is UNNAMED:
                    return None
                return _Attribution(found, None, token.text, verb, 0.7)
            if token.folded == "the" and index == at:
                continue  # "on the company’s website"
            if token.possessive and token.capitalised:
                phrase = _possessor_before(toks, index + 1)
                if phrase is None:
                    return None
                return self._resolve(phrase, verb, 0.8, phrase.tokens[0].start)
            if not token.capitalised:
                return None
        return None

    def _before(self, start: int, end: int, near: bool, colon: bool = False) -> _Attribution | None:
        """The speaker named before an opening mark (same sentence if `near`).

        Only verbs after `start` (the previous quotation's end) count, but their subject is
        looked for in the whole sentence.
        """
        sentence_start = self._sentence_start(end, 0)
        floor = max(start, sentence_start) if near else start
        floor = max(floor, end - _WINDOW)  # (as the words read below: a crafted paragraph of
        # a thousand quotations must not be searched from its start for each of them)
        put_it = _PUT_IT.search(self.text, floor, end)
        if put_it:  # "As he put it, “…”", "as one trucker put it:"
            toks = self.entities.tokens_in(put_it.start("who"), put_it.end("who"))
            phrase = sentence_subject(toks) if toks else None
            if phrase is not None:
                return self._resolve(phrase, "put it", 0.85, put_it.start("who"))
        saying = _SAYING_BY.search(self.text, max(floor, end - 160), end)
        if saying:
            toks = self.entities.tokens_in(saying.start("owner"), saying.end("owner"))
            found = self._resolve(Phrase(tuple(toks), "name"), "by", 0.85, saying.start())
            if found is not None and found.entity is not None and found.entity.kind == "person":
                return found
        words_of = _WORDS_OF.search(self.text, floor, end)
        if words_of:
            toks = self.entities.tokens_in(words_of.start("owner"), words_of.end("owner"))
            return self._resolve(
                Phrase(tuple(toks), "name"), "in the words of", 0.85, words_of.start()
            )
        tag = _PARENTHETICAL_SPEECH.search(self.text, max(floor, sentence_start), end)
        if tag:  # "Jesus, he continued, doesn’t ask …: “…”": the tag's, not the subject's
            toks = self.entities.tokens_in(tag.start("who"), tag.end("who"))
            if toks:
                return self._resolve(
                    Phrase(tuple(toks), "pronoun"), tag.group("verb"), 0.8, tag.start("who")
                )
        if not _WORD.search(self.text, floor, end):
            return None  # no word since `floor`, so no verb: (quotation after quotation of a
            # long sentence made every one read the sentence's tokens: 200 KB took 46 s)
        toks = self.entities.tokens_in(max(min(sentence_start, floor), end - _WINDOW), end)
        weak: int | None = None  # a weak verb before "to" ("continues to work")
        for index in range(len(toks) - 1, -1, -1):
            token = toks[index]
            if token.start < floor:
                break
            if near and ends_sentence(toks, index):
                break
            if near and _unowned_reports(toks, index):
                return None  # "WHO cautioned … about reports that it is “losing potency”"
            if near and token.folded in _SPEECH_NOUNS:
                made = self._claim_made(toks, index)
                if made is not None:
                    return made  # "Pichai had made the claim that employees were “…”"
            if token.folded == "quoting" or (
                # "The release quoted its managing director, Owen Pryce: “…”" (not "was quoted")
                token.folded == "quoted"
                and self.text[max(start, end - 4) : end].rstrip().endswith(":")
                and not (index and toks[index - 1].folded in _QUOTED_PASSIVE)
            ):
                phrase = subject_after(toks, index + 1)
                if phrase:
                    return self._resolve(phrase, "quoting", 0.85 if near else 0.6, token.start)
                continue
            if (
                token.folded == "according"
                and index + 1 < len(toks)
                and toks[index + 1].folded == "to"
            ):
                phrase = subject_after(toks, index + 2)
                if phrase:
                    return self._according_to(toks, index, phrase, 0.9 if near else 0.6)
                continue
            if token.folded in {"reads", "read", "says", "said", "states", "stated"}:
                owner = _document_owner(toks, index)  # "The Home Office letter reads"
                if owner is not None:
                    return self._resolve(owner, token.text, 0.8 if near else 0.6, token.start)
            statement = _statement_verb(toks, index)
            if statement is not None:  # "Senator John Cornyn … issued a statement"
                phrase = subject_before(toks, statement)
                if phrase:
                    return self._resolve(
                        phrase,
                        " ".join(t.text for t in toks[statement : index + 1]),
                        0.8 if near else 0.6,
                        token.start,
                    )
                continue
            previous = toks[index - 1].text if index else ""
            opens = token.text in _OPENING_VERBS and (not index or ends_sentence(toks, index - 1))
            if (
                token.folded in _QUESTIONING
                and _passive(toks, index)
                and not self._inside_quote(token.start)
                and not _any_speech_verb([t.text for t in toks[index + 1 :]])
                and not _new_clause_after(toks, index)
            ):
                # "Ishiba was asked, “Do you feel any guilt?”": the question of someone the
                # article does not name, not the words of the one asked; "Sanders was asked
                # by host Bill Maher, …, “…”": Maher's
                if index + 1 < len(toks) and toks[index + 1].folded == "by":
                    asker = subject_after(toks, index + 2)
                    if asker is not None:
                        return self._resolve(asker, f"{token.text} by", 0.8, token.start)
                return _Attribution(None, None, "", token.text, 0.3, authorless=True)
            if (
                not (is_speech_verb(token.text, previous) or opens)
                or _passive(toks, index)
                or self._inside_quote(token.start)
            ):
                continue
            if _weak_verb_to(toks, index):
                # "X said in a statement that the government continues to work … to “…”": a
                # speech verb before it in the sentence first, this one only if there is none
                weak = index if weak is None else weak
                continue
            subject = self._spoken_at(toks, index, opens, near)
            if subject is not None:
                return subject[0]
        if weak is not None:
            subject = self._spoken_at(toks, weak, False, near)
            if subject is not None:
                return subject[0]
        if colon or (toks and toks[-1].text == ":"):
            # "Alverson summed up the journey …: “…”" / "Uber tweeted this announcement:"
            clause = [t for t in toks if t.start >= floor and t.text != ":"]
            phrase = sentence_subject(clause)
            if phrase:
                return self._resolve(phrase, ":", 0.7, clause[0].start)
        return None

    def _spoken_at(
        self, toks: Sequence[Token], index: int, opens: bool, near: bool
    ) -> tuple[_Attribution | None] | None:
        """Who the speech verb `toks[index]` names: its subject, else the name after an
        invertible verb ("said King"), resolved (in a tuple: None inside when the words name
        no one); None when the verb has no subject at all. `opens`: it opens its sentence."""
        token = toks[index]
        phrase = None if opens else _ending_inversion(toks, index) or subject_before(toks, index)
        confidence = 0.9 if near else 0.6
        if phrase is not None and token.folded in INVERTIBLE and toks[index - 1].text == ",":
            inverted = _inverted_subject(toks, index + 1)
            if (
                inverted is not None
                and inverted.kind == "name"
                and inverted.tokens[-1] is toks[-2]
                and toks[-1].text in {",", ":"}
            ):
                phrase = inverted  # "VCS, says Schweizer, “…”": the one set off who says it
        if phrase is None and token.folded in INVERTIBLE:
            phrase = _inverted_subject(toks, index + 1)  # "said King"; "Said Comey, “…”"
            if index > 0 and toks[index - 1].text[:1].isalnum():
                confidence = 0.5  # words before the verb whose subject was not found: what
                # follows may be its object ("The statement of claim alleges the owner …")
        if not phrase:
            return None
        cue = self._cue(token)
        cue = cue[:1].lower() + cue[1:] if opens else cue
        return (self._resolve(phrase, cue, confidence, token.start),)

    def _according_to(
        self, toks: Sequence[Token], index: int, phrase: Phrase | None, confidence: float
    ) -> _Attribution | None:
        """ "according to the agency" -> its speaker; "according to the explanatory notes of the
        British Bill" (no one named) -> those words."""
        if phrase is None:
            return None
        found = self._resolve(phrase, "according to", confidence, toks[index].start)
        if found is not None or phrase.kind != "nominal":
            return found
        words = []
        following = toks[index + 2 : index + 12]
        for position, token in enumerate(following):
            if not (token.text[:1].isalnum() or token.text in {"’", "'"}):
                break
            words.append(token.text)
            source = self._source_after(following, position)
            if source is not None:
                # "according to a statement from Health Canada", "data from Statistics
                # Canada", "a report by the World Bank": who issued it
                return _Attribution(source, None, phrase.text, "according to", confidence - 0.1)
        return (
            _Attribution(None, " ".join(words), " ".join(words), "according to", confidence - 0.3)
            if words
            else None
        )

    def _introduced(self, para: Span) -> _Attribution | None:
        """The person a paragraph without quotations is about, for a quotation after it.

        The last person who is the subject of a sentence ("Alverson said he ..."); else the
        subject of the last sentence, named or not ("The president also admitted ..."); else
        the one person the paragraph names. Only its last `_WINDOW` characters are read (a
        paragraph of news is shorter; a crafted one of a thousand sentences is not read again
        for each of its quotations).
        """
        para = Span(max(para.start, para.end - _WINDOW), para.end)
        people = [
            m
            for m in self.entities.before(para.end, kind="person", limit=para.end - para.start)
            if m.start >= para.start
        ]
        for mention in people:
            if self._is_subject(mention):
                verb = _WORD_NEXT.match(self.text, mention.end)
                reports = verb is not None and is_speech_verb(verb.group(1), "he")
                # ("Gosnell told the house the agreement proved …": the quotation after goes
                # on with what the subject was reported saying)
                return _Attribution(
                    mention.entity,
                    None,
                    mention.text,
                    "",
                    0.8 if reports else 0.4,
                    described=reports,
                )
        sentences = self.structure.sentences
        first, last = (
            bisect_left(self._sentence_starts, para.start),
            bisect_left(self._sentence_starts, para.end),
        )
        for sentence in reversed(sentences[first:last]):
            phrase = sentence_subject(
                self.entities.tokens_in(sentence.start, min(sentence.end, sentence.start + _WINDOW))
            )
            if phrase is not None:
                verb = _WORD_NEXT.match(self.text, phrase.tokens[-1].end)
                reports = verb is not None and is_speech_verb(verb.group(1), "he")
                found = self._resolve(phrase, "", 0.8 if reports else 0.4, phrase.tokens[0].start)
                if found is not None and found.entity is not None and found.entity.kind == "person":
                    return found
                break
        if len({m.entity for m in people}) == 1:
            return _Attribution(people[0].entity, None, people[0].text, "", 0.3)
        return None

    @staticmethod
    def _of_the_cues_gender(candidates: Sequence[Candidate], rule: Rule) -> list[int]:
        """The candidates (by index) the ranker may choose: after "he said" or "she said",
        no one known to be of the other gender ("she withdrew her claims against
        Dershowitz, saying she “…”" was ranked his, the nearest name, whatever the gender
        feature weighed). They stay in the softmax, so a choice's confidence is not raised
        by their leaving. All of them when none is left."""
        wanted = PRONOUNS.get(rule.mention.casefold(), "")
        indices = range(len(candidates))
        if wanted not in {"m", "f"}:
            return list(indices)
        allowed = [
            i
            for i in indices
            if (entity := candidates[i].entity) is None
            or entity is rule.entity
            or entity.gender in {"", wanted}
        ]
        return allowed or list(indices)

    def _cue(self, verb: Token) -> str:
        particle = _PARTICLE.match(self.text, verb.end)
        if particle and f"{verb.folded} {particle.group(1).casefold()}" in _PHRASAL_SPEECH_VERBS:
            return f"{verb.text} {particle.group(1)}"  # "shot back", "chimed in"
        tail = cue_tail(self.text[verb.end : verb.end + 40])
        return f"{verb.text} {tail}".strip()

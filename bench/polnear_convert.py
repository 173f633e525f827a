"""Convert PolNeAR (Newell, Margolin & Ruths, LREC 2018) to Reader's quote gold format.

    python -m bench.polnear_convert --polnear PATH/TO/PolNeAR --out bench/.data

`python -m bench.fetch_polnear` downloads the corpus at its pinned commit and runs this.
PATH/TO/PolNeAR is a checkout or unpacked zip of github.com/networkdynamics/PolNeAR (the
folder holding data/metadata.tsv). Writes, per split (dev = PolNeAR's train + dev
compartments, test = its test compartment, the BLIND split):

    OUT/polnear/<split>/NAME.txt                article text (UTF-8, \\n newlines)
    OUT/polnear/<split>/NAME.quotes.json        direct quotations in text order
    OUT/polnear/<split>/NAME.nonquotes.json     [] (PolNeAR labels no non-speech quotes)
    OUT/polnear/<split>/NAME.unattributed.json  quote-marked spans no attribution covers
                                                (headline, scare quotes, titles, misses)
    OUT/polnear/<split>/corpus.json             provenance, conventions, counts
    OUT/polnear/<split>/dropped.json            items dropped by validation, with the reason

Each quotation: {"quote", "start", "end", "speaker", "speaker_mentions"} as in Reader's gold
format (tests/data/gold/SOURCES.md), plus keys a scorer may use to filter:
"speaker_status" ("named", "description", "unresolved", "no-source"), "speaker_resolution"
(how the name was found: the annotated source span, expanded to the article's fullest form
of the name, or resolved through PolNeAR's CoreNLP coreference), "source_text" and
"confidence" ("high"/"low"). See tests/data/quotes/SOURCES.md for the method and caveats.

The output holds copyrighted news text: it stays in bench/.data/ (ignored by git) and must
never be committed. The test split is blind: this script prints only counts for it; never
read, print or run the finder on it by hand (`python -m bench.quotes --blind` scores it).

Written by a colleague for the first conversion (byte-for-byte the same output as theirs);
standard library only.
"""

# ruff: noqa: B007, E741, PIE810
from __future__ import annotations

import argparse
import bisect
import collections
import csv
import itertools
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# --------------------------------------------------------------------------------------------
# Quote-mark scanning (shared)
# --------------------------------------------------------------------------------------------

DOUBLE_OPEN = "\u201c"  # “
DOUBLE_CLOSE = "\u201d"  # ”
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’
CLOSING_FOLLOWERS = set(" \t\n,.;:!?)]}\u2014\u2013-/\u2026") | {
    DOUBLE_CLOSE,
    SINGLE_CLOSE,
    '"',
    "'",
}
OPENING_PRECEDERS = set(" \t\n([{\u2014\u2013-/") | {DOUBLE_OPEN, SINGLE_OPEN}


class QuoteSpan:
    """A stretch of text in quote marks: [open_at, close_end) includes the marks."""

    __slots__ = ("close_at", "close_end", "kind", "open_at", "paragraphs")

    def __init__(self, open_at, close_at, close_end, kind, paragraphs=1):
        self.open_at, self.close_at, self.close_end = open_at, close_at, close_end
        self.kind, self.paragraphs = kind, paragraphs

    def inner(self, text, mark_len):
        start, end = self.open_at + mark_len, self.close_at
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end


def _double_marks(text):
    """Positions of double quote marks: (pos, length, char class)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in (DOUBLE_OPEN, DOUBLE_CLOSE) or ch == '"':
            out.append((i, 1, ch))
            i += 1
        elif ch == "'" and i + 1 < n and text[i + 1] == "'":
            # NYT copy in PolNeAR writes double quotes as two apostrophes ('')
            out.append((i, 2, "''"))
            i += 2
        elif ch in (SINGLE_OPEN, SINGLE_CLOSE) and i + 1 < n and text[i + 1] == ch:
            # a double mark typed as two single ones (‘‘ or ’’)
            out.append((i, 2, DOUBLE_OPEN if ch == SINGLE_OPEN else DOUBLE_CLOSE))
            i += 2
        elif ch == "`" and i + 1 < n and text[i + 1] == "`":
            out.append((i, 2, "``"))
            i += 2
        else:
            i += 1
    return out


def _role(text, pos, length, ch):
    """'open', 'close' or 'either' for a double mark, from the mark and its neighbours."""
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + length] if pos + length < len(text) else "\n"
    looks_open = before in OPENING_PRECEDERS and not after.isspace()
    looks_close = (after in CLOSING_FOLLOWERS or after.isspace()) and not before.isspace()
    if ch == DOUBLE_OPEN or ch == "``":
        return "close" if (looks_close and not looks_open) else "open"
    if ch == DOUBLE_CLOSE:
        return "open" if (looks_open and not looks_close) else "close"
    if looks_open and not looks_close:
        return "open"
    if looks_close and not looks_open:
        return "close"
    return "either"


def _markup_ranges(text):
    """Ranges of inline markup such as <tweet author="..."> whose quote marks are not quotes."""
    return [
        (m.start(), m.end()) for m in re.finditer(r"</?[A-Za-z][A-Za-z_]*(?:\s[^<>\n]*)?>", text)
    ]


def find_double_quotes(text, anomalies=None, no_continue=frozenset()):
    """Double-quoted spans, paragraph by paragraph (a paragraph is a line).

    - curly marks open/close by shape, corrected by their neighbours when used the wrong way
      round; straight marks (" and NYT's '') by their neighbours, else by alternation;
    - a curly opening mark inside an open quote that is followed by two closing marks in the
      paragraph opens a nested quote (part of the outer one); otherwise the open quote was
      never closed: it is dropped and the new mark opens a quote;
    - a quote left open at the end of a paragraph continues when the next paragraph starts
      with a mark (one span over several paragraphs, per Reader's convention) unless that
      paragraph's start is in `no_continue`; otherwise it is dropped.
    """
    anomalies = anomalies if anomalies is not None else []
    blocked = _markup_ranges(text)
    marks = [m for m in _double_marks(text) if not any(a <= m[0] < z for a, z in blocked)]
    roles = [_role(text, p, l, c) for p, l, c in marks]
    # paragraph index of each mark
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    par_of = [bisect.bisect_right(line_starts, p) - 1 for p, _, _ in marks]
    spans = []
    cur = None  # [open_pos, paragraphs, depth, paragraph index of last part]
    k = 0
    n = len(marks)
    while k < n:
        pos, length, ch = marks[k]
        role = roles[k]
        par = par_of[k]
        if cur is not None and par != cur[3]:
            # quote open at the end of paragraph cur[3]
            line_start = line_starts[par]
            first_nonblank = line_start
            while first_nonblank < len(text) and text[first_nonblank] in " \t\u00a0":
                first_nonblank += 1
            gap_has_text = any(
                text[
                    line_starts[q] : line_starts[q + 1] if q + 1 < len(line_starts) else len(text)
                ].strip()
                for q in range(cur[3] + 1, par)
            )
            if (
                cur[2] == 0
                and not gap_has_text
                and first_nonblank == pos
                and role != "close"
                and line_start not in no_continue
            ):
                cur[1] += 1
                cur[3] = par
                k += 1
                continue
            anomalies.append(("unclosed", cur[0]))
            cur = None
        if cur is None:
            if role == "close":
                anomalies.append(("stray-close", pos))
            else:
                cur = [pos, 1, 0, par]
            k += 1
            continue
        if role == "open":
            closes = 0
            j = k + 1
            while j < n and par_of[j] == par and roles[j] != "open":
                closes += 1
                j += 1
            if ch in (DOUBLE_OPEN, "``") and closes >= 2 + cur[2]:
                cur[2] += 1
                k += 1
                continue
            anomalies.append(("unclosed", cur[0]))
            cur = [pos, 1, 0, par]
            k += 1
            continue
        if cur[2] > 0:
            cur[2] -= 1
            k += 1
            continue
        spans.append(QuoteSpan(cur[0], pos, pos + length, "double", cur[1]))
        cur = None
        k += 1
    if cur is not None:
        anomalies.append(("unclosed", cur[0]))
    return spans


def _mark_len_at(text, pos):
    two = ("''", "``", SINGLE_OPEN * 2, SINGLE_CLOSE * 2)
    return 2 if any(text.startswith(m, pos) for m in two) else 1


def find_single_quotes(text, blocked):
    """Single-quoted spans outside double quotes (headlines, UK style). `blocked` is a list of
    (start, end) ranges (the double-quoted spans) to skip. Conservative: an opener must follow
    a blank/bracket/dash and precede a non-blank; a closer must follow a non-blank and precede
    a blank or punctuation; both in one paragraph."""
    spans = []
    blocked = sorted(blocked)
    starts = [b[0] for b in blocked]

    def inside_block(p):
        i = bisect.bisect_right(starts, p) - 1
        return i >= 0 and blocked[i][0] <= p < blocked[i][1]

    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in (SINGLE_OPEN, "'") and not inside_block(i):
            if ch == "'" and (text.startswith("''", i) or (i > 0 and text[i - 1] == "'")):
                i += 1
                continue
            before = text[i - 1] if i > 0 else "\n"
            after = text[i + 1] if i + 1 < n else "\n"
            if before in OPENING_PRECEDERS and not after.isspace() and after not in "'\u2019":
                # e.g. '90s, 'em: apostrophes, not quotes
                if ch == "'" or ch == SINGLE_OPEN:
                    m = re.match(r"(?:'|\u2019)?(?:\d\ds?|em|til|cause|n)\b", text[i + 1 : i + 6])
                    if (
                        m
                        and ch == "'"
                        and re.match(r"\d\ds?\b|em\b|til\b|cause\b|n\b", text[i + 1 : i + 7])
                    ):
                        i += 1
                        continue
                end_par = text.find("\n", i)
                end_par = n if end_par == -1 else end_par
                j = i + 1
                found = None
                while j < end_par:
                    c = text[j]
                    if c in (SINGLE_CLOSE, "'") and not inside_block(j):
                        if c == "'" and text.startswith("''", j):
                            j += 2
                            continue
                        b = text[j - 1]
                        a = text[j + 1] if j + 1 < n else "\n"
                        if (
                            not b.isspace()
                            and (a in CLOSING_FOLLOWERS or a.isspace())
                            and not a.isalnum()
                        ):
                            # "voters' " (plural possessive) is taken as a close: accepted risk
                            found = j
                            break
                    if inside_block(j):
                        break
                    j += 1
                if found is not None and found > i + 1:
                    spans.append(QuoteSpan(i, found, found + 1, "single"))
                    i = found + 1
                    continue
        i += 1
    return spans


def find_quotes(text, no_continue=frozenset()):
    """All quoted spans, in text order, with anomalies of the scan."""
    anomalies = []
    doubles = find_double_quotes(text, anomalies, no_continue)
    singles = find_single_quotes(
        text, [(s.open_at, s.close_end) for s in doubles] + _markup_ranges(text)
    )
    spans = sorted(doubles + singles, key=lambda s: s.open_at)
    return spans, anomalies


def inner_span(text, span):
    return span.inner(text, _mark_len_at(text, span.open_at))


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def write_article(folder, name, text, quotes, nonquotes, extra=None):
    """Validate and write one article; return (kept quotes, dropped list)."""
    kept, dropped = [], []
    for q in quotes:
        s, e = q["start"], q["end"]
        if not (0 <= s < e <= len(text)) or text[s:e] != q["quote"]:
            dropped.append(
                {"article": name, "reason": "offsets do not give the quote", "start": s, "end": e}
            )
            continue
        if text[s].isspace() or text[e - 1].isspace():
            dropped.append({"article": name, "reason": "quote not trimmed", "start": s, "end": e})
            continue
        kept.append(q)
    kept.sort(key=lambda q: (q["start"], q["end"]))
    for a, b in itertools.pairwise(kept):
        if b["start"] < a["end"]:
            raise ValueError(
                f"{name}: overlapping quotes {a['start']}-{a['end']} {b['start']}-{b['end']}"
            )
    with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    with open(os.path.join(folder, name + ".quotes.json"), "w", encoding="utf-8") as f:
        json.dump(kept, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(folder, name + ".nonquotes.json"), "w", encoding="utf-8") as f:
        json.dump(nonquotes, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if extra:
        for suffix, value in extra.items():
            with open(os.path.join(folder, name + suffix), "w", encoding="utf-8") as f:
                json.dump(value, f, ensure_ascii=False, indent=1)
                f.write("\n")
    return kept, dropped


def validate_folder(folder):
    """Re-read a written folder and check every entry against its text."""
    problems = 0
    n_art = n_q = 0
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith(".txt"):
            continue
        n_art += 1
        base = fn[:-4]
        with open(os.path.join(folder, fn), encoding="utf-8", newline="") as f:
            text = f.read()
        if "\r" in text:
            problems += 1
        with open(os.path.join(folder, base + ".quotes.json"), encoding="utf-8") as f:
            quotes = json.load(f)
        prev = -1
        for q in quotes:
            n_q += 1
            if text[q["start"] : q["end"]] != q["quote"] or q["start"] < prev:
                problems += 1
            if not isinstance(q.get("speaker"), str) or not isinstance(
                q.get("speaker_mentions"), list
            ):
                problems += 1
            prev = q["start"]
        with open(os.path.join(folder, base + ".nonquotes.json"), encoding="utf-8") as f:
            for nq in json.load(f):
                if text[nq["start"] : nq["end"]] != nq["text"]:
                    problems += 1
    return n_art, n_q, problems


# --------------------------------------------------------------------------------------------
# PolNeAR
# --------------------------------------------------------------------------------------------

PRONOUNS = {
    "i",
    "me",
    "my",
    "mine",
    "we",
    "us",
    "our",
    "ours",
    "you",
    "your",
    "yours",
    "he",
    "him",
    "his",
    "she",
    "her",
    "hers",
    "it",
    "its",
    "they",
    "them",
    "their",
    "theirs",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "this",
    "these",
    "those",
    "one",
    "himself",
    "herself",
    "themselves",
    "itself",
}
RELATIVE = {"who", "whom", "whose", "which", "that"}
NAME_NER = {"PERSON", "ORGANIZATION"}


def read_brat(path, text):
    """Attributions of a PolNeAR .ann file: list of dicts with source/cue/content fragments."""
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"(T\d+)\t(\S+) ([\d ;]+)\t", line)
            if m:
                frags = [tuple(int(x) for x in p.split()) for p in m.group(3).split(";")]
                spans[m.group(1)] = (m.group(2), frags)
                continue
            m = re.match(r"(E\d+)\t(.*)$", line)
            if m:
                roles = {}
                for part in m.group(2).split():
                    if ":" in part:
                        role, tid = part.split(":", 1)
                        roles.setdefault(role, []).append(tid)
                events.append((m.group(1), roles))
    attributions = []
    for eid, roles in events:
        kind = None
        content, source, cue = [], [], []
        for role, tids in roles.items():
            for tid in tids:
                if tid not in spans:
                    continue
                _label, frags = spans[tid]
                if role in ("Attribution", "Attribution-no-source"):
                    kind = role
                elif role.startswith("Content"):
                    content += frags
                elif role.startswith("Source"):
                    source += frags
                elif role.startswith("Cue"):
                    cue += frags
        if not content:
            continue
        attributions.append(
            {
                "id": eid,
                "kind": kind or "Attribution",
                "content": sorted(content),
                "source": sorted(source),
                "cue": sorted(cue),
            }
        )
    other = [(label, frags) for label, frags in spans.values() if label in ("Discuss", "Discard")]
    return attributions, other


class CoreNLPDoc:
    """Tokens (char offsets into the text), NER and dcoref chains of a CoreNLP XML file."""

    def __init__(self, path, text):
        self.tokens = []  # dicts: s, i, b, e, word, pos, ner
        self.index = {}  # (sent, tokid) -> token position
        self.chains = []  # list of list of (first_tok, end_tok_excl, head_tok) positions
        sent_id = None
        chain = None
        mention = None
        for ev, el in ET.iterparse(path, events=("start", "end")):
            tag = el.tag
            if ev == "start":
                if tag == "sentence" and el.get("id") is not None and chain is None:
                    sent_id = int(el.get("id"))
                elif tag == "coreference" and mention is None:
                    chain = []
                elif tag == "mention":
                    mention = {}
                continue
            if tag == "token" and mention is None and chain is None:
                tok = {c.tag: c.text for c in el}
                self.index[(sent_id, int(el.get("id")))] = len(self.tokens)
                self.tokens.append(
                    {
                        "s": sent_id,
                        "b": int(tok["CharacterOffsetBegin"]),
                        "e": int(tok["CharacterOffsetEnd"]),
                        "word": tok.get("word") or "",
                        "pos": tok.get("POS") or "",
                        "ner": tok.get("NER") or "O",
                    }
                )
                el.clear()
            elif tag in ("sentence", "start", "end", "head", "text") and mention is not None:
                mention[tag] = el.text
            elif tag == "mention" and mention is not None:
                try:
                    s = int(mention["sentence"])
                    a = self.index[(s, int(mention["start"]))]
                    z = self.index[(s, int(mention["end"]) - 1)] + 1
                    h = self.index[(s, int(mention["head"]))]
                    chain.append((a, z, h))
                except (KeyError, ValueError, TypeError):
                    pass
                mention = None
            elif tag == "coreference" and chain is not None and mention is None:
                if chain:
                    self.chains.append(chain)
                chain = None
            elif tag in (
                "parse",
                "dependencies",
                "basic-dependencies",
                "collapsed-dependencies",
                "collapsed-ccprocessed-dependencies",
                "enhanced-dependencies",
                "enhanced-plus-plus-dependencies",
            ):
                el.clear()
        self._fix_offsets(text)
        self.begins = [t["b"] for t in self.tokens]
        self.chain_of = {}
        for ci, ch in enumerate(self.chains):
            for mi, (a, z, h) in enumerate(ch):
                self.chain_of.setdefault(h, []).append((ci, mi))
        self.runs = self._name_runs(text)

    def _fix_offsets(self, text):
        """CoreNLP (Java) counts UTF-16 code units; map to Python str offsets if they differ."""
        if not any(ord(c) > 0xFFFF for c in text):
            return
        units = []
        u = 0
        for c in text:
            units.append(u)
            u += 2 if ord(c) > 0xFFFF else 1
        units.append(u)
        back = {v: k for k, v in enumerate(units)}
        for t in self.tokens:
            t["b"] = back.get(t["b"], t["b"])
            t["e"] = back.get(t["e"], t["e"])

    def _name_runs(self, text):
        """Proper-name mentions: maximal runs of proper nouns (NNP/NNPS, or all-capital words)
        in a sentence, NER PERSON/ORGANIZATION tokens included, name particles (de, van, bin)
        allowed inside; leading titles and role words dropped ("Democrat Hillary Clinton",
        "Manhattan Supreme Court Justice Frank Nervo" -> "Frank Nervo"). CoreNLP's NER type is
        kept for information only: it is too noisy ("Nervo" tagged LOCATION) to gate on."""
        toks = self.tokens

        def proper(t):
            w = t["word"]
            if w.lower() in PRONOUNS:
                return False
            return (
                t["pos"] in ("NNP", "NNPS")
                or (w.isupper() and w.isalpha() and len(w) > 1)
                or (t["ner"] in NAME_NER and w[:1].isupper() and w[:1].isalpha())
            )

        runs = []
        i = 0
        while i < len(toks):
            if not proper(toks[i]):
                i += 1
                continue
            j = i + 1
            while j < len(toks) and toks[j]["s"] == toks[i]["s"]:
                if proper(toks[j]):
                    j += 1
                elif (
                    toks[j]["word"] in NAME_PARTICLES
                    and j + 1 < len(toks)
                    and toks[j + 1]["s"] == toks[i]["s"]
                    and proper(toks[j + 1])
                ):
                    j += 2
                else:
                    break
            a = i
            has_person = any(toks[k]["ner"] == "PERSON" for k in range(i, j))
            # titles go ("Sen.", "Justice"); role words ("Democrat Hillary Clinton") only in
            # person names, not in "Democratic National Committee"
            stops = [
                k
                for k in range(i, j - 1)
                if _is_name_stop(toks[k]["word"])
                and (
                    has_person
                    or toks[k]["word"].replace("\u2019", "'").rstrip(".").lower() in HONORIFICS
                )
            ]
            if stops:
                a = stops[-1] + 1
            while a < j - 1 and toks[a]["word"].lower() in COMMON_CAPS:
                a += 1  # "Maybe Trump", "As Politico": a capitalised sentence opener
            person = [k for k in range(a, j) if toks[k]["ner"] == "PERSON"]
            if person:
                # "Crooked Hillary Clinton", "Sens. Jeff Merkley", "Washington Post Trump"
                a = person[0]
            if a < j:
                ners = collections.Counter(toks[k]["ner"] for k in range(a, j))
                runs.append(
                    {
                        "a": a,
                        "z": j,
                        "ner": ners.most_common(1)[0][0],
                        "text": text[toks[a]["b"] : toks[j - 1]["e"]],
                        "headline": "\n" not in text[: toks[a]["b"]],
                    }
                )
            i = j
        self.run_at = {}
        for r in runs:
            for k in range(r["a"], r["z"]):
                self.run_at[k] = r
        return runs

    def tokens_in(self, frags):
        out = []
        for a, z in frags:
            k = bisect.bisect_left(self.begins, a)
            while k < len(self.tokens) and self.tokens[k]["b"] < z:
                if self.tokens[k]["e"] <= z or self.tokens[k]["b"] >= a:
                    out.append(k)
                k += 1
        return sorted(set(out))


HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "secretary",
    "sec",
    "speaker",
    "judge",
    "justice",
    "mayor",
    "prof",
    "professor",
    "rev",
    "reverend",
    "gen",
    "general",
    "lt",
    "col",
    "sgt",
    "capt",
    "adm",
    "former",
    "chairman",
    "chairwoman",
    "attorney",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
COMMON_CAPS = {
    "as",
    "maybe",
    "but",
    "and",
    "so",
    "then",
    "when",
    "while",
    "if",
    "after",
    "before",
    "since",
    "also",
    "still",
    "yet",
    "now",
    "here",
    "there",
    "even",
    "just",
    "only",
    "perhaps",
    "meanwhile",
    "however",
    "thus",
    "instead",
    "indeed",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tonight",
    "last",
    "next",
    "this",
    "that",
    "these",
    "those",
    "what",
    "why",
    "how",
    "where",
    "who",
    "which",
    "dear",
    "hey",
    "oh",
    "yes",
    "no",
    "please",
    "thanks",
    "sorry",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "of",
    "to",
    "the",
    "a",
    "an",
    "it",
    "its",
    "our",
    "my",
    "your",
    "their",
    "his",
    "her",
    "we",
    "they",
    "you",
    "i",
    "is",
    "was",
    "are",
    "said",
    "says",
    "breaking",
    "watch",
    "read",
    "exclusive",
    "update",
    "updated",
    "photo",
    "video",
}
NAME_PARTICLES = {
    "de",
    "da",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "al",
    "la",
    "le",
    "del",
    "di",
    "du",
    "dos",
    "ibn",
}


def _name_words(name):
    """Normalised words of a name without titles, and its Jr./Sr. suffix."""
    words = [_norm_word(w) for w in re.split(r"\s+", name.strip()) if _norm_word(w)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    suffix = ""
    while words and words[-1] in SUFFIXES:
        suffix = words.pop()
    while len(words) > 1 and words[0] in NAME_STOP:
        words = words[1:]
    return words, suffix


def _norm_word(w):
    return w.replace("\u2019", "'").strip(".,").lower()


ROLE_WORDS = {
    "democrat",
    "democrats",
    "democratic",
    "republican",
    "republicans",
    "gop",
    "rival",
    "nominee",
    "candidate",
    "presidential",
    "senate",
    "house",
    "court",
    "supreme",
    "minority",
    "majority",
    "leader",
    "chief",
    "deputy",
    "assistant",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chair",
    "ceo",
    "director",
    "host",
    "anchor",
    "commissioner",
    "ambassador",
    "adviser",
    "advisor",
    "strategist",
    "pollster",
    "economist",
    "analyst",
    "author",
    "manager",
    "officer",
    "agent",
    "correspondent",
    "reporter",
    "columnist",
    "editor",
    "u.s.",
    "federal",
    "state",
    "the",
    "a",
    "an",
    "businessman",
    "billionaire",
    "mogul",
    "candidates",
    "hopeful",
    "frontrunner",
    "front-runner",
    "independent",
    "libertarian",
    "conservative",
    "liberal",
    "activist",
    "councilman",
    "councilwoman",
    "congressman",
    "congresswoman",
    "sheriff",
    "detective",
    "lawyer",
    "attorney",
    "first",
}
NAME_STOP = HONORIFICS | ROLE_WORDS


def _is_name_stop(word):
    w = word.replace("\u2019", "'").rstrip(".").lower()
    return w in NAME_STOP or w.endswith("-elect") or w.startswith("vice-") or w.startswith("ex-")


MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
SEGMENT_BREAKS = {",", "(", ")", "-LRB-", "-RRB-", "--", ":", ";", "\u2014", "\u2013"}
PREFIX_BREAK_POS = {"IN", "TO", "WP", "WDT", "WP$", "MD", "VB", "VBD", "VBZ", "VBP", "VBG", "VBN"}


class PolNeARResolver:
    """Turns a PolNeAR source span into a speaker name, using the article's CoreNLP tokens,
    NER and dcoref chains (automatic annotations shipped with the corpus, not gold)."""

    def __init__(self, text, doc):
        self.text = text
        self.doc = doc
        self.names = doc.runs if doc else []
        self._gender_cache = {}

    # -- helpers -------------------------------------------------------------------------
    def _words(self, toks):
        return [self.doc.tokens[k]["word"] for k in toks]

    def _segments(self, toks):
        """Source tokens split at commas, brackets and dashes; words in quote marks (a title in
        '"Orange is the New Black" star Selenis Leyva') left out."""
        segs, cur = [], []
        quoted = False
        for k in toks:
            w = self.doc.tokens[k]["word"]
            if w in ("``", "''", "\u201c", "\u201d", '"'):
                quoted = (w in ("``", "\u201c")) or (w == '"' and not quoted)
                if cur:
                    segs.append(cur)
                cur = []
                continue
            if quoted:
                continue
            if w in SEGMENT_BREAKS or self.doc.tokens[k]["pos"] in ("-LRB-", "-RRB-"):
                if cur:
                    segs.append(cur)
                cur = []
            else:
                cur.append(k)
        if cur:
            segs.append(cur)
        return segs

    def _prefix(self, seg):
        """The head noun phrase of a segment: up to a preposition, relative pronoun or verb."""
        out = []
        for k in seg:
            t = self.doc.tokens[k]
            if t["pos"] in PREFIX_BREAK_POS and (out or t["pos"] in ("WP", "WDT", "WP$")):
                break
            out.append(k)
        return out

    def name_head(self, toks):
        """('name', run) for the source's head name, ('compound', None), or (None, None).
        A name is the head when it is not a modifier ("Clinton spokesman", "Trump's campaign"),
        and lies in a segment's head noun phrase (not "the chair of the DNC")."""
        doc = self.doc
        for seg in self._segments(toks):
            prefix = self._prefix(seg)
            pset = set(prefix)
            cands = []
            for r in self.names:
                if r["a"] not in pset or (r["z"] - 1) not in pset:
                    continue
                nz = r["z"]
                if nz in pset and doc.tokens[nz]["pos"] == "POS" and nz + 1 in pset:
                    continue  # possessive modifier; but source "Trump's" (in "Trump's claim") is a name
                if nz in pset and doc.tokens[nz]["pos"].startswith("NN"):
                    continue  # noun modifier
                if r["z"] - r["a"] == 1 and doc.tokens[r["a"]]["pos"] == "NNPS":
                    continue  # "Democrats", "Mexicans": a group
                if doc.tokens[r["z"] - 1]["word"].lower() in ROLE_WORDS:
                    continue  # "another New Hampshire Democrat": a description
                if (
                    nz < len(doc.tokens)
                    and nz not in pset
                    and doc.tokens[nz]["pos"] == "IN"
                    and len(seg) >= 2
                    and doc.tokens[seg[-1]]["pos"] in ("NN", "NNS")
                    and doc.tokens[seg[-2]]["pos"] in ("NNP", "NNPS")
                ):
                    continue  # "One Club for Growth ad": the name modifies the final noun
                cands.append(r)
            if not cands:
                continue
            words = {doc.tokens[k]["word"].lower() for k in prefix}
            if len(cands) >= 2 and ("and" in words or "&" in words):
                # "Neera Tanden and Blair Effron"; but one organisation name may hold "and"
                whole = doc.run_at.get(prefix[-1])
                if not (
                    whole
                    and whole["a"] <= cands[0]["a"]
                    and doc.tokens[whole["a"]]["ner"] == "ORGANIZATION"
                ):
                    return "compound", None
            return "name", cands[-1] if cands[-1]["z"] == prefix[-1] + 1 or (
                prefix[-1] < len(doc.tokens)
                and doc.tokens[prefix[-1]]["pos"] == "POS"
                and cands[-1]["z"] == prefix[-1]
            ) else cands[0]
        return None, None

    def chain_gender(self, ci):
        if ci in self._gender_cache:
            return self._gender_cache[ci]
        m = f = 0
        for a, z, h in self.doc.chains[ci]:
            if z - a == 1:
                w = self.doc.tokens[a]["word"].lower()
                m += w in MALE
                f += w in FEMALE
        g = "m" if m > f else "f" if f > m else None
        self._gender_cache[ci] = g
        return g

    def run_gender(self, runs):
        """(gender, votes) from the pronouns of the dcoref chains holding these name mentions."""
        votes = collections.Counter()
        for r in runs:
            for ci, _ in self.doc.chain_of.get(r["z"] - 1, []):
                g = self.chain_gender(ci)
                if g:
                    votes[g] += 1
        if not votes:
            return None, 0
        ((g, n),) = votes.most_common(1)
        other = sum(votes.values()) - n
        return (g, n - other) if n > other else (None, 0)

    def full_name(self, run, source_gender=None, chain_runs=(), gender_strength=2):
        """The fullest form of a name that the article uses. Candidates: the article's name
        mentions outside the headline with the same last word that contain the given words
        (and the same Jr./Sr. suffix if the source has one). People: candidates not contained
        in a longer one (a Jr. is not merged into his father). A person whose pronouns in the
        dcoref chains clearly contradict the source's gender ("Mr. Obama" is not "Michelle
        Obama") is dropped. One person left: its most frequent multi-word form (earliest on a
        tie). Several (Hillary / Bill Clinton): the one in the source's dcoref chain, else the
        one fully named most often (resolution "ambiguous-surname")."""
        words, suffix = _name_words(run["text"])
        if not words:
            return run["text"], "source-name", [run["text"]]
        full = []
        for r in self.names:
            if r.get("headline"):
                continue
            rw, rs = _name_words(r["text"])
            if (
                len(rw) >= 2
                and rw[-1] == words[-1]
                and (not suffix or rs == suffix)
                and set(words) <= set(rw)
                and (len(rw) > len(words) or rs != suffix or rw == words)
            ):
                full.append((r, rw, rs))
        method = "source-name"
        best = run
        key = None
        people = {}
        for r, rw, rs in full:
            k = (frozenset(rw), rs)
            if not any(
                k[1] == o[1] and k[0] < frozenset(orw)
                for _, orw, o_rs in full
                for o in [(None, o_rs)]
            ):
                people.setdefault(k, [])
        for r, rw, rs in full:
            for k in people:
                if rs == k[1] and frozenset(rw) <= k[0]:
                    people[k].append(r)
        people = {k: v for k, v in people.items() if v}
        if source_gender and people:
            kept = {}
            for k, rs in people.items():
                g, strength = self.run_gender(rs)
                if (
                    g is None
                    or g == source_gender
                    or (strength < gender_strength and len(people) == 1)
                ):
                    kept[k] = rs
            if len(kept) < len(people):
                method = "source-name+gender-filtered"
            people = kept
        if people:
            if len(people) > 1:
                chain_ids = {(c["a"], c["z"]) for c in chain_runs}
                hit = [
                    k for k, rs in people.items() if any((r["a"], r["z"]) in chain_ids for r in rs)
                ]
                if len(hit) == 1:
                    key = hit[0]
                    method = "source-name+coref-disambiguated"
                else:
                    key = max(
                        people, key=lambda k: (len(people[k]), -min(r["a"] for r in people[k]))
                    )
                    method = "source-name+ambiguous-surname"
            else:
                key = next(iter(people))
            first_full = min(r["a"] for r in people[key])
            early = sum(
                1
                for r in self.names
                if not r.get("headline")
                and r["a"] < first_full
                and _name_words(r["text"])[0] == words[-1:]
            )
            if early >= 3:
                # the surname was used three times before this full name appears: likely another
                # person never fully named (Mr. Obama vs. a later "Michelle Obama"); keep as given
                return run["text"], "source-name(late-full-name)", [run["text"]]
            forms = collections.Counter(r["text"] for r in people[key])
            first_at = {}
            for r in people[key]:
                first_at.setdefault(r["text"], r["a"])
            best_text = max(forms, key=lambda t: (forms[t], -first_at[t]))
            best = {"text": best_text}
            if method == "source-name" and best_text != run["text"]:
                method = "source-name+expanded"
        bw, bs = _name_words(best["text"])
        person = (set(key[0]) if key else set()) | set(bw)
        mentions = [best["text"]]
        for r in self.names:
            rw, rs = _name_words(r["text"])
            if (
                rw
                and rw[-1] == bw[-1]
                and rs in ("", bs)
                and set(rw) <= person
                and r["text"] not in mentions
            ):
                mentions.append(r["text"])
        return best["text"], method, mentions

    def source_chain(self, toks, head=None):
        """The dcoref chain of the mention that is the source: the mention headed by the
        source's head word (else the one covering most of the source), and the person or
        organisation names (by NER) it holds."""
        doc = self.doc
        tokset = set(toks)
        best, best_key = None, None
        for ci, ch in enumerate(doc.chains):
            for a, z, h in ch:
                if h not in tokset:
                    continue
                inside = sum(1 for k in range(a, z) if k in tokset)
                if head is not None and h != head and inside * 2 < len(toks):
                    continue
                k = (h == head, inside, -(z - a - inside))
                if best_key is None or k > best_key:
                    best, best_key = ci, k
        if best is None:
            return [], None
        runs = []
        for a, z, h in doc.chains[best]:
            r = doc.run_at.get(h)
            if r is not None and r not in runs and r["ner"] in NAME_NER and not r.get("headline"):
                runs.append(r)
        return runs, best

    def source_head(self, toks):
        """The head word of the source: the last word of its first segment's head phrase."""
        segs = self._segments(toks)
        if not segs:
            return None
        prefix = self._prefix(segs[0])
        if not prefix:
            return None
        k = prefix[-1]
        if self.doc.tokens[k]["pos"] == "POS" and len(prefix) > 1:
            k = prefix[-2]
        return k

    def all_proper(self, toks):
        """A source that is one proper name ("Citizens for Tax Justice", "Mr. Obama"): the run
        without leading titles or articles, else None."""
        doc = self.doc
        ks = list(toks)
        person = any(doc.tokens[k]["ner"] == "PERSON" for k in ks)
        while ks and (
            doc.tokens[ks[0]]["pos"] == "DT"
            or (
                _is_name_stop(doc.tokens[ks[0]]["word"])
                and (person or doc.tokens[ks[0]]["word"].rstrip(".").lower() in HONORIFICS)
            )
        ):
            ks = ks[1:]
        if ks and doc.tokens[ks[-1]]["pos"] == "POS":
            ks = ks[:-1]
        if not ks or ks != list(range(ks[0], ks[-1] + 1)):
            return None
        for i, k in enumerate(ks):
            t = doc.tokens[k]
            w = t["word"]
            if k in doc.run_at:
                continue
            if (
                0 < i < len(ks) - 1
                and not person
                and w in ("of", "for", "and", "&", "on", "the", "to", "de", "in")
            ):
                continue  # organisation names only: "Patricia Moran of Cheyenne" is a name and a place
            return None
        if ks[0] not in doc.run_at or ks[-1] not in doc.run_at:
            return None
        if len(ks) == 1 and doc.tokens[ks[0]]["pos"] == "NNPS":
            return None
        ners = collections.Counter(doc.tokens[k]["ner"] for k in ks)
        if any(doc.tokens[k]["word"] in ("and", "&") for k in ks) and ners["PERSON"]:
            return None  # "Neera Tanden and Blair Effron": a compound source
        return {
            "a": ks[0],
            "z": ks[-1] + 1,
            "ner": ners.most_common(1)[0][0],
            "text": self.text[doc.tokens[ks[0]]["b"] : doc.tokens[ks[-1]]["e"]],
        }

    # -- main ----------------------------------------------------------------------------
    def resolve(self, source_frags):
        text = self.text
        src = " ".join(text[a:z] for a, z in source_frags).strip()
        if not source_frags:
            return {
                "speaker": "",
                "speaker_mentions": [],
                "speaker_status": "no-source",
                "speaker_resolution": "none",
                "source_text": "",
            }
        base = {"source_text": src}
        if self.doc is None:
            words = src.split()
            if all(w.lower().strip(",") in PRONOUNS for w in words):
                return dict(
                    base,
                    speaker=src,
                    speaker_mentions=[],
                    speaker_status="unresolved",
                    speaker_resolution="pronoun(no corenlp file)",
                )
            named = src[:1].isupper() and words[0].lower() not in {"the", "a", "an"} | PRONOUNS
            return dict(
                base,
                speaker=src,
                speaker_mentions=[src] if named else [],
                speaker_status="named" if named else "description",
                speaker_resolution="source-text(no corenlp file)",
            )
        doc = self.doc
        toks = doc.tokens_in(source_frags)
        if not toks:
            return dict(
                base,
                speaker=src,
                speaker_mentions=[],
                speaker_status="unresolved",
                speaker_resolution="no-tokens",
            )
        words = [w.lower() for w in self._words(toks)]
        chain_runs, chain = self.source_chain(toks, self.source_head(toks))
        gender, strength = None, 2
        first = words[0].rstrip(".")
        if first == "mr":
            gender = "m"
        elif first in ("mrs", "ms", "miss"):
            gender = "f"
        elif chain is not None:
            gender = self.chain_gender(chain)
        run = self.all_proper(toks)
        kind = "name" if run else None
        if run is None:
            kind, run = self.name_head(toks)
        if kind == "compound":
            return dict(
                base,
                speaker=src,
                speaker_mentions=[],
                speaker_status="description",
                speaker_resolution="compound-source",
            )
        if run is not None:
            name, method, mentions = self.full_name(run, gender, chain_runs, strength)
            return dict(
                base,
                speaker=name,
                speaker_mentions=mentions,
                speaker_status="named",
                speaker_resolution=method,
            )
        if doc.tokens[toks[0]]["pos"] in ("VBD", "VBZ", "VBP", "VBN") or all(
            doc.tokens[k]["pos"][:2] in ("VB", "RB", "IN", "MD", "TO", ",", ".", ":") for k in toks
        ):
            return dict(
                base,
                speaker=src,
                speaker_mentions=[],
                speaker_status="unresolved",
                speaker_resolution="invalid-source",
            )
        content_words = [w for w in words if w not in PRONOUNS and re.search(r"\w", w)]
        is_pronoun = not content_words
        # relative pronoun: the name just before it ("Smith, who said ...")
        if is_pronoun and words[0] in RELATIVE:
            k = toks[0] - 1
            while (
                k >= 0 and toks[0] - k < 5 and doc.tokens[k]["pos"] in (",", "CD", "-LRB-", "-RRB-")
            ):
                k -= 1
            r = doc.run_at.get(k) if k >= 0 else None
            if r is not None and r["z"] == k + 1:
                name, _, mentions = self.full_name(r, gender, chain_runs)
                return dict(
                    base,
                    speaker=name,
                    speaker_mentions=mentions,
                    speaker_status="named",
                    speaker_resolution="relative-pronoun-antecedent",
                )
        # coreference chain (CoreNLP dcoref, automatic)
        if is_pronoun and words[0] in MALE | FEMALE | {"i", "me", "my"}:
            chain_runs = [r for r in chain_runs if r["ner"] == "PERSON"]
        elif is_pronoun and words[0] in ("they", "them", "their", "we", "us", "our"):
            chain_runs = [r for r in chain_runs if r["ner"] == "ORGANIZATION"]
        if chain_runs:

            def lastw(r):
                return (_name_words(r["text"])[0] or [""])[-1]

            count = collections.Counter(lastw(r) for r in chain_runs)
            r = min(chain_runs, key=lambda r: (-count[lastw(r)], -(r["z"] - r["a"]), r["a"]))
            name, _, mentions = self.full_name(r, gender, chain_runs)
            return dict(
                base,
                speaker=name,
                speaker_mentions=mentions,
                speaker_status="named",
                speaker_resolution="corenlp-coref"
                + ("(pronoun)" if is_pronoun else "(description)"),
            )
        if is_pronoun:
            return dict(
                base,
                speaker=src,
                speaker_mentions=[],
                speaker_status="unresolved",
                speaker_resolution="pronoun-unresolved",
            )
        return dict(
            base,
            speaker=src,
            speaker_mentions=[],
            speaker_status="description",
            speaker_resolution="source-description",
        )


def _overlap(a, b, frags):
    return sum(max(0, min(b, z) - max(a, x)) for x, z in frags)


def assign_attributions(text, spans, attributions, first_line_end):
    """Map each quoted span to the attribution whose content holds it (see REPORT.md)."""
    out = []
    for sp in spans:
        s, e = inner_span(text, sp)
        if e <= s:
            out.append((sp, s, e, None, "empty"))
            continue
        if sp.open_at < first_line_end:
            out.append((sp, s, e, None, "headline"))
            continue
        best, best_key = None, None
        for at in attributions:
            c = at["content"]
            ext = (min(x for x, _ in c), max(z for _, z in c))
            ext_cov = max(0, min(e, ext[1]) - max(s, ext[0]))
            if ext_cov == 0:
                continue
            direct = _overlap(s, e, c)
            if direct == 0:
                continue
            key = (ext_cov, direct, -(ext[1] - ext[0]))
            if best_key is None or key > best_key:
                best, best_key = at, key
        if best is None:
            out.append((sp, s, e, None, "no-attribution"))
            continue
        if best_key[0] < 0.5 * (e - s):
            out.append((sp, s, e, best, "partly-attributed"))
            continue
        out.append((sp, s, e, best, "ok"))
    return out


def polnear_articles(root):
    """Yield (compartment, filename, annotator, text, ann_path, xml_path or None)."""
    meta_path = os.path.join(root, "data", "metadata.tsv")
    with open(meta_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        comp = row["compartment"]
        if comp not in ("train", "dev", "test"):
            continue
        name = row["filename"]
        annotators = row["annotators"].split("|")
        ann_dir = os.path.join(root, "data", comp, "attributions")
        # several annotators for agreement articles: take the first listed that exists
        ann_path = None
        for a in annotators:
            p = os.path.join(ann_dir, f"{name}_{a}.ann")
            if os.path.exists(p):
                ann_path, annotator = p, a
                break
        if ann_path is None:
            yield comp, name, None, None, None, None
            continue
        with open(
            os.path.join(root, "data", comp, "text", name + ".txt"), encoding="utf-8", newline=""
        ) as f:
            text = f.read()
        xml_path = os.path.join(root, "data", comp, "corenlp", name + ".txt.xml")
        yield (
            comp,
            name,
            annotator,
            text,
            ann_path,
            (xml_path if os.path.exists(xml_path) else None),
        )


def convert_polnear(root, out_root, commit=None, limit=None, splits=("dev", "test")):
    split_of = {"train": "dev", "dev": "dev", "test": "test"}
    stats = {sp: collections.Counter() for sp in ("dev", "test")}
    dropped = {sp: [] for sp in ("dev", "test")}
    for sp in ("dev", "test"):
        os.makedirs(os.path.join(out_root, "polnear", sp), exist_ok=True)
    n = 0
    for comp, name, annotator, text, ann_path, xml_path in polnear_articles(root):
        split = split_of[comp]
        if split not in splits:
            continue
        st = stats[split]
        if text is None:
            st["articles_missing_annotation"] += 1
            continue
        n += 1
        if limit and n > limit:
            break
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")  # offsets would shift: none seen
            st["articles_with_cr"] += 1
        attributions, other = read_brat(ann_path, text)
        doc = None
        if xml_path:
            doc = CoreNLPDoc(xml_path, text)
        else:
            st["articles_without_corenlp"] += 1
        resolver = PolNeARResolver(text, doc)
        first_line_end = text.find("\n")
        first_line_end = len(text) if first_line_end == -1 else first_line_end
        # scan; a quotation carried over paragraphs that does not line up with one attribution is
        # re-scanned with that carry-over refused (the open paragraph then counts as unclosed)
        no_continue = set()
        for _ in range(5):
            spans, anomalies = find_quotes(text, frozenset(no_continue))
            assigned = assign_attributions(text, spans, attributions, first_line_end)
            refuse = set()
            for sp, s, e, at, status in assigned:
                if sp.paragraphs > 1 and status != "ok":
                    refuse |= {
                        m.end()
                        for m in re.finditer("\n", text[: sp.close_at])
                        if m.end() > sp.open_at
                    }
            if not refuse - no_continue:
                break
            no_continue |= refuse
        for kind, _ in anomalies:
            st["scan_" + kind] += 1
        # resolve every attribution's source in text order, to cross-check pronoun resolutions
        # against the last speaker named outright before them
        resolved = {}
        last_named = None
        for at in sorted(attributions, key=lambda a: (a["source"] or a["content"])[0][0]):
            if at["kind"] == "Attribution-no-source" or not at["source"]:
                continue
            res = resolver.resolve(at["source"])
            if res["speaker_resolution"].startswith("corenlp-coref"):
                res["confidence"] = "high" if last_named and last_named == res["speaker"] else "low"
            elif res["speaker_resolution"] in (
                "source-name+ambiguous-surname",
                "source-name(late-full-name)",
                "source-text(no corenlp file)",
            ):
                res["confidence"] = "low"
            elif res["speaker_status"] == "named":
                res["confidence"] = "high"
                last_named = res["speaker"]
            resolved[at["id"]] = res
        quotes, unattributed = [], []
        discuss = [f for label, frags in other if label == "Discuss" for f in frags]
        for sp, s, e, at, status in assigned:
            st["quoted_spans"] += 1
            if status in ("empty",):
                st["quoted_spans_empty"] += 1
                continue
            if status != "ok":
                st["quoted_spans_" + status.replace("-", "_")] += 1
                flagged = any(min(e, z) > max(s, a) for a, z in discuss)
                unattributed.append(
                    {
                        "text": text[s:e],
                        "start": s,
                        "end": e,
                        "where": status,
                        "kind": sp.kind,
                        "flagged_for_discussion": flagged,
                    }
                )
                continue
            res = resolved.get(at["id"])
            if res is None:
                res = {
                    "speaker": "",
                    "speaker_mentions": [],
                    "speaker_status": "no-source",
                    "speaker_resolution": "none",
                    "source_text": "",
                }
            q = {
                "quote": text[s:e],
                "start": s,
                "end": e,
                "speaker": res["speaker"],
                "speaker_mentions": res["speaker_mentions"],
                "speaker_status": res["speaker_status"],
                "speaker_resolution": res["speaker_resolution"],
                "source_text": res["source_text"],
                "quote_marks": sp.kind,
                "confidence": res.get("confidence", "n/a"),
                "attribution": at["id"],
            }
            if sp.paragraphs > 1:
                q["paragraphs"] = sp.paragraphs
            quotes.append(q)
        # several quoted spans of one attribution with a pronoun resolved differently? keep as is
        folder = os.path.join(out_root, "polnear", split)
        kept, drop = write_article(
            folder, name, text, quotes, [], extra={".unattributed.json": unattributed}
        )
        dropped[split] += drop
        st["articles"] += 1
        st["quotations"] += len(kept)
        st["dropped"] += len(drop)
        for q in kept:
            st["speaker_" + q["speaker_status"]] += 1
            st["resolution_" + q["speaker_resolution"]] += 1
            if q["speaker_status"] == "named":
                st["named_confidence_" + q["confidence"]] += 1
    for split in splits:
        folder = os.path.join(out_root, "polnear", split)
        info = {
            "corpus": "PolNeAR v1.0.0",
            "url": "https://github.com/networkdynamics/PolNeAR",
            "commit": commit,
            "split": split,
            "source_compartments": ["train", "dev"] if split == "dev" else ["test"],
            "blind": split == "test",
            "nonquotes_labelled": False,
            "quotes_complete": False,
            "annotation_used": "articles with several annotators (agreement checks): the first annotator "
            "listed in data/metadata.tsv",
            "notes": [
                "Quotations are the quote-marked spans lying in PolNeAR attribution content; "
                "quote-marked spans the annotators did not attribute are in NAME.unattributed.json "
                "(by the guidelines scare quotes and titles are not attributions, but annotation "
                "misses are mixed in) -- so quotation precision is only approximately measurable.",
                "Score speakers only on entries with speaker_status == 'named' (or 'description' if "
                "unnamed speakers are wanted); 'unresolved' and 'no-source' have no usable gold name.",
            ],
            "counts": dict(sorted(stats[split].items())),
        }
        with open(os.path.join(folder, "corpus.json"), "w", encoding="utf-8") as f:
            json.dump(info, f, ensure_ascii=False, indent=1)
            f.write("\n")
        with open(os.path.join(folder, "dropped.json"), "w", encoding="utf-8") as f:
            json.dump(dropped[split], f, ensure_ascii=False, indent=1)
            f.write("\n")
    return stats


def git_commit(path):
    """The checkout's HEAD commit, if it is a git checkout (read from .git without git)."""
    head = os.path.join(path, ".git", "HEAD")
    try:
        with open(head) as f:
            ref = f.read().strip()
        if ref.startswith("ref: "):
            with open(os.path.join(path, ".git", ref[5:])) as f:
                return f.read().strip()
        return ref
    except OSError:
        return None


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="python -m bench.polnear_convert", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--polnear", help="PolNeAR checkout (folder with data/metadata.tsv)")
    ap.add_argument("--polnear-commit", default=None)
    ap.add_argument("--out", default="out")
    ap.add_argument("--limit", type=int, default=None, help="debug: first N PolNeAR articles")
    ap.add_argument(
        "--splits", default="dev,test", help="which of our splits to write (default dev,test)"
    )
    args = ap.parse_args(argv)
    report = {}
    if args.polnear:
        stats = convert_polnear(
            args.polnear,
            args.out,
            args.polnear_commit or git_commit(args.polnear),
            args.limit,
            tuple(args.splits.split(",")),
        )
        report["polnear"] = stats
    for corpus, stats in report.items():
        for split, st in stats.items():
            if not st:
                continue
            folder = os.path.join(args.out, corpus, split)
            n_art, n_q, problems = validate_folder(folder)
            print(
                f"{corpus}/{split}: articles={st['articles']} quotations={st['quotations']} "
                f"named={st['speaker_named']} description={st['speaker_description']} "
                f"unresolved={st['speaker_unresolved']} no_source={st['speaker_no-source']} "
                f"dropped={st['dropped']} | revalidated articles={n_art} quotes={n_q} problems={problems}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Words of speech: the verbs and phrases that attribute a quotation to a speaker.

Only the surface forms news writing uses ("said", "told reporters", "according to"); no
model, no lemmatiser: a closed list, matched case-insensitively on whole words.
"""

from __future__ import annotations

import re

_VERBS = """
say says said saying
tell tells told telling
add adds added adding
explain explains explained explaining
note notes noted noting
state states stated stating
write writes wrote written writing
ask asks asked asking
answer answers answered
reply replies replied replying
respond responds responded
claim claims claimed claiming
argue argues argued arguing
insist insists insisted insisting
warn warns warned warning
announce announces announced announcing
declare declares declared declaring
confirm confirms confirmed
deny denies denied
admit admits admitted admitting
acknowledge acknowledges acknowledged
suggest suggests suggested suggesting
continue continues continued continuing
recall recalls recalled recalling
comment comments commented commenting
observe observes observed
conclude concludes concluded
stress stresses stressed stressing
emphasize emphasizes emphasized emphasise emphasises emphasised
describe describes described describing
characterize characterizes characterized characterise characterises characterised
urge urges urged urging
testify testifies testified
tweet tweets tweeted tweeting
post posts posted
vow vows vowed vowing
promise promises promised
predict predicts predicted
report reports reported
quip quips quipped
joke jokes joked
shout shouts shouted
exclaim exclaims exclaimed
whisper whispers whispered
remark remarks remarked
complain complains complained complaining
boast boasts boasted
contend contends contended
assert asserts asserted
maintain maintains maintained
agree agrees agreed
counter counters countered
charge charges charged
allege alleges alleged
accuse accuses accused
called calls
recount recounts recounted
reiterate reiterates reiterated
concede concedes conceded
caution cautions cautioned
announce announced
mention mentions mentioned
point points pointed
reason reasons reasoned
call
demand demands demanded
plead pleads pleaded
instruct instructs instructed
promising pledge pledges pledged pledging
swear swears swore
confide confides confided
reveal reveals revealed
disclose discloses disclosed
confess confesses confessed
lament laments lamented
muse muses mused
wonder wonders wondered
marvel marvels marveled marvelled
yell yells yelled
scream screams screamed
cry cries cried
sigh sighs sighed
retort retorts retorted
snap snapped
gush gushes gushed
grumble grumbles grumbled
scoff scoffs scoffed
proclaim proclaims proclaimed
pronounce pronounces pronounced
elaborate elaborates elaborated
clarify clarifies clarified
interject interjects interjected
chime chimes chimed
advise advises advised
assure assures assured
reassure reassures reassured
inform informs informed
speculate speculates speculated
estimate estimates estimated
summarize summarizes summarized summarise summarises summarised
quote quotes quoted
cite cites cited
"""

SPEECH_VERBS: frozenset[str] = frozenset(_VERBS.split())

# Verbs that only attribute when nothing else is around them are too weak on their own;
# these mostly introduce a quotation when placed right next to it.
WEAK_VERBS: frozenset[str] = frozenset(
    {
        "called",
        "calls",
        "charge",
        "charges",
        "charged",
        "post",
        "posts",
        "posted",
        "report",
        "reports",
        "reported",
        "continue",
        "continues",
        "continued",
        "continuing",
        "point",
        "points",
        "pointed",
        "maintain",
        "maintains",
        "maintained",
        "agree",
        "agrees",
        "agreed",
    }
)

ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
QUOTED_AS = re.compile(r"\bquoted as saying\b", re.IGNORECASE)

# What may follow a verb as part of the cue: "told reporters", "said in a statement".
_CUE_TAIL = re.compile(
    r"^\s*(?:(?:to\s+)?(?:reporters|journalists|the\s+press|the\s+media|the\s+BBC|CNN|AP|Reuters)"
    r"|in\s+a\s+(?:statement|press\s+release|news\s+release|press\s+conference|news\s+conference|"
    r"speech|letter|interview|post|tweet|blog\s+post|email|e-mail|report|memo)"
    r"|on\s+(?:Twitter|Facebook|Instagram|X|social\s+media)"
    r"|out)\b",
    re.IGNORECASE,
)


# Forms that are nouns as often as verbs ("a blog post", "his remarks", "the reports").
_NOUN_LIKE = frozenset(
    [
        "post",
        "posts",
        "report",
        "reports",
        "tweet",
        "tweets",
        "comment",
        "comments",
        "note",
        "notes",
        "claim",
        "claims",
        "state",
        "states",
        "answer",
        "answers",
        "reply",
        "replies",
        "stress",
        "charge",
        "charges",
        "call",
        "calls",
        "point",
        "points",
        "promise",
        "promises",
        "joke",
        "jokes",
        "remark",
        "remarks",
        "vow",
        "vows",
        "demand",
        "demands",
        "shout",
        "shouts",
        "whisper",
        "whispers",
        "counter",
        "cry",
        "cries",
        "sigh",
        "sighs",
        "quote",
        "quotes",
        "estimate",
        "estimates",
        "pledge",
        "pledges",
        "counters",
        "reason",
        "reasons",
        "plead",
    ]
)
# Words before a base-form verb ("they claim", "to comment", "will post").
_VERB_CONTEXT = frozenset(
    [
        "to",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "did",
        "do",
        "does",
        "i",
        "we",
        "you",
        "they",
        "not",
        "never",
        "also",
        "often",
    ]
)
# Words before a noun ("his remarks", "in a post", "the reports").
_NOUN_CONTEXT = frozenset(
    [
        "a",
        "an",
        "the",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "no",
        "many",
        "several",
        "few",
        "two",
        "three",
        "other",
        "such",
        "blog",
        "news",
        "press",
        "media",
        "in",
        "on",
        "of",
        "for",
        "with",
        "by",
    ]
)


def is_speech_verb(word: str, previous: str = "") -> bool:
    """A speech verb as written in running text (lowercase: "States" is not "states").

    `previous`: the word before it, which tells the verb "post" from the noun ("they post",
    "a blog post"); without it, such words count only in their "-ed" and "-ing" forms.
    """
    if not word.islower() or word not in SPEECH_VERBS:
        return False
    if word not in _NOUN_LIKE:
        return True
    previous = previous.casefold()
    if word.endswith("s") and not word.endswith("ss"):
        return bool(previous) and previous not in _NOUN_CONTEXT  # "King notes", "the notes"
    return previous in _VERB_CONTEXT


# Verbs whose subject may follow them ("said King"); after "told", "asked" or "urged" comes
# the listener, never the speaker.
# After "told", "asked" or "urged" comes the listener, never the speaker.
_LISTENER_FIRST = frozenset(
    [
        "tell",
        "tells",
        "told",
        "telling",
        "ask",
        "asks",
        "asked",
        "asking",
        "urge",
        "urges",
        "urged",
        "urging",
        "inform",
        "informs",
        "informed",
        "assure",
        "assures",
        "assured",
        "reassure",
        "reassures",
        "reassured",
        "advise",
        "advises",
        "advised",
        "accuse",
        "accuses",
        "accused",
        "charge",
        "charges",
        "charged",
        "call",
        "calls",
        "called",
        "describe",
        "describes",
        "described",
        "quote",
        "quotes",
        "quoted",
        "cite",
        "cites",
        "cited",
        "promise",
        "promises",
        "promised",
        "warn",
        "warns",
        "warned",
    ]
)
# Verbs whose subject may follow them ("said King", "instructed Milton Velez"): the
# finite forms of the speech verbs, less those followed by their listener.
INVERTIBLE: frozenset[str] = frozenset(
    verb
    for verb in SPEECH_VERBS
    if verb.endswith(("s", "ed")) or verb in {"said", "wrote", "told", "swore"}
) - _LISTENER_FIRST - {"post", "posts", "stress"} | {"warned", "warns"}

# Before a quotation of any length: the title of a work.
TITLE_LEAD = re.compile(
    r"\b(?:book|novel|film|movie|documentary|song|album|article|essay|column|poem|play|show|"
    r"series|paper|report|exhibit|exhibition|episode|blog\s+post|post)\s*,?\s*(?:titled|entitled|called)?\s*$"
)

# Just before a short quotation, these cite words as words, or name a title.
METALINGUISTIC = re.compile(
    r"\b(?:the\s+(?:words?|terms?|phrases?|names?|slogans?|titles?|labels?|message|motto|"
    r"expression|nickname|hashtag|sign|headline|caption)|so-called|dubbed|titled|entitled|"
    r"named|nicknamed|labell?ed|branded|marked|reading|reads|read|known\s+as|called|such\s+as|"
    r"the\s+(?:book|film|movie|song|album|show|series|exhibit|exhibition|campaign|website|site)s?)\s*$",
    re.IGNORECASE,
)


def cue_tail(after_verb: str) -> str:
    """Words right after a speech verb that belong to the cue ("reporters", "in a statement")."""
    match = _CUE_TAIL.match(after_verb)
    return " ".join(match.group(0).split()) if match else ""

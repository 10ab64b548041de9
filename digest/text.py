"""Small text utilities shared by the stages: word tokens, content words, normalization."""

from __future__ import annotations

import itertools
import re
import unicodedata

from digest.timex.lexicon import MONTHS, WEEKDAYS

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "may",
        "might",
        "must",
        "shall",
        "said",
        "says",
        "say",
        "one",
        "two",
        "also",
        "its",
        "it's",
        "there's",
        "that's",
    ]
)

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def normalize(text: str) -> str:
    """NFKC, straight quotes and dashes, single spaces."""
    if not text.isascii():  # ASCII is its own NFKC form and holds no curly quote or dash
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.split())  # str.split's whitespace is exactly re's \s


def words(text: str) -> list[str]:
    """Word tokens, lower-cased, with straight apostrophes."""
    if text.isascii():  # lower-casing ASCII keeps every token's bounds: one pass, same tokens
        return _WORD.findall(text.lower())
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def word_count(text: str) -> int:
    """How many word tokens :func:`words` would return, without building them."""
    return len(_WORD.findall(text))


def has_words(text: str, n: int) -> bool:
    """Whether ``text`` has at least ``n`` word tokens (stops counting at ``n``)."""
    return n <= 0 or next(itertools.islice(_WORD.finditer(text), n - 1, None), None) is not None


def content_words(text: str) -> list[str]:
    """Words that carry meaning: not stopwords, at least three characters or a number."""
    return [w for w in words(text) if w not in STOPWORDS and (len(w) >= 3 or w.isdigit())]


# Words that point back to the sentence before ("He explains ...", "This was ...").
CONTEXT_OPENERS = frozenset(
    ["he", "she", "it", "they", "this", "these", "those", "that", "such", "his", "her", "their", "its", "them"]
)


# A preposition and a demonstrative open a sentence about what the one before named: "In that
# interview, the president compared ...", "During that meeting, ...", "After that, ...". Not a time
# of the writer's own ("This week ...", "At this point, ..." is now).
_PREPOSITION_THAT = re.compile(
    r"^[\"'“‘(\s]*(?:in|at|during|from|after|before|on|by|with|under|for|despite|since|following|amid)\s+"
    r"(?:that|those|these|such|this(?!\s+(?:point|time|stage|moment)\b))\b"
    r"(?!\s+(?:week|weekend|year|month|morning|afternoon|evening|season|summer|spring|autumn|fall|winter|"
    r"decade|century)s?\b)",
    re.I,
)


# An answer opens with its yes or no: "Yes, the swine flu could mutate and become more dangerous."
# answers the question before it (not "No-one can be sure ...").
_ANSWER = re.compile(r"^[\"'“‘(\s]*(?:yes|no|yeah|nope)\s*(?:,|--|[–—]|-\s)", re.I)


def opens_with_reference(text: str) -> bool:
    """Whether a sentence opens with a word that points back ("He explains ...", "This was ...",
    "In that interview, ...", "Yes, ...", after a linking adverb "Here, he argues ...", "Now it is
    sending ..."): who or what it is about is in the sentence before."""
    tokens = words(text[:40])
    if tokens and tokens[0] in _LINKING_ADVERBS and len(tokens) > 1:
        tokens = tokens[1:]
    # "It's the worst earthquake ...", "They're ...", "That's ...": the pronoun before its contraction
    first = _CONTRACTION.sub("", tokens[0]) if tokens else ""
    return bool(tokens) and (
        first in CONTEXT_OPENERS or _PREPOSITION_THAT.match(text) is not None or _ANSWER.match(text) is not None
    )


# Adverbs that link a sentence to the one before and may stand before its subject.
_LINKING_ADVERBS = frozenset(
    ["here", "now", "then", "still", "instead", "also", "meanwhile", "however", "yet", "later", "earlier", "again"]
)


_CONTRACTION = re.compile(r"['’](?:s|re|ve|d|ll)$")


# A demonstrative that stands for what the sentence before said: "That is more than 30% higher than
# the low hit on 25 June", "This was the third attempt ...", "These included reducing taxes ...". (As
# a determiner it does not: "This week BP said ...".)
_DEMONSTRATIVE_SUBJECT = re.compile(
    r"^[\"'“‘(\s]*(?:that|this|these|those|such)(?:['’]s\b|\s+(?:is|was|are|were|has|had|have|means?|meant|"
    r"would|will|could|may|might|should|comes?|came|follows?|followed|marks?|marked|represents?|represented|"
    r"includes?|included|brings?|brought|puts?|leaves|left|makes?|made)\b)",
    re.I,
)


def restates_previous(text: str) -> bool:
    """Whether a sentence's subject is a demonstrative standing for the sentence before ("That is
    more than 30% higher ...", "This was the third attempt ..."): it says nothing on its own."""
    return _DEMONSTRATIVE_SUBJECT.match(text) is not None


_QUESTION = re.compile(r"""\?['"’”)\]]*\s*$""")


# A question put to the reader or a panel without its question mark: "Could you please review your
# estimated mortality rate for Swine flu (H1N1).", "Did you know that ...", "DO YOU THINK ...". Not
# "should": '"Should we receive instructions ..., we will ..."' is a condition.
_ASKS = re.compile(r"^\W*(?:could|can|would|will|do|did|have|are)\s+(?:you|we)\b", re.I)


def is_question(text: str) -> bool:
    """Whether a sentence is a question: it ends with a question mark, maybe inside closing quotes
    or brackets ('"Who pays?"', "(Why now?)"), or it asks "you" or "we" without one ("Could you
    please review ..."). One test for every stage that leaves questions out."""
    return bool(_QUESTION.search(text) or _ASKS.match(text))


# "My"/"Me" open sentences too; "mine" is a pronoun unless it is the pit ("a coal mine", "mine work").
FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|[Mm]e|[Mm]y|[Mm]yself"
    r"|(?<!\ba )(?<!\bthe )(?<!\bcoal )(?<!-)mine(?! (?:work|explosion|disaster|shaft|owner|site|safety)))\b"
)
_QUOTED = re.compile(r'"[^"]*"')


def in_first_person(text: str) -> bool:
    """Whether a sentence speaks in the first person singular outside quotation marks: the
    writer's own voice ("According to a good friend of mine, ..."), not a quoted source ('"I saw
    it," she said')."""
    return bool(FIRST_PERSON.search(_outside_quotes(text)))


_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)


def speaks_in_person(text: str) -> bool:
    """Whether a sentence says "I", "we" or "you" anywhere, quotations included: a reader's comment
    does, a report rarely does outside a quotation."""
    return bool(FIRST_PERSON.search(text) or _FIRST_PLURAL.search(text) or _SECOND_PERSON.search(text))


def addresses_the_reader(text: str) -> bool:
    """Whether a sentence speaks to the reader outside quotation marks ("You agree that anything
    you post may be used ..."), not a quoted source ('"You will see us again," a protester said')."""
    return bool(_SECOND_PERSON.search(_outside_quotes(text)))


def _outside_quotes(text: str) -> str:
    """The text outside quotation marks. A quotation may run over several sentences: a lone mark
    that opens one ('"We've seen about 8 percent of the sea floor.') quotes the rest of the
    sentence, and a lone mark that closes one ('We are working against the clock."') quotes what
    came before it."""
    outside = _QUOTED.sub(" ", normalize(text))
    mark = outside.find('"')
    if mark < 0:
        return outside
    opens = mark + 1 < len(outside) and not outside[mark + 1].isspace() and (mark == 0 or outside[mark - 1].isspace())
    return outside[:mark] if opens else outside[mark + 1 :]


def is_unattributed_quote(text: str) -> bool:
    """Whether a sentence is a quotation and nothing else ('"Clearly, this is a disaster of epic
    proportions."'), or a piece of a longer one that opens or closes in it ('I'm calling on
    Egyptian authorities to refrain from any violence on peaceful protesters."'): whose words they
    are is in another sentence."""
    return '"' in normalize(text) and not _WORD.search(_outside_quotes(text))


# "we", "our", "us" outside quotation marks: an anchor ("We're hearing reports ..."), a reader, a
# columnist; a report's voice names its people ("Our correspondent" is the exception).
_FIRST_PLURAL = re.compile(
    r"\b(?:[Ww]e|[Ww]e're|[Ww]e've|[Ww]e'll|[Ww]e'd|[Oo]ur(?! correspondents?\b)|us|[Oo]urselves)\b"
)


# Contact details: a phone number ("0370 60 60 900", "+447725100100", "1-800-216-4016",
# "(800)860-2442", "866-448-5816") or an e-mail address (matched from the start of its token only:
# linear on a long run of "a.b-a.b-...").
_CONTACT = re.compile(
    r"\+\d{1,3}[\s-]?\(?\d[\d\s-]{6,}\d|\b0\d{2,4}(?:[\s-]\d{2,4}){2,}\b|\b1[\s-]8\d\d[\s-]\d{3}[\s-]\d{4}\b"
    r"|\(\d{3}\)\s?\d{3}[\s-]\d{4}\b|\b\d{3}-\d{3}-\d{4}\b|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
)


def gives_contact(text: str) -> bool:
    """Whether a sentence gives a phone number or an e-mail address: an appeal, a helpline, a press
    release's contact ("Donations can be made ... by telephoning 0370 60 60 900."), not a statement."""
    return bool(_CONTACT.search(text))


# A photo caption: "In this image made from video provided by BP, Wednesday, June 2, 2010, shows ...",
# "In this May 26, 2010 photo, officials ...".
_CAPTION = re.compile(
    r"^\W*(?:in\s+this\s+(?:\w+\s+|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4},?\s+)?(?:\w+\s+)?"
    r"(?:image|photo|photograph|picture|frame grab)\b"
    r"|this\s+(?:\w+\s+)?(?:image|photo|photograph|picture)\s+(?:shows|taken|made|provided)\b"
    r"|(?:image|photo|picture)\s+credits?\s*:)",
    re.I,
)
# A caption that names its picture further on: "Fire boat response crews battle the blazing remnants
# of the rig, off Louisiana, in this handout photograph taken on April 21, 2010 and obtained on April
# 22." ("the big problem in this picture is ..." is a figure of speech: "picture" is left out.)
_IN_THIS_PHOTO = re.compile(r"\bin\s+this\s+(?:[\w-]+\s+){0,3}?(?:photo|photograph|image|frame\s+grab)\b", re.I)
# A caption ending in its credit: "... oil gushing into Mexican Gulf Photograph: guardian.", "... ringed
# by booms and work boats Photograph: Gerald Herbert/AP".
_CREDIT_TAIL = re.compile(
    r"\b(?:Photograph|Photo|Picture|Image)(?:\s+credit)?\s*:\s*[\w.'’-]+(?:\s+[\w.'’-]+){0,4}(?:/[\w.'’-]+(?:\s+[\w.'’-]+){0,2})?\s*$"
)
# A picture named without a verb: "Satellite image of Port-au-Prince, Haiti taken on 13 January.", "An
# electron micrograph of the A H1N1 swine influenza virus.", "This photo from a gathering outside the
# UN Egyptian mission in New York." ("Video from Sinai on Thursday showed a protester being shot" is a
# report.)
_PICTURE_HEAD = re.compile(
    r"^\W*(?:(?:this|these|an?|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:image|photo|photograph|picture|footage|video|frame grab|micrograph|screenshot|screen grab|"
    r"graphic|map|chart|diagram)s?\s+(?:of|from|taken|made)\b",
    re.I,
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|should|must|do|does|did|"
    r"shows?|reveals?|captures?|depicts?|gives?|gave|appears?|\w{3,}ed)\b",
    re.I,
)


_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_LABEL = (
    rf"(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?"
    rf"(?:(?:{_MONTH_NAME})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_NAME})\.?)"
    rf"(?:,?\s+\d{{4}})?\s*(?:[-–—:]|--)"
)
# A list item's date label: "June 10 - ...", "2 June: ...", "Tuesday, April 20, 2010 -- ...".
DATE_LABEL = re.compile(rf"^\W*{_LABEL}", re.I)
# A recap's line that opens with its whole date, year and all, and no mark after it: "27 October 2011
# Dr Murray weeps in court as former patients praise his medical skills."
DATED_LINE = re.compile(
    rf"^\W*(?i:(?:{_MONTH_NAME})\s+\d{{1,2}},?|\d{{1,2}}\s+(?:{_MONTH_NAME}),?)\s+\d{{4}}\s+(?=[A-Z])"
)
# A gallery caption's date label, maybe after its agency: "April 27: Weathered oil ... is seen in the
# Gulf of Mexico near Louisiana.", "AFP/Getty Images June 28: Tropical Storm Alex is seen churning
# ...", "May 29: This image made from video released by British Petroleum shows ...".
_GALLERY_LABEL = re.compile(rf"^\W*(?:(?:AP|AFP|Reuters|Getty Images|AFP/Getty Images)\s+)?{_LABEL}\s*", re.I)
# What a picture shows, in a caption's words: "is seen", "are seen" (not "seen as", a judgement).
_SEEN = re.compile(r"\b(?:is|are)\s+seen\s+(?!as\b|by\b|to\b|with\b|that\b)", re.I)


def is_caption(text: str) -> bool:
    """Whether a sentence is a picture's caption ("In this image made from video provided by BP ...",
    "Satellite image of Port-au-Prince, Haiti taken on 13 January."): it describes a picture, it
    reports nothing. After a gallery's date label ("April 27: ..."), so does a sentence in which
    something "is seen"."""
    label = _GALLERY_LABEL.match(text)
    if label:
        if _SEEN.search(text, label.end()):
            return True
        text = text[label.end() :]
    if _CAPTION.match(text) or _CREDIT_TAIL.search(text) or _IN_THIS_PHOTO.search(text):
        return True
    if _is_scene(text):
        return True
    head = _PICTURE_HEAD.match(text)
    return head is not None and not _FINITE.search(text, head.end())


def _is_scene(text: str) -> bool:
    """A wire photo's caption: someone doing something in the present tense, and the day the picture
    was taken at the end ("A woman holds a poster ... at a protest in Paris on February 5.", "Oil floats
    on the surface of the Gulf of Mexico ... June 2, 2010."). A report tells the past in the past
    tense: all 48 distinct T17 lines of this form are captions."""
    end = _SCENE_DAY.search(text)
    verb = _SCENE_VERB.search(text, 0, end.start()) if end else None
    if verb is None:
        return False
    subject = text[: verb.start()]
    # the verb is the sentence's: nothing finite or modal before it ("said it would hold a hearing")
    return not _BEFORE_SCENE_VERB.search(subject) and has_words(subject, 1)


# A verb of what a picture shows, in the present tense.
_SCENE_VERB = re.compile(
    r"\b(?:arrives?|walks?|stands?|gathers?|holds?|embraces?|celebrates?|floats?|sits?|prays?|tear|gestures?|"
    r"carr(?:y|ies)|wears?|waits?|looks on|shouts?|sleeps?|lies|lie|poses?|reacts?|smiles?|listens?|ties|"
    r"cleans?|collects?|removes?|pulls?|inspects?|speaks?|testif(?:y|ies)|prepares?|rides?|sings?|skims?|scoops?|"
    r"shovels?|burns?)\b"
)  # not those that are nouns as often ("talks", "points", "waves", "marches", "works")
_BEFORE_SCENE_VERB = re.compile(
    r"\b(?:said|says|would|will|to|has|have|had|is|are|was|were|can|could|may|might|must|should|did|do|does)\b",
    re.I,
)
# The day at the end: "on February 5.", "in Mexico City April 24, 2009.", "Saturday, Aug. 14, 2010."
_SCENE_DAY = re.compile(
    rf"(?:\bon\s+|,\s*|\s)(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?(?:{_MONTH_NAME})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*\.?\s*$",
    re.I,
)


# A sentence that opens with a verb's bare form (or "Please") tells the reader to do something: "Give
# the Brotherhood of Islam an example they can ALL follow.", "Remember when he was talking about ...",
# "Watch AC360 at 8 & 10 p.m. ET.", "Let the Egyptians remember ...", "Please get involved and leave a
# comment.". Not before a hyphen or an apostrophe ("Stop-gap", "Go-ahead"), nor inside a quotation
# ('"Remember us," she said.' reports what was said); "Help" is left out, as a noun opens news often
# ("Help came very fast, Preval said.").
_IMPERATIVE = re.compile(
    r"^[\s(*•–—-]*(?:give|remember|think|imagine|let|let['’]s|look|consider|don['’]t|take|watch|read|click|join|tell|"
    r"keep|stop|go|send|follow|check|visit|share|listen|see|try|make|get|stay|pray|call|leave|please)\b(?![-'’])",
    re.I,
)


def is_imperative(text: str) -> bool:
    """Whether a sentence tells the reader (or a listener) to do something (see :data:`_IMPERATIVE`)."""
    return _IMPERATIVE.match(text) is not None


# A story's credit line: "CNN's Nic Robertson ... contributed to this report.", "The Associated Press
# contributed reporting to this story.", "(Reporting by Tom Bergin; Editing by Louise Heavens)".
_CREDIT_LINE = re.compile(
    r"\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\b"
    r"|^\W*(?:additional\s+)?(?:reporting|writing|editing)\s+by\b"
    r"|\bediting\s+by\s+[A-Z]",
    re.I,
)


def is_fact_box(text: str) -> bool:
    """Whether a "sentence" is a fact box run into one line: two or more names, each with a colon and
    a figure ("Mexico: 103 dead - 20 confirmed to have died from swine flu ... United States: 20
    confirmed cases ... Spain: 1 confirmed case ..."). It lists, it does not state; its figures are
    each a country's."""
    return len(_BOX_ENTRY.findall(text)) >= 2


# "Mexico: 103", "United States: 20 confirmed", "Israel, Costa Rica: 2 confirmed cases each".
_BOX_ENTRY = re.compile(
    r"(?:^|(?<=[\s.;)\]]))[A-Z][\w.'’-]*(?:,?\s+(?:and\s+)?[A-Z][\w.'’-]*)*\s?:\s+"
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|at least|more than|suspected)\b)"
)


def is_credit(text: str) -> bool:
    """Whether a sentence credits the story's reporters or editors: it reports nothing."""
    return _CREDIT_LINE.search(text) is not None


# A line that announces what follows: "A summary of events on Wednesday, June 16, Day 57 of the Gulf
# of Mexico oil spill ...", "Here are the latest developments as confirmed by CNN:", "Below is a
# timeline of the spill", "A roundup of today's news: ...", "The video below is a roundup ...", a
# live page's "Live coverage of the trial of Michael Jackson's personal physician, ...", its title "As
# it happened: Haiti earthquake 14 Jan Live coverage following Tuesday's earthquake ...". Not inside
# a quotation: '"Here is a situation where ... the oil is absolutely not visible," Hollander said.'
_ANNOUNCES = re.compile(
    r"^[^\w\"“‘']*(?:(?:here|below)(?:'s|\s+is|\s+are)\b|the\s+following\s+(?:is|are)\b"
    r"|an?\s+(?:summary|round-?up|recap|timeline|chronology)\s+of\b|as\s+it\s+happened\s*:"
    r"|live\s+(?:coverage|updates|reporting)\s+(?:of|from|on|following|after)\b"
    r"|the\s+(?:\w+\s+)?(?:video|photos?|pictures?|map|gallery|graphic|chart|table|list)\s+(?:below|above)"
    r"(?:\s+(?:is|are|shows?|gives?)\b|\s*[,.:]))",
    re.I,
)


def announces_what_follows(text: str) -> bool:
    """Whether a line announces what follows on its page ("Here are the latest developments:"):
    it says nothing itself."""
    return _ANNOUNCES.match(text) is not None


# A tweet as posted, its author not named: it opens with a hashtag or a handle ("#Jan 25 #Egypt Egypt
# TV: Police have established complete control ...", an Egypt day's key point), is marked as a
# retweet, or tags two or more hashtags ("... the people of #Egypt from day one (#Jan 25)."). Not
# a report that names a reporter's handle once ("CNN's Nic Robertson (#NicRobertsonCNN) tweeted that ...").
_TWEET_OPENER = re.compile(r"^[^\w#@]{0,3}(?:#[A-Za-z_]|@[A-Za-z0-9_])")
_RETWEET = re.compile(r"\bRETWEET\b|\bRT @\w")
_HASHTAG = re.compile(r"(?<![\w&#])#[A-Za-z_][A-Za-z0-9_]*")


def is_tweet(text: str) -> bool:
    """Whether a line is a tweet as posted (see ``_TWEET_OPENER``): it reports nothing in a report's voice."""
    return bool(_TWEET_OPENER.match(text) or _RETWEET.search(text) or len(_HASHTAG.findall(text)) >= 2)


# A reader's comment typed in haste ends with two stops ("For all the people that say if Mubarak left
# it would be chaos and he should stay till September..", "good luck, America..") or doubled marks
# ("No idea??"); an abbreviation's stop before a sentence's own ("Transocean Ltd..", "Wis..") does not
# count: the word before the stops is in lower case or a capitalised word of six letters or more.
_INFORMAL_END = re.compile(
    r"(?:(?<![\w.])(?!(?:etc|al|vs)\.)[a-z]{2,}|(?<![\w.])[A-Z][a-z]{5,})\.\.(?!\.)[\"'”’)]*\s*$"
    r"|(?:[!?]\s*){2,}[\"'”’)]*\s*$"
)


def is_informal(text: str) -> bool:
    """Whether a line ends as a reader's comment typed in haste does (see ``_INFORMAL_END``)."""
    return _INFORMAL_END.search(text) is not None


def reports_nothing(text: str) -> bool:
    """Whether a sentence's form says it reports nothing: a question, an imperative, a picture's
    caption, a credit line, a line that announces what follows, a fact box, a tweet or a line typed in haste
    (:func:`is_informal`). One test for key points, statements and conflicts
    (:func:`is_assertion`) and timeline entries (``tls.is_chatter``)."""
    return (
        is_question(text)
        or is_caption(text)
        or is_imperative(text)
        or is_credit(text)
        or announces_what_follows(text)
        or is_fact_box(text)
        or is_tweet(text)
        or is_informal(text)
    )


def is_assertion(text: str) -> bool:
    """Whether a sentence states something in a report's voice: it does not report nothing by its
    form (:func:`reports_nothing`: no question, imperative, caption, credit line or announcement),
    and it is not the writer's own first person, singular or plural. Only such sentences are key
    points, members of a statement or conflict sides."""
    if reports_nothing(text):
        return False
    outside = _outside_quotes(text)
    return not (FIRST_PERSON.search(outside) or _FIRST_PLURAL.search(outside))


# One name for a place or body however it is written ("U.S.", "USA", "America" -> "United States").
_NAME_ALIASES = [
    (re.compile(r"\bN\.?\s?Korea"), "North Korea"),
    (re.compile(r"\bS\.?\s?Korea"), "South Korea"),
    (re.compile(r"\bU\.S\.A?\.?(?=\W|$)|\bUSA?\b|\bUnited States of America\b|\bAmerica\b"), "United States"),
    (re.compile(r"\bU\.K\.(?=\W|$)|\bUK\b|\bBritain\b|\bGreat Britain\b"), "United Kingdom"),
    (re.compile(r"\bU\.N\.(?=\W|$)|\bUN\b"), "United Nations"),
    (re.compile(r"\bE\.U\.(?=\W|$)|\bEU\b"), "European Union"),
]


def canonical_names(text: str) -> str:
    """``text`` with each of a few places and bodies written one way ("the U.S." -> "the United
    States", "Britain" -> "United Kingdom")."""
    for pattern, canonical in _NAME_ALIASES:
        text = pattern.sub(canonical, text)
    return text

"""Cleaning: from raw article text to the text statements are taken from.

Page junk is recognised by the shape of a line, where it stands (before the
headline, after the last paragraph), whether it shares words with the story
and whether it repeats across documents, not by a list of known strings:

- page chrome before the headline or after the last paragraph (cart notices,
  site names, breadcrumbs, "About", "Leave a Reply"): short lines that are not
  sentences, carry separators, or share no words with the article;
- tag lists (runs of short list items), hashtag lines, "Label:" lines;
- lines made of navigation separators (``|``, ``»``, ``›``) or brackets;
- short calls to action (share, subscribe, follow, comment, sign in ...);
- reader comments under the story, from the first comment header on
  ("At 10:14 am on 28 May 2010, pzero wrote: ...") or the line of the first of two comment stamps
  ("... January 27, 2011 at 7:59 pm | Report abuse | ...");
- site boilerplate repeated verbatim in several documents: lines that are not sentences, sentences
  that address the reader ("You agree that anything you post may be used ..."), and lines in
  ten or more documents whose words the rest of their article does not use (a teaser for
  another story on every page), unless the article repeats most of its lines (a copy);
- an unfinished last sentence;
- a dateline opening a paragraph ("MEXICO CITY | Sat Apr 25, 2009 12:51 am BST
  MEXICO CITY (Reuters) - ", "NEW ORLEANS (AP) -- ");
- a live blog's posting times in 24-hour digits opening its entries ("2050 Haiti's President ...",
  on a page with three or more, one of them 2100 or later), where entries run together too;
- lead-ins run into the start of a sentence: a live blog's update stamp
  ("(Update 4:33 a.m. Thursday ...)"), a photo caption with its credit
  ("... Photograph: Win McNamee/Getty Images BP hopes ...") and a heading in
  capitals ("NEW CAP FOR LEAKING OIL WELL When engineers ...").

Headings inside the body are kept as structure (``Article.headings``) and never
become statements. A plain-text article's title is its leading headline line.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from digest.text import (
    STOPWORDS,
    addresses_the_reader,
    content_words,
    has_words,
    normalize,
    opens_with_reference,
    speaks_in_person,
    word_count,
)
from digest.timex.lexicon import MONTHS, ONES, TENS, WEEKDAYS
from digest.transcript import opens_with_speaker_label, speech_start
from digest.types import Article, Sentence, Span

_TERMINAL = re.compile(r"""[.!?…]['"’”)\]]*\s*$""")
_INNER_STOP = re.compile(r"""[.!?]['"’”)\]]*\s+['"‘“]?[A-Z]""")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪◦]|\d{1,3}[.)])\s+")
_SEPARATORS = re.compile(r"\s[|»›/]\s|\[[^\]]*\]|^\s*[–—-]\s|\s[–—-]\s*$")
# A news aggregator's link with its age: "Robotic subs race to cap leaking US oil well - 9 hrs ago New
# York Times Robots Working to Stop Oil Leak ... - 14 hrs ago NEWS.com".
_LINK_AGE = re.compile(r"\s[-–—]\s\d{1,3}\s(?:hrs?|hours?|mins?|minutes?|days?)\sago\b")


def has_link_age(text: str) -> bool:
    """Whether a line holds an aggregator's link stamp ("... - 9 hrs ago ..."): a list of links, no story."""
    return " ago" in text and bool(_LINK_AGE.search(text))


_CALL_TO_ACTION = re.compile(
    r"\b(?:share|tweet|subscribe|sign (?:up|in)|log ?in|follow us|leave a (?:reply|comment)|comments?|"
    r"click here|read more|read next|related (?:articles|posts|stories)|advertisement|cookies?|newsletter|"
    r"your cart|add to cart|checkout|all rights reserved|copyright|skip to content|back to top|print this)\b",
    re.I,
)
# "comment" in reporting: someone declines, is asked for or gives none ("A BP spokesman declined to
# comment.", "could not be reached for comment", "had no immediate comment"), not a reader's comment.
_COMMENT_REPORTED = re.compile(
    r"\b(?:declin(?:ed|es|ing)|refus(?:ed|es|ing)|unavailable|reached|requests?|requested|respond(?:ed)?|"
    r"returned|immediate|further|(?:would|could|did|do|does|will)\s+not|(?:had|has|have|offered|made|gave)\s+no)"
    r"\b(?:\W+\w+){0,3}?\W+comments?\b",
    re.I,
)


def _is_call_to_action(line: _Line) -> bool:
    """Whether a short line asks the reader to act ("Leave a comment", "Share this"). "comment" that a
    source declines or is asked for is reporting, unless the line also speaks to the reader."""
    if line.n_words > 12:
        return False
    found = list(_CALL_TO_ACTION.finditer(line.text))
    if not found:
        return False
    reported = {m.end() for m in _COMMENT_REPORTED.finditer(line.text)}
    if any(not m.group(0).lower().startswith("comment") or m.end() not in reported for m in found):
        return True
    return addresses_the_reader(line.text)


# A paragraph line: a sentence of some length. Headlines and chrome are shorter or lack a full stop.
_BODY_MIN_WORDS = 8
_HEADING_MAX_WORDS = 16


@dataclass(frozen=True)
class _Line:
    text: str
    start: int
    end: int

    @functools.cached_property
    def n_words(self) -> int:
        return word_count(self.text)

    @property
    def is_sentence(self) -> bool:
        return bool(_TERMINAL.search(self.text)) and self.n_words >= 3

    @property
    def is_body(self) -> bool:
        """A paragraph: a long line that ends a sentence or holds a sentence end inside."""
        if self.n_words < _BODY_MIN_WORDS or self.is_list_item or self.is_hashtags:
            return False
        return self.is_sentence or bool(_INNER_STOP.search(self.text))

    @property
    def is_list_item(self) -> bool:
        return bool(_LIST_ITEM.match(self.text))

    @property
    def is_hashtags(self) -> bool:
        if "#" not in self.text:
            return False
        tokens = self.text.split()
        return bool(tokens) and sum(t.startswith("#") for t in tokens) / len(tokens) >= 0.5

    @property
    def is_label(self) -> bool:
        return self.text.rstrip().endswith(":") and self.n_words <= 3


def clean_articles(articles: Sequence[Article]) -> list[Article]:
    """Clean every article; repetition across the collection and the case it writes words in are
    among the signals."""
    repeated, widespread = repetition(articles)
    lower_words = lower_case_words(a.text for a in articles)
    return [clean_article(a, repeated=repeated, widespread=widespread, lower_words=lower_words) for a in articles]


def repetition(
    articles: Sequence[Article], *, keys: Sequence[set[str]] | None = None
) -> tuple[frozenset[str], frozenset[str]]:
    """The collection's repeated lines (in two or more articles) and widespread ones (in
    :data:`WIDESPREAD` or more), the cleaning signals :func:`clean_article` takes."""
    keys = keys if keys is not None else [line_keys(a) for a in articles]
    return repeated_lines(articles, keys=keys), repeated_lines(articles, keys=keys, at_least=WIDESPREAD)


def line_keys(article: Article) -> set[str]:
    """The article's lines as repetition across documents is counted: normalized, lower-cased."""
    return {normalize(line).lower() for line in article.text.split("\n") if line.strip()}


# A line in this many documents is a site's furniture when the rest of its article does not use its
# words: a teaser for another story ("2 men charged in death of Chicago teen ..." on 56 CNN pages),
# a background box repeated on every page of a live blog.
WIDESPREAD = 10


def repeated_lines(
    articles: Sequence[Article], *, keys: Sequence[set[str]] | None = None, at_least: int = 2
) -> frozenset[str]:
    """Lines (normalized, lower-cased) that occur in ``at_least`` of the articles; ``keys``: each
    article's :func:`line_keys`, when already computed."""
    line_counts: Counter[str] = Counter()
    for own in keys if keys is not None else map(line_keys, articles):
        line_counts.update(own)
    return frozenset(line for line, n in line_counts.items() if n >= at_least)


def looked_up_lines(
    article: Article, *, keys: set[str] | None = None, lower_words: frozenset[str] = frozenset()
) -> set[str]:
    """The keys :func:`clean_article` may look up in its ``repeated`` set for ``article``: its
    :func:`line_keys` (``keys``, when already computed) and its lines again as the cleaner
    reads them, after a lead-in is cut or a run-in heading split off. The cleaned article
    depends on ``repeated`` (and ``widespread``) only through ``repeated & looked_up_lines(article)``."""
    out = set(keys if keys is not None else line_keys(article))
    out.update(normalize(line.text).lower() for line in _prepared_lines(article.text, [], lower_words))
    return out


_UPDATE_STAMP = re.compile(
    r"(?:--\s*)?\(\s*(?:update|updated)\b[^()]{0,80}(?:\([^()]{0,30}\)[^()]{0,30})?\)\s*(?:--?\s*|[–—:]\s*)?"
    # a page's own: "updated: Sun Jul 29 2012 08:01:00 Since the start of the Arab spring ..."
    r"|(?:last\s+)?updated\s*:\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?-i:[A-Z]{2,4})\b)?)?\s+(?=[\"“]?(?-i:[A-Z]))",
    re.I,
)


def update_stamp_end(text: str) -> int:
    """Where a live blog's update stamp opening ``text`` ends ("(Update 4:33 a.m. Thursday in Cairo,
    9:33 p.m. ET Wednesday) Heavy gunfire ..." -> the offset of "Heavy"); 0 without one, or when
    nothing follows it. The stamp says when the entry was posted, not what happened."""
    match = _UPDATE_STAMP.match(text)
    return match.end() if match and match.end() < len(text) else 0


# A photo caption and its credit run into the sentence after them ("BP oil spill: tests due
# Photograph: Win McNamee/Getty Images BP hopes to ..."). The credit is a photographer and an
# agency joined by a slash, a name "for the <Paper>", or an agency on its own; a sentence must
# start right after it. Names are matched lazily so the credit never runs into the sentence.
_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,4}?"
_CREDIT_END = re.compile(
    r"\b(?:Photograph|Photo|Picture|Image|Photo credit)\s*:\s*(?:"
    r"(?:[\w.'’-]+\s+){0,4}?[\w.'’-]*(?:\\?/[\w.'’-]+)+(?:\s+(?i:Images|Pictures|Photos|Pool|Features)|(?<=/White)\s+House)?"
    r"|" + _NAME + r"for (?:the )?[A-Z][\w-]+"
    r"|" + _NAME + r"(?:AP|Reuters|AFP|EPA|PA|Getty Images|Getty|Associated Press|Rex Features|Corbis|Alamy|Nasa|NASA)"
    r")(?:\s+|(?=[\"“]))(?=[\"“‘']?[A-Z0-9])"
)
_CREDIT_WITHIN = 500


# A credit alone before the sentence ("AP Photo The White House ...", "(AP) U.S. officials
# confirmed ...", "AP June 17: BP CEO Tony Hayward testifies ...").
# A photographer after a slash ("AP Photo/Dave Martin The ...") has no visible end: left alone.
_AGENCY_LEAD = re.compile(r"(?!AP Photo\S)(?:\(AP\)|AP Photo|AP|AFP|Reuters|Getty Images)\s+(?=[\"“]?[A-Z])")


def caption_credit_end(text: str) -> int:
    """Where a photo caption and credit run into the start of ``text`` end ("Photograph: Sean
    Gardner/Reuters Scientists warned ..." -> the offset of "Scientists", "AP Photo The White
    House ..." -> "The"); 0 without one, or when no sentence follows it. Whatever precedes
    the credit is the caption (or a headline)."""
    head = text[:_CREDIT_WITHIN]
    match = None
    if "Photo" in head or "Picture" in head or "Image" in head:  # cheap test before the search
        match = _CREDIT_END.search(head)
    if match is None and text[:1] in "(ARG":
        match = _AGENCY_LEAD.match(text)
    if match is None or not has_words(text[match.end() :], 3):
        return 0
    return match.end()


# A byline with its time stamp run into the sentence after it, as Fortune and CNNMoney pages give
# it ("By Dan Primack February 2, 2011: 2:24 PM ET One day before ...", "By Annalyn Censky, staff
# reporterJanuary 28, 2011: 5:11 PM ET NEW YORK ..."): the name, an optional role, then the stamp.
_MONTH_NAME = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_BYLINE_STAMP = re.compile(
    r"By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*,\s*[a-z][\w ]{0,30}?)?\s*"
    rf"{_MONTH_NAME}\s+\d{{1,2}}\s*,\s*\d{{4}}\s*:\s*\d{{1,2}}:\d{{2}}\s*[AP]M\s+[A-Z]{{2,4}}\s+(?=[\"“]?[A-Z])"
)


# ... or a date stamp, a byline and the outlet, as CNN pages give them ("January 27, 2011 | By Tim
# Lister and Emily Smith, CNN Protesters have used ...", "By Bryony Jones for CNN Ban Ki-moon said
# ..."): two or more name words, then a comma or "for" and the outlet's initials (not "By Peter
# Bowes BBC News, Los Angeles", where the outlet's name goes on).
_OUTLET_BYLINE = re.compile(
    rf"(?:{_MONTH_NAME}\s+\d{{1,2}}\s*,\s*\d{{4}}\s*\|\s*)?"
    r"By\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){1,5}(?:\s*,\s*(?:(?i:special\s+to|for)\s+)?|\s+(?i:for)\s+)"
    r"[A-Z]{2,5}\s+(?=[\"“]?[A-Z])"
)


def byline_stamp_end(text: str) -> int:
    """Where a byline with its time stamp or outlet opening ``text`` ends ("By Dan Primack February
    2, 2011: 2:24 PM ET One day before ..." -> the offset of "One", "January 27, 2011 | By Tim
    Lister and Emily Smith, CNN Protesters ..." -> "Protesters"); 0 without one, or when no
    sentence follows it."""
    match = None
    if text.startswith("By"):
        match = _BYLINE_STAMP.match(text) or _OUTLET_BYLINE.match(text)
    elif text[:1].isupper() and "| By " in text[:30]:
        match = _OUTLET_BYLINE.match(text)
    return match.end() if match and has_words(text[match.end() :], 3) else 0


# A heading in capitals run into the sentence after it ("NEW CAP FOR LEAKING OIL WELL When
# engineers removed the cap ..."): three or more words in capitals, one of them a word rather
# than an acronym, then a capitalised word in lower case.
_CAPS_HEADING = re.compile(r"(?:[A-Z0-9][A-Z0-9'’&:,-]*\s+){3,12}(?=[A-Z][a-z])")
_CAPS_WORD = re.compile(r"\b[A-Z]{4,}\b")


def caps_heading_end(text: str) -> int:
    """Where a heading in capitals opening ``text`` ends; 0 without one, or when no sentence
    follows it."""
    match = _CAPS_HEADING.match(text)
    if match is None or not _CAPS_WORD.search(match.group()) or not has_words(text[match.end() :], 3):
        return 0
    if match.group().rstrip().endswith(":"):  # a transcript's speaker ("NIC ROBERTSON, CNN:"), not a heading
        return 0
    return match.end()


# A number in words is capitalised where a sentence starts ("... about swine flu Seventeen new cases
# of swine flu at Cambridge University have been confirmed ...") or in a name: "BBC Two", "the
# Jackson Five", "Year Seven", "Six Flags", "Three Mile Island" (see _opener_end).
_NUMBER_WORDS = frozenset(word.capitalize() for word, n in {**ONES, **TENS}.items() if n >= 2)


# A heading, caption or byline in ordinary case run into the sentence after it with nothing
# between them ("Haiti survivors sleep on streets Thousands of people in Haiti have spent ...",
# "Matthew Price, BBC News, Haiti It is clear ..."), as when a page's lines were joined. The sign
# is a word that opens sentences (an article, a pronoun, a preposition, "Thousands"), capitalised
# right after a word that cannot end a phrase before it. Titles are the exception ("the film
# This Is It", "entitled The Night Before", "Surfing The Void"), so a title-like context keeps
# the text whole: a quotation or parenthesis left open, a possessive or a function word or a
# naming verb before the word, or capitals on both sides of it.
_RUN_IN_OPENERS = frozenset(
    {
        "The",
        "A",
        "An",
        "This",
        "These",
        "Those",
        "There",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "His",
        "Her",
        "Their",
        "Our",
        "In",
        "On",
        "At",
        "After",
        "Before",
        "With",
        "As",
        "But",
        "When",
        "While",
        "Since",
        "Some",
        "Many",
        "Most",
        "More",
        "Thousands",
        "Hundreds",
        "Dozens",
        "Scores",
        "Millions",
        "During",
        "Despite",
        "Although",
        "Meanwhile",
        "However",
        "So",  # "... in America So far it's raised $66m ..."
        "Between",
        "For",
        *_NUMBER_WORDS,
    }
)
_RUN_IN_TITLE_OPENERS = frozenset(
    {"The", "A", "An", "In", "On", "At", "With", "As", "During", "Despite", "Between", "For"}
)
# A headline may end with its verb's particle ("Haiti earthquake rescue operation declared over A
# 23-year-old man has been pulled alive ..."): an article after it, the sentence going on in lower
# case, starts the sentence the headline was run into.
_HEADLINE_PARTICLES = frozenset({"over", "off", "up", "down", "out", "away", "back"})
_RUN_IN_PRONOUNS = frozenset(
    {"It", "He", "She", "They", "We", "There", "This", "These", "Those", "Some", "Many", "Most"}
)
_RUN_IN_VERBS = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
    }
)
# Words after which a capitalised opener starts a title or a name, not a sentence.
_RUN_IN_BLOCKERS = frozenset(
    {
        "of",
        "the",
        "a",
        "an",
        "in",
        "on",
        "to",
        "for",
        "and",
        "or",
        "nor",
        "by",
        "with",
        "from",
        "at",
        "as",
        "into",
        "about",
        "than",
        "that",
        "like",
        "via",
        "per",
        "between",
        "among",
        "across",
        "against",
        "over",
        "under",
        "through",
        "during",
        "without",
        "within",
        "toward",
        "towards",
        "upon",
        "around",
        "because",
        "if",
        "although",
        "though",
        "so",
        "his",
        "her",
        "their",
        "its",
        "my",
        "our",
        "your",
        "this",
        "these",
        "those",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "asked",
        "wrote",
        "writes",
        "read",
        "reads",
        "titled",
        "entitled",
        "called",
        "named",
        "dubbed",
        "sees",
        "see",
        "presents",
        "presented",
        "starring",
        "given",
        "gives",
        "former",  # "a former Marine who survived ..."
        "near",  # "in a marsh near Pass a Loutre"
        "journal",  # "Writing in journal Science, ..."
        "newspaper",
        "magazine",
    }
)
_RUN_IN_MAX_WORDS = 25
# Nouns a capital letter follows as a type, not as the next sentence's article: "influenza A".
_TYPE_NOUNS = frozenset({"influenza", "type", "subtype", "hepatitis", "vitamin", "category", "class", "grade"})
# A cheap first test: an opener after a word, within the first words.
_RUN_IN_CANDIDATE = re.compile(
    r"\s(?=[" + "".join(sorted({w[0] for w in _RUN_IN_OPENERS})) + r"])(?:" + "|".join(sorted(_RUN_IN_OPENERS)) + r")\s"
)
_RUN_IN_SCAN_CHARS = 300
_ACRONYM = re.compile(r"[A-Z]{2,5}\b")
_TOKEN = re.compile(r"\S+")


def run_in_heading_end(text: str, page: str = "", lower_words: frozenset[str] = frozenset()) -> int:
    """Where a heading, caption or byline in ordinary case run into the sentence after it
    ends ("Haiti survivors sleep on streets Thousands of people ..." -> the offset of
    "Thousands"; "The clean-up costs are mounting for BP BP has said ..." -> the second "BP");
    0 when ``text`` starts with its sentence. With the text of its ``page``, also where a word
    the page usually writes in lower case starts it (:func:`usually_lower`): "... may struggle
    to survive Doctors treating ..." -> the offset of "Doctors"; or, after a longer heading, a
    word the collection writes in lower case (``lower_words``, see :func:`lower_case_words`)."""
    return next(iter(_run_in_heading_ends(text, page, lower_words)), 0)


def _run_in_heading_ends(text: str, page: str, lower_words: frozenset[str]) -> list[int]:
    """Every rule's answer to :func:`run_in_heading_end` that is not 0, in order."""
    if not _TERMINAL.search(text[-12:]):
        return []
    found = [_doubled_name_end(text), _repeated_subject_end(text), _reporter_caption_end(text)]
    if _RUN_IN_CANDIDATE.search(text, 0, _RUN_IN_SCAN_CHARS):
        found.append(_opener_end(text))
    if page:
        found.append(_capitalised_word_end(text, page, lower_words))
    return sorted({n for n in found if n})


# What the collection says of a word's case: a word it writes in lower case at least LOWER_CASE_MIN
# times and at least twice as often as capitalised after a word in lower case (where a name is
# capitalised) is a common word, which a capital letter there shows to start a sentence ("Oil leak
# repairs start final stages Engineers have begun ...", on a page that never writes "engineers"). As a
# single page's evidence is stronger, the collection's counts only after a heading of
# _COLLECTION_HEAD_WORDS or more ("In what the journal Science described ...", "Writing in journal
# Science, ...": a name the collection writes in lower case as a word).
LOWER_CASE_MIN = 3
_COLLECTION_HEAD_WORDS = 5
_LOWER_CASE_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?:-[a-z]+)*(?![\w'’-])")
_CAPITALISED_AFTER_LOWER = re.compile(r"(?<=[a-z0-9-] )[A-Z][a-z]+(?:-[a-z]+)*(?![\w'’-])")  # as _CAPITAL_CANDIDATE
# A capitalised word the clause goes on after is its object, not the next sentence's subject ("... a
# fatal dose of the anesthetic Propofol while the medic was not looking").
_CLAUSE_GOES_ON = re.compile(r"\s+(?:while|because|whereas|though|although|unless|if|but|or)\b")
# ... or only who said it follows: "... caused by the powerful anesthetic Propofol, the Los Angeles
# coroner has confirmed." ("Propofol, the coroner has confirmed." opens no sentence).
_ONLY_WHO_SAID_IT = re.compile(
    r",\s+(?:[\w'’.-]+\s+){0,8}?(?:said|says|has\s+confirmed|have\s+confirmed|confirmed|reported|reports|announced)"
    r"\b[^.!?,;]{0,30}[.!?]",
    re.I,
)


def lower_case_words(texts: Iterable[str]) -> frozenset[str]:
    """The words (in lower case) that the collection's ``texts`` write in lower case: at least
    :data:`LOWER_CASE_MIN` times, and at least twice as often as capitalised after a word in
    lower case. A collection-level signal for :func:`run_in_parts`, as repeated lines are."""
    lower: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for text in texts:
        lower.update(_LOWER_CASE_WORD.findall(text))
        capitalised.update(word.lower() for word in _CAPITALISED_AFTER_LOWER.findall(text))
    return frozenset(word for word, n in lower.items() if n >= LOWER_CASE_MIN and n >= 2 * capitalised[word])


def lower_words_of(text: str, lower_words: frozenset[str]) -> list[str]:
    """Which of the words ``text`` capitalises after a word in lower case are in ``lower_words``,
    sorted: all that ``lower_words`` decides of how :func:`run_in_parts` reads ``text``'s lines
    (what a cached result is keyed by)."""
    if not lower_words:
        return []
    return sorted({word.lower() for word in _CAPITALISED_AFTER_LOWER.findall(text)} & lower_words)


# A capitalised word between words in lower case (or before a comma).
_CAPITAL_CANDIDATE = re.compile(
    r"(?<!\S)(?P<before>[a-z0-9][a-z0-9-]*) (?P<word>[A-Z][a-z]+(?:-[a-z]+)*)(?:, \S| [a-z0-9])"
)
_NAME_OF = re.compile(r" of (?:the |The )?[A-Z]")


def usually_lower(word: str, page: str) -> bool:
    """Whether ``page`` writes ``word`` in lower case at least once and at least as often as
    capitalised after a word in lower case (where a name is capitalised): "doctors", "efforts",
    not "shell" on a page about Shell."""
    low = word.lower()
    lowered = sum(1 for i in _whole_word_at(page, low))
    capitalised = sum(1 for i in _whole_word_at(page, low.capitalize()) if _LOWER_END.match(page, max(0, i - 2), i))
    return lowered >= max(1, capitalised)


_LOWER_END = re.compile(r"[a-z0-9] ")


def _whole_word_at(page: str, word: str) -> Iterator[int]:
    """The offsets where ``word`` stands in ``page`` as a whole word (str.find: far faster than a
    pattern over a long page)."""
    i = page.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not _WORD_CHAR.match(page, i - 1)) and (j == len(page) or not _WORD_CHAR.match(page, j)):
            yield i
        i = page.find(word, j)


_WORD_CHAR = re.compile(r"[\w'’-]")


def _capitalised_word_end(text: str, page: str, lower_words: frozenset[str] = frozenset()) -> int:
    """Where a sentence starting with a word its page usually writes in lower case begins after
    a heading of three or more words that ends in lower case ("... may struggle to survive Doctors
    treating ...", "... efforts continue -- photos Oil companies stress ..."), or 0. Not after a
    function word ("a director of the Company") or a word that introduces a name ("a campaign
    called Relief for ..."), nor where a name goes on ("rig Deepwater Horizon", "the gushing Gulf of
    Mexico oil well") or its clause does ("the anesthetic Propofol while ...", "the anesthetic
    Propofol, the coroner has confirmed."). A word in
    ``lower_words`` (the collection's, :func:`lower_case_words`) counts as one the page usually writes
    in lower case after a heading of :data:`_COLLECTION_HEAD_WORDS` or more."""
    for m in _CAPITAL_CANDIDATE.finditer(text, 0, _RUN_IN_SCAN_CHARS):
        start, word, before = m.start("word"), m["word"], m["before"]
        bare = word.lower()
        if word in _RUN_IN_OPENERS or bare in _WHEN_NAMES or bare in STOPWORDS:
            continue
        if before in STOPWORDS or before in _RUN_IN_BLOCKERS:
            continue
        if _NAME_OF.match(text, m.end("word")):
            continue  # a name goes on: "the gushing Gulf of Mexico oil well", "founding Editor of The Lancet"
        if not 3 <= len(text[:start].split()) < _RUN_IN_MAX_WORDS:
            continue
        if _INNER_STOP.search(text, 0, start) or _opens_quote_or_bracket(text[:start]):
            continue
        if not has_words(text[start:], 5) or _CLAUSE_GOES_ON.match(text, m.end("word")):
            continue
        if _ONLY_WHO_SAID_IT.match(text, m.end("word")):
            continue
        if bare in lower_words and len(text[:start].split()) >= _COLLECTION_HEAD_WORDS:
            return start
        if usually_lower(bare, page):  # the page last: the costly test
            return start
    return 0


# A name that ends a heading and starts the sentence run into it: "... between the president and BP
# BP executives have met ...", "... in Haiti Haiti has a land border ...". The sentence goes on in
# lower case, not with a preposition, conjunction or article ("the island of Bora Bora in French
# Polynesia"); a heading's words are capitalised ("Great Great Grandfather").
_NAME_GOES_ON = (
    "in on at of for from to into near and or but nor with by as the a an during after before since until than via per"
)
_DOUBLED_NAME = re.compile(
    rf"(?<=\s)([A-Z][\w&-]*) (?=\1(?:['’]s\b| (?!(?:[a-z]+ly|{'|'.join(_NAME_GOES_ON.split())})\b)[a-z]))"
)


def _doubled_name_end(text: str) -> int:
    """The offset of the second of a doubled name after a heading of three or more words (see
    :data:`_DOUBLED_NAME`), or 0."""
    match = _DOUBLED_NAME.search(text, 0, _RUN_IN_SCAN_CHARS)
    if match is None or len(text[: match.start()].split()) < 2:
        return 0
    if _opens_quote_or_bracket(text[: match.end()]):
        return 0  # a name inside a quotation or brackets ("(Mau Mau connections ...")
    return match.end() if has_words(text[match.end() :], 4) else 0


# A video's caption names its reporter: "James Reynolds reports as BP say the oil has stopped leaking",
# "The BBC's Matthew Price reports from Mexico".
_REPORTER_CAPTION = re.compile(
    r"(?:The BBC's |CNN's )?[A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2} reports (?:from|on|as) (?=[A-Za-z])"
)
_ARTICLES = frozenset({"A", "An", "The"})
_NAME_WORD = re.compile(r"[A-Z][\w'-]*")


def _reporter_caption_end(text: str) -> int:
    """Where the sentence starts after a video's caption that names its reporter run into it (see
    :data:`_REPORTER_CAPTION`), or 0: at an article in capitals ("... from Mexico A 23-month-old child
    ..."), or at a capitalised word after a word in lower case and before another ("... stopped leaking
    BP says ...", "... five-day shutdown Swine flu hits ..."), not in a name ("from Los Angeles on
    ...", "historian David Starkey discusses ...") nor before a comma ("a hospital Haiti, speaking ...");
    at an acronym only when the caption named it."""
    caption = _REPORTER_CAPTION.match(text)
    if caption is None:
        return 0
    tokens = [t for t in _leading_tokens(text) if t[0] >= caption.end()]
    for i in range(1, len(tokens) - 1):
        start, word = tokens[i]
        before, after = tokens[i - 1][1], tokens[i + 1][1]
        if not (after[:1].islower() or after[:1].isdigit()):
            continue
        opens = word in _ARTICLES or (
            _NAME_WORD.fullmatch(word) is not None and before.isalpha() and before.islower() and before not in STOPWORDS
        )
        if opens and len(word) > 1 and word.isupper() and word not in text[caption.end() : start]:
            opens = False  # an acronym goes on the caption ("the manhunt for former LAPD officer ...") unless
            # the caption named it: the sentence repeats its subject ("as BP say ... leaking BP says ...")
        if opens and not _opens_quote_or_bracket(text[:start]) and has_words(text[start:], 5):
            return start
    return 0


# Days and months open a stamp or a dateline, not a headline's subject ("Friday, May 28, 2010; 1:00 PM
# Bill Nye ... was online Friday, May 28, at 1 p.m. ET").
_WHEN_NAMES = frozenset({*WEEKDAYS, *MONTHS})


def _repeated_subject_end(text: str) -> int:
    """Where a sentence run into a headline starts with the headline's own first two words, after a
    word in lower case that ends the headline ("Dr Murray's lawyer said he had been helping police
    with inquiries Dr Murray's lawyer, Edward Chernoff, confirmed ...", "Mariah Carey joins line-up
    for Haiti charity single Mariah Carey is the latest star ..."), or 0. After a preposition,
    conjunction or article the words go on the sentence ("House Minority Leader John Boehner and
    House Minority Whip Eric Cantor")."""
    tokens = _leading_tokens(text)
    if len(tokens) < 8:
        return 0
    first, second = tokens[0][1], tokens[1][1]
    # two names ("Mariah Carey"), or a name in capitals and its verb ("BP says")
    named = first[:1].isupper() and (second[:1].isupper() or (_ACRONYM.fullmatch(first) and second.isalpha()))
    if not named or first.strip(",").lower() in _WHEN_NAMES:
        return 0
    for i in range(3, min(len(tokens) - 4, _RUN_IN_MAX_WORDS)):
        start, word = tokens[i]
        before = tokens[i - 1][1]
        if word != first or tokens[i + 1][1] not in (second, f"{second}'s", f"{second}’s"):
            continue  # "... gets four years in prison | Michael Jackson's former doctor ..." names it too
        if any(w in ("The", "A", "An") for _, w in tokens[2:i]):
            return 0  # a sentence has begun: "... 'up for sale' The syringe that allegedly administered Michael"
        ends_heading = (
            before[:1].islower()
            and before[-1:].isalnum()
            and before.lower() not in STOPWORDS
            and before.lower() not in _RUN_IN_BLOCKERS
        )
        # not "... today's Afternoon Play offering", nor "... court documents show Pop star Michael Jackson
        # had ...": there the sentence starts at "Pop"
        in_a_name = before.endswith(("'s", "’s")) or tokens[i - 2][1][:1].isupper()
        if ends_heading and not in_a_name and not _opens_quote_or_bracket(text[:start]):
            return start
    return 0


def _leading_tokens(text: str) -> list[tuple[int, str]]:
    """The offsets and words of ``text``'s first words, as far as a run-in heading is looked for."""
    return [(m.start(), m.group()) for m in itertools.islice(_TOKEN.finditer(text), _RUN_IN_MAX_WORDS + 5)]


def _opens_quote_or_bracket(head: str) -> bool:
    """Whether ``head`` leaves a quotation or a bracket open: what follows is inside it. A quote
    mark that ends ``head`` after a word closes a quotation, even one whose opening mark a page
    lost (a pull quote: "If BP were found to be grossly negligent, the costs ... could rise very
    significantly indeed" The oil leak became ...)."""
    marks = len(re.findall(r"[\"“”]", head))
    if marks == 1 and re.search(r"[\w.,!?][\"”]\s*$", head):
        marks = 0
    return bool(marks % 2 or head.count("(") > head.count(")"))


# A single quotation mark opening a quotation: after a space or at the start, before a word.
_OPENS_SINGLE = re.compile(r"(?:^|(?<=\s))['‘](?=\w)")


def _opener_end(text: str) -> int:
    """Where a heading run into a sentence that starts with an opener ("The", "A", "Thousands")
    ends, or 0."""
    tokens = _leading_tokens(text)
    for i in range(2, min(len(tokens) - 4, _RUN_IN_MAX_WORDS)):
        start, word = tokens[i]
        if word not in _RUN_IN_OPENERS:
            continue
        before, after = tokens[i - 1][1], tokens[i + 1][1]
        # a quotation closed without a stop ends a caption: 'Mike O'Berry, US Coast Guard: "We'll
        # search until all likelihood of success has passed" The US Coast Guard says ...'
        closes_quote = before[-1:] in ('"', "”") and before[-2:-1].isalnum()
        # or a headline's quotation in single quotes: "BP oil leak plug 'going as planned' The oil company ..."
        closes_quote = closes_quote or (
            before[-1:] in ("'", "’") and before[-2:-1].isalnum() and _OPENS_SINGLE.search(text, 0, start) is not None
        )
        particle = (
            word in ("A", "An") and before in _HEADLINE_PARTICLES and (after[:1].islower() or after[:1].isdigit())
        )
        if not (before[-1:].isalnum() or closes_quote) or (before.lower() in _RUN_IN_BLOCKERS and not particle):
            continue
        if before.endswith(("'s", "’s")) or before.lower().endswith("-called"):
            continue
        if word in ("A", "An") and not after[:1].isalnum():  # "Influenza A (H1N1)"; but "A 23-month-old"
            continue
        if word == "A" and before.lower() in _TYPE_NOUNS:  # "an influenza A virus", "a type A strain"
            continue
        if word in _NUMBER_WORDS and (
            (before[:1].isupper() and not before.isupper())
            or before == "BBC"
            or not (after[:1].islower() or after[:1].isdigit())
        ):
            continue  # a name: "the Jackson Five", "Year Seven", "BBC Two", "Six Flags"
        if word in _RUN_IN_TITLE_OPENERS and before[:1].isupper() and after[:1].isupper() and not _ACRONYM.match(after):
            continue  # "Vintage At Goodwood", "Scott Mills The Musical"; but "... in Haiti The EU has"
        if before[:1].isupper() and before.lower() in STOPWORDS:  # "his This Is It concerts"
            continue
        if word not in _RUN_IN_PRONOUNS and after.lower() in _RUN_IN_VERBS:  # "Exhibit A was"
            continue
        if _opens_quote_or_bracket(text[:start]):
            continue
        following = [w for _, w in tokens[i + 1 : i + 5]]
        # "This Is It", "In A Graveyard"; but an acronym in a sentence that goes on in lower case
        # is a name ("Mexico City The WHO is advising ..."), where "A FEW YEARS" shouts
        shouting = not any(w.islower() for w in following)
        if any(
            w[:1].isupper() and (shouting or len(w) < 2 or not w.isupper()) and w.lower() in STOPWORDS
            for w in following
        ):
            continue
        if has_words(text[start:], 4):
            return start
    return 0


# A page's update stamp, alone or after the headline it was run into ("24 June 2010 Last updated at
# 14:59 GMT Help A year on ...", "... says sister Page last updated at 08:58 GMT, Thursday, 24 June
# 2010 09:58 UK Michael Jackson was ...", "Last updated: 14 January, 2010 - 17:26 GMT Haiti ..."):
# when the page changed, not what happened.
_PAGE_STAMP = re.compile(
    r"\bLast updated: \d{1,2} [A-Za-z]+,? \d{4}(?: - \d{1,2}:\d{2}(?: ?(?:GMT|BST|UTC))?)?\s*"
    r"|(?:\b\d{1,2} [A-Z][a-z]+ \d{4} )?(?:\bPage l|\bL)ast updated at \d{1,2}[:.]\d{2}"
    r"(?: ?(?:GMT|BST|UTC|ET|EST|EDT)\b)?(?:,? [A-Z][a-z]+day,? \d{1,2} [A-Z][a-z]+,? \d{4})?"
    r"(?: \d{1,2}[:.]\d{2} UK\b)?(?: \(an error occurred while processing this directive\))?(?: Help\b)?\s*"
)

# A page's publication stamp after its headline and standfirst ("Mexican swine flu deaths spark
# worldwide action WHO says ... Sunday 26 April 2009 18.45 BST People wear surgical masks ...")
_PUBLISHED_STAMP = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?\d{1,2} [A-Z][a-z]+,? \d{4},? \d{1,2}[.:]\d{2}"
    r" (?:BST|GMT)\b\s*"
    # ... or before the sentence: "Wednesday, December 15, 2010; 8:18 PM The Justice Department sued ..."
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \d{1,2}, \d{4}; \d{1,2}:\d{2} [AP]M\b\s*"
)


def published_stamp(text: str) -> bool:
    """Whether ``text`` holds a page's publication stamp ("Monday 17 May 2010 22.40 BST")."""
    return _PUBLISHED_STAMP.search(text) is not None


# A live page's heading and an entry's update stamp before its sentence: "Developments, as confirmed by
# CNN, on the revolution in Egypt: (Update 5:30 a.m. in Cairo, 10:30 p.m. ET) Even as daylight ...".
_HEADED_UPDATE = re.compile(r"^[^.!?:\n]{3,150}:\s+(?=\(\s*updated?\b)", re.I)


# An entry's update stamp with its clock time inside a line, before a sentence: a live page that ran
# an entry into the last one's cut text ("... have offered no assurance (Update 3:30 a.m. in Cairo,
# 8:30 p.m. ET) Five human rights activists ... were released Friday.").
_INNER_UPDATE = re.compile(
    r"\s\(\s*updated?\s+\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?[^()]{0,60}(?:\([^()]{0,30}\)[^()]{0,30})?\)"
    r"\s*(?:--?\s*)?(?=[\"“]?(?-i:[A-Z]))",
    re.I,
)


def _headed_update_stamp(text: str) -> re.Match[str] | None:
    """The update stamp after a heading that ends in a colon, or one with its clock time inside the
    line before a sentence; None without one."""
    head = _HEADED_UPDATE.match(text)
    return _UPDATE_STAMP.match(text, head.end()) if head else _INNER_UPDATE.search(text)


# A headline and its standfirst are among a page's first lines: only there does a capitalised
# common word start a sentence run into them (further down "the entire Internet", "BBC Radio 5 Live").
HEADLINE_LINES = 3


def run_in_parts(text: str, page: str = "", lower_words: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The spans of ``text`` that are lines of their own, as if its missing line breaks were there:
    a headline before a page's update or publication stamp or run into the sentence
    (:func:`run_in_heading_end`, given the text of its ``page`` and the collection's ``lower_words``),
    then the sentence. The stamp itself is in no span.
    ``[(0, len(text))]`` when nothing is run in."""
    parts: list[tuple[int, int]] = []
    pos = 0
    head_text = text[:_RUN_IN_SCAN_CHARS]
    stamp = _PAGE_STAMP.search(text, 0, _RUN_IN_SCAN_CHARS) if "ast updated" in head_text else None
    if stamp is None and ("BST" in head_text or "GMT" in head_text or "M " in head_text):
        stamp = _PUBLISHED_STAMP.search(text, 0, _RUN_IN_SCAN_CHARS)
    if stamp is None and "pdate" in text:
        stamp = _headed_update_stamp(text)
    if stamp and has_words(text[stamp.end() :], 3):
        if head := text[: stamp.start()].rstrip():
            parts.append((0, len(head)))
        pos = stamp.end()
    if ends := _run_in_heading_ends(text[pos:], page, lower_words):
        n = ends[0]
        parts.append((pos, pos + len(text[pos : pos + n].rstrip())))
        # a caption between the headline and the sentence: "BP bosses hold Obama crisis talks | The
        # White House meeting was the first between the president and BP | BP executives have met ...",
        # "Mariah Carey joins line-up for Haiti charity single | Mariah Carey is the latest star to be
        # added to the bill | Mariah Carey is the latest performer to join ...", "Haiti medics braced for
        # wave of amputations | A lack of sterile facilities ... may struggle to survive | Doctors ...", "US
        # sends extra troops for Haiti earthquake relief | The US says it is doing everything in its power
        # to speed aid to Haiti | The US is sending another 4,000 sailors ..." (the rules again, on the
        # rest); or where another rule found the heading to end, further in ("Mexico City lifts swine flu
        # curbs | Businesses in Mexico City have been hit hard by the flu outbreak | Mexico City has ...")
        rest = text[pos + n :]
        caption_end = run_in_heading_end(rest, page, lower_words)
        further = next((end - n for end in ends[1:] if has_words(text[pos + n : pos + end], 3)), 0)
        pos += n
        if n := caption_end or further:
            parts.append((pos, pos + len(text[pos : pos + n].rstrip())))
            pos += n
    parts.append((pos, len(text)))
    return parts


# Reader comments under a story. A comment's header with its posting time and year ("At 10:14 am on
# 28 May 2010, pzero wrote:", "At 04:23 23rd Aug 2010, dylen wrote:") marks them on its own; a bare
# "James1976 wrote:" opening a line only when the page has two (one is a quote: "Napier wrote: ...").
_COMMENT_HEADER = re.compile(r"\bAt \d{1,2}[:.]\d{2}\b[^\n]{0,40}?\b(?:19|20)\d\d,\s*[^,:\n]{1,40}? wrote\s*:", re.I)
# A comment's stamp after its text ("... !!! January 27, 2011 at 7:59 pm | Report abuse | ..."): two or
# more mark comments, which start with the line holding the first; without the links, three or more.
_STAMP_CLOCK = r"\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*\|"  # "7:59 pm |"
_BARE_COMMENT_STAMP = re.compile(rf"\b(?:19|20)\d\d\s+at\s+{_STAMP_CLOCK}", re.I)
_COMMENT_STAMP = re.compile(rf"{_BARE_COMMENT_STAMP.pattern}\s*(?:Report abuse|Reply)\b", re.I)
# The comment form under a page's comments: one stamp above it marks a comment.
_COMMENT_FORM = re.compile(r"Comments are not pre-screened|\(required, but will not be displayed\)")
_BARE_COMMENT_HEADER = re.compile(r"^[ \t]*([^\s,:]{2,40} wrote\s*:)", re.M)
# A blog's comment stamp before the comment, with the day as an ordinal ("January 30th, 2011 12:47 pm ET
# Americas puppet dictator Mubarak looks like ..."): three or more mark comments.
_BLOG_COMMENT_STAMP = re.compile(
    r"\b[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th),? (?:19|20)\d\d,? \d{1,2}:\d{2} [ap]m (?:ET|PT|GMT)\b"
)


def has_comment_header(line: str) -> bool:
    """Whether a line holds a reader comment's header or stamp: a dated header anywhere ("Caledonian
    Comment At 4:20 pm on 18 Jan 2010, rg wrote: ..."), a bare one opening it ("James1976 wrote:
    ..."), or a stamp ("February 1, 2011 at 5:34 pm | With 40% of ...")."""
    if "|" in line and _STAMP.search(line):
        return True
    return "wrote" in line and bool(_COMMENT_HEADER.search(line) or _BARE_COMMENT_HEADER.match(line))


_STAMP = re.compile(rf"\bat {_STAMP_CLOCK}", re.I)


def _stamped_line(stamp: re.Pattern[str], text: str, count: int) -> int | None:
    """The start of the line holding the first ``stamp`` when ``text`` has ``count`` or more, else None."""
    found = list(itertools.islice(stamp.finditer(text), count))
    return text.rfind("\n", 0, found[0].start()) + 1 if len(found) == count else None


def _first_comment_start(text: str, stamped: int) -> int:
    """Where the first comment starts when its stamp comes after it, on the line at ``stamped``.
    Above the stamp, up to the nearest line that reports (an attribution, "said", "told", "according
    to", a speaker's label, or a closing quotation mark: "... the largest protest you've ever seen in
    Egypt."" above "Have to agree with Zakaria."), the first line in a reader's voice (I, you, we, a
    question, an exclamation, an @name, a lower-case start) starts the comments; the lines above it
    end the story ("Nearly 1,000 people have been injured in clashes in the Cairo square."). ``stamped``
    itself when no reporting line is within ``_FIRST_COMMENT_LINES`` lines: the story's end is not known."""
    end = stamped
    first = stamped
    for _ in range(_FIRST_COMMENT_LINES):
        if end == 0:
            return stamped
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end].strip()
        if line and (_REPORTS.search(line) or opens_with_speaker_label(line)):
            return first
        if line and (speaks_in_person(line) or _READERS_MARKS.search(line)):
            first = start
        end = start
    return stamped


# A story's line: it attributes, or ends a quotation (or gives a speaker's words, see
# opens_with_speaker_label). A reader's comment rarely does any of these.
_REPORTS = re.compile(
    r"\b(?:said|says|told|tells|added|adds|according to|reported|announced)\b|[.!?,][\"”’']\s*$", re.I
)
# A reader's marks besides "I", "we", "you": a question, an exclamation, an @name, a lower-case
# start, an ellipsis.
_READERS_MARKS = re.compile(r"[?!]|(?:^|\s)@\w|^[a-z]|\.\.\.")
# How far above the first stamp the first comment may start.
_FIRST_COMMENT_LINES = 30


def comments_start(text: str) -> int:
    """Where a page's reader comments start: the first comment header (``len(text)`` when the
    page has none). Comments follow the story, so everything from there on is comments; their
    lines would otherwise read as statements ("People who are going round saying it's BP's fault
    don't know what they are talking about.")."""
    starts: list[int] = []
    if "|" in text:
        # with the links, two stamps; a blog's without them ("February 2, 2011 at 6:07 pm | The ..."), three
        stamped = _stamped_line(_COMMENT_STAMP, text, 2)
        if stamped is None and (form := _COMMENT_FORM.search(text)):
            stamped = _stamped_line(_COMMENT_STAMP, text[: form.start()], 1)  # one comment, then the form
        if stamped is None:
            stamped = _stamped_line(_BARE_COMMENT_STAMP, text, 3)
        if stamped is not None:
            starts.append(_first_comment_start(text, stamped))
    blog = "m ET" in text or "m PT" in text or "m GMT" in text  # "12:47 pm ET": a cheap test first
    if blog and (stamped := _stamped_line(_BLOG_COMMENT_STAMP, text, 3)) is not None:
        starts.append(stamped)
    if "wrote" not in text:
        return min(starts, default=len(text))
    if header := _COMMENT_HEADER.search(text):
        starts.append(header.start())
    bare = [m.start(1) for m in _BARE_COMMENT_HEADER.finditer(text)]
    if len(bare) >= 2:
        starts.append(bare[0])
    return min(starts, default=len(text))


# News agencies as datelines name them: "(Reuters)", "(AP)".
_AGENCIES = r"Reuters|AP|AFP|CNN|Bloomberg|Xinhua|dpa|UPI|PA|AAP|Associated Press|BBC"
_DATELINE = re.compile(
    rf"\((?:{_AGENCIES})\)\s*(?:--?|[–—:])\s*"
    r"|\b\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:BST|GMT|UTC|EDT|EST|ET|CET|CEST|PST|PDT|JST)\b[\s|:-]*"
    # AP style: a place in capitals, maybe a region, then a dash ("NEW ORLEANS -- ", "PORT-AU-PRINCE, Haiti -- ")
    r"|\b(?:[A-Z][A-Z.'-]*\s)*[A-Z][A-Z.'-]{3,}(?:,\s[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?\s(?:--|[–—])\s*"
)


# Datelines are looked for in a line's first this many characters: a photo credit may come first
# ("Credit: Reuters/Pete Souza/The White House/Handout WASHINGTON | Wed Jun 16, 2010 7:59 pm EDT
# WASHINGTON (Reuters) - BP Plc agreed ...").
_DATELINE_REACH = 250


def opens_with_dateline(text: str) -> bool:
    """Whether a dateline opens ``text``: found near its start with no lower-case word before it
    ("NEW ORLEANS (AP) -- ...", not "Officials met in WASHINGTON -- the capital ...")."""
    head = text[:_DATELINE_REACH]
    if not ("-" in head or "–" in head or "—" in head or ":" in head or _DIGIT.search(head)):
        return False  # every kind of dateline has a dash, a colon or a digit: a cheap test first
    match = _DATELINE.search(head)
    return match is not None and not _LOWER_WORD.search(text, 0, match.start())


_LOWER_WORD = re.compile(r"\b(?!via\b)[a-z]")  # a photo credit's "via" is no word of a sentence: "Coast Guard via AP"
_DIGIT = re.compile(r"\d")


def dateline_end(text: str) -> int:
    """Where the sentence starts after the datelines that open ``text`` (0: none, or nothing
    after them): the first dateline in its first ``_DATELINE_REACH`` characters and each one that follows with
    no lower-case word between ("MEXICO CITY | Sat Apr 25, 2009 12:51 am BST MEXICO CITY
    (Reuters) - A dangerous strain ..."; not "... (Reuters) - The meeting, due at 10:30 GMT - ...")."""
    last = None
    for match in _DATELINE.finditer(text, 0, min(len(text), _DATELINE_REACH)):
        if last is not None and _LOWER_WORD.search(text, last.end(), match.start()):
            break
        last = match
    if last is None or last.end() >= len(text):
        return 0
    return last.end()


# A news agency's dateline: "(Reuters) - ", "(CNN) -- ".
_AGENCY_DATELINE = re.compile(rf"\((?:Reuters [A-Z][a-z]+|{_AGENCIES})\)\s*(?:--?|[–—])\s*")  # "(Reuters Legal)" too
# Story highlights before a dateline can run long (five bullets of CNN's run together).
_RUN_IN_DATELINE_REACH = 800


def run_in_dateline_end(text: str) -> int:
    """Where the sentence starts after a news agency's dateline that a headline, story highlights or a
    byline run into, on a page's first lines ("BP says test shuts off oil leak from Gulf well HOUSTON
    | Thu Jul 15, 2010 7:36 pm EDT HOUSTON (Reuters) - BP Plc said ...", "By the CNN Wire Staff
    ElBaradei: Egypt is not stable NEW: ... (CNN) -- President ..."); 0 when ``text`` has none in
    its first ``_RUN_IN_DATELINE_REACH`` characters, or nothing after it. What comes before is page
    furniture: it names the story, not what happened."""
    if "(" not in text[:_RUN_IN_DATELINE_REACH]:
        return 0  # a cheap test first
    match = _AGENCY_DATELINE.search(text, 0, min(len(text), _RUN_IN_DATELINE_REACH))
    if match is None or match.end() >= len(text) or not _UPPER_START.match(text, match.end()):
        return 0
    return match.end()


_UPPER_START = re.compile(r"[\"'“‘(]?[A-Z0-9]")
_RUN_IN_DATELINE = "headline run into the dateline"


def wire_headline(text: str) -> str | None:
    """The headline of a wire story's page top, cut as run into its dateline: "BP sells Gulf of
    Mexico fields to pay for oil spill" from "BP sells Gulf of Mexico fields to pay for oil spill
    TOKYO/LONDON | Mon Oct 25, 2010 4:50 pm IST TOKYO/LONDON (Reuters) -". The dateline names the
    city again, which tells where the headline ends. None for a byline ("By Maggie Fox, Health
    and Science Editor WASHINGTON | ..."), bullets, or a city alone."""
    m = _WIRE_STAMP.match(text)
    if m is None:
        return None
    head, city = m.group("head"), m.group("city")
    if not head.endswith(" " + city):
        return None
    head = _TRAILING_BYLINE.sub("", head[: -len(city)]).strip()
    n = len(head.split())
    if not 3 <= n <= 20 or not re.search("[a-z]", head) or _NOT_A_HEADLINE.search(head):
        return None
    return head


# "<headline> <CITY> | Mon Oct 25, 2010 4:50 pm IST <CITY> [Oct 25] (Reuters) -"
_WIRE_STAMP = re.compile(
    r"(?P<head>.+?)\s*\|\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
    r"\s+\d{1,2}:\d{2}\s*[aApP][mM]\s+[A-Z]{2,4}\s+(?P<city>.+?)\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+)?\("
)
# A byline after the headline: "New flu has been around for years in pigs: study By Maggie Fox, ..."
_TRAILING_BYLINE = re.compile(r"\s+By\s+[A-Z].*$")
# A byline or credit alone, bullets, a photo's credit ("S. Navy photo/Handout"), a list of links to
# other stories ("Full Article Egypt orders cull of pig herds ...").
_NOT_A_HEADLINE = re.compile(r"^(?:By|Credit|Photo)\b|[*•/]|\bFull Article\b|\bHandout\b")


def lead_in_end(text: str) -> tuple[int, str]:
    """Where the lead-ins that are not part of the sentence ``text`` opens with end (live-blog
    update stamps, photo captions with their credits, headings in capitals), and what they
    were ("live-blog update stamp, photo caption and credit" for two); (0, "") when the text
    starts with its sentence."""
    cut = 0
    reasons: list[str] = []
    while True:
        rest = text[cut:]
        if n := update_stamp_end(rest):
            reasons.append("live-blog update stamp")
        elif n := caption_credit_end(rest):
            reasons.append("photo caption and credit")
        elif n := byline_stamp_end(rest):
            reasons.append("byline")
        elif n := caps_heading_end(rest):
            reasons.append("heading run into the sentence")
        else:
            return cut, ", ".join(reasons)
        cut += n


def _without_lead_in(line: _Line, removed: list[tuple[str, str]], *, first_lines: bool = False) -> _Line:
    """``line`` without its lead-ins and dateline; on a page's ``first_lines``, also without the
    headline, story highlights or byline run into a news agency's dateline."""
    cut, reason = lead_in_end(line.text)
    if cut:
        removed.append((line.text[:cut].strip(), reason))
        line = _Line(line.text[cut:], line.start + cut, line.end)
    if opens_with_dateline(line.text):
        cut = dateline_end(line.text)
        if cut:
            removed.append((line.text[:cut].strip(), "dateline"))
            line = _Line(line.text[cut:], line.start + cut, line.end)
    # also after a stamp cut as the dateline ("Wed Jun 16, 2010 2:56 pm EDT (Adds BP forgoing dividend)
    # WASHINGTON, June 16 (Reuters) - ...")
    if first_lines and (cut := run_in_dateline_end(line.text)):
        removed.append((line.text[:cut].strip(), _RUN_IN_DATELINE))
        line = _Line(line.text[cut:], line.start + cut, line.end)
    return line


# A live blog's entries open with the time they were posted in 24-hour digits ("2050 Haiti's
# President, Rene Preval, tells CNN ..."), at a line's start or run into the entry before when line
# breaks were lost ("... destroyed by the earthquake 1817 Meinie Nicolai, director of ..."). Read as
# years they dated entries to 2050 and 1817. A chronology opens its lines with years the same way
# ("2006 Dr Murray meets Michael Jackson ..."), so the digits count as times only on a page with
# three or more at line starts, one of them 2100 or later: no year a report looks back on.
_HHMM_ENTRY = r"((?:[01]\d|2[0-3])[0-5]\d) (?=[A-Z])"  # "2050 " before an entry's first word
_CLOCK_STAMP = re.compile(r"(?:^|(?<=[a-z.,;:!?'\")] ))" + _HHMM_ENTRY, re.M)
_LINE_CLOCK_STAMP = re.compile(r"^" + _HHMM_ENTRY, re.M)


def live_blog_times(text: str) -> list[tuple[int, int]]:
    """The spans of a live blog's 24-hour posting times in ``text`` (each with its space), or [] when
    ``text`` is no such page."""
    openers = [int(m.group(1)) for m in _LINE_CLOCK_STAMP.finditer(text)]
    if len(openers) < 3 or max(openers) < 2100:
        return []
    return [(m.start(1), m.end(1) + 1) for m in _CLOCK_STAMP.finditer(text)]


def _split_at_times(line: _Line, times: list[tuple[int, int]], removed: list[tuple[str, str]]) -> list[_Line]:
    """``line`` cut at the posting times in it (offsets into the article), each recorded in ``removed``."""
    out: list[_Line] = []
    start = line.start
    for a, b in times:
        if line.start <= a < line.end:
            if piece := line.text[start - line.start : a - line.start].strip():
                out.append(_Line(piece, start, start + len(piece)))
            removed.append((line.text[a - line.start : b - line.start].strip(), "live-blog time stamp"))
            start = b
    if start < line.end:
        out.append(_Line(line.text[start - line.start :], start, line.end))
    return out


def _prepared_lines(
    text: str, removed: list[tuple[str, str]], lower_words: frozenset[str] = frozenset()
) -> list[_Line]:
    """The text's lines with their lead-ins and page update stamps cut (recorded in ``removed``),
    and a heading run into its line split off as a line of its own (:func:`run_in_parts`, with the
    collection's ``lower_words``)."""
    out: list[_Line] = []
    times = live_blog_times(text)
    raws = _lines(text)
    if times:
        raws = [piece for raw in raws for piece in _split_at_times(raw, times, removed)]
    caption_above = False  # whether the last line's last part may be a caption whose credit opens the next
    after_stamp: int | None = None  # where the lines after a page's stamp start: a caption may follow it
    for raw in raws:
        if opens_with_credit(raw.text):
            caption = caption_after_stamp(out, after_stamp)
            if caption == len(out) and caption_above and not _INNER_STOP.search(out[-1].text):
                caption = len(out) - 1
            removed.extend((line.text, "photo caption (its credit opens the next line)") for line in out[caption:])
            del out[caption:]
            after_stamp = None
        first_lines = len(out) < HEADLINE_LINES
        line = _without_lead_in(raw, removed, first_lines=first_lines)
        done = 0
        parts = run_in_parts(line.text, text if first_lines else "", lower_words)
        for start, end in parts:
            if gap := line.text[done:start].strip():
                removed.append((gap, "page update stamp"))
                after_stamp = len(out) if first_lines else after_stamp
            out.append(_Line(line.text[start:end], line.start + start, line.start + end))
            done = end
        caption_above = first_lines and bool(parts)
    return out


# At most this many sentences of a caption between a page's stamp and the picture's credit.
CAPTION_MAX_SENTENCES = 3


def caption_after_stamp(out: Sequence[_Line], after_stamp: int | None) -> int:
    """Where the picture's caption starts among ``out``'s lines when the next line opens with its
    credit: all lines since the page's stamp ("... Monday 17 May 2010 22.40 BST | Oil barrels stacked
    up in a yard. | BP's tube can collect ... | But between 4,000 and 99,000 barrels per day are still
    leaking ... | Photograph: Kay Nietfeld/Corbis The company said ..."), when they are one sentence
    each and at most :data:`CAPTION_MAX_SENTENCES`; else ``len(out)`` (no caption)."""
    if after_stamp is None or not 0 < len(out) - after_stamp <= CAPTION_MAX_SENTENCES:
        return len(out)
    if any(_INNER_STOP.search(line.text) for line in out[after_stamp:]):
        return len(out)
    return after_stamp


# A photo credit's label: "Photograph: Liz Condo/AP ...", "Photo: ...".
_CREDIT_LABEL = re.compile(r"(?:Photograph|Photo|Picture|Image)(?: credit)?\s*:\s")


def opens_with_credit(line: str) -> bool:
    """Whether a line opens with a photo credit's label ("Photograph: Liz Condo/AP 2pm: Here we go ..."):
    on a page's first lines, the line before it ends with the picture's caption ("Plugging the Gulf oil
    spill: 'top kill' ... Oil from the Deepwater Horizon well approaching the coast of Louisiana."), the
    line's last sentence when it has one."""
    return _CREDIT_LABEL.match(line) is not None


def clean_article(
    article: Article,
    *,
    repeated: set[str] | frozenset[str] = frozenset(),
    widespread: set[str] | frozenset[str] = frozenset(),
    lower_words: frozenset[str] = frozenset(),
) -> Article:
    """``repeated``: lines in two or more of the collection's documents; ``widespread``: in
    :data:`WIDESPREAD` or more (see :func:`repeated_lines`); ``lower_words``: the words the
    collection writes in lower case (:func:`lower_case_words`)."""
    removed: list[tuple[str, str]] = []
    text = article.text
    if (comments := comments_start(text)) < len(text):
        removed.extend((line.text, "reader comments") for line in _lines(text[comments:]))
        text = text[:comments]  # a prefix: offsets into it are offsets into the article
    lines = _prepared_lines(text, removed, lower_words)
    # A broadcast transcript's turns are its text, however short ("ANDERSON COOPER, CNN ANCHOR: Good
    # evening, everyone." is no headline): they stay, so digest.transcript.speech_start finds them.
    transcript = speech_start(text) < len(text)

    def turn(line: _Line) -> bool:
        return transcript and opens_with_speaker_label(line.text)

    body_idx = [i for i, line in enumerate(lines) if line.is_body or turn(line)]
    if not body_idx:
        # No paragraph at all: keep sentence-shaped lines, the rest is chrome.
        kept = [line for line in lines if line.is_sentence and not _is_chrome(line, repeated)]
        removed = [(line.text, "not a sentence") for line in lines if line not in kept]
        return _rebuild(article, kept, [], removed, article.title)
    first, last = body_idx[0], body_idx[-1]
    in_lines = Counter(w for line in lines[first : last + 1] for w in set(content_words(line.text)))

    title = article.title
    leading = lines[:first]
    headline_at = _headline_index(leading, in_lines, repeated, text)
    for i, line in enumerate(leading):
        if i == headline_at and title is None:
            title = line.text.strip()
            removed.append((line.text, "headline (used as title)"))
        elif i == headline_at:
            removed.append((line.text, "headline (title given by metadata)"))
        else:
            removed.append((line.text, "page chrome before the headline"))

    kept: list[_Line] = []
    headings: list[_Line] = []
    middle = lines[first : last + 1]
    tag_run = _tag_list_lines(middle)
    raw = _lines(text)  # as written: a credit opening the next line may be cut from its prepared line
    captions = [(raw[i].start, raw[i].end) for i in _dated_caption_lines(raw)]
    # A copy (a wire story many outlets ran) repeats most of its lines: then a widespread line is its
    # text, not a site's furniture.
    own_lines = [line for line in middle if line.is_body and not addresses_the_reader(line.text)]
    copied = sum(normalize(line.text).lower() in repeated for line in own_lines) * 2 > len(own_lines)
    widespread = frozenset() if copied else widespread
    for j, line in enumerate(middle):
        spoken = turn(line)
        reason = (
            None
            if spoken
            else _junk_reason(line, repeated, widespread, in_lines, in_tag_list=j in tag_run, counted=True)
        )
        if reason:
            removed.append((line.text, reason))
        elif any(a <= line.start < b for a, b in captions):
            removed.append((line.text, "photo caption"))
        elif spoken or line.is_sentence or line.is_body or (line.is_list_item and line.n_words >= 5):
            kept.append(line)
        elif line.n_words <= _HEADING_MAX_WORDS and _followed_by_body(middle, j):
            kept.append(line)
            headings.append(line)
        else:
            removed.append((line.text, "not a sentence"))

    trailing = lines[last + 1 :]
    trailing_tags = _tag_list_lines(trailing)
    # The story's words are its body's and its headline's: "It is the fourth school to close." ends
    # "Swine flu cases close UK school | Another nine UK cases ...".
    story_words = in_lines + Counter(set(content_words(leading[headline_at].text))) if headline_at >= 0 else in_lines
    for j, line in enumerate(trailing):
        reason = _junk_reason(line, repeated, widespread, in_lines, in_tag_list=j in trailing_tags, counted=False)
        long_enough = line.is_sentence or line.n_words >= _BODY_MIN_WORDS  # may be an unfinished paragraph
        if long_enough and not reason and _overlap(line, story_words) >= 0.5:
            kept.append(line)
        else:
            removed.append((line.text, reason or "page chrome after the article"))

    kept, tail = _drop_unfinished_tail(kept, headings)
    removed.extend(tail)
    if title is None:
        title = next((h for text, why in removed if why == _RUN_IN_DATELINE and (h := wire_headline(text))), None)
    return _rebuild(article, kept, headings, removed, title)


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            out.append(_Line(stripped, start, start + len(stripped)))
        pos += len(raw) + 1
    return out


def _overlap(line: _Line, in_lines: Counter[str], *, counted: bool = False) -> float:
    """The share of a line's content words the article's body uses (``in_lines``: each word's number
    of body lines), not counting the line itself when it is one of them (``counted``): its own
    words say nothing about whether it belongs ("Comments are not pre-screened before they post.")."""
    cw = set(content_words(line.text))
    if not cw:
        return 0.0
    return sum(in_lines[w] > (1 if counted else 0) for w in cw) / len(cw)


def _is_chrome(line: _Line, repeated: set[str] | frozenset[str]) -> bool:
    if line.is_hashtags or line.is_label or _SEPARATORS.search(line.text):
        return True
    if _is_call_to_action(line):
        return True
    return not line.is_sentence and normalize(line.text).lower() in repeated


_BYLINE = re.compile(r"^\W*By\s+(?:the\s+)?[A-Z]")


def _headline_index(
    leading: list[_Line], in_lines: Counter[str], repeated: set[str] | frozenset[str], text: str
) -> int:
    """The leading line nearest the body that reads like a headline, or -1. A line that opens with
    an article ("The report says the government's response ...", "The action, filed in a New
    Orleans court, accuses them ...") is a standfirst or a caption under the headline when a line
    above it reads like a headline without one ("Gulf oil spill commission criticises White
    House"): headlines drop their articles."""
    found = -1
    for i in range(len(leading) - 1, -1, -1):
        line = leading[i]
        if line.is_list_item or _is_chrome(line, repeated):
            continue
        if _BYLINE.match(line.text) or opens_with_reference(line.text):
            continue  # "By the CNN Wire Staff ...", a caption "It is believed the doctor was ..."
        if _reads_like_headline(line, in_lines):
            if not _OPENS_WITH_ARTICLE.match(line.text):
                return _first_run_in(leading, i, in_lines, text)
            if found < 0:
                found = i
    return found


def _reads_like_headline(line: _Line, in_lines: Counter[str]) -> bool:
    return 4 <= line.n_words <= 25 and not line.text.rstrip().endswith(".") and _overlap(line, in_lines) >= 0.5


def _first_run_in(leading: list[_Line], i: int, in_lines: Counter[str], text: str) -> int:
    """The headline among lines run into one written line: its first that reads like one. A page
    that runs its headline, a caption or standfirst and its first sentence together ("US demands
    oil spill costs 'clarification' from BP | Thousands of barrels of oil a day have been leaking
    from the seabed | The US government has demanded ...") puts the headline first."""
    while i > 0 and "\n" not in text[leading[i - 1].end : leading[i].start] and _may_head(leading[i - 1], in_lines):
        i -= 1
    return i


# A byline naming its writers and outlet ("From Ben Wedeman and Amir Ahmed, CNN"), story highlights
# ("NEW: Thousands of Egyptian workers strike ..."): no headline, though run in above one.
_FROM_BYLINE = re.compile(
    r"^\W*From\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:and\s+(?:[A-Z][\w.'’-]*\s+){1,3})?[A-Z][\w.'’-]*,\s"
)
_HIGHLIGHT = re.compile(r"^\W*NEW\s*:")


def _may_head(line: _Line, in_lines: Counter[str]) -> bool:
    """Whether a line run in above another that reads like a headline may be the headline: it reads
    like one, opens with a capital, and is no byline, highlight or list item."""
    text = line.text.lstrip()
    return (
        _reads_like_headline(line, in_lines)
        and text[:1].isupper()
        and not line.is_list_item
        and not (_BYLINE.match(text) or _FROM_BYLINE.match(text) or _HIGHLIGHT.match(text))
        and not opens_with_reference(text)
    )


_OPENS_WITH_ARTICLE = re.compile(r"[\"'“‘]?(?:The|A|An)\s")


# A photo gallery's caption stamped with the photo's day, as Fox News pages open with them ("Apr.
# 21: Fire boat crews battle the blazing remnants of the offshore oil rig Deepwater Horizon." then
# "AP VENICE, La. -- ..."): the stamp opens a line that is the page's first, ends with the agency's
# credit, or has a credit open the line after it. A chronology's entries ("April 28 - The Coast
# Guard says ...") are none of these.
_DATED_CAPTION = re.compile(
    r"^(?:(?:AP|Reuters|AFP)\s+)?(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}:\s+[A-Z\"“]"
)
_ENDS_WITH_CREDIT = re.compile(r"\((?:AP|Reuters|AFP)\)\.?$")
_OPENS_WITH_CREDIT = re.compile(
    r"^(?:\(AP\)|AP|Reuters|AFP|Getty Images)\s|^[A-Z][\w.]*(?:,?\s+[A-Z][\w.]*){0,3},?\s+via\s+(?:AP|Reuters)\b"
)


def _dated_caption_lines(lines: list[_Line]) -> set[int]:
    """Indices of photo captions stamped with their day (:data:`_DATED_CAPTION`)."""
    return {
        i
        for i, line in enumerate(lines)
        if _DATED_CAPTION.match(line.text)
        and (
            i == 0
            or _ENDS_WITH_CREDIT.search(line.text)
            or (i + 1 < len(lines) and _OPENS_WITH_CREDIT.match(lines[i + 1].text))
        )
    }


def _tag_list_lines(lines: list[_Line]) -> set[int]:
    """Indices of runs of three or more short list items (tag and link lists)."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, _Line("", 0, 0)]):
        if line.is_list_item and line.n_words <= 4:
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


def _junk_reason(
    line: _Line,
    repeated: set[str] | frozenset[str],
    widespread: set[str] | frozenset[str],
    in_lines: Counter[str],
    *,
    in_tag_list: bool,
    counted: bool,
) -> str:
    """Why a line is not part of the story ("" when it is). ``in_lines``: for each word, the number of
    the article body's lines using it, ``line`` among them when ``counted``."""
    if in_tag_list or has_link_age(line.text):
        return "tag or link list"
    if line.is_hashtags:
        return "hashtag line"
    if line.is_label:
        return "label line"
    if _SEPARATORS.search(line.text) and not line.is_sentence:
        return "navigation or site-name line"
    if _is_call_to_action(line) and (not line.is_sentence or _overlap(line, in_lines, counted=counted) < 0.5):
        return "call to action"
    key = normalize(line.text).lower()
    if key in repeated and (not line.is_sentence or addresses_the_reader(line.text)):
        return "boilerplate repeated across documents"
    if key in widespread and _overlap(line, in_lines, counted=counted) < 0.5:
        return "boilerplate repeated across documents"
    return ""


def _followed_by_body(lines: list[_Line], j: int) -> bool:
    return j + 1 < len(lines) and lines[j + 1].is_sentence


def _drop_unfinished_tail(kept: list[_Line], headings: list[_Line]) -> tuple[list[_Line], list[tuple[str, str]]]:
    if not kept or kept[-1] in headings or _TERMINAL.search(kept[-1].text):
        return kept, []
    last = kept[-1]
    cut = max((m.end() for m in re.finditer(r"""[.!?…]['"’”)\]]*(?=\s)""", last.text)), default=0)
    if cut == 0:
        return kept[:-1], [(last.text, "unfinished last sentence")]
    trimmed = _Line(last.text[:cut], last.start, last.start + cut)
    return [*kept[:-1], trimmed], [(last.text[cut:].strip(), "unfinished last sentence")]


def _rebuild(
    article: Article, kept: list[_Line], headings: list[_Line], removed: list[tuple[str, str]], title: str | None
) -> Article:
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    heading_ids = {id(h) for h in headings}
    for line in kept:
        if parts:
            parts.append("\n\n")
            pos += 2
        if id(line) in heading_ids:
            spans.append(Span(pos, pos + len(line.text)))
        parts.append(line.text)
        pos += len(line.text)
    return replace(
        article,
        text="".join(parts),
        title=title,
        headings=tuple(spans),
        removed=tuple(removed),
    )


# A box, caption or promotion a site runs into the first sentence after it, the same words on several
# pages before different sentences: "Broadcasting on FM radio daily in Haitian Creole at 0910 local
# time (1410 GMT), for 20 minutes Giving up-to-date information about where to get basic services and
# aid Also available on satellite and online, and via social media Rescuers described his survival as
# "a miracle".", "Find out more and buy the ebook on Kindle from Amazon UK and US or iTunes UK or US
# Follow all the top stories ...". At least BOX_WORDS words shared by BOX_ARTICLES articles.
BOX_WORDS = 8
BOX_ARTICLES = 3


def _head(text: str) -> str | None:
    """A sentence's first :data:`BOX_WORDS` words as written, if it has more and opens with a capital."""
    if not text[:1].isupper():
        return None
    head = text[:200].split(None, BOX_WORDS)
    return " ".join(head[:BOX_WORDS]) if len(head) > BOX_WORDS else None


def _boxes_by_head(sentences: Sequence[Sentence], heads: Sequence[str | None]) -> dict[str, list[str]]:
    """The boxes by the first words of the sentences they open (``heads``: each sentence's
    :func:`_head`), longest first. A box is a text that opens sentences of :data:`BOX_ARTICLES` or
    more articles (or of two, when it reads as a caption: :func:`_two_pages_box`), their words the
    same, punctuation aside, and then goes on with different
    sentences: each such sentence, after the shared words, starts with a capital (maybe after a
    quotation mark) and has four words or more, and the shared words end neither a sentence nor on
    a function word ("... in the White" + "House ..." is a name going on)."""
    # Grouped by their first words as written: a cheap key, for every sentence of a collection is seen.
    groups: dict[str, dict[str, str]] = defaultdict(dict)
    for s, head in zip(sentences, heads, strict=True):
        if head is not None:
            groups[head].setdefault(s.article_id, s.text)
    out: dict[str, list[str]] = {}
    for head, by_article in groups.items():
        texts = sorted(set(by_article.values()))
        if len(texts) < 2:
            continue
        split = [t.split() for t in texts]
        n = BOX_WORDS
        while all(len(t) > n for t in split) and len({_bare(t[n]) for t in split}) == 1:
            n += 1
        last = split[0][n - 1]
        if last[-1:] in ".!?\"'”’" or _bare(last) in STOPWORDS or _bare(last) in _RUN_IN_BLOCKERS:
            continue
        if len(texts) < BOX_ARTICLES and not _two_pages_box(split, n):
            continue
        if all(len(t) >= n + 4 and t[n].lstrip("\"'“‘(")[:1].isupper() for t in split):
            out[head] = sorted({" ".join(t[:n]) for t in split}, key=len, reverse=True)
    return out


def _two_pages_box(split: list[list[str]], n: int) -> bool:
    """Whether the first ``n`` words that two sentences share are a caption or a heading run into
    them ("Dr Murray has denied he caused Michael Jackson's death" + "Michael Jackson's former doctor
    ..."), not two versions of one sentence going on in other words: they end on no name ("...
    authorising President Felipe" + "Calderon ..."), no comma, no verb before its object ("... is to
    meet" + "Mr Obama ..."), and the two go on without a word in common ("... BP managing director" +
    "Bob Dudley ..." / "American Bob Dudley ...")."""
    last = split[0][n - 1]
    if last[-1:] in ",;:-" or (last[:1].isupper() and not last.isupper()) or _bare(split[0][n - 2]) == "to":
        return False
    return not {_bare(w) for w in split[0][n : n + 3]} & {_bare(w) for w in split[1][n : n + 3]}


def _bare(token: str) -> str:
    return token.strip(".,;:!?\"'“”‘’()").lower()


def cut_run_in_boxes(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences with a box run into them (see :func:`_boxes_by_head`) starting after it: the
    box is a site's furniture, the sentence after it the report's. Identities and ends are unchanged."""
    heads = [_head(s.text) for s in sentences]
    by_head = _boxes_by_head(sentences, heads)
    if not by_head:
        return list(sentences)
    out: list[Sentence] = []
    for s, head in zip(sentences, heads, strict=True):
        boxes = by_head.get(head or "")
        joined = " ".join(s.text.split()) if boxes else ""
        box = next((b for b in boxes or () if joined.startswith(b + " ")), None)
        if box is None:
            out.append(s)
            continue
        cut = _after_words(s.text, len(box.split()))
        # a heading in capitals after the box: "... recipes HAITI CRIPPLED BY DEVASTATING EARTHQUAKE Haiti ..."
        cut += lead_in_end(s.text[cut:])[0]
        if opens_with_dateline(s.text[cut:]):  # "By Maggie Fox, Health and Science Editor WASHINGTON | Sun ..."
            cut += dateline_end(s.text[cut:])
        out.append(Sentence(s.article_id, s.index, s.start + cut, s.end, s.text[cut:]))
    return out


def _after_words(text: str, n: int) -> int:
    """The offset in ``text`` of its (n+1)-th whitespace-separated word."""
    matches = list(_TOKEN.finditer(text))
    return matches[n].start() if n < len(matches) else len(text)

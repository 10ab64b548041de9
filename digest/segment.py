"""Sentence segmentation with exact character offsets into the cleaned text.

A rule-based splitter: a line break always ends a sentence; inside a line a
sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets) followed by space and a capital, digit or opening quote, unless the
word before the stop is an abbreviation ("Gen.", "Mr.", "Jan."), an initial
("N."), or a dotted acronym ("U.S.") that is not followed by a typical sentence
opener. A list item's marker ("* ", "• ", "- ") opening a line is no part of
its sentence, and the speaker named after a quoted question or exclamation is
part of the quote's sentence ('"... with what?" Admiral Allen asked back.').
It keeps offsets exact and runs at several MB/s, which matters at thousands of
articles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from itertools import accumulate

from digest.errors import NoSentencesError
from digest.text import STOPWORDS, words
from digest.types import Article, Sentence, Skipped, Span, describe_article

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "maj",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "pres",
        "amb",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "bros",
        "no",
        "nos",
        "vs",
        "etc",
        "approx",
        "est",
        "dept",
        "univ",
        "fig",
        "al",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "ft",
        "mt",
        "ave",
        "blvd",
        "rd",
    ]
)
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "in",
        "on",
        "at",
        "for",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "since",
        "however",
        "meanwhile",
        "officials",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)
# A run of stops is tried from its first mark only (the lookbehind): a try from inside the run
# would take the same rest and end alike, so the matches are the same, but a long run ("......")
# is no longer rescanned from each of its marks (quadratic in its length).
_BOUNDARY = re.compile(r"""[.!?…](?<![.!?…]{2})[.!?…]*['"’”)\]]*(?=\s+['"‘“(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NOT_WORD = re.compile(r"[^A-Za-z.]")  # what cannot be in the word _WORD_BEFORE finds
_WORD_WINDOW = 64  # characters before a stop searched for its word first; longer words widen it
_FOLLOWING = re.compile(r"\s+['\"‘“(]?([A-Za-z]+)")
_FIGURE_BEFORE = re.compile(r"\d\s*-?$")  # "5,000 ft", "10-ft"
_CLOSING_QUOTES = "\"'’”"
# Who asked or exclaimed the quote before, and nothing else: '"Why?" Admiral Allen of the Coast
# Guard asked back.', not '"Why?" The crowd said nothing.'
_SPEAKER_TAIL = re.compile(
    r"\s+(?=[A-Z])(?:[^.!?\"“”]|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Gov|Rep|Lt|Col|Adm|Sgt|St|[A-Z])\.){0,150}?"
    r"\b(?:said|says|asked|asks|added|adds|replied|replies|wondered|shouted|exclaimed|insisted|cried)"
    r"(?:\s+(?:back|again|later|aloud|angrily|quietly|today|yesterday))?[.!]['\"’”)\]]*(?=\s|$)"
)
_BULLET = re.compile(r"\s*(?:[*•·▪◦]|[-–—]{1,2})\s+")  # a list item's marker opening a line


def segment(text: str, *, skip: Sequence[Span] = ()) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``; spans overlapping ``skip`` (headings) are left out."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.extend((pos + s, pos + e) for s, e in _split_line(line))
        pos += len(line) + 1
    if skip:  # a span overlaps a heading that starts before it ends and ends after it starts
        ordered = sorted((h.start, h.end) for h in skip)
        starts = [start for start, _ in ordered]
        latest_end = list(accumulate((end for _, end in ordered), max))
        spans = [(s, e) for s, e in spans if not ((i := bisect_left(starts, e)) and latest_end[i - 1] > s)]
    return spans


def sentences_of(article: Article) -> list[Sentence]:
    return [
        Sentence(article.id, i, s, e, article.text[s:e])
        for i, (s, e) in enumerate(segment(article.text, skip=article.headings))
    ]


def _split_line(line: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        end = match.end()
        if _is_abbreviation(line, match.start(), end):
            continue
        if line[match.start()] in "?!" and match.group(0)[-1] in _CLOSING_QUOTES and _SPEAKER_TAIL.match(line, end):
            continue  # '"... with what?" Admiral Thad Allen asked back.': the speaker belongs to the quote
        out.append((start, end))
        start = end
    out.append((start, len(line)))
    bullet = _BULLET.match(line)
    if bullet and bullet.end() < out[0][1]:
        out[0] = (bullet.end(), out[0][1])  # "* May 2 - Obama visits ...": the marker is no part of the sentence
    spans = []
    for s, e in out:
        chunk = line[s:e]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((s + lead, s + lead + len(stripped)))
    return spans


def _is_abbreviation(line: str, stop: int, end: int) -> bool:
    if line[stop] != "." or (end - stop > 1 and line[stop + 1] == "."):
        return False
    match = _word_before(line, stop)
    if not match:
        return False
    token = match.group(1)
    if "." in token:  # dotted acronym: U.S., U.K., e.g.
        following = _FOLLOWING.match(line, end)
        return not (following and following.group(1).lower() in _OPENERS)
    if len(token) == 1 and token.isupper():  # an initial: "N. Korea", "George W. Bush"
        return True
    if token.lower() == "ft" and _FIGURE_BEFORE.search(line, 0, match.start()):
        # feet after a figure go on with a word in lower case ("5,000 ft. below the surface"); a
        # capitalised one opens a sentence ('a depth of about 5,000 ft." Initial investigations ...'),
        # where "Ft." before a name is a fort ("Ft. Hood")
        following = _FOLLOWING.match(line, end)
        return not (following and following.group(1)[0].isupper())
    return token.lower() in _ABBREVIATIONS


def _word_before(line: str, stop: int) -> re.Match[str] | None:
    """``_WORD_BEFORE.search(line[: stop + 1])``: the word ending in the stop at ``stop``.

    Searching the whole line before every stop made segmenting a long line quadratic, so this
    looks only at a window just before the stop. A match needs every character from its start
    to the stop to be a letter or dot, so once the window holds another character no match
    starts before the window and the window's first match is the line's; a window of nothing
    but letters and dots widens.
    """
    window = _WORD_WINDOW
    while True:
        lo = max(0, stop - window)
        if lo == 0 or _NOT_WORD.search(line, lo, stop):
            return _WORD_BEFORE.search(line, lo, stop + 1)
        window *= 4


NO_SENTENCES = "no usable sentences after cleaning"


def _not_latin(text: str) -> bool:
    """Most of the text's letters (at least 20) are of another script than Latin (Chinese, Arabic …)."""
    import unicodedata

    letters = [c for c in text[:20000] if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii() or unicodedata.name(c, "").startswith("LATIN"))
    return len(letters) >= 20 and latin < len(letters) / 2


# English function words are about 40% of the words of English news, and 17% or more of every
# Timeline17 page in English (the lowest: a list of photo captions); Vietnamese with its diacritics
# stripped by a scraper ("WHO c ng b' i d ch c m heo' ...", six BBC pages in T17's H1N1 folders) has
# 8-11%, a Spanish news paragraph 4%.
_ENGLISH_SHARE = 0.15
_ENGLISH_SAMPLE = 500  # words looked at
_ENGLISH_MIN_WORDS = 30  # fewer say too little to tell the share ...
# ... but a short text with next to no English function word is not English: T17's short texts
# (8 to 29 words after cleaning, 25 of them) have 10% or more; a two-sentence Spanish record, none.
_SHORT_MIN_WORDS = 8
_SHORT_SHARE = 0.05


def in_english(text: str) -> bool:
    """Whether a text reads as English: of its first 500 words (if it has 30 or more), at least
    15% are English function words (:data:`digest.text.STOPWORDS`); of a shorter text of 8 words
    or more, at least 5%."""
    tokens = words(text[: _ENGLISH_SAMPLE * 6])[:_ENGLISH_SAMPLE]
    if len(tokens) < _SHORT_MIN_WORDS:
        return True
    share = _SHORT_SHARE if len(tokens) < _ENGLISH_MIN_WORDS else _ENGLISH_SHARE
    return sum(t in STOPWORDS for t in tokens) >= share * len(tokens)


def english_articles(articles: Sequence[Article]) -> list[Article]:
    """The articles whose (cleaned) text is in English (:func:`in_english`), the ones to segment:
    a page in another language yields no sentences, so :func:`usable` names it and says why."""
    return [a for a in articles if in_english(a.text)]


def _why_unusable(original: str, cleaned: str) -> str:
    """Why a document yielded no sentences, from its text before and after cleaning."""
    if _not_latin(original):
        return NO_SENTENCES + " (its text is not in the Latin script; digest reads English)"
    if not in_english(cleaned):
        return NO_SENTENCES + " (its text is not in English; digest reads English)"
    return NO_SENTENCES


def usable(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    *,
    skip_unusable: bool,
    originals: Mapping[str, str] | None = None,
) -> tuple[list[Article], tuple[Skipped, ...]]:
    """The articles that have sentences, and those left out. An article without any stops the
    run (:class:`NoSentencesError` naming it) unless ``skip_unusable``; so does a collection
    where no article has any. ``originals`` (id to text before cleaning) lets the reason say more."""
    with_sentences = {s.article_id for s in sentences}
    kept = [a for a in articles if a.id in with_sentences]
    left_out = [a for a in articles if a.id not in with_sentences]
    reasons = {a.id: _why_unusable((originals or {}).get(a.id, a.text), a.text) for a in left_out}
    if left_out and (not kept or not skip_unusable):
        first = left_out[0]
        problem = reasons[first.id]
        if len(left_out) > 1 and not kept:
            problem += f" (nor in the {len(left_out) - 1} other input{'s' if len(left_out) > 2 else ''})"
        elif kept:
            problem += "; leave such documents out with --skip-unusable (Config.skip_unusable)"
        raise NoSentencesError(describe_article(first.id, first.path), problem)
    return kept, tuple(Skipped(a.id, a.path, reasons[a.id]) for a in left_out)

"""False-positive guards applied to candidates with their surrounding text."""

from __future__ import annotations

import re

from digest.timex.detect import ZONE, Candidate

_PREV_WORD = re.compile(r"([A-Za-z]+)[^A-Za-z]{0,3}$")
_TEMPORAL_PREP = {
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "during",
    "from",
    "through",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "before",
    "after",
    "to",
    "between",
    "and",
    "end",
    "on",
    "for",
    "or",
    "beginning",
    "start",
    "middle",
    "as",
    "around",
    "about",
    "that",
    "than",
    "past",
    "coming",
    "previous",
    "into",
    "throughout",
}
_DURATION_PREV = {
    "for",
    "over",
    "within",
    "in",
    "after",
    "take",
    "took",
    "taken",
    "takes",
    "spend",
    "spent",
    "lasted",
    "last",
    "than",
    "few",
    "several",
    "or",
    "nearly",
    "almost",
    "about",
    "some",
    "many",
    "of",
}
_YEAR_KEEP_PREV = _TEMPORAL_PREP | {
    "fiscal",
    "year",
    "the",
    "spring",
    "summer",
    "fall",
    "winter",
    "autumn",
    "at",
    "mid",
    "circa",
    "calendar",
    "ended",
    "ending",
    "early",
    "late",
    "its",
    "s",
}
_PLURAL_NOUN = re.compile(r"\s+(?:[a-z]+s|people|men|women|children|persons|staff|police|personnel)\b")
_RATE_PREV = re.compile(
    r"(?:\d|%|cents?|percent|dollars?|pounds?|euros?|yen|marks|francs)\W{0,2}$",
    re.I,
)
# a bare count (no currency sign or money word before it) right before "a <unit>"
_COUNT_PREV = re.compile(r"(?<![$£€#\d.,])\d[\d,]*(?:\s+[a-z]+s)?\s+$")
_SET_KEYS = ("num", "unit", "adv", "freq", "unit2", "wds", "tods", "wdn", "todn")
# A zone or "local time" after four digits makes them a 24-hour clock time, not a year.
_CLOCK_AFTER = re.compile(rf"\s*(?:local\s+time\b|h(?:ou)?rs\b|{ZONE}\b)", re.I)


_ADV_NEXT = {
    "and",
    "or",
    "in",
    "at",
    "by",
    "on",
    "since",
    "for",
    "to",
    "from",
    "during",
    "until",
    "through",
    "basis",
}


_DISCOURSE_NOW = re.compile(r",")
_PROGRAMME_AFTER = re.compile(r"\s+(?:[Pp]rogram(?:me)?|[Ss]how)\b")
_SENT_START = re.compile(r"(?:^|[.!?\n][\s\"'`]*|[\"`]+)$")


# A season after an indefinite or distributive determiner and at most two adjectives names no
# particular one: "a bad normal winter of flu", "every winter", "each summer", "a winter storm".
_GENERIC_BEFORE = re.compile(r"\b(?:an?|every|each|any|per)\s+(?:[a-z]+[-\s]+){0,2}$", re.I)


# A lower-case word after a bare season that is no function word or verb: the noun the season
# qualifies ("winter vaccine", "summer camp", "winter months"). After "the" it may be one winter's
# ("once the winter flu season starts").
_NOUN_AFTER = re.compile(
    r"\s(?!(?:of|in|on|at|and|or|but|nor|when|while|as|is|was|were|are|be|been|will|would|could|should|"
    r"can|may|might|must|has|had|have|to|for|with|that|which|who|before|after|until|till|since|this|last|"
    r"next|if|than|so|then|there|here|too|also|again|arrives?|arrived|came|comes|began|begins|ended|ends|"
    r"approaches|set|sets|saw|sees|brought|brings|did|does|not)\b)[a-z]+\b"
)


# A capitalised word right before or after a capitalised season (not one that opens a sentence).
_CAPITAL_BEFORE = re.compile(r"(?<![.!?:\"'“‘])\s(?P<word>[A-Z][a-z]+)\s+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _season_in_a_name(text: str, c: Candidate) -> bool:
    """Whether a bare, capitalised season is part of a name: a given name before it ("Ed Winter") or
    a name's next word after it ("Winter Olympics", "Summer Sundae"), not a temporal word before it
    ("In Autumn" in a headline's capitals)."""
    word = c.text
    if not word[:1].isupper() or word.isupper():
        return False
    before = _CAPITAL_BEFORE.search(text, max(0, c.start - 30), c.start)
    if before and before.group("word").lower() not in _TEMPORAL_PREP:
        return True
    return _CAPITAL_AFTER.match(text, c.end) is not None


def prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


_ADJ_THE = re.compile(
    r"(?:the|these|those)\s+(?=[\w.,/ ]+-(?:fiscal-)?(?:quarter|half|year|month|week|day|hour|minute)s?$)",
    re.I,
)


def _trim_the(c: Candidate) -> Candidate:
    """'the third-quarter', 'the 30-day': adjectival expressions are tagged without the article."""
    m = _ADJ_THE.match(c.text)
    if not m:
        return c
    return Candidate(c.kind, c.start + m.end(), c.end, c.text[m.end() :], c.groups)


def keep(text: str, c: Candidate) -> Candidate | None:
    g = c.groups
    k = c.kind
    if k in ("quarter", "duration") and "-" in c.text:
        c = _trim_the(c)
    if k == "month":
        mon = g["mon"] or ""
        bare = not (g["year"] or g["yrel"] or g["rel"] or g["pos"])
        if bare:
            low = mon.lower()
            if len(mon) <= 4 and not mon.endswith(".") and low not in ("may", "june", "july"):
                return None  # "Jan", "Dec" without a dot or a year
            if low in ("may", "march") and prev_word(text, c.start) not in _TEMPORAL_PREP:
                return None
            if low in ("may", "march") and mon.isupper():
                return None
    elif k == "season":
        if not (g["year"] or g["rel"] or g["pos"]):
            if _NOUN_AFTER.match(text, c.end):
                return None  # "the seasonal, winter vaccine", "winter months": a kind of thing, no date
            if g["season"].lower() in ("fall", "spring"):
                return None
            if _season_in_a_name(text, c):
                return None  # "coroner Ed Winter", "the Vancouver Winter Olympics", "Summer Sundae festival"
            if _GENERIC_BEFORE.search(text, max(0, c.start - 40), c.start):
                return None  # "a bad normal winter of flu", "every summer", "a winter storm": no date
        elif (g["rel"] or "").lower() == "the" and not g["year"] and g["season"].lower() in ("fall", "spring"):
            return None
    elif k == "year":
        if not g["pos"] and not g["after"] and g["year"][:1].isdigit():
            pw = prev_word(text, c.start)
            if pw not in _YEAR_KEEP_PREV and _PLURAL_NOUN.match(text, c.end):
                return None
            if text[max(0, c.start - 4) : c.start].lower().rstrip().endswith(("no.", "#")):
                return None
            if _CLOCK_AFTER.match(text, c.end):
                return None  # a 24-hour clock time: "at 1800 GMT", "1930 CDT on 1 June", "1300 local time"
    elif k == "duration":
        if g["bare"] and prev_word(text, c.start) not in _DURATION_PREV:
            return None
        num = (g["num"] or "").lower()
        unit = (g["unit"] or "").lower()
        if num in ("a", "an") and unit.startswith("second"):
            return None
        if num in ("a", "an") and _COUNT_PREV.search(text, max(0, c.start - 30), c.start):
            return None  # a count per unit ("358,000 a month", "700 seats a week") is not a time
        if num in ("a", "an") and _RATE_PREV.search(text, max(0, c.start - 20), c.start):
            groups: dict[str, str | None] = dict.fromkeys(_SET_KEYS)  # a price per unit: "$5 a day"
            groups["unit"] = unit
            return Candidate("set", c.start, c.end, c.text, groups)
    elif k == "vague" and g["day"] == "Today" and _PROGRAMME_AFTER.match(text, c.end):
        return None  # a programme's name: "the Today program", "BBC Radio 4's Today programme", "the Today show"
    elif k == "vague" and (g["v"] or "").lower() == "now":
        if _DISCOURSE_NOW.match(text, c.end) and _SENT_START.search(text[max(0, c.start - 4) : c.start]):
            return None  # sentence-initial "Now, ..." is a discourse marker, not a time
    elif k == "set" and g["adv"]:
        nxt = re.match(r"\s*([A-Za-z]+)", text[c.end : c.end + 20])
        if nxt and nxt.group(1).lower() not in _ADV_NEXT:
            return None
    return c

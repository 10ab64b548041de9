"""Detection: one compiled alternation of hand-written rules (leftmost, most specific first).

Each rule is a regex with named groups used by the resolver; the combined detector is built from the
same patterns with the named groups turned into plain groups, so a match is found in one pass and then
re-parsed by its own rule.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from digest.timex.lexicon import (
    DAYNUM,
    DAYORD,
    MONTH,
    MONTH_LOOSE,
    NUM,
    SEASON,
    UNIT,
    WEEKDAY,
    YEAR,
    YEAR4,
)

_F = re.IGNORECASE

# A time zone, US generic ones too ("7:01 pm ET February 11, 2013", "10 a.m. ET Wednesday"); case-sensitive.
ZONE = r"(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|GMT|UTC|BST|CET|CEST)"
CLOCK = (
    r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}(?::\d{2})?\s+(?:o'clock\s+)?"
    r"(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)|\d{1,2}:\d{2}(?!\d)|noon|midnight)"
    rf"(?:\s+{ZONE})?"
)
DAYREF = rf"(?:today|tonight|yesterday|tomorrow|{WEEKDAY}|{MONTH_LOOSE}\s+{DAYNUM})"
TOD = r"(?:morning|afternoon|evening|night)"
POS = (
    r"(?:early|late|mid|the\s+(?:very\s+)?(?:beginning|start|end|middle|close)\s+of|"
    r"the\s+(?:first|second|latter|last)\s+half\s+of|the\s+(?:rest|remainder|bulk)\s+of|"
    r"a\s+good\s+part\s+of|sometime\s+in|around)"
)
APPROX = (
    r"(?:about|nearly|almost|some|roughly|approximately|more\s+than|less\s+than|fewer\s+than|"
    r"at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|under|around|close\s+to|well\s+over)"
)
REL = (
    r"(?:this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+current|"
    r"the\s+previous|the\s+following|the\s+latest|the\s+most\s+recent|the\s+same|last|next|this|coming|"
    r"past|previous|current|that|the)"
)

REL_NOTHE = REL.replace("|that|the)", "|that)")

# What may follow a holiday's name: "Day", "Eve", "Sunday" (the day), or the days around it ("the
# Memorial Day holiday weekend", "the Easter holidays", "the Christmas break"), which
# digest.timex.holidays dates as a weekend or a week.
HOLIDAY_PARTS = r"[Dd]ay|[Ww]eek(?:end)?|[Ee]ve|Sunday|[Hh]oliday(?:s|\s+[Ww]eekend)?|[Bb]reak|[Rr]ecess|[Vv]acation"

# A century named by its ordinal ("the 20th century", "the twenty-first century"); ``format`` names
# the groups of the figure and of the word.
CENTURY = r"(?:(?P<{}>\d{{1,2}})(?:st|nd|rd|th)|(?P<{}>eighteenth|nineteenth|twentieth|twenty-first))\s+century"
# A day of the month written as an ordinal in figures: "25th", "1st".
DAYNUM_ORD = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
# A year named relative to the reference right after a month or a day ("June last year", "25 June
# of next year"), with no other word between; ``format`` names its group.
YEAR_REL = r"\s+(?:of\s+)?(?P<{}>this|last|next)\s+year"

RULES: list[tuple[str, str]] = [
    (
        # A day or week named by another date: "the week of March 6", "the day before last Tuesday".
        "anchored",
        (
            rf"(?:the\s+)?(?P<wk>week|weekend)\s+of\s+(?P<mon>{MONTH_LOOSE})\s+(?P<day>{DAYNUM})(?!\d|:\d)"
            rf"(?:,?\s+(?P<year>{YEAR4}))?"
            rf"|(?:the\s+)?day\s+(?P<ba>before|after)\s+(?:(?P<rel>last|next|this)\s+)?"
            rf"(?P<dref>yesterday|today|tomorrow|{WEEKDAY}|{MONTH_LOOSE}\s+{DAYNUM}(?!\d|:\d))"
        ),
    ),
    (
        "time",
        (
            rf"(?:(?P<ap>around|about|approximately|shortly\s+(?:before|after))\s+)?(?P<clock>{CLOCK})"
            rf"(?:,?\s+(?:on\s+)?(?:{WEEKDAY},?\s+(?={MONTH_LOOSE}))?(?P<dref>{DAYREF})(?:,?\s+(?P<dyear>{YEAR4}))?)?"
            rf"|(?P<dref2>{DAYREF}),?\s+(?:at\s+)?(?P<clock2>{CLOCK})"
            rf"|(?:(?P<pp>early|late|later|earlier)\s+)?(?P<dref3>this|yesterday|tomorrow|last|today|{WEEKDAY})"
            rf"\s+(?P<tod>{TOD})(?!s)"
            rf"|(?P<tod2>tonight)"
            rf"|(?P<tod3>mid-?afternoon|mid-?morning|midday)"
            rf"(?:\s+(?:on\s+)?(?P<dref4>today|yesterday|{WEEKDAY}|{MONTH_LOOSE}\s+{DAYNUM}(?!\d|:\d))"
            rf"(?:,?\s+(?P<dyear4>{YEAR4}))?)?"
        ),
    ),
    (
        "date",
        (
            rf"(?:(?P<dpos>around|about|approximately|early|late|mid)\s+)?"
            rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH_LOOSE})\s+(?P<day>{DAYNUM}|{DAYORD})(?!\d|:\d)"
            rf"(?:,?\s+(?P<year>{YEAR4})|{YEAR_REL.format('yrel')})?"
            rf"|(?:(?P<wd2>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day2>{DAYNUM})\s+(?:of\s+)?(?P<mon2>{MONTH_LOOSE})"
            rf"(?:,?\s+(?P<year2>{YEAR4})|{YEAR_REL.format('yrel2')})?"
            rf"|(?:(?P<wd3>{WEEKDAY}),?\s+)?(?:(?:the\s+)?(?P<day3>{DAYNUM_ORD})\s+(?:of\s+)?"
            rf"|the\s+(?P<dayo3>{DAYORD})\s+of\s+)(?P<mrel>this|last|next)\s+month"
            r"|(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)"
            r"|(?P<num>[01]?\d/[0-3]?\d/(?:(?:19|20)\d\d|\d\d))(?![\d/])"
        ),
    ),
    (
        "quarter",
        (
            rf"(?:(?P<pre>the|this\s+year's|last\s+year's|next\s+year's|the\s+year-(?:ago|earlier)|"
            rf"the\s+comparable\s+year-(?:ago|earlier)|the\s+same|the\s+(?P<pyear>{YEAR4})|(?P<pyear2>{YEAR4})|"
            rf"a\s+flat)\s+)?(?:(?P<fisc>fiscal|calendar)[\s-]+)?"
            rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|latter)[\s-]+(?:fiscal[\s-]+)?"
            rf"(?P<unit>quarter|half)(?P<pl>s)?"
            rf"(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<year>{YEAR4})|(?P<yrel>this|last|next)\s+year))?"
            rf"|(?P<q>(?-i:Q))(?P<qn>[1-4])(?:\s+(?P<qyear>{YEAR4}))?"
            rf"|the\s+(?P<lastq>last|final)\s+(?P<unit2>quarter|half)\s+of\s+(?:(?P<year3>{YEAR4})|"
            rf"(?P<yrel3>this|last|next)\s+year)"
        ),
    ),
    (
        "fiscal",
        (
            rf"(?:the\s+)?(?:fiscal|calendar)(?:\s+year)?\s+(?P<year>{YEAR4}|'\d\d)"
            rf"|the\s+(?P<year2>{YEAR4})\s+(?P<what>period|quarter|fiscal\s+year|season|year|first\s+half|"
            rf"second\s+half)"
            rf"|(?:the\s+)?year\s+(?P<year3>{YEAR4}|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
        ),
    ),
    (
        "decade",
        (
            # "the last decade of the 20th century": one decade of a named century
            rf"(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|"
            rf"(?:10|[1-9])(?:st|nd|rd|th))\s+decade\s+of\s+(?:the\s+)?{CENTURY.format('ncent', 'ncentw')}"
            rf"|(?:(?P<pos0>{POS})(?:\s+|-))?(?:the\s+)?(?:(?P<pos>early|mid|late)(?:\s+|-))?"
            rf"(?:(?P<dec>(?:1[89]|20)\d0)'?s|'(?P<dec2>\d0)'?s"
            rf"|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
            rf"|{CENTURY.format('cent', 'centw')})"
        ),
    ),
    (
        "ago",
        (
            rf"(?:(?P<ap>{APPROX}|just|only)\s+)?(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})(?:\s+or\s+so)?"
            rf"\s+(?P<dir>ago|earlier(?!\s+(?:than|on|in|that))|from\s+now|hence)"
            rf"|(?P<bare>days|weeks|months|years|decades)\s+ago"
        ),
    ),
    (
        "holiday",
        (
            rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past|coming)\s+)?"
            rf"(?P<hol>(?-i:Thanksgiving|Christmas\s+Eve|Christmas|New\s+Year's\s+(?:Day|Eve)|Easter|"
            rf"Election\s+Day|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Halloween|Valentine's\s+Day|"
            rf"Veterans\s+Day|Boxing\s+Day))(?:\s+(?P<hday>{HOLIDAY_PARTS}))?(?:,?\s+(?P<year>{YEAR4}))?"
        ),
    ),
    (
        "month",
        (
            rf"(?:(?P<pos>{POS})(?:\s+|-))?(?:(?P<rel>{REL_NOTHE})\s+)?(?P<mon>{MONTH_LOOSE})(?!\.?\s+\d{{1,2}}(?!\d))"
            rf"(?:(?:,?\s+|\s+of\s+)(?P<year>{YEAR})(?!\d|,\d)|{YEAR_REL.format('yrel')})?"
        ),
    ),
    (
        "season",
        (
            rf"(?:(?P<pos>{POS})(?:\s+|-))?(?:(?P<rel>{REL}|early|late)\s+)?(?P<season>{SEASON})"
            rf"(?:(?:\s+of|,)?\s+(?P<year>{YEAR}))?"
        ),
    ),
    (
        "duration",
        (
            rf"(?:(?P<each>each\s+of\s+)?(?P<the>the|these|those)\s+)?"
            rf"(?:(?P<rel>past|last|next|first|coming|previous|latest|following|final|remaining|initial|ensuing|"
            rf"preceding|recent)\s+)?(?:(?P<ap>{APPROX})\s+)?(?P<num>{NUM})(?:\s+(?:to|or|and)\s+(?P<num2>{NUM})|"
            rf"-(?P<num3>{NUM}))?[\s-]+(?:(?:more|additional|full|long|straight|consecutive|trading|business|"
            rf"calendar)\s+)?(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<old>[\s-]old)?(?:\s+or\s+so)?"
            rf"|(?:(?P<the2>the)\s+)?(?P<rel2>recent|coming|past|next|last|ensuing|following|previous)\s+"
            rf"(?P<unit2>days|weeks|months|years|quarters|decades)"
            rf"|(?P<bare>days|weeks|months|years|decades|centuries|hours|minutes)"
            rf"(?:\s+or\s+(?P<bare2>days|weeks|months|years|decades))?"
        ),
    ),
    (
        "relunit",
        (
            rf"(?:(?P<pos>early|earlier|late|later|mid|the\s+(?:very\s+)?end\s+of|the\s+beginning\s+of|"
            rf"the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|sometime|"
            rf"the\s+first\s+half\s+of|the\s+second\s+half\s+of|around)\s+)?"
            rf"(?P<rel>{REL}|the\s+year-(?:ago|earlier)|the\s+comparable\s+year-(?:ago|earlier)|year-(?:ago|earlier))"
            rf"\s+(?:fiscal\s+)?(?P<unit>week|weekend|month|quarter|year|decade|century|period|fiscal\s+year)(?!-)"
            rf"|(?P<pos2>earlier|later|early|late)\s+in\s+the\s+(?P<unit2>week|month|year|quarter)"
            rf"|(?P<ye>(?:around\s+)?year[-\s]end|year's\s+end)"
            rf"|(?P<ya>year-(?:ago|earlier))"
        ),
    ),
    (
        "set",
        (
            rf"(?:every|each|per)\s+(?:other\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|{WEEKDAY}|{MONTH}|{TOD})"
            rf"|(?P<adv>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|semiannually|semi-annually)"
            rf"|(?P<freq>once|twice|(?:{NUM})\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit2>{UNIT})"
            rf"|(?P<wds>{WEEKDAY})s(?:\s+(?P<tods>{TOD})s?)?"
            rf"|(?P<wdn>{WEEKDAY})\s+(?P<todn>{TOD})s"
        ),
    ),
    (
        "weekday",
        (
            rf"(?:(?P<rel>last|next|this|this\s+coming|this\s+past|the\s+previous|the\s+following|coming|past|"
            rf"early|late|earlier|later)\s+)?(?P<wd>{WEEKDAY})(?!\s*-)"
        ),
    ),
    (
        "vague",
        (
            r"(?:(?P<pos>early|late|earlier|later)\s+)?(?P<day>today|yesterday|tomorrow)"
            r"|(?P<v>now|currently|nowadays|these\s+days|recently|more\s+recently|lately|"
            r"the\s+past|the\s+future|the\s+near\s+future|the\s+distant\s+past|the\s+near\s+term|the\s+short\s+term|"
            r"the\s+present|current)"
        ),
    ),
    (
        "year",
        (
            rf"(?:(?P<pos>{POS})(?:\s+|-))?(?P<year>{YEAR})"
            rf"(?:\s+(?P<after>and\s+beyond|or\s+later|or\s+earlier|and\s+later|or\s+before))?"
        ),
    ),
]

_NAMED = re.compile(r"\(\?P<\w+>")


@functools.cache
def _build() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    """Compile the detector on first use (keeps ``import digest.timex`` cheap)."""
    alts = []
    own: dict[str, re.Pattern[str]] = {}
    for kind, pat in RULES:
        own[kind] = re.compile(pat, _F)
        alts.append(f"(?P<{kind}>{_NAMED.sub('(?:', pat)})")
    combined = r"(?<![\w$£€#@/.-])(?:" + "|".join(alts) + r")(?![\w%/]|\.\d|-\w)"
    return re.compile(combined, _F), own


@dataclass
class Candidate:
    kind: str
    start: int
    end: int
    text: str
    groups: dict[str, str | None]


_STRIP_LEAD = re.compile(r"^(?:around|sometime\s+in)\s+", re.I)


def candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    detector, rule_res = _build()
    for m in detector.finditer(text):
        kind = m.lastgroup
        if kind is None:
            continue
        s = m.group()
        rm = rule_res[kind].fullmatch(s)
        if rm is None:  # should not happen; be safe
            continue
        out.append(Candidate(kind, m.start(), m.end(), s, rm.groupdict()))
    return out

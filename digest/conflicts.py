"""Where sources differ: the same thing counted with different figures.

Sentences are about the same *subject* when they are in one statement cluster,
or, left out of every cluster, similar above ``subject_similarity`` to its
centroid (or to each other).
Within a subject, the quantities of one measure group (killed / wounded /
casualties together; troops; area; length; duration; percent; flow) are compared
across articles: figures that do not agree within rounding (units converted: 386
sq miles is 1,000 sq km; "some 11,000" agrees with "11,000 to 12,000") make a
conflict. Only figures of one scope are compared: confirmed counts with
confirmed counts, and figures for one place (a figure naming no place can be any
place's, and a death toll takes its sentence's place when the collection's
figures name several); shares of one whole ("75% of the oil", not "of the
dividends"), lengths of one kind (how far off, how deep, how much coast; positions
from one place), tolls both counted since a start or neither, forces of one owner
and flows of one kind (a leak, not what is captured of it); the conflict's label
names the place ("Deaths in Mexico"). Questions,
sentences in the writer's own voice (a reader's "According to a good friend of
mine, ..."), rates ("Every year, flu kills ..."), shares of opinion ("73 percent
think ..."), figures given as earlier ones ("At first, BP claimed ...", "5,000
barrels per day ... increased last week to ..."), as ones that would be ("could reach
40,000 barrels a day if ...") or as the base of a multiple ("five times BP's estimate of
5,000 barrels") and, in a dated report, sentences about another year ("the 1918 pandemic
killed ...") give no figures. A casualty figure that a report published later in the
period exceeds is the earlier count of a rising toll, not a version. A figure stamped
with its day ("As of 15 June, ...", a chronology's "April 28 - ...") is of that day, not
of the day its report was published; a page that logs a rising toll (three or more counts of one
place's toll, a live page or a blog) gives none of its unstamped counts. Each side
lists the figures one version gives and every sentence that gives them, with its
attribution.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from digest.attribution import find_attribution
from digest.clean import has_comment_header
from digest.quantities import PLACE_NAME, Quantity, find_quantities
from digest.select import citation_of
from digest.similarity import similar_pairs
from digest.text import canonical_names, is_assertion
from digest.timex.lexicon import MONTHS, WEEKDAYS
from digest.types import Conflict, ConflictSide, QuantityClaim, Sentence
from digest.unionfind import UnionFind

if TYPE_CHECKING:
    import numpy as np

GROUPS = {
    "killed": "casualties",
    "wounded": "casualties",
    "casualties": "casualties",
    "troops": "troops",
    "area": "area",
    "length": "length",
    "duration": "duration",
    "percent": "percent",
    "flow": "flow",
}
LABELS = {
    "casualties": "Killed and wounded",
    "troops": "Number of troops",
    "area": "Area",
    "length": "Length",
    "duration": "How long",
    "percent": "Share",
    "flow": "Flow rate",
}


def find_conflicts(
    sentences: Sequence[Sentence],
    embeddings: np.ndarray,
    labels: np.ndarray,
    representatives: dict[int, int],
    *,
    subject_similarity: float,
    count_sources: Callable[[Sequence[str]], float],
    preference: Callable[[Sentence], int],
    published: Mapping[str, dt.date | None] | None = None,
    max_days_apart: int = 2,
    max_conflicts: int = 5,
) -> tuple[Conflict, ...]:
    """``representatives`` maps a cluster label to the row of its representative sentence.

    Figures from articles published more than ``max_days_apart`` days apart are updates, not
    disagreements (a death toll rises over a week), so only contemporary articles are compared:
    in a dated collection each subject's sentences are split into periods of at most
    ``max_days_apart`` days by publication date (undated sentences join every period), and a
    conflict lists only the figures of its period. The ``max_conflicts`` conflicts involving the
    most independent sources are kept.
    """
    dates = published or {}

    def published_on(i: int) -> dt.date | None:
        return dates.get(sentences[i].article_id)

    found = {i: find_quantities(s.text) for i, s in enumerate(sentences)}
    quantities = {
        i: comparable(s.text, found[i])
        if found[i] and reports(s.text) and not _of_another_year(s.text, published_on(i))
        else []
        for i, s in enumerate(sentences)
    }
    rows = [i for i, qs in quantities.items() if qs]
    if not rows:
        return ()
    # A figure stamped with its day ("As of 1700 BST on 15 June 2009, 76 countries have reported
    # ... 163 deaths", on a page crawled two weeks later) is of that day, not of its publication.
    stamped = {i: d for i in rows if (d := as_of_day(sentences[i].text, published_on(i))) is not None}

    def day(i: int) -> dt.date | None:
        return stamped.get(i) or published_on(i)

    quantities = _without_running_tallies(_placed(quantities, sentences, found), sentences, stamped)
    groups = _subjects(rows, embeddings, labels, subject_similarity)

    conflicts: list[Conflict] = []
    for subject in groups:
        for members, period in _periods(subject, day, max_days_apart):
            if len({sentences[i].article_id for i in members}) < 2:
                continue
            for group in sorted({GROUPS[q.measure] for i in members for q in quantities[i]}):
                conflict = _conflict(
                    group,
                    members,
                    sentences,
                    quantities,
                    labels,
                    representatives,
                    count_sources,
                    preference,
                    lambda row, p=period: p is None or (d := day(row)) is None or p[0] <= d <= p[1],
                    day,
                )
                if conflict:
                    conflicts.append(replace(conflict, period=period))
    ranked = sorted(enumerate(conflicts), key=lambda t: (-sum(side.independent_count for side in t[1].sides), t[0]))[
        :max_conflicts
    ]
    return tuple(c for _, c in sorted(ranked))


_YEAR = re.compile(r"(?<![\w$£€.,])(?:1[89]|20)\d\d(?![\w,]\d|\.\d)")  # "1918", "1918-1919"
# A live blog's entry time looks like a year ("... may have been killed 2050 Haiti's President tells
# CNN ..."): a year-like number before a capital is a year only after a word that introduces one.
_BEFORE_CAPITAL = re.compile(r"\s+[A-Z]")
_INTRODUCES_YEAR = re.compile(
    rf"\b(?:in|of|the|since|from|by|until|till|before|after|during|early|late|mid|around|{'|'.join(MONTHS)})\W*$",
    re.I,
)


def _of_another_year(sentence: str, published: dt.date | None) -> bool:
    """Whether a dated report's sentence is about another year: it names years, none of them the
    year it was published, nor in its first quarter the one before ("the 1918 pandemic killed 50
    million", "the 2005 Texas City explosion killed 15"; in July 2010, "at 69,000 barrels per day
    in 2009, it still contributed over a third of BP's total output"). Background, not a version of
    the story's figures."""
    if published is None:
        return False
    years = {
        int(m.group(0))
        for m in _YEAR.finditer(sentence)
        if not _BEFORE_CAPITAL.match(sentence, m.end()) or _INTRODUCES_YEAR.search(sentence, 0, m.start())
    }
    story = {published.year, published.year - 1} if published.month <= 3 else {published.year}
    return bool(years) and not years & story


# A count across the world: "Worldwide, ... 100 deaths", "has killed 90 people globally", "41
# countries had reported 11,034 cases, including 85 deaths".
_WORLD = re.compile(
    r"\b(?:world-?wide|globally|(?:around|across|throughout)\s+the\s+(?:world|globe)|\d+\s+countries)\b", re.I
)
WORLD = "the world"
# A place a sentence names as where its figures are: after "in" ("403 cases in the US, and so far one
# death"), as the subject of a report ("Mexico has reported 1,626 cases ... 45 people have died there",
# "Mexico remains the worst affected country, with ... 42 deaths") or before the count ("8,585 US
# cases, with 12 deaths"). Not an owner ("Haiti's Prime Minister says more than 100,000 ..."), a
# modifier ("told US network CNN") or a landmark ("south of Cairo").
_IN_BEFORE = re.compile(
    r"\b(?i:in|across|throughout|inside|within)\s+(?i:the\s+)?"
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:,|\band\b|\bor\b)\s*(?:the\s+)?)*$"  # "in the US and Canada"
)
_PLACE_AFTER = re.compile(
    r"\s+(?:(?:alone|itself|so\s+far)\s+)?(?:has|have|had|is|was|remains|remained|reported|reports|says|said|confirmed|confirms|recorded|records"
    r"|cases|deaths|death\s+toll|toll|tally|fatalities|casualties)\b",
    re.I,
)


def _placed(
    quantities: dict[int, list[Quantity]], sentences: Sequence[Sentence], found: dict[int, list[Quantity]]
) -> dict[int, list[Quantity]]:
    """Casualty figures without a place of their own take their sentence's: the world for a
    count across it, else the one place the sentence names among the places the collection's
    figures name, where it says its figures are (:func:`_places_named`: "Mexico has reported
    1,626 cases ... 45 people have died there"; "8,585 US cases, with 12 deaths"). A sentence
    naming two such places leaves its figures without one. Only a collection whose figures name
    two or more places needs this: elsewhere a figure's place cannot set it apart from another's."""
    known: dict[str, str] = {}
    for place in sorted({q.place for qs in found.values() for q in qs if q.place}):
        if not place.startswith("outside "):
            known.setdefault(place.lower(), place)
    if len(known) < 2:
        return quantities
    longest = max(len(p.split()) for p in known)
    out: dict[int, list[Quantity]] = {}
    for i, qs in quantities.items():
        if not any(q.place is None and GROUPS[q.measure] == "casualties" for q in qs):
            out[i] = qs
            continue
        text = sentences[i].text
        if _WORLD.search(text):
            place: str | None = WORLD
        else:
            named = _places_named(canonical_names(text), known, longest)
            place = known.get(named.pop()) if len(named) == 1 else None
        out[i] = [
            replace(q, place=place, place_from_sentence=place != WORLD)
            if q.place is None and GROUPS[q.measure] == "casualties"
            else q
            for q in qs
        ]
    return out


_CAPITALISED = re.compile(PLACE_NAME)


def _places_named(text: str, known: dict[str, str], longest: int) -> set[str]:
    """The places (lower case) a sentence names as where its figures are (see :data:`_IN_BEFORE`):
    the known ones, longest first ("Gulf of Mexico", not "Mexico" in it), and any other name
    after "in", so that "in the United States and Canada" is two places even when no figure of
    the collection names Canada. A lookup per run of capitalised words, so thousands of known
    places cost no more than ten."""
    named: set[str] = set()
    for run in _CAPITALISED.finditer(text):
        words = list(re.finditer(r"\S+", run.group(0)))
        located = _IN_BEFORE.search(text, max(0, run.start() - 60), run.start())
        found = False
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + longest), i, -1):
                name = " ".join(w.group(0) for w in words[i:j])
                key = re.sub(r"['’]s$", "", name.rstrip(".")).lower()
                if key in known:
                    start, end = run.start() + words[i].start(), run.start() + words[j - 1].end()
                    in_before = located if i == 0 else _IN_BEFORE.search(text, max(0, start - 60), start)
                    if in_before or _PLACE_AFTER.match(text, end):
                        named.add(key)
                    found = True
                    i = j - 1
                    break
            i += 1
        first = words[0].group(0).lower().rstrip(".,")
        if located and not found and first not in MONTHS and first not in WEEKDAYS:
            named.add(run.group(0).lower())  # a place no figure names
    return named


def _periods(
    members: list[int], day: Callable[[int], dt.date | None], max_days_apart: int
) -> list[tuple[list[int], tuple[dt.date, dt.date] | None]]:
    """A subject's sentences by publication period: from the earliest date, each period spans at
    most ``max_days_apart`` days; undated sentences belong to every period. An undated subject is
    one period without dates."""
    dated = sorted((d, i) for i in members if (d := day(i)) is not None)
    if not dated:
        return [(members, None)]
    undated = [i for i in members if day(i) is None]
    out: list[tuple[list[int], tuple[dt.date, dt.date] | None]] = []
    run: list[tuple[dt.date, int]] = []
    for d, i in dated:
        if run and (d - run[0][0]).days > max_days_apart:
            out.append((sorted([j for _, j in run] + undated), (run[0][0], run[-1][0])))
            run = []
        run.append((d, i))
    out.append((sorted([j for _, j in run] + undated), (run[0][0], run[-1][0])))
    return out


_AS_OF = re.compile(r"\bas\s+(?:of|at)\s+", re.I)
# A chronology's entry: "April 28 - The Coast Guard says the flow of oil is 5,000 barrels per day",
# "May 27, 2010: ...", "Tuesday 15 June - ...".
_ENTRY = re.compile(
    r"^\W*(?P<day>[A-Z][a-z]+\.?,?\s+\d{1,2}(?:,?\s+\d{4})?|(?:[A-Z][a-z]+\s+)?\d{1,2}\s+[A-Z][a-z]+"
    r"(?:\s+\d{4})?)\s*(?:[-–—:]|--)\s"
)


def as_of_day(sentence: str, published: dt.date | None) -> dt.date | None:
    """The day a figure is stamped with: "As of Tuesday, ...", "as at 0600 GMT on 15 June 2009",
    or a chronology's entry, "April 28 - The Coast Guard says ..."; relative days resolved against
    ``published``. None without such a stamp, or when it names no single day ("as of June")."""
    from digest.timex import find_timexes, precision_of, to_interval

    entry = _ENTRY.match(sentence)
    stamp = _AS_OF.search(sentence)
    if stamp is None and entry is None:
        return None
    for timex in find_timexes(sentence, published):
        # the day, possibly after a time of day: "As of 1700 BST on 15 June 2009"
        if (
            entry is not None
            and timex.type == "DATE"
            and timex.value
            and entry.start("day") <= timex.start < entry.end("day")
        ) or (
            stamp is not None
            and timex.type in ("DATE", "TIME")
            and timex.value
            and 0 <= timex.start - stamp.end() <= 16
        ):
            if precision_of(timex.value) != "day":
                return None
            span = to_interval(timex.value)
            return span[0] if span else None
    return None


_FOR_BEFORE = re.compile(
    r"\b(?:for\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+)?|(?:over|in|during)\s+the\s+(?:past|last|previous)\s+)$",
    re.I,
)


def reports(sentence: str) -> bool:
    """Whether a sentence can report a figure: not a question, not the writer's own voice (a
    reader's "According to a good friend of mine, 10,000 people died ..."), not a reader comment
    ("February 1, 2011 at 5:34 pm | With 40% of the Egyptian ...")."""
    return is_assertion(sentence) and not has_comment_header(sentence)


# A figure that recurs ("Every year, seasonal flu causes 250,000 deaths", "kills 36,000 a year") is a
# rate, not a count of the story's events.
_RATE = (
    r"(?:every|each|(?<!to )(?<!or )a|per)\s+(?:year|month|week|day)"
    r"(?!\s+(?:ago|earlier|later|before|after|high|low))\b|annually|yearly"
    r"|an?\s+(?:average|typical|normal|ordinary)\s+(?:year|season)"
)
_OPENING_RATE = re.compile(rf"^\W*(?:{_RATE})\s*,", re.I)
_RATE_AFTER = re.compile(rf"[^,;:.!?()]{{0,40}}?\b(?:{_RATE})", re.I)


# A percentage that measures a move ("BP shares fell 3.4%", "closed up almost 4 percent", "46 cents
# higher, or 1.5 percent", "a 0.1 percent rise", "took a hit of 15 percent") spans a window the
# sentence seldom fixes (an hour of trading, a day): two reports of different moments are no
# disagreement. A level stays comparable ("owns 25 percent", "support slipped to 53 percent").
_MOVE = (
    r"rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|drop(?:s|ped|ping)?|jump(?:s|ed)?|gain(?:s|ed)?|lost"
    r"|los(?:e|es|ing)|slid|slipped|slumped|climb(?:s|ed)|tumbl(?:es|ed)|plung(?:es|ed)|plummet(?:s|ed)|sank"
    r"|surg(?:es|ed)|soar(?:s|ed)|rall(?:ies|ied)|declin(?:es|ed)|shed|up|down|by|plunge|plunging"
    r"|(?:hit|loss|drop|fall|decline|rise|gain|jump|plunge|slide|slump|increase|decrease)\s+of"
)
_QUALIFIER = r"about|around|almost|nearly|more\s+than|over|some|just|as\s+much\s+as|roughly|another|a\s+further|by"
_MOVE_BEFORE = re.compile(rf"(?:\b(?:{_MOVE})\s+(?:(?:{_QUALIFIER})\s+)*|\b(?:higher|lower|up|down),?\s+or\s+)$", re.I)
_MOVE_AFTER = re.compile(r"\s+(?:higher|lower|rise|fall|drop|gain|increase|decrease|decline|jump)\b", re.I)


# A figure the sentence gives as an earlier one is no version of it now: "At first, BP claimed the well
# was leaking 1,000 barrels a day", "Officials had estimated about 42,000 gallons", "from 3,000
# barrels a day previously", "the 5,000 barrels a day it first estimated", "has gone from 5,000
# barrels per day to ...", "Last month, BP was estimating ...", a correction's "The original said
# ...". Nor is a figure that would be: "could reach 40,000 barrels a day ... if they can not cap the
# flow", "If next month BP starts to collect 50,000 barrels", "the oil spill could spew 100,000 barrels a
# day", or that someone did not give: "Allen
# did not indicate this meant the flow rate could be as high as 28,000 barrels a day".
_THEN = (
    r"at\s+first|initially|originally|the\s+original\s+(?:said|version|article|story|report)|previously"
    r"|early\s+(?:on|in)|soon\s+after|days\s+after"
    r"|(?:first|earlier)\s+(?:estimated|said|claimed|reported|put)|had\s+(?:estimated|said|claimed|reported|put)"
    r"|(?:was|were)\s+(?:telling|saying|estimating|putting|reporting)"
    r"|(?:initial|first|previous|earlier|last|old|original)\s+(?:estimate|figure|report|count|toll)s?"
    r"|at\s+(?:its|the|their)\s+(?:peak|height|worst)"  # "At its peak, the BP well was spewing 62,000 barrels a day"
)
_THEN_BEFORE = re.compile(rf"\b(?:{_THEN})\b[^;:.!?()]{{0,160}}$", re.I)
_FROM_BEFORE = re.compile(r"\b(?:up\s+|down\s+)?from\s+$", re.I)
_EARLIER_AFTER = re.compile(rf"\W*(?:[a-z]+\s+){{0,2}}?(?:{_THEN}|earlier|before)\b", re.I)
# ... or as one since revised: "The official estimated flow rate of 5,000 barrels per day, a figure
# repeated by BP, increased last week to between 12,000 and 19,000 barrels", "leaking at 1,000 barrels
# a day before revising upwards to 5,000".
_REVISED_AFTER = re.compile(
    r"[^;:.!?()]{0,60}?\b(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?(?:increased|raised|revised|upped|rose"
    r"|jumped|grew|climbed|doubled|tripled|lowered|cut|fell|dropped|revising|raising|increasing|lowering|updating)"
    r"\b[^;:.!?()]{0,30}?\bto\s+(?:between\s+)?"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+|at\s+least\s+)?\d",
    re.I,
)
_WOULD_BE = re.compile(
    r"\b(?:not|never)\s+(?:\w+\s+){0,2}?(?:indicat|say|said|mean|suggest|confirm|estimat)\w*\b[^;:.!?()]{0,80}$"
    r"|\b(?:if|assuming|supposing)\b[^;:.!?]*$|\b(?:could|would|might|may|will)\s+(?:\w+\s+){0,2}?"
    r"(?:reach|increase|rise|grow|climb|hit|jump|balloon|yield|top|double|triple)\b[^;:.!?()]{0,60}$"
    r"|\b(?:could|would|might|may|will)\s+(?:spew|leak|gush|spill|release|pour|discharge)\b[^;:.!?()]{0,40}$",
    re.I,
)
# ... or one that would be under a condition said after it: "a leak of 336,000 gallons per day of crude
# from the well in the event of a complete blowout" (a worst case is no estimate either: see
# digest.quantities).
_CONDITION_AFTER = re.compile(r"[^;:.!?()]{0,60}?\b(?:in\s+the\s+event\s+of|in\s+case\s+of)\b", re.I)


# A figure others are a multiple of is their base, not a version: "put the flow rate ... at as much
# as four or five times BP's estimate of 5,000 barrels a day", "twice the 100 killed in 2005".
_BASE_BEFORE = re.compile(
    r"\b(?:times|twice|double|triple|quadruple)\b(?:\s+(?:as\s+\w+\s+as|(?:more|greater|larger|higher|bigger)\s+than))?"
    r"[^,;:.!?()\d]{0,40}$",
    re.I,
)


def not_current(sentence: str) -> list[tuple[int, int]]:
    """The spans of the figures ``sentence`` gives as earlier ones, as ones that would be or as the
    base of a multiple ("far more than the previous estimate of 1,000 barrels a day"): what it
    states is its other figures."""
    return [(q.start, q.end) for q in find_quantities(sentence) if _then_or_would_be(sentence, q)]


def _then_or_would_be(sentence: str, q: Quantity) -> bool:
    """Whether ``q`` is given as an earlier figure, or one that would be (see :data:`_THEN`), or as
    the base of another (:data:`_BASE_BEFORE`)."""
    before = sentence[max(0, q.start - 200) : q.start]
    return bool(
        _THEN_BEFORE.search(before)
        or (_FROM_BEFORE.search(before) and q.low == q.high)  # not a range: "from 12,000 to 19,000"
        or _EARLIER_AFTER.match(sentence, q.end)
        or _REVISED_AFTER.match(sentence, q.end)
        or _WOULD_BE.search(before)
        or _CONDITION_AFTER.match(sentence, q.end)
        or _BASE_BEFORE.search(before[-60:])
    )


# A share of opinion answers a question a sentence seldom gives word for word: two polls ("A recent
# Gallup poll shows that 73 percent think BP has done a poor job", "More polled, 81 percent, give low
# marks to BP"), or two questions of one ("in favor of increasing offshore drilling ... 44 percent",
# "Support for drilling in general ... 52 percent"), are no versions of one figure.
_OPINION = re.compile(
    r"\b(?:polls?|polled|pollsters?|surveys?|surveyed|respondents|think|thinks|believe|believes|in\s+favou?r"
    r"|support|supports|approve|approves|disapprove|disapproves|oppose|opposes|marks)\b",
    re.I,
)


# The sides of an area: "a 1-mile-by-5-mile rainbow sheen", "stretched 20 miles by 20 miles".
_BY_AFTER = re.compile(r"(?:-by-|\s+by\s+|\s*[x×]\s*)(?:about\s+|some\s+)?\d", re.I)
_BY_BEFORE = re.compile(r"\d[\w.,]*(?:\s+[a-z]+)?(?:-by-|\s+by\s+|\s*[x×]\s*)(?:about\s+|some\s+)?$", re.I)


def _a_side(sentence: str, q: Quantity) -> bool:
    """Whether a length is a side of an area ("20 miles by 20 miles"): no length to compare."""
    return bool(_BY_AFTER.match(sentence, q.end) or _BY_BEFORE.search(sentence[max(0, q.start - 30) : q.start]))


# Troops on their way are no count of the troops there: "The US is sending up to 3,500 soldiers",
# "3,500 US troops would help ...", "2,000 US Marines are set to join 1,000 US troops on the ground"
# against "there are 4,200 US military personnel in Haiti" are a deployment growing, not a dispute.
_DEPLOYING = (
    r"send(?:s|ing)?|deploy(?:s|ing)?|dispatch(?:es|ing)?|will|would|set\s+to|plans?\s+to|(?:is|are)\s+to|to\s+be"
    r"|extra|additional|another"
)
_DEPLOYING_BEFORE = re.compile(rf"\b(?:{_DEPLOYING})\b[^,;:.!?()]{{0,30}}$", re.I)
_DEPLOYING_AFTER = re.compile(rf"(?:\s+[\w-]+){{0,3}}?\s+(?:{_DEPLOYING}|more)\b", re.I)


def _on_the_way(sentence: str, q: Quantity) -> bool:
    before = sentence[max(0, q.start - 40) : q.start]
    return bool(_DEPLOYING_BEFORE.search(before) or _DEPLOYING_AFTER.match(sentence, q.end))


def comparable(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """The figures worth comparing: not lists (three or more of one measure in a sentence, as in
    "rescued after 10, 8 and 15 days"), not the sides of an area ("20 miles by 20 miles"), not
    rates ("Every year, flu kills 250,000"), not moves in percent ("shares fell 3.4%"), not shares
    of opinion ("73 percent think BP has done a poor job"), not troops
    on their way ("is sending up to 3,500 soldiers", "3,500 troops would help"), and for
    durations only how long a state has lasted ("for the past three weeks"), not ages, spans or
    "the worst in 200 years"."""
    counts: dict[str, int] = {}
    for q in found:
        counts[q.measure] = counts.get(q.measure, 0) + 1
    every = bool(_OPENING_RATE.match(sentence))
    opinion = bool(_OPINION.search(sentence))
    return [
        q
        for q in found
        if counts[q.measure] <= 2
        and not (q.measure == "length" and _a_side(sentence, q))
        and not (q.measure == "troops" and _on_the_way(sentence, q))
        and (q.measure != "duration" or _FOR_BEFORE.search(sentence[: q.start]))
        and not every
        and not _RATE_AFTER.match(sentence, q.end)
        and not _then_or_would_be(sentence, q)
        and (
            q.measure != "percent"
            # the move is next to the figure: 80 characters bound the search on any sentence
            or not (_MOVE_BEFORE.search(sentence[max(0, q.start - 80) : q.start]) or _MOVE_AFTER.match(sentence, q.end))
        )
        and not (q.measure == "percent" and opinion)
    ]


def comparable_figures(sentence: str) -> list[Quantity]:
    """The figures of ``sentence`` worth comparing (:func:`comparable`)."""
    return comparable(sentence, find_quantities(sentence))


def figures_differ(xs: list[Quantity], ys: list[Quantity]) -> bool:
    """Whether two sentences' comparable figures give different values for one measure of one
    scope: "for the past three weeks" and "for about two weeks" do not say the same thing, however
    alike their words."""
    return bool(xs) and bool(ys) and _differ(xs, ys)


class FigureCheck:
    """:func:`figures_differ` between sentences by their index, each sentence's figures found once."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self.found: dict[int, list[Quantity]] = {}

    def differ(self, i: int, j: int) -> bool:
        return figures_differ(self._figures(i), self._figures(j))

    def _figures(self, i: int) -> list[Quantity]:
        if i not in self.found:
            self.found[i] = comparable_figures(self.sentences[i].text)
        return self.found[i]


def _subjects(rows: list[int], embeddings: np.ndarray, labels: np.ndarray, threshold: float) -> list[list[int]]:
    """Sentences with figures grouped by what they are about: a statement cluster's members, plus
    unclustered sentences at least ``threshold`` similar to its centroid; unclustered sentences
    left over group with each other when similar. No chaining across clusters: in a large
    collection that would make every death toll one subject."""
    import numpy as np

    by_label: dict[int, list[int]] = {}
    loose: list[int] = []
    for i in rows:
        (by_label.setdefault(int(labels[i]), []) if labels[i] >= 0 else loose).append(i)
    if loose and by_label:
        names = sorted(by_label)
        centroids = np.stack([embeddings[np.flatnonzero(labels == name)].mean(axis=0) for name in names])
        centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
        unattached = []
        for start in range(0, len(loose), 2048):
            block = loose[start : start + 2048]
            sims = embeddings[block] @ centroids.T
            best = sims.argmax(axis=1)
            for r, i in enumerate(block):
                if sims[r, best[r]] >= threshold:
                    by_label[names[int(best[r])]].append(i)
                else:
                    unattached.append(i)
        loose = unattached
    pairs = UnionFind(loose)
    for i, j, _ in similar_pairs(embeddings, loose, threshold):
        pairs.union(i, j)
    groups = [sorted(m) for m in by_label.values()] + [m for m in pairs.groups() if len(m) > 1]
    return sorted(groups, key=lambda m: m[0])


def _conflict(
    group: str,
    members: list[int],
    sentences: Sequence[Sentence],
    quantities: dict[int, list[Quantity]],
    labels: np.ndarray,
    representatives: dict[int, int],
    count_sources: Callable[[Sequence[str]], float],
    preference: Callable[[Sentence], int],
    fits: Callable[[int], bool],
    day: Callable[[int], dt.date | None],
) -> Conflict | None:
    """A conflict among ``members``, sentences of one subject and one period (any two of their
    articles are contemporary); None when their figures agree."""
    claims = {i: [q for q in quantities[i] if GROUPS[q.measure] == group] for i in members}
    figures = [q for i in sorted(claims) for q in claims[i]]
    if not figures:
        return None
    scope = _scope(figures)
    claims = {i: [q for q in qs if q.same_scope(scope)] for i, qs in claims.items()}
    # a toll only rises; another figure is an earlier one when a later report says it revised it up
    earlier = _without_earlier_counts if group == "casualties" else partial(_without_revised, sentences=sentences)
    claims = earlier(claims, day)
    claims = {i: qs for i, qs in claims.items() if qs}
    inconsistent = _self_contradicting(claims, sentences)
    claims = {i: qs for i, qs in claims.items() if sentences[i].article_id not in inconsistent}
    if len({sentences[i].article_id for i in claims}) < 2:
        return None
    disagree = any(
        _differ(claims[i], claims[j])
        for i in claims
        for j in claims
        if sentences[i].article_id < sentences[j].article_id
    )
    if not disagree:
        return None
    # Sides: sentences whose figures agree measure by measure and give the same measures.
    sides: list[list[int]] = []
    for i in sorted(claims):
        for side in sides:
            if _same_version(claims[i], claims[side[0]]):
                side.append(i)
                break
        else:
            sides.append([i])
    if len(sides) < 2:
        # Every figure agrees with the first ("more than 150" with "about 140" and "up to 159"): one
        # version, nothing for a reader to weigh.
        return None
    built = [_side(side, sentences, claims, count_sources, preference) for side in sides]
    built.sort(key=lambda s: (-s.independent_count, -len(s.citations), s.summary))
    subject_row = _subject(members, sentences, labels, representatives, preference, fits)
    # the place a figure names itself, not one its sentence names elsewhere ("15 UN staff ... dead")
    named = {q.place.lower() for q in figures if q.place and not q.place_from_sentence}
    place = scope.place if scope.place and scope.place.lower() in named else None
    where = (" worldwide" if place == WORLD else f" in {place}") if place else ""
    label = _label(group, {q.measure for qs in claims.values() for q in qs})
    label += (" (confirmed)" if scope.confirmed else "") + where
    return Conflict(group, label, sentences[subject_row].text, tuple(built))


def _label(group: str, measures: set[str]) -> str:
    """The conflict's label: its group's ("Killed and wounded"), or "Deaths" or "Wounded" when
    every figure compared counts only that (an epidemic's toll has no wounded)."""
    if group == "casualties" and len(measures) == 1:
        return {"killed": "Deaths", "wounded": "Wounded"}.get(next(iter(measures)), LABELS[group])
    return LABELS[group]


# A figure said to revise an earlier estimate up: "the flow of oil is 5,000 barrels per day -- five
# times greater than first estimated", "revised its estimate upward to 5,000", "up from 1,000".
_REVISION = re.compile(
    r"\b(?:greater|more|higher|larger|bigger|worse)\s+than\s+(?:first|previously|originally|initially|earlier|once)"
    r"\s+(?:estimated|thought|believed|reported|feared|said|stated)\b"
    r"|\brevis(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:up|upward|upwards)\b|\bup\s+from\b",
    re.I,
)


def _without_revised(
    claims: dict[int, list[Quantity]], day: Callable[[int], dt.date | None], *, sentences: Sequence[Sentence]
) -> dict[int, list[Quantity]]:
    """A figure that a later report says it revised up is the earlier estimate, not another
    version: "Some 1,000 barrels of oil a day are leaking" on 26 April beside "April 28 - The
    Coast Guard says the flow of oil is 5,000 barrels per day -- five times greater than first
    estimated"."""
    revisions = [
        (d, q)
        for i, qs in claims.items()
        if (d := day(i)) is not None and _REVISION.search(sentences[i].text)
        for q in qs
    ]
    if not revisions:
        return claims
    return {
        i: [
            q
            for q in qs
            if (d := day(i)) is None
            or not any(later > d and r.measure == q.measure and q.high < r.low for later, r in revisions)
        ]
        for i, qs in claims.items()
    }


def _without_earlier_counts(
    claims: dict[int, list[Quantity]], day: Callable[[int], dt.date | None]
) -> dict[int, list[Quantity]]:
    """A toll only rises: a figure that a report published later in the period exceeds is an
    earlier count, not another version ("up to 81 deaths" on 27 April beside "149 deaths" on 29
    April). A later figure that is lower still disagrees."""
    dated = [(d, q) for i, qs in claims.items() if (d := day(i)) is not None for q in qs]
    out: dict[int, list[Quantity]] = {}
    for i, qs in claims.items():
        d = day(i)
        out[i] = [
            q
            for q in qs
            if d is None
            or not any(
                later > d and r.measure == q.measure and r.low > q.high and not r.agrees_with(q) for later, r in dated
            )
        ]
    return out


def _without_running_tallies(
    quantities: dict[int, list[Quantity]], sentences: Sequence[Sentence], stamped: Container[int]
) -> dict[int, list[Quantity]]:
    """Casualty figures of a page that gives ``_RUNNING_VERSIONS`` or more different counts of one
    measure for one place (a live page or a blog that logs a rising toll entry by entry: "231
    deaths" worldwide at the top, "163 deaths", "139 deaths" further down) are left out, with its
    figures of that measure that name no place: each is of its entry's day, which the page does not
    say, not of the page's publication. Figures without a place are not counted towards it (a
    factbox's counts of several countries). A figure stamped with its day ("As of 15 June, ...")
    stays, and so do the two counts of "311 deaths, up from 231"."""

    def key(i: int, q: Quantity) -> tuple[str, str, bool]:
        return (sentences[i].article_id, q.measure, q.confirmed)

    by_place: dict[tuple[tuple[str, str, bool], str], list[Quantity]] = {}
    for i, qs in quantities.items():
        for q in qs:
            if i not in stamped and q.place is not None and GROUPS[q.measure] == "casualties":
                by_place.setdefault((key(i, q), q.place.lower()), []).append(q)
    running: dict[tuple[str, str, bool], set[str]] = {}
    for (tally, place), figures in by_place.items():
        versions: list[Quantity] = []
        for q in figures:
            if not any(q.agrees_with(v) for v in versions):
                versions.append(q)
        if len(versions) >= _RUNNING_VERSIONS:
            running.setdefault(tally, set()).add(place)
    if not running:
        return quantities

    def logged(i: int, q: Quantity) -> bool:
        places = running.get(key(i, q))
        return places is not None and i not in stamped and (q.place is None or q.place.lower() in places)

    return {i: [q for q in qs if not logged(i, q)] for i, qs in quantities.items()}


# A page with this many different counts of one toll logs it over time.
_RUNNING_VERSIONS = 3


def _scope(figures: list[Quantity]) -> Quantity:
    """A figure of the scope most of a subject's figures have, the one its conflict compares:
    confirmed counts or not, then the place most of those name (a figure without a place when
    none names one), then what most of those are of (:attr:`Quantity.what`). Figures of another
    scope count something else ("seven laboratory-confirmed deaths" beside "150 deaths"; "one
    death in the United States" beside "149 deaths in Mexico")."""
    confirmed = sum(q.confirmed for q in figures) * 2 > len(figures)
    same = [q for q in figures if q.confirmed == confirmed]
    places = Counter(q.place.lower() for q in same if q.place is not None)
    if places:
        place = min(places, key=lambda p: (-places[p], p))
        same = [q for q in same if q.place is None or q.place.lower() == place]
        scope = next(q for q in same if q.place is not None)
    else:
        scope = same[0]
    # then what most of them are of ("of the oil"; a length's kind), the unsaid counting as one
    whats = Counter(q.what for q in same)
    what = min(whats, key=lambda w: (-whats[w], w is None, w or ""))
    return replace(scope, what=what)


def _self_contradicting(claims: dict[int, list[Quantity]], sentences: Sequence[Sentence]) -> set[str]:
    """Articles that give two disagreeing figures of one measure on the same word (in one
    sentence, or in two without different attributions): they count different things ("shares
    fell 15 percent on Tuesday" and "40 percent since April"), so neither figure is a version
    of the subject's. An article that quotes two sources ("officials say 300 died", "residents
    say 1,000") is kept."""
    by_article: dict[str, list[int]] = {}
    for i in sorted(claims):
        by_article.setdefault(sentences[i].article_id, []).append(i)
    out: set[str] = set()
    for article_id, rows in by_article.items():
        for x, i in enumerate(rows):
            for j in rows[x:]:  # a sentence with two such figures too ("fell over 34%, 13% on Friday")
                differ = _differ(claims[i], claims[j])
                if differ and (i == j or find_attribution(sentences[i].text) == find_attribution(sentences[j].text)):
                    out.add(article_id)
    return out


def _differ(xs: list[Quantity], ys: list[Quantity]) -> bool:
    """Whether two figures of one measure and scope, one from each list (two different ones when
    the lists are the same), disagree."""
    return any(
        a.measure == b.measure and a is not b and a.same_scope(b) and not a.agrees_with(b) for a in xs for b in ys
    )


def _same_version(a: list[Quantity], b: list[Quantity]) -> bool:
    if sorted(q.measure for q in a) != sorted(q.measure for q in b):
        return False
    return all(any(x.agrees_with(y) for y in b) for x in a)


def _side(
    rows: list[int],
    sentences: Sequence[Sentence],
    claims: dict[int, list[Quantity]],
    count_sources: Callable[[Sequence[str]], float],
    preference: Callable[[Sentence], int],
) -> ConflictSide:
    best = min(rows, key=lambda i: (preference(sentences[i]), i))
    summary = ", ".join(q.phrase for q in claims[best])
    out_claims = tuple(
        QuantityClaim(
            citation_of(sentences[i]),
            sentences[i].start + q.start,
            sentences[i].start + q.end,
            q.text,
            q.measure,
            round(q.low, 3),
            round(q.high, 3),
            q.approximate,
        )
        for i in rows
        for q in claims[i]
    )
    return ConflictSide(
        summary=summary,
        claims=out_claims,
        citations=tuple(citation_of(sentences[i]) for i in rows),
        attribution=find_attribution(sentences[best].text),
        independent_count=int(count_sources([sentences[i].article_id for i in rows])),
    )


def _subject(
    members: list[int],
    sentences: Sequence[Sentence],
    labels: np.ndarray,
    representatives: dict[int, int],
    preference: Callable[[Sentence], int],
    fits: Callable[[int], bool],
) -> int:
    """The statement the figures belong to: their cluster's representative when ``fits`` (it was
    published in the conflict's period), else the most preferred member."""
    for i in members:
        if labels[i] >= 0 and int(labels[i]) in representatives and fits(representatives[int(labels[i])]):
            return representatives[int(labels[i])]
    return min(members, key=lambda i: (preference(sentences[i]), i))

"""Quantities in sentences: a number (or range) with what it counts, normalized.

"some 11,000 troops", "1,000 had been killed", "around 300 North Korean soldiers have
been killed, and 2,700 have been wounded", "4,000 North Korean losses", "more than
1,000 sq km (386 sq miles)", "around 500 sq miles", "for the past three weeks",
"11,000 to 12,000", "up to 50%".

Each quantity gets a *measure* (killed, wounded, casualties, troops, area, length,
duration, percent, flow), a value range in a canonical unit (km², km, days, barrels
a day) and an *approximate* flag. What a bare number counts comes from the words
after it in the same clause (a casualty verb or noun wins over "soldiers": "300
soldiers have been killed" counts the killed), else the words before it ("a force
of 11,000"). What a share, length, area, force or flow is *of* is kept beside it
(:attr:`Quantity.what`: "of the oil", "off Louisiana", "underwater", "Sri Lankan
forces", "captured"), and an addition ("an extra 3,500 troops", "40 other possible
fatalities") is no figure, nor is a part of a casualty count ("Nine workers were killed,
along with two others", "Nine rig crew and two engineers died").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Protocol

from digest.text import canonical_names
from digest.timex.lexicon import MONTHS, ONES, TENS, WEEKDAYS

_UNITS_WORDS = {word: n for word, n in ONES.items() if 1 <= n <= 9}
_TENS_WORDS = dict(TENS)
_NUMBER_WORDS = {
    **{word: n for word, n in ONES.items() if n >= 1},
    **_TENS_WORDS,
    "a hundred": 100,
    "a thousand": 1000,
    "dozen": 12,
    "a dozen": 12,
}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "m": 1e6, "bn": 1e9, "k": 1e3}
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# "forty-eight" is a tens word and a units word; "three hundred and fifty-two" hundreds and those;
# the rest are listed.
_SMALL_WORDNUM = (
    rf"(?:(?:{_alternatives(_TENS_WORDS)})(?:-(?:{_alternatives(_UNITS_WORDS)}))?"
    rf"|{_alternatives(k for k in _NUMBER_WORDS if k not in _TENS_WORDS and ' ' not in k and k != 'dozen')})"
)
_WORDNUM = (
    rf"(?:(?:a|{_alternatives(_UNITS_WORDS)})\s+hundred(?:\s+(?:and\s+)?{_SMALL_WORDNUM}\b)?"
    rf"|{_SMALL_WORDNUM}|a\s+thousand|a\s+dozen|dozen)\b"
)
_APPROX = r"(?:some|about|around|approximately|roughly|nearly|almost|up to|more than|over|at least|fewer than|less than|an estimated|estimated|close to)"  # noqa: E501
_QUANTITY = re.compile(
    rf"(?<![\w$£€.,/-])(?:(?P<approx>{_APPROX})\s+|(?P<between>between)\s+)?"
    rf"(?P<low>{_NUM}|{_WORDNUM})(?:\s+(?P<scale>thousand|million|billion)\b|(?P<scale2>m|bn|k)\b)?"
    rf"(?:\s*(?:to|-|–|(?(between)and|(?!)))\s*(?P<high>{_NUM})(?:\s+(?P<hscale>thousand|million|billion)\b)?)?"
    rf"(?P<pct>\s*%|\s+per\s?cent\b|\s+percent\b)?",
    re.I,
)
_UNITS = [
    ("area", 1.0, re.compile(r"^[-\s]*(?:sq(?:uare)?\.?\s*(?:km|kilomet(?:er|re)s?)|km2|km²)\b", re.I)),
    ("area", 2.58999, re.compile(r"^[-\s]*(?:sq(?:uare)?\.?\s*mi(?:les?)?|square[-\s]miles?)\b", re.I)),
    ("length", 1.0, re.compile(r"^[-\s]*(?:km|kilomet(?:er|re)s?)(?:-long)?\b", re.I)),
    ("length", 1.60934, re.compile(r"^[-\s]*mi(?:les?|le)(?:-long)?\b", re.I)),
    # Durations as nouns only: "three weeks", not the adjectives "a five-day visit", "a two-year-old".
    ("duration", 1.0, re.compile(r"^\s+days?\b(?!-)", re.I)),
    ("duration", 7.0, re.compile(r"^\s+weeks?\b(?!-)", re.I)),
    ("duration", 30.0, re.compile(r"^\s+months?\b(?!-)", re.I)),
    ("duration", 365.0, re.compile(r"^\s+years?\b(?!-)", re.I)),
]
# A flow of oil or another liquid: "5,000 barrels of oil a day", "12,000 to 19,000 barrels (504,000 to
# 798,000 gallons) per day", "5,000 barrels are leaking daily", "40 barrels per minute", "60,000 bpd".
# Its canonical unit is barrels a day; a volume without a rate ("4.9 million barrels") is no flow.
_BARRELS = {"barrel": 1.0, "bbl": 1.0, "gallon": 1 / 42, "liter": 1 / 158.987, "litre": 1 / 158.987}
_PER_DAY = {"day": 1.0, "hour": 24.0, "minute": 1440.0}
_FLOW_UNIT = r"(?:barrel|bbl|gallon|lit(?:er|re))"  # the keys of _BARRELS
_FLOW = re.compile(
    r"^\s*(?:(?P<bpd>bpd|b/d)\b"
    rf"|(?P<units>(?P<unit>{_FLOW_UNIT})s?)\b"
    r"(?:\s*\([^()]{0,60}\))?"  # a conversion: "(210,000 gallons)"
    r"(?:\s+of\s+(?:crude\s+|raw\s+)?oil)?"
    r"(?:\s+(?!(?:and|but|or|which|that|who|than|since|from)\b)[A-Za-z]+){0,5}?"  # "are leaking into the Gulf"
    r"(?P<rate>\s*(?:(?:a|per|each|every)\s+|/\s*)(?P<per>day|hour|minute)\b(?!\s+(?:ago|earlier|later)\b)"
    r"|\s+daily\b))",
    re.I,
)


# A flow's upper end said after it: "35,000 barrels a day, and possibly as much as 60,000 barrels".
_FLOW_UP_TO = re.compile(
    rf",?\s+(?:and|or)\s+(?:possibly\s+|perhaps\s+|maybe\s+)?(?:as\s+(?:much|high)\s+as|up\s+to)\s+"
    rf"(?P<number>(?P<high>{_NUM})(?:\s+(?P<scale>thousand|million)\b)?)(?:\s+{_FLOW_UNIT}s?\b)?",
    re.I,
)


# A bound said after a flow: "at a rate of 4,000 barrels a day or more" (as "at least 4,000" before it).
_FLOW_BOUND_AFTER = re.compile(r",?\s+or\s+(?P<bound>more|less|so)(?=\s*(?:[.,;:)]|$))", re.I)


# A flow's lower end said before it, with its own unit: "from 3.8 m litres to 8m litres a day".
_FLOW_FROM = re.compile(
    rf"\b(?:from|between)\s+(?P<number>(?P<low>{_NUM})(?:\s*(?P<scale>m|k|thousand|million)\b)?)\s*"
    rf"{_FLOW_UNIT}s?\s+(?:to|and)\s+$",
    re.I,
)


def _flow_factor(flow: re.Match[str]) -> float:
    """Barrels a day in one of the flow's units."""
    if flow.group("bpd"):
        return 1.0
    return _BARRELS[flow.group("unit").lower()] * _PER_DAY[(flow.group("per") or "day").lower()]


_CASUALTY_WORDS = [
    ("killed", re.compile(r"\b(?:killed|dead|deaths?|died|fatalities|lives)\b", re.I)),
    ("wounded", re.compile(r"\b(?:wounded|injured|injuries|hurt)\b", re.I)),
    ("casualties", re.compile(r"\b(?:casualties|losses)\b", re.I)),
]
# Nouns that count something other than people: a casualty word after them is not what the number
# counts ("2,200 swine flu infections have resulted in deaths", "spread to 20 countries, causing deaths").
_OTHER_COUNT = re.compile(
    r"\b(?:cases|infections|illnesses|hospitali[sz]ations|tests|samples|doses|barrels|gallons|lit(?:er|re)s|"
    r"tons|tonnes|dollars|euros|pounds|homes|houses|buildings|flights|ships|vessels|boats|vehicles|tanks|"
    r"animals|pigs|\w*birds|fish|turtles|dolphins|whales|pelicans|cattle|cows|sheep|chickens|poultry|livestock|"
    r"species|creatures|trees|countries|states|cities|towns|villages|schools|jobs|votes|seats)\b",
    re.I,
)
# A casualty verb with a count of its own after it.
_COUNT_AFTER = re.compile(
    rf"\s+(?:{_APPROX}\s+)?(?:{_NUM}|{_WORDNUM})(?![\w.,-]?\d)"
    r"(?!\s*(?:%|per\b|percent|(?:second|minute|hour|day|week|month|year|mile|kilomet|km|met(?:er|re)|feet|foot|ft)s?\b"
    r"|[ap]\.?m\b))",
    re.I,
)
# A casualty verb, or a death toll, right before the number: "killed at least 300 people", "the death
# toll rose to 150" (the number's own words come after it: "killed 20 pigs" counts no one).
_VERB_BEFORE = re.compile(
    r"(?:\b(?:killed|killing|kills|claimed the lives of|claiming the lives of)"
    r"|(?P<wounded>\b(?:injured|injuring|injures|wounded|wounding|wounds))"
    r"|(?P<toll>\bdeath\s+toll(?:\s+(?:has|had|have))?(?:\s+(?:rose|risen|rises|rising|climbed|jumped|reached|"
    r"stands|stood|is|was|went\s+up|increased))?(?:\s+(?:to|at|of))?))\s+$",
    re.I,
)
_DESCRIBES_OTHER = re.compile(r"\b(?:dead|injured|wounded|hurt|sick)\s+(?:[a-z]+\s+)?$", re.I)
_TROOPS = re.compile(r"\b(?:troops|soldiers|fighters|forces|personnel|servicemen|men|force)\b", re.I)
# What a number counts is said before the clause ends or another number starts.
_CLAUSE_END = re.compile(r"[,;:.!?()]|\b(?:and|but|while|whereas|including|out of)\b|\d", re.I)
_PEOPLE = ("killed", "wounded", "casualties", "troops")
_CASUALTIES = ("killed", "wounded", "casualties")
_LEFT_TROOPS = re.compile(r"\b(?:force|forces|army|contingent)\s+of\s*$", re.I)
_YEARLIKE = re.compile(r"^(?:1[89]|20)\d\d$")
# An age or a span as an adjective ("a 23-month-old child", "a five-day visit"): not a count of people.
_AGE_OR_SPAN = re.compile(r"^-(?:(?:year|month|week|day|hour|minute)s?(?:-old)?|old)\b", re.I)
_CLOCK = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")


@dataclass(frozen=True)
class Quantity:
    start: int  # offsets into the sentence
    end: int
    text: str
    measure: str  # killed | wounded | casualties | troops | area | length | duration | percent | flow
    low: float  # canonical unit: km² for area, km for length, days for duration, barrels a day for a flow
    high: float
    approximate: bool
    unit: str  # the unit or noun as written
    # Scope: a confirmed count ("seven laboratory-confirmed deaths") is a narrower measure than a
    # total; a place named in the figure's clause ("101 lives in Mexico") bounds what it counts.
    confirmed: bool = False
    place: str | None = None
    # What the figure is of, where its measure leaves that open (see :func:`_what`): a share's whole
    # ("75% of the oil" -> "oil"), a length's kind ("position west", "depth", "extent coastline"),
    # a force's owner ("US").
    what: str | None = None
    place_from_sentence: bool = False  # the place is the sentence's, not said beside the figure
    # A bound the figure is said as: "floor" ("at least 12,000", "more than 100"), "ceiling" ("up
    # to 25,000", "less than 10 miles"), "open" (a floor said open-ended: "4,000 barrels a day or more").
    bound: str = ""
    said: str = ""  # the figure as a reader wants it, where the text holds more ("5,000 barrels a day")

    def agrees_with(self, other: Figure) -> bool:
        """:func:`agree`; a length or area written in miles beside one in kilometres is compared
        as approximate: one of them was converted and rounded ("10 miles" and "15 km" from the
        capital; "386 sq miles" and "500 sq miles" still differ)."""
        if isinstance(other, Quantity) and self.measure in ("length", "area") and _imperial(self) != _imperial(other):
            return agree(replace(self, approximate=True), other)
        return agree(self, other)

    def same_scope(self, other: Quantity) -> bool:
        """Whether two figures can count the same thing: both confirmed counts or neither, not in
        two different places (a figure without a place can be anywhere's), and of the same whole,
        kind or owner (:func:`same_what`)."""
        return (
            self.confirmed == other.confirmed
            and (self.place is None or other.place is None or self.place.lower() == other.place.lower())
            and same_what(self.measure, self.what, other.what)
        )

    @property
    def phrase(self) -> str:
        """The figure as written, with the word it counts when that stood apart ("1,000" -> "1,000 killed")."""
        if self.said:
            return self.said
        text = " ".join(self.text.split())
        return text if self.unit.lower() in text.lower() else f"{text} {self.unit}"


class Figure(Protocol):
    """What comparing two figures needs: a Quantity, or a QuantityClaim stored in a briefing."""

    @property
    def measure(self) -> str: ...
    @property
    def low(self) -> float: ...
    @property
    def high(self) -> float: ...
    @property
    def approximate(self) -> bool: ...


def agree(a: Figure, b: Figure) -> bool:
    """Same measure and the values match within rounding (10% if either is approximate); how long
    something has lasted also within a day (counting its first day or not, reports hours apart:
    "leaking for 18 days" and "for 19 days"). A floor and a ceiling that overlap agree ("at least
    12,000 barrels a day" and "up to 25,000"), and so does a figure said open-ended ("4,000 barrels
    a day or more") with any above it. Two counts said as floors ("at least eight killed", "at least
    five") are two counts."""
    if a.measure != b.measure:
        return False
    tolerance = 0.1 if a.approximate or b.approximate else 0.03
    slack = 1.0 if a.measure == "duration" else 0.0  # durations are in days
    if a.low * (1 - tolerance) - slack <= b.high and b.low <= a.high * (1 + tolerance) + slack:
        return True
    bounds = (getattr(a, "bound", ""), getattr(b, "bound", ""))
    for x, y, (bx, by) in ((a, b, bounds), (b, a, bounds[::-1])):
        if bx in ("floor", "open") and by == "ceiling" and x.low * (1 - tolerance) <= y.high:
            return True
        if bx == "open" and y.high >= x.low * (1 - tolerance):
            return True
    return False


def _imperial(q: Quantity) -> bool:
    return "mi" in q.unit.lower()


def _number(text: str) -> float:
    text = " ".join(text.lower().replace(",", "").split())
    if " hundred" in text:  # "a hundred", "three hundred and fifty-two"
        left, _, right = text.partition(" hundred")
        right = right.strip().removeprefix("and ").strip()
        return (1 if left in ("a", "one") else _UNITS_WORDS[left]) * 100 + (_number(right) if right else 0)
    if "-" in text:  # "forty-eight"
        tens, units = text.split("-")
        return float(_TENS_WORDS[tens] + _UNITS_WORDS[units])
    return float(_NUMBER_WORDS[text]) if text in _NUMBER_WORDS else float(text)


def _scaled(number: str, scale: str | None) -> float:
    """A number with its scale word ("4.9", "million" -> 4,900,000)."""
    return _number(number) * _SCALE.get((scale or "").lower(), 1.0)


def find_quantities(sentence: str) -> list[Quantity]:
    """Quantities in one sentence; a parenthesised conversion ("(386 sq miles)") is folded into the one before,
    and a part of a casualty count (:func:`_parts`) is left out."""
    out: list[Quantity] = []
    counts: list[_Count] = []
    for m in _QUANTITY.finditer(sentence):
        if out and m.start() < out[-1].end:
            continue  # within the one before: "20,000 barrels a day or up to 100,000" is one range
        raw = m.group("low")
        if _YEARLIKE.match(raw) and not m.group("pct"):
            continue  # a year, not a count
        after = sentence[m.end() :]
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        low = _scaled(raw, scale)
        high = _scaled(m.group("high"), m.group("hscale") or scale) if m.group("high") else low
        approximate = bool(m.group("approx")) or raw.lower() in ("dozen", "a dozen")
        qualifier = " ".join((m.group("approx") or "").lower().split())
        bound = "floor" if qualifier in _FLOOR else "ceiling" if qualifier in _CEILING | {"up to"} else ""
        end = m.end()
        measure = unit = said = ""
        start = m.start()
        factor = 1.0
        if m.group("pct"):
            measure, unit = "percent", " ".join(m.group("pct").split())  # "%", "per cent", "percent"
        elif flow := _FLOW.match(after):
            measure, end, factor = "flow", m.end() + flow.end(), _flow_factor(flow)
            # as a reader wants it, without what stood between: "5,000 barrels ... a day"
            unit = flow.group("bpd") or flow.group("units") + ("" if "/" in flow.group("rate") else " ")
            unit += " ".join(flow.group("rate").split()) if flow.group("units") else ""
            figure = " ".join(m.group(0).split())
            w0 = max(0, m.start() - 60)
            if not m.group("high") and (since := _FLOW_FROM.search(sentence, w0, m.start())):
                bottom = _scaled(since.group("low"), since.group("scale"))
                if bottom < low:  # "from 3.8 m litres to 8m litres a day"
                    low, start = bottom, since.start("number")
                    figure = f"{' '.join(since.group('number').split())} to {figure}"
            elif not m.group("high") and (up_to := _FLOW_UP_TO.match(sentence, end)):
                top = _scaled(up_to.group("high"), up_to.group("scale"))
                if top > high:  # "35,000 barrels a day, and possibly as much as 60,000"
                    high, end = top, up_to.end()
                    figure = f"{figure} to {' '.join(up_to.group('number').split())}"
            said = f"{figure} {unit}"
            if tail := _FLOW_BOUND_AFTER.match(sentence, end):
                # shown as written, and approximate as "at least 4,000 barrels a day" is
                end, approximate = tail.end(), True
                said += f" or {tail.group('bound').lower()}"
                bound = {"more": "open", "less": "ceiling"}.get(tail.group("bound").lower(), bound)
        else:
            for name, f, pattern in _UNITS:
                um = pattern.match(after)
                if um:
                    measure, factor, unit, end = name, f, um.group(0).strip(" -"), m.end() + um.end()
                    break
        if not measure:
            clause = _CLAUSE_END.split(after, maxsplit=1)[0]
            window = " ".join(clause.split()[:8])
            other = _OTHER_COUNT.search(window)
            if other:  # "2,200 swine flu infections ... deaths": only what comes before the other noun
                window = window[: other.start()]
                if _DESCRIBES_OTHER.search(window):
                    window = ""  # "491 dead birds", "20 dead sea turtles": the number counts the birds
            for name, pattern in _CASUALTY_WORDS:
                if pattern.search(window):
                    hit = pattern.search(clause)  # the same first word: the window is a prefix of the clause
                    measure, unit = name, hit.group(0)  # type: ignore[union-attr]
                    if _COUNT_AFTER.match(after, hit.end()):  # type: ignore[union-attr]
                        measure = unit = ""  # "a vaccine given to 40m people killed 25": 25 were killed
                    break
            else:
                verb = _VERB_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
                if verb and not _OTHER_COUNT.match(after.lstrip()):
                    # "The quake killed at least 300 people", "the death toll rose to 150"
                    measure = "wounded" if verb.group("wounded") else "killed"
                    unit = "injured" if verb.group("wounded") else "dead" if verb.group("toll") else "killed"
            if not measure:
                troop = _TROOPS.search(" ".join(window.split()[:4]))
                if troop or _LEFT_TROOPS.search(sentence[: m.start()]):
                    measure, unit = "troops", troop.group(0) if troop else "force"
        addition = bool(_INCREMENT.search(sentence, max(0, m.start() - 30), m.start()) or _OTHER_AFTER.match(after))
        if not measure:
            counts.append(_Count(m.start(), m.end(), "", addition))
            continue
        if measure == "duration" and _SINCE_THE_LAST.search(sentence, max(0, m.start() - 80), m.start()):
            continue  # "the first global flu epidemic in 41 years": how long since the last, not how long
        if measure == "duration":
            if qualifier in _FLOOR:
                high += 1.0
            elif qualifier in _CEILING:
                low = max(0.0, low - 1.0)
        elif qualifier in _CEILING:
            low = 0.0  # "less than 10 miles from the Florida Panhandle": six miles agrees with it
        if measure in _PEOPLE and not scale and ("." in raw or (_CLOCK.match(raw) and m.start() == 0)):
            continue  # people are counted in whole numbers; "1535 At least 11 ..." is a live-blog time
        if measure in _PEOPLE and _AGE_OR_SPAN.match(after):
            continue  # "a 23-month-old child has died" counts no one
        if addition:
            counts.append(_Count(m.start(), m.end(), measure, addition))
            continue  # "an extra 3,500 troops", "another 48 died", "40 other possible fatalities": an addition
        if measure in _PEOPLE and _PART_OF_THE.match(after):
            continue  # "Ten of the dead are police officers": a part of the toll, not the toll
        # A figure's scope is said near it: bounded windows keep a long line linear.
        clause = _PLACE_CLAUSE_END.split(sentence[end : end + _NEAR], maxsplit=1)[0]
        opening = _OPENING_PLACE.match(sentence)
        quantity = Quantity(
            start,
            end,
            sentence[start:end],
            measure,
            low * factor,
            high * factor,
            approximate,
            unit,
            confirmed=_is_confirmed(
                sentence[max(0, m.start() - _NEAR) : m.start()], sentence[m.end() : m.end() + _NEAR]
            )
            or (measure == "killed" and bool(_MORE_DEATHS.search(sentence, m.end()))),
            place=_place(clause)
            or (_opening_place(opening) if opening and opening.end() <= m.start() else None)
            or _outside_before(sentence[max(0, m.start() - 60) : m.start()]),
            what=_what(
                measure,
                sentence[max(0, m.start() - (_NEAR if measure == "flow" else _BEFORE)) : m.start()],
                sentence[end : end + _NEAR],
            ),
            said=said,
            bound=bound,
        )
        if out and _is_conversion(sentence, out[-1], quantity):
            continue
        out.append(quantity)
        counts.append(_Count(m.start(), m.end(), measure, confirmed=quantity.confirmed))
    parts = _parts(sentence, counts)
    return [q for q in out if q.start not in parts] if parts else out


@dataclass(frozen=True)
class _Count:
    """A number of a sentence as :func:`find_quantities` read it."""

    start: int
    end: int  # of the number
    measure: str  # "" when it counts nothing digest compares
    addition: bool = False  # "two others", "another 48"
    confirmed: bool = False


# Words that join two counts into one: "Nine workers were killed, along with two others", "Nine rig
# crew on the rig floor and two engineers died", "11 workers plus two contractors".
_JOINED = re.compile(
    r"[^.;:!?()\d]{0,80}?(?:,\s*|\s+)(?P<joiner>along\s+with|together\s+with|as\s+well\s+as|plus|and)\s+", re.I
)
# A count said as part of an earlier one: "Eleven people died, nine of them on the drill floor",
# "11 were killed, including nine crew".
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those|these)\b", re.I)
_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+whom)\s+$", re.I)
# A verb that the counts after it are objects or subjects of: an auxiliary or a past tense ("carried 30
# people and two died", "30 were rescued and two died": the two counts are not one subject). A verb of
# saying is none: "Officials said nine rig crew and two engineers died".
_VERB = re.compile(
    r"\b(?!(?:said|reported)\b)(?:is|are|was|were|be|been|being|has|have|had|will|would|could|can|may|might|must"
    r"|shall|should|do|does|did|\w+ed)\b",
    re.I,
)


def _parts(sentence: str, counts: list[_Count]) -> set[int]:
    """The starts of the casualty counts in ``sentence`` that are parts of a count it gives, not the
    count: a count joined to another of the same kind in one clause ("Nine workers on the drill deck
    were killed, along with two others"; "Nine rig crew on the rig floor and two engineers died";
    "Nine died on the rig and two more died in hospital"; "11 workers plus two contractors were
    killed") or said as a part of an earlier one ("Eleven people died, nine of them killed on the
    drill floor"; "including nine killed"). A count followed by a place of its own ("Nine were
    killed, along with 20 in Chile") is another place's, and a confirmed count ("20 deaths and 40
    other possible fatalities") is its own scope already."""
    parts: set[int] = set()
    for x, b in enumerate(counts):
        if b.measure not in _CASUALTIES or b.addition:
            continue
        part_of = _OF_THEM.match(sentence, b.end) or _INCLUDING.search(sentence, max(0, b.start - 30), b.start)
        if part_of and any(a.measure == b.measure and not a.addition for a in counts[:x]):
            parts.add(b.start)
    for a, b in pairwise(counts):
        joined = _JOINED.fullmatch(sentence, a.end, b.start)
        if not joined:
            continue
        part: tuple[int, ...] = ()
        if a.measure in _CASUALTIES and not a.addition and not a.confirmed:
            if b.measure == a.measure:  # "Nine died on the rig and two more died in hospital"
                part = (a.start, b.start)
            elif (
                not b.measure
                and joined.group("joiner").lower() != "and"
                and not _OTHER_COUNT.match(sentence[b.end : b.end + 40].lstrip())
            ):  # "Nine workers were killed, along with two others"
                part = (a.start,)
        elif not a.measure and not a.addition and b.measure in _CASUALTIES and not b.addition:
            # one subject of one verb: nothing between the counts, or before the first in its clause, is a
            # verb ("Nine rig crew on the rig floor and two engineers died")
            opening = re.split(r"[,;:()]", sentence[: a.start])[-1]
            between = sentence[a.end : joined.start("joiner")]
            if not (
                _VERB.search(opening)
                or _VERB.search(between)
                or _OTHER_COUNT.search(between)
                or _OF_THEM.match(sentence, b.end)
            ):
                part = (b.start,)
        if part and not _place(_PLACE_CLAUSE_END.split(sentence[b.end : b.end + _NEAR], maxsplit=1)[0]):
            parts.update(part)
    return parts


# A duration said as a bound spans up to the next whole unit: "more than two weeks" is 14 to 21 days
# (and "18 days" agrees with it), "less than a month" ... "fewer than three months" 60 to 90.
_FLOOR = frozenset({"more than", "over", "at least"})
_CEILING = frozenset({"fewer than", "less than"})
# "The first pandemic in 41 years", "the first strain to reach this mark for 41 years", "its lowest level
# in 15 months": the time since the last one (a superlative after "the", "its", "BP's" ..., in the same
# clause: "the first of the drills, which ran for three weeks" is a duration, and so is "I had only been
# speaker for about three days").
_SINCE_THE_LAST = re.compile(
    r"\b(?:the|its|their|his|her|our|this|an?|[\w-]+['’]s)\s+(?:[\w-]+\s+)??"
    r"(?:first|worst|biggest|largest|deadliest|strongest|highest|lowest|best)\b[^,.;:!?]{0,60}?"
    r"\b(?:in|for)\s+(?:(?:the\s+)?(?:past|last)\s+)?$",
    re.I,
)
_INCREMENT = re.compile(r"\b(?:extra|additional|another|further)\s+(?:(?:some|about|around|nearly)\s+)?$", re.I)
_OTHER_AFTER = re.compile(r"\s+(?:other|more|additional|extra|further)\b", re.I)
_PART_OF_THE = re.compile(
    r"\s+of\s+(?:the|those)\s+(?:\w+\s+)?(?:dead|killed|victims|casualties|deaths|fatalities|injured|wounded)\b", re.I
)
_NEAR = 200  # characters around a figure that can hold its scope
# Characters before a figure that can say what it is of; a flow's clause can begin further back
# ("the skimming operations that were touted as key to preventing environmental disaster have
# averaged less than 900 barrels a day").
_BEFORE = 60
# As _CLAUSE_END, but a full stop after a capital is an abbreviation ("in the U.S. from ...").
_PLACE_CLAUSE_END = re.compile(r"[,;:!?()]|(?<![A-Z])\.|\b(?i:and|but|while|whereas|including|out of)\b|\d")
_CONFIRMED = re.compile(r"\bconfirmed\b", re.I)
# After a figure, a bracket or semicolon opens another figure's words: "101 estimated deaths (25 confirmed)".
_ANOTHER_FIGURE = re.compile(r"[(\[;]")
# A place's name: capitalised words, "of" between them ("Gulf of Mexico").
PLACE_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*"
_PLACE = re.compile(rf"\b(?:in|across|throughout)\s+(?:the\s+)?(?P<place>{PLACE_NAME})")


# A place opening the sentence scopes its figures: "In Mexico, 159 people have died", "Outside
# Mexico, one person has died".
_OPENING_PLACE = re.compile(
    r"^\W*(?:(?P<outside>(?i:outside)\s+(?:of\s+)?)|(?i:in|across|throughout)\s+)(?:the\s+)?"
    rf"(?P<place>{PLACE_NAME})\s*,"
)


# "Fact outside of Mexico 1 person has died": outside a place named right before the figure.
_OUTSIDE_BEFORE = re.compile(
    rf"\b(?i:outside|beyond)\s+(?:of\s+)?(?:the\s+)?(?P<place>{PLACE_NAME})"
    r"\s*,?\s*(?:(?i:only|just|some|about|at\s+least|more\s+than)\s+)?$"
)


def _outside_before(before: str) -> str | None:
    m = _OUTSIDE_BEFORE.search(before)
    return _named_place(m.group("place"), outside=True) if m else None


def _opening_place(m: re.Match[str]) -> str | None:
    return _named_place(m.group("place"), outside=bool(m.group("outside")))


def _named_place(name: str, *, outside: bool) -> str | None:
    """A place named outside a figure's clause, as :func:`_place` reads it; "outside Mexico" is
    its own scope."""
    place = _place("in " + name)
    return None if place is None else ("outside " + place if outside else place)


# A figure that is part of the count before it: "260 confirmed cases, including 12 deaths",
# "Officials confirmed 20 cases, among them three deaths".
_COUNT_HEAD = r"(?:\b[\w-]+\s+){0,2}\d[\d,.]*\s+"  # a number with up to two words before it
_PART_OF = re.compile(
    rf"(?P<head>{_COUNT_HEAD}[^,;:.!?()\d]{{1,60}}?),?\s+"
    r"(?:including|among them|of (?:them|whom|which))\s+(?:at least\s+|some\s+|about\s+)?$",
    re.I,
)

# ... or a figure that counts some of an earlier count: "26 cases had been confirmed and seven of those
# had died".
_OF_THOSE = re.compile(r"\s*of\s+(?:those|them|these|whom)\b", re.I)
_EARLIER_COUNT = re.compile(rf"(?P<head>{_COUNT_HEAD}[^;:.!?()\d]{{1,80}})$")


# A toll with more deaths that may be added to it is the confirmed part: "at least 20 people have died
# of the flu and it may also be responsible for 40 other deaths", "killed 20 people and could be to
# blame for 48 more deaths" (the reports that say "up to 60" count both).
_MORE_DEATHS = re.compile(
    r"\band\b[^.;:]{0,60}?\b\d[\d,]*\s+(?:other|more|additional|further)\s+(?:possible\s+|suspected\s+|probable\s+)?"
    r"(?:deaths|fatalities)\b"
)


def _is_confirmed(before: str, after: str) -> bool:
    """A confirmed count: "confirmed" among the six words before the number in its clause ("has
    been confirmed as the cause of 26 deaths", not "confirmed 20 deaths and has 40 other ...") or
    the four after, short of a bracket or semicolon ("26 deaths were confirmed", not "101 estimated
    deaths (25 confirmed)"); or part of a confirmed count ("260 confirmed cases, including 12
    deaths", "26 cases had been confirmed and seven of those had died")."""
    clause = _CLAUSE_END.split(before)[-1]
    rest = _ANOTHER_FIGURE.split(after, maxsplit=1)[0]
    if _CONFIRMED.search(" ".join(clause.split()[-6:] + rest.split()[:4])):
        return True
    part_of = _PART_OF.search(before) or (_OF_THOSE.match(after) and _EARLIER_COUNT.search(before))
    return bool(part_of and _CONFIRMED.search(part_of.group("head")))


def _place(clause: str) -> str | None:
    """The place a figure's clause names ("deaths from swine flu in Mexico" -> "Mexico"; "in the US"
    -> "United States"), not a month or a weekday ("in August")."""
    for m in _PLACE.finditer(clause):
        place = re.sub(r"['’]s$", "", canonical_names(m.group("place")).rstrip("."))
        first = place.split()[0].lower()
        if first in MONTHS or first in WEEKDAYS:
            continue
        return place
    return None


def _is_conversion(sentence: str, previous: Quantity, current: Quantity) -> bool:
    between = sentence[previous.end : current.start]
    return (
        previous.measure == current.measure
        and between.strip() in ("(", "[", "/", ",", "or", ", or")
        and agree(previous, replace(current, approximate=True))
    )


# What a figure is of (:attr:`Quantity.what`): words skipped before a whole's noun, words that end it.
_DETERMINERS = frozenset({
    "the", "a", "an", "all", "its", "their", "his", "her", "our", "your", "whose", "this", "that", "these", "those",
    "total", "entire", "whole", "overall",
})  # fmt: skip
_PRONOUNS = frozenset({"it", "them", "those", "these", "whom", "which", "this", "that", "us"})
_ENDS_WHOLE = frozenset({
    "of", "in", "on", "at", "for", "from", "to", "by", "with", "into", "onto", "over", "under", "than", "as",
    "that", "who", "whom", "which", "what", "and", "or", "but", "nor", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "shall", "should",
    "do", "does", "did", "say", "says", "said", "think", "thinks", "thought", "believe", "believes", "believed",
    "live", "lives", "lived", "remain", "remains", "remained", "currently", "still", "now", "already", "so",
    "far", "also", "only", "just", "not",
})  # fmt: skip
# Nouns a percentage is written before: "10% capacity", "a 44% stake".
_SHARE_NOUNS = frozenset(
    {"capacity", "stake", "share", "interest", "turnout", "majority", "chance", "probability", "rate"}
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# After a figure, past its bracket or a conversion in brackets: "6.7 km) of", "nine miles (14.5 km) off".
_PAST_CONVERSION = r"^\s*\)?\s*(?:\([^()]{0,40}\)\s*)?"
_WHOLE = re.compile(rf"{_PAST_CONVERSION}of\s+(?P<rest>.{{0,80}})", re.S)
_ANTECEDENT = re.compile(r"(?P<noun>[A-Za-z][\w-]*)\s*,\s*(?:(?:" + _APPROX + r")\s+)?$", re.I)
_COMPASS = r"(?:north|south|east|west)"
_POSITION = re.compile(
    rf"{_PAST_CONVERSION}(?:(?P<dir>{_COMPASS}(?:[-\s]?{_COMPASS}){{0,2}}(?:ward)?)\s+of\b"
    r"|(?:off|offshore|from|away)\b)",
    re.I,
)
_WITHIN = re.compile(r"\bwithin\s+(?:(?:about|around|some|roughly|nearly|just)\s+)?$", re.I)
_OF = re.compile(rf"{_PAST_CONVERSION}of\b", re.I)
# Words that end the name of what a position is measured from: "from Pensacola on the Florida panhandle".
_ENDS_REFERENCE = frozenset({
    "on", "in", "at", "near", "to", "toward", "towards", "into", "and", "but", "or", "which", "where", "when",
    "while", "with", "after", "before", "as", "is", "are", "was", "were", "has", "have", "had", "by", "for",
    "said", "says", "that", "than", "raising", "threatening", "leaving",
})  # fmt: skip
_DEPTH = re.compile(rf"{_PAST_CONVERSION}(?:below|beneath|under|underwater|underground|undersea|down|deep)\b", re.I)
# A force's owner: "940 Sri Lankan security forces", "a UN peacekeeping force of 9,000".
_OWNER = r"(?P<owner>(?:[A-Z][\w.'’-]*\s+){1,3})(?:[a-z]+\s+){0,2}"
_OWNER_AFTER = re.compile(rf"^\s+{_OWNER}{_TROOPS.pattern}")
_OWNER_BEFORE = re.compile(rf"{_OWNER}(?:force|forces|army|contingent)\s+of\s*$")


# A share of a pronoun ("30% of them", "41 percent of those hospitalized") is of a whole named
# elsewhere: the same as no other share, not even another such one.
UNRESOLVED = "(unresolved)"
_OF_PRONOUN = re.compile(rf"{_PAST_CONVERSION}of\s+(?:it|them|those|these|this|that)\b", re.I)


def _whole(after: str) -> str | None:
    """The noun a figure is "of": "of the total assets of pension funds" -> "asset", "of BP oil"
    -> "bp oil", "of Egypt's population" -> "egypt population" (at most two words, plurals and
    possessives folded); None after a pronoun ("of it", "of those")."""
    m = _WHOLE.match(after)
    if not m:
        return None
    words: list[str] = []
    for token in _WORD.findall(m.group("rest").split(",")[0].split(";")[0]):
        word = re.sub(r"['’]s$", "", token.lower())
        if not words and word in _DETERMINERS:
            continue
        if word in _ENDS_WHOLE or (not words and word in _PRONOUNS):
            break
        words.append(_singular(word))
        if len(words) == 2:
            break
    return " ".join(words) or None


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


# What a flow is of, from the words of its clause: what the well leaks (unsaid), or what a
# system can take, takes, an oilfield produces, a pump sends down, a worst case would be.
_FLOW_KINDS = [
    ("capacity", re.compile(r"\b(?:capacity|capable|able\s+to|can|handle|handling|maximum)\b", re.I)),
    (
        "captured",
        re.compile(
            r"\b(?:captur|collect|siphon|recover|funnel|suck|extract|contain|skim|burn|flar|retriev|remov|caught|catch"
            r"|pip(?:ed|ing))\w*|\bfrom\s+(?:leak|escap|spill|gush|pour|spew)\w*",
            re.I,
        ),
    ),
    ("production", re.compile(r"\b(?:produc\w*|output|exports?|imports?|consum\w*|refin\w*|demand|supply)\b", re.I)),
    ("pumped down", re.compile(r"\b(?:mud|cement|inject\w*|dispersants?|pump(?:s|ed|ing)?\s+(?:in|down))\b", re.I)),
    ("worst case", re.compile(r"\bworst[-\s]case\b", re.I)),
]
# Where the clause of a flow begins, looking back from it.
_FLOW_CLAUSE_START = re.compile(r"[;:()]|\b(?:and|but|while|whereas)\b|\d", re.I)
_OIL_AND_GAS = re.compile(r"\boil\s+and\s+(?:natural\s+)?gas\b", re.I)
# A whole that part of is taken: "collects only a fraction of the estimated 35,000 barrels a day".
_WHOLE_OF = re.compile(
    r"\b(?:fraction|half|third|quarter|part|portion|most|much|percent)\s+of\s+(?:the\s+|an?\s+)?$|%\s+of\s+(?:the\s+)?$",
    re.I,
)


# A toll counted since a start ("at least 5,000 people have been injured since the demonstrations
# began", "Since 25 January, 300 have died") is a tally of every day, not a count of one clash.
SINCE = "since"
_SINCE = re.compile(
    r"\bsince\s+(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){0,3}?(?:began|begun|started|erupted|broke\s+out|start|beginning"
    r"|outbreak|outset)\b|\bsince\s+(?:late\s+|early\s+|mid-?)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
    r"|\bsince\s+\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
    re.I,
)


def _what(measure: str, before: str, after: str) -> str | None:
    """What a figure is of (:attr:`Quantity.what`), from the words around it."""
    if measure == "percent":
        whole = _whole(after)
        if whole is None and re.match(r"^\s*of\s+(?:whom|which)\b", after, re.I):
            antecedent = _ANTECEDENT.search(before)  # "some Egyptians, 20% of whom"
            whole = _singular(antecedent.group("noun").lower()) if antecedent else None
        if whole is None and _OF_PRONOUN.match(after):
            return UNRESOLVED  # "30% of them": a whole the sentence before names
        if whole is None:
            noun = _WORD.match(after.lstrip())
            if noun and after[:1].isspace() and noun.group(0).lower() in _SHARE_NOUNS:
                whole = noun.group(0).lower()
        return whole
    if measure == "length":
        position = _POSITION.match(after)
        if position or _WITHIN.search(before):
            direction = position.group("dir") if position else None
            if position and not direction and position.group().strip().lower() == "offshore":
                # from the coast, not from a place: "about 20 miles offshore" is no distance from Venice
                return "position offshore"
            marker = position or _OF.match(after)  # "from ...", "off ...", "west of ...", "within ... of ..."
            reference = _reference(after[marker.end() :]) if marker else ""
            return (
                "position"
                + (" " + re.sub(r"[-\s]", "", direction.lower()) if direction else "")
                + (" from " + reference if reference else "")
            )
        if _DEPTH.match(after):
            return "depth"
        whole = _whole(after)
        return "extent " + whole if whole else None
    if measure == "area":
        return _whole(after)
    if measure == "flow":
        if _WHOLE_OF.search(before):
            return None
        # "the collection of oil and gas leaking into the Gulf ... at about 15,400 barrels a day": one noun
        before = _OIL_AND_GAS.sub("oil-gas", before)
        clause = _FLOW_CLAUSE_START.split(before)[-1] + " " + _PLACE_CLAUSE_END.split(after, maxsplit=1)[0]
        return next((kind for kind, pattern in _FLOW_KINDS if pattern.search(clause)), None)
    if measure in ("killed", "wounded", "casualties"):
        clause = re.split(r"[.;!?]", before)[-1] + " " + re.split(r"[.;!?]", after, maxsplit=1)[0]
        return SINCE if _SINCE.search(clause) else None
    if measure == "troops":
        owner = _OWNER_AFTER.match(after) or _OWNER_BEFORE.search(before)
        if not owner:
            return None
        words = owner.group("owner").split()
        words = words[1:] if words[0] in ("A", "An", "The", "Some") else words
        return canonical_names(" ".join(words)) if words else None
    return None


def _reference(after: str) -> str:
    """What a position is measured from, as up to four words (lower case, possessives folded):
    "from the Florida Panhandle's popular beaches" -> "florida panhandle popular beaches", "off the
    coast of Florida, with officials ..." -> "coast florida"; "" when unsaid."""
    words: list[str] = []
    for token in _WORD.findall(re.split(r"[;:.!?()\"“”]", after, maxsplit=1)[0])[:8]:
        word = re.sub(r"['’]s$", "", token.lower())
        if word in _ENDS_REFERENCE and words:
            break
        if word in _DETERMINERS or word in ("of", "from", "away") or word in _ENDS_REFERENCE or len(word) < 3:
            continue
        words.append(word)
        if len(words) == 4:
            break
    return " ".join(words)


def same_what(measure: str, a: str | None, b: str | None) -> bool:
    """Whether two figures of ``measure`` can be of the same thing. A share is of the same whole
    (one unsaid matches only another unsaid: "1.5% of assets" is not "25% of dividends", nor "3
    percent" in general; a share of a pronoun, "30% of them", matches none); a length of the same
    kind, positions in the same direction or an unsaid one (a storm "55 miles south-southwest of
    Campeche" and "85 miles west-northwest of" it were two advisories) from places that share a
    word or an unsaid one ("seven miles from Pensacola" is not "six miles from the Florida
    Panhandle's beaches", nor a well "50 miles off the coast of Louisiana" a seep "two miles from
    the Macondo well"); flows only when both are
    the leak's (what is captured of it, or could be, changes by the day); tolls both tallies since
    a start or neither (:data:`SINCE`); for the rest an unsaid
    whole or owner can be any."""
    if measure == "flow":
        # only the leak (an unsaid kind): what is taken up, can be taken or is produced changes by the day
        return a is None and b is None
    if a == b:
        return a != UNRESOLVED
    if measure == "percent":
        return a is not None and b is not None and _share_a_word(a, b)
    if measure == "length":
        if a is None or b is None:
            return False
        if a.startswith("position") and b.startswith("position"):
            (kind_a, _, from_a), (kind_b, _, from_b) = a.partition(" from "), b.partition(" from ")
            return (kind_a == kind_b or "position" in (kind_a, kind_b)) and (
                not from_a or not from_b or _share_a_word(from_a, from_b)
            )
        return a.startswith("extent ") and b.startswith("extent ") and _share_a_word(a[7:], b[7:])
    if SINCE in (a, b):
        return a == b  # a tally since a start is no count of one clash, and the reverse
    return a is None or b is None or _share_a_word(a.lower(), b.lower())


def _share_a_word(a: str, b: str) -> bool:
    """Whether two wholes share a word, one word of four letters or more also matching the other
    it starts ("coast" and "coastline", "Egypt" and "Egyptians", "share" and "shareholders")."""
    return any(
        x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x)))
        for x in a.split()
        for y in b.split()
    )


# A figure that names a statement: an amount of money ("$20bn", "£13.5 bn", "$20 billion"), a share
# ("26 percent", "7%") or a count of a thousand or more ("230,000", "11,000 troops"); not a year. A
# range ("35,000-60,000", "between 35,000 and 60,000", "$1-2bn") is one figure: "45,000-50,000 dead"
# is not "50,000-100,000 dead".
_FIGURE_SCALE = {**_SCALE, "trillion": 1e12}


def _figure_number(name: str) -> str:
    """A number with its currency sign, scale or percent sign, its groups prefixed by ``name``."""
    return (
        rf"(?P<{name}cur>[$£€])?\s?(?P<{name}num>{_NUM})(?!\d)\s?"
        rf"(?:(?P<{name}scale>{_FIGURE_SCALE_WORDS})\b|(?P<{name}pct>%|percent\b|per cent\b))?"
    )


# A headline's "$20 Billion" as well as "$20 billion"; abbreviations only as written ("bn", "m", "k").
_FIGURE_SCALE_WORDS = "|".join(f"(?i:{w})" if len(w) > 2 else w for w in _FIGURE_SCALE)


_FIGURE = re.compile(
    rf"(?:(?:(?P<between>\b(?i:between)\s){_figure_number('b')}\s?and|{_figure_number('a')}\s?(?:-|–|to))\s?(?=[$£€]?\d))?"
    + _figure_number("")
)


# A count of millions or more in words: "two million", "one billion", "a million" (not "one in a
# million"; "a thousand" is too common a turn of phrase to single out what a sentence says).
_WORD_FIGURE = re.compile(
    rf"(?<![\w-])(?<!\bin )(?P<num>a|{_SMALL_WORDNUM})\s+(?P<scale>million|billion|trillion)\b(?!\s+(?:and|or)\b)",
    re.I,
)


def distinctive_figures(text: str, *, words: bool = True) -> frozenset[tuple[str, float, float]]:
    """The figures of ``text`` that single out what it says, as (kind, low, high): kind is the
    currency sign, "%" or "" for a count; "$20bn" and "$20 billion" are both ("$", 2e10, 2e10),
    "35,000-60,000" and "35,000 to 60,000" both ("", 35000, 60000), "two million" and "2 million"
    both ("", 2e6, 2e6); without the counts in words when not ``words``."""
    return frozenset(figure for figure, _ in _distinctive(text, words=words))


# Words that say a figure as a bound: "as many as 200,000", "up to $20bn", "at least 1,000".
_SAID_AS_BOUND = re.compile(
    r"\b(?:as\s+(?:many|much|high|few|little|low)\s+as|up\s+to|at\s+(?:least|most)|(?:more|fewer|less)\s+than"
    r"|over|upwards\s+of|in\s+excess\s+of)\s+(?:[$£€]\s?)?$",
    re.I,
)


def bound_figures(text: str) -> frozenset[tuple[str, float, float]]:
    """The distinctive figures of ``text`` (:func:`distinctive_figures`) said as a floor or a
    ceiling: "As many as 200,000 people died" gives ("", 200000, 200000), "up to $20bn" ("$", 2e10,
    2e10); a range ("up to 35,000-60,000") is none."""
    return frozenset(
        figure
        for figure, start in _distinctive(text, words=True)
        if figure[1] == figure[2] and _SAID_AS_BOUND.search(text, max(0, start - 25), start)
    )


# A figure's conversion in brackets ("35,000 (1.47 million gallons/5.56 million liters)", "$75m (£50m)").
_CONVERSION = re.compile(r"\([^()]*\d[^()]*\)")


def _without_conversions(text: str) -> tuple[str, list[int]]:
    """``text`` without its conversions in brackets (and the space before each), and for each of its
    offsets the original's."""
    kept, at, pos = [], [], 0
    for m in _CONVERSION.finditer(text):
        end = m.start() - (1 if m.start() and text[m.start() - 1] == " " else 0)
        kept.append(text[pos:end])
        at.extend(range(pos, end))
        pos = m.end()
    kept.append(text[pos:])
    at.extend(range(pos, len(text) + 1))
    return "".join(kept), at


def _distinctive(text: str, *, words: bool) -> Iterator[tuple[tuple[str, float, float], int]]:
    """:func:`distinctive_figures`, each with where it starts in ``text``; a range around a
    conversion in brackets is a range too ("between 35,000 (1.47 million gallons) and 60,000
    barrels"), beside the figures as written."""
    if "(" in text and _CONVERSION.search(text):
        stripped, at = _without_conversions(text)
        yield from (
            (figure, at[start]) for figure, start in _distinctive(stripped, words=words) if figure[1] < figure[2]
        )
    for m in _WORD_FIGURE.finditer(text) if words else ():
        n = 1.0 if m["num"].lower() == "a" else _number(m["num"])
        start = m.start()
        if n == 1.0 and text[max(0, m.start() - 5) : m.start()].lower() == "half ":
            n, start = 0.5, m.start() - 5  # "half a million"
        value = n * _FIGURE_SCALE[m["scale"].lower()]
        yield ("", value, value), start
    for m in _FIGURE.finditer(text):
        a = "b" if m["between"] else "a"
        first = f"{a}num" if m[f"{a}num"] else "num"
        if m.start(first) > 0 and (text[m.start(first) - 1].isalnum() or text[m.start(first) - 1] in ".,:/"):
            continue  # inside a token: "A1", "10:30", "2.5"
        high = float(m["num"].replace(",", ""))
        low = float(m[f"{a}num"].replace(",", "")) if m[f"{a}num"] else high
        kind = m["cur"] or m[f"{a}cur"] or ("%" if m["pct"] else "")
        scale = m["scale"] or ""
        if m[f"{a}num"] and (m[f"{a}scale"] or m[f"{a}pct"]) and not (scale or m["pct"]):
            continue  # "5bn to 40": not one figure
        if m["pct"]:
            yield ("%", low, high), m.start(first)
            continue
        if scale:
            high *= _FIGURE_SCALE[scale.lower()]
            low *= _FIGURE_SCALE[(m[f"{a}scale"] or scale).lower()]
        year = "," not in (m[f"{a}num"] or m["num"]) and 1900 <= low <= 2100
        if kind or scale or (low >= 1000 and not year):
            yield (kind, low, high), m.start(first)


_PRECISE_TOLERANCE = 0.02


def _precise(value: float) -> bool:
    """Whether a figure is written to three significant digits or more ("10,250", "13,400";
    not "13,000", "$20bn")."""
    digits = f"{abs(value):.6g}".split("e")[0].replace(".", "").strip("0")
    return len(digits) >= 3


def figures_apart(
    quoted: frozenset[tuple[str, float, float]],
    other: frozenset[tuple[str, float, float]],
    *,
    tolerance: float = 0.1,
    bounds: frozenset[tuple[str, float, float]] = frozenset(),
) -> bool:
    """Whether a sentence with the distinctive figures ``other`` states something else than one
    with ``quoted``: it gives a figure of a kind ``quoted`` gives (a currency, a share, a count) and
    none of its figures is one of ``quoted``'s, within ``tolerance`` (rounding: "$20bn", "about
    $20.5bn"); two figures written to three digits or more are no rounding of each other, and
    match within 2% ("10,250 cases in 41 countries" is not "11,034 cases"). "BP has paid out $104
    million" is not "BP has paid $71 million out of $600 million". A figure said as a floor or a
    ceiling (one of ``bounds``, the :func:`bound_figures` of either sentence) is one with a range
    it lies within or at an end of: "As many as 200,000 people died" and "the death toll is likely
    to be between 100,000 and 200,000"."""
    kinds = {kind for kind, _, _ in quoted} & {kind for kind, _, _ in other}
    if not kinds:
        return False

    def near(a: float, b: float) -> bool:
        allowed = _PRECISE_TOLERANCE if _precise(a) and _precise(b) else tolerance
        return abs(a - b) <= allowed * max(abs(a), abs(b))

    def within(bound: tuple[str, float, float], span: tuple[str, float, float]) -> bool:
        value, (_, lo, hi) = bound[1], span
        return bound in bounds and lo < hi and (lo <= value <= hi or near(value, lo) or near(value, hi))

    return not any(
        x[0] == y[0] and ((near(x[1], y[1]) and near(x[2], y[2])) or within(x, y) or within(y, x))
        for x in quoted
        for y in other
    )

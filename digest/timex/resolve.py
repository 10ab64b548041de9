"""Resolution of detected candidates to TimeML type/value/mod, HeidelTime news-style."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from digest.timex.lexicon import (
    MONTHS,
    UNITS,
    WEEKDAYS,
)
from digest.timex.values import (
    add_days,
    add_months,
    add_quarters,
    fmt_day,
    fmt_month,
    fmt_week,
    quarter_of,
)


class NeedReference(Exception):
    """Raised when a value needs a reference date and none was given."""


@dataclass
class Resolved:
    type: str
    value: str | None
    mod: str | None = None
    anchored: bool = False


@dataclass
class Context:
    text: str
    reference: dt.date | None
    last_quarter: tuple[int, int] | None = None
    last_year: int | None = None
    last_month: tuple[int, int] | None = None
    first_quarter: tuple[int, int] | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def ref(self) -> dt.date:
        if self.reference is None:
            raise NeedReference
        return self.reference


# ---- tense ---------------------------------------------------------------------------------------
# "due to" + a verb looks ahead ("due to arrive on Friday"); "due to the storm" gives a cause, and
# "It had been due to expire Friday evening" a plan since changed.
_DUE_TO_VERB = (
    r"(?<!had been )due\s+to\s+(?:be|arrive|begin|start|meet|hold|open|reopen|take|return|leave|land|fly|travel|visit|"
    r"announce|publish|release|report|appear|testify|vote|resume|sign|close|end|launch|speak|give|face|"
    r"expire|deliver|present|hear|rule|decide|go|come|make|sit|drive|stage|perform|play|stand|headline|air|talk|"
    r"discuss|phone|put|attend|complete|drill|spend|examine|include|brief|reach|host|address|unveil|submit|"
    r"review|consider|finish|restart|undergo|hand|file|issue|receive|send|name|conclude|tour|inspect|run|stay)"
)
_FUT_STRONG = (
    r"will|won't|wo|shall|going\s+to|is\s+to|are\s+to|plans?\s+to|planned\s+(?:to|for)|planning|scheduled|slated|"
    r"set(?=\s+for\b)|organi[sz]ing|"
    rf"expects?|expected|expecting|intends?|upcoming|set\s+to|{_DUE_TO_VERB}|next(?!\s+to\b)"
)
# Weaker signs of a future (not for weekdays: ``_FUT_S``): a bare "due" that is not a cause ("is due
# there in May", not "due to the storm" or "failed due to a build-up"), and "may" but not the month
# ("in April and May there was violence").
_DETERMINER = r"the|an?|his|her|its|their"
_DUE_WEAK = rf"(?<!had been )due(?!\s+to\s+(?:{_DETERMINER}|this|that|these|those|(?-i:[A-Z0-9])))"
# "would not comment Friday" reports a refusal: past.
_REFUSED = r"(?:\s+not\s+|n't\s+)(?:comment|say|confirm|elaborate|disclose|discuss|specify|identify)\b"
_FUT = re.compile(
    rf"\b(?:{_FUT_STRONG}|{_DUE_WEAK}|would(?!{_REFUSED})|could|might|(?-i:may)|can|hopes?\s+to|should|must)\b"
    r"|'ll\b",
    re.I,
)
_FUT_S = re.compile(rf"\b(?:{_FUT_STRONG}|can)\b|'ll\b", re.I)
# A weekday after "by" is a deadline: a modal or an aim makes it one still ahead ("troops would be in
# Haiti by Monday", "hoped to get supplies in by Thursday"), which the stronger cues of weekdays miss.
_BY = re.compile(rf"\bby\s+(?:(?:{'|'.join(WEEKDAYS)})\s+(?:or|and)\s+)?$", re.I)
_FUT_DEADLINE = re.compile(rf"{_FUT.pattern}|\b(?<!had )(?:hop|aim)(?:e[sd]?|ing)\s+to\b", re.I)
_IRREGULAR_PAST = (
    "was|were|had|did|said|told|took|began|came|went|made|saw|sent|met|held|left|fell|rose|won|lost|gave|"
    "became|brought|bought|sold|thought|found|got|paid|led|fought|struck|spoke|wrote|ran|knew|grew|drew|"
    "threw|flew|chose|broke|built|spent|kept|meant|felt|stood|understood|caught|taught|sought|ate|drove|"
    "rode|shot|sank|swore|tore|wore|froze|hid|shook|forgot|withdrew|overtook|undertook|upheld|withheld|"
    "arose|bore|fled|hung|laid|slept|stole|stuck|swept|swung|heard|dealt|lent|overcame|beat|bid|slid|sped|"
    "underwent|oversaw|forbade|foresaw|forgave|mistook|dug|spun|swam|sang|rang|sprang|shrank|woke"
)
_PAST = re.compile(
    rf"\b(?:{_IRREGULAR_PAST}|ago|last|(?<!-)(?!(?:expect|schedul|plann|slat|need|unspecifi|bas|propos)ed)\w{{2,}}[^e\W]ed)\b",
    re.I,
)
# Words right before the expression that fix its direction regardless of the verb.
_CUE_FUT = re.compile(
    r"\b(?:payable|effective|as\s+(?:soon|early)\s+as|starting|beginning|"
    r"record|next|from\s+now|due)\s*(?:on\s+|in\s+|by\s+|the\s+)?$",
    re.I,
)
_CUE_UNTIL = re.compile(r"\b(?:until|till)\s+(?:\S+\s+)?$", re.I)
# "since Tuesday", "since the blast about 10 p.m. Tuesday"
_CUE_PAST = re.compile(
    rf"\b(?:since(?:\s+(?:{_DETERMINER})\s+\w+)?|last|ended|as\s+of)\s*(?:on\s+|in\s+|at\s+|about\s+)?$",
    re.I,
)
_POSSESSIVE = re.compile(r"'s\b")
# A sentence ends at . ! ? or a newline, but not after an initial ("Daniel P. Davison"), a title or a
# month abbreviation ("Mr.", "Corp.", "Feb.").
_ABBR = (
    "[A-Z]",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Sr",
    "Jr",
    "Co",
    "Inc",
    "Corp",
    "Ltd",
    "Gov",
    "Sen",
    "Rep",
    "Gen",
    "Lt",
    "Col",
    "Sgt",
    "Capt",
    "Rev",
    "Prof",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "No",
    "vs",
)
_SENT_END = re.compile("".join(rf"(?<!\b{w})" for w in _ABBR) + r"[.!?]\s|\n")
_PAST_PROSPECTIVE = re.compile(r"\s+(?:planning|going|expected|scheduled|due|set|about|slated)\b", re.I)
_AUX_BEFORE = re.compile(r"\b(?:be|been|being|is|are|has|have)\s+(?:\w+ly\s+)?$", re.I)
# A modal with a perfect ("could have emerged", "would not have known") speaks of the past.
_MODAL_PERFECT = re.compile(r"\s+(?:not\s+|n't\s+)?have\s+\w+(?:ed|en|wn|ne|lt|ght|id|de)\b", re.I)


AFTER_W = 3
# A future verb and the expression in one clause: no subordinator between ("could ban BP after
# lawmakers in July voted"), and the -ed word right after the expression a participle.
_SUBORDINATOR = re.compile(r"\b(?:after|before|when|while|because|since|that|which|who|if|as|until|once|where)\b", re.I)
_PARTICIPLE_NEXT = re.compile(r"\s*(\w+ed)\b", re.I)
# A verb on the far side of a comma, semicolon or bracket belongs to another clause: "Ban Ki-moon,
# who is due to visit Haiti on Sunday, said ..." takes its tense from "is due to", not from "said".
# It still decides when the expression's own clause has no verb ("On Sunday, he said ...").
CLAUSE_PENALTY = 50
_CLAUSE_BOUNDARY = re.compile(r"[,;()]")
# A bracketed aside between the verb and the expression leaves them in one clause: "BP said at
# around 1800 CDT (2300 GMT) on Wednesday that ...".
_ASIDE = re.compile(r"\([^()]*\)")
# A verb that the expression follows with at most a preposition between governs it, whatever comes
# after: "BP's 'top kill' procedure launched on Wednesday could choke off the well" is past.
_GOVERNED = re.compile(r"\s+(?:(?:on|by|at|late|early)\s+)?\Z", re.I)
NEAR_AHEAD_MONTHS = 2
# An imperative asks for what is still to come: "Go back to your work on Sunday", "Vote on Tuesday",
# "Please come on Monday". Its clause opens (at the sentence's start, after a colon, a semicolon or an
# opening quote, and after a vocative such as "Dear Egyptians,") with "please" and any word, or with a
# verb of this list in its bare form. That verb must be followed by a word an imperative takes (a
# pronoun, a determiner, a preposition or particle, "home", "calm") or by the expression itself, so a
# noun of the same spelling ("Return flights resumed on Sunday", "Help arrived") opens no imperative.
# A quote mark between the imperative and the expression puts them apart: "boosted his rating to
# 'buy back' May 26" quotes a name.
_IMPERATIVE_VERBS = (
    "go|come|return|stay|remain|leave|vote|join|call|send|bring|take|give|help|make|keep|meet|be|get|watch|"
    "listen|tune|read|see|look|check|visit|attend|register|apply|contact|remember|tell|ask|write|follow|"
    "turn|head|gather|wait|stop|start|pray|donate|avoid|try|wear|put|save|share|sign|fill|pick|buy|"
    "reserve|prepare|celebrate|enjoy|stand|sit|pay|submit|evacuate|move|drive|walk|shop|hold|talk|speak|"
    "expect|consider"
)
_CLAUSE_OPEN = re.compile(r"[:;\"\u201c\u2018(]|``")
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]|``|''")
_IMPERATIVE = re.compile(
    r"\s*(?:(?:dear\s+)?(?:[\w'\u2019.-]+\s+){0,3}?[\w'\u2019.-]+\s*,\s*)?"
    r"(?:(?P<please>please)\s+(?:(?:do\s+not|don['\u2019]t|never)\s+)?\w+"
    rf"|(?:(?:do\s+not|don['\u2019]t|never)\s+)?(?P<verb>{_IMPERATIVE_VERBS}|let(?=['\u2019]s\b|\s+us\b)))\b",
    re.I,
)
_IMPERATIVE_NEXT = re.compile(
    r"(?:['\u2019]s\b|\s*[,.!?]|\s+(?:the|an?|your|yours|yourselves|yourself|you|us|me|him|her|them|it|this|that|these|"
    r"those|our|my|his|their|its|back|home|out|up|down|in|on|at|to|for|with|from|into|away|off|over|here|there|"
    r"now|again|together|all|every|some|any|no|by|before|after|next|calm|safe|quiet|ready|careful|sure|early|"
    r"tomorrow|tonight|today)\b)",
    re.I,
)


def _imperatives(text: str, s0: int, s1: int, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the verbs (or of "please") that open an imperative clause in the sentence
    ``[s0, s1)`` of ``text`` with no quote mark between them and the expression at ``[start, end)``."""
    opens = [s0] + [m.end() for m in _CLAUSE_OPEN.finditer(text, s0, s1)]
    out: list[tuple[int, int]] = []
    for pos in opens:
        m = _IMPERATIVE.match(text, pos, s1)
        if not m:
            continue
        span = m.span("please") if m.group("please") else m.span("verb")
        if not (m.group("please") or _IMPERATIVE_NEXT.match(text, m.end()) or text[m.end() : start].isspace()):
            continue
        if not _QUOTE_MARK.search(text, min(span[1], end), max(span[0], start)):
            out.append(span)
    return out


def tense(ctx: Context, start: int, end: int, strong: bool = False, deadline: bool = False) -> str:
    """The direction ("future", "past" or "unknown") of the verb nearest the expression at
    ``[start, end)`` (a verb across a clause boundary counts as farther; an imperative looks ahead).
    ``strong``: only firm signs of a future count (for weekdays); ``deadline``: weak ones and aims too
    ("would ... by Monday")."""
    text = ctx.text
    before = text[max(0, start - 30) : start]
    if _CUE_PAST.search(before) or _POSSESSIVE.match(text, end):
        return "past"
    if _CUE_FUT.search(before):
        return "future"
    if _CUE_UNTIL.search(before) and not text.startswith(",", end):
        return "future"  # "postponed until Tuesday"; a fronted "Until Thursday, they had ..." is past
    lo = max(0, start - 250)
    seg = text[lo:start]
    cut = 0
    for m in _SENT_END.finditer(seg):
        cut = m.end()
    s0 = lo + cut
    m2 = _SENT_END.search(text, end, min(len(text), end + 250))
    s1 = m2.start() if m2 else min(len(text), end + 250)
    best: tuple[int, str] | None = None
    future = _FUT_DEADLINE if deadline else _FUT_S if strong else _FUT
    # (start, end, label, governs): a verb of the future, an imperative (which governs no expression
    # right after it: "Report on Monday said ..." is a noun's), a verb of the past.
    verbs = [(m.start(), m.end(), "future", True) for m in future.finditer(text, s0, s1)]
    verbs += [(a, b, "future", False) for a, b in _imperatives(text, s0, s1, start, end)]
    # A future verb before the expression in its clause ("Hayward will face a hearing on Thursday
    # devoted to the disaster"): a participle right after the expression modifies a noun, it is no verb.
    # Looked for only when an -ed word follows the expression.
    participle = _PARTICIPLE_NEXT.match(text, end)
    if participle and not any(
        b <= start
        and label == "future"
        and not _CLAUSE_BOUNDARY.search(gap := _ASIDE.sub("", text[b:start]))
        and not _SUBORDINATOR.search(gap)
        for _, b, label, _ in verbs
    ):
        participle = None
    verbs += [(m.start(), m.end(), "past", True) for m in _PAST.finditer(text, s0, s1)]
    for a, b, label, governs in verbs:
        if start <= a < end:
            continue
        if label == "past" and participle and (a, b) == participle.span(1):
            continue
        if label == "past" and (_AUX_BEFORE.search(text, max(0, a - 30), a) or _PAST_PROSPECTIVE.match(text, b)):
            continue  # participle ("will be held", "has been sent"); "was planning", "were due"
        kind = "past" if label == "future" and _MODAL_PERFECT.match(text, b) else label
        between = _ASIDE.sub("", text[min(b, end) : max(a, start)])
        if b > start:
            d = len(between) * AFTER_W
        elif governs and _GOVERNED.match(between):
            d = 0
        else:
            d = len(between)
        if _CLAUSE_BOUNDARY.search(between):
            d += CLAUSE_PENALTY
        if best is None or d < best[0]:
            best = (d, kind)
    return best[1] if best else "unknown"


# ---- helpers -------------------------------------------------------------------------------------
_POS_MOD = {
    "early": "START",
    "earlier": "START",
    "late": "END",
    "later": "END",
    "mid": "MID",
    "beginning": "START",
    "start": "START",
    "end": "END",
    "middle": "MID",
    "close": "END",
}


def pos_mod(pos: str | None) -> str | None:
    if not pos:
        return None
    p = pos.lower()
    for k, v in _POS_MOD.items():
        if re.search(rf"\b{k}\b", p):
            return v
    return None


def half_of(pos: str | None) -> int | None:
    if not pos:
        return None
    p = pos.lower()
    if "half" not in p:
        return None
    return 1 if "first" in p else 2


def _approx_mod(ap: str | None) -> str | None:
    if not ap:
        return None
    a = " ".join(ap.lower().split())
    if a in ("about", "some", "roughly", "approximately", "around", "close to"):
        return "APPROX"
    if a in ("nearly", "almost", "less than", "fewer than", "under"):
        return "LESS_THAN"
    if a in ("more than", "over", "well over"):
        return "MORE_THAN"
    if a in ("at least", "no less than"):
        return "EQUAL_OR_MORE"
    if a in ("up to", "no more than", "at most"):
        return "EQUAL_OR_LESS"
    return None


def _fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


_SUB = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M"), "Tm": (60, "S")}


def duration_value(n: float | None, unit: str) -> str:
    u = unit.lower().rstrip("s")
    if n is not None and n != int(n):
        letter, is_time = UNITS.get(u, ("X", False))
        key = "Tm" if (is_time and letter == "M") else letter
        if key in _SUB:
            k, sub = _SUB[key]
            whole, frac = int(n), n - int(n)
            part = round(frac * k)
            t = "T" if is_time or sub == "H" else ""
            if is_time:
                head = f"PT{whole}{letter}" if whole else "PT"
                return f"{head}{part}{sub}"
            if sub == "H":
                return f"P{whole}DT{part}H" if whole else f"PT{part}H"
            return f"P{whole}{letter}{part}{sub}" if whole else f"P{part}{sub}{t}"
    if u == "centurie":
        u = "century"
    letter, is_time = UNITS.get(u, ("X", False))
    if letter == "Q":
        return "P" + (_fmt_num(n * 3) if n is not None else "X") + "M"
    if letter == "DE":
        return "P" + (_fmt_num(n * 10) if n is not None else "X") + ("Y" if n is not None else "DE")
    if letter == "CE":
        return "P" + (_fmt_num(n * 100) + "Y" if n is not None else "XCE")
    return ("PT" if is_time else "P") + _fmt_num(n) + letter


def _year_rel(ref: dt.date, word: str | None) -> int:
    w = (word or "").lower()
    if w.startswith("last"):
        return ref.year - 1
    if w.startswith("next"):
        return ref.year + 1
    return ref.year


def resolve_month_year(ctx: Context, month: int, rel: str | None, start: int, end: int) -> int:
    ref = ctx.ref()
    r = " ".join((rel or "").lower().split())
    if r in ("last", "the last", "this past", "past", "the past", "previous", "the previous"):
        return ref.year if month < ref.month else ref.year - 1
    if r in ("next", "the next", "this coming", "coming", "the coming", "the following"):
        return ref.year if month > ref.month else ref.year + 1
    if r in ("this", "the current", "current"):
        return ref.year
    t = tense(ctx, start, end)
    if t == "future":
        return ref.year + 1 if month < ref.month else ref.year
    # News reports rarely name a month ten or eleven months back without a year: a month one or two
    # ahead of the reference is upcoming whatever the nearest verb ("said it would ... in January").
    if 1 <= (month - ref.month) % 12 <= NEAR_AHEAD_MONTHS:
        return ref.year + (1 if month < ref.month else 0)
    # Past or unknown tense: a later month than the reference's lies in the previous year.
    return ref.year - 1 if month > ref.month else ref.year


# A weekday's completed event: "Tuesday's earthquake", "Saturday's deadly crash".
_PAST_EVENT = re.compile(
    r"['\u2019]s\s+(?:(?:deadly|massive|huge|devastating|fatal|catastrophic|powerful|strong|magnitude[\s-]*[\d.]+|"
    r"[\d.]+[\s-]*magnitude|initial|first|second|suicide|car|bomb|plane|train|helicopter|twin|double)\s+){0,2}"
    r"(?:earthquake|quake|tremor|explosion|blast|bombings?|attacks?|crash|shooting|accident|disaster|massacre|"
    r"fire|collapse|killings?|murders?|death|deaths|storm|flood|flooding|landslide|derailment|tsunami|eruption|"
    r"hurricane|tornado|stampede|sinking|spill|leak)\b",
    re.I,
)


def resolve_weekday(ctx: Context, wd: int, rel: str | None, start: int, end: int) -> dt.date:
    ref = ctx.ref()
    r = " ".join((rel or "").lower().split())
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if r == "last" and back == 1:
        # The day before the reference is "yesterday": "last Tuesday" written on a Wednesday is the
        # Tuesday of the week before ("200,000 people died in last Tuesday's quake", BBC, Wednesday 20
        # January 2010: 12 January). T17: all 4 articles that say it of the day before mean the week
        # before. Two days back stays the most recent: T17 has 2 articles for the week before and 1 for
        # the most recent, AQUAINT's one case (a Thursday's "last Tuesday") is the most recent.
        return add_days(ref, -8)
    if r in ("last", "past", "this past", "the previous"):
        return add_days(ref, -(back or 7))
    if r in ("next", "the following"):
        return add_days(ref, fwd or 7)
    if r in ("this coming", "coming"):
        return add_days(ref, fwd)
    if not r and fwd == 1 and not _PAST_EVENT.match(ctx.text, end):
        # The day after the reference: news calls the same weekday six days back "last Friday". A bare
        # "Friday" written on a Thursday is tomorrow (a plan), or today's news filed under yesterday's
        # date: in T17, 24 of 25 sampled past readings six days back were one of the two. A disaster
        # named by its day ("survivors of Tuesday's earthquake", written on a Monday) has happened.
        return add_days(ref, 1)
    if not r and back >= 4 and _POSSESSIVE.match(ctx.text, end) and not _PAST_EVENT.match(ctx.text, end):
        # A day's occasion four to six days back is mostly one still ahead, announced or previewed:
        # "Sunday's Golden Globe awards" written on a Friday, "ahead of Thursday's testimony" on a
        # Tuesday (T17: 14 of 15 such possessives; a disaster named by its day has happened).
        return add_days(ref, fwd)
    by = _BY.search(ctx.text, max(0, start - 25), start) is not None
    t = tense(ctx, start, end, strong=not by, deadline=by)
    if t == "future":
        return add_days(ref, fwd)
    return add_days(ref, -back)


_TOD = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
    "midafternoon": "AF",
    "mid-afternoon": "AF",
    "midmorning": "MO",
    "mid-morning": "MO",
    "midday": "MI",
}


def _clock(s: str) -> str | None:
    t = s.lower()
    if t.startswith("noon"):
        return "12:00"
    if t.startswith("midnight"):
        return "24:00"
    m = re.match(r"(\d{1,2})(?::(\d{2}))?\s*(a\.m\.|p\.m\.|am|pm)?", t)
    if not m:
        return None
    h = int(m.group(1))
    mi = int(m.group(2) or 0)
    ap = (m.group(3) or "").replace(".", "")
    part = re.search(r"(morning|afternoon|evening|night)$", t)
    if part and not ap:  # "4 in the morning", "9 in the evening", "11 at night" (but 2 at night is a.m.)
        ap = "am" if part.group(1) == "morning" or (part.group(1) == "night" and h < 5) else "pm"
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def day_of_ref(
    ctx: Context, s: str, start: int, end: int, *, year: str | None = None, rel: str | None = None
) -> dt.date | None:
    """The day a day reference names: today/tonight/yesterday/tomorrow, a weekday (``rel``:
    "last", "next"...), or a month and day (in ``year``, else resolved by tense)."""
    t = " ".join(s.lower().split())
    if t in ("today", "tonight"):
        return ctx.ref()
    if t == "yesterday":
        return add_days(ctx.ref(), -1)
    if t == "tomorrow":
        return add_days(ctx.ref(), 1)
    if t in WEEKDAYS:
        return resolve_weekday(ctx, WEEKDAYS[t], rel, start, end)
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?", t)
    if m and m.group(1) in MONTHS:
        mo, d = MONTHS[m.group(1)], int(m.group(2))
        y = int(year) if year else resolve_month_year(ctx, mo, None, start, end)
        try:
            return dt.date(y, mo, d)
        except ValueError:
            return None
    return None


def _dayref(ctx: Context, s: str, start: int, end: int, year: str | None = None) -> str | None:
    day = day_of_ref(ctx, s, start, end, year=year)
    return fmt_day(day) if day else None


def _safe_day(y: int, mo: int, d: int) -> str | None:
    try:
        return fmt_day(dt.date(y, mo, d))
    except ValueError:
        return None


def _shift_unit(ref: dt.date, n: int, unit: str) -> str:
    """ref shifted by n units (negative = past), formatted at the unit's precision."""
    u = unit.lower().rstrip("s")
    if u in ("day", "night"):
        return fmt_day(add_days(ref, n))
    if u in ("week", "fortnight"):
        k = 2 if u == "fortnight" else 1
        return fmt_day(add_days(ref, 7 * n * k)) if abs(n) <= 2 else fmt_week(add_days(ref, 7 * n * k))
    if u == "weekend":
        return fmt_week(add_days(ref, 7 * n)) + "-WE"
    if u == "month":
        return fmt_month(*add_months(ref.year, ref.month, n))
    if u == "quarter":
        y, q = add_quarters(ref.year, quarter_of(ref), n)
        return f"{y:04d}-Q{q}"
    if u == "year":
        return f"{ref.year + n:04d}"
    if u == "decade":
        return f"{(ref.year + 10 * n) // 10:03d}"
    if u in ("century", "centurie"):
        return f"{(ref.year + 100 * n) // 100:02d}"
    return fmt_day(ref)

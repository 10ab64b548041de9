"""Per-rule interpretation of a detected candidate into a Resolved type/value/mod."""

from __future__ import annotations

import re
from collections.abc import Callable

from digest.timex.detect import Candidate
from digest.timex.holidays import i_holiday
from digest.timex.lexicon import (
    MONTHS,
    ORDINALS,
    SEASON_ORDER,
    SEASONS,
    WEEKDAY,
    parse_dayord,
    parse_year,
)
from digest.timex.relative import i_ago, i_anchored, i_duration, i_relunit, i_set, i_vague, i_weekday
from digest.timex.resolve import (
    _TOD,
    Context,
    Resolved,
    _approx_mod,
    _clock,
    _dayref,
    _safe_day,
    _year_rel,
    half_of,
    pos_mod,
    resolve_month_year,
    tense,
)
from digest.timex.values import add_days, add_months, fmt_day, fmt_month, quarter_of, season_of


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


# A day named right after a clock time, past a parenthesis: "10:35 a.m. (0735 GMT) Friday",
# "4 in the morning (4 a.m. EDT Thursday)".
_PAREN_AFTER = re.compile(r"\s*\(([^()]{0,40})\)")
_DAY_WORD = rf"(?:today|yesterday|tomorrow|{WEEKDAY})\b"
_DAYWORD = re.compile(rf"\b{_DAY_WORD}", re.I)
_DAY_NEXT = re.compile(rf"\s*(?:on\s+)?({_DAY_WORD})", re.I)


def _day_after_clock(text: str, end: int) -> str | None:
    paren = _PAREN_AFTER.match(text, end)
    if paren is None:
        return None
    inside = _DAYWORD.search(paren.group(1))
    if inside:
        return inside.group()
    after = _DAY_NEXT.match(text, paren.end())
    return after.group(1) if after else None


# ---- TIME ------------------------------------------------------------------------------------------
def i_time(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    clock = g["clock"] or g["clock2"]
    if clock:
        hm = _clock(clock)
        dref = g["dref"] or g["dref2"]
        if hm is None or (not dref and clock.lower() in ("noon", "midnight")):
            return None
        anchored = True
        if not dref:
            # "at about 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. EDT Thursday)"
            dref = _day_after_clock(ctx.text, c.end)
        if dref:
            day = _dayref(ctx, dref, c.start, c.end, g.get("dyear"))
            anchored = not (g.get("dyear"))
        else:
            day = fmt_day(ctx.ref())
        if day is None:
            return None
        return Resolved("TIME", f"{day}T{hm}", _approx_mod(g["ap"]), anchored)
    if g["tod"]:
        d = _norm(g["dref3"])
        tod = _TOD[g["tod"].lower()]
        if d in ("this", "today"):
            day = fmt_day(ctx.ref())
        elif d == "last":
            day = fmt_day(add_days(ctx.ref(), -1))
        else:
            day = _dayref(ctx, d, c.start, c.end)
        if day is None:
            return None
        return Resolved("TIME", f"{day}T{tod}", pos_mod(g["pp"]), True)
    if g["tod2"]:
        return Resolved("TIME", f"{fmt_day(ctx.ref())}TNI", None, True)
    if g["tod3"]:
        day = _dayref(ctx, g["dref4"], c.start, c.end, g.get("dyear4")) if g["dref4"] else fmt_day(ctx.ref())
        if day is None:
            return None
        return Resolved("TIME", f"{day}T{_TOD[g['tod3'].lower()]}", None, True)
    return None


# ---- full dates ----------------------------------------------------------------------------------
_REL_STEP = {"last": -1, "this": 0, "next": 1}


def i_date(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    if g["iso"]:
        y, mo, d = (int(x) for x in g["iso"].split("-"))
        v = _safe_day(y, mo, d)
        return Resolved("DATE", v) if v else None
    if g["num"]:
        a, b, y = g["num"].split("/")
        yy = int(y) if len(y) == 4 else (1900 + int(y) if int(y) >= 30 else 2000 + int(y))
        v = _safe_day(yy, int(a), int(b))
        return Resolved("DATE", v) if v else None
    if g["mrel"]:
        # "the 25th of last month": that day of the reference's month or of the one before or after it
        d = parse_dayord(g["day3"] or g["dayo3"])
        if d is None:
            return None
        y, mo = add_months(ctx.ref().year, ctx.ref().month, _REL_STEP[g["mrel"].lower()])
        v = _safe_day(y, mo, d)
        return Resolved("DATE", v, None, True) if v else None
    mon = g["mon"] or g["mon2"]
    day = g["day"] or g["day2"]
    year = g["year"] or g["year2"]
    yrel = g["yrel"] or g["yrel2"]
    if not mon or not day:
        return None
    mo = MONTHS[mon.lower().rstrip(".")]
    d = parse_dayord(day)
    if d is None or not 1 <= d <= 31:
        return None
    mod = _approx_mod(g["dpos"]) or pos_mod(g["dpos"])
    if year:
        v = _safe_day(int(year), mo, d)
        return Resolved("DATE", v, mod) if v else None
    if yrel:  # "25 June last year"
        v = _safe_day(_year_rel(ctx.ref(), yrel), mo, d)
        return Resolved("DATE", v, mod, True) if v else None
    y = resolve_month_year(ctx, mo, None, c.start, c.end)
    v = _safe_day(y, mo, d)
    return Resolved("DATE", v, mod, True) if v else None


# ---- quarters / halves ---------------------------------------------------------------------------
def _q_year(
    ctx: Context, c: Candidate, q: int, unit: str, year: str | None, yrel: str | None, pre: str | None
) -> tuple[int, bool]:
    if year:
        return int(year), False
    p = _norm(pre)
    if yrel:
        return _year_rel(ctx.ref(), yrel), True
    if p.startswith("this year"):
        return ctx.ref().year, True
    if p.startswith("last year") or "year-ago" in p or "year-earlier" in p:
        return ctx.ref().year - 1, True
    if p.startswith("next year"):
        return ctx.ref().year + 1, True
    ref = ctx.ref()
    cur = quarter_of(ref) if unit == "quarter" else (1 if ref.month <= 6 else 2)
    if q > cur and tense(ctx, c.start, c.end) != "future":
        return ref.year - 1, True
    return ref.year, True


def i_quarter(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    if g["q"]:
        q = int(g["qn"])
        if g["qyear"]:
            return Resolved("DATE", f"{g['qyear']}-Q{q}")
        y, anch = _q_year(ctx, c, q, "quarter", None, None, None)
        return Resolved("DATE", f"{y:04d}-Q{q}", None, anch)
    if g["lastq"]:
        unit = g["unit2"].lower()
        q = 4 if unit == "quarter" else 2
        y, anch = _q_year(ctx, c, q, unit, g["year3"], g["yrel3"], None)
        return Resolved("DATE", f"{y:04d}-{'Q' if unit == 'quarter' else 'H'}{q}", None, anch)
    unit = g["unit"].lower()
    o = g["ord"].lower()
    q = (4 if unit == "quarter" else 2) if o in ("final", "latter") else ORDINALS.get(o, 0)
    if (unit == "half" and q > 2) or q < 1 or q > 4:
        return None
    pyear = g["pyear"] or g["pyear2"]
    if g["pl"]:
        return Resolved("SET", f"XXXX-{'Q' if unit == 'quarter' else 'H'}{q}")
    y, anch = _q_year(ctx, c, q, unit, g["year"] or pyear, g["yrel"], g["pre"])
    v = f"{y:04d}-{'Q' if unit == 'quarter' else 'H'}{q}"
    if unit == "quarter":
        ctx.last_quarter = (y, q)
        if ctx.first_quarter is None and (ctx.reference is None or y >= ctx.reference.year - 1):
            # the reporting period that "a year earlier" compares against: a recent quarter, not a
            # historical one ("stopped paying a dividend in the third quarter of 1984")
            ctx.first_quarter = (y, q)
    return Resolved("DATE", v, None, anch)


def i_fiscal(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    if g["year"]:
        y = g["year"]
        if y.startswith("'"):
            yy = int(y[1:])
            return Resolved("DATE", f"{1900 + yy if yy >= 30 else 2000 + yy:04d}")
        return Resolved("DATE", y)
    if g["year2"]:
        what = _norm(g["what"])
        if what == "quarter" and ctx.last_quarter and ctx.last_quarter[0] != int(g["year2"]):
            return Resolved("DATE", f"{g['year2']}-Q{ctx.last_quarter[1]}")
        if what == "period" and ctx.last_quarter:
            return Resolved("DATE", f"{g['year2']}-Q{ctx.last_quarter[1]}")
        if what.endswith("half"):
            return Resolved("DATE", f"{g['year2']}-H{1 if what.startswith('first') else 2}")
        return Resolved("DATE", g["year2"])
    y3 = parse_year(g["year3"] or "")
    return Resolved("DATE", f"{y3:04d}") if y3 else None


# ---- decades / centuries -------------------------------------------------------------------------
_DECW = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def _century(figure: str | None, word: str | None) -> int | None:
    """The ordinal of a century named in figures or in words, None outside the 1st to 21st."""
    n = int(figure) if figure else _CENTURY_WORDS[word.lower()] if word else 0
    return n if 1 <= n <= 21 else None


def i_decade(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    if g["nth"]:
        # "the last decade of the 20th century" -> 199 (the 1990s), "the first decade of the 21st
        # century" -> 200: a century's decades counted from its year ending in 00
        n = _century(g["ncent"], g["ncentw"])
        nth = g["nth"].lower()
        k = 10 if nth in ("last", "final") else parse_dayord(nth)
        if n is None or k is None or not 1 <= k <= 10:
            return None
        return Resolved("DATE", f"{(n - 1) * 10 + k - 1:03d}")
    mod = pos_mod(g["pos"]) or pos_mod(g["pos0"])
    if g["dec"]:
        return Resolved("DATE", g["dec"][:3], mod)
    if g["dec2"]:
        return Resolved("DATE", "19" + g["dec2"][0], mod)
    if g["decw"]:
        return Resolved("DATE", f"19{_DECW[g['decw'].lower()]}", mod)
    n = _century(g["cent"], g["centw"])
    return Resolved("DATE", f"{n - 1:02d}", mod) if n else None


# ---- months --------------------------------------------------------------------------------------
def i_month(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    mon = g["mon"]
    key = mon.lower().rstrip(".")
    if key not in MONTHS:
        return None
    mo = MONTHS[key]
    mod = pos_mod(g["pos"])
    if g["year"]:
        y = parse_year(g["year"])
        if y is None:
            return None
        return Resolved("DATE", fmt_month(y, mo), mod, False)
    if g["yrel"]:
        return Resolved("DATE", fmt_month(_year_rel(ctx.ref(), g["yrel"]), mo), mod, True)
    y = resolve_month_year(ctx, mo, g["rel"], c.start, c.end)
    return Resolved("DATE", fmt_month(y, mo), mod, True)


# ---- seasons -------------------------------------------------------------------------------------
def i_season(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    s = SEASONS[g["season"].lower()]
    mod = pos_mod(g["pos"]) or pos_mod(g["rel"])
    if g["year"]:
        y = parse_year(g["year"])
        return Resolved("DATE", f"{y:04d}-{s}", mod) if y else None
    # Seasons in order, winter after autumn: "2009-WI" is the winter that starts in December 2009
    # (digest.timex.values.season_of), so from June 2009 the coming winter is 2009-WI, not 2010-WI.
    cy, cs = season_of(ctx.ref())
    now = cy * 4 + SEASON_ORDER.index(cs)
    before = now - (now - SEASON_ORDER.index(s)) % 4  # the latest such season up to now
    after = before if before == now else before + 4
    r = _norm(g["rel"])
    if r in ("last", "past", "this past", "the past", "the last", "previous", "the previous"):
        k = before if before < now else now - 4
    elif r in ("next", "coming", "this coming", "the coming", "the next", "the following"):
        k = after if after > now else now + 4
    elif r in ("this", "current", "the current"):
        # the one of this year ("this summer" in March or in October is 1998's), and this winter the
        # one under way in January and February, else the one that starts in December
        ref = ctx.ref()
        k = now if s == "WI" and ref.month <= 2 else ref.year * 4 + SEASON_ORDER.index(s)
    else:
        # "summer", "the winter": by the tense, else the nearer one, else the one to come
        t = tense(ctx, c.start, c.end)
        k = before if t == "past" else after if t == "future" else min((after, before), key=lambda i: abs(i - now))
    return Resolved("DATE", f"{k // 4:04d}-{SEASON_ORDER[k % 4]}", mod, True)


# ---- years ---------------------------------------------------------------------------------------
def i_year(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    y = parse_year(g["year"])
    if y is None:
        return None
    mod = pos_mod(g["pos"])
    a = _norm(g["after"])
    if a in ("and beyond", "or later", "and later"):
        mod = "ON_OR_AFTER"
    elif a in ("or earlier", "or before"):
        mod = "ON_OR_BEFORE"
    h = half_of(g["pos"])
    if h:
        return Resolved("DATE", f"{y:04d}-H{h}", None, False)
    return Resolved("DATE", f"{y:04d}", mod, False)


INTERPRETERS: dict[str, Callable[[Context, Candidate], Resolved | None]] = {
    "anchored": i_anchored,
    "time": i_time,
    "date": i_date,
    "quarter": i_quarter,
    "fiscal": i_fiscal,
    "decade": i_decade,
    "ago": i_ago,
    "month": i_month,
    "season": i_season,
    "duration": i_duration,
    "relunit": i_relunit,
    "set": i_set,
    "weekday": i_weekday,
    "vague": i_vague,
    "year": i_year,
    "holiday": i_holiday,
}

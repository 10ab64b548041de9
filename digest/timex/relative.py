"""Interpretation of relative and deictic expressions: N ago, durations, last week, sets, weekdays."""

from __future__ import annotations

import re

from digest.timex.detect import Candidate
from digest.timex.lexicon import (
    DAYNUM,
    MONTH_LOOSE,
    MONTHS,
    UNITS,
    WEEKDAYS,
    YEAR4,
    parse_number,
)
from digest.timex.resolve import (
    _TOD,
    Context,
    Resolved,
    _approx_mod,
    _shift_unit,
    day_of_ref,
    duration_value,
    half_of,
    pos_mod,
    resolve_weekday,
    tense,
)
from digest.timex.values import add_days, add_months, add_quarters, fmt_day, fmt_month, fmt_week, quarter_of


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


# ---- N units ago ---------------------------------------------------------------------------------
def i_ago(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    if g["bare"]:
        return Resolved("DATE", "PAST_REF", None, False)
    n = parse_number(g["num"])
    unit = g["unit"].lower().rstrip("s")
    d = _norm(g["dir"])
    sign = 1 if d in ("later", "from now", "hence") else -1
    mod = _approx_mod(g["ap"])
    if n is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, False)
    if UNITS.get(unit, ("", False))[1]:
        return Resolved("DURATION", duration_value(n, unit), mod, False)
    ref = ctx.ref()
    if (d == "earlier" or (d == "ago" and n == 1)) and unit == "year" and ctx.first_quarter is not None:
        y, q = ctx.first_quarter
        return Resolved("DATE", f"{y - int(n):04d}-Q{q}", mod, True)
    if n != int(n):
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, True)
    if n > 5000:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, False)
    return Resolved("DATE", _shift_unit(ref, sign * int(n), unit), mod, True)


# ---- durations -----------------------------------------------------------------------------------
_SOMEDAY_NEXT = re.compile(r",?\s+(?:we|he|she|they|i|you|it|soon|in\s+the\s+future)\b|[.!?]", re.I)


def i_duration(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    if g["bare"]:
        v = duration_value(None, g["bare"])
        return Resolved("DURATION", v, None, False)
    if g["unit2"]:
        rel2 = g["rel2"].lower()
        u2 = g["unit2"].lower()
        if rel2 in ("coming", "next", "ensuing", "following"):
            return Resolved("DATE", "FUTURE_REF", None, False)
        if u2 in ("years", "days", "decades"):
            return Resolved("DATE", "PAST_REF", None, False)
        return Resolved("DURATION", duration_value(None, u2), None, False)
    n = parse_number(g["num"])
    if g["num2"] or g["num3"]:
        n = None
    unit = g["unit"].lower()
    if _norm(c.text) in ("some day", "one day") and _SOMEDAY_NEXT.match(ctx.text, c.end):
        return Resolved("DATE", "FUTURE_REF", None, False)  # "some day we will ..."
    if n is not None and g["half"]:
        n += 0.5
    if g["old"] or (unit.startswith("quarter") and "-quarter" in c.text.lower()):
        return None  # ages ("6-year-old") and fractions ("three-quarters")
    mod = _approx_mod(g["ap"])
    return Resolved("DURATION", duration_value(n, unit), mod, False)


# ---- last week / this month / the year-ago quarter ... --------------------------------------------
_PAST_REL = {
    "last",
    "the last",
    "past",
    "the past",
    "previous",
    "the previous",
    "this past",
    "the most recent",
}
_NEXT_REL = {"next", "the next", "coming", "the coming", "the following", "this coming"}
_THIS_REL = {"this", "the current", "current", "the", "that", "the same", "the latest"}


def i_relunit(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    ref = ctx.ref()
    if g["ye"]:
        return Resolved("DATE", f"{ref.year:04d}", "END", True)
    if g["ya"]:
        return _year_ago(ctx)
    if g["unit2"]:
        return _unit_value(ctx, c, "this", g["unit2"].lower(), pos_mod(g["pos2"]))
    rel = _norm(g["rel"])
    unit = " ".join(g["unit"].lower().split())
    mod = pos_mod(g["pos"])
    if rel == "the" and not g["pos"] and _ENDED.match(ctx.text, c.end):
        if unit in ("year", "fiscal year"):
            return Resolved("DURATION", "P1Y", None, False)
        if unit == "quarter":
            m = _ENDED_ON.match(ctx.text, c.end)
            if m:  # "the quarter ended Sept. 30": the calendar quarter that the named day closes
                mo = MONTHS[m.group(1).lower().rstrip(".")]
                y = int(m.group(2)) if m.group(2) else ref.year - (1 if mo > ref.month else 0)
                return Resolved("DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}", None, not m.group(2))
            return Resolved("DURATION", "P3M", None, False)
    h = half_of(g["pos"])
    if "year-ago" in rel or "year-earlier" in rel:
        r = _year_ago(ctx)
        return r
    if h and unit in ("year", "fiscal year"):
        y = ref.year + (-1 if rel in _PAST_REL else 1 if rel in _NEXT_REL else 0)
        return Resolved("DATE", f"{y:04d}-H{h}", None, True)
    return _unit_value(ctx, c, rel, unit, mod)


_ENDED = re.compile(r"\s+(?:ended|ending|ends|that\s+ended|which\s+ended|through)\b", re.I)


_ENDED_ON = re.compile(rf"\s+(?:that\s+|which\s+)?(?:ended|ending)\s+({MONTH_LOOSE})\s+{DAYNUM}\b(?:,?\s+({YEAR4}))?")


def _year_ago(ctx: Context) -> Resolved:
    if ctx.first_quarter is not None:
        y, q = ctx.first_quarter
        return Resolved("DATE", f"{y - 1:04d}-Q{q}", None, True)
    return Resolved("DATE", f"{ctx.ref().year - 1:04d}", None, True)


def _unit_value(ctx: Context, c: Candidate, rel: str, unit: str, mod: str | None) -> Resolved | None:
    ref = ctx.ref()
    k = -1 if rel in _PAST_REL else 1 if rel in _NEXT_REL else 0
    if unit == "fiscal year":
        unit = "year"
    if unit == "week":
        if k == -1 and ref.weekday() == 6:
            # written on a Sunday, "last week" is the week just ending (Monday to Saturday), which the
            # ISO week holds with that Sunday
            return Resolved("DATE", fmt_week(ref), mod, True)
        return Resolved("DATE", fmt_week(add_days(ref, 7 * k)), mod, True)
    if unit == "weekend":
        if k == 0 and ref.weekday() >= 5:  # written on a weekend: that weekend, whatever the tense
            sat = add_days(ref, 5 - ref.weekday())
        elif k == 0:
            t = tense(ctx, c.start, c.end)
            back = (ref.weekday() - 5) % 7
            sat = add_days(ref, (5 - ref.weekday()) % 7) if t == "future" else add_days(ref, -back)
        else:
            sat = add_days(ref, (5 - ref.weekday()) % 7 + (7 if k > 0 else -7))
            if k < 0:
                sat = add_days(ref, -((ref.weekday() - 5) % 7 or 7))
        return Resolved("DATE", fmt_week(sat) + "-WE", mod, True)
    if unit == "month":
        if rel in ("the following", "the previous", "that") and ctx.last_month is not None:
            k2 = 1 if rel == "the following" else -1 if rel == "the previous" else 0
            return Resolved("DATE", fmt_month(*add_months(*ctx.last_month, k2)), mod, True)
        return Resolved("DATE", fmt_month(*add_months(ref.year, ref.month, k)), mod, True)
    if unit in ("quarter", "period"):
        if unit == "period" and rel not in (
            "the latest",
            "the same",
            "the most recent",
            "the current",
            "this",
            "last",
            "the last",
            "the previous",
            "that",
        ):
            return None
        if k == 0 and rel in ("the", "that", "the latest", "the same", "the most recent"):
            # "the latest quarter" is the last one completed, whatever was named before it; "the
            # latest period" is the period being discussed
            if ctx.last_quarter is not None and not (unit == "quarter" and rel in ("the latest", "the most recent")):
                y, q = ctx.last_quarter
                return Resolved("DATE", f"{y:04d}-Q{q}", mod, True)
            y, q = add_quarters(ref.year, quarter_of(ref), -1)
            return Resolved("DATE", f"{y:04d}-Q{q}", mod, True)
        y, q = add_quarters(ref.year, quarter_of(ref), k)
        return Resolved("DATE", f"{y:04d}-Q{q}", mod, True)
    if unit == "year":
        if rel == "that" and ctx.last_year is not None:
            return Resolved("DATE", f"{ctx.last_year:04d}", mod, True)
        if rel in ("the following", "the previous") and ctx.last_year is not None:
            return Resolved("DATE", f"{ctx.last_year + (1 if rel == 'the following' else -1):04d}", mod, True)
        return Resolved("DATE", f"{ref.year + k:04d}", mod, True)
    if unit == "decade":
        return Resolved("DATE", f"{(ref.year + 10 * k) // 10:03d}", mod, True)
    if unit == "century":
        return Resolved("DATE", f"{(ref.year + 100 * k) // 100:02d}", mod, True)
    return None


# ---- sets ----------------------------------------------------------------------------------------
_ADV = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "quarterly": "P3M",
    "nightly": "P1D",
    "semiannually": "P6M",
    "semi-annually": "P6M",
}


def _set_unit(u: str, n: float | None = 1.0) -> str | None:
    low = u.lower()
    if low in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[low] + 1}"
    if low.rstrip(".") in MONTHS:
        return f"XXXX-{MONTHS[low.rstrip('.')]:02d}"
    if low in _TOD:
        return f"TXX{_TOD[low]}"
    return duration_value(n, low)


def i_set(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    if g["adv"]:
        return Resolved("SET", _ADV[g["adv"].lower()])
    if g["unit"]:
        n = parse_number(g["num"]) if g["num"] else 1.0
        return Resolved("SET", _set_unit(g["unit"], n))
    if g["unit2"]:
        return Resolved("SET", _set_unit(g["unit2"]))
    wd = g["wds"] or g["wdn"]
    if wd:
        v = f"XXXX-WXX-{WEEKDAYS[wd.lower()] + 1}"
        tod = g["tods"] or g["todn"]
        if tod:
            v += "T" + _TOD[tod.lower().rstrip("s")]
        return Resolved("SET", v)
    return None


# ---- weekdays ------------------------------------------------------------------------------------
def i_weekday(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    wd = WEEKDAYS[g["wd"].lower()]
    rel = g["rel"]
    mod = pos_mod(rel)
    if mod:
        rel = None
    d = resolve_weekday(ctx, wd, rel, c.start, c.end)
    return Resolved("DATE", fmt_day(d), mod, True)


# ---- days and weeks named by another date ----------------------------------------------------------
def i_anchored(ctx: Context, c: Candidate) -> Resolved | None:
    """ "the week of March 6" -> 2000-W10; "the day before last Tuesday" -> that Tuesday - 1."""
    g = c.groups
    if g["wk"]:
        day = day_of_ref(ctx, f"{g['mon']} {g['day']}", c.start, c.end, year=g["year"])
        if day is None:
            return None
        week = fmt_week(day)
        return Resolved("DATE", week + ("-WE" if g["wk"].lower() == "weekend" else ""), None, not g["year"])
    anchor = day_of_ref(ctx, g["dref"], c.start, c.end, rel=g["rel"])
    if anchor is None:
        return None
    step = -1 if g["ba"].lower() == "before" else 1
    return Resolved("DATE", fmt_day(add_days(anchor, step)), None, True)


# ---- vague / deictic -----------------------------------------------------------------------------
_VAGUE = {
    "right now": "PRESENT_REF",
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "current": "PRESENT_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the distant past": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "recent": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "future": "FUTURE_REF",
}


def i_vague(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    if g["day"]:
        d = g["day"].lower()
        ref = ctx.ref()
        off = {"today": 0, "yesterday": -1, "tomorrow": 1}[d]
        return Resolved("DATE", fmt_day(add_days(ref, off)), pos_mod(g["pos"]), True)
    v = _norm(g["v"])
    return Resolved("DATE", _VAGUE[v], None, False)

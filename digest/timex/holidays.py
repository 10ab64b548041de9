"""Named holidays: detection values (Thanksgiving, Easter, Election Day ...)."""

from __future__ import annotations

import datetime as dt

from digest.timex.detect import Candidate
from digest.timex.resolve import (
    Context,
    Resolved,
    tense,
)
from digest.timex.values import fmt_day, fmt_week


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def _nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) weekday ``wd`` (Mon=0) of a month."""
    if n > 0:
        first = dt.date(y, month, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(y + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return nxt - dt.timedelta(days=(nxt.weekday() - wd) % 7)


def _easter(y: int) -> dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    day = (h + m - 7 * n + 114) % 31 + 1
    return dt.date(y, month, day)


def holiday_date(name: str, y: int) -> dt.date:
    n = " ".join(name.lower().split())
    fixed = {
        "christmas": (12, 25),
        "christmas eve": (12, 24),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "independence day": (7, 4),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
        "veterans day": (11, 11),
        "boxing day": (12, 26),
    }
    if n in fixed:
        return dt.date(y, *fixed[n])
    if n == "thanksgiving":
        return _nth_weekday(y, 11, 3, 4)
    if n == "labor day":
        return _nth_weekday(y, 9, 0, 1)
    if n == "memorial day":
        return _nth_weekday(y, 5, 0, -1)
    if n == "election day":
        return _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1)
    return _easter(y)


NEAR_HOLIDAY_DAYS = 7


def i_holiday(ctx: Context, c: Candidate) -> Resolved | None:
    g = c.groups
    name = g["hol"]
    if (g["hday"] or "").lower() == "eve" and name.lower() in ("christmas", "new year's day"):
        return None
    if g["year"]:
        y, anch = int(g["year"]), False
    else:
        ref = ctx.ref()
        this = holiday_date(name, ref.year)
        r = _norm(g["rel"])
        t = (
            "past"
            if r in ("last", "past", "this past")
            else "future"
            if r in ("next", "coming", "this coming")
            else tense(ctx, c.start, c.end)
        )
        y = ref.year
        # A holiday a few days away, or "this Memorial Day", is this year's whatever the tense ("Obama's
        # trip to Chicago over Memorial Day weekend is conspicuously poor in its timing", three days before).
        near = r == "this" or abs((this - ref).days) <= NEAR_HOLIDAY_DAYS
        if t == "past" and this > ref and not near:
            y -= 1
        elif t == "future" and this < ref and not near:
            y += 1
        anch = True
    d = holiday_date(name, y)
    hday = " ".join((g["hday"] or "").lower().split())
    if hday in ("weekend", "holiday weekend"):
        # "the Easter weekend", "the Memorial Day weekend": the weekend the day is in or, for a
        # Monday's holiday, the one before it
        return Resolved("DATE", fmt_week(d - dt.timedelta(days=d.weekday() == 0)) + "-WE", None, anch)
    if hday in ("week", "holidays", "break", "recess", "vacation"):
        # "the Christmas holidays", "over the Easter break": days around the holiday, no one day
        return Resolved("DATE", fmt_week(d), None, anch)
    return Resolved("DATE", fmt_day(d), None, anch)

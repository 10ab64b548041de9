"""Pure helpers on TimeML values: date arithmetic, intervals and precision."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def fmt_day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_quarters(year: int, q: int, delta: int) -> tuple[int, int]:
    idx = year * 4 + (q - 1) + delta
    return idx // 4, idx % 4 + 1


def season_of(d: dt.date) -> tuple[int, str]:
    """(year, season) containing d; winter belongs to the year it starts in (December)."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def add_days(d: dt.date, n: int) -> dt.date:
    return d + dt.timedelta(days=n)


def shift_value(value: str, years: int) -> str | None:
    """Shift a year-based DATE value (2024, 2024-Q3, 2024-08, 2024-SU, 2024-08-15) by whole years."""
    m = re.match(r"(\d{4})(.*)$", value)
    if not m:
        return None
    rest = m.group(2)
    if rest.startswith("-02-29"):
        rest = "-02-28" + rest[6:]
    if rest.startswith("-W"):
        return None
    return f"{int(m.group(1)) + years:04d}{rest}"


def _last_day(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def to_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a TimeML DATE value, or None if it is not a calendar interval."""
    try:
        return _to_interval(value)
    except ValueError:
        return None


def _to_interval(value: str) -> tuple[dt.date, dt.date] | None:
    v = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", v)
    if m:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return d, d
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v)
    if m:
        y, w = int(m.group(1)), int(m.group(2))
        if m.group(3):
            start = dt.date.fromisocalendar(y, w, 6)
            return start, start + dt.timedelta(days=1)
        start = dt.date.fromisocalendar(y, w, 1)
        return start, start + dt.timedelta(days=6)
    m = re.fullmatch(r"(\d{4})-(\d{2})", v)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return dt.date(y, mo, 1), _last_day(y, mo)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        return dt.date(y, 3 * q - 2, 1), _last_day(y, 3 * q)
    m = re.fullmatch(r"(\d{4})-H([12])", v)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return dt.date(y, 6 * h - 5, 1), _last_day(y, 6 * h)
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)
    if m:
        y, s = int(m.group(1)), m.group(2)
        a, b = _SEASON_MONTHS[s]
        if s == "WI":
            return dt.date(y, 12, 1), _last_day(y + 1, 2)
        return dt.date(y, a, 1), _last_day(y, b)
    m = re.fullmatch(r"(\d{4})", v)
    if m:
        y = int(m.group(1))
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = re.fullmatch(r"(\d{3})", v)
    if m:
        y = int(m.group(1)) * 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    m = re.fullmatch(r"(\d{2})", v)
    if m:
        y = int(m.group(1)) * 100
        return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    return None


def precision_of(value: str) -> str:
    """One of day/week/month/season/quarter/half/year/decade/century for a DATE value (year if unknown)."""
    v = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T.*)?", v):
        return "day"
    if re.fullmatch(r"\d{4}-W(?:\d{2}|XX)(?:-WE)?", v):
        return "week"
    if re.fullmatch(r"\d{4}-(?:\d{2}|XX)", v):
        return "month"
    if re.fullmatch(r"\d{4}-(?:SP|SU|FA|WI)", v):
        return "season"
    if re.fullmatch(r"\d{4}-Q[1-4X]", v):
        return "quarter"
    if re.fullmatch(r"\d{4}-H[12X]", v):
        return "half"
    if re.fullmatch(r"\d{3}X?", v):
        return "decade"
    if re.fullmatch(r"\d{2}(?:XX?)?", v):  # "20": 2000-2099, the 21st century
        return "century"
    return "year"

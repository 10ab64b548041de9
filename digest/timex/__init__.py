"""Temporal expressions: detection, TimeML normalization and resolution against a reference date.

Public API::

    find_timexes(text, reference=None) -> list[Timex]
    find_in_sentences(groups, find_many=None) -> per group, per sentence: list[Timex]
    may_name_day(text) -> bool
    to_interval(value) -> (first_day, last_day) | None
    precision_of(value) -> "day" | "week" | "month" | "season" | "quarter" | "half" | "year" | "decade" | "century"

Cheap to import: only ``re`` and the standard library.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from digest.timex.detect import Candidate, candidates
from digest.timex.guards import keep
from digest.timex.interpret import INTERPRETERS
from digest.timex.resolve import Context, NeedReference, Resolved
from digest.timex.values import precision_of, to_interval
from digest.types import Timex

__all__ = ["find_in_sentences", "find_timexes", "may_name_day", "precision_of", "to_interval"]


def _as_date(reference: dt.date | dt.datetime | None) -> dt.date | None:
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        return reference.date()
    return reference


# Impossible dates and numbers ("Feb. 30", "2 1/0 years") are dropped, never raised.
_UNPARSABLE = (ValueError, ZeroDivisionError, KeyError, OverflowError, IndexError)


def _resolve(ctx: Context, c: Candidate) -> Resolved | None:
    fn = INTERPRETERS[c.kind]
    try:
        return fn(ctx, c)
    except NeedReference:
        pass
    except _UNPARSABLE:
        return None
    # Without a reference: keep the type and mod, no value.
    probe = Context(ctx.text, dt.date(2000, 6, 15), ctx.last_quarter, ctx.last_year)
    try:
        r = fn(probe, c)
    except (NeedReference, *_UNPARSABLE):
        return None
    if r is None:
        return None
    return Resolved(r.type, None, r.mod, True)


def find_timexes(text: str, reference: dt.date | None = None) -> list[Timex]:
    """Temporal expressions in ``text``, sorted by start, resolved against ``reference`` if given."""
    ctx = Context(text, _as_date(reference))
    out: list[Timex] = []
    for c in candidates(text):
        c2 = keep(text, c)
        if c2 is None:
            continue
        r = _resolve(ctx, c2)
        if r is None or (r.value is None and not r.anchored):
            continue
        if r.type == "DATE" and r.value and r.value[:4].isdigit():
            ctx.last_year = int(r.value[:4])
            if len(r.value) >= 7 and r.value[5:7].isdigit():
                ctx.last_month = (int(r.value[:4]), int(r.value[5:7]))
        out.append(Timex(c2.start, c2.end, c2.text, r.type, r.value, r.mod, r.anchored))  # type: ignore[arg-type]
    return out


# Words (or parts of words) without which a sentence names no day: a digit, "day" (weekdays,
# today, yesterday), a month's first letters, a part of the day... Substring tests: a superset of
# the sentences that can name a day, several times faster than a regular expression.
_DIGIT = re.compile(r"\d")
_DAY_CUES = (
    "day", "ago", "tomorrow", "night", "morning", "afternoon", "evening", "christmas", "easter", "new year",
    "thanksgiving", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip


def may_name_day(text: str) -> bool:
    """False when ``text`` certainly names no day (no digit, weekday, month, "yesterday"...);
    the tagger finds no day-precise expression in such text."""
    if _DIGIT.search(text):
        return True
    low = text.lower()
    return any(cue in low for cue in _DAY_CUES)


FindMany = Callable[[Sequence[tuple[str, dt.date | None]]], list[list[Timex]]]


def find_in_sentences(
    groups: Sequence[tuple[Sequence[str], dt.date | None]], find_many: FindMany | None = None
) -> list[list[list[Timex]]]:
    """For each group of sentences that resolve against one reference date (an article's), each
    sentence's expressions as :func:`find_timexes` finds them, except that a sentence that
    cannot name a day (:func:`may_name_day`) is not tagged and gets ``[]``: for finding the
    days a collection mentions. ``find_many`` tags a list of (text, reference) at once (e.g.
    :meth:`digest.cache.CachedTimexes.find_many`)."""
    flags = [[may_name_day(text) for text in texts] for texts, _reference in groups]
    asked = [
        (text, ref)
        for (texts, ref), marks in zip(groups, flags, strict=True)
        for text, m in zip(texts, marks, strict=True)
        if m
    ]
    tag = find_many or (lambda items: [find_timexes(text, ref) for text, ref in items])
    found = iter(tag(asked))
    return [[next(found) if m else [] for m in marks] for marks in flags]

"""The reference date: the day an article was written, the anchor of its relative dates.

The given date (``Config.as_of``) for every article; else each article's own date: its publication
date (metadata) or the day its dateline names (a stamp the cleaner removed). An article with neither
takes the latest date it names about the past if that lies within the span of the others' own dates,
else their median. When no article has a date of its own, they are taken as written together, and
all take one date inferred for the collection: the day after the latest period they date explicitly
in sentences about the past ("in late 2024" makes 2025-01-01 the earliest date all can have been
written on), moved to the day after a month named without its year that holds it ("posted in
January": 2025-02-01), or the latest day they name. Deadlines and bounds ("due March 1, 2011", "by
1992") and periods longer than a year ("the 1990s") are no evidence. The briefing says which.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from digest.timeline import DateResolver, human_date, human_period, interval, precision
from digest.types import Article, ReferenceDate, Timex

_FUTURE = re.compile(r"\b(?:will|would|shall|plans?|planned|scheduled|expected to|upcoming|next|aims? to)\b", re.I)
# A date right after these words is a deadline or a range's bound, not when the text was written:
# "due March 1, 2011", "by the end of 1990", "until 1993", "into 2011", "since 2008".
_BOUND_BEFORE = re.compile(
    r"\b(?:due|by|until|till|into|through|beyond|before|after|from|since|expir\w*|maturing|ending)\s+"
    r"(?:the\s+)?(?:(?:end|start|beginning|middle|close|turn)\s+of\s+(?:the\s+)?)?(?:fiscal\s+)?$",
    re.I,
)
_LONGEST_EVIDENCE = dt.timedelta(days=366)  # "the 1990s", "the 21st century" say nothing of the writing date


def choose_reference(
    articles: Sequence[Article], resolver: DateResolver, *, as_of: dt.date | None
) -> tuple[ReferenceDate, dict[str, dt.date | None]]:
    """The briefing's reference date and the one used for each article.

    The given date for every article; else each article's own date: its publication date, or the day
    its dateline names. An article without either takes the latest date it names, if that falls within
    the span of the others' own dates, else their median. When no article has a date of its own, the
    articles are taken as written together: all take the date inferred from the whole collection."""
    if as_of is not None:
        return ReferenceDate(as_of, "given", "given with --as-of"), {a.id: as_of for a in articles}
    published = [a.published for a in articles if a.published]
    if len(published) == len(articles):
        explanation = (
            "each article's relative dates are read from its own publication date; the reference is the latest"
        )
        return ReferenceDate(max(published), "metadata", explanation), {a.id: a.published for a in articles}
    stamps = {a.id: stamp for a in articles if not a.published and (stamp := stamped_day(a, resolver))}
    own = sorted(published + [day for day, _ in stamps.values()])
    if not own:
        inferred = infer_reference(articles, resolver)
        return inferred, {a.id: inferred.date for a in articles}
    low, high, middle = own[0], own[-1], own[len(own) // 2]
    per_article: dict[str, dt.date | None] = {}
    within = 0
    for article in articles:
        if article.published or article.id in stamps:
            per_article[article.id] = article.published or stamps[article.id][0]
            continue
        named = _latest_named(article, resolver)
        if named and low <= named[0] <= high:
            per_article[article.id] = named[0]
            within += 1
        else:
            per_article[article.id] = middle
    kinds = " and ".join(k for k, n in (("publication dates", len(published)), ("datelines", len(stamps))) if n)
    explanation = f"the articles' {kinds}"
    if rest := len(articles) - len(published) - len(stamps):
        how = []
        if within:
            how.append(f"{within} by the latest date {'it names' if within == 1 else 'they name'} within their span")
        if rest > within:
            how.append(f"{rest - within} by their median, {human_period(middle, middle)}")
        own = "has no date of its own" if rest == 1 else "have no date of their own"
        explanation += f"; of {len(articles)} articles, {rest} {own}, dated: "
        explanation += ", ".join(how)
    if published and max(published) == high:
        return ReferenceDate(high, "metadata", explanation + "; the reference is the latest"), per_article
    article_id, (_, text) = max(stamps.items(), key=lambda kv: (kv[1][0], kv[0]))
    origin = "metadata" if published else "inferred"
    explanation += "; the reference is the latest dateline"
    return ReferenceDate(high, origin, explanation, text, article_id), per_article


# Lines the cleaner removes that date the article they head: "MEXICO CITY | Mon May 24, 2010 4:56 pm
# EDT MEXICO CITY (Reuters) -", "6 January 2011 Last updated at 18:51 GMT", "Monday, November 22,
# 2010; 2:08 PM" above the headline. Reader comments are dated too, but later.
_STAMPS = frozenset({"dateline", "page update stamp", "live-blog update stamp", "page chrome before the headline"})


def stamped_day(article: Article, resolver: DateResolver) -> tuple[dt.date, str] | None:
    """The latest day named by a dateline or page stamp the cleaner removed from ``article``, and the
    expression: the day the article was written (or last updated)."""
    best: tuple[dt.date, str] | None = None
    for text, reason in article.removed:
        if _STAMPS.isdisjoint(reason.split(", ")):  # "photo caption and credit, live-blog update stamp"
            continue
        for timex in _explicit_dates(text, resolver):
            value = (timex.value or "")[:10]
            span = interval(value)
            if span is not None and precision(value) == "day" and (best is None or span[0] > best[0]):
                best = (span[0], timex.text)
    return best


def dated_by_datelines(articles: Sequence[Article], resolver: DateResolver) -> list[Article]:
    """``articles``, each without a publication date given the day its dateline names (if any) as
    one: what counts and dates reports by publication (conflicts' periods, a timeline's days) counts
    it too. A briefing keeps the articles as given; its reference date says where dates came from."""
    out = []
    for article in articles:
        stamp = None if article.published else stamped_day(article, resolver)
        out.append(replace(article, published=stamp[0]) if stamp else article)
    return out


# An explicit date names its year, in digits ("late 2024", "May 24, 2010", "10/26/09") or in words as a
# transcript does ("nineteen ninety-six", "the year two thousand"): only lines with such a year are
# tagged, a quarter of the work on T17.
_YEAR_LIKE = re.compile(r"\d\d|\b(?:nineteen|twenty|two thousand)", re.I)


def _explicit_dates(text: str, resolver: DateResolver) -> list[Timex]:
    """The DATE and TIME expressions with a value of their own (no reference needed) in the lines of
    ``text`` that may name a year, with offsets into ``text``."""
    return [t for t in _dates_in_lines(text, resolver, _YEAR_LIKE, None) if not t.anchored and t.value]


def _dates_in_lines(
    text: str, resolver: DateResolver, line_filter: re.Pattern[str], reference: dt.date | None
) -> list[Timex]:
    """The DATE and TIME expressions in the lines of ``text`` that ``line_filter`` finds something in,
    resolved against ``reference``, with offsets into ``text``."""
    out: list[Timex] = []
    start = 0
    for line in text.split("\n"):
        if line_filter.search(line):
            for t in resolver.find(line, reference):
                if t.type in ("DATE", "TIME"):
                    out.append(replace(t, start=t.start + start, end=t.end + start))
        start += len(line) + 1
    return out


def _about_the_past(text: str, timex: Timex) -> bool:
    """Whether ``timex`` in ``text`` says when something happened: not a deadline or a range's bound
    ("due March 1", "until 1993") and not in a sentence about the future."""
    if _BOUND_BEFORE.search(text[max(0, timex.start - 40) : timex.start]):
        return False
    sentence_start = max(text.rfind(".", 0, timex.start), text.rfind("\n", 0, timex.start))
    sentence_end = text.find(".", timex.end)
    return not _FUTURE.search(text[sentence_start + 1 : sentence_end if sentence_end >= 0 else len(text)])


def _latest_named(article: Article, resolver: DateResolver) -> tuple[dt.date, str, str] | None:
    """The earliest date ``article`` can have been written on by the dates its text names about the
    past, the expression, and how it was found; ``None`` if it names none."""
    latest: tuple[dt.date, str, str] | None = None
    text = article.text
    for timex in _explicit_dates(text, resolver):
        value = timex.value[:10] if timex.type == "TIME" else timex.value
        span = interval(value)
        if span is None or span[1] - span[0] > _LONGEST_EVIDENCE or not _about_the_past(text, timex):
            continue
        # A day named may be the day of writing (a dateline); a longer period had ended by then.
        if precision(value) == "day":
            found = (span[1], timex.text, "the latest day the articles name explicitly")
        else:
            after = span[1] + dt.timedelta(days=1)
            found = (after, timex.text, "the day after the latest period the articles name explicitly")
        if latest is None or found[0] > latest[0]:
            latest = found
    return latest


# A month named without its year: "in January", "early January", "mid-January"; not "this month".
_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_BARE_MONTH = re.compile(
    r"^(?:(?:early|mid|late)[\s-]*)?(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)$",
    re.I,
)


def _month_not_over(text: str, resolver: DateResolver, since: dt.date) -> tuple[dt.date, str, str] | None:
    """The day after the month ``text`` names without its year, about the past, that holds ``since``
    when read against it ("posted in January" read against 2025-01-01); ``None`` if there is none."""
    for timex in _dates_in_lines(text, resolver, _MONTH_WORD, since):
        if not (timex.anchored and timex.value and _BARE_MONTH.match(timex.text)):
            continue
        span = interval(timex.value)
        if span and precision(timex.value) == "month" and span[0] <= since <= span[1] and _about_the_past(text, timex):
            month = human_date(timex.value, "month")
            how = f"the day after {month}, the latest month the articles name about the past"
            how += ", its year read from their other dates"
            return span[1] + dt.timedelta(days=1), timex.text, how
    return None


def infer_reference(articles: Sequence[Article], resolver: DateResolver) -> ReferenceDate:
    """One date for a collection of articles without dates of their own, taken as written together: the
    latest of the days their datelines name and the dates their texts name about the past.

    A date inferred from a period ("in late 2024" gives 2025-01-01) is a bound, not a day of writing:
    a month named without its year that holds it, read against it ("posted in January"), was over too,
    and the day after that month is the date. A day named may be the day of writing and stays."""
    latest: tuple[dt.date, str, str, str] | None = None  # (reference, span text, article, explanation)
    for article in articles:
        named = _latest_named(article, resolver)
        if named and (latest is None or named[0] > latest[0]):
            latest = (named[0], named[1], article.id, named[2])
        stamp = stamped_day(article, resolver)
        if stamp and (latest is None or stamp[0] > latest[0]):
            latest = (stamp[0], stamp[1], article.id, "the latest day named in the articles' datelines")
    if latest is None:
        return ReferenceDate(None, "none", "no article has a date and none was given; relative dates unresolved")
    for _ in range(3):  # each step needs a month named in the past tense that holds the date so far
        if not latest[3].startswith("the day after"):
            break
        since = latest[0]
        months = ((m, a.id) for a in articles if (m := _month_not_over(a.text, resolver, since)))
        if (month := next(months, None)) is None:
            break
        (day, text, how), article_id = month
        latest = (day, text, article_id, how)
    return ReferenceDate(latest[0], "inferred", latest[3], evidence_text=latest[1], evidence_article=latest[2])

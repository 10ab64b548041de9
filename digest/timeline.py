"""The timeline: dated events with the spans that date them.

1. Reference date: ``Config.as_of`` (given) for every article; else an
   article's own date: its publication date (metadata) or the day its
   dateline names (a stamp the cleaner removed). An article with neither
   takes the latest date it names about the past if that lies within the
   span of the others' own dates, else their median. When no article has a
   date of its own, they are taken as written together, and all take one
   date inferred for the collection: the day after the latest period they
   date explicitly in sentences about the past ("in late 2024" makes
   2025-01-01 the earliest date all can have been written on), or the latest
   day they name. Deadlines and bounds ("due March 1, 2011", "by 1992") and
   periods longer than a year ("the 1990s") are no evidence. The briefing
   says which.
2. Every sentence with a resolvable DATE expression is an event candidate; a
   duration anchored at the reference ("for the past three weeks") dates the
   start of the period it names.
3. Candidates from several sources merge when their dates overlap and they
   make the same statement (same cluster, or similar above a threshold); the
   merged event cites every source and keeps every dating span.
4. Events are ranked by sources and centrality, the top ones kept, then
   sorted by date and shown at their precision ("August 2024").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from digest.select import Preference, SourceCounter, citation_of, distinct_sources, no_preference
from digest.types import Article, DateEvidence, Event, ReferenceDate, Sentence, Timex

if TYPE_CHECKING:
    import numpy as np

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_MODS = {"START": "early", "MID": "mid-", "END": "late"}
_FUTURE = re.compile(r"\b(?:will|would|shall|plans?|planned|scheduled|expected to|upcoming|next|aims? to)\b", re.I)
# A date right after these words is a deadline or a range's bound, not when the text was written:
# "due March 1, 2011", "by the end of 1990", "until 1993", "into 2011", "since 2008".
_BOUND_BEFORE = re.compile(
    r"\b(?:due|by|until|till|into|through|beyond|before|after|from|since|expir\w*|maturing|ending)\s+"
    r"(?:the\s+)?(?:(?:end|start|beginning|middle|close|turn)\s+of\s+(?:the\s+)?)?(?:fiscal\s+)?$",
    re.I,
)
_LONGEST_EVIDENCE = dt.timedelta(days=366)  # "the 1990s", "the 21st century" say nothing of the writing date
# A duration that ends at the reference date: "for the past three weeks", "over the last month",
# "have not been seen ... for about two weeks".
_ANCHORED_BEFORE = re.compile(r"\b(?:for|over|in|during)\s+(?:the\s+)?(?:past|last|previous)\s*$", re.I)
_ANCHORED_TEXT = re.compile(r"^(?:the\s+)?(?:past|last|previous)\b", re.I)
_FOR_BEFORE = re.compile(r"\bfor\s*$", re.I)
_PERFECT = re.compile(r"\b(?:have|has)(?:\s+not|n[’']t)?\s+(?:been|seen|had|heard|taken|\w+ed)\b", re.I)
_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
_DURATION = re.compile(r"^P(\d+)([DWMY])$")


class DateResolver(Protocol):
    """Finds temporal expressions in a text, resolved against a reference date when given."""

    def find(self, text: str, reference: dt.date | None) -> list[Timex]: ...


class TimexResolver:
    """digest's own temporal tagger (:mod:`digest.timex`)."""

    def find(self, text: str, reference: dt.date | None) -> list[Timex]:
        from digest.timex import find_timexes

        return find_timexes(text, reference)


def interval(value: str) -> tuple[dt.date, dt.date] | None:
    from digest.timex import to_interval

    return to_interval(value)


def precision(value: str) -> str:
    from digest.timex import precision_of

    return precision_of(value)


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
        return ReferenceDate(max(published), "metadata", "publication dates of the articles"), {
            a.id: a.published for a in articles
        }
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
            how.append(f"{rest - within} by their median, {_day(middle)}")
        explanation += f"; of {len(articles)} articles, {rest} {'has' if rest == 1 else 'have'} neither, dated: "
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
_STAMPS = ("dateline", "page update stamp", "live-blog update stamp", "page chrome before the headline")


def stamped_day(article: Article, resolver: DateResolver) -> tuple[dt.date, str] | None:
    """The latest day named by a dateline or page stamp the cleaner removed from ``article``, and the
    expression: the day the article was written (or last updated)."""
    best: tuple[dt.date, str] | None = None
    for text, reason in article.removed:
        if reason.split(", ")[0] not in _STAMPS:
            continue
        for timex in resolver.find(text, None):
            if timex.type not in ("DATE", "TIME") or timex.anchored or not timex.value:
                continue
            value = timex.value[:10]
            span = interval(value)
            if span is not None and precision(value) == "day" and (best is None or span[0] > best[0]):
                best = (span[0], timex.text)
    return best


def _latest_named(article: Article, resolver: DateResolver) -> tuple[dt.date, str, str] | None:
    """The earliest date ``article`` can have been written on by the dates its text names about the
    past, the expression, and how it was found; ``None`` if it names none."""
    latest: tuple[dt.date, str, str] | None = None
    text = article.text
    for timex in resolver.find(text, None):
        if timex.type not in ("DATE", "TIME") or timex.anchored or not timex.value:
            continue
        value = timex.value[:10] if timex.type == "TIME" else timex.value
        span = interval(value)
        if span is None or span[1] - span[0] > _LONGEST_EVIDENCE:
            continue
        if _BOUND_BEFORE.search(text[max(0, timex.start - 40) : timex.start]):
            continue
        sentence_start = max(text.rfind(".", 0, timex.start), text.rfind("\n", 0, timex.start))
        sentence_end = text.find(".", timex.end)
        if _FUTURE.search(text[sentence_start + 1 : sentence_end if sentence_end >= 0 else len(text)]):
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


def infer_reference(articles: Sequence[Article], resolver: DateResolver) -> ReferenceDate:
    """One date for a collection of articles without dates of their own, taken as written together: the
    latest of the days their datelines name and the dates their texts name about the past."""
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
    return ReferenceDate(latest[0], "inferred", latest[3], evidence_text=latest[1], evidence_article=latest[2])


@dataclass(frozen=True)
class _Candidate:
    sentence: int  # index into the sentence list
    timex: Timex  # offsets into the article text
    value: str
    start: dt.date
    end: dt.date
    label: str
    precision: str


def build_events(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    embeddings: np.ndarray,
    labels: np.ndarray,
    quality: Sequence[float],
    resolver: DateResolver,
    references: Mapping[str, dt.date | None],
    *,
    max_events: int,
    merge_similarity: float,
    count_sources: SourceCounter = distinct_sources,
    preference: Preference = no_preference,
) -> tuple[Event, ...]:
    candidates = _candidates(articles, sentences, resolver, references)
    groups = _merge(candidates, embeddings, labels, merge_similarity)
    scored: list[tuple[float, Event]] = []
    collection = embeddings.mean(axis=0) if len(embeddings) else None
    for group in groups:
        members = sorted({c.sentence for c in group})
        tier = min(preference(sentences[i]) for i in members)
        best = max((i for i in members if preference(sentences[i]) == tier), key=lambda i: (quality[i], -i))
        dating = min(group, key=lambda c: (_PRECISION_RANK.get(c.precision, 9), c.sentence))
        n_sources = count_sources([sentences[i].article_id for i in members])
        centrality = float(embeddings[members].mean(axis=0) @ collection) if collection is not None else 0.0
        event = Event(
            value=dating.value,
            precision=dating.precision,  # type: ignore[arg-type]
            label=dating.label,
            sort_key=dating.start,
            text=sentences[best].text,
            citations=tuple(citation_of(sentences[i]) for i in members),
            evidence=tuple(_evidence(sentences[c.sentence], c) for c in sorted(group, key=lambda c: c.sentence)),
            representative=citation_of(sentences[best]),
            mod=dating.timex.mod,
            independent_count=int(n_sources),
        )
        scored.append((n_sources + centrality, event))
    scored.sort(key=lambda t: (-round(t[0], 6), t[1].sort_key, t[1].text))
    kept: list[Event] = []
    for _, event in scored:  # a sentence tells one event: keep its best-ranked date
        if len(kept) < max_events and all(event.text != e.text for e in kept):
            kept.append(event)
    return tuple(sorted(kept, key=lambda e: (e.sort_key, e.label, e.text)))


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5, "decade": 6}


def _candidates(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    resolver: DateResolver,
    references: Mapping[str, dt.date | None],
) -> list[_Candidate]:
    by_article: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        by_article.setdefault(s.article_id, []).append(i)
    out: list[_Candidate] = []
    for article in articles:
        indices = by_article.get(article.id, [])
        if not indices:
            continue
        reference = references.get(article.id)
        for timex in resolver.find(article.text, reference):
            owner = next((i for i in indices if sentences[i].start <= timex.start < sentences[i].end), None)
            if owner is None or not timex.value:
                continue
            candidate = _candidate(sentences[owner], article.text, owner, timex, reference)
            if candidate:
                out.append(candidate)
    return out


def _anchored_duration(sentence: str, before: str, timex: Timex) -> bool:
    if _ANCHORED_TEXT.match(timex.text) or _ANCHORED_BEFORE.search(before):
        return True
    return bool(_FOR_BEFORE.search(before) and _PERFECT.search(sentence))


def _candidate(sentence: Sentence, text: str, owner: int, timex: Timex, reference: dt.date | None) -> _Candidate | None:
    value = timex.value or ""
    if timex.type == "DURATION":
        match = _DURATION.match(value)
        before = text[max(sentence.start, timex.start - 40) : timex.start]
        if not (match and reference and _anchored_duration(sentence.text, before, timex)):
            return None
        n, unit = int(match.group(1)), match.group(2)
        days = n * {"D": 1, "W": 7, "M": 30, "Y": 365}[unit]
        start = reference - dt.timedelta(days=days)
        label = f"the {n} {_UNITS[unit]}{'s' if n != 1 else ''} before {_day(reference)}"
        return _Candidate(owner, timex, start.isoformat(), start, reference, label, "week")
    if timex.type not in ("DATE", "TIME"):
        return None
    date_value = value[:10] if timex.type == "TIME" else value
    span = interval(date_value)
    if span is None:
        return None
    start, end = _narrow(span, timex.mod)
    prec = precision(date_value)
    return _Candidate(owner, timex, date_value, start, end, human_date(date_value, prec, timex.mod), prec)


def _narrow(span: tuple[dt.date, dt.date], mod: str | None) -> tuple[dt.date, dt.date]:
    """early/mid/late cover the first, middle and last third of a period."""
    start, end = span
    third = (end - start) // 3
    if mod == "START":
        return start, start + third
    if mod == "MID":
        return start + third, end - third
    if mod == "END":
        return end - third, end
    return start, end


def _merge(
    candidates: list[_Candidate], embeddings: np.ndarray, labels: np.ndarray, threshold: float
) -> list[list[_Candidate]]:
    """Group candidates that date the same statement: a candidate joins a group only if, with every
    member, its dates overlap and it makes the same statement (same cluster, or similar above the
    threshold). Complete linkage: no chains from "late 2024" to "last week" through a third sentence."""
    groups: list[list[_Candidate]] = []
    for c in candidates:
        best: tuple[float, int] | None = None
        for g, members in enumerate(groups):
            sims = []
            for m in members:
                if m.sentence == c.sentence or c.start > m.end or m.start > c.end:
                    break
                same = labels[c.sentence] >= 0 and labels[c.sentence] == labels[m.sentence]
                sim = float(embeddings[c.sentence] @ embeddings[m.sentence])
                if not (same or sim >= threshold):
                    break
                sims.append(sim + (1.0 if same else 0.0))
            else:
                score = sum(sims) / len(sims)
                if best is None or score > best[0]:
                    best = (score, g)
        if best is None:
            groups.append([c])
        else:
            groups[best[1]].append(c)
    return groups


def _evidence(sentence: Sentence, c: _Candidate) -> DateEvidence:
    return DateEvidence(citation_of(sentence), c.timex.start, c.timex.end, c.timex.text, c.value)


def _day(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def human_period(start: dt.date, end: dt.date) -> str:
    """Days from ``start`` to ``end``: "27 April 2009", "27–29 April 2009", "30 April – 2 May 2009"."""
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_day(end)}"
    if start.year == end.year:
        return f"{start.day} {_MONTHS[start.month - 1]} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


def human_date(value: str, prec: str, mod: str | None = None) -> str:
    """A TimeML date value at its precision: "15 November 2024", "August 2024", "late 2024"."""
    span = interval(value)
    if span is None:
        return value
    start = span[0]
    prefix = _MODS.get(mod or "", "")
    sep = "" if prefix.endswith("-") or not prefix else " "
    if prec == "day":
        text = _day(start)
    elif prec == "week":
        text = f"week of {_day(start)}"
    elif prec == "month":
        text = f"{_MONTHS[start.month - 1]} {start.year}"
    elif prec == "season":
        text = f"{_SEASONS.get(value[5:7], 'season')} {value[:4]}"
    elif prec == "quarter":
        text = f"Q{value[-1]} {value[:4]}"
    elif prec == "half":
        text = f"{'first' if value.endswith('1') else 'second'} half of {value[:4]}"
    elif prec == "decade":
        text = f"the {value[:3]}0s"
    else:
        text = str(start.year)
    return f"{prefix}{sep}{text}" if prefix else text

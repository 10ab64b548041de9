"""The timeline: dated events with the spans that date them.

1. Reference date: each article's, chosen by :mod:`digest.reference` (given,
   metadata, its dateline, or inferred from the text), is the anchor of its
   relative expressions.
2. Every sentence with a resolvable DATE expression is an event candidate; a
   duration anchored at the reference ("for the past three weeks") dates the
   start of the period it names.
3. Candidates from several sources merge when their dates overlap and they
   make the same statement (same cluster, or similar above a threshold); the
   merged event cites every source and keeps every dating span. Its date is the
   most precise one its quotable members name, and its text one of those that
   name it: an original's wording before a copy's, then one that stands alone
   before one that leans on context (:func:`digest.select.representative_rank`).
4. Events are ranked by sources and centrality to the story (each article
   weighing the same, :func:`digest.select.story_direction`), the top ones kept, then
   sorted by date and shown at their precision ("August 2024"). A sentence
   tells one event: of the dates it names, the best-ranked one, and among
   equals the one it names first.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from digest.conflicts import FigureCheck
from digest.select import (
    Preference,
    SourceCounter,
    citation_of,
    distinct_sources,
    no_preference,
    representative_rank,
    self_contained,
    story_direction,
)
from digest.support import cites
from digest.text import words
from digest.types import Article, DateEvidence, Event, Sentence, Timex

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
# A duration that ends at the reference date: "for the past three weeks", "over the last month",
# "have not been seen ... for about two weeks".
_ANCHORED_BEFORE = re.compile(r"\b(?:for|over|in|during)\s+(?:the\s+)?(?:past|last|previous)\s*$", re.I)
_ANCHORED_TEXT = re.compile(r"^(?:the\s+)?(?:past|last|previous)\b", re.I)
_FOR_BEFORE = re.compile(r"\bfor\s*$", re.I)
# A perfect, with an adverb inside it: "has now been", "have not been seen".
_PERFECT = re.compile(
    r"\b(?:have|has)(?:\s+(?:not|never|now|already|also|just|still|\w+ly)|n[’']t)?\s+(?:been|seen|had|heard|taken|\w+ed)\b",
    re.I,
)
# "been" goes on with the verb the duration belongs to: "has been trapped under the rubble for six
# days", "have been living in tents for weeks".
_AFTER_BEEN = re.compile(r"(?:\s+\w+ly)?\s+\w+(?:ed|en|ing|wn)\b", re.I)
# Between the perfect and its "for", what starts another clause, whose verb the duration belongs
# to: a colon, a semicolon or a dash, a subordinator or a relative, a comma before a word in lower
# case that is no determiner ("which has now killed 25 million people, spread for years"), a
# to-infinitive ("The UN has launched an appeal ... to help three million people for six months"), a
# participle that goes on with a preposition or a determiner ("an appeal intended to help", "people
# trapped under rubble"; not "in damaged houses").
_OTHER_CLAUSE = re.compile(
    r"[;:]|--|—|\b(?:that|which|who|whom|whose|where|when|while|because|after|before|since|until|if)\b"
    r"|,\s+(?!(?:the|an?|his|her|its|their|our|my|your|this|these|those|some|all|and|or|but|not|\d)\b)(?-i:[a-z])"
    r"|\bto\s+(?!(?:the|an?|his|her|its|their|our|my|your|this|that|these|those|some|all|each|every|him|"
    r"them|us|me|it|\d)\b)(?-i:[a-z])"
    r"|\b\w{2,}[^e\W]ed(?:\s+(?:to|by|in|into|on|onto|at|from|with|under|over|"
    r"through|across|during|for|out|off|up|down|the|an?|his|her|its|their)\b)",
    re.I,
)
# Up to five words (a subject) between a duration and the perfect after it: "the critics who for
# years have lobbied ...", "For nearly 30 years, one man has dominated ..."; past a comma only when
# "for" opens its clause ("will last for five weeks, officials have said" is no perfect's).
_PERFECT_AFTER = re.compile(r"(?:\s+now)?(?P<comma>\s*,)?\s*(?:[\w'’-]+\s+){0,5}?(?=(?:have|has)\b)", re.I)
_CLAUSE_OPENS = re.compile(r"(?:^|[,;:(]|--|—|\b(?:and|but))\s*$", re.I)
_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
# A date that anchors an offset: "Speaking a few days after Jackson's 25 June death, Mr Chernoff
# denied ...", "weeks before the April 20 explosion": the sentence tells of another day. So does a
# date right after a word that puts the sentence's event before or after it, or after the few words
# that name what it is the date of: "Haiti imposed new controls on adoptions after the 12 January
# earthquake", "5,000 barrels a day have leaked since 20 April", "until 15 July", "reconstruction
# will take several decades, following the devastating earthquake two weeks ago", "since the
# earthquake on 12 January".
_OFFSET_BEFORE = re.compile(
    r"\b(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before)\s+(?:[\w'’-]+\s+){0,3}$"
    r"|\b(?:after|since|following|before|until|till|ahead\s+of|prior\s+to)\s+(?!(?:then|that|all)\b)"
    r"(?:(?:the|an?|last)\s+)?(?:(?:[\w'’-]+\s+){0,3}(?:on|of|in)\s+|(?:[\w'’-]+\s+){1,3})?$",
    re.I,
)
# ... unless the sentence goes on to tell what happened that day: "Oil has been gushing ... since 22
# April, when BP's Deepwater Horizon rig exploded and sank."
_WHEN_AFTER = re.compile(r",?\s+when\b", re.I)
# What happens every year names no date: "the rainy season, which typically begins in May".
_HABITUAL = re.compile(
    r"\b(?:typically|usually|normally|generally|traditionally|customarily|each\s+year|every\s+year|annually)\b"
    r"[^,.;:]*$",
    re.I,
)


def anchors_an_offset(sentence: str, start: int, end: int | None = None) -> bool:
    """Whether the date at ``start`` (to ``end``) in ``sentence`` is what an offset counts from
    ("days after the April 20 explosion", "since 20 April"), not the day the sentence tells of."""
    if end is not None and _WHEN_AFTER.match(sentence, end):
        return False
    return bool(_OFFSET_BEFORE.search(sentence, max(0, start - 60), start))


def dates_another_event(sentence: Sentence, timex: Timex) -> bool:
    """Whether ``timex`` (offsets into the article) dates something other than what ``sentence``
    tells: what an offset counts from ("weeks after the April 20 explosion",
    :func:`anchors_an_offset`), or a clause about someone ("Ghonim, who was freed Monday, said ...",
    :func:`in_a_side_clause`). One test for both timeline paths."""
    start, end = timex.start - sentence.start, timex.end - sentence.start
    return anchors_an_offset(sentence.text, start, end) or in_a_side_clause(sentence.text, start, end)


def in_a_side_clause(sentence: str, start: int, end: int) -> bool:
    """Whether the date at ``start`` to ``end`` in ``sentence`` is inside a relative clause set off
    by commas ("Ghonim, who was freed Monday, said it is no longer the time to negotiate"): it dates
    the clause, not what the sentence tells."""
    opened = _SIDE_CLAUSE_OPENS.search(sentence, max(0, start - 80), start)
    return opened is not None and _SIDE_CLAUSE_CLOSES.match(sentence, end) is not None


# ", who ...", ", whose ..." with no other clause mark up to the date, closed by a comma or by the
# sentence's end. Not ", which ...": that clause is often the event itself ("The top kill attempt,
# which began on Wednesday, involves ...").
_SIDE_CLAUSE_OPENS = re.compile(r",\s+(?:who|whose)\b[^,;:()\[\]\"“”—–]*$", re.I)
_SIDE_CLAUSE_CLOSES = re.compile(r"[^,;:()\[\]\"“”—–]*(?:,|[.!?]?[\"”’']?\s*$)")


_DURATION = re.compile(r"^P(\d+)([DWMY])$")


class DateResolver(Protocol):
    """Finds temporal expressions in a text, resolved against a reference date when given."""

    def find(self, text: str, reference: dt.date | None) -> list[Timex]:
        """The expressions in ``text`` with offsets into it, relative ones resolved against ``reference``
        (their ``value`` None without one)."""
        ...


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
    redundancy_similarity: float = 1.0,
    count_sources: SourceCounter = distinct_sources,
    preference: Preference = no_preference,
    quotable: Callable[[Sentence], bool] | None = None,
    citation_probability: float | None = None,
) -> tuple[Event, ...]:
    """``quotable``: the sentences that may tell an event (default: all); the others (a question, a
    reader's comment, the writer's own voice, as in :func:`digest.tls.is_chatter`, or a transcript's
    speech) give no dated candidate. Of entries whose sentences are ``redundancy_similarity`` or more
    alike, the best-ranked is kept (by default only one sentence's dates compete). An entry cites the
    members of its group that say what its sentence says (:func:`digest.support.says_the_same` at
    least ``citation_probability``; None: all); the others are ``related``. All rank it."""
    candidates = _candidates(articles, sentences, resolver, references)
    if quotable is not None:
        candidates = [c for c in candidates if quotable(sentences[c.sentence])]
    groups = _merge(candidates, embeddings, labels, merge_similarity, FigureCheck(sentences).differ)
    scored: list[tuple[float, int, Event]] = []
    # What the story is about, each article weighing the same: a programme listing of 500 lines in a
    # collection of short reports does not make its own lines the central ones.
    collection = story_direction(sentences, embeddings) if len(embeddings) else None
    for group in groups:
        members = sorted({c.sentence for c in group})
        tier = min(preference(sentences[i]) for i in members)
        eligible = {i for i in members if preference(sentences[i]) == tier}
        # The event's date is the most precise one its quotable members name, and its text one
        # that names it: "21 June" is not shown above "BP will suspend its dividend for the rest
        # of this year" because another member names the payment due on 21 June.
        dating = min(
            (c for c in group if c.sentence in eligible),
            key=lambda c: (_PRECISION_RANK.get(c.precision, 9), c.sentence),
        )
        carrying = {c.sentence for c in group if c.sentence in eligible and c.value == dating.value}
        best = max(carrying, key=lambda i: (*representative_rank(quality[i], sentences[i].text), -i))
        n_sources = count_sources([sentences[i].article_id for i in members])
        centrality = float(embeddings[members].mean(axis=0) @ collection) if collection is not None else 0.0
        quoted = sentences[best].text
        cited = [
            i
            for i in members
            if i == best
            or cites(quoted, sentences[i].text, float(embeddings[i] @ embeddings[best]), citation_probability)
        ]
        event = Event(
            value=dating.value,
            precision=dating.precision,  # type: ignore[arg-type]
            label=dating.label,
            sort_key=dating.start,
            text=sentences[best].text,
            citations=tuple(citation_of(sentences[i]) for i in cited),
            evidence=tuple(
                _evidence(sentences[c.sentence], c)
                for c in sorted(group, key=lambda c: c.sentence)
                if c.sentence in cited
            ),
            representative=citation_of(sentences[best]),
            mod=dating.timex.mod,
            independent_count=int(count_sources([sentences[i].article_id for i in cited])),
            related=tuple(citation_of(sentences[i]) for i in members if i not in cited),
        )
        # Where the date sits in the quoted sentence breaks a tie between the dates of one sentence:
        # "... valued at $442 million in 2008, up 2 percent from the previous year" is of 2008.
        # An entry that leans on the sentence before it ("He said the star still had a faint pulse
        # ... on Thursday afternoon.") tells a reader less than one that stands alone: it ranks lower.
        weight = (n_sources + centrality) * (0.6 + 0.4 * self_contained(event.text))
        scored.append((weight, dating.timex.start - sentences[best].start, event, best))
    scored.sort(key=lambda t: (-round(t[0], 6), t[1], t[2].sort_key, t[2].text))
    kept: list[Event] = []
    told: list[int] = []  # the rows of the kept entries' sentences
    for _, _, event, row in scored:  # a sentence tells one event: keep its best-ranked date
        if any(float(embeddings[row] @ embeddings[r]) >= redundancy_similarity for r in told):
            # one fact, one entry: "... routine inspections ... in February, March and April this
            # year" and "... in February, March and on April 1" are not a February and an April 1 entry
            continue
        if len(kept) < max_events and not any(_same_sentence(event.text, e.text) for e in kept):
            # A year or longer is background: one entry for it ("1918": the flu pandemic once, not
            # its death toll, its start and the strain's origin as three entries).
            if _PRECISION_RANK[event.precision] >= _PRECISION_RANK["year"] and any(
                e.value == event.value and e.precision == event.precision for e in kept
            ):
                continue
            kept.append(event)
            told.append(row)
    return tuple(sorted(kept, key=lambda e: (e.sort_key, e.label, e.text)))


def _same_sentence(a: str, b: str) -> bool:
    """Whether two events quote one sentence: the same words, or one within the other ("Unrest in
    Egypt: Thousands of demonstrators took to the streets ... on Friday" under 28 January, and the
    sentence alone, from another copy of the story, under the "Tuesday" it also names)."""
    x, y = sorted((" ".join(words(a)), " ".join(words(b))), key=len)
    return x == y or (x.count(" ") >= 5 and f" {x} " in f" {y} ")


_PRECISION_RANK = {
    "day": 0,
    "week": 1,
    "month": 2,
    "season": 3,
    "quarter": 3,
    "half": 4,
    "year": 5,
    "decade": 6,
    "century": 7,
}


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
        indices = sorted(indices, key=lambda i: sentences[i].start)  # in text order (as segmented)
        starts = [sentences[i].start for i in indices]
        for timex in resolver.find(article.text, reference):
            k = bisect_right(starts, timex.start) - 1  # the last sentence starting at or before it
            owner = indices[k] if k >= 0 and timex.start < sentences[indices[k]].end else None
            if owner is None or not timex.value:
                continue
            candidate = _candidate(sentences[owner], article.text, owner, timex, reference)
            if candidate:
                out.append(candidate)
    return out


def dating(
    sentence: Sentence, text: str, timex: Timex, reference: dt.date | None
) -> tuple[str, str, str, dt.date, dt.date] | None:
    """How ``digest build`` dates an event by ``timex`` (offsets into ``text``, the article's) in
    ``sentence``: (value, precision, label, first day, last day), "late 2024" its last third, "for
    the past three weeks" the 3 weeks before the reference date; None when it dates nothing (a
    date an offset counts from, a century, an unanchored duration)."""
    c = _candidate(sentence, text, -1, timex, reference)
    return None if c is None else (c.value, c.precision, c.label, c.start, c.end)


def _anchored_duration(sentence: str, at: int, timex: Timex) -> bool:
    """Whether the duration ``timex`` at ``at`` in ``sentence`` ends at the reference date: "for the
    past three weeks", or "for" with the perfect whose verb it belongs to, before it ("have not been
    seen at the frontline for about two weeks") or after it ("for 30 years has ruled"), not another
    clause's ("has launched an appeal ... intended to help three million people for six months")."""
    head = sentence[:at]
    if _ANCHORED_TEXT.match(timex.text) or _ANCHORED_BEFORE.search(head[-40:]):
        return True
    found = _FOR_BEFORE.search(head[-40:])
    if not found:
        return False
    opening = head[: len(head) - len(found.group())]
    after = _PERFECT_AFTER.match(sentence, at + timex.end - timex.start)
    if after and _PERFECT.match(sentence, after.end()):
        comma = after.group("comma")
        subject = (after.end("comma") if comma else after.start(), after.end())
        if not _OTHER_CLAUSE.search(sentence, *subject) and (not comma or _CLAUSE_OPENS.search(opening)):
            return True
    perfects = list(_PERFECT.finditer(head))
    if not perfects:
        return False
    group_end = perfects[-1].end()
    if perfects[-1].group().lower().endswith("been") and (rest := _AFTER_BEEN.match(head, group_end)):
        group_end = rest.end()
    return not _OTHER_CLAUSE.search(opening, group_end)


def _candidate(sentence: Sentence, text: str, owner: int, timex: Timex, reference: dt.date | None) -> _Candidate | None:
    value = timex.value or ""
    if timex.type == "DURATION":
        match = _DURATION.match(value)
        if not (match and reference and _anchored_duration(sentence.text, timex.start - sentence.start, timex)):
            return None
        n, unit = int(match.group(1)), match.group(2)
        days = n * {"D": 1, "W": 7, "M": 30, "Y": 365}[unit]
        start = reference - dt.timedelta(days=days)
        label = f"the {n} {_UNITS[unit]}{'s' if n != 1 else ''} before {_day(reference)}"
        return _Candidate(owner, timex, start.isoformat(), start, reference, label, "week")
    if timex.type not in ("DATE", "TIME"):
        return None
    if dates_another_event(sentence, timex):
        return None
    if _HABITUAL.search(sentence.text, max(0, timex.start - sentence.start - 60), timex.start - sentence.start):
        return None  # "the rainy season, which typically begins in May": every year's May, no date
    date_value = value[:10] if timex.type == "TIME" else value
    span = interval(date_value)
    if span is None:
        return None
    start, end = _narrow(span, timex.mod)
    prec = precision(date_value)
    if prec == "century":  # "the first pandemic of the 21st century" dates no event
        return None
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
    candidates: list[_Candidate],
    embeddings: np.ndarray,
    labels: np.ndarray,
    threshold: float,
    differ: Callable[[int, int], bool],
) -> list[list[_Candidate]]:
    """Group candidates that date the same statement: a candidate joins a group only if, with every
    member, its dates overlap and it makes the same statement (same cluster, or similar above the
    threshold) with no figure ``differ`` says is another value ("for about two weeks" against "for
    the past three weeks"). Complete linkage: no chains from "late 2024" to "last week" through a
    third sentence."""
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
                if not (same or sim >= threshold) or differ(c.sentence, m.sentence):
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
    return DateEvidence(citation_of(sentence), c.timex.start, c.timex.end, c.timex.text, c.value, label=c.label)


def relative_dates(
    article: Article,
    sentence: Sentence,
    resolver: DateResolver,
    reference: dt.date | None,
    *,
    found: Sequence[Timex] | None = None,
) -> tuple[DateEvidence, ...]:
    """The expressions in ``sentence`` whose date depends on its article's reference date ("Last
    week", "on Friday", "for the past three weeks"), with the dates they name as the timeline
    resolves them: a key point quotes "Last week, Western officials told the BBC ...", and its
    reader is told which week. Dates written out in full ("in late 2024") are not repeated.

    ``found``: the expressions ``resolver`` finds in the article's text against ``reference``, when
    the caller has them already (several key points quote one long article)."""
    if reference is None:
        return ()
    out: list[DateEvidence] = []
    for timex in resolver.find(article.text, reference) if found is None else found:
        if not (sentence.start <= timex.start and timex.end <= sentence.end) or not timex.value:
            continue
        if timex.type != "DURATION" and not timex.anchored:
            continue
        # a duration is a date only when it ends at the reference ("for the past three weeks");
        # the candidate's sentence index (0) is not used here
        candidate = _candidate(sentence, article.text, 0, timex, reference)
        if candidate is not None:
            label = _bounded(candidate.label, timex, candidate.precision)
            out.append(replace(_evidence(sentence, candidate), label=label))
    return tuple(out)


# Days counted back approximately: "more than two weeks ago" is before the day two weeks back, "less
# than a week ago" after the day a week back; at a coarser precision, or "about", only about it.
_EARLIER = {"MORE_THAN": "before", "EQUAL_OR_MORE": "on or before"}
_LATER = {"LESS_THAN": "after", "EQUAL_OR_LESS": "on or after"}


def _bounded(label: str, timex: Timex, prec: str) -> str:
    if timex.type != "DATE" or timex.mod not in ("APPROX", *_EARLIER, *_LATER):
        return label
    if prec == "day" and timex.text.lower().endswith("ago"):
        word = _EARLIER.get(timex.mod) or _LATER.get(timex.mod)
        if word:
            return f"{word} {label}"
    return f"about {label}"


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


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def human_date(value: str, prec: str, mod: str | None = None) -> str:
    """A TimeML date value at its precision: "15 November 2024", "August 2024", "late 2024",
    "winter 2009–10"."""
    span = interval(value)
    if span is None:
        return value
    start = span[0]
    if prec == "day" and mod in ("START", "END"):  # "late Tuesday": "late on 20 April 2010"
        return f"{_MODS[mod]} on {_day(start)}"
    prefix = _MODS.get(mod or "", "")
    sep = "" if prefix.endswith("-") or not prefix else " "
    if prec == "day":
        text = _day(start)
    elif prec == "week" and value.endswith("-WE"):  # "the weekend": "weekend of 12–13 June 2010"
        text = f"weekend of {human_period(start, span[1])}"
    elif prec == "week":
        text = f"week of {_day(start)}"
    elif prec == "month":
        text = f"{_MONTHS[start.month - 1]} {start.year}"
    elif prec == "season" and value[5:7] == "WI":  # December to February: "winter 2009–10"
        text = f"winter {start.year}–{(start.year + 1) % 100:02d}"
    elif prec == "season":
        text = f"{_SEASONS.get(value[5:7], 'season')} {value[:4]}"
    elif prec == "quarter":
        text = f"Q{value[-1]} {value[:4]}"
    elif prec == "half":
        text = f"{'first' if value.endswith('1') else 'second'} half of {value[:4]}"
    elif prec == "decade":
        text = f"the {value[:3]}0s"
    elif prec == "century":
        text = f"the {_ordinal(int(value[:2]) + 1)} century"
    else:
        text = str(start.year)
    return f"{prefix}{sep}{text}" if prefix else text

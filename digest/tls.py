"""Timelines of large dated collections (timeline summarization): the L most important days
and K sentences for each, every sentence cited and dated.

Pure: no file I/O, no clock, no printing; progress goes to ``progress(stage, done, total)``
with the stages "dating", "embedding" (from the embedder) and "selecting".

1. Articles published outside ``[config.start, config.end]`` are left out; the rest are cleaned
   (``clean=False`` for text that is already one clean sentence per line, such as Timeline17)
   and segmented; a dateline run into an article's first sentence is cut off.
2. Dating: each sentence with a cue of a day-precise date (a weekday, "yesterday", a month
   name, a number...) is tagged with :func:`digest.timex.find_timexes`, relative expressions
   resolved against the article's own publication date (``config.as_of`` when given; for an
   article without a publication date, the date :func:`digest.reference.choose_reference`
   infers, which the briefing's reference states). A sentence *mentions* a day when it
   holds a day-precise DATE (or TIME) expression inside the window (``config.start``..``end``;
   without them, from 30 days before the first publication to the last).
3. Date importance: the number of distinct articles that mention the day (an article counts
   once however often it repeats it), plus a quarter of the articles published on the day or
   the day after that do not mention it (news of a day is mostly published then). With
   keywords, only mentions in sentences that contain one count (a day named in off-topic text,
   such as a programme listing, is not an event of the topic); without keywords, the words most
   articles use stand in for them (:func:`story_words`). Ties: more mentioning sentences,
   then the earlier day. Only days some sentence names can be chosen.
4. Sentences per day, days in order of importance until L days have a sentence. Candidates: the
   sentences that name the day (dated by a span of their own text) and, as in news-tls, the
   first sentences of articles published on the day or the day after that name no date at all
   (only on the one of the two days its article named last before it, when that names one: a
   report that officials "said on Tuesday", published on Tuesday, goes on with Tuesday's news;
   dated by their article's publication date: the event's evidence is then an empty span at
   the sentence's start whose value is the publication date; renderers can say "published
   ..."), unless they open with a word that points back ("He explains ...") or name no
   actor, place or figure ("The flu virus is a survivor.", :func:`digest.select.is_specific`).
   Lexical centrality (TF-IDF cosine to the centroid of all the day's candidates) shortlists
   the eligible ones
   (keywords as in news-tls: the sentence contains one, case-insensitively; 5 to 35 words;
   self-contained, and no demonstrative subject standing for the sentence before ("That is
   more than 30% higher ...", see :func:`digest.text.restates_previous`); not chatter: no reader
   comment, no first-person line, no question, see :func:`is_chatter`; not under a page's
   reader comments, see :func:`digest.clean.comments_start`; not a broadcast transcript's speech, see
   :func:`digest.transcript.speech_start`; saying more than a date, see
   :func:`says_more_than_when`). The shortlists of the next days are embedded in one call, and
   K sentences are picked greedily by embedding centrality among the day's shortlist plus
   lexical centrality, skipping near-duplicates of the day's picks. No sentence (nor an
   identical text, nor a near-copy of a sentence of another day, nor a text within another's or
   with another within it) is used twice in the timeline.
5. Too few days: when the articles name fewer than L days with a usable sentence and the
   collection is not a large dated one (:func:`large_and_dated`: a few articles, or undated
   ones), the weeks, months, seasons, quarters, halves and years they name fill the other dates
   (:func:`period_mentions`: over when the article was written, and not over before
   ``config.start``, else a year before the window),
   ranked as days are by the articles naming them (:func:`rank_periods`), with sentences chosen
   as for a day. A large dated collection's timeline holds days only, as Timeline17's does.
   In a small collection (``config.large_collection`` articles or fewer), copies are found as
   ``digest build`` finds them: a copy counts with its original, and a picked sentence gives
   way to a candidate that says the same in an original's wording.
6. One Event per chosen sentence, citing it and, one per article, the date's other candidates
   that say the same (the same words, or among the shortlist cosine >= redundancy_similarity),
   each with the span that dates it; chronological, a period before the days it holds.

Memory: linear in the collection (the sentence list, mention lists, one sparse TF-IDF vector
per candidate of the day being shortlisted); embeddings only for the shortlists (at most
max(12, 4K) sentences a day), except that a small collection (2 to ``config.large_collection``
articles) embeds every sentence to find its copies; never a matrix over all sentences.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from digest.clean import (
    CAPTION_MAX_SENTENCES,
    HEADLINE_LINES,
    clean_articles,
    comments_start,
    cut_run_in_boxes,
    dateline_end,
    has_comment_header,
    has_link_age,
    lead_in_end,
    lower_case_words,
    opens_with_credit,
    opens_with_dateline,
    published_stamp,
    run_in_dateline_end,
    run_in_parts,
)
from digest.config import Config, TimelineSettings
from digest.conflicts import FigureCheck
from digest.embed import Embedder, ProgressFn, SentenceTransformerEmbedder
from digest.errors import InputError, named
from digest.reference import choose_reference, dated_by_datelines
from digest.segment import english_articles, segment, usable
from digest.select import (
    Preference,
    citation_of,
    is_specific,
    leans_on_previous,
    part_of_a_quotation,
    self_contained,
)
from digest.sourcing import AttestationCopyDetector, CopyDetector, SourceGraph
from digest.stories import without_off_story
from digest.text import (
    DATE_LABEL,
    FIRST_PERSON,
    addresses_the_reader,
    content_words,
    gives_contact,
    has_words,
    normalize,
    opens_with_reference,
    reports_nothing,
    restates_previous,
    word_count,
    words,
)
from digest.timeline import dates_another_event, dating, human_date
from digest.timex.lexicon import MONTHS, WEEKDAYS
from digest.transcript import speech_start
from digest.types import Article, Briefing, Citation, DateEvidence, Event, Sentence, Timex, check_articles

if TYPE_CHECKING:
    import numpy as np


__all__ = [
    "build_timeline",
    "date_mentions",
    "is_chatter",
    "large_and_dated",
    "lead_mentions",
    "period_key",
    "period_mentions",
    "rank_dates",
    "rank_periods",
    "says_more_than_when",
    "story_words",
    "timeline_events",
]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Mention:
    """A sentence about a day: the sentence (index into the sentence list) and the span that
    names the day, or None for a lead sentence dated by its article's publication date."""

    sentence: int
    day: dt.date  # for a coarser period, its first day
    timex: Timex | None  # offsets into the article text
    published: dt.date | None = None
    value: str | None = None  # a coarser period's TimeML value ("2024-08"); None for a day
    precision: str = "day"
    last: dt.date | None = None  # a coarser period's last day
    label: str | None = None  # a coarser period's human form ("late 2024", "the 3 weeks before ...")


def build_timeline(
    articles: Sequence[Article],
    config: Config,
    *,
    embedder: Embedder | None = None,
    progress: ProgressFn | None = None,
    clean: bool | Callable[[Sequence[Article]], list[Article]] = True,
    find: Callable[[str, dt.date | None], list[Timex]] | None = None,
    segment: Callable[[Sequence[Article]], list[Sentence]] | None = None,
    copy_detector: CopyDetector | None = None,
) -> Briefing:
    """A timeline of ``config.max_dates`` days with ``config.per_date`` cited sentences each.

    ``articles`` are raw (uncleaned) articles; those with a publication date outside
    ``config.start``..``config.end`` are left out. The Briefing's ``events`` are the timeline
    (one Event per sentence, chronological); it has no key points and no clusters.
    An article left without sentences stops the run, or with ``config.skip_unusable`` is left
    out and listed in the Briefing's ``skipped`` (:func:`digest.segment.usable`).
    ``clean=False`` skips digest's cleaner, for text already reduced to its sentences; a function
    replaces :func:`digest.clean.clean_articles` (same articles), e.g. a
    :class:`digest.cache.CachedCleaning` so a re-run skips the cleaning.
    ``find`` replaces the date tagger :func:`digest.timex.find_timexes` (same signature), e.g.
    a :class:`digest.cache.CachedTimexes` so a re-run skips the tagging (a tagger with a
    ``find_many`` method is asked in batches). ``segment`` replaces :func:`segment_all` (same
    sentences), e.g. a :class:`digest.cache.CachedSegments` so a re-run skips the segmenting.
    ``copy_detector`` finds the copies of a small collection (2 to ``config.large_collection``
    articles; default :class:`digest.sourcing.AttestationCopyDetector`, as in ``digest build``).
    """
    check_articles(articles)
    kept = [a for a in articles if _in_window(a.published, config.start, config.end)]
    if not kept:
        where = f" between {config.start or '...'} and {config.end or '...'}" if config.start or config.end else ""
        paths = sorted({a.path for a in articles if a.path})
        raise InputError(named(paths) or "(input)", f"no articles published{where} to build a timeline from")
    if clean is True:
        cleaned = clean_articles(kept)
    elif clean is False:
        cleaned = list(kept)
    else:  # a replacement for clean_articles, e.g. digest.cache.CachedCleaning
        cleaned = clean(kept)
    sentences = cut_run_in_boxes((segment or segment_all)(english_articles(cleaned)))
    cleaned, skipped = usable(
        cleaned, sentences, skip_unusable=config.skip_unusable, originals={a.id: a.text for a in kept}
    )
    if embedder is None:
        embedder = SentenceTransformerEmbedder.from_config(config)
    if find is None:
        from digest.timex import find_timexes as find
    finder = _Finder(find)
    reference, references = choose_reference(cleaned, finder, as_of=config.as_of)
    graph = SourceGraph()
    chooser_embedder = embedder
    if 2 <= len(cleaned) <= config.large_collection:
        # A few articles: copies are found as `digest build` finds them (every sentence embedded,
        # cheap at this size). A copy counts with its original, and is quoted only where no
        # original says the same (a spun copy's "particular forces" is never an entry's wording).
        import numpy as np

        from digest.embed import PrecomputedEmbedder

        vectors = np.asarray(embedder.encode([s.text for s in sentences], progress=progress), dtype=np.float32)
        # a page about something else says nothing the others say: left out, and named (digest.stories)
        cleaned, sentences, rows, off = without_off_story(cleaned, sentences, vectors, config)
        if off:
            vectors, skipped = vectors[rows], (*skipped, *off)
            reference, references = choose_reference(cleaned, finder, as_of=config.as_of)
        graph = (copy_detector or AttestationCopyDetector()).analyze(cleaned, sentences, vectors)
        # the day's candidates are among these sentences: not embedded twice
        chooser_embedder = PrecomputedEmbedder(
            dict(zip((s.text for s in sentences), vectors, strict=True)), name=embedder.name
        )
    graph = graph.with_outlets(cleaned)
    events, _counts = timeline_events(
        dated_by_datelines(cleaned, finder),
        sentences,
        config,
        embedder=chooser_embedder,
        progress=progress,
        find=find,
        references=references,
        count_sources=graph.independent_count,
        preference=graph.preference if graph.derivations else None,
    )
    return Briefing(
        title=_title(cleaned, config, events),
        articles=tuple(cleaned),
        sentences=tuple(sentences),
        clusters=(),
        key_points=(),
        events=events,
        reference=reference,
        derivations=graph.derivations,
        model=embedder.name,
        settings=config.record(),
        kind="timeline",
        skipped=skipped,
    )


def segment_all(articles: Sequence[Article], *, min_words: int = 2) -> list[Sentence]:
    """Sentences of every article (:func:`segment_article`, with the words the collection writes
    in lower case), densely indexed per article; articles without any are skipped."""
    lower_words = lower_case_words(a.text for a in articles)
    out: list[Sentence] = []
    for article in articles:
        out.extend(segment_article(article, min_words=min_words, lower_words=lower_words))
    return out


def segment_article(
    article: Article, *, min_words: int = 2, lower_words: frozenset[str] = frozenset()
) -> list[Sentence]:
    """The article's sentences with at least ``min_words`` words, indexed 0, 1, ...; each
    sentence's text is ``article.text[start:end]``.

    A dateline run into an article's first sentences ("MEXICO CITY | Fri Apr 24, 2009 7:50 pm
    EDT MEXICO CITY (Reuters) - A strain of flu ...", "... 26 April 2009 10.40 BST A couple ...",
    "AP NEW ORLEANS -- Oil from ...", or after photo captions "NEW ORLEANS (AP) -- Choppy seas ...")
    is publication metadata, not a statement: the sentence starts after it. So is a live blog's
    update stamp opening a sentence anywhere ("(Update 4:33 a.m. Thursday in Cairo, 9:33 p.m. ET
    Wednesday) Heavy gunfire ..."): it says when the entry was posted, not what happened; and a
    photo caption with its credit ("... Photograph: Sean Gardner/Reuters Scientists warned ...").
    A headline or caption run into a sentence without punctuation ("Haiti survivors sleep on
    streets Thousands of people ...", with the collection's ``lower_words``: see
    :func:`digest.clean.run_in_parts`) is a sentence of its own, as if the line break were there;
    a page's update stamp ("24 June 2010 Last updated at 14:59 GMT Help") is left out.
    """
    found: list[tuple[int, int]] = []
    text = article.text
    line_start = -1  # where the last sentence's line starts
    after_stamp = -1  # where the text after a page's stamp starts: a caption may follow it
    for start, end in segment(text, skip=article.headings):
        line_start, previous = text.rfind("\n", 0, start) + 1, line_start
        alone = line_start != previous  # the first sentence of its line
        cut, _reason = lead_in_end(text[start:end])
        start += cut
        if len(found) < 3 or opens_with_dateline(text[start:end]):
            dateline = dateline_end(text[start:end])
            if len(found) < HEADLINE_LINES and published_stamp(text[start : start + dateline]):
                after_stamp = start + dateline  # a headline and its page's stamp, cut as a dateline
            start += dateline
        if len(found) < HEADLINE_LINES:  # a headline or story highlights run into an agency's dateline
            start += run_in_dateline_end(text[start:end])
        # A headline run into the sentence is a sentence of its own, a page's update stamp none.
        page = text if len(found) < HEADLINE_LINES else ""
        pieces = [(start + s, start + e) for s, e in run_in_parts(text[start:end], page, lower_words)]
        if page:
            gaps = [b for (_, a), (b, _) in itertools.pairwise([(start, start), *pieces]) if text[a:b].strip()]
            after_stamp = gaps[-1] if gaps else after_stamp
        if _captioned(text, end):  # the picture's caption: its credit opens the next line
            worded = [p for p in pieces if has_words(text[p[0] : p[1]], min_words)]
            spans = [*found, *worded]
            caption = _caption_after_stamp(text, spans, after_stamp)
            if caption < len(spans):
                found, pieces = spans[:caption], []
            elif page and alone:
                pieces.pop()
            after_stamp = -1
        found.extend((s, e) for s, e in pieces if has_words(text[s:e], min_words))
    return [Sentence(article.id, i, s, e, text[s:e]) for i, (s, e) in enumerate(found)]


def _caption_after_stamp(text: str, spans: Sequence[tuple[int, int]], after_stamp: int) -> int:
    """Where a picture's caption starts among ``spans`` when the line after the last one opens with
    its credit: every sentence since the page's stamp (at ``after_stamp``), when each is a line of its
    own and there are at most :data:`digest.clean.CAPTION_MAX_SENTENCES` (as
    :func:`digest.clean.caption_after_stamp` for cleaned text); else ``len(spans)``."""
    since = [i for i, (s, _) in enumerate(spans) if s >= after_stamp] if after_stamp >= 0 else []
    if not since or not len(since) <= CAPTION_MAX_SENTENCES:
        return len(spans)
    for s, e in (spans[i] for i in since):
        alone_before = s == after_stamp or not text[text.rfind("\n", 0, s) + 1 : s].strip()
        newline = text.find("\n", e)
        alone_after = not text[e : newline if newline >= 0 else len(text)].strip()
        if not (alone_before and alone_after):
            return len(spans)
    return since[0]


def _captioned(text: str, end: int) -> bool:
    """Whether the sentence ending at ``end`` ends its line and the next line opens with a photo
    credit (:func:`digest.clean.opens_with_credit`): on a page's first lines, the line's only sentence
    is then the caption (or ends with it)."""
    newline = text.find("\n", end)
    return newline >= 0 and not text[end:newline].strip() and opens_with_credit(text[newline + 1 :].lstrip())


def timeline_events(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    config: Config,
    *,
    embedder: Embedder,
    progress: ProgressFn | None = None,
    find: Callable[[str, dt.date | None], list[Timex]] | None = None,
    references: Mapping[str, dt.date | None] | None = None,
    count_sources: Callable[[Sequence[str]], float] | None = None,
    preference: Preference | None = None,
) -> tuple[tuple[Event, ...], dict[dt.date, int]]:
    """The timeline's events for already cleaned and segmented articles, and the number of
    articles mentioning each chosen day. Reusable by ``digest build`` on large collections.

    ``references``: the date each article's relative expressions resolve against (article id ->
    date), e.g. from :func:`digest.reference.choose_reference`; by default its publication date.
    An event cites its sentence and, one per article, the date's other candidates that say the
    same (:meth:`_Chooser.saying_the_same`), each with the span that dates it; its
    ``independent_count`` is the number of independent sources among the cited articles, as
    ``count_sources`` counts them (article ids -> sources, e.g.
    :meth:`digest.sourcing.SourceGraph.independent_count`); by default the articles of one named
    outlet count once. ``preference`` ranks wordings (:meth:`digest.sourcing.SourceGraph.preference`:
    0 an original's, 2 a copy's): a picked sentence gives way to the most central of the day's
    candidates that say the same thing in a preferred wording."""
    if count_sources is None:
        count_sources = SourceGraph().with_outlets(articles).independent_count
    window = _window(articles, config, references)
    mentions = date_mentions(articles, sentences, window=window, progress=progress, find=find, references=references)
    settings = config.timeline
    if not config.keywords and settings.story_words:
        # the story's own words stand in for keywords: an aside or a programme listing is no entry
        config = replace(config, keywords=story_words(articles, sentences, count=settings.story_words))
    ranked = rank_dates(articles, sentences, mentions, window=window, settings=settings, keywords=config.keywords)
    by_day: dict[dt.date, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_day[m.day].append(m)
    for m in lead_mentions(articles, sentences, mentions, window=window, settings=settings):
        if m.day in by_day:  # only days some sentence names can be chosen
            by_day[m.day].append(m)
    idf, terms = _idf(sentences, {m.sentence for m in mentions})
    published = {a.id: a.published for a in articles}
    # Reader comments and a broadcast transcript's speech are never entries (see _Chooser).
    story_end = {a.id: min(comments_start(a.text), speech_start(a.text)) for a in articles}
    chooser = _Chooser(sentences, config, embedder, settings, idf, published, terms, story_end, preference)
    chosen: list[tuple[dt.date | str, list[Mention]]] = []
    _choose(chosen, (day for day, _score in ranked), by_day, chooser, config.max_dates, progress)
    by_period: dict[str, list[Mention]] = {}
    if len(chosen) < config.max_dates and settings.fill_periods and not large_and_dated(articles, config):
        # Too few days: the weeks, months, seasons and years the articles name most fill the rest
        # (a few undated articles: "Last August ...", "From November onwards ...").
        since = config.start or (_days_before(window[0], PERIOD_LOOKBACK.days) if window[0] else None)
        periods = period_mentions(articles, sentences, since=since, until=window[1], find=find, references=references)
        for m in periods:
            by_period.setdefault(period_key(m), []).append(m)
        ranking = rank_periods(sentences, periods, keywords=config.keywords)
        _choose(chosen, ranking, by_period, chooser, config.max_dates, progress)
    counts = {
        key: len({sentences[m.sentence].article_id for m in by_day[key]})
        for key, _ in chosen
        if isinstance(key, dt.date)
    }
    events: list[Event] = []
    # A sentence supports one entry of the timeline: a lead is a candidate for the day it was
    # published and the day before, and an entry's own sentence supports no other.
    cited: set[int] = {m.sentence for _, picked in chosen for m in picked}
    for key, picked in sorted(chosen, key=lambda t: _chronological(t[1][0])):
        # in text order, once for the date's picks
        group = sorted(by_period[key] if isinstance(key, str) else by_day[key], key=lambda x: x.sentence)
        for m in picked:
            if m.value is not None:  # a coarser period
                value, precision, label = m.value, m.precision, m.label or m.value
            else:
                value, precision = m.day.isoformat(), "day"
                label = human_date(value, "day")
            support, related = chooser.saying_the_same(m, group, cited)
            cited.update(x.sentence for x in support)
            citations = tuple(citation_of(sentences[x.sentence]) for x in support)
            events.append(
                Event(
                    value=value,
                    precision=precision,  # type: ignore[arg-type]
                    label=label,
                    sort_key=m.day,
                    text=sentences[m.sentence].text,
                    citations=citations,
                    evidence=tuple(
                        _evidence(sentences[x.sentence], c, x, value, label)
                        for x, c in zip(support, citations, strict=True)
                    ),
                    representative=citations[0],
                    mod=m.timex.mod if m.timex else None,
                    independent_count=int(count_sources([c.article_id for c in citations])),
                    related=tuple(citation_of(sentences[x.sentence]) for x in related),
                )
            )
    return tuple(events), counts


def _evidence(s: Sentence, cite: Citation, m: Mention, value: str, label: str) -> DateEvidence:
    """What dates a cited sentence: the span that names the date, or, for a lead sentence dated by
    its article's publication, an empty span at the sentence with the publication date as value."""
    if m.timex is not None:
        return DateEvidence(cite, m.timex.start, m.timex.end, m.timex.text, m.value or value, label=label)
    assert m.published is not None
    published = m.published.isoformat()
    return DateEvidence(cite, s.start, s.start, "", published, origin="published", label=human_date(published, "day"))


def _chronological(m: Mention) -> tuple[dt.date, int]:
    """A date's place in the timeline: by its first day, a period before the days it holds
    ("January 2025", then "1 January 2025")."""
    return m.day, -((m.last or m.day) - m.day).days


def large_and_dated(articles: Sequence[Article], config: Config) -> bool:
    """Whether a collection is a day's or a month's coverage: more than ``config.large_collection``
    articles, at least 80% with a publication date (or a dateline). Its timeline holds days only,
    ranked by how many articles mention them (as Timeline17's); ``digest build`` gives it this
    module's timeline instead of one event per statement."""
    dated = sum(a.published is not None for a in articles)
    return len(articles) > config.large_collection and dated >= 0.8 * len(articles)


def _choose(
    chosen: list[tuple[dt.date | str, list[Mention]]],
    ranked: Iterable[dt.date | str],
    groups: Mapping[dt.date | str, Sequence[Mention]],
    chooser: _Chooser,
    wanted: int,
    progress: ProgressFn | None,
) -> None:
    """Append (date, picked sentences) to ``chosen``, dates in ``ranked`` order (days, or coarser
    periods by value), until ``wanted`` dates have a sentence or the ranking runs out."""
    queue = iter(ranked)
    while len(chosen) < wanted:
        # Shortlist candidates for the next dates lexically, embed them in one call (batched by
        # length: far faster than a call per date), then pick per date in order of importance.
        need = wanted - len(chosen)
        batch: list[tuple[dt.date | str, list[Mention]]] = []
        for key in queue:
            shortlist = chooser.shortlist(groups[key])
            if shortlist:
                batch.append((key, shortlist))
            if len(batch) >= need + max(2, need // 5):
                break
        if not batch:
            break
        chooser.embed([m for _, short in batch for m in short], progress)
        for key, shortlist in batch:
            if len(chosen) >= wanted:
                break
            picked = chooser.pick(shortlist)
            if picked:
                chosen.append((key, picked))
        if progress:
            progress("selecting", len(chosen), wanted)


# Periods a timeline falls back on when the articles name too few days; a decade or a century is
# background, not a date of the story. Without --start, periods over more than PERIOD_LOOKBACK
# before the window's first day are background too ("his infamous 2001 energy task force").
PERIOD_LOOKBACK = dt.timedelta(days=365)
_PERIODS = ("week", "month", "season", "quarter", "half", "year")
# Words without which a sentence names no such period (besides may_name_day's cues); substrings.
_PERIOD_CUES = ("week", "month", "year", "spring", "summer", "autumn", "fall", "winter", "season", "quarter", "half")


def period_mentions(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    find: Callable[[str, dt.date | None], list[Timex]] | None = None,
    references: Mapping[str, dt.date | None] | None = None,
) -> list[Mention]:
    """Every (sentence, period) where the sentence names a week, month, season, quarter, half or
    year ("Last August", "From November onwards", "last year", "late 2024": the last third of the
    year), or a span back from when it was written ("for the past three weeks"), dated as
    ``digest build`` dates events (:func:`digest.timeline.dating`), that was over when its article
    was written (by its reference date, else by ``until``): "this year" and "later this month"
    are no date of what happened. With ``since``, a period over before it is left out ("We must
    return to 1900"). Each with the first span that names it; a Mention's ``day`` is the period's
    first day, ``last`` its last, ``value`` and ``label`` the event's. Relative expressions
    resolve as in :func:`date_mentions`."""
    from digest.timex import find_timexes, may_name_day

    tag = find or find_timexes
    published = references if references is not None else {a.id: a.published for a in articles}
    texts = {a.id: a.text for a in articles}
    many = getattr(tag, "find_many", None) or (lambda items: [tag(text, ref) for text, ref in items])
    rows = [i for i, s in enumerate(sentences) if may_name_day(s.text) or _names_period(s.text)]
    found = many([(sentences[i].text, published.get(sentences[i].article_id)) for i in rows])
    out: list[Mention] = []
    for i, timexes in zip(rows, found, strict=True):
        s = sentences[i]
        written = published.get(s.article_id)
        seen: set[str] = set()
        for timex in timexes:
            if timex.type not in ("DATE", "DURATION") or not timex.value:
                continue
            at = replace(timex, start=s.start + timex.start, end=s.start + timex.end)
            dated = dating(s, texts[s.article_id], at, written)
            if dated is None:
                continue
            value, prec, label, first, last = dated
            if prec not in _PERIODS or label in seen:
                continue
            # "for the past three weeks" ends when written; "this year" does not
            if written is None:
                over = until is None or last <= until
            else:
                over = last <= written if timex.type == "DURATION" else last < written
            if not over:
                continue
            if since is not None and last < since:
                continue
            seen.add(label)
            out.append(Mention(i, first, at, value=value, precision=prec, last=last, label=label))
    return out


def _names_period(text: str) -> bool:
    low = text.lower()
    return any(cue in low for cue in _PERIOD_CUES)


def period_key(m: Mention) -> str:
    """A period mention's date: its label ("2024" and "late 2024" differ; "Last August" and "in
    August 2024" are one "August 2024")."""
    return m.label or m.value or ""


def rank_periods(
    sentences: Sequence[Sentence], mentions: Sequence[Mention], *, keywords: Sequence[str] = ()
) -> list[str]:
    """Periods (:func:`period_key`) by the number of distinct articles that mention them, as days
    are ranked (on-topic mentions only, with ``keywords``); ties: more mentioning sentences, the
    finer period, the earlier one."""
    wanted = _lowered(keywords)
    articles: dict[str, set[str]] = defaultdict(set)
    n_sentences: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.value is None or not _on_topic(sentences[m.sentence].text, wanted):
            continue
        key = period_key(m)
        articles[key].add(sentences[m.sentence].article_id)
        n_sentences[key] += 1
        first.setdefault(key, m)

    def order(value: str) -> tuple[int, int, int, dt.date, str]:
        m = first[value]
        return (-len(articles[value]), -n_sentences[value], ((m.last or m.day) - m.day).days, m.day, value)

    return sorted(articles, key=order)


def date_mentions(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    *,
    window: tuple[dt.date | None, dt.date | None] = (None, None),
    progress: ProgressFn | None = None,
    find: Callable[[str, dt.date | None], list[Timex]] | None = None,
    references: Mapping[str, dt.date | None] | None = None,
) -> list[Mention]:
    """Every (sentence, day) where the sentence names a day inside the window, with the first
    span that names it. Relative expressions resolve against ``references[article id]``, by
    default the article's publication date."""
    from digest.timex import find_in_sentences, find_timexes

    tag = find or find_timexes
    published = references if references is not None else {a.id: a.published for a in articles}
    # Each article's sentences go to the tagger together: a tagger with find_in_sentences (a
    # CachedTimexes: one stored entry per article) answers for the whole article, one with
    # find_many (a database query per few hundred sentences) for the sentences that may name
    # a day, a plain function sentence by sentence. Most sentences are never tagged.
    by_article = getattr(tag, "find_in_sentences", None)
    many = getattr(tag, "find_many", None) or (lambda items: [tag(text, ref) for text, ref in items])
    out: list[Mention] = []
    total = len(sentences)
    for runs in _article_runs(sentences, _DATING_CHUNK):
        groups = [([s.text for s in sentences[i:j]], published.get(sentences[i].article_id)) for i, j in runs]
        found = by_article(groups) if by_article else find_in_sentences(groups, find_many=many)
        for (first, last), per_sentence in zip(runs, found, strict=True):
            for i, timexes in zip(range(first, last), per_sentence, strict=True):
                s = sentences[i]
                seen: set[dt.date] = set()
                for timex in timexes:
                    day = _day_of(timex)
                    if day is None or day in seen or not _in_window(day, *window):
                        continue
                    seen.add(day)
                    span = replace(timex, start=s.start + timex.start, end=s.start + timex.end)
                    out.append(Mention(i, day, span))
        if progress:
            progress("dating", runs[-1][1], total)
    return out


_DATING_CHUNK = 2000


def _article_runs(sentences: Sequence[Sentence], size: int) -> Iterator[list[tuple[int, int]]]:
    """The index ranges ``[first, last)`` of consecutive sentences of one article, in batches
    of about ``size`` sentences."""
    batch: list[tuple[int, int]] = []
    n = 0
    first = 0
    for i in range(1, len(sentences) + 1):
        if i == len(sentences) or sentences[i].article_id != sentences[first].article_id:
            batch.append((first, i))
            n += i - first
            first = i
            if n >= size:
                yield batch
                batch, n = [], 0
    if batch:
        yield batch


def lead_mentions(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    *,
    window: tuple[dt.date | None, dt.date | None] = (None, None),
    settings: TimelineSettings | None = None,
    find: Callable[[str, dt.date | None], list[Timex]] | None = None,
) -> list[Mention]:
    """Lead sentences that name no date, as candidates for their article's publication day
    and the day before (``settings.lead_days``; by default Config's).

    A sentence goes on with the story of the day its article named last before it: when that
    names exactly one of those days ("U.S. health officials said on Tuesday ...", published on
    Tuesday; "... died yesterday"), the undated lead is a candidate for that day alone."""
    settings = settings or TimelineSettings()
    if settings.lead_sentences <= 0 or not settings.lead_days:
        return []
    published = {a.id: a.published for a in articles if a.published}
    named: dict[int, set[dt.date]] = defaultdict(set)
    for m in mentions:
        named[m.sentence].add(m.day)
    out: list[Mention] = []
    last: set[dt.date] = set()  # the days the article's latest dated sentence names
    for i, s in enumerate(sentences):
        if i == 0 or s.article_id != sentences[i - 1].article_id:
            last = set()
        if i in named:
            last = named[i]
            continue
        pub = published.get(s.article_id)
        if pub is None or s.index >= settings.lead_sentences:
            continue
        if _DIGIT_OR_DATEWORD.search(s.text):  # may name a date the tagger left out of the window
            continue
        days = [_days_before(pub, back) for back in settings.lead_days]
        own = [day for day in days if day in last]
        for day in own if len(own) == 1 else days:
            if _in_window(day, *window):
                out.append(Mention(i, day, None, pub))
    return out


_DIGIT_OR_DATEWORD = re.compile(
    r"\b(?:\d{4}|yesterday|today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)\b",
    re.I,
)


def rank_dates(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    *,
    window: tuple[dt.date | None, dt.date | None] = (None, None),
    settings: TimelineSettings | None = None,
    keywords: Sequence[str] = (),
) -> list[tuple[dt.date, float]]:
    """Days by importance: articles mentioning the day, plus a fraction of the articles
    published on it or the day after that do not mention it; for a day of the collection's last
    ``settings.recent_days``, divided by the share of mentions that come that soon
    (:func:`_soon_shares`). Best first.

    With ``keywords``, only mentions in sentences that contain one (case-insensitively) count:
    a day named only in off-topic text (a listing, an aside) is not an event of the topic.
    ``settings``: the timeline's knobs (by default Config's)."""
    settings = settings or TimelineSettings()
    wanted = _lowered(keywords)
    mentioning: dict[dt.date, set[str]] = defaultdict(set)
    n_sentences: Counter[dt.date] = Counter()
    for m in mentions:
        if not _on_topic(sentences[m.sentence].text, wanted):
            continue
        mentioning[m.day].add(sentences[m.sentence].article_id)
        n_sentences[m.day] += 1
    score: dict[dt.date, float] = {day: float(len(ids)) for day, ids in mentioning.items()}
    for article in articles:
        if article.published is None:
            continue
        for back in (0, 1):
            day = _days_before(article.published, back)
            if _in_window(day, *window) and article.id not in mentioning.get(day, ()):
                score[day] = score.get(day, 0.0) + settings.publication_weight
    published = {a.id: a.published for a in articles if a.published is not None}
    last = min((d for d in (max(published.values(), default=None), window[1]) if d is not None), default=None)
    if last is not None and settings.recent_days:
        shares = _soon_shares(mentioning, published, last, settings.recent_days)
        for day in score:
            if 0 <= (lag := (last - day).days) < len(shares):
                score[day] /= max(shares[lag], _SOON_SHARE_FLOOR)
    # Only days some sentence names can be dated by a span; the others cannot be chosen.
    ranked = [(day, s) for day, s in score.items() if day in mentioning]
    ranked.sort(key=lambda t: (-t[1], -n_sentences[t[0]], t[0]))
    return ranked


# A day named on the last day of a collection may have no more than a third of the mentions it would
# get: its score is never multiplied by more than 1 / this.
_SOON_SHARE_FLOOR = 0.3
# The fewest mentioning articles of older days that measure how soon a day is named.
_MIN_MEASURED = 20


def _soon_shares(
    mentioning: dict[dt.date, set[str]], published: dict[str, dt.date], last: dt.date, days: int
) -> list[float]:
    """For k = 0 .. ``days`` - 1, the share of a day's mentioning articles published within k days
    after it, over the days at least ``days`` before ``last`` (the collection's last publication):
    how much of its coverage a day k days before the end has had time to get. [] when fewer than
    :data:`_MIN_MEASURED` articles name days that old: too few to measure. On Timeline17 the share
    is about 0.4 on the day itself, 0.55 a day later and 0.7 after six days."""
    lags = [
        min(days, max(0, (published[a] - day).days))
        for day, ids in mentioning.items()
        if (last - day).days >= days
        for a in ids
        if a in published
    ]
    if len(lags) < _MIN_MEASURED:
        return []
    return [sum(lag <= k for lag in lags) / len(lags) for k in range(days)]


class _Chooser:
    """Picks K sentences for a day; remembers what was used so nothing repeats."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        config: Config,
        embedder: Embedder,
        settings: TimelineSettings,
        idf: dict[str, float],
        published: dict[str, dt.date | None] | None = None,
        terms: dict[int, Counter[str]] | None = None,
        story_end: dict[str, int] | None = None,
        preference: Preference | None = None,
    ) -> None:
        self.preference = preference
        self.terms = dict(terms or {})  # sentence index -> content-word counts
        # Article id -> where its reader comments or a transcript's speech start (text not cleaned,
        # e.g. Timeline17's): a comment, or a line a guest or presenter says without its speaker
        # named, is never an entry, though it counts towards its day and the day's centroid.
        self.story_end = story_end or {}
        self.published = published or {}
        self.sentences = sentences
        self.config = config
        self.embedder = embedder
        self.settings = settings
        self.idf = idf
        self.keywords = _lowered(config.keywords)
        self.used_keys: set[tuple[str, int]] = set()
        self.used_texts: set[str] = set()
        self.used_vectors: list[np.ndarray] = []
        self.text_keys: dict[int, str] = {}  # sentence index -> _text_key, for the sentences compared
        self.used_dates: list[tuple[dt.date, dt.date]] = []  # first and last day of each used vector's date
        self.vectors: dict[int, np.ndarray] = {}  # sentence index -> embedding (shortlisted only)
        self.lexical: dict[int, float] = {}
        self.figures = FigureCheck(sentences)  # comparable figures, found as compared

    def eligible(self, text: str) -> bool:
        n = word_count(text)
        if n < self.config.min_sentence_words or n > self.settings.max_words:
            return False
        if not _on_topic(text, self.keywords):
            return False
        if self.settings.skip_chatter and is_chatter(text):
            return False
        if not says_more_than_when(text):
            return False
        return self_contained(text) >= self.settings.min_self_contained

    def shortlist(self, day_mentions: Sequence[Mention]) -> list[Mention]:
        """The day's most central eligible sentences by TF-IDF cosine to the centroid of all
        its mentioning sentences; at most max(min_embedded, embedded_per_sentence * K)."""
        if not day_mentions:
            return []
        vectors = [self._tfidf(m.sentence) for m in day_mentions]
        centroid: dict[str, float] = defaultdict(float)
        for v in vectors:
            for w, x in v.items():
                centroid[w] += x
        norm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
        lexical = [sum(x * centroid.get(w, 0.0) for w, x in v.items()) / norm for v in vectors]
        limit = max(self.settings.min_embedded, self.settings.embedded_per_sentence * self.config.per_date)
        out: list[Mention] = []
        seen_texts: set[str] = set()
        order = sorted(
            zip(day_mentions, lexical, strict=True), key=lambda t: (self._ahead(t[0]), not self._fresh(t[0]), -t[1])
        )
        for m, score in order:
            s = self.sentences[m.sentence]
            key = _text_key(s.text)
            if s.key in self.used_keys or self._repeats(key) or key in seen_texts:
                continue
            if s.start >= self.story_end.get(s.article_id, s.end):
                continue  # a reader comment, or speech
            if not self.eligible(s.text):
                continue
            if m.timex is None and opens_with_reference(s.text):
                continue  # a lead dated by its publication stands for the day alone: not "He explains ..."
            if m.timex is None and not is_specific(s.text):
                continue  # nor "The flu virus is a survivor.": a day's news names an actor, a place or a figure
            if restates_previous(s.text):
                continue  # "That is more than 30% higher than the low hit on 25 June": what is?
            if m.timex is not None and not _about_its_label_day(s, m.timex):
                continue  # "June 10 - Obama invites ... on June 16": an item of June 10, not of June 16
            if m.timex is not None and dates_another_event(s, m.timex):
                continue  # "weeks after the April 20 explosion", "Ghonim, who was freed Monday, said ..."
            seen_texts.add(key)
            self.lexical[m.sentence] = score
            out.append(m)
            if len(out) >= limit:
                break
        return out

    def _repeats(self, key: str) -> bool:
        """Whether a sentence (its :func:`_text_key`) is in the timeline already, or within one
        that is, or has one within it: "Unrest in Egypt: Thousands of demonstrators took to the
        streets ..." repeats "Thousands of demonstrators took to the streets ..." of another day."""
        if key in self.used_texts:
            return True
        padded = f" {key} "
        return any(
            min(len(key), len(used)) >= _CONTAINED_CHARS and (f" {used} " in padded or padded in f" {used} ")
            for used in self.used_texts
        )

    def _ahead(self, m: Mention) -> bool:
        """Written before the day it names: what was expected of the day ("... in advance of a 29
        November hearing"), not what happened."""
        pub = self.published.get(self.sentences[m.sentence].article_id)
        return m.timex is not None and pub is not None and (m.day - pub).days >= 2

    def _fresh(self, m: Mention) -> bool:
        """Written within a few days after the day (not a later article's background)."""
        if m.timex is None or self.settings.fresh_days < 0:
            return True
        pub = self.published.get(self.sentences[m.sentence].article_id)
        return pub is not None and 0 <= (pub - m.day).days <= self.settings.fresh_days

    def embed(self, mentions: Sequence[Mention], progress: ProgressFn | None) -> None:
        import numpy as np

        rows = sorted({m.sentence for m in mentions if m.sentence not in self.vectors})
        if not rows:
            return
        matrix = np.asarray(
            self.embedder.encode([self.sentences[i].text for i in rows], progress=progress), dtype=np.float32
        )
        for i, v in zip(rows, matrix, strict=True):
            self.vectors[i] = v

    def pick(self, shortlist: Sequence[Mention]) -> list[Mention]:
        """K sentences by embedding centrality (+ lexical), none redundant, none used before."""
        import numpy as np

        fresh = [m for m in shortlist if self.sentences[m.sentence].key not in self.used_keys]
        fresh = [m for m in fresh if not self._repeats(_text_key(self.sentences[m.sentence].text))]
        if not fresh:
            return []
        emb = np.stack([self.vectors[m.sentence] for m in fresh])
        center = emb.mean(axis=0)
        center /= float(np.linalg.norm(center)) or 1.0
        lexical = np.asarray([self.lexical[m.sentence] for m in fresh], dtype=np.float32)
        scores = emb @ center + self.settings.lexical_weight * lexical
        # a sentence written days before the day it names only when no report of the day is left, and
        # one whose subject is in the sentence before ("He is due to visit the Gulf ... on Friday") or
        # that is a piece of a longer quotation ('... Wael Ghonim tweeted, "Pray for #Egypt.') only
        # when no report of the day that names it is left
        texts = [self.sentences[m.sentence].text for m in fresh]
        leans = [leans_on_previous(t) or part_of_a_quotation(t) for t in texts]
        order = sorted(range(len(fresh)), key=lambda i: (self._ahead(fresh[i]), leans[i], -float(scores[i]), i))
        if self.preference is not None:
            order = self._preferred(order, fresh, emb)
        picked: list[int] = []
        for i in order:
            if len(picked) >= self.config.per_date:
                break
            if i in picked:
                continue
            if any(float(emb[i] @ emb[j]) >= self.settings.redundancy_similarity for j in picked):
                continue
            if (
                self.used_vectors
                and float(np.max(np.stack(self.used_vectors) @ emb[i])) >= self.settings.repeat_similarity
            ):
                continue
            if self._told_within(fresh[i], emb[i]):
                continue
            picked.append(i)
        for i in picked:
            s = self.sentences[fresh[i].sentence]
            self.used_keys.add(s.key)
            self.used_texts.add(_text_key(s.text))
            self.used_vectors.append(emb[i])
            self.used_dates.append((fresh[i].day, fresh[i].last or fresh[i].day))
        return [fresh[i] for i in picked]

    def saying_the_same(
        self, m: Mention, group: Sequence[Mention], cited: set[int]
    ) -> tuple[list[Mention], list[Mention]]:
        """A picked mention and the date's other candidates (``group``, in sentence order) that say
        the same, one per article (its first), none in ``cited`` (an entry's own sentence, or one
        an entry before cites): the same words ("AP" copies in many outlets), or, both
        shortlisted, cosine >= redundancy_similarity (as two picks of one day that say the same),
        no figure of another value ("for about two weeks" does not say "for the past three
        weeks"), and :func:`digest.support.says_the_same` at least ``Config.citation_probability``.
        Never a reader comment or a transcript's speech. Second: the candidates that are as
        similar but fail the last test, one per article: related, not cited."""
        from digest.support import cites

        picked = self.sentences[m.sentence]
        words_of = self._key(m.sentence)
        vector = self.vectors.get(m.sentence)
        threshold = self.config.citation_probability
        out: list[Mention] = [m]
        related: dict[str, Mention] = {}  # article id -> its first candidate that is only related
        articles = {picked.article_id}
        for x in group:
            s = self.sentences[x.sentence]
            if s.article_id in articles or x.sentence in cited or s.start >= self.story_end.get(s.article_id, s.end):
                continue
            # the figures are compared last of the cheap tests: most candidates fail the others
            if self._key(x.sentence) == words_of:
                if not self.figures.differ(m.sentence, x.sentence):
                    out.append(x)
                    articles.add(s.article_id)
                    related.pop(s.article_id, None)
                continue
            other = self.vectors.get(x.sentence)
            if vector is None or other is None:
                continue
            cosine = float(other @ vector)
            if cosine < self.settings.redundancy_similarity or self.figures.differ(m.sentence, x.sentence):
                continue
            if cites(picked.text, s.text, cosine, threshold):
                out.append(x)
                articles.add(s.article_id)
                related.pop(s.article_id, None)
            else:
                related.setdefault(s.article_id, x)
        return out, list(related.values())

    def _key(self, row: int) -> str:
        key = self.text_keys.get(row)
        if key is None:
            key = self.text_keys[row] = _text_key(self.sentences[row].text)
        return key

    def _told_within(self, m: Mention, vector: np.ndarray) -> bool:
        """Whether an entry of a date that overlaps this mention's says the same thing (cosine >=
        redundancy_similarity, as two picks of one day): "In late 2024, North Korea reportedly sent
        approximately 11,000 troops ..." after November 2024's "From November onwards, ... sent
        around 11,000 trained fighters". Days are chosen before periods, so a day's pick is never
        held against another day's."""
        last = m.last or m.day
        return any(
            first <= last and m.day <= end and float(used @ vector) >= self.settings.redundancy_similarity
            for (first, end), used in zip(self.used_dates, self.used_vectors, strict=True)
        )

    def _preferred(self, order: list[int], fresh: Sequence[Mention], emb: np.ndarray) -> list[int]:
        """``order`` with each candidate replaced by the first (most central) candidate that says the
        same thing (cosine >= redundancy_similarity) in a wording of the best preference among them."""
        assert self.preference is not None
        tier = [self.preference(self.sentences[m.sentence]) for m in fresh]
        out: list[int] = []
        for i in order:
            same = [j for j in order if j == i or float(emb[i] @ emb[j]) >= self.settings.redundancy_similarity]
            best = min(tier[j] for j in same)
            out.append(next(j for j in same if tier[j] == best))
        return out

    def _tfidf(self, row: int) -> dict[str, float]:
        counts = self.terms.get(row)
        if counts is None:  # a lead sentence: not among the mentioning sentences
            counts = self.terms[row] = Counter(content_words(self.sentences[row].text))
        vec = {w: c * self.idf.get(w, 0.0) for w, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        return {w: x / norm for w, x in vec.items()}


_COMMENT = re.compile(
    # (a comment's header or "at 5:24 pm |" stamp: clean.has_comment_header)
    r"\s\|\s|\|\s*Reply\b|^\s*\||\b(?:posted|reply|report abuse)\b\s*$",
    re.I,
)


def _about_its_label_day(sentence: Sentence, timex: Timex) -> bool:
    """Whether a sentence can stand for the day a span of it names: a list item opening with a date
    label ("June 10 - The White House says Obama has invited Svanberg ... on June 16") is about
    its label's day only."""
    label = DATE_LABEL.match(sentence.text)
    return label is None or timex.start - sentence.start < label.end()


# A reader's message quoted on a live page or a blog: "A-cui from Beijing e-mails: ...", "Peter in
# Tarrytown, New York writes: ...", "Charles Gomila, London, UK emails: ...".
_NAME_WORDS = r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}"
_READER_LINE = re.compile(
    rf"^\W*{_NAME_WORDS}(?:(?:\s(?:in|from)\s|,\s)[A-Z][^:\n]{{0,50}}?\s(?:e-?mails|texts|writes|tweets)"
    rf"|\s(?:e-?mails|texts))\s*:"
)


def is_chatter(text: str) -> bool:
    """A line that is not a report of events: a reader comment (a ``|`` separator, "Reply", a
    "... at 5:24 pm |" stamp, an "At 4:16 pm on 18 Jan 2010, CComment wrote:" header), a
    first-person line ("I think ..."), a line that speaks to the reader ("We want your ideas on how
    to stop the leak ...", "Thanks for your support."), a question, an imperative ("Watch AC360 at
    8 p.m. ET."), a sentence that starts in lower case (a fragment or a comment), a photo caption ("In this image
    made from video ..."), a credit line ("The Associated Press contributed to this report."),
    contact details (a phone number, an e-mail address), a line that announces what follows ("A
    summary of events on Wednesday, June 16, ...", "Here are the latest developments:") or a
    reader's message ("A-cui from Beijing e-mails: ...") or an aggregator's links ("... - 9 hrs
    ago ...")."""
    stripped = text.strip()
    if not stripped:
        return True
    if (
        _COMMENT.search(stripped)
        or has_comment_header(stripped)
        or reports_nothing(stripped)
        or stripped[0].islower()
        or _READER_LINE.match(stripped)
        or has_link_age(stripped)
        or gives_contact(stripped)
        or addresses_the_reader(stripped)
    ):
        return True
    return bool(FIRST_PERSON.search(normalize(stripped)))


# Words that only say when or that the page was posted: a stamp ("-- June 02, 2010 2:43 PM OH.",
# "Posted on June 3, 2010 at 11:52 AM EST.") is no event.
_WHEN_WORDS = frozenset(
    {*MONTHS, *WEEKDAYS, "am", "pm", "gmt", "bst", "utc", "et", "est", "edt", "pst", "pdt", "cet", "uk", "time"}
    | {"updated", "update", "posted", "published", "last", "modified", "today", "yesterday", "tomorrow", "tonight"}
    # units of time: "day" would put every "Monday" and "birthday" on the story
    | {"day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "hour", "hours"}
    | {"morning", "afternoon", "evening", "night"}
)


def says_more_than_when(text: str) -> bool:
    """Whether a sentence says something besides a date or time: two content words that are
    neither numbers nor date, time or posting words."""
    return sum(w.isalpha() and w not in _WHEN_WORDS for w in content_words(text)) >= 2


def story_words(articles: Sequence[Article], sentences: Sequence[Sentence], *, count: int) -> tuple[str, ...]:
    """The words most of the collection's articles use, to stand in for keywords: at most ``count``
    content words, each in at least half of the articles (and two), most widely used first (in the
    most articles, then in the most sentences: three articles on one story share many words); no
    numbers, no words of dates or times; none when fewer than three words qualify. A programme
    listing or an aside in a story's coverage rarely holds them ("Jamie introduces music from
    Madeleine Peyroux ... tonight" among reports on Michael Jackson's death, whose articles all say
    "jackson", "murray", "conrad")."""
    seen: dict[str, set[str]] = defaultdict(set)
    uses: Counter[str] = Counter()  # sentences using each word
    for s in sentences:
        for w in set(content_words(s.text)):
            if not w.isdigit() and any(c.isalpha() for c in w) and w not in _WHEN_WORDS:
                seen[w].add(s.article_id)
                uses[w] += 1
    n = len({a.id for a in articles} & {s.article_id for s in sentences})
    ranked = sorted(
        ((len(ids), uses[w], w) for w, ids in seen.items() if len(ids) >= max(2, n / 2)),
        key=lambda t: (-t[0], -t[1], t[2]),
    )
    if len(ranked) < min(_MIN_STORY_WORDS, count):
        return ()  # the articles share too few words to tell an aside from the story
    return tuple(w for *_, w in ranked[:count])


_MIN_STORY_WORDS = 3


def _lowered(keywords: Sequence[str]) -> tuple[str, ...]:
    return tuple(k.lower() for k in keywords if k.strip())


def _on_topic(text: str, keywords: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of the (lower-cased) keywords, as news-tls filters; any text
    without keywords."""
    if not keywords:
        return True
    low = text.lower()
    return any(k in low for k in keywords)


def _idf(sentences: Sequence[Sentence], rows: set[int]) -> tuple[dict[str, float], dict[int, Counter[str]]]:
    """Inverse document frequency over the mentioning sentences (the only ones scored), and
    the content-word counts of those sentences (reused for their TF-IDF vectors)."""
    df: Counter[str] = Counter()
    terms: dict[int, Counter[str]] = {}
    for i in rows:
        counts = terms[i] = Counter(content_words(sentences[i].text))
        df.update(counts.keys())
    n = max(len(rows), 1)
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}, terms


# A text key this long or longer that stands within another's is the same sentence with a label
# before it (or a clause after it); a shorter one is no evidence ("the oil spill").
_CONTAINED_CHARS = 60


def _text_key(text: str) -> str:
    return " ".join(words(normalize(text)))


def _day_of(timex: Timex) -> dt.date | None:
    if timex.type not in ("DATE", "TIME") or not timex.value:
        return None
    match = _DAY.match(timex.value)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _in_window(day: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    if day is None:
        return True
    return (start is None or day >= start) and (end is None or day <= end)


# Without --start, days up to this long before the first publication may be chosen (the
# event that started the coverage); without --end, none after the last publication (plans).
LOOKBACK = dt.timedelta(days=30)


def _window(
    articles: Sequence[Article], config: Config, references: Mapping[str, dt.date | None] | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """Days a timeline may hold: the configured window, else around the publication dates (or,
    for articles without one, the reference dates their relative expressions resolve against)."""
    dates = [d for d in (a.published or (references or {}).get(a.id) for a in articles) if d]
    start = config.start or (_days_before(min(dates), LOOKBACK.days) if dates else None)
    end = config.end or (max(dates) if dates else None)
    return start, end


def _days_before(day: dt.date, days: int) -> dt.date:
    """``day`` minus ``days`` days, no earlier than the calendar's first day."""
    return day - dt.timedelta(days=min(days, (day - dt.date.min).days))


class _Finder:
    """A date tagger function as a :class:`digest.timeline.DateResolver`."""

    def __init__(self, find: Callable[[str, dt.date | None], list[Timex]]) -> None:
        self.find = find


def _title(articles: Sequence[Article], config: Config, events: Sequence[Event]) -> str:
    topic = ", ".join(config.keywords) if config.keywords else None
    if events:
        first, last = events[0].label, events[-1].label
        span = first if first == last else f"{first} to {last}"
        return f"Timeline: {topic} ({span})" if topic else f"Timeline, {span}"
    return f"Timeline: {topic}" if topic else "Timeline"

"""The one configuration object. Every default is defined here, once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Any

from digest.errors import ConfigError

DEFAULT_MODEL = "all-MiniLM-L6-v2 (packaged)"
# How the embedding model computes: "auto" is bfloat16 where the CPU multiplies in bfloat16 natively
# (x86 AVX512-BF16 or AMX: about 2.5x faster, vectors within 1e-4 cosine of float32), else float32.
PRECISIONS = ("auto", "float32", "bfloat16")


def check_precision(precision: str) -> str:
    """``precision`` if it is one of :data:`PRECISIONS`, else a :class:`ConfigError` naming them."""
    if precision not in PRECISIONS:
        raise ConfigError(f"precision must be one of {', '.join(PRECISIONS)}, got {precision!r}")
    return precision


def _at_least(options: object, least: int, names: tuple[str, ...], *, prefix: str = "") -> None:
    for name in names:
        if (value := getattr(options, name)) < least:
            raise ConfigError(f"{prefix}{name} must be at least {least}, got {value}")


def _similarities(options: object, names: tuple[str, ...], *, prefix: str = "") -> None:
    for name in names:
        if not -1.0 <= (value := getattr(options, name)) <= 1.0:
            raise ConfigError(f"{prefix}{name} must be a cosine similarity in [-1, 1], got {value}")


@dataclass(frozen=True, kw_only=True)
class TimelineSettings:
    """Internal knobs of the timeline of a large dated collection (``digest timeline``, and the
    timeline of ``digest build`` on one): the same for every collection, not CLI options.

    ``redundancy_similarity``, ``lexical_weight``, ``fresh_days``, ``lead_sentences`` and
    ``min_embedded`` were chosen by ``benchmarks/tls_select.py``: every leave-one-topic-out fold on
    Timeline17 picks these values.
    """

    # Weight of an article published on a day (or the day after) that does not mention it.
    publication_weight: float = 0.25
    # A day fewer than this many days before the collection's last publication has had less time
    # to be named than older days: its score is divided by the share of a day's mentioning
    # articles that come that soon, measured on the collection's older days (digest.tls.rank_dates).
    # 0: scores as counted.
    recent_days: int = 7
    # Candidates per day that are embedded: max(min_embedded, embedded_per_sentence * K).
    min_embedded: int = 12
    embedded_per_sentence: int = 4
    # Two sentences this similar (cosine) say the same thing: the second is skipped.
    redundancy_similarity: float = 0.6
    # A sentence this similar (cosine) to one already in the timeline (another day) repeats it.
    repeat_similarity: float = 0.95
    # Sentences longer than this many words are rarely timeline entries.
    max_words: int = 35
    # A candidate must be at least this self-contained (digest.select.self_contained).
    min_self_contained: float = 0.5
    # Final score: embedding centrality + this weight x lexical centrality.
    lexical_weight: float = 1.0
    # Fallback candidates: the first few sentences of an article that name no date at all are
    # about the day it was published or the day before (news-tls's "P" sentences). They are
    # dated by the publication date, which the event's evidence says (an empty span).
    lead_sentences: int = 10
    lead_days: tuple[int, ...] = (0, 1)
    # Prefer sentences from articles published at most this many days after the day they
    # name (fresh reports over later background); -1: no preference.
    fresh_days: int = -1
    # Leave out reader comments, first-person talk and questions (see digest.tls.is_chatter).
    skip_chatter: bool = True
    # Without keywords, the story's own words stand in for them: the words most articles use (at
    # most this many, each in at least half of the articles; digest.tls.story_words). 0: none.
    story_words: int = 10
    # When the articles name fewer than L days (a few undated articles), the weeks, months,
    # seasons and years they name most fill the timeline's other dates (digest.tls.period_mentions).
    fill_periods: bool = True

    def __post_init__(self) -> None:
        _at_least(self, 1, ("min_embedded", "embedded_per_sentence", "max_words"), prefix="timeline.")
        _at_least(self, 0, ("story_words", "recent_days"), prefix="timeline.")
        _similarities(self, ("redundancy_similarity", "repeat_similarity"), prefix="timeline.")
        if self.lead_sentences < 0 or any(d < 0 for d in self.lead_days):
            raise ConfigError(f"timeline.lead_sentences and lead_days must not be negative, got {self.lead_sentences}")


@dataclass(frozen=True, kw_only=True)
class Config:
    """Every option of digest, with its default, defined once; keyword-only. A value digest cannot
    work with is a :class:`digest.errors.ConfigError` when the Config is made. The CLI's flags set
    some of them (:meth:`with_options`); a briefing's JSON records them all (:meth:`record`)."""

    # Embedding
    model: str = DEFAULT_MODEL
    batch_size: int = 64
    precision: str = "auto"  # one of PRECISIONS
    # Clustering (hdbscan over normalized sentence embeddings)
    min_cluster_size: int = 2
    min_samples: int = 1
    # A member must be at least this similar (cosine) to the mean of the other members, else it
    # becomes a statement of its own. Guards hdbscan's chaining.
    min_member_similarity: float = 0.6
    # hdbscan's finest clusters (leaves) whose centroids are at least this similar are one statement:
    # in a large collection, a statement many articles make in their own words splits into leaves.
    leaf_merge_similarity: float = 0.85
    # Clusters that give the same distinctive figure ("$20bn", "26 percent", "230,000") and whose
    # centroids are at least this similar are one statement (digest.cluster.merge_on_figures).
    # None: no such merging.
    figure_merge_similarity: float | None = 0.7
    # Key points
    max_points: int = 8
    # List single-source statements (and why they are not key points) in the Markdown.
    show_single_source: bool = False
    # Two key points whose representatives are at least this similar say the same thing; so do two
    # entries of a small collection's timeline (the better-ranked date is kept).
    redundancy_similarity: float = 0.8
    # Sentences shorter than this many words are not statements.
    min_sentence_words: int = 5
    # Sentences longer than this are run-on text (a list or captions without their punctuation):
    # no key point, and no event of a small collection's timeline.
    max_point_words: int = 60
    # A statement that names its actors, places and figures ranks up to this much higher (x 1.25
    # with four or more names and numbers, see digest.select.specificity).
    specificity_weight: float = 0.25
    # A sentence of another article at least this similar to a statement's representative echoes it:
    # key points rank by their support with echoes (a statement written in many ways), citing only
    # their members. Chosen on benchmarks/keypoints.py --days 4 (0.7 / 0.75 / 0.8; three of four
    # leave-one-topic-out folds pick 0.75). None: no echoes.
    echo_similarity: float | None = 0.75
    # A key point cites the members of its statement that say what the quoted sentence says with at
    # least this probability (digest.support, benchmarks/citations.py), and a timeline entry its date's
    # sentences the same way; the others are on its topic but say something else. None: every
    # member is cited.
    citation_probability: float | None = 0.5
    # Stories (digest.stories): articles whose mean sentence vectors stay within this cosine distance
    # (average linkage) tell one story; a group of at least story_min_share of the articles is a
    # story of its own, and a briefing names two or more. Measured with benchmarks/stories.py.
    # None: no check.
    story_distance: float | None = 0.5
    story_min_share: float = 0.1
    # In a collection of 3 to large_collection articles, an article farther than story_distance
    # from every other and none of whose sentences is this similar to another article's is left
    # out as about something else (digest.stories.off_story). None: every article is kept.
    off_story_similarity: float | None = 0.6
    # Timeline
    as_of: dt.date | None = None
    max_events: int = 12
    # Above this many articles, mostly dated, `digest build` takes its timeline from the machinery
    # of `digest timeline` (dates ranked by mentions across articles, one sentence per day), and
    # `digest timeline` gives days only (digest.tls.large_and_dated; below it, coarser periods
    # fill the dates when the articles name too few days).
    large_collection: int = 30
    # At most this many "Where sources differ" entries (those involving the most sources).
    max_conflicts: int = 5
    # Sentences this similar are about the same subject when comparing their figures.
    subject_similarity: float = 0.7
    # Events in several sources about the same date merge when this similar.
    event_merge_similarity: float = 0.6
    # Timelines of large dated collections (digest timeline)
    max_dates: int = 10
    per_date: int = 1
    start: dt.date | None = None
    end: dt.date | None = None
    keywords: tuple[str, ...] = ()
    # Persistent embedding cache (SQLite file); None: no cache.
    cache_path: str | None = None
    # A document with no usable sentences after cleaning (a link list, a bare timestamp, a page
    # of chrome, a page not in English) stops the run with an error naming it; True: leave it out, and say so.
    skip_unusable: bool = False
    # The internal knobs of timelines of large dated collections (see TimelineSettings).
    timeline: TimelineSettings = TimelineSettings()

    def __post_init__(self) -> None:
        for name in ("as_of", "start", "end"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
                raise ConfigError(f"{name} must be a datetime.date or None, not {type(value).__name__} {value!r}")
        if isinstance(self.keywords, str) or not all(isinstance(k, str) for k in self.keywords):
            raise ConfigError(f"keywords must be a tuple of words, not {self.keywords!r}")
        _at_least(self, 1, ("max_points", "min_samples", "batch_size"))
        _at_least(self, 2, ("min_cluster_size",))
        if self.max_point_words < self.min_sentence_words:
            raise ConfigError(
                f"max_point_words ({self.max_point_words}) must be at least"
                f" min_sentence_words ({self.min_sentence_words})"
            )
        if self.specificity_weight < 0:
            raise ConfigError(f"specificity_weight must not be negative, got {self.specificity_weight}")
        check_precision(self.precision)
        if self.max_dates < 1 or self.per_date < 1:
            raise ConfigError(f"max_dates and per_date must be at least 1, got {self.max_dates}, {self.per_date}")
        if self.start and self.end and self.start > self.end:
            raise ConfigError(f"start {self.start} is after end {self.end}")
        _similarities(
            self,
            (
                "min_member_similarity",
                "leaf_merge_similarity",
                "redundancy_similarity",
                "event_merge_similarity",
                "subject_similarity",
            ),
        )
        if self.echo_similarity is not None:
            _similarities(self, ("echo_similarity",))
        if self.citation_probability is not None and not 0.0 <= self.citation_probability <= 1.0:
            raise ConfigError(f"citation_probability must be a probability in [0, 1], got {self.citation_probability}")
        if self.figure_merge_similarity is not None:
            _similarities(self, ("figure_merge_similarity",))
        if self.off_story_similarity is not None:
            _similarities(self, ("off_story_similarity",))
        if self.story_distance is not None and not 0.0 < self.story_distance < 2.0:
            raise ConfigError(f"story_distance must be a cosine distance in (0, 2), got {self.story_distance}")
        if not 0.0 < self.story_min_share <= 0.5:
            raise ConfigError(f"story_min_share must be in (0, 0.5], got {self.story_min_share}")

    def with_options(self, **changes: Any) -> Config:
        """A copy with some options changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def record(self) -> tuple[tuple[str, object], ...]:
        """Every setting as (name, value), as a briefing records them (``Briefing.settings``):
        the timeline's knobs as ``timeline.<name>``, dates in ISO form."""
        own = [(f.name, getattr(self, f.name)) for f in fields(self) if f.name != "timeline"]
        knobs = [(f"timeline.{f.name}", getattr(self.timeline, f.name)) for f in fields(self.timeline)]
        return tuple((k, v.isoformat() if isinstance(v, dt.date) else v) for k, v in (*own, *knobs))

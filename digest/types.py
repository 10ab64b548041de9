"""digest's data model: frozen dataclasses that flow one way through the pipeline.

Article -> Sentence -> (embeddings) -> Cluster -> KeyPoint / Event -> Briefing.

A sentence's identity is ``(article_id, index)`` plus its character offsets into
``Article.text``; its text is a convenience copy, never a key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal["day", "week", "month", "season", "quarter", "half", "year", "decade", "century"]
ReferenceOrigin = Literal["given", "metadata", "inferred", "none"]


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into some text."""

    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One cleaned source document. ``text`` is what all offsets point into."""

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    path: str | None = None
    # Headings kept as structure (never statements): spans into ``text``.
    headings: tuple[Span, ...] = ()
    # Lines the cleaner removed, with the reason, for transparency (JSON output).
    removed: tuple[tuple[str, str], ...] = ()


def check_articles(articles: Sequence[object]) -> None:
    """Raise :class:`digest.errors.InputError` naming the article when one given through the API is
    not what digest can read: ``text`` a string, ``published`` a ``datetime.date`` (not a string,
    nor a ``datetime``, which does not compare with dates), ids unique."""
    from digest.errors import InputError

    seen: set[str] = set()
    for i, a in enumerate(articles):
        if not isinstance(a, Article):
            raise InputError(f"(input {i + 1})", f"is a {type(a).__name__}, not a digest.Article")
        where = f"article {a.id!r}"
        if not isinstance(a.id, str) or not isinstance(a.text, str) or not isinstance(a.source, str):
            raise InputError(where, "id, text and source must be strings")
        if a.published is not None and (not isinstance(a.published, dt.date) or isinstance(a.published, dt.datetime)):
            raise InputError(
                where, f"published must be a datetime.date or None, not {type(a.published).__name__} {a.published!r}"
            )
        if a.id in seen:
            raise InputError(where, "the id is given twice; ids name articles in citations")
        seen.add(a.id)


@dataclass(frozen=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str

    @property
    def key(self) -> tuple[str, int]:
        return (self.article_id, self.index)


@dataclass(frozen=True)
class Citation:
    """Where a statement is made: one sentence of one article."""

    article_id: str
    sentence_index: int
    start: int
    end: int


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in a text (TimeML / TempEval-3 style).

    ``start``/``end`` are offsets into the text that was searched. ``value`` is
    the TimeML value (``2024-08``, ``2024-Q3``, ``P3M``, ``PRESENT_REF`` ...) or
    ``None`` when it needs a reference date and none was given. ``anchored`` is
    False for expressions whose value does not depend on the reference date
    ("August 2024"), True for relative ones ("last August").
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str | None
    mod: str | None = None
    anchored: bool = False


@dataclass(frozen=True)
class ReferenceDate:
    """The date relative expressions were resolved against, and where it came from."""

    date: dt.date | None
    origin: ReferenceOrigin
    explanation: str = ""
    # For an inferred date: the expression it was inferred from, and the article that has it.
    evidence_text: str | None = None
    evidence_article: str | None = None


@dataclass(frozen=True)
class Cluster:
    """One statement made by one or more sentences (possibly of several articles)."""

    id: int
    members: tuple[tuple[str, int], ...]  # sentence keys, sorted
    representative: tuple[str, int]
    centrality: float = 0.0
    scores: tuple[tuple[str, float], ...] = ()  # per-member representative scores, in member order


@dataclass(frozen=True)
class Derivation:
    """``article_id`` is a copy of ``source_id``: spun, paraphrased, copied or partly copied."""

    article_id: str
    source_id: str
    kind: Literal["copy", "spun", "paraphrase", "partial"]
    score: float  # share of the copy's sentences with a near-identical counterpart in the source
    evidence: tuple[tuple[str, float], ...] = ()  # named measurements behind the decision


@dataclass(frozen=True)
class QuantityClaim:
    """A number a sentence states, with what it counts (see digest.quantities)."""

    citation: Citation
    start: int  # offsets into the article text
    end: int
    text: str
    measure: str
    low: float
    high: float
    approximate: bool


@dataclass(frozen=True)
class ConflictSide:
    """One version of the figures, and every sentence that gives it."""

    summary: str  # e.g. "about 300 killed, 2,700 wounded"
    claims: tuple[QuantityClaim, ...]
    citations: tuple[Citation, ...]
    attribution: str | None = None
    independent_count: int = 0


@dataclass(frozen=True)
class Conflict:
    """Sources that give different figures for the same thing."""

    measure: str  # casualties | troops | area | length | duration | percent
    label: str  # e.g. "Killed and wounded"
    subject: str  # the statement the figures belong to
    sides: tuple[ConflictSide, ...]
    text: str = ""  # a written phrasing (optional LLM stage), only when it passed the grounding check
    # In a dated collection: the first and last publication date of the articles compared.
    period: tuple[dt.date, dt.date] | None = None


@dataclass(frozen=True)
class KeyPoint:
    text: str
    cluster_id: int
    citations: tuple[Citation, ...]
    representative: Citation
    source_count: int  # articles that make the statement
    score: float
    independent_count: int = 0  # ... counting an original and its copies, and one outlet's articles, once
    attribution: str | None = None  # who says it, in the representative sentence
    attributions: tuple[tuple[str, str], ...] = ()  # (article id, attribution) of every member that has one
    # Members that give other figures (see Briefing.conflicts) are not cited for this wording.
    disputed_by: tuple[Citation, ...] = ()
    # Members whose distinctive figures are other ones of a kind the representative gives ("BP has
    # paid out $104 million" beside "BP has paid $71 million out of $600 million"): they state
    # something else, and are not cited for it.
    other_figures: tuple[Citation, ...] = ()
    # Members of the statement's cluster that do not say what the representative says
    # (digest.support, Config.citation_probability): on its topic, but not cited.
    related: tuple[Citation, ...] = ()
    # The representative's expressions whose date depends on its article's reference date ("Last
    # week", "on Friday", "for the past three weeks"), resolved as the timeline resolves them.
    dates: tuple[DateEvidence, ...] = ()


@dataclass(frozen=True)
class DateEvidence:
    """The span in a cited sentence that gives an event its date (or, in ``KeyPoint.dates``, a
    relative expression in a key point's sentence and the date it names).

    ``origin`` "text": ``start``/``end`` cover the date expression. "published": the sentence
    names no date and is dated by its article's publication date (a lead sentence of a news
    report is about the day it was published or the day before); the span is empty. ``label``:
    the date in human form, as the timeline shows it ("week of 23 December 2024").
    """

    citation: Citation
    start: int  # offsets into the article text
    end: int
    text: str
    value: str
    origin: Literal["text", "published"] = "text"
    label: str = ""


@dataclass(frozen=True)
class Event:
    """A dated timeline entry: a date (TimeML value + precision) and what happened."""

    value: str  # e.g. "2024-08", "2024-11-15", "2022-02"
    precision: Precision
    label: str  # human form, e.g. "August 2024"
    sort_key: dt.date
    text: str
    citations: tuple[Citation, ...]
    evidence: tuple[DateEvidence, ...]
    representative: Citation  # the cited sentence whose wording ``text`` is
    mod: str | None = None
    independent_count: int = 0
    # Sentences of the entry's date on its subject that do not say what its sentence says
    # (digest.support, Config.citation_probability): not cited.
    related: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Generation:
    """One piece of text an LLM wrote for the briefing, and what the grounding check made of it."""

    task: str  # prompt name: headline, key_point, timeline_entry, disagreement ...
    target: str  # what it is for: "title", "key_point:1", "event:3", "conflict:2"
    prompt_file: str
    output: str  # what the model wrote
    accepted: bool
    checks: tuple[tuple[str, str], ...]  # (check, result or reason), in order
    used: str  # the text in the briefing: the output if accepted, else the extractive fallback


@dataclass(frozen=True)
class Story:
    """One of several stories a collection's articles tell (:mod:`digest.stories`): its articles,
    and the headline (or first sentence) of the article nearest its centre."""

    article_ids: tuple[str, ...]
    title: str


@dataclass(frozen=True)
class Skipped:
    """An input document left out (``Config.skip_unusable``), and why."""

    article_id: str
    path: str | None
    problem: str

    @property
    def label(self) -> str:
        """The file, and the record inside it when the file holds several."""
        return describe_article(self.article_id, self.path)


def describe_article(article_id: str, path: str | None) -> str:
    """How messages name an article: its file, with its id when the id is not the file's name
    (a record of a JSONL or JSON file)."""
    if path is None:
        return article_id
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return path if name.rsplit(".", 1)[0] == article_id else f"{path} (record {article_id})"


@dataclass(frozen=True)
class Briefing:
    """What digest makes of a collection: its key points (each citing every sentence that makes it),
    where sources differ, the dated events, and the articles, sentences and clusters they point into.
    ``kind`` "timeline" is ``digest timeline``'s output (events only). Rendered byte-stable by
    :meth:`to_markdown`, :meth:`to_json` and :meth:`to_html`."""

    title: str
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    clusters: tuple[Cluster, ...]
    key_points: tuple[KeyPoint, ...]
    events: tuple[Event, ...]
    reference: ReferenceDate
    derivations: tuple[Derivation, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    # Statements only one independent source makes, with why they are not key points.
    single_source: tuple[tuple[Citation, str, str], ...] = ()  # (citation, text, note)
    generations: tuple[Generation, ...] = ()  # the optional LLM stage's record; empty by default
    kind: Literal["briefing", "timeline"] = "briefing"  # "timeline": digest timeline, events only
    model: str = ""
    settings: tuple[tuple[str, object], ...] = field(default=())
    skipped: tuple[Skipped, ...] = ()  # inputs left out for having no usable sentences
    # The stories the articles tell when they tell two or more (digest.stories), largest first.
    stories: tuple[Story, ...] = ()

    # Rendering lives in digest.render; these are thin conveniences.
    def to_markdown(self) -> str:
        """The briefing as Markdown, the same bytes for the same input (:mod:`digest.render.markdown`)."""
        from digest.render.markdown import render_markdown

        return render_markdown(self)

    def to_json(self) -> str:
        """The briefing as JSON, with every citation's offsets and the settings (:mod:`digest.render.json`)."""
        from digest.render.json import render_json

        return render_json(self)

    def to_html(self) -> str:
        """The briefing as one self-contained HTML page (:mod:`digest.render.html`)."""
        from digest.render.html import render_html

        return render_html(self)

"""Markdown (CommonMark) output. Source text is escaped, so nothing in an article
can become markup, a link or raw HTML."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from contextvars import ContextVar

from digest.attribution import speaker_groups
from digest.render.common import ALL_SOURCES_UP_TO, cited_numbers, listed_articles, provenance, source_numbers
from digest.text import DATE_LABEL, DATED_LINE
from digest.timeline import human_date, human_period
from digest.types import Briefing, Citation, DateEvidence, Event

# First line of every Markdown briefing: invisible when rendered, and how ingest knows
# not to read a briefing as an article.
MARKER = "<!-- digest briefing: generated, do not edit -->"
MAX_SIDES = 4  # versions of the figures shown per disagreement; JSON has them all
# Sources cited inline per statement, version of the figures or entry: a statement 240 articles
# make shows 8 of them, one of each outlet first, and "+232 more"; JSON has them all.
MAX_REFS = 8
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
# An ordered-list marker: up to nine digits, "." or ")", then a space or the end ("7.9 percent" is none).
_LINE_START = re.compile(r"^(\s*)(\d{1,9})([.)])(?=\s|$)", re.M)
# Around each citation mark when the Markdown is rendered for HTML, which links its numbers to the
# sources (two private-use characters; an article's own are dropped by escape() then).
CITE_OPEN, CITE_CLOSE = "\ue000", "\ue001"
_MARKED: ContextVar[bool] = ContextVar("digest_marked_citations", default=False)
# The source numbers the citation marks of the Markdown being rendered show (see refs).
_SHOWN: ContextVar[set[int] | None] = ContextVar("digest_shown_sources", default=None)


def escape(text: str) -> str:
    """Literal text in Markdown: escape every character that could start markup."""
    text = " ".join(text.split())
    if _MARKED.get():
        text = text.replace(CITE_OPEN, "").replace(CITE_CLOSE, "")
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\2\\\3", text)
    if text.startswith(("-", "=", "+", "#")):
        text = "\\" + text
    return text


def code(text: str) -> str:
    """``text`` as a code span (a backtick inside it becomes an apostrophe)."""
    return "`" + text.replace("`", "'") + "`"


def refs(numbers: list[int], limit: int | None = None, *, outlets: Mapping[int, str] | None = None) -> str:
    """Citation marks like [1, 3] ("[1, 3, 4, +5 more]" past ``limit``: the first source of each
    outlet in ``outlets`` (source number -> outlet) is shown before a second of any). No link
    reference definitions are ever emitted, so they stay literal text."""
    shown = numbers if limit is None or len(numbers) <= limit else _spread(numbers, limit, outlets or {})
    more = f", +{len(numbers) - len(shown):,} more" if len(shown) < len(numbers) else ""
    mark = "[" + ", ".join(str(n) for n in shown) + more + "]"
    if (seen := _SHOWN.get()) is not None:
        seen.update(shown)
    return CITE_OPEN + mark + CITE_CLOSE if _MARKED.get() else mark


def _spread(numbers: list[int], limit: int, outlets: Mapping[int, str]) -> list[int]:
    """``limit`` of the (ascending) source numbers: the first of each outlet, then the lowest."""
    firsts: dict[str, int] = {}
    for n in numbers:
        firsts.setdefault(outlets.get(n, str(n)), n)
    chosen = set(sorted(firsts.values())[:limit])
    chosen.update([n for n in numbers if n not in chosen][: limit - len(chosen)])
    return sorted(chosen)


def shorten(text: str, limit: int = 12) -> str:
    """The first ``limit`` words of a sentence, with an ellipsis when cut."""
    words = text.split()
    return text if len(words) <= limit else " ".join(words[:limit]).rstrip(",;:") + "…"


def support(
    articles: int,
    independent: int,
    disputed: list[int] | None = None,
    *,
    one_outlet: bool = False,
    outlets: Mapping[int, str] | None = None,
    dates: Sequence[DateEvidence] = (),
    speakers: Sequence[tuple[str, list[int]]] = (),
    related: Sequence[int] = (),
    other: Sequence[int] = (),
) -> str:
    """How a statement is sourced: "*(3 sources)*", "*(3 articles, 1 independent source: uncorroborated)*"
    ("uncorroborated" only when the collection has other sources: ``one_outlet`` says it has not),
    after the dates its relative expressions name: "*(“Last week”: week of 23 December 2024; 3 sources)*",
    and before whom the sources attribute it to when they differ (``speakers``: speaker, source
    numbers): "*(3 sources; attributed to South Korea’s NIS [3], US officials [1, 2])*". ``related``:
    sources on its subject not cited as saying it ("*(single source; related reports [1, 2])*"),
    which leave open whether it is corroborated. ``other``: sources of its statement that give
    other figures for what it counts ("*(2 sources; [4] gives other figures)*": a running total's
    later count, say), beside any that "Where sources differ" lists (``disputed``)."""
    if independent <= 1:
        text = "single source" if articles <= 1 else f"{articles:,} articles, 1 independent source"
    elif independent == articles:
        text = f"{articles:,} sources"
    else:
        text = f"{articles:,} articles, {independent:,} independent sources"
    if disputed:
        verb = "gives" if len(disputed) == 1 else "give"
        text += f"; {refs(disputed, MAX_REFS, outlets=outlets)} {verb} other figures, see Where sources differ"
    elif independent <= 1 and articles > 1 and not one_outlet and not related:
        text += ": uncorroborated"
    if other:
        text += (
            f"; {refs(list(other), MAX_REFS, outlets=outlets)} {'gives' if len(other) == 1 else 'give'} other figures"
        )
    if related:
        text += f"; related reports {refs(list(related), MAX_REFS, outlets=outlets)}"
    if speakers:
        text += "; attributed to " + ", ".join(
            f"{escape(who)} {refs(ns, MAX_REFS, outlets=outlets)}" for who, ns in speakers
        )
    named = "; ".join(f"“{escape(d.text)}”: {escape(d.label)}" for d in dates)
    return f"*({named}; {text})*" if named else f"*({text})*"


# At most this many stories are named; the others are counted.
MAX_STORIES = 5


def _several_stories(briefing: Briefing) -> str:
    """ "**Several stories.** These articles tell 2 separate stories, briefed here together: ..." """
    stories = briefing.stories
    named = [
        f"“{escape(shorten(s.title.rstrip('.')))}” ({len(s.article_ids):,} articles)" for s in stories[:MAX_STORIES]
    ]
    if len(stories) > MAX_STORIES:
        rest = sum(len(s.article_ids) for s in stories[MAX_STORIES:])
        named.append(f"{len(stories) - MAX_STORIES} more ({rest:,} articles)")
    others = len(briefing.articles) - sum(len(s.article_ids) for s in stories)
    if others > 0:  # articles of groups too small to be a story
        named.append(f"{others:,} article{'s' if others > 1 else ''} on other subjects")
    listed = ", ".join(named[:-1]) + " and " + named[-1]
    return (
        f"**Several stories.** These articles tell {len(stories)} separate stories, briefed here together: "
        f"{listed}. A briefing of each story on its own is clearer."
    )


def render_markdown(briefing: Briefing, *, marked_citations: bool = False) -> str:
    """The briefing as Markdown. ``marked_citations``: each citation mark between :data:`CITE_OPEN`
    and :data:`CITE_CLOSE`, for :func:`digest.render.html.render_html` to link."""
    token = _MARKED.set(marked_citations)
    shown = _SHOWN.set(set())
    try:
        return _render(briefing)
    finally:
        _SHOWN.reset(shown)
        _MARKED.reset(token)


def _render(briefing: Briefing) -> str:
    numbers = source_numbers(briefing)
    out: list[str] = [MARKER, "", f"# {escape(briefing.title)}", "", f"*{escape(provenance(briefing))}*", ""]
    if briefing.stories:
        out += [_several_stories(briefing), ""]
    ref = briefing.reference
    if ref.origin in ("inferred", "metadata") and ref.explanation:
        where = ""
        if ref.evidence_text and ref.evidence_article in numbers:
            where = f" (“{escape(ref.evidence_text)}” in {refs([numbers[ref.evidence_article]])})"
        out += [f"Reference date: {escape(ref.explanation)}{where}.", ""]
    if briefing.kind == "briefing":
        out += ["## Key points", ""]
    if briefing.kind == "briefing" and not briefing.key_points:
        out += ["No statement is made by the sources in a form digest could select.", ""]
    one_outlet = len({a.source for a in briefing.articles}) == 1  # the provenance line says "from 1 source"
    outlets = {numbers[a.id]: a.source for a in briefing.articles if a.id in numbers}

    def cite(citations: Sequence[Citation]) -> str:
        return refs(cited_numbers(citations, numbers), MAX_REFS, outlets=outlets)

    for i, point in enumerate(briefing.key_points, 1):
        tag = " " + support(
            point.source_count,
            point.independent_count,
            cited_numbers(point.disputed_by, numbers),
            one_outlet=one_outlet,
            outlets=outlets,
            # a phrasing the LLM stage wrote may not have the expression
            dates=[d for d in point.dates if d.text in point.text],
            speakers=[
                (who, sorted(numbers[a] for a in ids if a in numbers))
                for who, ids in speaker_groups(point.attribution, point.attributions)
            ],
            related=sorted(
                set(cited_numbers(point.related, numbers))
                - set(cited_numbers(point.citations, numbers))
                - set(cited_numbers(point.disputed_by, numbers))
                - set(cited_numbers(point.other_figures, numbers))
            ),
            other=sorted(
                set(cited_numbers(point.other_figures, numbers))
                - set(cited_numbers(point.citations, numbers))
                - set(cited_numbers(point.disputed_by, numbers))
            ),
        )
        out.append(f"{i}. {escape(point.text)} {cite(point.citations)}{tag}")
    if briefing.conflicts:
        out += ["", "## Where sources differ", ""]
        for conflict in briefing.conflicts:
            shown = conflict.sides[:MAX_SIDES]
            more = len(conflict.sides) - len(shown)
            sides = "; ".join(
                f"{escape(side.summary)}"
                + (f" ({escape(side.attribution)})" if side.attribution else "")
                + f" {cite(side.citations)}"
                for side in shown
            )
            if more:
                sides += f"; and {more} other version{'s' if more > 1 else ''} (see JSON)"
            label = conflict.label
            if conflict.period:  # a dated collection compares articles of the same few days: their dates
                label += ", reported " + human_period(*conflict.period)
            if conflict.text:  # a phrasing the LLM stage wrote and the grounding check accepted
                cited = sorted({n for side in shown for n in cited_numbers(side.citations, numbers)})
                out.append(f"- **{escape(label)}**: {escape(conflict.text)} {refs(cited, MAX_REFS, outlets=outlets)}")
            else:
                out.append(f"- **{escape(label)}** (“{escape(shorten(conflict.subject))}”): {sides}")
    if dict(briefing.settings).get("show_single_source") and briefing.single_source:
        out += ["", "## Single-source statements", ""]
        for citation, text, note in briefing.single_source:
            out.append(f"- {escape(text)} {refs([numbers[citation.article_id]])} *({escape(note)})*")
    out += ["", "## Timeline", ""] if out[-1] else ["## Timeline", ""]
    if not briefing.events:
        out += ["No dated events were found.", ""]
    for event in briefing.events:
        label = event.label[:1].upper() + event.label[1:]
        notes = [_dated_by_publication(event)]
        related = sorted(set(cited_numbers(event.related, numbers)) - set(cited_numbers(event.citations, numbers)))
        if related:
            notes.append(f"related reports {refs(related, MAX_REFS, outlets=outlets)}")
        note = "; ".join(n for n in notes if n)
        out.append(
            f"- **{escape(label)}**: {escape(_without_own_label(event))} {cite(event.citations)}"
            + (f" *({note})*" if note else "")
        )
    out += ["", "## Sources", ""]
    derived = {d.article_id: d for d in briefing.derivations}
    kinds = {"spun": "spun copy of", "paraphrase": "paraphrase of", "partial": "partial copy of", "copy": "copy of"}
    listed = listed_articles(briefing)
    for article in listed:
        line = (
            f"{numbers[article.id]}. {escape(article.title)}" if article.title else f"{numbers[article.id]}. Untitled"
        )
        details = [code(article.id)]
        if article.source != article.id:
            details.append(escape(article.source))
        if article.published:
            details.append(article.published.isoformat())
        line += " (" + ", ".join(details) + ")"
        if article.url:
            line += f" <{article.url.replace('>', '%3E').replace(' ', '%20')}>"
        if article.id in derived:
            d = derived[article.id]
            line += f"; {kinds[d.kind]} {refs([numbers[d.source_id]])}, counted with it as one source"
        out.append(line)
    if note := _uncited(briefing, [numbers[a.id] for a in listed], _SHOWN.get() or set()):
        out += ["", note]
    if briefing.skipped:
        out += ["", "Left out:", ""]
        out += [f"- {code(s.label)}: {escape(s.problem)}" for s in briefing.skipped]
    return "\n".join(out).rstrip() + "\n"


def _uncited(briefing: Briefing, listed: list[int], shown: set[int]) -> str:
    """What the Sources list of a large collection leaves out of the Markdown. That list holds the
    articles the briefing cites anywhere (:func:`digest.render.common.listed_articles`), and the JSON
    output can cite more than the Markdown shows (single-source statements, citations past
    :data:`MAX_REFS`, versions of figures past :data:`MAX_SIDES`): "26 of the sources above are cited
    only in the JSON output, ...", for the listed sources no mark here names (``shown``); then "3
    further articles in the collection are not cited.", for those not listed. A collection of up to
    :data:`~digest.render.common.ALL_SOURCES_UP_TO` articles lists them all: nothing is said."""
    if len(briefing.articles) <= ALL_SOURCES_UP_TO:
        return ""
    notes = []
    if only_json := sum(n not in shown for n in listed):
        notes.append(
            f"{only_json:,} of the sources above {'are' if only_json > 1 else 'is'} cited only in the JSON output, "
            f"which has every citation{' and the single-source statements' if briefing.single_source else ''}."
        )
    if further := len(briefing.articles) - len(listed):
        notes.append(
            f"{further:,} further article{'s' if further > 1 else ''} in the collection "
            f"{'are' if further > 1 else 'is'} not cited."
        )
    return " ".join(notes)


def _without_own_label(event: Event) -> str:
    """The entry's text without a leading date label that names the entry's own date ("26 May: BP
    starts its "top kill" procedure ..." under 26 May 2010, "27 October 2011 Dr Murray weeps in court
    ..." under 27 October 2011): the label is shown once. JSON keeps the sentence whole."""
    label = DATE_LABEL.match(event.text) or DATED_LINE.match(event.text)
    if label is None:
        return event.text
    rest = event.text[label.end() :].lstrip()
    own = any(
        d.citation == event.representative and d.value == event.value and d.start - d.citation.start < label.end()
        for d in event.evidence
    )
    return rest if own and rest else event.text


def _dated_by_publication(event: Event) -> str:
    """The note on an entry whose sentence names no date, dated by its report's publication: "no
    date in the text; published that day", or, when the report came out after the entry's day (a
    lead sentence is about its day or the day before), "no date in the text; published the next
    day, 30 January 2010" under 29 January 2010; "published that day and the next day, ..." when
    its reports came out on both. Readers took "dated by publication" beside another day for a
    contradiction."""
    if not event.evidence or any(d.origin != "published" for d in event.evidence):
        return ""
    days = sorted({d.value for d in event.evidence})
    when = ["that day" if v == event.value else _days_later(event.value, v) for v in days]
    return f"no date in the text; published {' and '.join(when)}"


def _days_later(day: str, report: str) -> str:
    """When a report of ``day`` came out: "the next day, 30 January 2010", "2 days later, ..."."""
    n = (dt.date.fromisoformat(report[:10]) - dt.date.fromisoformat(day[:10])).days
    return f"{'the next day' if n == 1 else f'{n} days later'}, {human_date(report, 'day')}"

"""What the renderers share: source numbering and provenance wording."""

from __future__ import annotations

from collections.abc import Sequence

from digest.sourcing import derivation_chains
from digest.types import Article, Briefing, Citation

# Up to this many articles, the Sources list shows them all; beyond, only the cited ones.
ALL_SOURCES_UP_TO = 30


def cited_ids(briefing: Briefing) -> set[str]:
    """The articles the briefing cites (JSON's citations, single-source statements included), the
    articles each cited copy derives from, directly or through other copies, and the article that
    gave the reference date."""
    cites = [c for p in briefing.key_points for c in (*p.citations, *p.disputed_by, *p.other_figures, *p.related)]
    cites += [c for e in briefing.events for c in (*e.citations, *e.related)]
    cites += [c for x in briefing.conflicts for side in x.sides for c in side.citations]
    cites += [c for c, _, _ in briefing.single_source]
    ids = {c.article_id for c in cites}
    chain = derivation_chains(briefing.derivations)
    ids.update(source for article_id in list(ids) for source in chain(article_id))
    if briefing.reference.evidence_article:
        ids.add(briefing.reference.evidence_article)
    return ids


def listed_articles(briefing: Briefing) -> list[Article]:
    """The articles the Sources list shows, in input order: all of a small collection, else the cited."""
    if len(briefing.articles) <= ALL_SOURCES_UP_TO:
        return list(briefing.articles)
    cited = cited_ids(briefing)
    return [a for a in briefing.articles if a.id in cited]


def source_numbers(briefing: Briefing) -> dict[str, int]:
    """Reference number of each listed article, in input order, from 1."""
    return {a.id: i for i, a in enumerate(listed_articles(briefing), 1)}


def cited_numbers(citations: Sequence[Citation], numbers: dict[str, int]) -> list[int]:
    return sorted({numbers[c.article_id] for c in citations})


def provenance(briefing: Briefing) -> str:
    """ "5 articles from 5 sources (3 independent); reference date ...": sources are outlets (an
    article without one is its own); copies found count with their originals, as in the Sources list."""
    n_articles = len(briefing.articles)
    n_sources = len({a.source for a in briefing.articles})
    n_independent = independent_sources(briefing)
    ref = briefing.reference
    if ref.date is None:
        when = "no reference date (relative dates left unresolved)"
    else:
        how = {"given": "given", "metadata": "from publication dates", "inferred": "inferred"}.get(
            ref.origin, ref.origin
        )
        when = f"reference date {ref.date.isoformat()} ({how})"
    left_out = f"; {len(briefing.skipped):,} left out (see Sources)" if briefing.skipped else ""
    return (
        f"{n_articles:,} article{'s' if n_articles != 1 else ''} from "
        f"{n_sources:,} source{'s' if n_sources != 1 else ''}"
        f"{f' ({n_independent:,} independent)' if n_independent < n_sources else ''}{left_out}; {when}"
    )


def independent_sources(briefing: Briefing) -> int:
    """Outlets of the articles once each copy is traced to its original (an original's outlet)."""
    chain = derivation_chains(briefing.derivations)
    outlet = {a.id: a.source for a in briefing.articles}
    roots = [(chain(a.id) or (a.id,))[-1] for a in briefing.articles]
    return len({outlet.get(root, root) for root in roots})

"""What the renderers share: source numbering and provenance wording."""

from __future__ import annotations

from collections.abc import Sequence

from digest.types import Article, Briefing, Citation


def source_numbers(briefing: Briefing) -> dict[str, int]:
    """Reference number of each article, in input order, from 1."""
    return {a.id: i for i, a in enumerate(briefing.articles, 1)}


def cited_numbers(citations: Sequence[Citation], numbers: dict[str, int]) -> list[int]:
    return sorted({numbers[c.article_id] for c in citations})


def source_label(article: Article) -> str:
    return article.title or article.id


def provenance(briefing: Briefing) -> str:
    n_articles = len(briefing.articles)
    n_sources = len({a.source for a in briefing.articles})
    ref = briefing.reference
    if ref.date is None:
        when = "no reference date (relative dates left unresolved)"
    else:
        how = {"given": "given", "metadata": "from publication dates", "inferred": "inferred"}.get(
            ref.origin, ref.origin
        )
        when = f"reference date {ref.date.isoformat()} ({how})"
    return (
        f"{n_articles} article{'s' if n_articles != 1 else ''} from "
        f"{n_sources} source{'s' if n_sources != 1 else ''}; {when}"
    )

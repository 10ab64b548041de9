"""digest: many news articles about one story -> a cited briefing.

    import digest
    briefing = digest.build(["examples/kursk"], digest.Config(max_points=8))
    print(briefing.to_markdown())
    print(digest.build_timeline(["coverage/"], digest.Config(max_dates=10, per_date=2)).to_markdown())

Importing digest is cheap: the embedding stack loads only when a briefing is built.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digest.config import Config, TimelineSettings
from digest.errors import ConfigError, DateError, DigestError, InputError, ModelError, NoSentencesError
from digest.types import Article, Briefing

if TYPE_CHECKING:
    from digest.pipeline import Components

__all__ = [
    "Article",
    "Briefing",
    "Config",
    "ConfigError",
    "DateError",
    "DigestError",
    "InputError",
    "ModelError",
    "NoSentencesError",
    "TimelineSettings",
    "build",
    "build_timeline",
]
__version__ = "0.1.0"


def build(
    inputs: Iterable[str | Path | Article] | str | Path,
    config: Config | None = None,
    *,
    components: Components | None = None,
    **kwargs: Any,
) -> Briefing:
    """Build a briefing from paths (files, directories, globs) and/or Article objects.

    Keyword arguments are passed to :func:`digest.pipeline.run` (``embeddings``, ``progress``).
    """
    from digest.pipeline import run

    return run(_articles(inputs), config, components=components, **kwargs)


def build_timeline(
    inputs: Iterable[str | Path | Article] | str | Path,
    config: Config | None = None,
    **kwargs: Any,
) -> Briefing:
    """A timeline, as ``digest timeline`` makes it, from paths and/or Article objects: the
    ``config.max_dates`` most important dates with ``config.per_date`` cited sentences each.

    Keyword arguments are passed to :func:`digest.tls.build_timeline` (``embedder``, ``progress``,
    ``copy_detector`` ...)."""
    from digest import tls

    return tls.build_timeline(_articles(inputs), config or Config(), **kwargs)


def _articles(inputs: Iterable[str | Path | Article] | str | Path) -> list[Article]:
    from digest.ingest import read_articles

    items = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    articles: list[Article] = []
    paths = [i for i in items if not isinstance(i, Article)]
    if paths:
        articles.extend(read_articles(paths))  # type: ignore[arg-type]
    articles.extend(i for i in items if isinstance(i, Article))
    return articles

"""The Python API as a library user meets it: typed errors for values of the wrong type, and
precomputed embeddings that give the briefing the embedder gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

import digest
from digest.ingest import read_articles
from digest.pipeline import Components, prepare, run, texts_to_embed
from digest.tls import build_timeline

from .test_cache import CountingEmbedder

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"as_of": "2025-02-01"}, "as_of must be a datetime.date or None, not str '2025-02-01'"),
        ({"start": dt.datetime(2025, 1, 1)}, "start must be a datetime.date or None, not datetime"),
        ({"keywords": "quake"}, "keywords must be a tuple of words, not 'quake'"),
    ],
)
def test_config_values_of_the_wrong_type_are_config_errors(options: dict[str, object], problem: str) -> None:
    with pytest.raises(digest.ConfigError, match=problem):
        digest.Config(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("articles", "problem"),
    [
        ([digest.Article("a", "Text here.", "s", published="2024-03-12")], "article 'a': published must be a datetime"),  # type: ignore[arg-type]
        ([digest.Article("a", None, "s")], "article 'a': id, text and source must be strings"),  # type: ignore[arg-type]
        ([digest.Article("a", "One two three.", "s"), digest.Article("a", "Four five six.", "t")], "id is given twice"),
        (["not an article"], r"\(input 1\): is a str, not a digest.Article"),
    ],
)
def test_articles_digest_cannot_read_are_input_errors_before_any_work(articles: list, problem: str) -> None:
    embedder = CountingEmbedder()
    with pytest.raises(digest.InputError, match=problem):
        run(articles, components=Components(embedder=embedder))
    with pytest.raises(digest.InputError, match=problem):
        build_timeline(articles, digest.Config(), embedder=embedder)  # digest.build_timeline reads a str as a path
    assert embedder.calls == []


def test_precomputed_embeddings_with_the_titles_give_the_embedders_briefing() -> None:
    raw = read_articles([ROOT / "examples" / "kursk"])
    config = digest.Config(as_of=dt.date(2025, 2, 1))
    embedded = run(raw, config, components=Components(embedder=CountingEmbedder()))
    kept, sentences = prepare(raw)
    vectors = CountingEmbedder().encode(texts_to_embed(kept, sentences))
    given = run(raw, config, embeddings=vectors)
    assert given.title == embedded.title
    assert given.to_markdown() == embedded.to_markdown()
    # without the titles' rows the sentences alone still work; the first title is the briefing's
    assert run(raw, config, embeddings=vectors[: len(sentences)]).key_points == embedded.key_points


@pytest.mark.parametrize(
    ("embeddings", "problem"),
    [
        ([[1.0, 0.0]], r"have 1 rows; expected \d+ \(one per sentence\) or \d+ \(then one per title\)"),
        ("x", "are not an array of numbers"),
        (np.zeros(5), "must be a 2-D array"),
    ],
)
def test_precomputed_embeddings_digest_cannot_use_are_config_errors(embeddings: object, problem: str) -> None:
    raw = read_articles([ROOT / "examples" / "kursk"])
    with pytest.raises(digest.ConfigError, match=problem):
        run(raw, embeddings=embeddings)  # type: ignore[arg-type]
    _, sentences = prepare(raw)
    nan = np.full((len(sentences), 4), np.nan)
    with pytest.raises(digest.ConfigError, match="NaN or infinite"):
        run(raw, embeddings=nan)


def test_build_timeline_reads_paths_as_build_does() -> None:
    timeline = digest.build_timeline(
        [ROOT / "examples" / "kursk"], digest.Config(max_dates=4), embedder=CountingEmbedder()
    )
    assert timeline.kind == "timeline" and 1 <= len({e.label for e in timeline.events}) <= 4
    assert len(timeline.articles) == 5

"""Key points of a large collection against what journalists recorded: a proxy on Timeline17.

T17 has no gold key points, but each topic has timelines written by journalists: the statements
they thought worth recording. For each topic under DIR (its folders' articles pooled, as in
``benchmarks/tls.py``), ``digest build`` (default settings, ``skip_unusable``) writes a briefing;
each key point is scored by its best match among the topic's gold timeline sentences:

- ``r1``: ROUGE-1 F1 on content words (``digest.text.content_words``) with the closest gold sentence;
- ``r2``: the same on bigrams of content words;
- ``hit``: the share of key points whose best ``r1`` is at least 0.3 (a statement a journalist
  wrote down in similar words), a coarse reading of ``r1``.

A key point scores 0 when nothing in the gold timelines resembles it: boilerplate, a reader's
comment, a generic quote ("The magnitude of the spill is simply enormous"). It is a proxy: a true
statement journalists left out of their timeline scores low too. As a floor, the same scores for
eight sentences drawn at random (seed 0) from the briefing's sentences of at least 8 words.

``--days N``: a day's coverage instead of a topic's, the collection most users give. For each topic,
the N days with the most articles published (at least 10) among the days its gold timelines record;
the briefing of each day's articles is scored against the gold sentences recorded for that day and
the day before (what that day's reports are about).

``--settings JSON`` replaces fields of ``Config`` for a comparison, e.g. ``'{"echo_similarity": null}'``
(key points without echoes).

    python benchmarks/keypoints.py [--data DIR] [--only TOPIC ...] [--days N] [--json OUT] [--cache PATH]
                                   [--settings JSON]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.t17 import T17_DIR, detokenize, read_topic, topics
from benchmarks.tls import close_cache, open_cache, to_articles
from digest.config import Config
from digest.text import content_words, words
from digest.types import Article


def _gold_lines(folders: Sequence[Path]) -> Iterator[tuple[dt.date | None, str]]:
    """Every sentence of the topic's gold timelines with the date of its block (``None`` under a
    malformed date line, MJ's ``2011-04-0``); date lines and separators left out."""
    for folder in folders:
        for path in sorted((folder / "timelines").glob("*.txt")):
            day: dt.date | None = None
            first = True  # a block's first line is its date
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                text = detokenize(line)
                if not text or set(text) <= {"-"}:
                    day, first = None, True
                    continue
                if first:
                    first = False
                    try:
                        day = dt.date.fromisoformat(text)
                        continue
                    except ValueError:
                        day = None
                if len(words(text)) > 1:
                    yield day, text


def gold_sentences(folders: Sequence[Path]) -> list[str]:
    """Every sentence of the topic's gold timelines."""
    return [text for _day, text in _gold_lines(folders)]


def gold_by_date(folders: Sequence[Path]) -> dict[dt.date, list[str]]:
    """The topic's gold timeline sentences by the date they are recorded under (a block under a
    malformed date line is left out)."""
    out: dict[dt.date, list[str]] = {}
    for day, text in _gold_lines(folders):
        if day is not None:
            out.setdefault(day, []).append(text)
    return out


def busiest_gold_days(published: Sequence[dt.date], gold: dict[dt.date, list[str]], n: int) -> list[dt.date]:
    """The ``n`` gold days with the most articles published on them (at least 10), busiest first."""
    counts = Counter(published)
    days = sorted((d for d in gold if counts[d] >= 10), key=lambda d: (-counts[d], d))
    return days[:n]


def day_collections(
    data: Path, days: int, only: Sequence[str] | None = None
) -> Iterator[tuple[str, list[Article], list[str]]]:
    """``(label, articles, gold sentences)`` for the ``days`` busiest gold days of each topic under
    ``data``: the articles published that day, scored against the gold sentences recorded for that
    day and the day before (what that day's reports are about)."""
    for topic, folders in topics(data).items():
        if only and topic not in only:
            continue
        articles = to_articles(read_topic(folders), topic)
        by_date = gold_by_date(folders)
        for day in busiest_gold_days([a.published for a in articles if a.published], by_date, days):
            day_gold = by_date.get(day - dt.timedelta(days=1), []) + by_date[day]
            yield f"{topic} {day}", [a for a in articles if a.published == day], day_gold


def _f1(a: Counter[object], b: Counter[object]) -> float:
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * p * r / (p + r)


def _grams(text: str) -> tuple[Counter[object], Counter[object]]:
    tokens = content_words(text)
    return Counter(tokens), Counter(itertools.pairwise(tokens))


def best_match(text: str, gold: Sequence[tuple[Counter[object], Counter[object]]]) -> tuple[float, float]:
    one, two = _grams(text)
    return max((_f1(one, g1), _f1(two, g2)) for g1, g2 in gold) if gold else (0.0, 0.0)


def scores(texts: Sequence[str], gold: Sequence[tuple[Counter[object], Counter[object]]]) -> dict[str, float]:
    matches = [best_match(t, gold) for t in texts]
    n = max(len(matches), 1)
    return {
        "r1": sum(m[0] for m in matches) / n,
        "r2": sum(m[1] for m in matches) / n,
        "hit": sum(m[0] >= 0.3 for m in matches) / n,
    }


def main(argv: Sequence[str] | None = None) -> int:
    import digest
    from digest.embed import SentenceTransformerEmbedder
    from digest.pipeline import Components

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17_DIR)
    parser.add_argument("--only", nargs="+", metavar="TOPIC")
    parser.add_argument("--json", metavar="OUT")
    parser.add_argument("--cache", metavar="PATH", help="embedding cache (SQLite) for re-runs")
    parser.add_argument("--show", action="store_true", help="print each key point with its best score")
    parser.add_argument("--days", type=int, metavar="N", help="score the N busiest gold days of each topic")
    parser.add_argument("--settings", metavar="JSON", help="override Config fields, e.g. '{\"echo_similarity\": null}'")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no T17 data at {args.data}", file=sys.stderr)
        return 2
    config = Config(skip_unusable=True, cache_path=args.cache, **json.loads(args.settings or "{}"))
    rows = []
    name = "day" if args.days else "topic"
    print(f"{name:<22} {'arts':>5} {'r1':>6} {'r2':>6} {'hit':>5}   random: {'r1':>6} {'r2':>6} {'hit':>5}   secs")
    base = SentenceTransformerEmbedder.from_config(config)
    cache, tagger, segmenter = open_cache(base, args.cache)
    parts = Components(embedder=cache or base, resolver=tagger)

    def run(label: str, articles: Sequence[Article], gold_texts: Sequence[str]) -> None:
        gold = [_grams(g) for g in gold_texts]
        started = time.perf_counter()
        briefing = digest.build(articles, config, components=parts)
        seconds = time.perf_counter() - started
        points = [p.text for p in briefing.key_points]
        pool = sorted({s.text for s in briefing.sentences if len(words(s.text)) >= 8})
        drawn = random.Random(0).sample(pool, min(len(points) or 8, len(pool)))
        mine, floor = scores(points, gold), scores(drawn, gold)
        rows.append(
            {
                name: label,
                "articles": len(briefing.articles),
                "seconds": seconds,
                **mine,
                "random": floor,
                "key_points": points,
            }
        )
        print(
            f"{label:<22} {len(briefing.articles):>5} {mine['r1']:>6.3f} {mine['r2']:>6.3f} {mine['hit']:>5.2f}"
            f"   random: {floor['r1']:>6.3f} {floor['r2']:>6.3f} {floor['hit']:>5.2f}   {seconds:5.1f}"
        )
        if args.show:
            for text in points:
                r1, r2 = best_match(text, gold)
                print(f"    {r1:.2f} {r2:.2f} {text[:140]}")

    try:
        if args.days:
            for label, articles, day_gold in day_collections(args.data, args.days, args.only):
                run(label, articles, day_gold)
        else:
            for topic, folders in topics(args.data).items():
                if args.only and topic not in args.only:
                    continue
                run(topic, to_articles(read_topic(folders), topic), gold_sentences(folders))
    finally:
        close_cache(cache, tagger, segmenter)
    mean = {k: sum(r[k] for r in rows) / max(len(rows), 1) for k in ("r1", "r2", "hit")}
    floor = {k: sum(r["random"][k] for r in rows) / max(len(rows), 1) for k in ("r1", "r2", "hit")}
    print(
        f"{'mean':<22} {'':>5} {mean['r1']:>6.3f} {mean['r2']:>6.3f} {mean['hit']:>5.2f}"
        f"   random: {floor['r1']:>6.3f} {floor['r2']:>6.3f} {floor['hit']:>5.2f}"
    )
    if args.json:
        key = "days" if args.days else "topics"
        record = {key: rows, "mean": mean, "random": floor, "settings": json.loads(args.settings or "{}")}
        Path(args.json).write_text(json.dumps(record, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

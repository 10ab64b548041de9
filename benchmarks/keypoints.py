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

    python benchmarks/keypoints.py [--data DIR] [--only TOPIC ...] [--json OUT] [--cache PATH]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.t17 import T17_DIR, detokenize, read_topic, topics
from benchmarks.tls import close_cache, open_cache, to_articles
from digest.config import Config
from digest.text import content_words, words


def gold_sentences(folders: Sequence[Path]) -> list[str]:
    """Every sentence of the topic's gold timelines (date lines and separators left out)."""
    out = []
    for folder in folders:
        for path in sorted((folder / "timelines").glob("*.txt")):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                text = detokenize(line)
                if text and not set(text) <= {"-"} and len(words(text)) > 1:
                    out.append(text)
    return out


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
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no T17 data at {args.data}", file=sys.stderr)
        return 2
    config = Config(skip_unusable=True, cache_path=args.cache)
    rows = []
    print(f"{'topic':<10} {'arts':>5} {'r1':>6} {'r2':>6} {'hit':>5}   random: {'r1':>6} {'r2':>6} {'hit':>5}   secs")
    base = SentenceTransformerEmbedder.from_config(config)
    cache, tagger, segmenter = open_cache(base, args.cache)
    parts = Components(embedder=cache or base, resolver=tagger)
    try:
        for topic, folders in topics(args.data).items():
            if args.only and topic not in args.only:
                continue
            articles = to_articles(read_topic(folders), topic)
            gold = [_grams(g) for g in gold_sentences(folders)]
            started = time.perf_counter()
            briefing = digest.build(articles, config, components=parts)
            seconds = time.perf_counter() - started
            points = [p.text for p in briefing.key_points]
            pool = sorted({s.text for s in briefing.sentences if len(words(s.text)) >= 8})
            drawn = random.Random(0).sample(pool, min(len(points) or 8, len(pool)))
            mine, floor = scores(points, gold), scores(drawn, gold)
            rows.append(
                {
                    "topic": topic,
                    "articles": len(briefing.articles),
                    "seconds": seconds,
                    **mine,
                    "random": floor,
                    "key_points": points,
                }
            )
            print(
                f"{topic:<10} {len(briefing.articles):>5} {mine['r1']:>6.3f} {mine['r2']:>6.3f} {mine['hit']:>5.2f}"
                f"   random: {floor['r1']:>6.3f} {floor['r2']:>6.3f} {floor['hit']:>5.2f}   {seconds:5.1f}"
            )
            if args.show:
                for text in points:
                    r1, r2 = best_match(text, gold)
                    print(f"    {r1:.2f} {r2:.2f} {text[:140]}")
    finally:
        close_cache(cache, tagger, segmenter)
    mean = {k: sum(r[k] for r in rows) / max(len(rows), 1) for k in ("r1", "r2", "hit")}
    floor = {k: sum(r["random"][k] for r in rows) / max(len(rows), 1) for k in ("r1", "r2", "hit")}
    print(
        f"{'mean':<10} {'':>5} {mean['r1']:>6.3f} {mean['r2']:>6.3f} {mean['hit']:>5.2f}"
        f"   random: {floor['r1']:>6.3f} {floor['r2']:>6.3f} {floor['hit']:>5.2f}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps({"topics": rows, "mean": mean, "random": floor}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

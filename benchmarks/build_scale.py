"""Speed and memory of ``digest build`` as a collection grows: the first N articles of Timeline17.

The collection pools every article of the topics under DIR (default ``../shared/eval/t17``; one copy
of each text), in publication order (date, then id), and each row builds a briefing of the first N,
as ``digest build --skip-unusable`` does, in a fresh process of its own, so that its peak RSS
(``ru_maxrss``) is its own. The texts are T17's, one extracted sentence per line; the
pipeline cleans them as it cleans any input.

    python benchmarks/build_scale.py [--data DIR] [--sizes 250 500 1000 2000 0] [--cache FILE]
                                     [--precision float32] [--json OUT]

A size of 0 is every article. Without ``--cache`` every row embeds all its sentences (cold; on 2
cores float32 MiniLM embeds about 250 T17 sentences a second); with it, rows reuse what earlier
rows and runs embedded, as a re-run with ``digest build --cache`` does. ``embed`` is the share of
the wall time spent in the embedder (cache look-ups included); the model's load is in the wall
time. Columns: articles, sentences (after cleaning), wall seconds, sentences/s, embedding share,
peak RSS in MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.t17 import T17_DIR, read_topic, topics
from benchmarks.tls import to_articles
from digest.types import Article


def collection(data: Path) -> list[Article]:
    """Every article of every topic under ``data`` in publication order, its outlet the folder's."""
    articles = [a for _, folders in sorted(topics(data).items()) for a in to_articles(read_topic(folders), "")]
    return sorted(articles, key=lambda a: (a.published, a.id))


def one(data: Path, size: int, cache: str | None, precision: str) -> dict[str, float]:
    """Build the first ``size`` articles (0: all) in this process; the row's numbers."""
    from benchmarks.tls import TimedEmbedder
    from digest.config import Config
    from digest.embed import SentenceTransformerEmbedder
    from digest.pipeline import Components, run

    articles = collection(data)
    chosen = articles[:size] if size else articles
    config = replace(Config(), skip_unusable=True, precision=precision)
    base = SentenceTransformerEmbedder.from_config(config)
    if cache:
        from digest.cache import CachedEmbedder

        embedder = TimedEmbedder(CachedEmbedder(base, cache))
    else:
        embedder = TimedEmbedder(base)
    started = time.perf_counter()
    briefing = run(chosen, config, components=Components(embedder=embedder))
    briefing.to_markdown()
    seconds = time.perf_counter() - started
    return {
        "articles": len(chosen),
        "sentences": len(briefing.sentences),
        "seconds": round(seconds, 2),
        "sentences_per_s": round(len(briefing.sentences) / seconds, 1),
        "embed_share": round(embedder.seconds / seconds, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17_DIR)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000, 0])
    parser.add_argument("--cache", help="embedding cache (SQLite) shared by the rows")
    parser.add_argument("--precision", default="float32", choices=["auto", "float32", "bfloat16"])
    parser.add_argument("--json", help="write the rows here")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a row, in a fresh process
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no Timeline17 data at {args.data}", file=sys.stderr)
        return 2
    if args.one is not None:
        print(json.dumps(one(args.data, args.one, args.cache, args.precision)))
        return 0

    rows = []
    print(f"{'articles':>8} {'sentences':>9} {'secs':>7} {'sent/s':>7} {'embed':>6} {'RSS MB':>7}")
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--data", str(args.data), "--one", str(size), "--precision", args.precision]
        if args.cache:
            cmd += ["--cache", args.cache]
        done = subprocess.run(cmd, check=True, capture_output=True, text=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"{row['articles']:>8} {row['sentences']:>9} {row['seconds']:>7.1f} {row['sentences_per_s']:>7.0f} "
            f"{row['embed_share']:>6.0%} {row['peak_rss_mb']:>7.0f}",
            flush=True,
        )
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Choosing ``Config.timeline`` (``digest.config.TimelineSettings``) on Timeline17 without tuning on
the test timelines.

Runs the T17 benchmark (``benchmarks/tls.py``) once per point of a grid of settings, then
estimates what choosing among them is worth by leave-one-topic-out: for each topic, the point
with the best mean ``--metric`` over the *other* topics' timelines is chosen and scored on the
held-out topic. The mean of the held-out rows is the honest estimate; a default is only worth
changing when every fold chooses the same point.

    python benchmarks/tls_select.py --cache PATH \\
        --grid '{"redundancy_similarity": [0.6, 0.7], "lexical_weight": [0.5, 1.0]}' [--json OUT]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.t17 import T17_DIR
from benchmarks.tls import close_cache, evaluate, open_cache, settings_from
from digest.config import Config
from digest.embed import Embedder, SentenceTransformerEmbedder

REPORTED = ("ar1_f", "ar2_f", "date_f1")


def leave_one_topic_out(results: list[tuple[str, list[dict]]], metric: str) -> tuple[dict[str, str], list[dict]]:
    """For each topic, the grid point (its label) that is best on the other topics, and the
    held-out rows that point produced."""
    topics = sorted({row["topic"] for row in results[0][1]})
    choice: dict[str, str] = {}
    held_out: list[dict] = []
    for topic in topics:

        def train(item: tuple[str, list[dict]], topic: str = topic) -> float:
            return statistics.fmean(row[metric] for row in item[1] if row["topic"] != topic)

        label, rows = max(results, key=train)
        choice[topic] = label
        held_out.extend(row for row in rows if row["topic"] == topic)
    return choice, held_out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17_DIR)
    parser.add_argument("--grid", required=True, help="JSON object: setting name -> list of values")
    parser.add_argument("--metric", default="ar1_f", choices=REPORTED, help="what each fold maximizes")
    parser.add_argument("--cache", metavar="PATH", help="embedding and tagging cache (SQLite file)")
    parser.add_argument("--json", type=Path, metavar="OUT")
    parser.add_argument("--no-keywords", action="store_true", help="leave out the folders' keywords")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: no such directory (T17 data)", file=sys.stderr)
        return 2

    from tilse.evaluation import rouge

    grid: dict[str, list] = json.loads(args.grid)
    points = [dict(zip(grid, values, strict=True)) for values in itertools.product(*grid.values())]
    base = SentenceTransformerEmbedder.from_config(Config())
    cache, tagger, segmenter = open_cache(base, args.cache)
    inner: Embedder = cache or base
    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])

    results: list[tuple[str, list[dict]]] = []
    print(f"{'settings':<60} " + " ".join(f"{m:>7}" for m in REPORTED))
    for point in points:
        label = json.dumps(point)
        rows = list(
            evaluate(
                args.data,
                None,
                inner,
                tagger,
                segmenter,
                evaluator,
                settings=settings_from(label),
                use_keywords=not args.no_keywords,
            )
        )
        results.append((label, rows))
        means = " ".join(f"{statistics.fmean(r[m] for r in rows):>7.4f}" for m in REPORTED)
        print(f"{label:<60} {means}", flush=True)

    choice, held_out = leave_one_topic_out(results, args.metric)
    print(f"\nleave-one-topic-out, each fold maximizing {args.metric} on the other topics:")
    for topic, label in choice.items():
        print(f"  {topic:<18} chooses {label}")
    estimate = {m: round(statistics.fmean(r[m] for r in held_out), 4) for m in REPORTED}
    print("held-out mean over", len(held_out), "timelines:", " ".join(f"{m} {v:.4f}" for m, v in estimate.items()))
    stable = len(set(choice.values())) == 1
    print("every fold chooses the same settings" if stable else "the folds disagree: keep the defaults")
    if args.json:
        payload = {
            "grid": grid,
            "metric": args.metric,
            "points": [{"settings": json.loads(lab), "timelines": rows} for lab, rows in results],
            "choice": choice,
            "held_out_mean": estimate,
            "stable": stable,
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    close_cache(cache, tagger, segmenter)
    return 0


if __name__ == "__main__":
    sys.exit(main())

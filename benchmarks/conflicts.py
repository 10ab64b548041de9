"""Where sources differ, on whole T17 topics: how many reported disagreements are real.

``python benchmarks/conflicts.py [--data DIR] [--only TOPIC ...] [--days N] [--cache FILE] [--json OUT]
[--show] [--precision auto|float32|bfloat16]``

The conflict cases of ``benchmarks/sourcing.py`` are four-article collections with edited figures;
they cannot show what a collection of hundreds of real articles brings: figures of different
things that happen to share a measure ("1.5% of pension fund assets" and "25% of UK dividends",
a storm's position in two advisories, a toll in Mexico and one worldwide). Here ``digest build``
runs on each T17 topic (the pooled articles of its folders, every date) with no cap on the number
of conflicts, and each conflict is judged from ``benchmarks/conflict_judgments.tsv``:

- a judgment is about two sentences, each the first of its side (their texts, by hash): 1 when
  they give different figures for the same thing at about the same time (a real disagreement a
  reader should weigh), 0 when the figures are of different things, places, times or wholes, or
  agree;
- a conflict is **real** when a pair of its sides is judged 1, **false** when every pair is
  judged 0, else **unjudged**: ``--show`` prints those with their sentences and hashes, to judge
  and add. The judgments were made by reading the sentences, before and after changes to the
  conflict rules; a pair is never re-judged to suit a result.

``--days N`` runs on a day's coverage instead, the collection most users give: the articles of each
topic's N busiest gold days, one build a day (as ``benchmarks/keypoints.py --days``).

Prints per topic (or day): conflicts, real, false, unjudged, precision over the judged, and the same for the
five a briefing shows (``Config.max_conflicts``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import combinations
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.keypoints import day_collections
from benchmarks.t17 import T17_DIR, read_topic, topics
from benchmarks.tls import close_cache, open_cache, to_articles
from digest.config import PRECISIONS, Config
from digest.types import Article, Briefing, Conflict

JUDGMENTS = Path(__file__).with_name("conflict_judgments.tsv")


def text_hash(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def read_judgments(path: Path) -> dict[frozenset[str], int]:
    """``topic, hash, hash, verdict, note`` rows (``#`` comments allowed) keyed by the hash pair."""
    out: dict[frozenset[str], int] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.reader((line for line in f if line.strip() and not line.startswith("#")), delimiter="\t"):
            out[frozenset(row[1:3])] = int(row[3])
    return out


def representatives(conflict: Conflict, text: dict[tuple[str, int], str]) -> list[str]:
    """The text of each side's first sentence."""
    return [text[(side.citations[0].article_id, side.citations[0].sentence_index)] for side in conflict.sides]


def verdict(conflict: Conflict, text: dict[tuple[str, int], str], judged: dict[frozenset[str], int]) -> str:
    votes = [
        judged.get(frozenset((text_hash(a), text_hash(b)))) for a, b in combinations(representatives(conflict, text), 2)
    ]
    if 1 in votes:
        return "real"
    return "false" if votes and all(v == 0 for v in votes) else "unjudged"


def shown(conflicts: Sequence[Conflict], limit: int) -> list[int]:
    """The indices of the conflicts a briefing keeps, as :func:`digest.conflicts.find_conflicts` ranks them."""
    ranked = sorted(range(len(conflicts)), key=lambda i: (-sum(s.independent_count for s in conflicts[i].sides), i))
    return sorted(ranked[:limit])


def precision(counts: dict[str, int]) -> float:
    judged = counts["real"] + counts["false"]
    return counts["real"] / judged if judged else 0.0


def collections(data: Path, only: Sequence[str] | None, days: int | None) -> Iterator[tuple[str, list[Article]]]:
    """``(label, articles)``: each topic's pooled articles, or with ``days`` its busiest gold days'."""
    if days:
        for label, articles, _ in day_collections(data, days, only):
            yield label, articles
        return
    for topic, folders in topics(data).items():
        if not only or topic in only:
            yield topic, to_articles(read_topic(folders), topic)


def run(
    data: Path,
    only: Sequence[str] | None,
    cache: str | None,
    show: bool,
    model_precision: str = "auto",
    days: int | None = None,
) -> dict[str, object]:
    import digest
    from digest.embed import SentenceTransformerEmbedder
    from digest.pipeline import Components

    judged = read_judgments(JUDGMENTS)
    limit = Config().max_conflicts
    config = replace(Config(), max_conflicts=100_000, skip_unusable=True, precision=model_precision)
    base = SentenceTransformerEmbedder.from_config(config)
    embedder, tagger, segments = open_cache(base, cache)
    rows = []
    try:
        parts = Components(embedder=embedder or base, resolver=tagger)
        for topic, articles in collections(data, only, days):
            started = time.perf_counter()
            briefing: Briefing = digest.build(articles, config, components=parts)
            text = {(s.article_id, s.index): s.text for s in briefing.sentences}
            verdicts = [verdict(c, text, judged) for c in briefing.conflicts]
            top = shown(briefing.conflicts, limit)
            row: dict[str, object] = {
                "topic": topic,
                "conflicts": len(verdicts),
                "seconds": time.perf_counter() - started,
            }
            for name, which in (("all", range(len(verdicts))), ("shown", top)):
                counts = {k: sum(verdicts[i] == k for i in which) for k in ("real", "false", "unjudged")}
                row[name] = {**counts, "precision": precision(counts)}
            rows.append(row)
            if show:
                _show(topic, briefing.conflicts, verdicts, text, top)
    finally:
        close_cache(embedder, tagger, segments)
    total = {
        name: {k: sum(r[name][k] for r in rows) for k in ("real", "false", "unjudged")}  # type: ignore[index]
        for name in ("all", "shown")
    }
    for counts in total.values():
        counts["precision"] = precision(counts)  # type: ignore[assignment]
    return {"topics": rows, "total": total}


def _show(
    topic: str, conflicts: Sequence[Conflict], verdicts: list[str], text: dict[tuple[str, int], str], top: list[int]
) -> None:
    for i, (c, v) in enumerate(zip(conflicts, verdicts, strict=True)):
        mark = "*" if i in top else " "
        period = f" {c.period[0]}..{c.period[1]}" if c.period else ""
        print(f"{mark} [{topic} #{i}] {v}: {c.label}{period} | {' vs '.join(s.summary for s in c.sides)}")
        if v == "unjudged":
            for rep in representatives(c, text):
                print(f"      {text_hash(rep)}  {rep[:300]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="precision of 'Where sources differ' on whole T17 topics")
    parser.add_argument("--data", type=Path, default=T17_DIR, help="T17 directory (default ../shared/eval/t17)")
    parser.add_argument("--only", nargs="+", metavar="TOPIC", help="topics to run (bpoil, H1N1, ...)")
    parser.add_argument("--days", type=int, metavar="N", help="build each topic's N busiest gold days instead")
    parser.add_argument("--cache", metavar="FILE", help="persistent embedding cache (SQLite file)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the results here")
    parser.add_argument("--show", action="store_true", help="list every conflict, with the unjudged pairs' sentences")
    parser.add_argument(
        "--precision",
        choices=PRECISIONS,
        default="auto",
        help="how the model computes (float32: the same conflicts on any CPU)",
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no T17 data at {args.data}", file=sys.stderr)
        return 2
    result = run(args.data, args.only, args.cache, args.show, args.precision, args.days)
    header = f"{'day' if args.days else 'topic':<26} {'conflicts':>9} {'real':>5} {'false':>5} {'unjudged':>8} {'precision':>9}   shown: {'real':>4} {'false':>5} {'precision':>9} {'s':>6}"  # noqa: E501
    print(header)
    for r in result["topics"]:  # type: ignore[attr-defined]
        a, s = r["all"], r["shown"]
        print(
            f"{r['topic']:<26} {r['conflicts']:>9} {a['real']:>5} {a['false']:>5} {a['unjudged']:>8}"
            f" {a['precision']:>9.3f}          {s['real']:>4} {s['false']:>5} {s['precision']:>9.3f}"
            f" {r['seconds']:>6.1f}"
        )
    a, s = result["total"]["all"], result["total"]["shown"]  # type: ignore[index]
    n = a["real"] + a["false"] + a["unjudged"]
    print(
        f"{'total':<26} {n:>9} {a['real']:>5} {a['false']:>5} {a['unjudged']:>8} {a['precision']:>9.3f}"
        f"          {s['real']:>4} {s['false']:>5} {s['precision']:>9.3f}"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

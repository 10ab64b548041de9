"""Timeline17 (T17): quality and speed of ``digest.tls.build_timeline`` with the news-tls protocol.

For each topic under DIR (a topic pools the articles of its folders, one copy of each text), for
each gold timeline of the topic: L = number of gold dates, K = mean gold sentences per date
(rounded), articles limited to the gold timeline's first..last date, keywords from the folder's
``keywords.json``. Scored with tilse and its Perl ROUGE-1.5.5 (as news-tls does): align+ m:1
ROUGE-1/2 F (AR1-F, AR2-F), concat ROUGE-1/2 F, and date F1. Same settings for every timeline.

    python benchmarks/tls.py [--data DIR] [--only NAME ...] [--json OUT] [--cache PATH] [--settings JSON]
                             [--undated] [--clean]

``--settings`` replaces fields of ``Config.timeline`` (``digest.config.TimelineSettings``) for the
run; to choose them without tuning on the test timelines, see ``benchmarks/tls_select.py`` (leave-one-topic-out).

``--undated`` takes the protocol's articles (published within the gold timeline's first..last date), then
removes their publication dates and cleans the text as ``digest timeline`` does, as for a folder of
scraped pages without metadata: each article is then dated by its dateline, or as
``digest.reference.choose_reference`` infers. ``--clean`` cleans the text as ``digest timeline`` does
(by default the benchmark does not: T17 text is already extracted), keeping the publication dates.

Setup on a fresh machine: ``bash benchmarks/setup_tls.sh`` (tilse, its runtime imports, Perl XML::Parser).

``seconds`` is the wall time of ``build_timeline`` (segmenting, dating, ranking, embedding,
selection; ``clean=False``: T17 text is already one extracted sentence per line), after the
model is loaded once per process (the load time is printed apart);
``embed`` is the share of it spent in the embedder (with --cache: cache look-ups included).
Peak RSS is the process's peak so far (``ru_maxrss``), so it only grows down the table.
Without --cache every timeline embeds and tags from scratch (cold); with it, the file keeps the
embeddings, the date tagger's results and each article's sentence offsets, and a second run reuses
them. The process keeps the model and every topic's articles loaded, and the garbage collector's
full passes over them count in each timeline's time: ``benchmarks/tls_rerun.py`` measures re-runs
as a user makes them, one ``digest timeline`` process each.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.t17 import T17_DIR, T17Article, read_topic, topics
from digest.config import Config, TimelineSettings
from digest.embed import Embedder, ProgressFn, SentenceTransformerEmbedder
from digest.types import Article, Briefing

METRICS = ("ar1_f", "ar2_f", "date_f1", "concat_r1_f", "concat_r2_f")


class TimedEmbedder:
    """Counts the time and texts that go through an embedder."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.seconds = 0.0
        self.texts = 0

    def encode(self, texts: Sequence[str], *, progress: ProgressFn | None = None):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return self.inner.encode(texts, progress=progress)
        finally:
            self.seconds += time.perf_counter() - started
            self.texts += len(texts)


def read_gold(path: Path):  # type: ignore[no-untyped-def]
    """A gold timeline with tilse's reader; a block whose date line is malformed (MJ's
    ``2011-04-0``) comes back under the key None and is dropped."""
    from tilse.data.timelines import Timeline

    with open(path, encoding="utf-8", errors="replace") as f:
        tl = Timeline.from_file(f)
    return Timeline({d: s for d, s in tl.dates_to_summaries.items() if d is not None}, str(path))


def to_articles(items: Sequence[T17Article], source: str) -> list[Article]:
    return [Article(a.id, a.text, source=a.id.split("/", 1)[0], published=a.published, path=str(a.path)) for a in items]


def score(briefing: Briefing, gold, evaluator) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from tilse.data.timelines import GroundTruth, Timeline

    by_day: dict = {}
    for e in briefing.events:
        by_day.setdefault(e.sort_key, []).append(e.text)
    pred = Timeline(by_day)
    truth = GroundTruth([gold])
    align = evaluator.evaluate_align_date_content_costs_many_to_one(pred, truth)
    concat = evaluator.evaluate_concat(pred, truth)
    pred_dates, ref_dates = pred.get_dates(), gold.get_dates()
    shared = len(pred_dates & ref_dates)
    p = shared / len(pred_dates) if pred_dates else 0.0
    r = shared / len(ref_dates) if ref_dates else 0.0
    return {
        "ar1_f": align["rouge_1"]["f_score"],
        "ar2_f": align["rouge_2"]["f_score"],
        "date_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "concat_r1_f": concat["rouge_1"]["f_score"],
        "concat_r2_f": concat["rouge_2"]["f_score"],
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def open_cache(base: Embedder, path: str | None):  # type: ignore[no-untyped-def]
    """The embedding, tagging and segmenting caches in the file at ``path``, or Nones without one."""
    if not path:
        return None, None, None
    from digest.cache import CachedEmbedder, CachedSegments, CachedTimexes

    return CachedEmbedder(base, path), CachedTimexes(path), CachedSegments(path)


def close_cache(*caches) -> None:  # type: ignore[no-untyped-def]
    for cache in caches:
        if cache is not None:
            cache.close()


def settings_from(overrides: str | None) -> TimelineSettings:
    """``digest.config.TimelineSettings`` with the fields of a JSON object replaced."""
    default = Config().timeline
    if not overrides:
        return default
    values = json.loads(overrides)
    return replace(default, **{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


def evaluate(  # type: ignore[no-untyped-def]
    data: Path,
    only: Sequence[str] | None,
    inner: Embedder,
    tagger,
    segmenter,
    evaluator,
    *,
    settings,
    undated: bool = False,
    clean: bool = False,
    use_keywords: bool = True,
):
    """One scored row per gold timeline under ``data`` (news-tls protocol; see the module docstring)."""
    from digest.tls import build_timeline

    for topic, folders in topics(data).items():
        chosen = [f for f in folders if not only or f.name in only or topic in only]
        if not chosen:
            continue
        articles = to_articles(read_topic(folders), topic)
        for folder in chosen:
            keywords = tuple(json.loads((folder / "keywords.json").read_text(encoding="utf-8"))) if use_keywords else ()
            paths = sorted((folder / "timelines").glob("*.txt"))
            for path in paths:
                gold = read_gold(path)
                dates = sorted(gold.get_dates())
                n_sents = sum(len(gold[d]) for d in dates)
                k = round(n_sents / len(dates))
                config = Config(
                    max_dates=len(dates),
                    per_date=max(k, 1),
                    start=dates[0],
                    end=dates[-1],
                    keywords=keywords,
                    skip_unusable=True,  # T17 holds pages with no sentences (link lists, timestamps)
                    timeline=settings,
                )
                given = articles
                if undated:  # the protocol's articles (published within the window), their dates then removed
                    given = [replace(a, published=None) for a in articles if dates[0] <= a.published <= dates[-1]]  # type: ignore[operator]
                embedder = TimedEmbedder(inner)
                t0 = time.perf_counter()
                briefing = build_timeline(
                    given,
                    config,
                    embedder=embedder,
                    clean=undated or clean,
                    find=tagger,
                    segment=segmenter,
                )
                if tagger:
                    tagger.flush()
                seconds = time.perf_counter() - t0
                scores = score(briefing, gold, evaluator)
                yield {
                    "name": folder.name if len(paths) == 1 else f"{folder.name}/{path.stem}",
                    "topic": topic,
                    **{m: round(scores[m], 4) for m in METRICS},
                    "seconds": round(seconds, 2),
                    "sentences": len(briefing.sentences),
                    "sentences_per_s": round(len(briefing.sentences) / seconds, 1) if seconds else 0.0,
                    "embed_share": round(embedder.seconds / seconds, 3) if seconds else 0.0,
                    "embedded": embedder.texts,
                    "peak_rss_mb": round(peak_rss_mb(), 1),
                    "L": len(dates),
                    "K": k,
                }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17_DIR, help="T17 directory (default ../shared/eval/t17)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="timelines (folder names) or topics to run")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the results here")
    parser.add_argument("--cache", metavar="PATH", help="persistent embedding cache (SQLite file)")
    parser.add_argument(
        "--undated", action="store_true", help="remove every publication date and clean the text (scraped pages)"
    )
    parser.add_argument("--clean", action="store_true", help="clean the text as digest timeline does")
    parser.add_argument(
        "--no-keywords", action="store_true", help="leave out the folders' keywords, as a user who gives none"
    )
    parser.add_argument(
        "--settings", metavar="JSON", help="override Config.timeline fields, e.g. '{\"lexical_weight\": 0.5}'"
    )
    args = parser.parse_args(argv)

    from tilse.evaluation import rouge

    if not args.data.is_dir():
        print(f"{args.data}: no such directory (T17 data)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    base = SentenceTransformerEmbedder.from_config(Config())
    base.encode(["warm up"])
    load_seconds = time.perf_counter() - started
    cache, tagger, segmenter = open_cache(base, args.cache)
    inner: Embedder = cache or base
    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])

    header = (
        f"{'timeline':<22}{'L':>4}{'K':>3} {'AR1-F':>6} {'AR2-F':>6} {'dateF1':>6} {'cR1-F':>6} {'cR2-F':>6}"
        f" {'secs':>6} {'sents':>6} {'sent/s':>7} {'embed':>6} {'RSS MB':>7}"
    )
    print(f"model load {load_seconds:.1f} s; {os.cpu_count()} cores; cache {args.cache or 'none'}")
    print(header)
    rows: list[dict] = []
    for row in evaluate(
        args.data,
        args.only,
        inner,
        tagger,
        segmenter,
        evaluator,
        settings=settings_from(args.settings),
        undated=args.undated,
        clean=args.clean,
        use_keywords=not args.no_keywords,
    ):
        rows.append(row)
        print(
            f"{row['name']:<22}{row['L']:>4}{row['K']:>3} {row['ar1_f']:>6.3f} {row['ar2_f']:>6.3f}"
            f" {row['date_f1']:>6.3f} {row['concat_r1_f']:>6.3f} {row['concat_r2_f']:>6.3f} {row['seconds']:>6.1f}"
            f" {row['sentences']:>6} {row['sentences_per_s']:>7.0f} {row['embed_share']:>6.0%}"
            f" {row['peak_rss_mb']:>7.0f}",
            flush=True,
        )
    if not rows:
        print("no timeline matched", file=sys.stderr)
        return 2
    numeric = [*METRICS, "seconds", "sentences", "sentences_per_s", "embed_share", "peak_rss_mb"]
    mean = {m: round(statistics.fmean(r[m] for r in rows), 4) for m in numeric}
    total_seconds = sum(r["seconds"] for r in rows)
    print(
        f"{'mean (' + str(len(rows)) + ')':<29} {mean['ar1_f']:>6.3f} {mean['ar2_f']:>6.3f} {mean['date_f1']:>6.3f}"
        f" {mean['concat_r1_f']:>6.3f} {mean['concat_r2_f']:>6.3f} {mean['seconds']:>6.1f} {mean['sentences']:>6.0f}"
        f" {mean['sentences_per_s']:>7.0f} {mean['embed_share']:>6.0%} {mean['peak_rss_mb']:>7.0f}"
    )
    embed_total = sum(r["embed_share"] * r["seconds"] for r in rows)
    print(
        f"total {total_seconds:.1f} s, of which embedding {embed_total:.1f} s ({embed_total / total_seconds:.0%})"
        f", everything else {total_seconds - embed_total:.1f} s; peak RSS {peak_rss_mb():.0f} MB"
        + (f"; embedding cache hits {cache.hits}, misses {cache.misses}" if cache else "")
        + (f"; tagging cache hits {tagger.hits}, misses {tagger.misses}" if tagger else "")
        + (f"; segmenting cache hits {segmenter.hits}, misses {segmenter.misses}" if segmenter else "")
    )
    print("targets (means): AR1-F >= 0.17, AR2-F >= 0.048, date F1 >= 0.75")
    if args.json:
        payload = {
            "timelines": rows,
            "mean": mean,
            "total_seconds": round(total_seconds, 2),
            "embed_seconds": round(embed_total, 2),
            "model_load_seconds": round(load_seconds, 2),
            "cache": args.cache,
            "cores": os.cpu_count(),
            "undated": args.undated,
            "clean": args.clean or args.undated,
            "settings": asdict(settings_from(args.settings)),
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    close_cache(cache, tagger, segmenter)
    return 0


if __name__ == "__main__":
    sys.exit(main())

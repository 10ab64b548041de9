"""Key-point and timeline citations against judgments: does each cited article make the statement?

A key point cites the articles of its statement cluster. A cluster gathers sentences by embedding
similarity, so a member can be on the same topic and still say something else: another remark of
the same speaker, another figure, the opposite ("has not spoken with"). This benchmark builds the
key-points gate's collections (``benchmarks/keypoints.py --days N``: each T17 topic's busiest gold
days) and the example, and looks up every (representative, member) pair of every key point's
cluster in ``benchmarks/citation_judgments.tsv``: verdict 1 when the member's sentence makes the
key point's statement (same event, fact or quote; figures that agree), 0 when it states something
else. The judgments were made by reading the two sentences, without the tool's scores.

- ``precision``: of the cited members that are judged, the share judged 1;
- ``recall``: of the members judged 1, the share cited;
- ``unjudged``: cited members without a judgment (a change that picks other representatives or
  members needs more judgments; add them to the file, judged by reading).

Timeline entries the same way: every sentence an entry cites or lists as related (its date's
sentences on its subject, see ``digest.tls`` and ``digest.timeline``) is looked up with the entry's
sentence in ``benchmarks/event_citation_judgments.tsv``; the JSON's ``events`` holds the totals.

Precision float32 by default, so the clusters (and the judged pairs) are the same on every CPU.

``--show`` lists, under each collection's row, the pairs whose verdict and citation disagree and the
cited pairs nobody has judged, with the two hashes a judgment's row needs.

``--fit``: fit ``digest.support``'s logistic model on the judged pairs (every member, cited or not),
print its precision and recall by leave-one-topic-out (each topic scored by the model fitted on
the others) at several probability thresholds, and the weights fitted on all pairs, to paste into
``digest/support.py``.

    python benchmarks/citations.py [--data DIR] [--days N] [--cache PATH] [--settings JSON] [--json OUT] [--show]
    python benchmarks/citations.py --fit [--data DIR] [--days N] [--cache PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.conflicts import text_hash
from benchmarks.keypoints import day_collections
from benchmarks.t17 import T17_DIR
from benchmarks.tls import close_cache, open_cache
from digest.config import Config
from digest.embed import Embedder
from digest.types import Article, Briefing

JUDGMENTS = Path(__file__).with_name("citation_judgments.tsv")
EVENT_JUDGMENTS = Path(__file__).with_name("event_citation_judgments.tsv")
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kursk"


def read_judgments(path: Path) -> dict[tuple[str, str], int]:
    """``collection, hash of the key point, hash of the member, verdict, note`` rows (``#``
    comments allowed), keyed by the (key point, member) hash pair."""
    out: dict[tuple[str, str], int] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.reader((line for line in f if line.strip() and not line.startswith("#")), delimiter="\t"):
            out[(row[1], row[2])] = int(row[3])
    return out


def verdict(quoted: str, member: str, judged: dict[tuple[str, str], int]) -> int | None:
    """The judgment of a pair; a member worded exactly as the quoted sentence says it (1)."""
    a, b = text_hash(quoted), text_hash(member)
    return 1 if a == b else judged.get((a, b))


def pairs(briefing: Briefing) -> list[tuple[int, str, str, bool]]:
    """``(key point number, representative text, member text, cited)`` for every member of every
    key point's statement cluster but the representative, and every echo it cites or lists as related."""
    text = {s.key: s.text for s in briefing.sentences}
    clusters = {c.id: c for c in briefing.clusters}
    out = []
    for n, point in enumerate(briefing.key_points, 1):
        rep = (point.representative.article_id, point.representative.sentence_index)
        cited = {(c.article_id, c.sentence_index) for c in point.citations}
        listed = [tuple(m) for m in clusters[point.cluster_id].members]
        echoes = [(c.article_id, c.sentence_index) for c in (*point.citations, *point.related)]
        listed += [k for k in echoes if k not in listed]
        for member in listed:
            if member != rep:
                out.append((n, text[rep], text[member], member in cited))
    return out


def event_pairs(briefing: Briefing) -> list[tuple[int, str, str, bool]]:
    """``(entry number, entry text, sentence text, cited)`` for every sentence a timeline entry
    cites or lists as related, but its own."""
    text = {s.key: s.text for s in briefing.sentences}
    out = []
    for n, event in enumerate(briefing.events, 1):
        own = (event.representative.article_id, event.representative.sentence_index)
        for c, cited in [(c, True) for c in event.citations] + [(c, False) for c in event.related]:
            if (c.article_id, c.sentence_index) != own:
                out.append((n, text[own], text[(c.article_id, c.sentence_index)], cited))
    return out


def score(rows: Sequence[tuple[int | None, bool]]) -> dict[str, float | int]:
    """Precision, recall and counts from (verdict or None, cited) rows."""
    cited = [v for v, c in rows if c]
    judged_cited = [v for v in cited if v is not None]
    supporting = [c for v, c in rows if v == 1]
    return {
        "cited": len(cited),
        "unjudged": len(cited) - len(judged_cited),
        "precision": sum(judged_cited) / len(judged_cited) if judged_cited else 0.0,
        "recall": sum(supporting) / len(supporting) if supporting else 0.0,
        "supporting": len(supporting),
    }


def fit(judged: Sequence[tuple[str, str, str, int]], embedder: Embedder) -> None:
    """Fit digest.support's model on judged (topic, quoted, member, verdict) pairs; print its
    leave-one-topic-out precision and recall, then the weights fitted on all pairs."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from digest.support import FEATURES, features

    unique = list(dict.fromkeys((t, q, m, v) for t, q, m, v in judged))
    texts = sorted({q for _, q, _, _ in unique} | {m for _, _, m, _ in unique})
    vectors = dict(zip(texts, embedder.encode(texts), strict=True))
    x = np.array([features(q, m, float(vectors[q] @ vectors[m])) for _, q, m, _ in unique])
    y = np.array([v for *_, v in unique])
    topic = np.array([t for t, *_ in unique])
    probability = np.zeros(len(y))
    for held in sorted(set(topic)):
        model = LogisticRegression(C=1.0, max_iter=1000).fit(x[topic != held], y[topic != held])
        probability[topic == held] = model.predict_proba(x[topic == held])[:, 1]
    print(f"\n{len(y)} judged pairs, {int(y.sum())} say the same; leave-one-topic-out:")
    print(f"{'threshold':>9} {'cited':>6} {'precision':>9} {'recall':>7}")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        chosen = probability >= threshold
        precision = float(y[chosen].mean()) if chosen.any() else 0.0
        print(f"{threshold:>9.1f} {int(chosen.sum()):>6} {precision:>9.3f} {float(y[chosen].sum() / y.sum()):>7.3f}")
    model = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    print("fitted on all pairs, in the order", ", ".join(FEATURES))
    print(f"WEIGHTS = ({', '.join(f'{w:.2f}' for w in model.coef_[0])})")
    print(f"INTERCEPT = {model.intercept_[0]:.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    import digest
    from digest.embed import SentenceTransformerEmbedder
    from digest.ingest import read_articles
    from digest.pipeline import Components

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17_DIR)
    parser.add_argument("--days", type=int, default=4, metavar="N", help="the N busiest gold days of each topic")
    parser.add_argument("--cache", metavar="PATH", help="embedding cache (SQLite) for re-runs")
    parser.add_argument("--settings", metavar="JSON", help="override Config fields for a comparison")
    parser.add_argument("--json", metavar="OUT")
    parser.add_argument("--show", action="store_true", help="print cited pairs judged 0 and uncited ones judged 1")
    parser.add_argument("--fit", action="store_true", help="fit digest.support's weights on the judged pairs")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no T17 data at {args.data}", file=sys.stderr)
        return 2
    settings = {"precision": "float32", **json.loads(args.settings or "{}")}
    config = Config(skip_unusable=True, cache_path=args.cache, **settings)
    judged = read_judgments(JUDGMENTS)
    judged_events = read_judgments(EVENT_JUDGMENTS)
    base = SentenceTransformerEmbedder.from_config(config)
    cache, tagger, segmenter = open_cache(base, args.cache)
    parts = Components(embedder=cache or base, resolver=tagger)
    collections: list[tuple[str, list[Article]]] = [
        (label, arts) for label, arts, _ in day_collections(args.data, args.days)
    ]
    collections.append(("kursk", read_articles([EXAMPLE])))
    print(f"{'collection':<28} {'cited':>6} {'unjudged':>8} {'precision':>9} {'recall':>7}")
    rows, every, events = [], [], []
    fitting: list[tuple[str, str, str, int]] = []  # topic, quoted, member, verdict
    try:
        for label, articles in collections:
            briefing = digest.build(articles, config, components=parts)
            found = [(n, rep, member, verdict(rep, member, judged), cited) for n, rep, member, cited in pairs(briefing)]
            entries = [(verdict(e, x, judged_events), cited) for _, e, x, cited in event_pairs(briefing)]
            events += entries
            fitting += [
                (label.split()[0], rep, member, v)
                for _, rep, member, v, _ in found
                if v is not None and text_hash(rep) != text_hash(member)  # judged, not the same words
            ]
            result = score([(v, c) for *_, v, c in found])
            rows.append({"collection": label, **result})
            every += found
            print(
                f"{label:<28} {result['cited']:>6} {result['unjudged']:>8} {result['precision']:>9.3f}"
                f" {result['recall']:>7.3f}"
            )
            if args.show:
                for n, rep, member, v, cited in found:
                    if (v == 0 and cited) or (v == 1 and not cited):
                        print(f"    KP{n} {'cited, judged 0' if cited else 'uncited, judged 1'}: {member[:150]}")
                    elif v is None and cited:  # to judge: the key point's and the member's hashes, both texts
                        print(f"    KP{n} unjudged: {member[:150]}")
                        print(f"        {text_hash(rep)} {text_hash(member)} key point: {rep[:150]}")
                for n, entry, x, cited in event_pairs(briefing):
                    v = verdict(entry, x, judged_events)
                    if (v == 0 and cited) or (v == 1 and not cited) or v is None:
                        state = "unjudged" if v is None else "cited, judged 0" if cited else "related, judged 1"
                        print(f"    entry {n} {state}: {x[:150]}")
                        if v is None:
                            print(f"        {text_hash(entry)} {text_hash(x)} entry: {entry[:150]}")
        if args.fit:
            fit(fitting, cache or base)
    finally:
        close_cache(cache, tagger, segmenter)
    total = score([(v, c) for *_, v, c in every])
    print(
        f"{'total':<28} {total['cited']:>6} {total['unjudged']:>8} {total['precision']:>9.3f} {total['recall']:>7.3f}"
    )
    timeline = score(events)
    print(
        f"{'timeline entries':<28} {timeline['cited']:>6} {timeline['unjudged']:>8} {timeline['precision']:>9.3f}"
        f" {timeline['recall']:>7.3f}"
    )
    if args.json:
        record = {"collections": rows, "total": total, "events": timeline, "settings": settings}
        Path(args.json).write_text(json.dumps(record, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Stories: does ``digest.stories.find_stories`` tell one story from several?

Collections: each Timeline17 topic alone and the seeds (``examples/kursk``): one story each; every
pair of T17 topics pooled: two; all five pooled: five. Held out (the settings were not chosen on
them), the TempEval-3 documents of ``../shared/eval/timex``: AQUAINT's 73 (news of a few events:
Elian Gonzalez, the embassy bombings of 1998, NATO's enlargement ...) and TimeBank's 183 (mostly Wall
Street Journal items of 1989-90 on as many subjects): several stories each, counted right at two or
more. A topic's articles pool its folders (one
copy of each text). For each collection it prints how many stories were found, their sizes, the
topic most of each story's articles come from and that topic's share of them, and whether the
count is the expected one. The settings are ``Config``'s (``story_distance``, ``story_min_share``); a smaller topic than
``story_min_share`` of a pool is, by design, no story of its own there.

    python benchmarks/stories.py [--data DIR] [--cache FILE] [--json OUT]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.t17 import T17_DIR, read_topic, topics
from benchmarks.tls import to_articles
from digest.types import Article

ROOT = Path(__file__).resolve().parents[1]
SEVERAL = -1  # expected: two stories or more, their number unknown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17_DIR)
    parser.add_argument("--timex", type=Path, default=ROOT.parent / "shared/eval/timex", help="TimeBank / AQUAINT")
    parser.add_argument("--cache", help="embedding cache (SQLite)")
    parser.add_argument("--json", help="write the rows here")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no Timeline17 data at {args.data}", file=sys.stderr)
        return 2

    from digest.config import Config
    from digest.embed import SentenceTransformerEmbedder
    from digest.ingest import read_articles
    from digest.pipeline import prepare
    from digest.stories import find_stories

    config = Config(precision="float32")
    embedder = SentenceTransformerEmbedder.from_config(config)
    if args.cache:
        from digest.cache import CachedEmbedder

        embedder = CachedEmbedder(embedder, args.cache)  # type: ignore[assignment]
    prepared = {}  # topic -> (articles, sentences, vectors)
    collections = {name: to_articles(read_topic(folders), "") for name, folders in sorted(topics(args.data).items())}
    collections["kursk (seeds)"] = read_articles([ROOT / "examples" / "kursk"])
    held_out = []
    for corpus in ("aquaint", "timebank"):
        path = args.timex / f"{corpus}.jsonl"
        if path.is_file():
            docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            collections[corpus] = [Article(d["doc_id"], d["text"], d["doc_id"], title=d.get("title")) for d in docs]
            held_out.append(corpus)
    for name, articles in collections.items():
        kept, sentences = prepare(articles, skip_unusable=True)
        prepared[name] = (kept, sentences, embedder.encode([s.text for s in sentences]))

    import numpy as np

    t17 = [n for n in collections if n != "kursk (seeds)" and n not in held_out]
    cases = [((n,), 1) for n in collections if n not in held_out]
    cases += [((a, b), 2) for a, b in itertools.combinations(t17, 2)] + [(tuple(t17), len(t17))]
    cases += [((n,), SEVERAL) for n in held_out]
    rows = []
    print(f"{'collection':<34} {'articles':>8} {'expected':>8} {'found':>5}  stories (articles, main topic)")
    for names, expected in cases:
        articles = [a for n in names for a in prepared[n][0]]
        sentences = [s for n in names for s in prepared[n][1]]
        vectors = np.vstack([prepared[n][2] for n in names])
        topic_of = {a.id: n for n in names for a in prepared[n][0]}
        stories = find_stories(
            articles, sentences, vectors, distance=config.story_distance, min_share=config.story_min_share
        )
        found = len(stories) or 1
        parts = []
        for story in stories:
            topic, count = Counter(topic_of[a] for a in story.article_ids).most_common(1)[0]
            parts.append(f"{len(story.article_ids)} {topic} ({count / len(story.article_ids):.0%})")
        label = " + ".join(names) if len(names) < 3 else f"all {len(names)} T17 topics"
        if names[0] in held_out:
            label += " (held out)"
        shown = "2+" if expected == SEVERAL else str(expected)
        print(f"{label:<34} {len(articles):>8} {shown:>8} {found:>5}  {'; '.join(parts) or '-'}")
        rows.append(
            {"collection": label, "articles": len(articles), "expected": expected, "found": found, "stories": parts}
        )
    right = sum(r["found"] == r["expected"] or (r["expected"] == SEVERAL and r["found"] > 1) for r in rows)
    print(f"right: {right} of {len(rows)}")
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "right": right}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

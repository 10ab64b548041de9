"""How well digest infers the reference date of an undated article (``digest.reference``).

Usage::

    python benchmarks/reference.py [--eval DIR] [--json OUT] [--raw]

Every document of TimeBank and AQUAINT (``DIR/timex``, with their creation dates) and every T17 article
(``DIR/t17``, dated by its folder) is given to digest alone, without its date, as a user's undated file
is, and cleaned as ``digest build`` cleans it (``--raw``: not cleaned). For each corpus it prints the
share of documents that get a reference date at all, the share whose date is exact / within 7 / within
31 days of the true one, the share of inferred dates later than the true date, and the median error in
days. For TimeBank and AQUAINT it also prints the value F1 of digest's tagger when relative expressions
are resolved against the inferred date, against no date, and against the true date (the ceiling).

The row "t17 topics" gives each T17 topic to digest as one collection (its folders pooled, every date
removed) and scores the date each article gets from ``reference.choose_reference``: its dateline, else
the latest date it names within the span of the collection's datelines, else their median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import t17  # noqa: E402
from benchmarks import timex as timex_bench  # noqa: E402
from digest.clean import clean_articles  # noqa: E402
from digest.reference import choose_reference, infer_reference  # noqa: E402
from digest.timeline import TimexResolver  # noqa: E402
from digest.timex import find_timexes  # noqa: E402
from digest.types import Article  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


@dataclass(frozen=True)
class Row:
    corpus: str
    docs: int
    inferred: float  # share of documents given a date
    exact: float  # shares of all documents
    within_7: float
    within_31: float
    later: float  # share of the inferred dates that are after the true date
    median_error_days: float | None
    value_f1_inferred: float | None = None
    value_f1_none: float | None = None
    value_f1_true: float | None = None


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    date: dt.date
    gold: dict | None = None  # the TempEval document, for value F1


def timex_docs(path: Path) -> Iterator[Doc]:
    for d in timex_bench.load(path):
        yield Doc(str(d["doc_id"]), d["text"], timex_bench.dct_of(d), d)


def t17_docs(data: Path) -> Iterator[Doc]:
    for folder in sorted(p for p in data.iterdir() if (p / "InputDocs").is_dir()):
        for a in t17.read_folder(folder):
            yield Doc(f"{folder.name}/{a.id}", a.text, a.published)


def measure_pooled(data: Path, *, clean: bool = True) -> Row:
    """Each T17 topic as one undated collection (its folders pooled): the date each article gets."""
    resolver = TimexResolver()
    pairs: list[tuple[dt.date | None, dt.date]] = []
    for folders in t17.topics(data).values():
        items = t17.read_topic(folders)
        articles = [Article(a.id, a.text, source=a.id.split("/", 1)[0]) for a in items]
        if clean:
            articles = clean_articles(articles)
        _, per_article = choose_reference(articles, resolver, as_of=None)
        pairs += [(per_article[a.id], a.published) for a in items]
    return _row("t17 topics", pairs)


def _row(corpus: str, pairs: list[tuple[dt.date | None, dt.date]]) -> Row:
    n = len(pairs)
    errors = [(got - true).days for got, true in pairs if got is not None]
    return Row(
        corpus,
        n,
        inferred=len(errors) / n,
        exact=sum(e == 0 for e in errors) / n,
        within_7=sum(abs(e) <= 7 for e in errors) / n,
        within_31=sum(abs(e) <= 31 for e in errors) / n,
        later=sum(e > 0 for e in errors) / max(1, len(errors)),
        median_error_days=statistics.median(abs(e) for e in errors) if errors else None,
    )


def measure(corpus: str, docs: Iterable[Doc], *, clean: bool = True) -> Row:
    resolver = TimexResolver()
    pairs: list[tuple[dt.date | None, dt.date]] = []
    golds, inferred_preds, none_preds, true_preds = [], [], [], []
    for doc in docs:
        article = Article(doc.id, doc.text, source=doc.id)
        if clean:
            article = clean_articles([article])[0]
        ref = infer_reference([article], resolver)
        pairs.append((ref.date, doc.date))
        if doc.gold is not None:
            golds.append(timex_bench.gold_spans(doc.gold))
            for preds, reference in ((inferred_preds, ref.date), (none_preds, None), (true_preds, doc.date)):
                preds.append([_span(t) for t in find_timexes(doc.text, reference)])
    row = _row(corpus, pairs)
    if golds:
        f1 = [timex_bench.score(golds, p, 0.0).value_f1 for p in (inferred_preds, none_preds, true_preds)]
        row = Row(**{**asdict(row), "value_f1_inferred": f1[0], "value_f1_none": f1[1], "value_f1_true": f1[2]})
    return row


def _span(t: object) -> timex_bench.Span:
    return timex_bench.Span(t.start, t.end, t.type, t.value, t.text, t.mod)  # type: ignore[attr-defined]


def table(rows: list[Row]) -> str:
    def f(x: float | None) -> str:
        return "–" if x is None else f"{x:.3f}"

    lines = [
        "| corpus | docs | dated | exact | ≤ 7 days | ≤ 31 days | later than true | median error (days) "
        "| value F1 inferred / none / true |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        value = (
            f"{f(r.value_f1_inferred)} / {f(r.value_f1_none)} / {f(r.value_f1_true)}"
            if r.value_f1_inferred is not None
            else "–"
        )
        median = "–" if r.median_error_days is None else f"{r.median_error_days:g}"
        lines.append(
            f"| {r.corpus} | {r.docs} | {f(r.inferred)} | {f(r.exact)} | {f(r.within_7)} | {f(r.within_31)} "
            f"| {f(r.later)} | {median} | {value} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the shared evaluation folder")
    ap.add_argument("--json", type=Path, help="write the rows as JSON here")
    ap.add_argument("--raw", action="store_true", help="infer from the text as given, not as digest cleans it")
    args = ap.parse_args(argv)

    sources: list[tuple[str, Iterable[Doc]]] = []
    for name in ("timebank", "aquaint"):
        path = args.eval / "timex" / f"{name}.jsonl"
        if path.exists():
            sources.append((name, list(timex_docs(path))))
        else:
            print(f"skipping {name}: {path} not found")
    t17_dir = args.eval / "t17"
    if t17_dir.is_dir():
        sources.append(("t17", list(t17_docs(t17_dir))))
    else:
        print(f"skipping t17: {args.eval / 't17'} not found")
    if not sources:
        print("skipping: no evaluation data found")
        return 0
    rows = []
    for name, docs in sources:
        started = time.perf_counter()
        rows.append(measure(name, docs, clean=not args.raw))
        print(f"{name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if t17_dir.is_dir():
        started = time.perf_counter()
        rows.append(measure_pooled(t17_dir, clean=not args.raw))
        print(f"t17 topics: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    print(table(rows))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"corpora": [asdict(r) for r in rows]}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

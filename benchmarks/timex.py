"""Benchmark digest's temporal-expression engine against TempEval-3 style gold data (issue 3).

Usage::

    python benchmarks/timex.py [--data FILE.jsonl ...] [--json OUT] [--predictions OUT.jsonl]
                               [--no-dateparser] [--errors N]

Default data: ../shared/eval/timex/{timebank,aquaint}.jsonl (relative to the repository root). For each
file it prints, for digest and for ``dateparser.search_dates`` (RELATIVE_BASE = the document's dct) run on
the same documents: strict and relaxed span F1, type accuracy and value F1 as TempEval-3 computes them
(value-correct among relaxed matches, times relaxed F1), and characters per second on one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DIR = ROOT.parent / "shared/eval/timex"
DEFAULT_FILES = ("timebank.jsonl", "aquaint.jsonl")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str | None
    text: str = ""
    mod: str | None = None


@dataclass
class Scores:
    strict_f1: float
    relaxed_f1: float
    type_acc: float
    value_f1: float
    chars_per_s: float
    strict_p: float = 0.0
    strict_r: float = 0.0
    relaxed_p: float = 0.0
    relaxed_r: float = 0.0
    value_acc: float = 0.0

    def public(self) -> dict[str, float]:
        return {
            k: round(getattr(self, k), 4) for k in ("strict_f1", "relaxed_f1", "type_acc", "value_f1", "chars_per_s")
        }


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def dct_of(doc: dict[str, Any]) -> dt.date:
    return dt.date.fromisoformat(str(doc["dct"])[:10])


def gold_spans(doc: dict[str, Any]) -> list[Span]:
    return [
        Span(t["start"], t["end"], t["type"], t.get("value"), t.get("text", ""), t.get("mod")) for t in doc["timexes"]
    ]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def match(gold: list[Span], pred: list[Span]) -> tuple[int, list[tuple[Span, Span]]]:
    """Number of exact-span matches and the one-to-one overlapping (relaxed) pairs."""
    exact = len({(g.start, g.end) for g in gold} & {(p.start, p.end) for p in pred})
    pairs: list[tuple[Span, Span]] = []
    used: set[int] = set()
    for g in gold:
        best = -1
        best_ov = 0
        for i, p in enumerate(pred):
            if i in used:
                continue
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > best_ov:
                best, best_ov = i, ov
        if best >= 0:
            used.add(best)
            pairs.append((g, pred[best]))
    return exact, pairs


def _norm_value(v: str | None) -> str:
    return (v or "").strip().upper()


def score(golds: list[list[Span]], preds: list[list[Span]], chars_per_s: float) -> Scores:
    n_gold = sum(len(g) for g in golds)
    n_pred = sum(len(p) for p in preds)
    exact = 0
    relaxed = 0
    type_ok = 0
    value_ok = 0
    for g, p in zip(golds, preds, strict=True):
        e, pairs = match(g, p)
        exact += e
        relaxed += len(pairs)
        type_ok += sum(1 for a, b in pairs if a.type == b.type)
        value_ok += sum(1 for a, b in pairs if _norm_value(a.value) == _norm_value(b.value))
    sp, sr = exact / n_pred if n_pred else 0.0, exact / n_gold if n_gold else 0.0
    rp, rr = relaxed / n_pred if n_pred else 0.0, relaxed / n_gold if n_gold else 0.0
    rf = _f1(rp, rr)
    type_acc = type_ok / relaxed if relaxed else 0.0
    value_acc = value_ok / relaxed if relaxed else 0.0
    return Scores(_f1(sp, sr), rf, type_acc, value_acc * rf, chars_per_s, sp, sr, rp, rr, value_acc)


# --- systems --------------------------------------------------------------------------------------
def run_digest(docs: list[dict[str, Any]], repeats: int = 3) -> tuple[list[list[Span]], float]:
    from digest.timex import find_timexes

    n_chars = sum(len(d["text"]) for d in docs)
    best = float("inf")
    preds: list[list[Span]] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = [find_timexes(d["text"], dct_of(d)) for d in docs]
        best = min(best, time.perf_counter() - t0)
        preds = [[Span(t.start, t.end, t.type, t.value, t.text, t.mod) for t in ts] for ts in out]
    return preds, n_chars / best if best > 0 else 0.0


def run_dateparser(docs: list[dict[str, Any]]) -> tuple[list[list[Span]], float]:
    from dateparser.search import search_dates

    n_chars = sum(len(d["text"]) for d in docs)
    preds: list[list[Span]] = []
    t0 = time.perf_counter()
    for d in docs:
        text = d["text"]
        base = dt.datetime.combine(dct_of(d), dt.time(12, 0))
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        spans: list[Span] = []
        pos = 0
        for sub, when in found:
            i = text.find(sub, pos)
            if i < 0:
                i = text.find(sub)
                if i < 0:
                    continue
            else:
                pos = i + len(sub)
            spans.append(Span(i, i + len(sub), "DATE", when.date().isoformat(), sub))
        preds.append(spans)
    elapsed = time.perf_counter() - t0
    return preds, n_chars / elapsed if elapsed > 0 else 0.0


# --- reporting ------------------------------------------------------------------------------------
def table(rows: Iterable[tuple[str, str, Scores]]) -> str:
    head = (
        f"{'data':<10} {'system':<11} {'strict F1':>9} {'relaxed F1':>10} {'type acc':>8} {'value F1':>8} "
        f"{'chars/s':>10}"
    )
    lines = [head, "-" * len(head)]
    for data, system, s in rows:
        lines.append(
            f"{data:<10} {system:<11} {s.strict_f1:>9.3f} {s.relaxed_f1:>10.3f} {s.type_acc:>8.3f} "
            f"{s.value_f1:>8.3f} {s.chars_per_s:>10,.0f}"
        )
    return "\n".join(lines)


def errors(docs: list[dict[str, Any]], preds: list[list[Span]], limit: int) -> str:
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for d, p in zip(docs, preds, strict=True):
        g = gold_spans(d)
        _, pairs = match(g, p)
        mg = {id(a) for a, _ in pairs}
        mp = {id(b) for _, b in pairs}
        fn.update(f"{x.text.lower()!r} {x.type} {x.value}" for x in g if id(x) not in mg)
        fp.update(f"{x.text.lower()!r} {x.type} {x.value}" for x in p if id(x) not in mp)
        wrong.update(
            f"{a.text!r}/{b.text!r} gold {a.type} {a.value} got {b.type} {b.value} dct {d['dct'][:10]}"
            for a, b in pairs
            if _norm_value(a.value) != _norm_value(b.value)
        )
    out = []
    for name, c in (("false negatives", fn), ("false positives", fp), ("wrong values", wrong)):
        out.append(f"## {name} ({sum(c.values())})")
        out.extend(f"  {n:3d} {k}" for k, n in c.most_common(limit))
    return "\n".join(out)


# --- why values differ ----------------------------------------------------------------------------
VALUE_KINDS = (
    "notation",
    "gold type/value mismatch",
    "gold unspecified",
    "granularity",
    "other",
)


def _notation(v: str) -> str:
    """One spelling per value: week numbers padded (2000-W7 -> 2000-W07), decades and centuries
    without X (198X -> 198, 19XX -> 19), trailing unknown parts dropped (1949-XX -> 1949)."""
    v = re.sub(r"-W(\d)(?=$|-)", r"-W0\1", v.upper())
    v = re.sub(r"^(\d{3})X$", r"\1", v)
    v = re.sub(r"^(\d{2})XX$", r"\1", v)
    return re.sub(r"(?:-XX)+$", "", v)


def value_error_kind(gold: Span, pred: Span) -> str:
    """Why a matched pair's values differ, from the values alone (no look at the text):

    - ``notation``: the same value spelled differently (``2000-W7``/``2000-W07``, ``198X``/``198``);
    - ``gold type/value mismatch``: the gold value contradicts the gold type (a DURATION whose
      value is a date, a DATE whose value is a duration);
    - ``gold unspecified``: the gold leaves a part unknown that digest fills (``1989-WXX``);
    - ``granularity``: one value contains the other (``1988`` / ``1988-Q3``, ``1998-10-23`` /
      ``1998-10-23TNI``);
    - ``other``: a different point, direction, anchor or unit: the errors a rule could fix.
    """
    g, p = _norm_value(gold.value), _norm_value(pred.value)
    if _notation(g) == _notation(p):
        return "notation"
    if (gold.type == "DURATION") != g.startswith("P") and gold.type != "SET":
        return "gold type/value mismatch"
    if "X" in g and "X" not in p and not g.startswith("P"):
        return "gold unspecified"
    g, p = _notation(g), _notation(p)
    if g.startswith(p) or p.startswith(g):
        return "granularity"
    if re.fullmatch(r"\d{4}", g) and re.fullmatch(r"\d{4}-(?:Q\d|H\d|\d\d)", p) and p.startswith(g):
        return "granularity"
    return "other"


def value_errors_by_kind(docs: list[dict[str, Any]], preds: list[list[Span]]) -> tuple[Counter[str], int]:
    """Wrong values among the relaxed matches, by :func:`value_error_kind`; and the match count."""
    kinds: Counter[str] = Counter()
    matched = 0
    for d, p in zip(docs, preds, strict=True):
        _, pairs = match(gold_spans(d), p)
        matched += len(pairs)
        kinds.update(value_error_kind(a, b) for a, b in pairs if _norm_value(a.value) != _norm_value(b.value))
    return kinds, matched


def kinds_table(rows: Iterable[tuple[str, Counter[str], int, Scores]]) -> str:
    head = f"{'data':<10} {'matched':>7} " + " ".join(f"{k:>{max(len(k), 5)}}" for k in VALUE_KINDS)
    head += f" {'value F1 if only other':>22}"
    lines = ["wrong values among relaxed matches, by kind", head, "-" * len(head)]
    for name, kinds, matched, s in rows:
        only_other = (matched - kinds["other"]) / matched * s.relaxed_f1 if matched else 0.0
        lines.append(
            f"{name:<10} {matched:>7} "
            + " ".join(f"{kinds[k]:>{max(len(k), 5)}}" for k in VALUE_KINDS)
            + f" {only_other:>22.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", nargs="+", type=Path, help="gold JSONL file(s)")
    ap.add_argument("--json", type=Path, help="write scores as JSON here")
    ap.add_argument("--predictions", type=Path, help="write digest's predictions (JSONL) here")
    ap.add_argument("--no-dateparser", action="store_true", help="skip the dateparser baseline")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print the N most common errors")
    ap.add_argument(
        "--kinds", action="store_true", help="break the wrong values down by kind (notation, granularity...)"
    )
    args = ap.parse_args(argv)

    files = args.data or [DEFAULT_DIR / f for f in DEFAULT_FILES]
    present = [f for f in files if f.exists()]
    if not present:
        print(f"skipping: no evaluation data found ({', '.join(str(f) for f in files)})")
        return 0
    for f in files:
        if not f.exists():
            print(f"skipping missing {f}")

    rows: list[tuple[str, str, Scores]] = []
    kind_rows: list[tuple[str, Counter[str], int, Scores]] = []
    report: dict[str, dict[str, dict[str, float]]] = {}
    pred_lines: list[str] = []
    for f in present:
        docs = load(f)
        golds = [gold_spans(d) for d in docs]
        name = f.stem
        systems: list[tuple[str, Callable[[list[dict[str, Any]]], tuple[list[list[Span]], float]]]] = [
            ("digest", run_digest)
        ]
        if not args.no_dateparser:
            systems.append(("dateparser", run_dateparser))
        report[f.name] = {}
        for system, fn in systems:
            preds, cps = fn(docs)
            s = score(golds, preds, cps)
            rows.append((name, system, s))
            report[f.name][system] = s.public()
            if system == "digest":
                if args.kinds:
                    kind_rows.append((name, *value_errors_by_kind(docs, preds), s))
                for d, p in zip(docs, preds, strict=True):
                    pred_lines.append(
                        json.dumps(
                            {
                                "doc_id": d["doc_id"],
                                "file": f.name,
                                "timexes": [
                                    {
                                        "start": x.start,
                                        "end": x.end,
                                        "type": x.type,
                                        "value": x.value,
                                        **({"mod": x.mod} if x.mod else {}),
                                    }
                                    for x in p
                                ],
                            }
                        )
                    )
                if args.errors:
                    print(
                        f"# {name}: strict P/R {s.strict_p:.3f}/{s.strict_r:.3f}  relaxed P/R "
                        f"{s.relaxed_p:.3f}/{s.relaxed_r:.3f}  value acc {s.value_acc:.3f}"
                    )
                    print(errors(docs, preds, args.errors))
    print(table(rows))
    if kind_rows:
        print()
        print(kinds_table(kind_rows))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if args.predictions:
        args.predictions.parent.mkdir(parents=True, exist_ok=True)
        args.predictions.write_text("\n".join(pred_lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

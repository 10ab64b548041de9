"""Copy and conflict detection measured on cases made from real T17 articles.

For each base article A (a real news article of a T17 topic) four collections are
built, each with A, a test article X and two other articles of the same topic as
context:

- spun:      X = A with words swapped for a spinner's synonyms       -> X derived from A, kind spun
- partial:   X = the first half of A's sentences, verbatim            -> X derived from A, kind partial
- numbers:   X = A with its figures changed                           -> X derived from A, and conflicts
- unrelated: X = another article of the same topic                    -> independent, no conflict

Copy detection is scored on the (A, X) pair of every collection: precision and
recall of "related", plus direction (X found as the copy). Conflict detection is
scored on sentence pairs: a changed figure with a measure in a numbers case is
a positive; a conflict between A and X anywhere else is a false positive.

    python benchmarks/sourcing.py [--data DIR] [--cases N] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.t17 import T17_DIR, T17Article, read_folder

# What word spinners do: swap common news words for odd synonyms.
SPIN = {
    "said": "stated", "says": "states", "told": "instructed", "officials": "officers", "region": "area",
    "fighting": "combating", "last": "final", "times": "occasions", "help": "assist", "large": "giant",
    "killed": "slain", "people": "individuals", "government": "authorities", "company": "agency",
    "oil": "petroleum", "spill": "spillage", "news": "information", "week": "weekly period", "month": "calendar month",
    "country": "nation", "city": "metropolis", "after": "following", "before": "prior to", "new": "contemporary",
    "also": "additionally", "major": "main", "big": "huge", "many": "quite a few", "show": "present",
    "shows": "presents", "started": "commenced", "began": "commenced", "end": "finish", "ended": "completed",
    "expected": "anticipated", "try": "attempt", "tried": "attempted", "use": "utilise", "used": "utilised",
    "need": "require", "needs": "requires", "get": "acquire", "got": "acquired", "make": "create",
    "made": "created", "work": "labour", "workers": "labourers", "children": "youngsters", "hospital": "clinic",
    "doctors": "physicians", "president": "chief", "leader": "chief", "police": "law enforcement",
    "water": "liquid", "money": "funds", "cost": "price", "costs": "prices", "deaths": "fatalities",
    "died": "perished", "dead": "deceased", "help.": "assist.", "best": "finest", "quickly": "swiftly",
    "house": "residence", "home": "dwelling", "important": "crucial", "problem": "difficulty",
    "problems": "difficulties", "area": "space", "areas": "spaces", "found": "discovered", "find": "uncover",
    "report": "account", "reported": "recounted", "statement": "assertion", "announced": "introduced",
}  # fmt: skip
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w,]*\d)")


@dataclass(frozen=True)
class Case:
    kind: str
    base: T17Article
    test_text: str
    context: tuple[T17Article, ...]
    changed: tuple[int, ...] = ()  # indices of A's sentences whose figures changed (numbers cases)


def spin(text: str, rng: random.Random) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        repl = SPIN.get(word.lower())
        if repl is None or rng.random() > 0.8:
            return word
        return repl.capitalize() if word[0].isupper() else repl

    return re.sub(r"[A-Za-z]+\.?", swap, text)


def change_numbers(sentence: str) -> str:
    def bump(m: re.Match[str]) -> str:
        value = int(m.group(1).replace(",", ""))
        if 1800 <= value <= 2100:  # years stay
            return m.group(1)
        new = max(value * 3, value + 7)
        return f"{new:,}" if "," in m.group(1) else str(new)

    return _NUMBER.sub(bump, sentence)


def make_cases(data: Path, n: int, seed: int = 7) -> list[Case]:
    rng = random.Random(seed)
    topics: dict[str, list[T17Article]] = {}
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        topic = folder.name.split("_")[0]
        seen = {a.text for a in topics.get(topic, [])}
        topics.setdefault(topic, []).extend(a for a in read_folder(folder) if a.text not in seen)
    cases: list[Case] = []
    names = sorted(topics)
    while len(cases) < 4 * n:
        topic = names[len(cases) // 4 % len(names)]
        pool = [a for a in topics[topic] if 10 <= len(a.sentences) <= 40]
        base, other, *context = rng.sample(pool, 4)
        with_numbers = [i for i, s in enumerate(base.sentences) if change_numbers(s) != s]
        if not with_numbers:
            continue
        numbered = tuple(change_numbers(s) if i in with_numbers else s for i, s in enumerate(base.sentences))
        half = base.sentences[: max(3, len(base.sentences) // 2)]
        ctx = tuple(context)
        cases += [
            Case("spun", base, spin(base.text, rng), ctx),
            Case("partial", base, "\n".join(half), ctx),
            Case("numbers", base, "\n".join(numbered), ctx, tuple(with_numbers)),
            Case("unrelated", base, other.text, ctx),
        ]
    return cases


def run(data: Path, n: int) -> dict[str, object]:
    import digest
    from digest.embed import SentenceTransformerEmbedder
    from digest.pipeline import Components
    from digest.sourcing import derivation_chains
    from digest.types import Article

    parts = Components(embedder=SentenceTransformerEmbedder())
    copy = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "direction_ok": 0, "kind_ok": 0}
    conflict = {"tp": 0, "fp": 0, "fn": 0}
    breakdown: Counter[str] = Counter()  # "case kind -> found copy, found kind"
    started = time.perf_counter()
    for k, case in enumerate(make_cases(data, n)):
        arts = [Article("A", case.base.text, "a"), Article("X", case.test_text, "x")]
        if k % 2:  # input order must not decide which is the copy
            arts.reverse()
        arts += [Article(f"C{i}", c.text, f"c{i}") for i, c in enumerate(case.context)]
        b = digest.build(arts, digest.Config(max_points=3), components=parts)
        relation = [d for d in b.derivations if {d.article_id, d.source_id} == {"A", "X"}]
        chain = derivation_chains(b.derivations)
        related = (chain("X") or ("X",))[-1] == (chain("A") or ("A",))[-1]  # one family's original
        positive = case.kind != "unrelated"
        found = next((f"{d.article_id} {d.kind}" for d in relation), "none")
        breakdown[
            f"{case.kind} -> {'X' if found.startswith('X') else found.split()[0]} as copy, " + found.split()[-1]
        ] += 1
        if positive and related:
            copy["tp"] += 1
            copy["direction_ok"] += int(chain("X")[:1] == ("A",))
            copy["kind_ok"] += int(any(d.article_id == "X" and d.kind == _expected_kind(case) for d in relation))
        elif positive:
            copy["fn"] += 1
        elif related:
            copy["fp"] += 1
        else:
            copy["tn"] += 1
        # Conflicts between A and X, as pairs of sentences on different sides.
        found: set[tuple[int, int]] = set()
        for c in b.conflicts:
            for s1 in c.sides:
                for s2 in c.sides:
                    for x in s1.citations:
                        for y in s2.citations:
                            if s1 is not s2 and x.article_id == "A" and y.article_id == "X":
                                found.add((x.sentence_index, y.sentence_index))
        expected = _expected_conflicts(case, b) if case.kind == "numbers" else set()
        conflict["tp"] += len(found & expected)
        conflict["fp"] += len(found - expected)
        conflict["fn"] += len(expected - found)
    seconds = time.perf_counter() - started

    def pr(d: dict[str, int]) -> tuple[float, float]:
        p = d["tp"] / (d["tp"] + d["fp"]) if d["tp"] + d["fp"] else 1.0
        r = d["tp"] / (d["tp"] + d["fn"]) if d["tp"] + d["fn"] else 1.0
        return round(p, 3), round(r, 3)

    cp, cr = pr(copy)
    fp_, fr = pr(conflict)
    return {
        "cases": 4 * n,
        "copy": {
            **copy,
            "precision": cp,
            "recall": cr,
            "direction_accuracy": round(copy["direction_ok"] / copy["tp"], 3) if copy["tp"] else 0.0,
            "kind_accuracy": round(copy["kind_ok"] / copy["tp"], 3) if copy["tp"] else 0.0,
        },
        "conflict": {**conflict, "precision": fp_, "recall": fr},
        "breakdown": dict(sorted(breakdown.items())),
        "seconds": round(seconds, 1),
    }


def _expected_kind(case: Case) -> str:
    return {"spun": "spun", "partial": "partial", "numbers": "copy"}[case.kind]


def _expected_conflicts(case: Case, briefing: object) -> set[tuple[int, int]]:
    """Sentence pairs (A index, X index) whose comparable figures were changed: figures with a
    measure, as digest.conflicts.comparable defines them (no enumerations; durations only for how
    long something has lasted, "for three weeks", not "after 30 years in power")."""
    from digest.conflicts import comparable
    from digest.quantities import find_quantities

    sentences = briefing.sentences  # type: ignore[attr-defined]
    a = [s for s in sentences if s.article_id == "A"]
    x = [s for s in sentences if s.article_id == "X"]
    out: set[tuple[int, int]] = set()
    for sa, sx in zip(a, x, strict=False):
        qa, qx = comparable(sa.text, find_quantities(sa.text)), comparable(sx.text, find_quantities(sx.text))
        if qa and qx and any(p.measure == q.measure and not p.agrees_with(q) for p in qa for q in qx):
            out.add((sa.index, sx.index))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description="copy and conflict detection on T17-made cases")
    parser.add_argument("--data", type=Path, default=T17_DIR)
    parser.add_argument("--cases", type=int, default=25, help="base articles (4 collections each)")
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no T17 data at {args.data}; nothing measured", file=sys.stderr)
        return 1
    result = run(args.data, args.cases)
    c, f = result["copy"], result["conflict"]  # type: ignore[index]
    print(f"{'task':<18} {'precision':>9} {'recall':>7}  counts")
    print(
        f"{'copy detection':<18} {c['precision']:>9.3f} {c['recall']:>7.3f}  tp={c['tp']} fp={c['fp']} fn={c['fn']} "
        f"tn={c['tn']}; direction {c['direction_accuracy']:.3f}, kind {c['kind_accuracy']:.3f}"
    )
    print(
        f"{'conflict detection':<18} {f['precision']:>9.3f} {f['recall']:>7.3f}  tp={f['tp']} fp={f['fp']} fn={f['fn']}"
    )
    for line, n in result["breakdown"].items():  # type: ignore[union-attr]
        print(f"  {line}: {n}")
    print(f"{result['cases']} collections in {result['seconds']} s")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

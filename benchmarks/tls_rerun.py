"""Re-run speed of ``digest timeline`` with ``--cache`` on Timeline17 topics, as a user runs it.

For each topic under DIR (default ``../shared/eval/t17``), the articles of the topic's first gold
timeline (news-tls protocol: published between its first and last date; L, K and keywords as in
``benchmarks/tls.py``) are written as JSONL files, and the CLI runs on them in a fresh process
each time:

1. cold: a new, empty cache file (the run embeds, tags and segments everything and stores it);
2. ``--reruns`` re-runs on the same cache file.

It prints, per topic, the cold and re-run wall times (process start to exit: imports and model
load included when the model is needed), the ratio of the fastest re-run to the cold run (the
issue's target: <= 10%), each run's peak RSS, and whether every run wrote the same bytes.
``--json`` writes ``{"topics": [{"topic", "articles", "cold_seconds", "rerun_seconds": [...],
"ratio", "cold_peak_rss_mb", "rerun_peak_rss_mb", "identical"}], "max_ratio"}``.

    python benchmarks/tls_rerun.py [--data DIR] [--only TOPIC ...] [--reruns N] [--json OUT]

``benchmarks/tls.py --cache`` measures the same in one long-lived process, where the loaded model
and every topic's articles stay on the heap (the garbage collector's full passes over them
are then part of each timeline's time); this script measures what a user's re-run costs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.t17 import T17_DIR, read_topic, topics
from benchmarks.tls import read_gold

ROOT = Path(__file__).resolve().parents[1]
# Records per JSONL file: digest refuses single files over 50 MB.
PER_FILE = 1000


def write_collection(folder_articles, start, end, out: Path) -> tuple[list[Path], int]:  # type: ignore[no-untyped-def]
    kept = [a for a in folder_articles if start <= a.published <= end]
    paths: list[Path] = []
    for n in range(0, len(kept), PER_FILE):
        path = out / f"part{n // PER_FILE:03d}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for a in kept[n : n + PER_FILE]:
                record = {
                    "id": a.id,
                    "text": a.text,
                    "published": a.published.isoformat(),
                    "source": a.id.split("/")[0],
                }
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths, len(kept)


def run_cli(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``python -m digest ...`` process."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "digest", *args], cwd=ROOT, env=env, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"digest {' '.join(args[:3])} ... failed:\n{stderr}")
    return seconds, usage.ru_maxrss / 1024.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=T17_DIR)
    parser.add_argument("--only", nargs="+", help="topic names (e.g. haiti EgyptianProtest)")
    parser.add_argument("--reruns", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"{args.data}: no such directory (T17 data)", file=sys.stderr)
        return 2
    print(f"{'topic':<18}{'articles':>9} {'cold s':>7} {'re-runs s':>14} {'ratio':>6} {'cold MB':>8} {'re MB':>6} same")
    rows = []
    for topic, folders in topics(args.data).items():
        if args.only and topic not in args.only:
            continue
        folder = folders[0]
        gold = read_gold(sorted((folder / "timelines").glob("*.txt"))[0])
        dates = sorted(gold.get_dates())
        k = max(round(sum(len(gold[d]) for d in dates) / len(dates)), 1)
        keywords = json.loads((folder / "keywords.json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="digest-rerun-") as tmp:
            work = Path(tmp)
            paths, n_articles = write_collection(read_topic(folders), dates[0], dates[-1], work)
            cache = work / "cache.sqlite"
            outputs: list[bytes] = []
            times: list[tuple[float, float]] = []
            for run in range(1 + args.reruns):
                out = work / f"out{run}.md"
                cli = ["timeline", *map(str, paths), "--max-dates", str(len(dates)), "--per-date", str(k)]
                cli += ["--start", dates[0].isoformat(), "--end", dates[-1].isoformat(), "--keywords", *keywords]
                cli += ["--cache", str(cache), "--no-progress", "--skip-unusable", "-o", str(out)]
                times.append(run_cli(cli))
                outputs.append(out.read_bytes())
        cold, cold_rss = times[0]
        reruns = [t for t, _ in times[1:]]
        row = {
            "topic": topic,
            "articles": n_articles,
            "cold_seconds": round(cold, 2),
            "rerun_seconds": [round(t, 2) for t in reruns],
            "ratio": round(min(reruns) / cold, 3) if reruns else None,
            "cold_peak_rss_mb": round(cold_rss, 1),
            "rerun_peak_rss_mb": round(max(r for _, r in times[1:]), 1) if reruns else None,
            "identical": len(set(outputs)) == 1,
        }
        rows.append(row)
        print(
            f"{topic:<18}{n_articles:>9} {cold:>7.2f} {' / '.join(f'{t:.2f}' for t in reruns):>14}"
            f" {row['ratio'] or 0:>6.1%} {cold_rss:>8.0f} {row['rerun_peak_rss_mb'] or 0:>6.0f} {row['identical']}",
            flush=True,
        )
    if not rows:
        print("no topic matched", file=sys.stderr)
        return 2
    max_ratio = max((r["ratio"] for r in rows if r["ratio"] is not None), default=None)
    print(f"largest re-run / cold ratio: {max_ratio:.1%} (target <= 10%)" if max_ratio is not None else "")
    if args.json:
        args.json.write_text(json.dumps({"topics": rows, "max_ratio": max_ratio}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

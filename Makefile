# Set-up, example and tests. torch is pinned to the CPU wheel (constraints.txt):
# an unpinned torch pulls a multi-GB CUDA build.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: setup example test lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -c constraints.txt torch==2.13.0
	$(PIP) install --quiet -c constraints.txt -e '.[dev]'
	touch $@

# float32 so the committed example is the same on every CPU: bfloat16 (the default where the CPU
# has it) gives the same Markdown, but JSON scores that differ in the fourth decimal.
example: setup
	$(VENV)/bin/digest build examples/kursk --precision float32 -o examples/kursk/briefing.md
	$(VENV)/bin/digest build examples/kursk --precision float32 -o examples/kursk/briefing.json
	cat examples/kursk/briefing.md

test: setup
	$(PY) -m ruff check digest tests benchmarks
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/example_speed.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

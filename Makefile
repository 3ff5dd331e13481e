# Cercle — build / test harness.
#
#   make site    build the demo hub into site/ (strict)
#   make serve   check, build and serve the demo hub on http://127.0.0.1:8000 (cercle serve)
#   make test    ruff + mypy + the whole pytest suite (unit, integration, browser)
#   make lint    ruff and mypy
#   make booklet the ambassador guides as a PDF (cercle booklet; LANG_BOOKLET=fr)
#   make lighthouse  Lighthouse mobile scores of the demo hub (8 pages) into docs/lighthouse.md
#   make screenshots PNGs of every page type, both languages, 1280 and 375 px (build/screenshots/)
#   make bench   Cercle vs the usual Material stack on the realistic corpus at 50, 200, 500
#                (3 runs) and 2,000 (1 run) entries per language and the other corpus
#                profiles at 200 and 500 (1 run), then cercle serve's edit-to-reload time
#                on the demo and at N (about 1.5 hours on 2 cores)
#   make bench-scale  Cercle alone, cold and warm, from 500 to 10,000 entries per language
#                (by hand: two to three hours on 2 cores, ~40 GB of free disk at 10,000)
#   make clean   remove build output and caches (keeps .venv)
#
# Every target creates .venv (Python 3.11, or python3) and installs the package
# editable with its test extra, pinned by constraints.txt. The install is redone
# only when pyproject.toml or constraints.txt change.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV      ?= .venv
PYTHON    ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
MKDOCS_YML ?= mkdocs.yml
SITE_DIR  ?= site
HOST      ?= 127.0.0.1
PORT      ?= 8000
# Three workers on two cores: with two, the suite kept the cores busy about 60 % of the time
# (tests wait on browsers, servers and subprocesses); with three it ends a minute or two sooner.
PYTEST_WORKERS ?= 3
PYTEST_ARGS ?=

# Material 9.x prints an end-of-life banner on every build; keep logs readable.
export NO_MKDOCS_2_WARNING ?= 1

BIN     := $(VENV)/bin
VPY     := $(BIN)/python
STAMP   := $(VENV)/.installed

.PHONY: help venv site serve test lint chromium java pango node booklet bench bench-scale lighthouse screenshots clean

help:
	@echo "make site | serve | test | lint | lighthouse | screenshots | bench | bench-scale | clean | venv"

# --- environment ---------------------------------------------------------------

venv: $(STAMP)

$(VPY):
	@test -n "$(PYTHON)" || { echo "error: no python3.11 or python3 on PATH" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# This machine's pip config lists an extra local index that may not exist; pip
# then warns once per package. Those lines are dropped, everything else is shown.
PIP_NOISE := ^WARNING: Location 'file:///.*' is ignored: it is neither a file nor a directory\.$$

$(STAMP): pyproject.toml constraints.txt | $(VPY)
	$(VPY) -m pip install --quiet --upgrade pip 2>&1 | { grep -v -E "$(PIP_NOISE)" || true; }
	$(VPY) -m pip install --quiet -c constraints.txt -e '.[test]' 2>&1 | { grep -v -E "$(PIP_NOISE)" || true; }
	@$(COMPILE)
	@touch $@

# pip compiles what it installs, but not an editable install's sources: where
# PYTHONDONTWRITEBYTECODE is set (this machine), every `cercle` run would compile
# Cercle's ~200 modules again (0.3 s). Compiled here, and again before benchmarks.
COMPILE = $(VPY) -m compileall -q -j 0 plugins >/dev/null

chromium:
	@bash scripts/ensure-chromium.sh

# Pango for WeasyPrint (cercle booklet); fails under CI=true when it cannot be installed.
pango:
	@bash scripts/ensure-pango.sh

# The ambassador guides as a PDF (LANG_BOOKLET=en for English).
LANG_BOOKLET ?= fr
booklet: $(STAMP) pango
	$(BIN)/cercle booklet --lang $(LANG_BOOKLET) -f $(MKDOCS_YML) -o $(SITE_DIR)-booklet-$(LANG_BOOKLET).pdf

# Node and the pinned Lighthouse (npm ci) for the speed check; fails under CI=true when missing.
node:
	@bash scripts/ensure-node.sh

# Java runs the offline HTML5 validator (vnu.jar from pip) of tests/quality.
java:
	@bash scripts/ensure-java.sh

# --- site ----------------------------------------------------------------------

site: $(STAMP)
	$(BIN)/mkdocs build --strict -f $(MKDOCS_YML) -d $(SITE_DIR)

serve: $(STAMP)
	$(BIN)/cercle serve -a $(HOST):$(PORT) -f $(MKDOCS_YML)

# --- checks --------------------------------------------------------------------

# The formatter checks the code, not the tests: their tables of cases are laid out by hand.
lint: $(STAMP)
	$(BIN)/ruff check plugins tests benchmarks scripts
	$(BIN)/ruff format --check plugins benchmarks scripts
	$(BIN)/mypy

# Ruff, mypy and pytest all run even when an earlier one fails, so one run reports all;
# the target fails if any did. pytest's own closing summary line is printed
# as-is, and any non-zero pytest exit (including 5 = no tests collected) fails.
test: $(STAMP) chromium java pango node
	@lint=0; $(BIN)/ruff check plugins tests benchmarks scripts || lint=$$?; \
	$(BIN)/ruff format --check plugins benchmarks scripts || lint=$$?; \
	types=0; $(BIN)/mypy || types=$$?; \
	tests=0; $(VPY) -m pytest -n $(PYTEST_WORKERS) -q $(PYTEST_ARGS) || tests=$$?; \
	if [ $$lint -ne 0 ]; then echo "make test: ruff check or ruff format --check failed (exit $$lint)" >&2; fi; \
	if [ $$types -ne 0 ]; then echo "make test: mypy failed (exit $$types)" >&2; fi; \
	if [ $$tests -ne 0 ]; then echo "make test: pytest failed (exit $$tests)" >&2; fi; \
	[ $$lint -eq 0 ] && [ $$types -eq 0 ] && [ $$tests -eq 0 ]

# Lighthouse (mobile, simulated throttling, one run per page) on the demo hub served with gzip
# on 127.0.0.1; writes the table into docs/lighthouse.md and fails under LIGHTHOUSE_MIN.
LIGHTHOUSE_MIN ?= 98
lighthouse: site chromium node
	$(VPY) scripts/lighthouse.py $(SITE_DIR) --min $(LIGHTHOUSE_MIN) --write docs/lighthouse.md

# Screenshots of every page type in both languages at 1280 and 375 px, for review.
SCREENSHOTS_DIR ?= build/screenshots
screenshots: site chromium
	$(VPY) scripts/screenshots.py $(SITE_DIR) $(SCREENSHOTS_DIR)

# Side by side with the usual Material stack (docs/benchmarks.md), then the live preview at N
# and the card variants. Installs the bench-only packages (benchmarks/setup.sh). Quicker:
# BENCH_ENTRIES="50 200" BENCH_REPEAT=1 BENCH_OTHERS= make bench
BENCH_ENTRIES ?= 50 200 500 2000
BENCH_REPEAT ?= 3
BENCH_ONCE_ABOVE ?= 500
BENCH_OTHERS ?= quote-heavy slide-heavy text-only
BENCH_OTHERS_ENTRIES ?= 200 500
BENCH_OTHERS_REPEAT ?= 1
N ?= 500
REPEAT ?= 3
bench: $(STAMP) chromium
	bash benchmarks/setup.sh
	@$(COMPILE)
	$(VPY) benchmarks/run.py --profile realistic $(BENCH_OTHERS) --entries $(BENCH_ENTRIES) \
	  --repeat $(BENCH_REPEAT) --once-above $(BENCH_ONCE_ABOVE) \
	  --entries-others $(BENCH_OTHERS_ENTRIES) --repeat-others $(BENCH_OTHERS_REPEAT)
	$(VPY) benchmarks/preview.py
	$(VPY) benchmarks/preview.py --entries $(N) --repeat $(REPEAT)
	$(VPY) benchmarks/cards/variants.py

# Cercle alone at growing sizes: cold and warm `cercle build`, phases, memory, output
# (benchmarks/results/scale.json and docs/benchmarks.md). By hand, not in `make test`.
# SCALE_REUSE=1 takes the sizes `make bench` just measured (its latest.json) instead of
# building them again: `SCALE_REUSE=1 make bench-scale` after `make bench` saves their time.
SCALE_ENTRIES ?= 500 1000 2000 5000 10000
SCALE_REUSE ?=
bench-scale: $(STAMP)
	bash benchmarks/setup.sh
	@$(COMPILE)
	$(VPY) benchmarks/scale.py --entries $(SCALE_ENTRIES) $(if $(SCALE_REUSE),--reuse)

# --- housekeeping --------------------------------------------------------------

clean:
	rm -rf $(SITE_DIR) .$(SITE_DIR).versions .$(SITE_DIR).link-* .pytest_cache .ruff_cache .cache build dist
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -path ./$(VENV) -prune -o -name '*.egg-info' -type d -prune -exec rm -rf {} +

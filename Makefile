# annals: the two set-up commands are `make run` (demo) and `make test` (whole suite).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: run test install services lint bench fuzz clean

$(BIN)/annals: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

install: $(BIN)/annals

## make run: ingest the shipped demo corpus into $(DEMO_DB), run every stage, show the result
run: install
	rm -f $(DEMO_DB)
	$(BIN)/annals ingest examples/corpus --db $(DEMO_DB)
	$(BIN)/annals extract --db $(DEMO_DB)
	$(BIN)/annals docs --db $(DEMO_DB)
	$(BIN)/annals actors --db $(DEMO_DB) --limit 15
	$(BIN)/annals events --db $(DEMO_DB) --pair CHN-RUS --limit 25

## make test: start the services the tests need (PostgreSQL, chromium) and run the whole suite
test: install
	. scripts/test-services.sh && $(BIN)/python -m pytest

services:
	. scripts/test-services.sh && env | grep -E 'ANNALS_(TEST|CHROMIUM)'

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

## make bench: every benchmark, then the pipeline at BENCH_SIZES articles; writes bench/results.md
BENCH_SIZES ?= 1000 10000 100000
bench: install
	$(BIN)/python bench/run_all.py --sizes $(BENCH_SIZES)

## make fuzz: the long fuzz run (the CI suite runs a short one)
fuzz: install
	$(BIN)/python bench/fuzz.py --examples 5000

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .ruff_cache

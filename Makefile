# Two commands for a fresh machine: `make run` and `make test`. Both build .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out
SAMPLES := samples/news.jsonl

.PHONY: run test lint typecheck check bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

DB := $(OUT)/eventwire.duckdb

run: $(STAMP)
	mkdir -p $(OUT)
	$(BIN)/eventwire extract $(SAMPLES) --output $(OUT)/sample-events.jsonl --format pretty
	$(BIN)/eventwire ingest $(SAMPLES) --db $(DB) --no-progress
	$(BIN)/eventwire query top-actors --db $(DB)
	@echo "coded events written to $(OUT)/sample-events.jsonl; event store: $(DB)"
	@echo "try: $(BIN)/eventwire query events --db $(DB)   or   $(BIN)/eventwire export --help"

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) $(OUT) build src/*.egg-info

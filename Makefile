# `make run` and `make test` do all set-up themselves: they bring uv, then the pinned environment.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
INSTALLED := $(VENV)/.installed

export UV_PYTHON_DOWNLOADS := never
export UV_COMPILE_BYTECODE := 1
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1
export GX_ANALYTICS_ENABLED ?= false

.PHONY: run test lint server duckdb harlequin setup clean

run: $(INSTALLED)  ## run the pipeline on the reports in data/raw
	$(VENV)/bin/retail-etl run

test: $(INSTALLED)  ## lint, then run the test suite
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

server: $(INSTALLED)  ## a local Prefect server for schedules, UI on http://127.0.0.1:4200
	$(VENV)/bin/prefect server start --host 127.0.0.1 --port 4200

duckdb: $(UV)  ## the DuckDB command-line client on the warehouse, read-only
	$(UV) tool run --from duckdb-cli==1.5.6 duckdb -readonly data/warehouse/retail.duckdb

harlequin: $(UV)  ## the harlequin SQL IDE on the warehouse, read-only
	$(UV) tool run --from harlequin==2.17.0 harlequin --read-only data/warehouse/retail.duckdb

setup: $(INSTALLED)

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(INSTALLED): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet --python $(PYTHON)
	touch $@

clean:  ## remove the environment and everything generated (not data/raw)
	rm -rf $(VENV) $(TOOLS) .prefect data/warehouse/retail.duckdb* data/warehouse/docs data/warehouse/gx

# Warta's entry points. `make help` lists them; CI (.ci/run) calls the same targets.

PYTHON ?= python3
VENV   ?= .venv
HOST   ?= 127.0.0.1
PORT   ?= 8000
export PYTHON VENV

.DEFAULT_GOAL := help
.PHONY: help venv run test lint fmt check-deploy bench clean

help: ## List the targets
	@echo "Warta — make targets:"
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo
	@echo "Variables: HOST=$(HOST) PORT=$(PORT) PYTHON=$(PYTHON) (e.g. make run PORT=8001)"

venv: ## Create .venv and install Warta with its dev tools (again when pyproject.toml changes)
	@bash scripts/ensure-venv

run: venv .env ## Run the site on http://$(HOST):$(PORT)/ (migrate, admin account, demo content)
	$(VENV)/bin/warta run --host $(HOST) --port $(PORT)

.env: ## Local settings for this checkout, read by the warta command (made once)
	@printf '%s\n' '# Local development settings, written by `make run`; see .env.example.' \
		'# The warta command reads this file; variables set in the shell win.' \
		'DEBUG=true' > .env
	@echo "==> Wrote .env (DEBUG=true for local use)"

test: ## Everything CI checks: ruff, migrations, pytest on SQLite and on PostgreSQL
	@bash scripts/test $(ARGS)

lint: venv ## ruff check and ruff format --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: venv ## Format the code and apply ruff's safe fixes
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check-deploy: venv ## Django's deployment checks with production-like settings
	@bash scripts/check-deploy

bench: venv ## Run every benchmark in bench/ (each prints ratios to a reference from the same run)
	@set -e; for script in bench/*.py; do echo "==> $$script"; $(VENV)/bin/python "$$script"; done

clean: ## Remove .venv, var/ (the local database and media) and test artifacts
	rm -rf $(VENV) var artifacts .pytest_cache .ruff_cache

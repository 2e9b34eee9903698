# Warta's entry points. `make help` lists them; CI (.ci/run) calls the same targets.

PYTHON ?= python3
VENV   ?= .venv
HOST   ?= 127.0.0.1
PORT   ?= 8000
export PYTHON VENV

.DEFAULT_GOAL := help
.PHONY: help venv run test lint fmt check-deploy bench bench-full clean locale

# A target's description may name $(HOST) or $(PORT): help prints their values.
help: ## List the targets
	@echo "Warta — make targets:"
	@awk -v host='$(HOST)' -v port='$(PORT)' 'BEGIN {FS = ":.*## "} \
		/^[a-z][a-z-]*:.*## / {text = $$2; gsub(/\$$\(HOST\)/, host, text); \
		gsub(/\$$\(PORT\)/, port, text); printf "  make %-13s %s\n", $$1, text}' $(MAKEFILE_LIST)
	@echo
	@echo "Variables: HOST=$(HOST) PORT=$(PORT) PYTHON=$(PYTHON) (e.g. make run PORT=8001)"

venv: ## Create .venv and install Warta with its dev tools (again when pyproject.toml changes)
	@bash scripts/ensure-venv

run: venv .env ## Run the site on http://$(HOST):$(PORT)/ (migrate, admin account, demo content)
	$(VENV)/bin/warta run --host $(HOST) --port $(PORT)

.env: ## Local settings for this checkout, read by warta and manage.py (made once)
	@printf '%s\n' '# Local development settings, written by `make run`; see .env.example.' \
		'# warta and manage.py read this file; variables set in the shell win.' \
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

locale: venv ## Admin Indonesian: report Wagtail/Django strings still untranslated or English, compile .mo
	$(VENV)/bin/python scripts/locale-refresh $(ARGS)

check-deploy: venv ## warta check-deploy on a production-like set-up (PostgreSQL, Redis, collected static files)
	@bash scripts/check-deploy

# Quick sizes by default (a few minutes); `make bench-full` runs the sizes the issues ask
# for (100k articles with 5M reads, 1M articles for sitemaps, 100k articles and 20k tags in
# the admin: the better part of an hour).
BENCH_QUICK = reader_pages.py "listing_pages.py --articles 10000 --rounds 5" \
	"sitemaps.py --articles 100000" "admin_scale.py --articles 5000 --tags 2000 --rounds 5" \
	spike.py lighthouse.py
BENCH_FULL  = reader_pages.py listing_pages.py sitemaps.py admin_scale.py spike.py lighthouse.py

bench: venv ## Run every benchmark in bench/ at quick sizes (each prints ratios to a reference)
	@set -e; for run in $(BENCH_QUICK); do echo "==> bench/$$run"; $(VENV)/bin/python bench/$$run; done

bench-full: venv ## The benchmarks at the sizes of the issues (100k/5M listings, 1M sitemaps)
	@set -e; for run in $(BENCH_FULL); do echo "==> bench/$$run"; $(VENV)/bin/python bench/$$run; done

clean: ## Remove .venv, var/ (the local database and media) and test artifacts
	rm -rf $(VENV) var artifacts .pytest_cache .ruff_cache

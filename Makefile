# Two commands do everything on a fresh clone: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test check serve bench golden docs lock clean

# The virtual environment is rebuilt whenever the lock file or the project
# metadata change, so every machine builds with the same versions.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/handbook build

check: $(STAMP)
	$(BIN)/handbook check

serve: $(STAMP)
	$(BIN)/handbook serve

# axe-core for the accessibility scan in the browser tests, from the npm lock file.
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $(AXE)

# The suite on every core (pytest-xdist): each worker takes the next test
# when it is done with its last, the long ones first, and the modules that
# share a module's fixture whole (tests/conftest.py). `make test JOBS=0`
# runs it in one process.
JOBS ?= auto
test: $(STAMP) $(AXE)
	$(BIN)/python -m pytest -n $(JOBS)

# Rewrites the golden files of the generated Markdown; review the diff.
golden: $(STAMP)
	$(BIN)/python -m pytest tests/test_golden.py --update-golden

# Rewrites the JSON Schemas and the records reference from the models.
docs: $(STAMP)
	$(BIN)/handbook schema
	$(BIN)/handbook reference

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# Re-resolves every dependency (with hashes) from pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	printf 'flit_core>=3.9,<4\n' | $(BIN)/uv pip compile pyproject.toml - --extra test \
	  --generate-hashes --python-version 3.11 --universal --no-header -o requirements.lock

clean:
	rm -rf site .site-* handbook/records build .mkdocs.*.yml .cache

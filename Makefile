# Every target creates .venv and installs what it needs from PyPI on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench fuzz serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,ray,serve]'
	touch $(STAMP)

# The checker on the bundled corpus. Findings make factcheck exit 1; that is the demo working.
demo: $(STAMP)
	$(BIN)/factcheck check corpus/alencon-crack || [ $$? -eq 1 ]

# pytest, then the package as a user installs it (pip install ., no extras) on a French
# and an English story, in a fresh .venv-core: a run-time import that only an extra
# provides fails here.
test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/python tests/install/check_core_install.py

# The desk on the bundled corpus: index corpus/ into a local store, then serve it on loopback.
SERVE_STORE ?= .factcheck/store.sqlite
serve: $(STAMP)
	$(BIN)/factcheck index --store $(SERVE_STORE) corpus
	@echo "factcheck desk: http://127.0.0.1:8321/ (Ctrl-C stops it)"
	$(BIN)/factcheck serve --store $(SERVE_STORE) --port 8321

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py

# The long fuzz run (100,000 hypothesis examples across loaders, number grammar and extractor,
# at most FUZZ_MINUTES), then how each stage's time grows on adversarial text. Reports,
# per target, unexpected exceptions and the slowest time per 10 kB; exit 1 if a target is missed.
FUZZ_MINUTES ?= 40
fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py --max-minutes $(FUZZ_MINUTES); a=$$?; \
	$(BIN)/python scripts/scaling.py; b=$$?; exit $$(( a || b ))

clean:
	rm -rf $(VENV) .venv-core build *.egg-info .pytest_cache .hypothesis

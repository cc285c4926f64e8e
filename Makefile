# The course's two commands: `make book` (build the website) and `make test`.
# Both create .venv from requirements.txt on first use and reuse it afterwards.
# Runs use quick settings (D2L_VN_QUICK=1) unless you say FULL=1.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

ifeq ($(FULL),1)
export D2L_VN_QUICK := 0
else
export D2L_VN_QUICK := 1
endif

.PHONY: help venv data test book bench clean

help:
	@echo "make book   build the course website into _build/html"
	@echo "make test   run the test suite (library, notebooks)"
	@echo "make data   fetch Fashion-MNIST into the local cache"
	@echo "make bench  time one epoch: d2l's loop vs d2l_vn vs bare compute"
	@echo "FULL=1      full settings instead of quick ones"

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

venv: $(STAMP)

data: $(STAMP)
	$(BIN)/python -m d2l_vn.fetch

test: data
	$(BIN)/python -m pytest

book: data
	$(BIN)/jupyter-book build --warningiserror --nitpick --keep-going .
	@echo "The website is in _build/html: open _build/html/index.html in a browser."

bench: data
	$(BIN)/python benchmarks/epoch_time.py

clean:
	rm -rf _build .pytest_cache

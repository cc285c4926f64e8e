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

.PHONY: help venv data test test-colab book bench results clean

help:
	@echo "make book   build the course website into _build/html"
	@echo "make test   run the test suite (library, notebooks)"
	@echo "make test-colab  the same suite as in Google Colab: Python 3.13, NumPy 2 (requirements-colab.txt)"
	@echo "make data   fetch Fashion-MNIST into the local cache"
	@echo "make mathjax  fetch MathJax (npm registry) into _vendor/ for the website"
	@echo "make bench  run the benchmarks in benchmarks/ (epoch time, optimizer step time)"
	@echo "make results [CHAPTER=lr_scheduling|adam_radam] [FRAMEWORK=torch]  train the studies at full settings into d2l_vn/records/ (hours; resumable)"
	@echo "FULL=1      full settings instead of quick ones"

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

venv: $(STAMP)

data: $(STAMP)
	$(BIN)/python -m d2l_vn.core.fetch

test: data
	$(BIN)/python -m pytest

# Google Colab's default runtime in .venv-colab: Python 3.13 with Colab's versions of what the
# course touches (requirements-colab.txt), then mxnet and d2l without dependencies, as the first
# cell of every chapter installs them, and the test tools (kept to Colab's versions by -c).
# The interpreter: PYTHON if it is a 3.13, else python3.13 on PATH, else pyenv's 3.13.
# Without one the suite is skipped with a message (an error when REQUIRE_COLAB=1, as in CI).
VENVCOLAB := .venv-colab
PY313 = $(firstword $(foreach p,$(PYTHON) python3.13 $(wildcard $(shell pyenv root 2>/dev/null)/versions/3.13*/bin/python3.13),\
  $(if $(shell $(p) -c 'import sys; print(sys.version_info[:2] == (3, 13))' 2>/dev/null | grep True),$(p))))

$(VENVCOLAB)/.installed: requirements-colab.txt requirements.txt pyproject.toml
	$(PY313) -m venv $(VENVCOLAB)
	$(VENVCOLAB)/bin/python -m pip install --quiet --upgrade pip
	$(VENVCOLAB)/bin/python -m pip install --quiet -r requirements-colab.txt
	$(VENVCOLAB)/bin/python -m pip install --quiet --no-deps $$(grep -E '^(mxnet|d2l)==' requirements.txt) -e .
	$(VENVCOLAB)/bin/python -m pip install --quiet -c requirements-colab.txt \
	  $$(sed -n '/^# Book and tests/,$$p' requirements.txt | grep -v '^#')
	touch $@

test-colab:
	@if [ -z "$(PY313)" ]; then \
	  echo "No Python 3.13 found (tried PYTHON=$(PYTHON), python3.13 on PATH, pyenv): Colab suite SKIPPED."; \
	  echo "Install Python 3.13 or pass PYTHON=/path/to/python3.13."; \
	  test "$(REQUIRE_COLAB)" != 1; \
	else \
	  $(MAKE) --no-print-directory $(VENVCOLAB)/.installed PY313="$(PY313)" && \
	  $(VENVCOLAB)/bin/python -m d2l_vn.core.fetch && \
	  $(VENVCOLAB)/bin/python -m pytest; \
	fi

# MathJax for the website, served by the site itself (no CDN): the npm registry's package,
# pinned by version and integrity, unpacked into the git-ignored _vendor/mathjax, which the
# course's Sphinx extension (_ext/d2l_vn_site) copies to _build/html/_static/mathjax.
MATHJAX_VERSION := 3.2.2
MATHJAX_INTEGRITY := sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==
MATHJAX := _vendor/mathjax/tex-chtml.js

$(MATHJAX):
	rm -rf _vendor/mathjax _vendor/npm && mkdir -p _vendor/npm _vendor/mathjax/output
	cd _vendor/npm && npm pack --silent --prefer-offline mathjax@$(MATHJAX_VERSION) > /dev/null
	$(PYTHON) -c "import base64, hashlib, sys; digest = base64.b64encode(hashlib.sha512(open(sys.argv[1], 'rb').read()).digest()).decode(); sys.exit(None if 'sha512-' + digest == sys.argv[2] else 'mathjax: the package does not match MATHJAX_INTEGRITY')" _vendor/npm/mathjax-$(MATHJAX_VERSION).tgz "$(MATHJAX_INTEGRITY)"
	tar -xzf _vendor/npm/mathjax-$(MATHJAX_VERSION).tgz -C _vendor/npm
	cd _vendor/npm/package/es5 && cp -r tex-chtml.js input ui a11y sre adaptors ../../../mathjax/
	cd _vendor/npm/package/es5/output && cp -r chtml.js chtml ../../../../mathjax/output/
	cp _vendor/npm/package/LICENSE _vendor/mathjax/
	rm -rf _vendor/npm

.PHONY: mathjax
mathjax: $(MATHJAX)

# The website shows the recorded full runs: studies load d2l_vn/records/ instead of training.
# Jupyter Book re-executes a notebook only when the notebook changes; when the library or a
# record changes, its cache of executed notebooks (and Sphinx's pickled environment) is dropped, so the site never shows stale outputs.
LIBRARY_HASH = $(shell cat d2l_vn/*.py d2l_vn/studies/*.py d2l_vn/records/*.json 2>/dev/null | sha1sum | cut -c1-16)
book: export D2L_VN_FROM_RECORDS := 1
book: data $(MATHJAX)
	@start=$$(date +%s); \
	  if [ "$$(cat _build/.library-hash 2>/dev/null)" != "$(LIBRARY_HASH)" ]; then \
	    rm -rf _build/.jupyter_cache _build/.doctrees && echo "d2l_vn or a record changed: every chapter is executed again"; fi; \
	  $(BIN)/jupyter-book build --warningiserror --nitpick --keep-going . && \
	  echo "$(LIBRARY_HASH)" > _build/.library-hash && \
	  secs=$$(( $$(date +%s) - start )) && \
	  echo "The website is in _build/html (built in $$((secs / 60)) min $$((secs % 60)) s, training nothing): open _build/html/index.html in a browser."

bench: data
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# Recorded full runs of the chapters' studies, always at full settings (FULL= plays no part):
# `make results` (every chapter) or `make results CHAPTER=lr_scheduling`. Interrupted, it
# resumes from d2l_vn/records/<chapter>.partial.json; finished, it replaces <chapter>.json.
# FRAMEWORK=torch trains the same arms and seeds in PyTorch, into d2l_vn/records/torch/.
results: data
	$(BIN)/python -m d2l_vn.studies.results $(CHAPTER) --framework $(or $(FRAMEWORK),mxnet)

clean:
	rm -rf _build .pytest_cache

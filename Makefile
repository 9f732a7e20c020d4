# One-word entry points. `make demo` sets everything up and runs the main job;
# `make test` runs the tests (CI runs exactly that).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATA   := papers-data
PAPERS := $(BIN)/papers --home $(DATA)

.PHONY: demo test bench install clean tesseract chromium

$(BIN)/papers: setup.cfg constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))"; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python venv support is missing; installing python3-venv (Debian/Ubuntu)"; \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-venv; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq python3-venv; fi && \
	  $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install -q -c constraints.txt -e '.[test,plot,bench,cluster,web,pg]'
	@touch $@

# OCR of scanned pages; without it they wait for `papers ocr` (README "Scanned and broken papers").
tesseract:
	@command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx eng || { \
	  echo "installing Tesseract (tesseract-ocr, tesseract-ocr-eng) for OCR of scanned pages"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-eng; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq tesseract-ocr tesseract-ocr-eng; \
	  else false; fi; } || \
	  echo "Tesseract not installed: install tesseract-ocr and tesseract-ocr-eng (brew install tesseract on macOS); until then scanned pages wait for papers ocr"

# The web page's browser tests (tests/web/test_browser.py) drive Debian's Chromium and its driver.
chromium:
	@{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || { \
	  echo "installing Chromium (chromium, chromium-driver) for the web page's browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium chromium-driver; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium chromium-driver; \
	  else false; fi; } || \
	  echo "Chromium not installed: the browser tests will be skipped (install chromium and chromium-driver)"

install: $(BIN)/papers

demo: $(BIN)/papers tesseract
	$(PAPERS) ingest corpus/
	$(PAPERS) status
	$(PAPERS) search '"special guardianship"' --sort date --limit 3
	$(PAPERS) search 'dental checks' --kind minutes --limit 1
	@echo; echo "Try: $(PAPERS) search --help"
	@echo "Web page: $(PAPERS) serve   (then open http://127.0.0.1:8001/)"

test: $(BIN)/papers tesseract chromium
	$(BIN)/pytest

# Slow: builds a 3,000-page corpus and writes BENCHMARKS.md. Not part of `make test`.
bench: $(BIN)/papers
	@command -v pdftotext >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq poppler-utils; } || \
	  echo "poppler-utils not installed: the pdftotext reference will be skipped"
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) $(DATA) *.egg-info .pytest_cache

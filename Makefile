# The developer's front door. Only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LIBRARY ?= library
QUALCODER_SRC ?=
QUALCODER_PYTHON ?= python3

.PHONY: run test lint format bench bench-quotes bench-extraction extraction-corpus trafilatura-eval news-fixtures fundus l3s-quotes dragnet-quotes chaos-quotes newspaper-quotes trafeval-quotes fixtures-quotes omnivore omnivore-quotes extractor-pages bbc-quotes abp-quotes canews-quotes basil-quotes reuters-quotes webis-quotes gossipcop-quotes pacific-quotes southasia-quotes philippines-quotes ghana-quotes aljazeera-quotes recovery-quotes newsdata-quotes webz-quotes stress interop clean help

help:  ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Reader needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)  ## Open Reader on the bundled library
	$(BIN)/reader $(LIBRARY)

test: $(STAMP)  ## Lint, check the layering, run the whole suite
	$(BIN)/ruff check reader tests bench docs interop
	$(BIN)/ruff format --check reader tests bench docs interop
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m compileall -q reader tests > /dev/null  # compiled once, before the CLI tests start Python often (each compiled it again until one had written it: 15 s)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n 4  # four workers on two cores: UI tests wait for idle a third of the time (three: 104-118 s, four: 93-100 s); compiled modules kept

stress: $(STAMP)  ## The data-safety tests in full: 1,002 kills, long property runs, importer fuzzing; every command a new Python
	READER_TEST_CLI=exec $(BIN)/python -m pytest -n 4
	READER_STRESS=1 $(BIN)/python -m pytest -s -p no:xdist --timeout=0 tests/storage/test_crash.py tests/storage/test_concurrency.py tests/core/test_anchoring.py
	READER_STRESS=1 $(BIN)/python -m pytest -s -p no:xdist --timeout=0 tests/interchange/test_import_hostile.py -k "any_json or any_bytes"

format: $(STAMP)  ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix reader tests bench docs interop
	$(BIN)/ruff format reader tests bench docs interop

bench: $(STAMP)  ## Measure the speed targets (builds its own large data)
	$(BIN)/python -m bench

bench-quotes: $(STAMP)  ## Score quote and speaker finding on the labelled gold sets
	$(BIN)/python -m bench.quotes

bench-extraction: $(STAMP)  ## Score the cleaning of web pages against hand-cleaned text
	$(BIN)/python -m bench.extraction

extraction-corpus: $(STAMP)  ## Fetch the multi-site extraction corpus into bench/.data (not committed)
	$(BIN)/python -m bench.fetch_extraction_corpus

trafilatura-eval: $(STAMP)  ## Fetch trafilatura's evaluation pages into bench/.data (not committed)
	$(BIN)/python -m bench.fetch_trafilatura_eval

news-fixtures: $(STAMP)  ## Fetch newspaper's, goose3's and Postlight's test pages into bench/.data (not committed)
	$(BIN)/python -m bench.fetch_news_fixtures

fundus: $(STAMP)  ## Fetch fundus's parser-test pages (a blind set of cleaning, and of speakers: fundus-quotes) into bench/.data (not committed)
	$(BIN)/python -m bench.fetch_fundus
	$(BIN)/python -m bench.convert_fundus_quotes

l3s-quotes: $(STAMP)  ## Fetch L3S-GN1's 2008 news pages and build the l3s-quotes sets of speakers into bench/.data (not committed)
	$(BIN)/python -m bench.convert_l3s_quotes

dragnet-quotes: $(STAMP)  ## Fetch Dragnet's 2012 news pages and build the dragnet-quotes set of speakers into bench/.data (not committed)
	$(BIN)/python -m bench.convert_dragnet_quotes

chaos-quotes: $(STAMP)  ## Fetch Utomo & Leu's "Chaos" news pages (about 2017) and build the chaos-quotes set of speakers into bench/.data (not committed)
	$(BIN)/python -m bench.convert_chaos_quotes

newspaper-quotes: $(STAMP)  ## Fetch newspaper's 2014-15 full-text test pages and build the newspaper-quotes set of speakers into bench/.data (not committed)
	$(BIN)/python -m bench.convert_newspaper_quotes

trafeval-quotes: $(STAMP)  ## Fetch trafilatura's evaluation pages and build the trafeval-quotes set of speakers (English pages, trafilatura's own extraction) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_trafeval_quotes

fixtures-quotes: news-fixtures  ## Build the fixtures-quotes set of speakers (goose3's and Postlight's English test pages, trafilatura's extraction) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_fixtures_quotes

omnivore: $(STAMP)  ## Fetch Omnivore's Readability test pages (the fifth blind set) into bench/.data (not committed)
	$(BIN)/python -m bench.fetch_omnivore

extractor-pages: $(STAMP)  ## Fetch the sixth blind set of pages (20 sites, extractors' test fixtures; gold in bench/extractor_pages) into bench/.data (not committed)
	$(BIN)/python -m bench.fetch_extractor_pages

omnivore-quotes: omnivore  ## Build the omnivore-quotes set of speakers (Omnivore's English test pages, their accepted bodies) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_omnivore_quotes

bbc-quotes: $(STAMP)  ## Build the bbc-quotes sets of speakers (BBC News of 2004-2005, plain text, headline first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_bbc_quotes

abp-quotes: $(STAMP)  ## Build the abp-quotes sets of speakers (US news of 2012-2020, one article an outlet, title first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_abp_quotes

canews-quotes: $(STAMP)  ## Build the canews-quotes sets of speakers (Canadian news of 2020, one article a byline, title first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_canews_quotes

basil-quotes: $(STAMP)  ## Build the basil-quotes sets of speakers (US news of 2010-2019: NYT, Fox News, HuffPost; one article an event, title first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_basil_quotes

reuters-quotes: $(STAMP)  ## Build the reuters-quotes sets of speakers (Reuters wire stories of 1996-1997, one story a writer, no headline) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_reuters_quotes

gossipcop-quotes: $(STAMP)  ## Build the gossipcop-quotes set of speakers (celebrity news of 2017-2018 from FakeNewsNet's GossipCop pages, at most four an outlet, title first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_gossipcop_quotes

philippines-quotes: $(STAMP)  ## Build the philippines-quotes set of speakers (Philippine news of May 2024: BusinessWorld, the Inquirer, Malaya, Rappler, The Manila Times; four an outlet, headline first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_philippines_quotes

ghana-quotes: $(STAMP)  ## Build the ghana-quotes set of speakers (Ghanaian news of January 2026 from eleven outlets, three an outlet, headline first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_ghana_quotes

aljazeera-quotes: $(STAMP)  ## Build the aljazeera-quotes set of speakers (Al Jazeera English of April-May 2025, headline first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_aljazeera_quotes

recovery-quotes: $(STAMP)  ## Build the recovery-quotes set of speakers (US news of 2020 on COVID-19 from ReCOVery: nine outlets, three an outlet, headline first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_recovery_quotes

newsdata-quotes: $(STAMP)  ## Build the newsdata-quotes set of speakers (US news of March 2023 from NewsData.io listings: HuffPost, Cointelegraph, WFAA, CBS News and more; three an outlet, headline first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_newsdata_quotes

webz-quotes: $(STAMP)  ## Build the webz-quotes set of speakers (Australian news of November 2020 from webz.io dumps: nine.com.au, trade press and more; three a site, headline first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_webz_quotes

pacific-quotes: $(STAMP)  ## Build the pacific-quotes set of speakers (Pacific news of 2019-2025: ABC, RNZ, VBR, TVWAN, The National; four an outlet, headline first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_pacific_quotes

southasia-quotes: $(STAMP)  ## Build the southasia-quotes set of speakers (news of 2017-2025 from Pakistan, Bangladesh and India: Dawn, APP, Prothom Alo, TBS, Ittefaq, The Hindu, NDTV Profit, Business Today; at most four an outlet, headline first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_southasia_quotes

webis-quotes: $(STAMP)  ## Build the webis-quotes sets of speakers (CNN and ABC News of September 2016, one article an author, title first) into bench/.data (not committed)
	$(BIN)/python -m bench.convert_webis_quotes

interop: $(STAMP)  ## Optional: QualCoder imports an export headless; each coding drawn on its quote?
	@test -f "$(QUALCODER_SRC)/qualcoder/refi.py" || { echo "make interop: set QUALCODER_SRC to a QualCoder source tree's src folder, and QUALCODER_PYTHON to a Python with PyQt6, Pillow and pymupdf"; exit 2; }
	QT_QPA_PLATFORM=offscreen $(QUALCODER_PYTHON) -W ignore interop/qualcoder.py --qualcoder-src "$(QUALCODER_SRC)" --reader $(BIN)/reader $(if $(INTEROP_LIBRARY),--library "$(INTEROP_LIBRARY)")

clean:  ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist *.egg-info

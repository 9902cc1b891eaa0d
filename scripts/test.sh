#!/usr/bin/env bash
# Set up a virtual environment and run the whole test suite (unit, AppTest, CLI, browser) plus ruff.
# Needs Python >= 3.11 and Debian's chromium at /usr/bin/chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
.venv/bin/ruff check .
# Two workers, one test file each at a time (module-scoped servers and browsers stay in one worker):
# the suite takes about half the time on CI's two cores. TEST_WORKERS=0 runs it in one process.
.venv/bin/python -m pytest -q -p no:cacheprovider -n "${TEST_WORKERS:-2}" --dist loadfile "$@"

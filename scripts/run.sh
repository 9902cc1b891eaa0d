#!/usr/bin/env bash
# Set up a virtual environment and serve the dashboard on http://127.0.0.1:8501 .
# Without a career file it starts one with the demo persona (set CAREERDATA_DB to choose the file).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
exec .venv/bin/streamlit run dashboard.py --server.address 127.0.0.1 "$@"

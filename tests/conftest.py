"""Shared fixtures: real DuckDB files built once per session and copied per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from careerdata.bench.runner import build_scaled
from careerdata.import_export.create import create_database
from careerdata.store import db

ROOT = Path(__file__).resolve().parents[1]
# The demo persona is written as of this date; pin "today" so nudges and KPIs are stable.
DEMO_TODAY = "2026-11-21"
os.environ.setdefault("CAREERDATA_TODAY", DEMO_TODAY)


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory) -> Path:
    return create_database(tmp_path_factory.mktemp("master") / "demo.duckdb", demo=True)


@pytest.fixture(scope="session")
def _empty_master(tmp_path_factory) -> Path:
    return create_database(tmp_path_factory.mktemp("master") / "empty.duckdb", demo=False)


@pytest.fixture
def demo_db(_demo_master, tmp_path) -> Path:
    """A private copy of the demo career file."""
    return Path(shutil.copy(_demo_master, tmp_path / "career.duckdb"))


@pytest.fixture
def empty_db(_empty_master, tmp_path) -> Path:
    """A private copy of a new user's file: market data and ladder, no career data."""
    return Path(shutil.copy(_empty_master, tmp_path / "career.duckdb"))


@pytest.fixture
def demo_con(demo_db):
    con = db.connect(demo_db)
    yield con
    con.close()


@pytest.fixture
def empty_con(empty_db):
    con = db.connect(empty_db)
    yield con
    con.close()


@pytest.fixture(scope="session")
def _x5_master(tmp_path_factory) -> Path:
    """The demo persona five times over: 125 contacts (50 losing touch), 55 opportunities (35 open)."""
    return build_scaled(tmp_path_factory.mktemp("x5") / "x5.duckdb", 5)


@pytest.fixture
def x5_db(_x5_master, tmp_path) -> Path:
    return Path(shutil.copy(_x5_master, tmp_path / "x5.duckdb"))


@pytest.fixture(autouse=True)
def _no_request_leaves_the_machine():
    """Fail any browser test whose pages asked a host other than the loopback for anything."""
    import test_browser

    test_browser.OFFSITE.clear()
    yield
    offsite = list(test_browser.OFFSITE)
    test_browser.OFFSITE.clear()
    assert not offsite, f"requests left the machine: {offsite[:5]}"

"""The demo never goes stale: its dates move to the day the file is created, keeping the story."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from careerdata.import_export.create import DEMO_AS_OF, demo_shift_days, shift_career
from careerdata.import_export.yaml_files import DEMO_DIR, read_career
from careerdata.store import db


def _story(as_of: dt.date) -> dict:
    career = shift_career(read_career(DEMO_DIR), demo_shift_days(as_of))
    done = [a.end_date or a.start_date for a in career.accomplishments]
    # the person Home's sponsor nudge names: a sponsor (the advocacy stage), else the most influential advocate
    backers = ([c for c in career.contacts if c.advocacy_stage == "sponsor"]
               or sorted((c for c in career.contacts if c.advocacy_stage == "advocate"), key=lambda c: -c.influence))
    dated = done + [i.date for i in career.interactions] + [v.date for v in career.visibility]
    return {
        "last_win_age": (as_of - max(done)).days,
        "backer": backers[0].name,
        "backer_touch_age": (as_of - max(i.date for i in career.interactions if i.contact == backers[0].name)).days,
        "cycle_ahead": career.profile.review_cycle_end > as_of,
        "latest_record": max(dated),
        "weekday_kept": all(a.start_date.weekday() == b.start_date.weekday()
                            for a, b in zip(career.accomplishments, read_career(DEMO_DIR).accomplishments,
                                            strict=True)),
    }


@pytest.mark.parametrize("as_of", [DEMO_AS_OF, dt.date(2026, 12, 4), dt.date(2027, 1, 3), dt.date(2029, 2, 28),
                                   dt.date(2026, 3, 1)])
def test_on_any_date_the_last_win_is_under_three_weeks_old_and_the_story_keeps_its_shape(as_of):
    story, written = _story(as_of), _story(DEMO_AS_OF)
    assert 7 <= story["last_win_age"] < 21
    # the sponsor-to-be (Elena Petrova, the advocate Home names) was touched within the last fortnight:
    # 4 days as written, give or take the days rounded off to keep weekdays; never months of silence
    assert story["backer"] == "Elena Petrova" and written["backer_touch_age"] == 4
    assert 4 <= story["backer_touch_age"] < 11
    assert story["cycle_ahead"]
    assert story["latest_record"] < as_of  # nothing logged in the future
    assert story["weekday_kept"]


def test_the_pinned_test_date_leaves_the_persona_exactly_as_written():
    assert demo_shift_days(DEMO_AS_OF) == 0
    assert shift_career(read_career(DEMO_DIR), 0) == read_career(DEMO_DIR)


def test_init_demo_as_of_pins_the_story_to_that_date(tmp_path):
    path = tmp_path / "career.duckdb"
    out = subprocess.run([sys.executable, "-m", "careerdata.cli", "init", "--demo", "--as-of", "2027-03-15",
                          "--db", str(path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "as of 2027-03-15" in out.stdout
    con = db.connect(path, read_only=True)
    try:
        last = con.execute("SELECT max(coalesce(end_date, start_date)) FROM accomplishment").fetchone()[0]
        assert db.get_meta(con, "demo_as_of") == "2027-03-15"
    finally:
        con.close()
    assert 7 <= (dt.date(2027, 3, 15) - last).days < 21
    bad = subprocess.run([sys.executable, "-m", "careerdata.cli", "init", "--demo", "--as-of", "15/03/2027",
                          "--force", "--db", str(path)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "--as-of: '15/03/2027' is not a date like 2026-11-21" in bad.stderr

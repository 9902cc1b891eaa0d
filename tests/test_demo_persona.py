"""The demo persona is one coherent person, and its YAML is a format a user can write."""

import datetime as dt

import pytest

from careerdata.core import errors
from careerdata.import_export.yaml_files import DEMO_DIR, read_career, read_ladder

AS_OF = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def persona():
    return read_career(DEMO_DIR)


def test_the_persona_meets_the_minimum_sizes(persona):
    assert len(persona.skills) >= 40
    assert {s.kind for s in persona.skills} == {"technical", "domain", "soft", "leadership"}
    assert len(persona.accomplishments) >= 60
    metrics = [x for a in persona.accomplishments for x in a.metrics]
    assert len(metrics) >= 80
    assert {x.category for x in metrics} == {"revenue", "cost", "time", "reliability", "users", "risk"}
    assert len(persona.contacts) >= 25 and len(persona.visibility) >= 12
    assert len(persona.target_roles) >= 3 and len(persona.opportunities) >= 6 and len(persona.conversations) >= 3
    assert {"Staff Engineer", "Engineering Manager"} <= {r.name for r in persona.target_roles}


def test_one_career_at_three_employers_over_about_eight_years(persona):
    employers = {p.employer for p in persona.positions}
    assert employers == {"Parcelly", "Northwind Payments", "Helio Health"}
    start = min(p.start_date for p in persona.positions)
    assert 7.5 <= (AS_OF - start).days / 365.25 <= 9
    assert {a.employer for a in persona.accomplishments} == employers
    assert all(a.start_date <= AS_OF for a in persona.accomplishments)
    # self-assessments happen over time, not once
    assert len({a.as_of for a in persona.assessments}) >= 4


def test_the_default_ladder_covers_every_level_and_competency():
    ladder = read_ladder()
    tracks = {lvl.track for lvl in ladder.levels}
    assert tracks == {"IC", "EM"}
    assert len(ladder.expectations) == len(ladder.levels) * len(ladder.competencies)


def test_a_broken_yaml_file_names_the_file_and_line(tmp_path):
    bad = tmp_path / "career.yaml"
    bad.write_text("profile:\n  name: Me\n  current_title: [unclosed\n")
    with pytest.raises(errors.InputError, match=r"career.yaml line \d+: not valid YAML"):
        read_career(bad)


def test_a_wrong_value_names_the_file_section_and_field(tmp_path):
    bad = tmp_path / "career.yaml"
    bad.write_text("profile: {name: Me, current_title: Dev}\nskills:\n  - {name: Go, kind: wizardry}\n")
    with pytest.raises(errors.InputError, match=r"career.yaml: skills\[0\].kind: Input should be"):
        read_career(bad)

"""Every enumeration is written once (careerdata.core.vocab) and the database accepts exactly those values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from careerdata.core import vocab
from careerdata.models import career as m

MIGRATIONS = Path(__file__).resolve().parents[1] / "careerdata" / "migrations"
CHECK_IN = re.compile(r"CHECK \((\w+) IN \(([^)]*)\)\)")


def _stored_value_sets() -> list[tuple[str, tuple[str, ...]]]:
    sql = "\n".join(p.read_text() for p in sorted(MIGRATIONS.glob("*.sql")))
    return [(col, tuple(v.strip().strip("'") for v in values.split(","))) for col, values in CHECK_IN.findall(sql)]


def test_every_value_the_database_accepts_is_a_vocabulary_written_in_vocab():
    enums = {v for k, v in vars(vocab).items() if k.isupper() and isinstance(v, tuple)}
    stored = _stored_value_sets()
    assert len(stored) >= 13
    for column, values in stored:
        if values == ("linked", *vocab.LINK_DECISIONS):  # a journal link, or a decided suggestion
            continue
        assert values in enums, f"CHECK ({column} IN {values}) is not an enumeration of careerdata.core.vocab"


def test_every_enumeration_has_a_label_for_each_value_and_no_other():
    public = {k: v for k, v in vars(vocab).items() if k.isupper()}
    labels = {k: v for k, v in public.items() if k.endswith("_LABELS")}
    tuples = {k: v for k, v in public.items() if isinstance(v, tuple)}
    for name, by_value in labels.items():
        assert all(isinstance(v, str) and v.strip() for v in by_value.values()), name
        assert tuple(by_value) in tuples.values(), f"{name} has no enumeration tuple(...) next to it"
    derived = {"FUNNEL_STAGES", "CLOSED_STAGES"}  # slices of OPPORTUNITY_STAGES
    labelled = {tuple(v) for v in labels.values()}
    assert [k for k, v in tuples.items() if k not in derived and v not in labelled] == []


def test_models_accept_the_vocabulary_and_refuse_anything_else():
    for kind in vocab.SKILL_KINDS:
        assert m.Skill(name="Go", kind=kind).kind == kind
    with pytest.raises(ValidationError, match="technical"):
        m.Skill(name="Go", kind="magic")
    for stage in vocab.ADVOCACY_STAGES:
        assert m.Contact(name="Ana", relationship="peer", advocacy_stage=stage).advocacy_stage == stage
    with pytest.raises(ValidationError):
        m.Contact(name="Ana", relationship="friend")

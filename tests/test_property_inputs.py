"""Property-based: random and mutated input to every model and importer gives a clean result
or a clear validation error, never a traceback, and a refused import writes nothing."""

from __future__ import annotations

import copy
import inspect
import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from careerdata.core import errors
from careerdata.import_export import csv_io, jsonresume
from careerdata.import_export.imports import run_import
from careerdata.import_export.linkedin import reader as linkedin
from careerdata.models import career as models
from careerdata.models import network as models_sales
from careerdata.models import promotion as models_promotion
from careerdata.models import value as models_value
from careerdata.store import db

FIXTURES = Path(__file__).parent / "fixtures" / "io"
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40), st.sampled_from(["", " ", "2026-02-30", "2026-11-21", "verified", "team", "cost",
                                           "'); DROP TABLE skill; --", "<script>alert(1)</script>", "15-1252.00"]))
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(st.text(max_size=12), inner,
                                                                            max_size=4)), max_leaves=12)

MODELS = [cls for module in (models, models_sales, models_value, models_promotion)
          for _, cls in inspect.getmembers(module, inspect.isclass)
          if issubclass(cls, BaseModel) and cls.__module__ == module.__name__ and cls.model_fields]


def _counts(con) -> dict:
    return dict(zip(db.CORE_TABLES, (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                     for t in db.CORE_TABLES), strict=True))


@pytest.mark.parametrize("model", MODELS, ids=lambda c: f"{c.__module__.split('.')[-1]}.{c.__name__}")
@SETTINGS
@given(data=st.data())
def test_every_model_accepts_or_explains_any_input(model, data):
    fields = list(model.model_fields)
    keys = st.one_of(st.sampled_from(fields), st.text(max_size=10))
    payload = data.draw(st.dictionaries(keys, json_values, max_size=len(fields) + 2))
    try:
        model.model_validate(payload)
    except ValidationError as err:
        message = models.describe_validation_error(err)
        assert message.strip()
        assert all(line.strip() for line in message.splitlines())


def _mutate(value, rnd: random.Random, replacement):
    """Replace one randomly chosen node of a JSON document."""
    paths = []

    def walk(node, path):
        paths.append(path)
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, (*path, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, (*path, i))

    walk(value, ())
    target = rnd.choice(paths[1:])
    node = value
    for part in target[:-1]:
        node = node[part]
    node[target[-1]] = replacement
    return value


RESUME = json.loads((FIXTURES / "resume.json").read_text(encoding="utf-8"))


@SETTINGS
@given(seed=st.integers(0, 10**9), replacement=json_values)
def test_a_mutated_json_resume_imports_cleanly_or_is_refused_whole(empty_con, seed, replacement):
    doc = _mutate(copy.deepcopy(RESUME), random.Random(seed), replacement)
    before = _counts(empty_con)
    try:
        bundle = jsonresume.read_jsonresume(json.dumps(doc).encode(), "resume.json")
        run_import(empty_con, bundle)
    except errors.InputError as err:
        assert str(err).startswith("resume.json")
        assert _counts(empty_con) == before


@SETTINGS
@given(raw=st.binary(max_size=300))
def test_random_bytes_as_a_json_resume_are_refused_with_the_file_named(raw):
    try:
        jsonresume.read_jsonresume(raw, "resume.json")
    except errors.InputError as err:
        assert "resume.json" in str(err)


cells = st.one_of(st.text(max_size=20), st.sampled_from(["", "2026-01-01", "technical", "peer", "3", "-1", "9e9",
                                                           "verified", "cost", "Go", "=HYPERLINK(\"x\")"]))


@pytest.mark.parametrize("entity", sorted(csv_io.CSV_ENTITIES))
@SETTINGS
@given(data=st.data())
def test_random_csv_rows_import_cleanly_or_change_nothing(empty_con, entity, data):
    spec = csv_io.CSV_ENTITIES[entity]
    header = data.draw(st.permutations(list(spec.columns)))
    rows = data.draw(st.lists(st.lists(cells, min_size=len(header), max_size=len(header)), max_size=4))
    text = ",".join(header) + "\n" + "\n".join(",".join(json.dumps(c) for c in row) for row in rows)
    before = _counts(empty_con)
    try:
        run_import(empty_con, csv_io.read_csv_entity(text.encode(), f"{entity}.csv", entity))
    except errors.InputError as err:
        assert f"{entity}.csv" in str(err)
        assert _counts(empty_con) == before


LINKEDIN = {p.name: p.read_bytes() for p in (FIXTURES / "linkedin").iterdir()}


@SETTINGS
@given(name=st.sampled_from(sorted(LINKEDIN)), seed=st.integers(0, 10**9), junk=st.binary(max_size=60))
def test_a_mutated_linkedin_export_imports_cleanly_or_is_refused_whole(empty_con, name, seed, junk):
    files = dict(LINKEDIN)
    raw = bytearray(files[name])
    rnd = random.Random(seed)
    if raw:
        at = rnd.randrange(len(raw))
        raw[at:at + rnd.randint(0, 30)] = junk
    files[name] = bytes(raw)
    before = _counts(empty_con)
    try:
        run_import(empty_con, linkedin.read_linkedin_files(files, "export.zip"))
    except errors.InputError as err:
        assert str(err).strip()
        assert _counts(empty_con) == before


@SETTINGS
@given(raw=st.binary(max_size=400))
def test_random_bytes_as_a_linkedin_zip_are_refused(raw):
    try:
        linkedin.files_from_zip(raw, "export.zip")
    except errors.InputError as err:
        assert "export.zip" in str(err)

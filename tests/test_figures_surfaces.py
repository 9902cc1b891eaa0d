"""`careerdata figures` on the demo: every figure's display string appears on every surface it names.

A surface is a page (its url key: the AppTest text of app_pages/<key>.py, metrics included), an export
("export:brag": the brag document) or a command ("cli:figures": the stdout of `careerdata figures`).
So a page, export or command that computes its own version of a figure, or labels it differently,
fails here.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from careerdata.figures.glossary import GLOSSARY
from careerdata.figures_registry import registry
from careerdata.import_export.export import brag_markdown, jsonresume_text
from careerdata.promotion import case as pcase
from careerdata.promotion import draft as pdraft
from careerdata.promotion import evidence as pa
from careerdata.promotion import export as promo_export
from careerdata.promotion import queries as pq
from careerdata.store import db
from tests.helpers import open_app, texts

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def demo_copy(_demo_master, tmp_path_factory):
    return shutil.copy(_demo_master, tmp_path_factory.mktemp("figures") / "career.duckdb")


@pytest.fixture(scope="module")
def found(demo_copy):
    con = db.connect(demo_copy, create=False)
    try:
        return registry.figures(con, TODAY)
    finally:
        con.close()


@pytest.fixture(scope="module")
def cli_json(demo_copy):
    out = subprocess.run([sys.executable, "-m", "careerdata.cli", "figures", "--json", "--db", str(demo_copy)],
                         capture_output=True, text=True, env={**os.environ, "CAREERDATA_TODAY": TODAY.isoformat()},
                         check=True)
    return json.loads(out.stdout)


def _page_text(demo_copy, key: str) -> str:
    with pytest.MonkeyPatch.context() as mp:
        at = open_app(mp, demo_copy, None if key == "home" else f"app_pages/{key}.py")
        metrics = " ".join(f"{m.label} {m.value} {m.delta}" for m in at.metric)
        titles = []
        for chart in at.get("plotly_chart"):
            title = json.loads(chart.proto.spec).get("layout", {}).get("title", {})
            titles.append(title.get("text", "") if isinstance(title, dict) else str(title))
        return texts(at) + "\n" + metrics + "\n" + "\n".join(titles).replace("<br>", " ")


def _cli(demo_copy, *args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "careerdata.cli", *args, "--db", str(demo_copy)], capture_output=True,
                         text=True, env={**os.environ, "CAREERDATA_TODAY": TODAY.isoformat()}, check=True)
    return out.stdout


def _promotion_download(con) -> str:
    """The promotion case the Promotion page downloads (HTML), for the next level, as text a reader sees."""
    inputs = pq.case_inputs(con)
    target = pa.next_level(inputs.levels, inputs.profile["current_level"])
    start, end = pa.default_cycle(inputs.profile, TODAY)
    draft = pdraft.draft_case(pcase.analyse(inputs, target, start, end, TODAY))
    page = promo_export.export_packet(draft, "html", "Promotion case").decode()
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _surface_text(surface: str, demo_copy, cli_json, found) -> str:
    if surface == "cli:figures":
        return json.dumps(cli_json, ensure_ascii=False)
    if surface == "cli:promotion":
        return _cli(demo_copy, "promotion").replace("\\", "").replace("**", "")
    if surface == "cli:roles":  # the roles Target roles compares by default, in that order
        roles = [f.id.removeprefix("role_fit:") for f in found if f.id.startswith("role_fit:")]
        return _cli(demo_copy, "roles", "compare", *roles)
    con = db.connect(demo_copy, create=False)
    try:
        if surface == "export:brag":
            return brag_markdown(con).replace("\\", "")
        if surface == "export:promotion":
            return _promotion_download(con)
        if surface == "export:jsonresume":  # each skill as a résumé theme prints it: "name: level"
            return "\n".join(f"{s['name']}: {s.get('level', '')}" for s in json.loads(jsonresume_text(con))["skills"])
    finally:
        con.close()
    assert ":" not in surface, f"no reader for the surface {surface}"
    return _page_text(demo_copy, surface)


def test_the_demo_lists_the_headline_figures_with_every_field(cli_json):
    rows = cli_json["figures"]
    assert all(set(r) == {"id", "label", "value", "unit", "display", "definition", "source", "shown_on"}
               for r in rows)
    ids = {r["id"] for r in rows}
    assert {"impact_run_rate", "impact_delivered", "hours_run_rate", "hours_delivered", "overdue_contacts",
            "days_since_visibility", "cycle_wins", "cycle_impact", "readiness_next_level", "moat"} <= ids
    assert len(rows) >= 12 and sum(len(r["shown_on"]) >= 3 for r in rows) >= 4  # 2+ surfaces besides this CLI
    by_id = {r["id"]: r for r in rows}
    # the demo's numbers, as a user sees them
    assert by_id["impact_run_rate"]["display"] == "$6.6M/yr run-rate"
    assert by_id["hours_run_rate"]["display"] == "19,326 h/yr"
    assert by_id["cycle_wins"]["display"] == "10 wins"
    assert by_id["cycle_impact"]["display"] == "$883k/yr run-rate"
    # the Promotion case and Competitors once said 6 and 5 of 9: one readiness now, shown on both, and in the
    # promotion case a user downloads or prints with `careerdata promotion`
    assert by_id["readiness_next_level"]["shown_on"] == ["promotion", "competitors", "export:promotion",
                                                         "cli:promotion", "cli:figures"]
    assert by_id["cycle_wins"]["shown_on"] == ["export:brag", "promotion", "export:promotion", "cli:promotion",
                                               "cli:figures"]
    assert by_id["role_fit:Engineering Manager"]["display"].startswith("Role fit 35, lowered from 70")
    assert "cli:roles" in by_id["role_fit:Engineering Manager"]["shown_on"]
    # the Market says occupation match; "fit" is the role fit (it once said "Your fit" for both)
    assert by_id["occupation_match"]["display"].endswith("/100 occupation match")
    assert by_id["occupation_match"]["shown_on"] == ["market", "roles", "cli:figures"]
    assert by_id["top_self_rated_skill"]["shown_on"] == ["export:jsonresume", "cli:figures"]
    surfaces = {s for r in rows for s in r["shown_on"]}
    assert {"export:brag", "export:promotion", "export:jsonresume", "cli:promotion", "cli:roles"} <= surfaces
    assert all(r["source"].startswith("careerdata.figures.") for r in rows)


def test_every_display_string_appears_on_every_surface_it_names(found, demo_copy, cli_json):
    surfaces = sorted({s for f in found for s in f.shown_on})
    missing = []
    for surface in surfaces:
        text = _surface_text(surface, demo_copy, cli_json, found)
        missing += [(f.id, surface, f.display) for f in found if surface in f.shown_on and f.display not in text]
    assert not missing, missing


def test_the_about_page_shows_every_definition_as_a_glossary(demo_copy):
    with pytest.MonkeyPatch.context() as mp:
        shown = texts(open_app(mp, demo_copy, "app_pages/about.py"))
    for term, (definition, source) in GLOSSARY.items():
        assert f"**{term}**: {definition}" in shown, term
        assert source in shown

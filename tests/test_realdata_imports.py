"""A real person's exports (tests/fixtures/realdata): the JSON Resume checked against the official
v1.0.0 schema with its formats, links normalised and merged, wins found in plain description
lines each once, their figures offered as metrics to confirm, relationships guessed from titles."""

from __future__ import annotations

import json

import pytest
from states import LINKEDIN, RESUME, RESUME_LEGACY
from test_import_export_cli import run
from test_import_export_common import refusal, snapshot

from careerdata.core.urls import normalise_url, unique_urls, url_key
from careerdata.import_export.export import export_jsonresume
from careerdata.import_export.imports import run_import
from careerdata.import_export.jsonresume import read_jsonresume
from careerdata.import_export.linkedin.reader import read_linkedin
from careerdata.import_export.outcomes import outcome_statements, suggest_metrics
from careerdata.store import db


@pytest.mark.parametrize(("typed", "stored"), [
    ("github.com/zachterberg", "https://github.com/zachterberg"),
    ("  www.linkedin.com/in/zoe/ ", "https://www.linkedin.com/in/zoe/"),
    ("http://brightwave.example.com", "http://brightwave.example.com"),
    ("localhost:8501", "localhost:8501"),  # not a host name with a domain: kept as typed
    ("[click](javascript:alert(1))", "[click](javascript:alert(1))"),
    ("mailto:zoe@example.org", "mailto:zoe@example.org"),
    ("", ""),
])
def test_a_link_without_a_scheme_gets_https_and_nothing_else_is_invented(typed, stored):
    assert normalise_url(typed) == stored


def test_twins_of_a_link_are_one_link():
    assert url_key("http://WWW.Example.com/a/") == url_key("example.com/a") == url_key("https://example.com/a")
    assert unique_urls(["example.com/a", "https://example.com/a/", "", "https://example.com/b"]) == [
        "https://example.com/a", "https://example.com/b"]


def _bad(doc_changes) -> bytes:
    doc = json.loads(RESUME.read_text(encoding="utf-8"))
    doc_changes(doc)
    return json.dumps(doc).encode()


def test_an_invalid_email_and_every_other_bad_field_are_named_at_once_and_nothing_is_written(empty_con):
    def spoil(doc):
        doc["basics"]["email"] = "zoe at posteo"
        doc["work"][0]["startDate"] = "March 2021"
        doc["certificates"][0]["date"] = "2022-05"  # the schema's `date` format wants a full date
        doc["publications"][0]["url"] = "not a link"
    before = snapshot(empty_con)
    message = refusal(lambda: run_import(empty_con, read_jsonresume(_bad(spoil), "resume.json")), "4 problems")
    for named in ("resume.json basics.email: 'zoe at posteo' is not an email address",
                  "resume.json work[0].startDate: 'March 2021' is not a date",
                  "resume.json certificates[0].date: '2022-05' is not a date like 2020-05-31",
                  "resume.json publications[0].url: 'not a link' is not a web address"):
        assert named in message
    assert snapshot(empty_con) == before


def test_the_cli_refuses_an_invalid_email_with_exit_2_and_writes_nothing(empty_db, tmp_path):
    bad = tmp_path / "resume.json"
    bad.write_bytes(_bad(lambda d: d["basics"].update(email="richard.hendriks@")))
    out = run("import", "jsonresume", str(bad), "--db", str(empty_db))
    assert out.returncode == 2
    assert "basics.email: 'richard.hendriks@' is not an email address" in out.stderr
    con = db.connect(empty_db)
    try:
        assert con.execute("SELECT count(*) FROM profile").fetchone()[0] == 0
    finally:
        con.close()


def test_the_resume_and_its_legacy_company_variant_import_the_same_career(state_file):
    def career(path):
        con = db.connect(path, read_only=True)
        try:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("position", "skill", "accomplishment", "contact", "visibility_item")}
        finally:
            con.close()
    legacy = read_jsonresume(RESUME_LEGACY.read_bytes(), RESUME_LEGACY.name)
    assert {i.model.employer for i in legacy.items if i.entity == "position"} == {"Fjordline Logistics",
                                                                                   "Brightwave Analytics"}
    assert career(state_file("jsonresume"))["position"] == 2


def test_exported_urls_all_have_a_scheme_and_twins_are_merged(state_file):
    con = db.connect(state_file("both"), read_only=True)
    try:
        links = [u for (ls,) in con.execute("SELECT links FROM accomplishment").fetchall() for u in ls]
        doc = export_jsonresume(con)
    finally:
        con.close()
    assert "https://github.com/zachterberg/tidewater" in links
    assert len({url_key(u) for u in links}) == len(links)
    urls = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif key in {"url", "canonical"}:
            urls.append(node)
    walk(doc)
    assert urls and all(u.startswith(("https://", "http://")) for u in urls), urls


DESCRIPTION = """Own the warehouse and the ingestion layer for 2,400 staff.
Cut the nightly batch runtime from 6 h to 20 min by moving to incremental dbt models.
Built the self-serve data catalogue now used by 40 internal teams. Renegotiated the Snowflake contract, saving $1.2M a year.
Responsible for on-call and hiring.
Pipelines for retail clients:
• Replaced 300 cron jobs with Airflow DAGs
• Worked with product managers and analysts
- Cut the nightly batch runtime from 6 h to 20 min by moving to incremental dbt models"""


def test_outcome_lines_and_sentences_become_wins_with_or_without_bullets_each_once():
    assert outcome_statements(DESCRIPTION) == [
        "Cut the nightly batch runtime from 6 h to 20 min by moving to incremental dbt models",
        "Built the self-serve data catalogue now used by 40 internal teams",
        "Renegotiated the Snowflake contract, saving $1.2M a year",
        "Replaced 300 cron jobs with Airflow DAGs",
    ]


def test_figures_in_a_win_become_suggested_metrics():
    (time,) = suggest_metrics("Cut the nightly batch runtime from 6 h to 20 min")
    assert (time.category, time.baseline, time.new_value, time.unit) == ("time", 360.0, 20.0, "min")
    (teams,) = suggest_metrics("Built the self-serve data catalogue now used by 40 internal teams")
    assert (teams.category, teams.new_value, teams.unit) == ("users", 40.0, "internal teams")
    (money,) = suggest_metrics("Renegotiated the Snowflake contract, saving $1.2M a year")
    assert (money.category, money.money_usd) == ("cost", 1_200_000.0)
    (monthly,) = suggest_metrics("Cut the AWS bill by $15k/month")
    assert monthly.money_usd == 180_000.0


def test_linkedin_plain_lines_become_wins_once_even_after_the_resume_stated_them(state_file):
    con = db.connect(state_file("both"), read_only=True)
    try:
        titles = [t for (t,) in con.execute("SELECT title FROM accomplishment").fetchall()]
        suggestions = con.execute("SELECT count(*), count(DISTINCT accomplishment_id) FROM metric_suggestion "
                                  "WHERE status = 'open'").fetchone()
    finally:
        con.close()
    assert titles.count("Cut the nightly batch runtime from 6 h to 20 min by moving to incremental dbt models") == 1
    assert titles.count("Replaced 300 cron jobs with Airflow DAGs, ending weekend pages for the on-call") == 1
    assert "Responsible for on-call and hiring" not in " ".join(titles)
    assert "Worked with product managers and analysts" not in titles
    assert suggestions[0] >= 4


def test_relationships_are_guessed_from_titles_and_marked_as_guesses(empty_con):
    run_import(empty_con, read_linkedin(LINKEDIN, all_connections=True))
    rows = dict(((n, (r, notes)) for n, r, notes in empty_con.execute(
        "SELECT name, relationship, notes FROM contact").fetchall()))
    assert rows["Lotte Jansen"][0] == "recruiter"
    assert rows["Sanne de Graaf"][0] == "manager"
    assert rows["Ingrid Vos"][0] == "skip"
    assert rows["Pieter Bakker"][0] == "peer"  # a head of engineering, but not at her employer
    assert rows["Lotte Jansen"][1].startswith("Guessed relationship: recruiter")
    assert not rows["Pieter Bakker"][1].startswith("Guessed")


def test_a_suggested_metric_is_confirmed_into_a_real_metric_once_and_never_offered_again(state_file, tmp_path):
    import shutil

    from careerdata.journal import queries, repo

    con = db.connect(shutil.copy(state_file("jsonresume"), tmp_path / "c.duckdb"))
    try:
        open_ = queries.metric_suggestions(con)
        money = open_[open_["money_usd"] == 1_200_000].iloc[0]
        teams = open_[open_["unit"] == "internal teams"].iloc[0]
        repo.confirm_suggestion(con, int(money["id"]))
        repo.dismiss_suggestion(con, int(teams["id"]))
        assert con.execute("SELECT category, money_usd, confidence FROM impact_metric").fetchall() == [
            ("cost", 1_200_000.0, "estimated")]
        refusal(lambda: repo.confirm_suggestion(con, int(money["id"])), "already confirmed or dismissed")
        run_import(con, read_jsonresume(RESUME.read_bytes(), RESUME.name))  # the same file again
        left = queries.metric_suggestions(con)
        assert len(left) == len(open_) - 2
        assert {"internal teams"} & set(left["unit"]) == set()
    finally:
        con.close()


def test_html_in_a_resume_is_kept_as_its_text(empty_con):
    run_import(empty_con, read_jsonresume(RESUME.read_bytes(), RESUME.name))
    headline = empty_con.execute("SELECT headline FROM profile").fetchone()[0]
    assert headline == ("Data platform engineer who makes analytics boring and fast. Ten years of turning nightly "
                        "batch jobs into things people trust & use.")

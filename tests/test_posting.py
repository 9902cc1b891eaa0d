"""Job posting -> skills in other words, with the phrase that matched, a suggested importance and the pay range."""

import json
import subprocess
import sys

import pandas as pd

from careerdata.core.text import name_key
from careerdata.roles import posting as pr

ALIASES = pd.DataFrame({"alias": ["k8s", "Postgres", "RESTful", "incident commander", "mentor",
                                  "drive alignment across teams", "golang"],
                        "skill": ["Kubernetes", "PostgreSQL", "REST API design", "Incident command", "Mentoring",
                                  "Cross-team coordination", "Go"]})
YOURS = ["Kubernetes", "PostgreSQL", "REST API design", "Incident command", "Mentoring", "Cross-team coordination",
         "Go", "System design"]
TECH = ["Apache Kafka", "Python", "Go", "React", "Route", "Terraform software"]


def _read(text, yours=YOURS):
    vocab = pr.vocabulary(yours, ALIASES, ["Persuasion"], TECH)
    owner = {name_key(n): n for n in yours}
    return pr.match_posting(text, vocab, owner).set_index("skill")


def test_a_posting_in_other_words_maps_to_your_skills_with_the_phrase_that_matched():
    found = _read("We run k8s and Postgres behind RESTful services. You mentor engineers, act as incident "
                  "commander and drive alignment across teams. Golang preferred.")
    matched = found["matched"].to_dict()
    assert matched == {"Kubernetes": "k8s", "PostgreSQL": "Postgres", "REST API design": "RESTful",
                       "Incident command": "incident commander", "Mentoring": "mentor",
                       "Cross-team coordination": "drive alignment across teams", "Go": "Golang"}
    assert found["known"].all()


def test_fuzzy_matching_catches_inflections_and_typos_but_not_context_words():
    found = _read("You mentors others, drives alignment across teams and run Kubernets. Good design sense; "
                  "you react to incidents along the route.")
    assert found.loc["Mentoring", "matched"] == "mentors"
    assert found.loc["Cross-team coordination", "matched"] == "drives alignment across teams"
    assert found.loc["Kubernetes", "matched"] == "Kubernets"
    # "design" alone is a context word; lower-case "react"/"route" are not the O*NET tools React/Route.
    assert set(found.index) == {"Mentoring", "Cross-team coordination", "Kubernetes"}


def test_importance_comes_from_the_section_and_skills_not_yours_are_reported_as_unknown():
    text = ("About the team\nWe use Python.\n\nWhat you bring:\n- Deep k8s experience\n- System design\n\n"
            "Nice to have:\n- Apache Kafka\nPersuasion with executives is a plus.\n")
    found = _read(text)
    assert found["importance"].to_dict() == {"Kubernetes": "must-have", "System design": "must-have",
                                             "Apache Kafka": "nice-to-have", "Persuasion": "nice-to-have",
                                             "Python": "mentioned"}
    assert found.loc["Apache Kafka", "known"] == False  # noqa: E712  (not one of your skills)
    assert found.loc["Kubernetes", "known"] == True  # noqa: E712
    # A skill under several headings keeps its strongest importance.
    again = _read("Preferred:\n- k8s\nRequirements:\n- k8s at scale\n")
    assert again.loc["Kubernetes", "importance"] == "must-have"


def test_short_terms_and_one_word_tools_keep_their_case_and_suffixes_are_dropped():
    found = _read("Go and Terraform. We go to market fast; good engineers go far.")
    assert found["matched"].to_dict() == {"Go": "Go", "Terraform software": "Terraform"}


def test_pay_ranges_in_common_formats():
    assert pr.pay_range("Base: $210,000–$250,000 plus equity") == [210000.0, 250000.0]
    assert pr.pay_range("Salary $210k - $250k") == [210000.0, 250000.0]
    assert pr.pay_range("210,000 to 250,000 USD a year") == [210000.0, 250000.0]
    assert pr.pay_range("We have 150-200 engineers and 2,000–3,000 customers") is None
    assert pr.pay_range("no pay here") is None


def test_cli_reads_a_posting_file_as_json(demo_db, tmp_path):
    post = tmp_path / "posting.txt"
    post.write_text("Staff Engineer\n\nWhat you bring:\n- k8s and Postgres in production\n- You mentor engineers "
                    "and drive alignment across teams\n\nNice to have:\n- HashiCorp Terraform\n\n"
                    "Compensation: $210,000–$250,000 base.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "careerdata.cli", "roles", "posting", str(post), "--json", "--db",
                          str(demo_db)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["pay_range"] == [210000.0, 250000.0]
    skills = {s["skill"]: s for s in result["skills"]}
    assert set(skills["Kubernetes"]) == {"skill", "matched", "importance", "known"}
    assert skills["Kubernetes"] == {"skill": "Kubernetes", "matched": "k8s", "importance": "must-have", "known": True}
    assert skills["PostgreSQL"]["matched"] == "Postgres"
    assert skills["Cross-team coordination"]["importance"] == "must-have"
    assert skills["Terraform"]["importance"] == "nice-to-have"
    missing = subprocess.run([sys.executable, "-m", "careerdata.cli", "roles", "posting", str(tmp_path / "none.txt"),
                              "--db", str(demo_db)], capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "no such file" in missing.stderr

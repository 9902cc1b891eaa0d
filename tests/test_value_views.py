"""The cached page models of the value and competitors pages give the same numbers as the analytics
run on whole tables, and the fast paths of the analytics match their plain definitions."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from careerdata.competitors import analytics as cp
from careerdata.competitors import view as competitors_view
from careerdata.core import vocab
from careerdata.core.dates import quarter_label
from careerdata.matrix import skill_value as sv
from careerdata.matrix.queries import matrix_inputs
from careerdata.pnl import ledger as vl
from careerdata.pnl import view as pnl_views
from careerdata.pnl.queries import has_metrics
from careerdata.value import customer as vc
from careerdata.value import offer as vp
from careerdata.value import pitch as vpitch
from careerdata.value import targets as vt
from careerdata.value import view as views
from careerdata.value import words as vw
from careerdata.value.queries import value_inputs

TODAY = dt.date(2026, 11, 21)


def _plain_hits(text: str) -> dict[str, int]:
    """The definition: distinct keywords of each category's own pattern (non-overlapping matches)."""
    low = text.lower()
    return {c: len(set(vw.CATEGORY_RE[c].findall(low))) for c in vocab.IMPACT_CATEGORIES}


TRICKY = [
    "",
    "Cut cost and costs; budgets, spend — spending!",
    "new productivity gains from a new product line",  # 'productiv' (time) starts inside 'new product'
    "lead timely reviews and a shorter lead time",  # 'timely' starts inside 'lead time' (same category)
    "on-call pages, disaster recovery, uptime and latency",
    "x2cost _cost écost (cost) COST",  # word starts only: no match after a letter, digit or underscore
    "USER-facing users; customer experience for clients and patients",
]


@pytest.mark.parametrize("text", TRICKY)
def test_one_pass_keyword_hits_match_the_per_category_patterns(text):
    assert vw.ONE_PASS
    assert vw.category_hits(text.lower()) == _plain_hits(text)
    words, hits = vw.text_features(text)
    assert hits == _plain_hits(text) and words == vw.content_words(text)


def test_keyword_hits_on_every_demo_accomplishment(demo_con, monkeypatch):
    texts = vp.accomplishment_text(value_inputs(demo_con).accomplishments).tolist()
    assert all(vw.category_hits(t.lower()) == _plain_hits(t) for t in texts)
    monkeypatch.setattr(vw, "ONE_PASS", False)  # the fallback for keyword lists with prefixes
    assert all(vw.category_hits(t.lower()) == _plain_hits(t) for t in texts)


def test_categories_in_and_content_words_keep_their_meaning():
    assert vw.categories_in("Reduce the AWS bill and on-call pages for users") == ["reliability", "users"]
    assert vw.categories_in("Cut the cloud cost") == ["cost"] and vw.categories_in("Nothing here") == []
    for text in TRICKY + ["Builds alignment across teams, building the teams' roadmaps"]:
        plain = {vw.stem(w) for w in re.findall(r"[a-z][a-z\-]{3,}", text.lower()) if w not in vw.STOP_WORDS}
        assert vw.content_words(text) == plain
    assert vw.content_words("Builds alignment across teams") == {"build", "alignme", "acros", "team"}


def _pipeline(data, inputs, target, current_level):
    tasks, _ = vc.occupation_tasks(data.tasks, target.onet_code, inputs.proxies)
    jobs = vc.customer_jobs(target, data.expectations, data.competencies, tasks)
    needs = vc.customer_needs(jobs, target, current_level, data.expectations, data.competencies)
    matches = vp.offer_matches(needs, data.accomplishments, data.metrics, data.links)
    return jobs, needs, matches


def test_value_view_matches_the_analytics_on_whole_tables(demo_con):
    data, inputs = value_inputs(demo_con), matrix_inputs(demo_con)
    current = (data.profile or {}).get("current_level")
    customers = views.customers(demo_con)
    assert customers.default == "role:1" and not customers.no_target_roles and customers.has_competencies
    for target in customers.choices:
        view = views.value(demo_con, target.key, TODAY)
        jobs, needs, matches = _pipeline(data, inputs, target, current)
        pd.testing.assert_frame_equal(view.jobs, jobs)
        pd.testing.assert_frame_equal(view.needs, needs)
        coverage = vp.need_coverage(needs, matches)
        pd.testing.assert_frame_equal(view.coverage, coverage)
        assert view.summary == vp.offer_summary(coverage, matches, data.metrics)
        impact = vp.accomplishment_impact(data.accomplishments, data.metrics)
        pd.testing.assert_frame_equal(
            vp.offer_matches(needs, data.accomplishments, data.metrics, data.links, impact=impact), matches)
        evidence = vp.top_evidence(matches, data.accomplishments, data.metrics)
        pd.testing.assert_frame_equal(
            vp.top_evidence(matches, data.accomplishments, data.metrics, impact=impact), evidence)
        assert view.drafts["30s"] == vpitch.draft_pitch("30s", data.profile, target, needs, view.strongest, evidence,
                                                    view.summary)
        assert set(view.proofs["rank"]) <= {1, 2, 3} and view.proofs["need"].notna().all()
        assert view.needs_figure.layout.title.text.startswith("You have proof for")


def test_ledger_views_match_the_analytics_on_all_metrics(demo_con):
    metrics = value_inputs(demo_con).metrics
    quarters = vl.ledger_quarters(metrics, TODAY)
    for measure in ("money_usd", "hours"):
        entries = vl.ledger(metrics, measure)
        book = pnl_views.ledger(demo_con, measure, None, TODAY)
        assert book.quarters == quarters
        pd.testing.assert_frame_equal(book.entries, entries)
        pd.testing.assert_frame_equal(book.cumulative, vl.ledger_cumulative(entries, quarters))
        pd.testing.assert_frame_equal(book.by_confidence, vl.ledger_by_confidence(entries))
        assert book.figure is not None and book.bar_quarters and book.biggest in book.bar_quarters
        recent = pnl_views.ledger(demo_con, measure, 12, TODAY)
        assert recent.quarters == quarters[-12:] and set(recent.entries["quarter"]) <= set(quarters[-12:])
        for quarter in quarters:
            for category in (None, "cost", "revenue"):
                expected = vl.ledger_drill(metrics, quarter, category, measure)
                # an empty quarter reads no rows at all, so its empty columns have no text dtype
                pd.testing.assert_frame_equal(pnl_views.ledger_drill(demo_con, quarter, category, measure), expected,
                                              check_dtype=not expected.empty, check_index_type=not expected.empty)


def test_quarter_span_covers_the_whole_quarter():
    assert pnl_views._quarter_span("2026 Q1") == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert pnl_views._quarter_span("2025 Q4") == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    for quarter in ("2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4"):
        start, end = pnl_views._quarter_span(quarter)
        assert quarter_label(start) == quarter_label(end) == quarter
        assert quarter_label(start - dt.timedelta(days=1)) != quarter
        assert quarter_label(end + dt.timedelta(days=1)) != quarter


def test_competitors_view_matches_the_analytics(demo_con):
    data, inputs = value_inputs(demo_con), matrix_inputs(demo_con)
    target = next(t for t in views.customers(demo_con).choices if t.key == "role:1")
    view = competitors_view.competitors(demo_con, target.key, TODAY)
    cycle_links = data.competency_evidence[(data.competency_evidence["start_date"] <= pd.Timestamp("2027-03-31"))
                                           & (data.competency_evidence["end_date"].isna()
                                              | (data.competency_evidence["end_date"] >= pd.Timestamp("2026-04-01")))]
    you = cp.competency_profile(cycle_links, data.competencies, TODAY)  # the demo's review cycle only
    pd.testing.assert_frame_equal(view.you, you)
    mappings = sv.resolve_mappings(inputs.skills, inputs.default_map, inputs.user_map, inputs.elements,
                                   inputs.technologies)
    pool = cp.listed_items(inputs.ratings, inputs.tech, sorted(set(inputs.ratings["onet_soc_code"])))
    rated, _ = vt.ratings_code(target, set(inputs.ratings["onet_soc_code"]), inputs.proxies)
    moat = cp.moat(inputs.skills, sv.evidence_levels(inputs.evidence, TODAY), mappings, pool,
                   cp.target_items(inputs.ratings, inputs.tech, rated, target.onet_code),
                   vt.target_role_skill_names(data.role_skills, target))
    assert view.moat.score == moat.score and view.moat.pool_size == moat.pool_size
    assert view.radar_figure.layout.title.text.startswith("You reach the L6 bar on")
    assert view.moat_figure.layout.title.text.startswith(f"Moat {moat.score:.0f}/100")
    assert "You" in set(view.points["label"]) and view.near


def test_a_competencys_wins_are_its_linked_wins_on_the_value_proposition_and_competitors(demo_con):
    """People management was "level 1 → 2 (4 wins)" on the Value proposition (wins using its words) and
    "0.0 vs 2, 0 linked wins" on Competitors. Both now count the links (figures.evidence.linked_wins):
    all of them for the Value proposition, the review cycle's on Competitors (as on the Promotion case)."""
    from careerdata.figures import cycle, evidence

    target = next(t for t in views.customers(demo_con).choices if t.key == "role:1")
    value = views.value(demo_con, target.key, TODAY)
    competitors = competitors_view.competitors(demo_con, target.key, TODAY)
    links = demo_con.execute("SELECT accomplishment_id, competency_key, status FROM accomplishment_competency").df()
    linked = evidence.linked_wins(links)
    needs = value.coverage[value.coverage["competency_key"].notna()].set_index("competency_key")
    assert len(needs) >= 5
    for key, row in needs.iterrows():
        assert row["wins"] == len(linked.get(key, ())), key
    data = value_inputs(demo_con)
    rows = data.competency_evidence
    in_cycle = set(rows.loc[cycle.cycle_mask(rows, cycle.review_cycle(data.profile, TODAY), TODAY), "accomplishment_id"])
    bench = competitors.you.set_index("key")
    for key in needs.index:
        assert bench.loc[key, "accomplishments"] == len(linked.get(key, set()) & in_cycle), key
    # the demo's people management: no linked win anywhere, so 0 on both pages, in the same words
    assert needs.loc["people_management", "wins"] == bench.loc["people_management", "accomplishments"] == 0
    bars = value.needs_figure.data[0]
    assert "People management: level 1 → 2" in " ".join(bars.y)
    shown = dict(zip(bars.y, bars.text, strict=True))
    assert shown["Gain: People management: level 1 → 2"] == evidence.linked_wins_label(0) == "0 linked wins"
    # a bar of length 0 draws no text, so the chart writes it at the axis, and the title counts the same way
    assert [a.text for a in value.needs_figure.layout.annotations] == ["0 linked wins"]
    title = value.needs_figure.layout.title.text.replace("<br>", " ")
    assert title.endswith("thinnest: People management: level 1 → 2 (0 linked wins)")
    radar = next(t for t in competitors.radar_figure.data if t.name == "You (from your evidence)")
    assert ["People management", "0 linked wins in the review cycle"] in [list(c) for c in radar.customdata]


def test_the_value_propositions_hours_say_what_part_of_homes_hours_they_are(demo_con):
    """Home said 19,326 h and the Value proposition 19,040 h/yr with nothing to tell them apart: the proof's
    hours are the part of all your wins' hours (figures.impact.run_rate) that addresses this customer."""
    from careerdata.figures import impact

    target = next(t for t in views.customers(demo_con).choices if t.key == "role:1")
    value = views.value(demo_con, target.key, TODAY)
    assert impact.hours_run_rate_label(value.summary.hours) == "19,040 h/yr"
    assert value.hours_of_all == "of 19,326 h/yr from all your wins"
    assert value.all_hours == impact.run_rate(value_inputs(demo_con).metrics, "hours")


def test_views_on_an_empty_file(empty_con):
    customers = views.customers(empty_con)
    assert customers.no_target_roles and customers.default == "onet:15-1252.00"
    view = views.value(empty_con, customers.default, TODAY)
    assert not view.has_wins and view.needs_figure is None and view.proofs.empty
    assert not has_metrics(empty_con)
    book = pnl_views.ledger(empty_con, "money_usd", None, TODAY)
    assert book.quarters == [] and book.figure is None and book.biggest is None
    comp = competitors_view.competitors(empty_con, customers.default, TODAY)
    assert not comp.has_evidence and comp.moat_figure is None

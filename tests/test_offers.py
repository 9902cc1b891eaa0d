"""Offers on hand-computed cases: a cliff, back-loaded vesting, a sign-on with clawback, options
under water, a currency other than USD never added to USD; the negotiation numbers; the writes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pandas as pd
import pytest
from pydantic import ValidationError

from careerdata.core.errors import InputError
from careerdata.models.career import describe_validation_error
from careerdata.models.offers import Offer, parse_vesting
from careerdata.offers import comp, negotiation, queries
from careerdata.offers import repo as ro
from careerdata.offers import view as ov
from careerdata.offers.negotiation import Band

TODAY = dt.date(2026, 11, 21)


def offer(**kw) -> Offer:
    return Offer.model_validate({"company": "Acme", "title": "Staff Engineer", "base": "100000",
                                 "opportunity": "Staff at Acme", **kw})


def totals(o: Offer) -> list[D]:
    return comp.compute(o, TODAY).totals


# --- vesting ---------------------------------------------------------------------------------

def test_vesting_schedules_parse_and_vest_by_month():
    s = parse_vesting("25/25/25/25", 12)
    assert [s.vested_percent(m) for m in (0, 11, 12, 18, 47, 48, 60)] == [0, 0, 25, D("37.5"), D("97.91666666666666666666666667"), 100, 100]
    assert parse_vesting("5/15/40/40").year_percents == (5, 15, 40, 40)
    assert parse_vesting("monthly after cliff", 12).vested_percent(13) == D(25) + D(25) / 12
    assert parse_vesting("monthly over 3 years").months == 36


@pytest.mark.parametrize("text, cliff, message", [
    ("25/25/20", 0, "add up to 70, not 100"),
    ("monthly after cliff", 0, "needs cliff_months"),
    ("every so often", 0, "is not a schedule"),
    ("50/50", 36, "longer than the whole schedule"),
])
def test_a_bad_vesting_schedule_says_what_is_wrong(text, cliff, message):
    with pytest.raises(ValueError, match=message):
        parse_vesting(text, cliff)
    assert problems(vesting=text, cliff_months=cliff, equity_value="1000").startswith("vesting: ")


def problems(**kw) -> str:
    """What the user is told: one line per problem, each starting with its field."""
    with pytest.raises(ValidationError) as err:
        offer(**kw)
    return describe_validation_error(err.value)


def test_a_bad_offer_names_the_field():
    assert "bonus_pct and bonus_amount: give the bonus as a percent of base or as an amount" in problems(
        bonus_pct="10", bonus_amount="5000")
    assert problems(equity_kind="options", strike="1").startswith("option_count: options need")
    assert problems(currency="dollars").startswith("currency: must be a three-letter ISO 4217 code")
    assert problems(base="-5").startswith("base: ")
    assert problems(base="100.001").startswith("base: ")  # money is exact to the cent
    # every field's problem at once
    assert problems(base="x", vesting="1/2", sign_on="-1").count("\n") == 2
    assert offer(base="123456.78").base == D("123456.78")


# --- year by year ----------------------------------------------------------------------------

def test_a_cliff_on_the_current_job_forfeits_the_whole_grant_and_delays_the_vesting():
    # Grant of 120,000 started 2026-03-21: 8 months in, before the 12-month cliff, nothing has vested.
    # Staying: vested(20) = 25 + 25*8/12 = 41.67% -> 50,000 in year 1; then 25%, 25%, 8.33%.
    job = offer(opportunity=None, current_job=True, equity_value="120000", cliff_months=12,
                start_date=dt.date(2026, 3, 21))
    c = comp.compute(job, TODAY)
    assert [y.equity for y in c.years] == [D("50000.00"), D("30000.00"), D("30000.00"), D("10000.00")]
    assert c.totals == [D(150000), D(130000), D(130000), D(110000)]
    assert c.left_behind == D("120000.00")
    assert "nothing vests until 12 months (you are 8 months in)" in " ".join(c.notes)


def test_a_cliff_longer_than_a_year_empties_year_one():
    # 48,000 monthly over 4 years after an 18-month cliff: year 1 nothing, month 24 = 50% -> 24,000.
    c = comp.compute(offer(equity_value="48000", vesting="monthly after cliff", cliff_months=18), TODAY)
    assert [y.equity for y in c.years] == [D(0), D(24000), D(12000), D(12000)]


def test_back_loaded_vesting_with_refreshers_and_a_sign_on_with_clawback():
    # base 200,000 + 15% bonus 30,000; sign-on 50,000 (year 1); 400,000 RSUs 5/15/40/40;
    # refreshers 40,000 a year from year 2 on the same schedule: y2 5% = 2,000, y3 15%+5% = 8,000,
    # y4 40%+15%+5% = 24,000.
    o = offer(base="200000", bonus_pct="15", sign_on="50000", sign_on_clawback_months=12, equity_value="400000",
              vesting="5/15/40/40", cliff_months=12, refresh_per_year="40000")
    c = comp.compute(o, TODAY)
    assert [y.sign_on for y in c.years] == [D(50000), D(0), D(0), D(0)]
    assert [y.equity for y in c.years] == [D(20000), D(60000), D(160000), D(160000)]
    assert [y.refresh for y in c.years] == [D(0), D(2000), D(8000), D(24000)]
    assert c.totals == [D(300000), D(292000), D(398000), D(414000)]
    assert c.total_4y == D(1404000) and c.average == D(351000)
    assert "Sign-on $50,000 is repaid if you leave within 12 months." in c.notes
    assert any("Back-loaded vesting (5/15/40/40): only 20% of the grant vests in the first 2" in n for n in c.notes)


def test_options_under_water_are_worth_nothing_and_above_water_are_worth_the_spread():
    under = comp.compute(offer(equity_kind="options", option_count="10000", strike="12.50", current_price="9.75"),
                         TODAY)
    assert under.grant_value == 0 and all(y.equity == 0 for y in under.years)
    assert under.totals == [D(100000)] * 4
    assert any("under water: strike $12.50 is at or above the current price $9.75" in n for n in under.notes)
    above = comp.compute(offer(equity_kind="options", option_count="10000", strike="12.50", current_price="20"),
                         TODAY)
    assert above.grant_value == D(75000)  # 10,000 x (20 - 12.50)
    assert [y.equity for y in above.years] == [D("18750.00")] * 4


def test_a_currency_other_than_usd_is_shown_as_such_and_never_added_to_usd():
    job = offer(opportunity=None, current_job=True, base="150000", company="Helio")
    cad = offer(company="Maplewave", base="180000", currency="cad", bonus_amount="9000")
    comps = comp.compare([job, cad], TODAY)
    groups = comp.by_currency(comps)
    assert list(groups) == ["USD", "CAD"] and [len(g) for g in groups.values()] == [1, 1]
    assert groups["CAD"][0].totals == [D(189000)] * 4 and groups["CAD"][0].as_dict()["currency"] == "CAD"
    (diff,) = comp.against_current(comps)
    assert diff.delta_4y is None and "no exchange rate" in diff.reason
    assert comp.money(D(189000), "CAD") == "CAD 189,000" and comp.money(D(189000), "USD") == "$189,000"
    plan = negotiation.plan(groups["CAD"][0], [groups["USD"][0]], None, pd.DataFrame(), TODAY)
    assert plan.walk_away == D(189000)  # the USD job is not an alternative in CAD
    assert plan.base_numbers is None
    assert any("Not used as numbers: alternatives in USD" in r for r in plan.reasoning)
    assert all("$" not in r for r in plan.reasoning)


# --- the negotiation -------------------------------------------------------------------------

WINS = pd.DataFrame([
    {"id": i, "title": t, "done_on": dt.date(2026, m, 1), "metrics": 1, "money_usd": money, "description": "spend",
     "baseline": 10.0, "new_value": 5.0, "unit": "k/month", "confidence": "measured"}
    for i, (t, m, money) in enumerate([("Cut cloud spend", 3, 300000.0), ("Faster deploys", 5, 0.0),
                                       ("Fewer pages", 8, 50000.0)])])


def test_negotiation_numbers_from_the_band_the_evidence_and_the_alternative():
    # Offer: base 150,000 + 10% bonus = 165,000 a year. Staying: 160,000 a year. Band 120k/140k/170k.
    o = comp.compute(offer(base="150000", bonus_pct="10"), TODAY)
    job = comp.compute(offer(opportunity=None, current_job=True, base="160000"), TODAY)
    band = Band(D(120000), D(140000), D(170000), "test band")
    p = negotiation.plan(o, [job], band, WINS, TODAY)
    # three wins -> top of the band: lift (170,000 - 150,000) x 1.1 = 22,000; target 187,000;
    # anchor ceil(187,000 x 1.06 = 198,220) = 199,000; walk-away = staying, 160,000.
    assert (p.anchor, p.target, p.walk_away) == (D(199000), D(187000), D(160000))
    assert p.base_numbers == (D(181000), D(170000), D(150000))
    one_win = negotiation.plan(o, [job], band, WINS.iloc[:1], TODAY)
    # one win -> middle of the band (140,000, below the base): target = 5% above the offer, 173,250 -> 174,000
    assert one_win.target == D(174000)
    s = negotiation.script(p, [o, job])
    assert "Cut cloud spend" in s.opening and "Fewer pages" in s.opening
    assert "about $199,000 a year: a base of $170,000" in s.ask
    assert [q for q, _ in s.objections][:2] == ["That's the top of the band.", "We don't negotiate equity."]
    assert "Don't reveal your walk-away ($160,000)." in s.dont_say
    c = negotiation.conversation(p, s, TODAY)
    assert (c.anchor, c.target, c.walk_away) == (181000.0, 170000.0, 150000.0)
    assert len(c.objections) == len(s.objections) and "Open at $199,000" in c.talking_points


def test_the_demo_offers_compare_and_negotiate_from_the_personas_evidence(demo_con):
    view = ov.offers(demo_con, TODAY)
    by = {e.comp.offer.company: e for e in view.entries}
    assert by["Helio Health"].comp.totals == [D("247633.33"), D(236800), D(246800), D(256800)]
    assert by["Helio Health"].comp.left_behind == D("20833.33")  # 200,000 x (100 - 89.58)%: 43 of 48 months vested
    assert by["Tidewater Analytics"].comp.totals == [D(389800), D(364800), D(379800), D(394800)]
    assert by["Harborview Systems"].comp.totals == [D(305000), D(293000), D(413000), D(413000)]
    tide = by["Tidewater Analytics"]
    # offer 382,300 a year; best alternative Harborview 356,000; 5% above the offer 401,415 -> 402,000
    assert (tide.plan.anchor, tide.plan.target, tide.plan.walk_away) == (D(427000), D(402000), D(356000))
    assert tide.placement.where == "above the 90th percentile" and tide.placement.year == 2025
    # the level estimate of Target roles: L6 -> the 75th-90th percentile band of Software Developers
    assert tide.placement.level_estimate and tide.placement.versus_level == "above the estimate for L6"
    assert tide.placement.band.label.startswith("Estimate for L6: 75th–90th percentile of Software Developers")
    assert by["Helio Health"].placement.band.label.startswith("Estimate for L5: 50th–75th percentile")
    assert "Cut AWS spend 31% by rightsizing the scheduling cluster" in tide.script.opening


# --- writes ----------------------------------------------------------------------------------

def test_an_offer_needs_an_opportunity_at_the_offer_stage_and_one_current_job(demo_con):
    before = demo_con.execute("SELECT count(*) FROM offer").fetchone()[0]
    with pytest.raises(InputError, match="opportunity: 'Principal Engineer, Platform at Cloudnova' is at the "
                                         "interview stage"):
        ro.add_offer(demo_con, offer(opportunity="Principal Engineer, Platform at Cloudnova"))
    with pytest.raises(InputError, match="current_job: you already have a current job"):
        ro.add_offer(demo_con, offer(opportunity=None, current_job=True))
    with pytest.raises(InputError, match="opportunity: choose the pipeline opportunity"):
        ro.add_offer(demo_con, offer(opportunity=None))
    assert demo_con.execute("SELECT count(*) FROM offer").fetchone()[0] == before


def test_saving_the_negotiation_twice_updates_it_and_keeps_the_rehearsals(demo_con):
    entry = next(e for e in ov.offers(demo_con, TODAY).entries if e.comp.offer.company == "Harborview Systems")
    draft = negotiation.conversation(entry.plan, entry.script, TODAY)
    cid = ro.save_negotiation(demo_con, entry.id, draft)
    demo_con.execute("INSERT INTO conversation_rehearsal (conversation_id, date, confidence_before, confidence_after) "
                     "VALUES (?, DATE '2026-11-22', 2, 3)", [cid])
    assert ro.save_negotiation(demo_con, entry.id, draft.model_copy(update={"goal": "new goal"})) == cid
    assert demo_con.execute("SELECT goal, status FROM conversation WHERE id = ?", [cid]).fetchone() == (
        "new goal", "rehearsing")
    assert demo_con.execute("SELECT count(*) FROM conversation_objection WHERE conversation_id = ?",
                            [cid]).fetchone()[0] == len(draft.objections)
    assert demo_con.execute("SELECT count(*) FROM conversation_rehearsal WHERE conversation_id = ?",
                            [cid]).fetchone()[0] == 1
    saved = next(s for s in queries.offers(demo_con) if s.id == entry.id)
    assert (saved.conversation_id, saved.rehearsals, saved.confidence) == (cid, 1, 3)


def test_importing_an_offer_for_a_company_without_an_opportunity_adds_one_at_the_offer_stage(empty_con):
    from careerdata.import_export.csv_io import read_csv_entity
    from careerdata.import_export.imports import run_import

    text = "company,title,base\nMaplewave,Staff Engineer,180000\n"
    report = run_import(empty_con, read_csv_entity(text.encode(), "offers.csv", "offers"))
    assert report.rows()[0]["changes"] == ("also added the opportunity 'Staff Engineer at Maplewave' at the offer "
                                           "stage to your Pipeline")
    assert empty_con.execute("SELECT title, stage, company FROM opportunity").fetchall() == [
        ("Staff Engineer at Maplewave", "offer", "Maplewave")]
    again = run_import(empty_con, read_csv_entity(text.replace("180000", "185000").encode(), "offers.csv", "offers"))
    assert [(c.action, c.fields) for c in again.changes] == [("updated", ("base",))]
    assert empty_con.execute("SELECT count(*), min(base) FROM opportunity, offer").fetchone() == (1, 185000)


def test_a_win_in_the_talking_points_uses_the_one_metric_phrase():
    from types import SimpleNamespace

    from careerdata.offers.negotiation import win_line

    w = SimpleNamespace(title="Cut AWS spend 31%", description="Monthly spend", baseline=410_000.0,
                        new_value=283_000.0, unit="USD", money_usd=1_524_000.0)
    assert win_line(w) == "Cut AWS spend 31% — Monthly spend: 410,000 → 283,000 USD (about $1,524,000 a year, my estimate)"
    bare = SimpleNamespace(title="Ran the on-call rota", description=float("nan"), baseline=None, new_value=None,
                           unit=None, money_usd=float("nan"))
    assert win_line(bare) == "Ran the on-call rota"

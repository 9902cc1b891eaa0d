"""The career-sales reads and writes on real DuckDB files (the demo persona and an empty file)."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import row_id

from careerdata.core import vocab
from careerdata.core.errors import InputError
from careerdata.journal import repo
from careerdata.models import career as m
from careerdata.models import network as ms
from careerdata.network import analytics as sa
from careerdata.network import queries as qs
from careerdata.network import repo as rs
from careerdata.store import db

TODAY = dt.date(2026, 11, 21)


def test_migration_6_seeds_cadence_tiers_and_visibility_expectations(empty_con):
    assert db.schema_version(empty_con) >= 6
    tiers = qs.cadence_tiers(empty_con)
    assert tiers["relationship"].tolist() == list(vocab.RELATIONSHIPS)
    assert tiers.set_index("relationship").loc["manager"].tolist() == [14, 21]
    # The seeded ideals are the ones the Contact model uses as defaults.
    assert dict(zip(tiers["relationship"], tiers["ideal_days"], strict=True)) == m.DEFAULT_CADENCE_DAYS
    assert qs.visibility_expectations(empty_con)["items_per_year"].tolist() == [1, 3, 5, 8, 12]


def test_demo_advocacy_funnel_and_losing_touch_match_the_file(demo_con):
    contacts = qs.contacts(demo_con)
    by_stage = dict(demo_con.execute("SELECT advocacy_stage, count(*) FROM contact GROUP BY ALL").fetchall())
    funnel = sa.advocacy_funnel(contacts).set_index("stage")
    assert funnel["at_stage"].to_dict() == {s: by_stage.get(s, 0) for s in vocab.ADVOCACY_STAGES}
    assert funnel.loc["unknown", "at_or_beyond"] == 25
    losing = sa.losing_touch(sa.cadence_status(contacts, TODAY))
    assert losing["name"].iloc[0] == "Maria Santos"  # 283 days on a 60-day cadence
    assert "Elena Petrova" not in set(losing["name"])  # the demo's senior leader, touched 4 days ago
    elena = sa.cadence_status(contacts, TODAY).set_index("name").loc["Elena Petrova"]
    # the senior_leader tier (once the relationship "sponsor"): 30/45 days; her own cadence 45 scales the max
    assert (elena["ideal_days"], elena["max_days"], elena["days_since"], elena["status"]) == (45, 68, 4, "ok")


def test_logging_a_touch_takes_the_contact_off_the_losing_touch_list_and_an_older_one_does_not(demo_con):
    def losing():
        return set(sa.losing_touch(sa.cadence_status(qs.contacts(demo_con), TODAY))["name"])

    assert "Julia Novak" in losing()
    repo.add_interaction(demo_con, m.Interaction(contact="Julia Novak", date=dt.date(2025, 1, 1), channel="call"))
    assert "Julia Novak" in losing()  # an older touch does not reset the gap
    repo.add_interaction(demo_con, m.Interaction(contact="Julia Novak", date=TODAY, channel="call"))
    assert "Julia Novak" not in losing()


def test_sponsor_coverage_and_visibility_gap_on_the_demo(demo_con):
    status = sa.cadence_status(qs.contacts(demo_con), TODAY)
    checks = {c.key: c.status for c in sa.sponsor_coverage(status, 6, "Staff Engineer (L6)",
                                                           qs.current_employer(demo_con))}
    assert checks == {"sponsor": "missing", "skip": "partial", "manager": "met", "outside": "met"}
    influence = qs.influence_expectations(demo_con)
    assert influence.set_index("code").loc["L6", "target"] == 4
    from careerdata.journal import queries
    gap = sa.visibility_gap(sa.visibility_summary(queries.visibility(demo_con), TODAY),
                            qs.visibility_expectations(demo_con), influence, "L6")
    assert (gap.items, gap.external, gap.missing_items, gap.missing_external, gap.level_met) == (5, 1, 3, 1, 3)


def test_update_contact_renames_and_refuses_a_clash(demo_con):
    cid = row_id(demo_con, "contact", "name", "Marcus Chen")
    changed = m.Contact(name="Marcus Chen", relationship="skip", company="Helio Health", influence=5,
                        advocacy_stage="supporter", cadence_days=30)
    rs.update_contact(demo_con, cid, changed)
    assert demo_con.execute("SELECT advocacy_stage, cadence_days FROM contact WHERE id = ?", [cid]).fetchone() == (
        "supporter", 30)
    with pytest.raises(InputError, match="another contact is already called 'Dana Whitfield'"):
        rs.update_contact(demo_con, cid, changed.model_copy(update={"name": "Dana Whitfield"}))


def test_saving_cadence_tiers_moves_contacts_on_the_old_default_only(demo_con):
    tiers = [ms.CadenceTier(relationship="peer", ideal_days=45, max_days=90)]
    moved = rs.save_cadence_tiers(demo_con, tiers)
    peers = dict(demo_con.execute("SELECT name, cadence_days FROM contact WHERE relationship = 'peer'").fetchall())
    assert peers["Grace Kim"] == 45 and peers["Yuki Sato"] == 45  # were on the 60-day default
    assert peers["Leo Park"] == 14 and peers["Ben Okoro"] == 120  # their own cadence stays
    assert moved == sum(1 for v in peers.values() if v == 45)
    assert qs.cadence_tiers(demo_con).set_index("relationship").loc["peer"].tolist() == [45, 90]


def test_cadence_tier_models_refuse_a_maximum_below_the_ideal():
    with pytest.raises(ValueError, match="max_days must be at least ideal_days"):
        ms.CadenceTierTable.model_validate({"tiers": [{"relationship": "peer", "ideal_days": 60, "max_days": 30}]})
    with pytest.raises(ValueError, match="external_per_year cannot be more than items_per_year"):
        ms.VisibilityExpectation(influence_target=1, items_per_year=1, external_per_year=2)


def test_networks_overdue_figure_is_homes_and_counts_exactly_the_losing_touch_list(demo_con):
    """Home said "Contacts overdue for a touch" and Network "Losing touch", each with its own count. One figure
    now (careerdata.figures.network), and the list under it has exactly that many people, edge cases included."""
    from careerdata.figures import network as fnetwork
    from careerdata.network import view as vs

    def shown():
        view = vs.network(demo_con, TODAY, None)
        return view.overdue_label, fnetwork.overdue_label(len(view.losing))

    assert shown() == ("9 overdue", "9 overdue")
    repo.add_contact(demo_con, m.Contact(name="Never Met", relationship="peer", cadence_days=30))
    repo.add_contact(demo_con, m.Contact(name="On The Day", relationship="peer", cadence_days=30))
    repo.add_interaction(demo_con, m.Interaction(contact="On The Day", date=TODAY - dt.timedelta(days=30),
                                                 channel="call"))
    assert shown() == ("10 overdue", "10 overdue")  # never contacted is overdue; exactly one cadence ago is not

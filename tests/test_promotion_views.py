"""The Promotion page's cached model (careerdata.promotion.view) builds the very same case as the
full analysis the CLI runs, from only the cycle's accomplishments; and the linter's title index
finds exactly what a search of every line for every title finds."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from careerdata.promotion import case as pcase
from careerdata.promotion import draft as pdraft
from careerdata.promotion import lint as plint
from careerdata.promotion import queries as pq
from careerdata.promotion import view as vp

TODAY = dt.date(2026, 11, 21)
D = dt.date
CYCLES = [(D(2026, 4, 1), D(2027, 3, 31)), (D(2025, 6, 1), D(2026, 12, 31)), (D(2024, 1, 1), D(2024, 6, 30))]


@pytest.mark.parametrize(("start", "end"), CYCLES)
def test_the_cycle_read_gives_the_same_case_as_the_full_read(demo_con, start, end):
    full = pcase.analyse(pq.case_inputs(demo_con), "L6", start, end, TODAY)
    inputs = pq.cycle_case_inputs(demo_con, start, end, TODAY)
    assert set(inputs.accomplishments["id"]) == set(full.cycle_accs["id"])  # cut to the cycle in SQL
    view = vp.promotion_case(demo_con, "L6", start, end, TODAY, end)
    a = view.analysis
    pd.testing.assert_frame_equal(a.cycle_accs, full.cycle_accs)
    for name in ("strength", "coverage", "suggestions", "metrics", "advocates"):
        pd.testing.assert_frame_equal(getattr(a, name).reset_index(drop=True),
                                      getattr(full, name).reset_index(drop=True), obj=name)
    assert (a.readiness, a.totals, a.sections, a.gaps) == (full.readiness, full.totals, full.sections, full.gaps)
    assert view.draft == pdraft.draft_case(full)
    pd.testing.assert_frame_equal(view.evidence, pcase.evidence_table(full))


def test_the_view_has_the_heatmap_levels_and_the_plan(demo_con):
    view = vp.promotion_case(demo_con, "L6", D(2026, 4, 1), D(2027, 3, 31), TODAY, D(2027, 1, 20))
    assert list(view.level_labels) == ["L5", "L6", "L7"]
    assert view.level_labels["L5"].endswith("(current)") and view.level_labels["L6"].endswith("(target)")
    assert set(view.matrix["level"]) == {"L5", "L6", "L7"}
    assert view.target_label == "Staff Engineer (L6)"
    assert view.steps[-1].due == D(2027, 1, 20) - dt.timedelta(days=21)  # back from the review date given


def test_draft_findings_catch_a_win_from_another_cycle(demo_con):
    """The view reads only the cycle's wins, but the linter still knows every title."""
    start, end = D(2026, 4, 1), D(2027, 3, 31)
    full = pcase.analyse(pq.case_inputs(demo_con), "L6", start, end, TODAY)
    old = full.accomplishments[~full.accomplishments["in_cycle"]
                               & (full.accomplishments["title"].str.len() >= plint.NAMED_MIN_CHARS)].iloc[0]
    draft = pdraft.draft_case(full).replace("## Glue work\n", f"## Glue work\n\n- {old['title']}, 3 teams.\n", 1)
    found = vp.draft_findings(demo_con, start, end, TODAY, tuple(full.readiness.no_evidence), draft)
    assert found == plint.lint(draft, full)
    assert any(f.rule == "outside_cycle" and old["title"] in f.message for f in found)


def _line_by_line(linter: plint.Linter, lines: list[str]) -> list[list[str]]:
    """What the index replaces: every line searched for every title."""
    return [[w.title for w in linter.wins if w.key in line] for line in lines]


@pytest.mark.parametrize("find_max", [plint.FIND_MAX_PREFIXES, 0])  # whole-draft search, then per-position lookup
def test_the_title_index_finds_what_a_search_of_every_title_finds(monkeypatch, find_max):
    monkeypatch.setattr(plint, "FIND_MAX_PREFIXES", find_max)
    titles = ["Migrated billing to the new ledger", "Migrated billing to the new ledger (copy 2)",
              "Migrated billing to the new ledger", "Rebuilt the ancient label printer", "Short title",
              "STRASSE upgrade for the warehouse", "aaaaaaaaaaaaab", "Title with a\nline break inside"]
    accs = pd.DataFrame({"title": titles, "start_date": [D(2026, 5, 1)] * len(titles),
                         "end_date": [None] * len(titles)})
    linter = plint.Linter.build(cycle_start=D(2026, 4, 1), cycle_end=D(2027, 3, 31), today=TODAY, accomplishments=accs,
                             uncovered=[], contacts=pd.DataFrame())
    lines = ["- migrated billing to the new ledger (copy 2), then rebuilt the ancient label printer",
             "nothing here", "", "straße upgrade for the warehouse".casefold(), "aaaaaaaaaaaaaaab",
             "migrated billing to the new ledge", "title with a", "short title, twice"]
    got = [[w.title for w in row] for row in linter.named(lines)]
    assert got == _line_by_line(linter, lines)
    assert got[0] == titles[:4]  # both copies of a duplicated title, in the accomplishments' order
    assert got[3] == ["STRASSE upgrade for the warehouse"] and got[4] == ["aaaaaaaaaaaaab"]
    assert got[1] == got[2] == got[5] == got[6] == got[7] == []  # short titles are never matched


def test_the_linter_flags_every_title_a_line_names_from_outside_the_cycle():
    start, end = D(2026, 4, 1), D(2027, 3, 31)
    accs = pd.DataFrame({"title": [f"Shipped release train number {i}" for i in range(300)],
                         "start_date": [D(2020 + i % 7, 1 + i % 12, 1) for i in range(300)],
                         "end_date": [None if i % 5 == 0 else D(2020 + i % 7, 1 + i % 12, 20) for i in range(300)]})
    contacts = pd.DataFrame({"name": ["Dana Boss", "Sam Sponsor"], "last_interaction": [TODAY, None]})
    body = [f"- Shipped release train number {i}, {i} users." for i in range(0, 300, 7)]
    md = "# Case\n\n## Impact\n\n" + "\n".join(body) + "\n\n## Advocates\n\n- **Sam Sponsor**\n\n## Gaps and plan\n\n- x\n"
    found = plint.lint_case(md, cycle_start=start, cycle_end=end, today=TODAY, accomplishments=accs,
                         uncovered=["Craft"], contacts=contacts)
    # By hand: every title contained in a line ("number 7" is in "number 70"), when done outside the cycle.
    expected = [(5 + n, a.title) for n, line in enumerate(body) for a in accs.itertuples()
                if a.title.casefold() in line.casefold()
                and (a.start_date > end or (a.end_date if pd.notna(a.end_date) else TODAY) < start)]
    outside = [(f.line, f.message.split("”")[0].lstrip("“")) for f in found if f.rule == "outside_cycle"]
    assert outside == expected and len(expected) > len(body)
    assert {f.rule for f in found} == {"outside_cycle", "stale_advocate", "uncovered"}

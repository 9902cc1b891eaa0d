"""Tabs of the Competitors page: differentiators and gaps, the moat, commodity skills, the tables, the method.

Everything shown comes from the cached `competitors.view.competitors` model; side-by-side blocks sit in a
wrapping row of fixed-width boxes (`row`), two abreast at 1440 px and one under the other at 1024 px,
so no table is squeezed into a column narrower than its columns.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from careerdata.competitors import analytics as cp
from careerdata.market.loader import ONET_ATTRIBUTION, PROXY_ATTRIBUTION, SKILL_MAP_ATTRIBUTION
from careerdata.ui import layout

esc = layout.escape_markdown
HALF = 470  # px: two boxes abreast in the 978 px column at 1440 px; each fits the 562 px one at 1024 px


def row():
    """A row whose boxes (`row().container(width=...)`) wrap onto the next line when they do not fit."""
    return st.container(horizontal=True, gap="medium")


def _level_columns(against: str, last: str, last_label: str, last_format: str) -> dict:
    """Competency tables: widths in px so they fit a `HALF` box."""
    return {"name": st.column_config.TextColumn("Competency", width=165, pinned=True),
            "you": st.column_config.NumberColumn("You", format="%.1f", width=50),
            against: st.column_config.NumberColumn("Expected", format="%.1f", width=75),
            last: st.column_config.NumberColumn(last_label, format=last_format, width=70),
            "accomplishments": st.column_config.NumberColumn("Linked wins", width=85)}


def _rare_skills(view) -> None:
    st.markdown("##### Rare skills you can prove")
    if view.rare.empty:
        st.info(f"None of your proven skills that this target needs is listed by {cp.RARE_SHARE:.0%} or fewer "
                "of the occupations.")
        return
    st.dataframe(view.rare[["name", "listed_by", "rarity", "evidence_level"]], hide_index=True, width="stretch",
                 column_config={
                     "name": st.column_config.TextColumn("Skill", width=165, pinned=True),
                     "listed_by": st.column_config.NumberColumn(f"Listed by (of {view.moat.pool_size})", width=115),
                     "rarity": st.column_config.NumberColumn("Rarity", format="percent", width=65),
                     "evidence_level": st.column_config.NumberColumn("Your evidence", format="%.1f", width=100)})


def _gaps(view, against_label: str) -> None:
    st.markdown(f"##### Gaps to {esc(against_label) or 'the benchmark'}")
    if not view.has_evidence:
        st.info("No evidence yet, so every competency the benchmark rates is a gap: link competencies to your "
                "wins to see which matter most.")
    elif view.gaps.empty:
        st.success("Your evidence meets every expectation of this benchmark.")
    else:
        st.dataframe(view.gaps[["name", "you", view.against, "gap", "accomplishments"]], hide_index=True,
                     width="stretch", column_config=_level_columns(view.against, "gap", "Short by", "%.1f"))
        layout.page_link("journal", label="Log evidence for a gap", icon=":material/add_circle:", tab="log")


def differentiators_tab(view) -> None:
    """Where you beat the benchmark, the rare skills you can prove, and the gaps."""
    against_label, diffs = view.against_label, view.diffs
    blocks = row()
    with blocks.container(width=HALF):
        st.markdown(f"##### Where you beat {esc(against_label) or 'the benchmark'}")
        if not view.has_evidence:
            st.info("Link accomplishments to competencies to find your differentiators.")
        elif diffs.empty:
            st.info(f"No competency is {cp.DIFFERENTIATOR_MARGIN} or more above {against_label} yet.")
        else:
            st.dataframe(diffs[["name", "you", view.against, "margin", "accomplishments"]], hide_index=True,
                         width="stretch", column_config=_level_columns(view.against, "margin", "Ahead by", "%+.1f"))
        _rare_skills(view)
    with blocks.container(width=HALF):
        _gaps(view, against_label)


def moat_tab(view, target) -> None:
    """The moat score, the points each rare proven skill adds, and every skill considered."""
    moat = view.moat
    st.markdown(f"**Moat score {moat.score:.0f} / 100** for {esc(target.short)}: 100 × (1/{cp.MOAT_SLOTS}) × Σ of "
                f"your {cp.MOAT_SLOTS} largest *rarity × evidence / 5*, over the skills this target needs. Rarity = "
                f"1 − the share of {moat.pool_size} occupations with their own O\\*NET ratings that list the skill's "
                "O\\*NET element (importance ≥ 3) or technology.")
    if view.moat_figure is None:
        layout.empty_state("No proven skill that this target needs yet: link skills to your wins.", "journal",
                           "Log a win with its skills")
    else:
        st.plotly_chart(view.moat_figure, theme=None, key="moat_chart")
        st.caption("Each bar: the points a skill adds (grey: the most it could add). Sources: your career file "
                   "(evidence), O\\*NET® 29.3 skills, knowledge and technology lists; skill-to-O\\*NET links by "
                   "this project's default map or your own.")
        with st.expander(f"All {len(moat.considered)} proven skills this target needs"):
            st.dataframe(moat.considered[["name", "listed_by", "commonness", "evidence_level", "contribution"]],
                         hide_index=True, width="stretch", column_config={
                             "name": st.column_config.TextColumn("Skill", width=165, pinned=True),
                             "listed_by": st.column_config.NumberColumn(f"Listed by (of {moat.pool_size})",
                                                                        width=115),
                             "commonness": st.column_config.NumberColumn("Commonness", format="percent", width=95),
                             "evidence_level": st.column_config.NumberColumn("Evidence", format="%.1f", width=75),
                             "contribution": st.column_config.NumberColumn("Rarity × evidence / 5", format="%.2f",
                                                                           width=90)})
    if moat.unmeasured:
        st.caption("Named by this target role but not linked to O\\*NET, so their rarity cannot be measured: "
                   + esc(", ".join(moat.unmeasured)) + ". Link them on the Skill-value matrix page.")


def _common_items(view) -> None:
    st.markdown("##### What most roles list")
    commodity, pool = view.commodity, view.moat.pool_size
    if commodity.empty:
        st.info("The shipped O\\*NET data lists nothing common for this target.")
        return
    missing = int((commodity["you"] == "missing").sum())
    st.caption(f"{len(commodity)} items; {missing} not linked to any of your skills. Hot = O\\*NET Hot "
               "Technology (frequent in job postings).")
    st.dataframe(commodity, hide_index=True, width="stretch", height=360, column_config={
        "item": st.column_config.TextColumn("Skill, knowledge or technology", width=160, pinned=True),
        "kind": st.column_config.TextColumn("Kind", width=80),
        "listed_by": st.column_config.NumberColumn(f"Listed by (of {pool})", width=95),
        "commonness": st.column_config.NumberColumn("Commonness", format="percent", width=90),
        "hot": st.column_config.CheckboxColumn("Hot", width=45), "you": st.column_config.TextColumn("You", width=70)})


def commodity_tab(view, target) -> None:
    """Table stakes: what the target needs that most occupations also list, and which of yours those are."""
    moat = view.moat
    st.markdown(f"What {esc(target.short)} needs that at least {cp.COMMODITY_SHARE:.0%} of the {moat.pool_size} "
                "occupations also list: table stakes, necessary to be considered but not a reason to pick you.")
    yours_common = moat.considered[moat.considered["commonness"] >= cp.COMMODITY_SHARE]
    blocks = row()
    with blocks.container(width=380):
        st.markdown("##### Your commodity skills")
        if yours_common.empty:
            st.info("None of your proven skills is a commodity for this target.")
        else:
            st.dataframe(yours_common[["name", "listed_by", "evidence_level"]], hide_index=True, width="stretch",
                         column_config={"name": st.column_config.TextColumn("Skill", width=165, pinned=True),
                                        "listed_by": st.column_config.NumberColumn(
                                            f"Listed by (of {moat.pool_size})", width=115),
                                        "evidence_level": st.column_config.NumberColumn("Evidence", format="%.1f",
                                                                                        width=75)})
    with blocks.container(width=560):
        _common_items(view)


def tables_tab(view) -> None:
    """The benchmarks and the map's points as tables (the charts' numbers, to read or copy)."""
    names = view.names
    st.dataframe(view.bench.drop(columns=["key"]), hide_index=True, width="stretch", column_config={
        "name": st.column_config.TextColumn("Competency", width=150, pinned=True),
        "group": st.column_config.TextColumn("Group", width=75),
        "you": st.column_config.NumberColumn("You", format="%.1f", width=55, help="Your evidence level"),
        "accomplishments": st.column_config.NumberColumn("Wins", width=50, help="Linked wins"),
        "current": st.column_config.NumberColumn("Now", format="%.1f", width=75, help=names.get("current")),
        "target": st.column_config.NumberColumn("Target", format="%.1f", width=75, help=names.get("target")),
        "onet": st.column_config.NumberColumn("O*NET", format="%.2f", width=65, help=names.get("onet"))})
    points = view.points
    spots = points.assign(kind=points["kind"].map({"you": "You", "level": "Ladder level", "target": "Target role"}))
    st.dataframe(spots[["label", "kind", "x", "y", "detail"]], hide_index=True, width="stretch", column_config={
        "label": st.column_config.TextColumn("On the map", width=160, pinned=True),
        "kind": st.column_config.TextColumn("What", width=90),
        "x": st.column_config.NumberColumn("Depth", format="%.2f", width=65, help="Technical depth (0–5)"),
        "y": st.column_config.NumberColumn("Breadth", format="%.2f", width=70,
                                           help="Business & communication breadth (0–5)"),
        "detail": st.column_config.TextColumn("Placed from", width=150)})


def how_tab(view) -> None:
    st.markdown((cp.__doc__ or "").replace("O*NET", "O\\*NET"))
    crosswalk = pd.DataFrame([{"O*NET skill": view.element_names.get(e, e), "element": e, "competency": c}
                              for e, c in cp.ONET_TO_COMPETENCY.items()])
    with st.expander("The O\\*NET-to-competency crosswalk (chosen by this project)"):
        st.dataframe(crosswalk, hide_index=True, width="stretch")
    st.caption(esc(f"{ONET_ATTRIBUTION} {PROXY_ATTRIBUTION} {SKILL_MAP_ATTRIBUTION}"))

"""Cached model of the Competitors page: the benchmarks, moat and positioning for one target.

Every number comes from `careerdata.competitors.analytics`; the target choices are the Value
proposition page's (`careerdata.value.targets.target_choices`), so both pages offer the same targets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from careerdata.competitors import analytics as cp
from careerdata.competitors.charts import moat_chart, positioning_chart, radar_chart
from careerdata.core.text import join_words
from careerdata.figures import cycle as fcycle
from careerdata.matrix import skill_value as sv
from careerdata.matrix.queries import matrix_inputs
from careerdata.value import queries as q
from careerdata.value import targets as vt
from careerdata.value.targets import pick_target, target_choices


@dataclass
class CompetitorsView:
    target: vt.Target
    has_evidence: bool
    you: pd.DataFrame  # your evidence level per competency over the review cycle's wins
    window: tuple[dt.date, dt.date]  # the review cycle (figures.cycle)
    readiness: object | None  # figures.readiness.Readiness for the target level, when it has one
    bench: pd.DataFrame
    against: str | None
    names: dict[str, str]
    against_label: str
    occupation: str
    ratings_code: str | None
    is_stand_in: bool
    level_titles: dict[str, str]
    moat: cp.Moat
    rare: pd.DataFrame
    commodity: pd.DataFrame
    diffs: pd.DataFrame
    gaps: pd.DataFrame
    met: int
    rated: int
    points: pd.DataFrame
    selected_label: str
    near: str | None
    element_names: dict[str, str]
    radar_figure: go.Figure
    positioning_figure: go.Figure
    moat_figure: go.Figure | None  # None without a proven skill that the target needs


def _label(t: vt.Target) -> str:
    return t.name if t.company == "" else f"{t.name} ({t.company})"


def competitors(con, target_key: str, today: dt.date) -> CompetitorsView:
    sel = q.selector_inputs(con)
    choices, _ = target_choices(sel)
    target = pick_target(choices, target_key)
    lad = sel.ladder
    current_level = (lad.profile or {}).get("current_level") or None
    inputs = matrix_inputs(con)

    # the review cycle's evidence, as on the Promotion case (figures.cycle, figures.evidence)
    window = fcycle.review_cycle(lad.profile, today)
    links = q.competency_evidence(con)
    links = links[fcycle.cycle_mask(links, window, today)] if not links.empty else links
    you = cp.competency_profile(links, lad.competencies, today)
    has_evidence = bool((you["accomplishments"] > 0).any())
    ratings, ratings_code, is_stand_in = cp.occupation_ratings(inputs.ratings, target.onet_code, inputs.proxies)
    onet = cp.onet_profile(ratings, lad.competencies)
    current = cp.level_profile(lad.expectations, current_level)
    wanted = cp.level_profile(lad.expectations, target.level)
    bench = cp.benchmark_frame(you, current if current_level != target.level else {}, wanted, onet)
    against = cp.reference_column(bench)
    level_titles = dict(zip(lad.levels["code"], lad.levels["title"], strict=True))
    occupation = target.occupation or "the target occupation"
    names = {"current": f"Your level now: {current_level} {level_titles.get(current_level, '')}".strip(),
             "target": f"Target level: {target.level} {level_titles.get(target.level, '')}".strip(),
             "onet": f"O*NET: {occupation}" + (" (stand-in ratings)" if is_stand_in else "")}
    against_label = {"target": f"the {target.level} bar",
                     "onet": f"the O*NET profile of {occupation}"}.get(against, "")

    # the market side: moat and commodity
    mappings = sv.resolve_mappings(inputs.skills, inputs.default_map, inputs.user_map, inputs.elements,
                                   inputs.technologies)
    skill_evidence = sv.evidence_levels(inputs.evidence, today)
    pool = cp.listed_items(inputs.ratings, inputs.tech, sorted(set(inputs.ratings["onet_soc_code"])))
    needed = cp.target_items(inputs.ratings, inputs.tech, ratings_code, target.onet_code)
    needed_names = vt.target_role_skill_names(q.role_skills(con), target)
    moat = cp.moat(inputs.skills, skill_evidence, mappings, pool, needed, needed_names)
    your_items = set().union(*cp.skill_items(mappings).values()) if not mappings.empty else set()
    element_names = dict(zip(inputs.elements["element_id"], inputs.elements["name"], strict=True))
    hot = set(inputs.tech.loc[inputs.tech["hot_technology"], "technology"])

    # positioning: you, the ladder, and every target role (or just this occupation)
    groups = dict(zip(lad.competencies["key"], lad.competencies["group"], strict=True))
    placed = []
    for t in (choices if not sel.target_roles.empty else [target]):
        profile = cp.tilt(cp.level_profile(lad.expectations, t.level),
                          onet if t.onet_code == target.onet_code else cp.onet_profile(
                              cp.occupation_ratings(inputs.ratings, t.onet_code, inputs.proxies)[0],
                              lad.competencies))
        placed.append((_label(t), profile,
                       f"{t.level or 'no level'} expectations tilted by {t.occupation or 'no O*NET occupation'}"))
    points = cp.positioning(dict(zip(you["key"], you["level"], strict=True)) if has_evidence else {}, groups,
                            lad.levels, lad.expectations, placed)
    ready = cp.ladder_readiness(you, lad.expectations, target.level) if against == "target" else None
    if ready is not None:  # against the ladder: the one readiness (figures.readiness) and its gaps, weakest first
        met, rated = ready.at_bar, ready.total
        gap_rows = bench.set_index("key").loc[ready.gaps].reset_index().assign(
            gap=lambda f: (f["target"] - f["you"]).round(1))
    else:
        met, rated = cp.meets(bench, against) if against else (0, 0)
        gap_rows = cp.gaps(bench, against) if against else bench.iloc[0:0]
    top_gap = gap_rows.iloc[0] if not gap_rows.empty and has_evidence else None
    if against and has_evidence:
        radar_title = f"You reach {against_label} on {met} of {rated} competencies"
        if top_gap is not None:
            radar_title += f"; biggest gap: {top_gap['name']}"
    elif against:
        radar_title = f"What {target.short} expects, competency by competency"
    else:
        radar_title = "Your competency profile (this target has no ladder level or O*NET occupation to compare with)"
    near = cp.nearest_level(points)
    pos_title = (f"On depth vs breadth you sit closest to {near} ({level_titles.get(near, '')})" if near
                 else "Technical depth vs business & communication breadth")
    moat_figure = None
    if not moat.slots.empty:
        lead = moat.slots.head(3)["name"].tolist()
        moat_title = (f"Moat {moat.score:.0f}/100: {join_words(lead)} "
                      f"{'are' if len(lead) > 1 else 'is'} rare among {moat.pool_size} occupations and proven")
        moat_figure = moat_chart(moat.slots, moat.pool_size, cp.MOAT_SLOTS, moat_title)
    return CompetitorsView(
        target=target, has_evidence=has_evidence, you=you, window=window, readiness=ready, bench=bench, against=against, names=names,
        against_label=against_label, occupation=occupation, ratings_code=ratings_code, is_stand_in=is_stand_in,
        level_titles=level_titles, moat=moat, rare=cp.rare_proven(moat),
        commodity=cp.commodity(needed, pool, element_names, hot, your_items),
        diffs=cp.differentiators(bench, against) if against and has_evidence else bench.iloc[0:0],
        gaps=gap_rows, met=met, rated=rated, points=points, selected_label=_label(target), near=near,
        element_names=element_names, radar_figure=radar_chart(bench, names, radar_title, show_you=has_evidence),
        positioning_figure=positioning_chart(points, _label(target), pos_title), moat_figure=moat_figure)

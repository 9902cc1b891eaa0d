"""The career file's headline figures, each with the exact string the app shows and where it shows it.

`figures(con, today)` computes every figure through the same cached views the pages read (so the
display string here IS the page's), and says which surfaces show it: page url keys as in the
navigation ("home", "promotion", ...), exports ("export:brag", "export:promotion": the promotion case
the page downloads, "export:jsonresume") and CLI commands ("cli:figures", "cli:promotion",
"cli:roles": `careerdata roles compare` of the roles Target roles compares by default). `careerdata figures` prints them; tests/test_figures_surfaces.py checks
every display string on every surface it names. The definitions come from `careerdata.figures.glossary`.

It sits above the feature packages (it reads their views), so `careerdata.figures` itself stays a low
layer that every feature may import (the import contracts in pyproject.toml).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from careerdata.figures import cycle, evidence, fit, impact, moat, network, proficiency, readiness, summary
from careerdata.figures.glossary import GLOSSARY

CLI = "cli:figures"
PROMOTION_CASE = ("export:promotion", "cli:promotion")  # the generated case for the next level, as downloaded


@dataclass(frozen=True)
class Figure:
    id: str
    label: str
    value: float | int | None
    unit: str
    display: str  # the exact string the app shows
    definition: str
    source: str  # the function that computes it
    shown_on: tuple[str, ...]

    def as_dict(self) -> dict:
        out = asdict(self)
        out["shown_on"] = list(self.shown_on)
        return out


def _definition(term: str) -> tuple[str, str]:
    return GLOSSARY[term]


def _fig(fid: str, label: str, value, unit: str, display: str, term: str, shown_on: tuple[str, ...]) -> Figure:
    definition, source = _definition(term)
    return Figure(fid, label, value, unit, display, definition, source, (*shown_on, CLI))


def home_figures(con, today: dt.date) -> list[Figure]:
    """Home's KPIs, from the same summary Home draws them from (`careerdata.figures.summary`)."""
    v = summary.summary(con, today)
    t = v.impact
    return [
        _fig("impact_run_rate", "Impact run-rate", t.money_run_rate, "USD/yr",
             impact.money_run_rate_label(t.money_run_rate), "Impact run-rate", ("home",)),
        _fig("impact_delivered", "Impact delivered to date", round(t.money_delivered, 2), "USD",
             impact.money_delivered_label(t.money_delivered), "Impact delivered to date", ("home",)),
        _fig("hours_run_rate", "Hours saved run-rate", t.hours_run_rate, "h/yr",
             impact.hours_run_rate_label(t.hours_run_rate), "Hours saved run-rate", ("home", "value")),
        _fig("hours_delivered", "Hours saved to date", round(t.hours_delivered, 1), "h",
             impact.hours_delivered_label(t.hours_delivered), "Hours saved to date", ("home",)),
        _fig("share_with_metric", "Wins with a metric", None if v.share_with_metric is None
             else round(v.share_with_metric, 4), "share", summary.share_label(v.share_with_metric),
             "Wins with a metric", ("home",)),
        _fig("skills_with_evidence", "Skills with evidence", v.skills_with_evidence, f"of {v.skills} skills",
             summary.evidence_label(v.skills_with_evidence, v.skills), "Skills with evidence", ("home",)),
        _fig("overdue_contacts", "Contacts overdue for a touch", v.overdue_contacts, "contacts",
             network.overdue_label(v.overdue_contacts), "Overdue for a touch", ("home", "network")),
        _fig("days_since_visibility", "Days since the last visibility item", v.days_since_visibility, "days",
             network.visibility_label(v.days_since_visibility), "Days since visibility", ("home",)),
    ]


def cycle_figures(con, today: dt.date) -> list[Figure]:
    from careerdata.journal import queries

    window = cycle.review_cycle(queries.profile(con), today)
    c = cycle.cycle_figures(queries.accomplishments(con), queries.impact_metrics(con), window, today)
    span = cycle.cycle_span_label(window)
    return [
        _fig("cycle_wins", f"Wins in the review cycle {span}", c.wins, "wins", c.wins_label, "Wins in the cycle",
             ("export:brag", "promotion", *PROMOTION_CASE)),
        _fig("cycle_impact", f"Impact of the review cycle's wins {span}", c.money, "USD/yr", c.money_label,
             "Wins in the cycle", ("export:brag", "promotion", *PROMOTION_CASE)),
    ]


def readiness_figures(con, today: dt.date) -> list[Figure]:
    """Readiness for the next level, through the Promotion case's own view (its default target and cycle)."""
    from careerdata.promotion import queries as pq
    from careerdata.promotion import view as promotion_view

    setup = pq.case_setup(con)
    current = (setup.profile or {}).get("current_level")
    levels = setup.levels
    if levels.empty or not setup.has_competencies or not current:
        return []
    ranked = levels[levels["code"] == current]
    if ranked.empty:
        return []
    above = levels[(levels["track"] == ranked.iloc[0]["track"]) & (levels["rank"] > ranked.iloc[0]["rank"])]
    if above.empty:
        return []
    target = str(above.sort_values("rank").iloc[0]["code"])
    start, end = cycle.review_cycle(setup.profile, today)
    r = promotion_view.promotion_case(con, target, start, end, today, end).analysis.readiness
    ready = readiness.Readiness(target, r.score, r.at_bar, r.total)
    return [
        _fig("readiness_next_level", f"Readiness for {target}", r.at_bar, f"of {r.total} competencies",
             ready.count_label, "Readiness for a level", ("promotion", "competitors", *PROMOTION_CASE)),
        _fig("readiness_next_level_score", f"Readiness for {target} (mean coverage)",
             None if r.score is None else round(r.score, 4), "share", ready.score_label, "Readiness for a level",
             ("promotion", "competitors")),
    ]


def competitors_figures(con, today: dt.date) -> list[Figure]:
    """The moat score for the Competitors page's default target."""
    from careerdata.competitors import view as competitors_view
    from careerdata.value import view as value_view

    customers = value_view.customers(con)
    if not customers.default:
        return []
    v = competitors_view.competitors(con, customers.default, today)
    return [_fig("moat", f"Moat score for {v.selected_label}", v.moat.score, "/100", moat.moat_label(v.moat.score),
                 "Moat score", ("competitors",))]


def role_figures(con, today: dt.date) -> list[Figure]:
    """Role fit of each target role the Target roles page compares by default (its first four)."""
    from careerdata.roles import view as roles_view

    names = tuple(s.name for s in roles_view.base(con, today).saved)[:4]
    if len(names) < 2:
        return []
    return [_fig(f"role_fit:{d.spec.name}", f"Role fit: {d.spec.name}", d.fit.fit, "/100",
                 d.fit.label, "Role fit", ("roles", "cli:roles"))
            for d in roles_view.comparison(con, names, "self", today)]


def network_figures(con, today: dt.date) -> list[Figure]:
    from careerdata.journal import queries

    contacts = queries.contacts(con)
    if contacts.empty:
        return []
    n = len(network.sponsors(contacts))
    return [_fig("sponsors", "Sponsors (advocacy stage)", n, "contacts", network.sponsor_label(n),
                 "Relationship and advocacy stage", ("home", "network"))]


def value_figures(con, today: dt.date) -> list[Figure]:
    """The run-rate of the wins behind the Value proposition's default offer (a subset of all wins)."""
    from careerdata.value import view as value_view

    customers = value_view.customers(con)
    if not customers.default:
        return []
    summary = value_view.value(con, customers.default, today).summary
    if not summary.money_usd:
        return []
    return [_fig("value_proof_run_rate", "Impact behind the value proposition's proof", summary.money_usd, "USD/yr",
                 impact.money_run_rate_label(summary.money_usd), "Impact run-rate", ("value",))]


def market_figures(con, today: dt.date) -> list[Figure]:
    """The best occupation match among your target occupations, as the Market's roles map titles it."""
    from careerdata.market import view as market_view

    best = market_view.best_target_match(con, today)
    if best is None:
        return []
    title, score = best
    return [_fig("occupation_match", f"Best occupation match among your targets: {title}", score, "/100",
                 fit.occupation_match_label(score), "Occupation match", ("market", "roles"))]


def skill_figures(con, today: dt.date) -> list[Figure]:
    """Your highest self-rated skill, in the words the JSON Resume export writes (figures.proficiency)."""
    from careerdata.journal import queries

    top = proficiency.top_self_rated(queries.skills(con))
    if top is None:
        return []
    return [_fig("top_self_rated_skill", "Your highest self-rated skill", top[1], "of 5",
                 proficiency.skill_level_label(*top), "Skill level in words", ("export:jsonresume",))]


def figures(con, today: dt.date) -> list[Figure]:
    """Every headline figure of the career file (see the module docstring)."""
    return [*home_figures(con, today), *cycle_figures(con, today), *readiness_figures(con, today),
            *competitors_figures(con, today), *role_figures(con, today), *network_figures(con, today),
            *value_figures(con, today), *market_figures(con, today), *skill_figures(con, today)]


__all__ = ["CLI", "GLOSSARY", "Figure", "cycle", "evidence", "figures", "fit", "moat", "readiness"]

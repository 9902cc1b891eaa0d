"""The definitions of the career figures, in reading order: the About page's glossary.

Each term maps to (its definition, the function in careerdata.figures that computes it), so a
reader goes from a word on a page to its formula in one hop. `careerdata figures` prints the same
definitions next to each figure (careerdata.figures_registry).
"""

from __future__ import annotations

# term -> (definition, the function that computes it); the About page's glossary, in reading order.
GLOSSARY: dict[str, tuple[str, str]] = {
    "Impact run-rate": (
        "Σ of the annualised money (USD a year) of your impact metrics: what the changes are worth each year "
        "they stay live. Not an all-time total. Shown as “$6.6M/yr run-rate”.", "careerdata.figures.impact.totals"),
    "Impact delivered to date": (
        "Σ annualised money × years live, where years live = max(0, today − the win's done date) ÷ 365.25. "
        "Shown as “$25.2M delivered to date”.", "careerdata.figures.impact.totals"),
    "Hours saved run-rate": (
        "Σ of the hours a year your impact metrics save others. Shown as “19,326 h/yr”.",
        "careerdata.figures.impact.totals"),
    "Hours saved to date": (
        "Σ hours a year × years live, as for money. Shown as “61,225 h saved to date”.",
        "careerdata.figures.impact.totals"),
    "Wins with a metric": (
        "Accomplishments with at least one impact metric ÷ all your accomplishments.",
        "careerdata.figures.summary.summary"),
    "Skills with evidence": (
        "Skills linked to at least one accomplishment (claims you can prove), out of all your skills.",
        "careerdata.figures.summary.summary"),
    "Skill level in words": (
        "Your latest self-rating of a skill on the 1–5 scale, in words: 1 Aware, 2 Working knowledge, 3 Proficient, "
        "4 Advanced, 5 Expert. The JSON Resume export writes each skill's level so.",
        "careerdata.figures.proficiency.level_word"),
    "Review cycle": (
        "The profile's review-cycle dates; with one date, the other 364 days away; with none, the year centred "
        "on today.", "careerdata.figures.cycle.review_cycle"),
    "Wins in the cycle": (
        "Accomplishments whose span overlaps the review cycle: start ≤ cycle end and (end date, or today while "
        "ongoing) ≥ cycle start. Their impact is the run-rate of their metrics.",
        "careerdata.figures.cycle.cycle_figures"),
    "Evidence level": (
        "One formula for a skill and a competency: each linked win earns scope (team 1, org 1.25, company or "
        "external 1.5) × quality (2 verified metric, 1.5 metric, else 1) × 0.5^(years since done ÷ 2) points; "
        "level = 5 × (1 − e^(−points ÷ 2.5)), 0–5.", "careerdata.figures.evidence.evidence_levels"),
    "Readiness for a level": (
        "For each competency the level expects: coverage = min(1, evidence level ÷ expected level). Readiness = "
        "mean coverage; “N of M competencies at the bar” counts evidence level ≥ expected.",
        "careerdata.figures.readiness.readiness"),
    "Occupation match": (
        "Σ importance × min(1, your level ÷ O*NET level × 5/7) ÷ Σ importance over an O*NET occupation's "
        "important skills (importance ≥ 3), 0–100. No must-haves.", "careerdata.figures.fit.occupation_match"),
    "Role fit": (
        "The same importance-weighted coverage over a target role's requirements, times the soft must-have gate "
        "(0.5 + 0.5 × the weakest must-have's coverage: a missing must-have halves it, never zeroes it), 0–100. "
        "Stricter than the occupation match.",
        "careerdata.figures.fit.role_fit"),
    "Relationship and advocacy stage": (
        "Relationship says who a contact is to you (manager, senior leader, mentor, peer...); advocacy stage "
        "says what they would do for you (unknown → aware → supporter → advocate → sponsor). A sponsor is only "
        "ever the advocacy stage.", "careerdata.figures.network.sponsors"),
    "Overdue for a touch": (
        "A contact never contacted, or whose days since the last interaction exceed their keep-in-touch "
        "cadence.", "careerdata.figures.network.overdue_count"),
    "Days since visibility": (
        "Days since your latest talk, post, open-source contribution, internal demo or document.",
        "careerdata.figures.network.days_since"),
    "Moat score": (
        "100 × Σ of your 5 largest rarity × evidence level ÷ 5 over the skills a target needs, ÷ 5: how rare "
        "your proven combination is among the shipped occupations.", "careerdata.figures.moat.moat_score"),
}

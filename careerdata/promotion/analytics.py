"""The promotion case: evidence against the ladder, gaps, a drafted case, its linter and the lead plan.

Pure functions over the frames of `careerdata.promotion.queries.CaseInputs`; `today` is always
passed in. Nothing here calls an external service: the narrative is assembled from the data.

Definitions used throughout
---------------------------
* **In the cycle**: an accomplishment counts for a cycle when its span overlaps it:
  ``start_date <= cycle_end`` and ``(end_date, or today while ongoing) >= cycle_start``.
* **Active link**: a row of accomplishment_competency with status ``linked`` (from the journal)
  or ``confirmed`` (a suggestion the user accepted). ``rejected`` rows never count, and a
  competency with a row of any status is never suggested again for that accomplishment.
* **Evidence level** of a competency (0-5): `careerdata.figures.evidence`, the one formula for
  skills and competencies, over the in-cycle accomplishments actively linked to it: each earns
  scope (team 1, org 1.25, company or external 1.5) x quality (2 with a verified metric, 1.5 with a
  metric, else 1) x 0.5 ** (years since done / 2) points, and level = 5 x (1 - e^(-points / 2.5)).
  It is on the ladder's 1-5 proficiency scale (the `strength` column), so it compares directly
  with a level's expectation ``target``.
* **Coverage** of a competency at a level = min(1, strength / target).
  **Readiness** = the mean coverage over the level's competencies (`careerdata.figures.readiness`,
  shown the same on Competitors), so 100% means the evidence meets every expectation of that level.
* **The cycle** and its wins: `careerdata.figures.cycle`; its impact is a run-rate
  (`careerdata.figures.impact`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import functools
import itertools
import math
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from careerdata.core.money import format_money
from careerdata.figures import cycle as fcycle
from careerdata.figures import evidence as fev
from careerdata.figures import impact as fimpact
from careerdata.figures import readiness as fready

SCOPE_LABELS = {"team": "team-level", "org": "org-level", "company": "company-wide", "external": "external"}
SCOPE_ORDER = ("external", "company", "org", "team")
ACTIVE_STATUSES = ("linked", "confirmed")

ADVOCATE_STAGES = ("supporter", "advocate", "sponsor")
STAGE_RANK = {"unknown": 0, "aware": 1, "supporter": 2, "advocate": 3, "sponsor": 4}
ADVOCATE_RECENT_DAYS = 45  # the home page's sponsor-silence threshold: advocates repeat what they recently heard
MAX_ADVOCATES = 6

SUGGESTION_MIN_SCORE = 2.0
MAX_SUGGESTIONS_PER_WIN = 3

# --- the ladder's competencies -> the sections of a case ------------------------------------

SECTIONS = {
    "summary": "Summary",
    "impact": "Impact",
    "scope": "Scope and complexity",
    "leadership": "Technical leadership",
    "leverage": "Leverage and mentorship",
    "glue": "Glue work",
    "advocates": "Advocates",
    "gaps": "Gaps and plan",
}
EVIDENCE_SECTIONS = ("scope", "leadership", "leverage", "glue")
# Default ladder keys; any other ladder falls back to the competency's group.
SECTION_OF_COMPETENCY = {
    "craft": "scope", "delivery": "scope", "impact": "scope",
    "architecture": "leadership", "tech_leadership": "leadership",
    "mentorship": "leverage", "people_management": "leverage",
    "communication": "glue", "influence": "glue",
}
SECTION_OF_GROUP = {"technical": "leadership", "execution": "scope", "people": "leverage", "influence": "glue"}
SECTION_TIE_ORDER = ("leverage", "leadership", "glue", "scope")

# Words that suggest a competency (prefix matches, whole words for short ones), for the default ladder.
COMPETENCY_KEYWORDS = {
    "craft": ["test", "debug", "refactor", "code review", "runbook", "tooling", "latency", "performance",
              "regression", "bug", "profil"],
    "architecture": ["architect", "design", "rfc", "migrat", "schema", "event-driven", "system design",
                     "subscription", "scalab", "api"],
    "tech_leadership": ["led", "lead", "direction", "roadmap", "decision", "standard", "strategy", "owned",
                        "technical leadership"],
    "delivery": ["shipped", "launch", "deliver", "milestone", "cutover", "rollout", "rolled out", "deadline",
                 "on time", "upgrade"],
    "impact": ["revenue", "cost", "saving", "saved", "spend", "customer", "sign-up", "availability", "fees"],
    "mentorship": ["mentor", "coach", "pair", "taught", "teach", "onboard", "shadow", "delegat", "grew",
                   "promoted"],
    "communication": ["wrote", "write", "writing", "doc", "handbook", "present", "talk", "newsletter",
                      "demo", "technical writing"],
    "influence": ["cross-team", "across teams", "align", "stakeholder", "adopted", "glue", "facilitat",
                  "incident review", "buy-in", "visibility", "persuasion"],
    "people_management": ["hiring", "interview", "calibration", "headcount", "staffing", "performance review",
                          "career", "1:1"],
}
# A skill of this kind hints at these competencies (half a point, once).
KIND_HINTS = {
    "leadership": ("tech_leadership", "mentorship", "people_management", "influence"),
    "soft": ("communication", "influence"),
    "technical": ("craft", "architecture"),
}
_STOPWORDS = {"and", "the", "with", "that", "this", "from", "your", "their", "work", "skills", "using"}

MITIGATION_ADVICE = {
    "craft": "Raise a standard others adopt (a shared library, a CI check, a runbook) and log who adopted it.",
    "architecture": "Write the design doc for your next non-trivial change, weigh the alternatives and get it "
                    "reviewed outside your team.",
    "tech_leadership": "Drive one contested technical decision to closure and write down the outcome.",
    "delivery": "Own a delivery end to end, sequence its dependencies and keep stakeholders told of trade-offs.",
    "impact": "Put a number on the outcome of your biggest in-cycle win (money, hours, incidents, users).",
    "mentorship": "Take on a mentee with a concrete goal (a promotion, a rota, a project) and log the outcome.",
    "communication": "Write a design or strategy document others act on, and present it beyond your team.",
    "influence": "Take on visible glue work (incident reviews, a roadmap, onboarding) and make sure leadership "
                 "hears about it.",
    "people_management": "Ask your manager for a hiring-loop, calibration or onboarding task and log what came "
                         "of it.",
}
GROUP_ADVICE = {
    "technical": "Lead a technical piece of work beyond your team and write down the decisions you drove.",
    "execution": "Own a delivery with a measurable outcome and record the number.",
    "people": "Grow someone: mentoring, hiring or onboarding, with an outcome you can name.",
    "influence": "Do visible cross-team work and make sure leadership hears about it.",
}

# --- small helpers --------------------------------------------------------------------------


def to_date(value) -> dt.date | None:
    """A date from a date, a pandas Timestamp or an ISO string; None for NaT/None/NaN."""
    if value is None or value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _dates(values: pd.Series) -> list[dt.date | None]:
    """`to_date` of every value (vectorised for a datetime column)."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return [None if d is pd.NaT or d is None else d for d in values.dt.date]
    return [to_date(v) for v in values]


def _num(value) -> float:
    return 0.0 if value is None or pd.isna(value) else float(value)


def format_day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def format_span(start: dt.date, end: dt.date | None) -> str:
    """'Jan 2026 – Jun 2026', 'Jun 2026', or 'Jan 2026 – ongoing'."""
    if end is None:
        return f"{start:%b %Y} – ongoing"
    if (start.year, start.month) == (end.year, end.month):
        return f"{end:%b %Y}"
    return f"{start:%b %Y} – {end:%b %Y}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def format_number(value) -> str:
    if value is None or pd.isna(value):
        return "?"
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def escape_md(text: str) -> str:
    """User text inside the generated Markdown: shown literally, never as formatting."""
    text = " ".join(str(text).split())
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


# --- levels ---------------------------------------------------------------------------------


def next_level(levels: pd.DataFrame, current: str | None) -> str | None:
    """The next level up on the same track (L5 -> L6, M1 -> M2); None at the top or when unknown."""
    if not current or levels.empty or current not in set(levels["code"]):
        return None
    row = levels[levels["code"] == current].iloc[0]
    above = levels[(levels["track"] == row["track"]) & (levels["rank"] > row["rank"])]
    if above.empty:
        return None
    return str(above.sort_values("rank").iloc[0]["code"])


def level_title(levels: pd.DataFrame, code: str | None) -> str:
    if not code or levels.empty:
        return code or ""
    match = levels[levels["code"] == code]
    return str(match.iloc[0]["title"]) if not match.empty else code


def level_label(levels: pd.DataFrame, code: str) -> str:
    return f"{code} · {level_title(levels, code)}"


def default_cycle(profile: dict | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """The review cycle (`careerdata.figures.cycle.review_cycle`): the profile's, or the year centred on today."""
    return fcycle.review_cycle(profile, today)


# --- evidence -------------------------------------------------------------------------------


def with_cycle(accomplishments: pd.DataFrame, cycle_start: dt.date, cycle_end: dt.date,
               today: dt.date, verified: dict[int, int] | None = None) -> pd.DataFrame:
    """All accomplishments with `last_active`, `in_cycle` (`figures.cycle`) and their evidence `points`
    (`figures.evidence.win_points`; `verified`: accomplishment id -> verified metrics)."""
    out = accomplishments.copy()
    if out.empty:
        return out.assign(last_active=pd.Series(dtype=object), in_cycle=pd.Series(dtype=bool),
                          points=pd.Series(dtype=float))
    out["in_cycle"] = fcycle.cycle_mask(out, (cycle_start, cycle_end), today)
    starts = _dates(out["start_date"])
    ends = _dates(out["end_date"])
    out["start_date"] = starts
    out["end_date"] = ends
    out["last_active"] = [e if e is not None else max(today, s) for s, e in zip(starts, ends, strict=True)]
    verified = verified or {}
    out["points"] = [fev.win_points(scope, _num(metrics), verified.get(acc_id, 0), e if e is not None else s, today)
                     for acc_id, scope, metrics, s, e in zip(out["id"], out["scope"], out["metrics"], starts, ends,
                                                             strict=True)]
    return out


def _has_links(links) -> bool:
    if links is None:
        return False
    try:
        return len(links) > 0
    except TypeError:
        return False


def active_links(links: pd.DataFrame) -> pd.DataFrame:
    return links[links["status"].isin(ACTIVE_STATUSES)] if not links.empty else links


def _grouped(frame: pd.DataFrame, by: str, value: str) -> dict:
    """{key: [values in row order]}: one pass instead of filtering the frame once per key."""
    out: dict = {}
    for key, item in zip(frame[by].tolist(), frame[value].tolist(), strict=True):
        if not pd.isna(key):
            out.setdefault(key, []).append(item)
    return out


def competencies_by_accomplishment(links: pd.DataFrame) -> dict[int, list[str]]:
    """Each accomplishment's actively linked competency keys, in the links' order."""
    return _grouped(active_links(links), "accomplishment_id", "competency_key")


def evidence_strength(cycle_accs: pd.DataFrame, links: pd.DataFrame, competencies: pd.DataFrame) -> pd.DataFrame:
    """Per competency: wins linked in the cycle, how many carry a metric, the widest scope, strength 0-5."""
    rows = []
    ids_of = _grouped(active_links(links), "competency_key", "accomplishment_id")
    by_id = cycle_accs.set_index("id") if not cycle_accs.empty else None
    in_cycle = set(by_id.index) if by_id is not None else set()
    for comp in competencies.itertuples():
        ids = ids_of.get(comp.key, [])
        wins = by_id.loc[[i for i in ids if i in in_cycle]] if by_id is not None else pd.DataFrame()
        points = float(wins["points"].sum()) if not wins.empty else 0.0
        scopes = set(wins["scope"]) if not wins.empty else set()
        rows.append({
            "key": comp.key,
            "name": comp.name,
            "group": comp.group,
            "wins": len(wins),
            "quantified": int((wins["metrics"] > 0).sum()) if not wins.empty else 0,
            "widest_scope": next((s for s in SCOPE_ORDER if s in scopes), None),
            "last_active": max(wins["last_active"]) if not wins.empty else None,
            "points": points,
            "strength": fev.level_from_points(points),
            "titles": list(wins["title"]) if not wins.empty else [],
        })
    return pd.DataFrame(rows, columns=["key", "name", "group", "wins", "quantified", "widest_scope", "last_active",
                                       "points", "strength", "titles"])


def coverage(strength: pd.DataFrame, expectations: pd.DataFrame, level: str) -> pd.DataFrame:
    """The level's expectations against the evidence: ratio = min(1, strength / target), and a status."""
    exp = expectations[expectations["level_code"] == level][["competency_key", "target", "text"]]
    out = strength.merge(exp, left_on="key", right_on="competency_key", how="inner").drop(columns="competency_key")
    out["ratio"] = [min(1.0, s / t) if t else 1.0 for s, t in zip(out["strength"], out["target"], strict=True)]
    out["status"] = ["no evidence" if s <= 0 else "at the bar" if r >= 1 else "below the bar"
                     for s, r in zip(out["strength"], out["ratio"], strict=True)]
    return out.reset_index(drop=True)


@dataclass(frozen=True)
class Readiness:
    """How far the evidence meets a level: mean coverage, and counts."""

    score: float | None  # 0-1; None when the level has no expectations
    at_bar: int
    total: int
    no_evidence: list[str]


def readiness(cov: pd.DataFrame, level: str = "") -> Readiness:
    """`careerdata.figures.readiness.readiness` of the coverage frame (names for the competencies without evidence)."""
    if cov.empty:
        return Readiness(None, 0, 0, [])
    r = fready.readiness(level, dict(zip(cov["key"], cov["strength"], strict=True)),
                         dict(zip(cov["key"], cov["target"], strict=True)))
    names = dict(zip(cov["key"], cov["name"], strict=True))
    return Readiness(score=r.score, at_bar=r.at_bar, total=r.total, no_evidence=[names[k] for k in r.no_evidence])


def coverage_matrix(strength: pd.DataFrame, expectations: pd.DataFrame, levels: list[str]) -> pd.DataFrame:
    """Long frame for the heatmap: competency x level with strength, target, ratio and the expectation."""
    parts = [coverage(strength, expectations, lvl).assign(level=lvl) for lvl in dict.fromkeys(levels)]
    if not parts:
        return pd.DataFrame(columns=["key", "name", "level", "strength", "target", "ratio", "text", "wins"])
    return pd.concat(parts, ignore_index=True)


# --- suggestions ----------------------------------------------------------------------------


def competency_keywords(key: str, name: str, description: str = "") -> list[str]:
    """Built-in words for the default ladder; otherwise the words of the competency's name."""
    if key in COMPETENCY_KEYWORDS:
        return COMPETENCY_KEYWORDS[key]
    words = re.findall(r"[a-z][a-z\-]{3,}", name.lower())
    return [w for w in dict.fromkeys(words) if w not in _STOPWORDS]


@functools.lru_cache(maxsize=1024)
def _keyword_pattern(word: str) -> re.Pattern:
    tail = r"\b" if len(word) <= 3 else ""
    return re.compile(r"(?<![\w-])" + re.escape(word.lower()) + tail)


def _keyword_matchers(words: list[str]) -> list[tuple[str, str, re.Pattern]]:
    """(word, its lower case, its pattern): the plain substring test is a cheap exact pre-check, since a
    pattern only matches where its lower-cased word occurs."""
    return [(w, w.lower(), _keyword_pattern(w)) for w in words]


def _matching(matchers: list[tuple[str, str, re.Pattern]], text: str, limit: int) -> list[str]:
    """The first `limit` keywords (in list order) that match the lower-cased `text`."""
    found = []
    for word, lower, pattern in matchers:
        if lower in text and pattern.search(text):
            found.append(word)
            if len(found) == limit:
                break
    return found


def suggestions(cycle_accs: pd.DataFrame, skills: pd.DataFrame, links: pd.DataFrame,
                competencies: pd.DataFrame) -> pd.DataFrame:
    """Suggested accomplishment -> competency links, for the user to confirm or reject.

    For an in-cycle accomplishment and a competency it has no row for (linked, confirmed or
    rejected), the score is:
      + 1 per distinct competency keyword in the title and STAR text (at most 3)
      + 1 per skill of the accomplishment whose name contains a keyword (at most 2)
      + 0.5 once when a skill's kind hints at the competency (leadership, soft, technical)
      + 1 for `influence` at company or external scope, and for `impact` with a money metric at org scope or wider
    A pair is suggested at a score of 2 or more, at most 3 per accomplishment, best first.
    """
    columns = ["accomplishment_id", "title", "competency_key", "competency", "score", "reasons"]
    if cycle_accs.empty or competencies.empty:
        return pd.DataFrame(columns=columns)
    taken = set(zip(links["accomplishment_id"], links["competency_key"], strict=True)) if not links.empty else set()
    skills_of: dict[int, list[tuple[str, str]]] = {}
    in_cycle = set(cycle_accs["id"])
    for acc_id, name, kind in zip(skills["accomplishment_id"], skills["name"], skills["kind"], strict=True):
        if acc_id in in_cycle:
            skills_of.setdefault(acc_id, []).append((name, kind))
    comps = [(c.key, c.name, _keyword_matchers(competency_keywords(c.key, c.name, c.description)))
             for c in competencies.itertuples()]
    skill_matches: dict[tuple[str, str], bool] = {}  # (skill name, competency): a skill vocabulary repeats

    def skill_matches_keyword(skill: str, key: str, matchers) -> bool:
        hit = skill_matches.get((skill, key))
        if hit is None:
            hit = skill_matches[(skill, key)] = bool(_matching(matchers, skill.lower(), 1))
        return hit

    rows = []
    for a in cycle_accs.itertuples():
        text = " ".join(str(getattr(a, f) or "") for f in ("title", "situation", "task", "action", "result")).lower()
        found = []
        own = skills_of.get(a.id, [])
        for key, comp_name, matchers in comps:
            if (a.id, key) in taken:
                continue
            reasons, score = [], 0.0
            words = _matching(matchers, text, 3)
            if words:
                score += len(words)
                reasons.append("words: " + ", ".join(f"“{w}”" for w in words))
            skill_hits = [n for n, _ in own if skill_matches_keyword(n, key, matchers)][:2]
            if skill_hits:
                score += len(skill_hits)
                reasons.append("skills: " + ", ".join(skill_hits))
            hinted = [n for n, k in own if key in KIND_HINTS.get(k, ()) and n not in skill_hits]
            if hinted:
                score += 0.5
                reasons.append(f"{own_kind(own, key)} skill {hinted[0]}")
            if key == "influence" and a.scope in ("company", "external"):
                score += 1
                reasons.append(f"{SCOPE_LABELS[a.scope]} scope")
            if key == "impact" and _num(a.money_usd) > 0 and a.scope != "team":
                score += 1
                reasons.append(f"{format_money(a.money_usd)}/yr at {SCOPE_LABELS[a.scope]} scope")
            if score >= SUGGESTION_MIN_SCORE:
                found.append({"accomplishment_id": int(a.id), "title": a.title, "competency_key": key,
                              "competency": comp_name, "score": score, "reasons": "; ".join(reasons)})
        found.sort(key=lambda r: -r["score"])
        rows.extend(found[:MAX_SUGGESTIONS_PER_WIN])
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["score", "accomplishment_id"], ascending=[False, False], kind="stable").reset_index(
        drop=True)


def own_kind(own: list[tuple[str, str]], key: str) -> str:
    return next((k for _, k in own if key in KIND_HINTS.get(k, ())), "")


# --- gaps -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    """A target-level competency the evidence does not yet meet, and what would close it."""

    key: str
    name: str
    strength: float
    target: int
    expectation: str
    mitigations: list[str]  # for the page: what to do in the app and at work
    plan: list[str]  # for the case: only what will be done at work

    @property
    def status(self) -> str:
        return "no evidence" if self.strength <= 0 else "below the bar"


def gaps(cov: pd.DataFrame, suggested: pd.DataFrame, cycle_accs: pd.DataFrame, links: pd.DataFrame) -> list[Gap]:
    """Competencies below the target level's bar, weakest first, each with mitigations in this order:
    pending suggestions to review; linked wins that lack a metric; only team-scope evidence; the
    ladder-specific advice (or the competency group's)."""
    out = []
    active = active_links(links)
    for row in cov[cov["ratio"] < 1].sort_values(["ratio", "target"], ascending=[True, False]).itertuples():
        steps = []
        pending = suggested[suggested["competency_key"] == row.key] if not suggested.empty else suggested
        if len(pending):
            steps.append(f"Review {len(pending)} suggested match(es) in Evidence mapping, e.g. "
                         f"“{pending.iloc[0]['title']}”.")
        ids = set(active.loc[active["competency_key"] == row.key, "accomplishment_id"]) if not active.empty else set()
        linked = cycle_accs[cycle_accs["id"].isin(ids)] if not cycle_accs.empty else cycle_accs
        bare = linked[linked["metrics"] == 0] if not linked.empty else linked
        if len(bare):
            steps.append(f"Add a metric to “{bare.iloc[0]['title']}”: a claim with a number is harder to discount.")
        plan = []
        if len(linked) and set(linked["scope"]) == {"team"}:
            plan.append(f"All {row.name} evidence is team-scope; take on one piece with org or company scope.")
        plan.append(MITIGATION_ADVICE.get(row.key) or GROUP_ADVICE.get(row.group, "Log work that shows it."))
        out.append(Gap(row.key, row.name, float(row.strength), int(row.target), row.text, steps + plan, plan))
    return out


# --- impact, scope, advocates ---------------------------------------------------------------


@dataclass(frozen=True)
class CaseTotals:
    """The impact ledger over the cycle's accomplishments (own estimates, annualised)."""

    money: float
    verified_money: float
    hours: float
    metrics: int
    quantified_wins: int
    wins: int
    by_category: dict[str, float] = field(default_factory=dict)


def case_totals(cycle_accs: pd.DataFrame, metrics: pd.DataFrame) -> CaseTotals:
    if cycle_accs.empty:
        return CaseTotals(0.0, 0.0, 0.0, 0, 0, 0, {})
    m = metrics[metrics["accomplishment_id"].isin(set(cycle_accs["id"]))]
    money = m["money_usd"].fillna(0.0)
    by_cat = money.groupby(m["category"]).sum()
    return CaseTotals(
        money=fimpact.run_rate(m, "money_usd"),
        verified_money=float(money[m["confidence"] == "verified"].sum()),
        hours=fimpact.run_rate(m, "hours"),
        metrics=len(m),
        quantified_wins=int(m["accomplishment_id"].nunique()),
        wins=len(cycle_accs),
        by_category={k: float(v) for k, v in by_cat.items() if v > 0},
    )


def scope_counts(cycle_accs: pd.DataFrame) -> dict[str, int]:
    if cycle_accs.empty:
        return {}
    counts = cycle_accs["scope"].value_counts()
    return {s: int(counts[s]) for s in SCOPE_ORDER if s in counts}


def advocates(contacts: pd.DataFrame, seen: pd.DataFrame, cycle_accs: pd.DataFrame, employer: str | None,
              today: dt.date) -> pd.DataFrame:
    """Contacts who support the case (supporter, advocate or sponsor) where the decision is made.

    Where = the current employer's people (or contacts with no company) when the employer is known.
    `seen` = the in-cycle wins they were told about (an interaction that discussed it) or verified.
    Strongest stage first, then influence.
    """
    cols = ["name", "relationship", "title", "advocacy_stage", "influence", "last_interaction", "days_since",
            "recent", "seen"]
    if contacts.empty:
        return pd.DataFrame(columns=cols)
    c = contacts[contacts["advocacy_stage"].isin(ADVOCATE_STAGES)].copy()
    if employer:
        c = c[(c["company"] == employer) | (c["company"].fillna("") == "")]
    if c.empty:
        return pd.DataFrame(columns=cols)
    titles = dict(zip(cycle_accs["id"], cycle_accs["title"], strict=True)) if not cycle_accs.empty else {}
    seen_by: dict[int, dict[int, str]] = {}
    for s in seen.itertuples():
        if s.accomplishment_id in titles:
            labels = seen_by.setdefault(s.contact_id, {})
            if s.how == "verified" or s.accomplishment_id not in labels:
                suffix = " (verified a metric)" if s.how == "verified" else ""
                labels[s.accomplishment_id] = titles[s.accomplishment_id] + suffix
    last = [to_date(v) for v in c["last_interaction"]]
    c["last_interaction"] = last
    c["days_since"] = [(today - d).days if d else None for d in last]
    c["recent"] = [d is not None and (today - d).days <= ADVOCATE_RECENT_DAYS for d in last]
    c["seen"] = [list(seen_by.get(i, {}).values()) for i in c["id"]]
    c["stage_rank"] = c["advocacy_stage"].map(STAGE_RANK)
    c = c.sort_values(["stage_rank", "influence", "name"], ascending=[False, False, True]).head(MAX_ADVOCATES)
    return c[cols].reset_index(drop=True)


def section_of(comp_keys: list[str], groups: dict[str, str]) -> str:
    """The case section an accomplishment goes in: the one most of its competencies map to."""
    votes: dict[str, int] = {}
    for key in comp_keys:
        section = SECTION_OF_COMPETENCY.get(key) or SECTION_OF_GROUP.get(groups.get(key, ""), "scope")
        votes[section] = votes.get(section, 0) + 1
    if not votes:
        return "scope"
    best = max(votes.values())
    return next(s for s in SECTION_TIE_ORDER if votes.get(s) == best)


# --- the whole analysis ---------------------------------------------------------------------


@dataclass
class CaseAnalysis:
    """Everything the page, the draft, the linter and the CLI need about one case."""

    target: str
    target_title: str
    current: str | None
    current_title: str
    cycle_start: dt.date
    cycle_end: dt.date
    today: dt.date
    profile: dict | None
    accomplishments: pd.DataFrame  # all, with in_cycle, last_active, points
    cycle_accs: pd.DataFrame
    links: pd.DataFrame
    competencies: pd.DataFrame
    strength: pd.DataFrame
    coverage: pd.DataFrame  # at the target level
    readiness: Readiness
    suggestions: pd.DataFrame
    gaps: list[Gap]
    totals: CaseTotals
    metrics: pd.DataFrame  # in the cycle
    advocates: pd.DataFrame
    contacts: pd.DataFrame
    sections: dict[str, list[int]]
    comp_names: dict[str, str]


def analyse(inputs, target: str, cycle_start: dt.date, cycle_end: dt.date, today: dt.date) -> CaseAnalysis:
    """Build the case for `target` over the cycle from a `queries.promotion.CaseInputs`."""
    levels = inputs.levels
    current = (inputs.profile or {}).get("current_level") or None
    metrics_all = inputs.metrics
    verified = metrics_all.loc[metrics_all["confidence"] == "verified", "accomplishment_id"].value_counts().to_dict() \
        if not metrics_all.empty else {}
    accs = with_cycle(inputs.accomplishments, cycle_start, cycle_end, today, verified)
    cycle_accs = accs[accs["in_cycle"]].reset_index(drop=True) if not accs.empty else accs
    strength = evidence_strength(cycle_accs, inputs.links, inputs.competencies)
    cov = coverage(strength, inputs.expectations, target)
    suggested = suggestions(cycle_accs, inputs.skills, inputs.links, inputs.competencies)
    in_ids = set(cycle_accs["id"]) if not cycle_accs.empty else set()
    metrics = inputs.metrics[inputs.metrics["accomplishment_id"].isin(in_ids)]
    groups = dict(zip(inputs.competencies["key"], inputs.competencies["group"], strict=True))
    keys_of = competencies_by_accomplishment(inputs.links)
    sections: dict[str, list[int]] = {s: [] for s in EVIDENCE_SECTIONS}
    for acc_id in cycle_accs.sort_values("points", ascending=False)["id"] if not cycle_accs.empty else []:
        sections[section_of(keys_of.get(acc_id, []), groups)].append(int(acc_id))
    return CaseAnalysis(
        target=target,
        target_title=level_title(levels, target),
        current=current,
        current_title=level_title(levels, current) if current else "",
        cycle_start=cycle_start,
        cycle_end=cycle_end,
        today=today,
        profile=inputs.profile,
        accomplishments=accs,
        cycle_accs=cycle_accs,
        links=inputs.links,
        competencies=inputs.competencies,
        strength=strength,
        coverage=cov,
        readiness=readiness(cov, target),
        suggestions=suggested,
        gaps=gaps(cov, suggested, cycle_accs, inputs.links),
        totals=case_totals(cycle_accs, inputs.metrics),
        metrics=metrics,
        advocates=advocates(inputs.contacts, inputs.seen, cycle_accs, inputs.current_employer, today),
        contacts=inputs.contacts,
        sections=sections,
        comp_names=dict(zip(inputs.competencies["key"], inputs.competencies["name"], strict=True)),
    )


def evidence_table(analysis: CaseAnalysis) -> pd.DataFrame:
    """One row per in-cycle accomplishment: its active competencies, points and where it goes in the case."""
    cols = ["id", "title", "span", "scope", "metrics", "points", "competencies", "section"]
    accs = analysis.cycle_accs
    if accs.empty:
        return pd.DataFrame(columns=cols)
    keys_of = competencies_by_accomplishment(analysis.links)
    section_by_id = {i: SECTIONS[s] for s, ids in analysis.sections.items() for i in ids}
    rows = []
    for a in accs.sort_values("points", ascending=False).itertuples():
        keys = keys_of.get(a.id, [])
        rows.append({
            "id": int(a.id), "title": a.title, "span": format_span(a.start_date, a.end_date),
            "scope": a.scope, "metrics": int(a.metrics), "points": round(float(a.points), 2),
            "competencies": ", ".join(analysis.comp_names.get(k, k) for k in keys),
            "section": section_by_id.get(int(a.id), ""),
        })
    return pd.DataFrame(rows, columns=cols)


# --- the drafted case (Markdown) ------------------------------------------------------------


def _claim(a, metrics: pd.DataFrame, first_metric: dict[int, int] | None = None) -> str:
    """One evidence bullet: the title (past tense), when and where, the result, a metric and a link.

    `first_metric` maps an accomplishment id to the position of its first row in `metrics`
    (see `_first_rows`), so a draft of many wins does not filter the metrics once per win."""
    body = (a.result or a.action or "").strip()
    line = f"- **{escape_md(a.title)}** ({format_span(a.start_date, a.end_date)}, {SCOPE_LABELS.get(a.scope, a.scope)})"
    if body:
        line += f": {escape_md(body)}"
    if not _has_number(body):
        first = _first_rows(metrics) if first_metric is None else first_metric
        if a.id in first:
            m = metrics.iloc[first[a.id]]
            line += f" Metric: {escape_md(m['description'])}, {_before_after(m)}."
    links = list(a.links) if _has_links(a.links) else []
    if links:
        first = str(links[0])
        if re.match(r"https?://", first):
            line += f" [link]({first.replace(')', '%29').replace(' ', '%20')})"
        else:
            line += f" ({escape_md(first)})"
    return line


def _first_rows(metrics: pd.DataFrame) -> dict[int, int]:
    """{accomplishment id: position of its first row in `metrics`}."""
    first: dict[int, int] = {}
    for pos, acc_id in enumerate(metrics["accomplishment_id"]):
        first.setdefault(acc_id, pos)
    return first


def _before_after(m) -> str:
    unit = f" {escape_md(m['unit'])}" if m["unit"] else ""
    if pd.notna(m["baseline"]) and pd.notna(m["new_value"]):
        return f"{format_number(m['baseline'])} → {format_number(m['new_value'])}{unit}"
    if pd.notna(m["new_value"]):
        return f"{format_number(m['new_value'])}{unit}"
    return "—"


def draft_case(analysis: CaseAnalysis) -> str:
    """The case as Markdown, deterministically from the data: same data, same text."""
    a = analysis
    p = a.profile or {}
    name = p.get("name") or "The candidate"
    first = name.split()[0] if p.get("name") else "They"
    target = f"{a.target_title} ({a.target})" if a.target_title != a.target else a.target
    t = a.totals
    r = a.readiness
    lines = [f"# Promotion case: {escape_md(name)} for {escape_md(target)}", "",
             f"Review cycle {format_day(a.cycle_start)} – {format_day(a.cycle_end)} · "
             f"drafted {format_day(a.today)} from the career file", ""]

    # Summary
    lines += [f"## {SECTIONS['summary']}", ""]
    who = escape_md(name)
    if p.get("current_title"):
        now = escape_md(p["current_title"]) + (f", {escape_md(a.current)}" if a.current else "")
        who += f" ({now})"
    summary = f"{who} is proposed for **{escape_md(target)}**."
    if t.wins:
        scopes = scope_counts(a.cycle_accs)
        scope_text = ", ".join(f"{n} {SCOPE_LABELS[s]}" for s, n in scopes.items())
        summary += f" In this cycle {escape_md(first)} delivered {plural(t.wins, 'accomplishment')} ({scope_text})"
        if t.money or t.hours:
            parts = []
            if t.money:
                parts.append(f"**{format_money(t.money)} a year** of quantified impact")
            if t.hours:
                parts.append(f"{t.hours:,.0f} hours a year saved")
            summary += " with " + " and ".join(parts)
            if t.money:
                summary += (f" (own estimates; {format_money(t.verified_money)} of it verified by a colleague)"
                            if t.verified_money else " (own estimates)")
        summary += "."
    else:
        summary += " No accomplishment is logged in this cycle yet."
    if r.total:
        summary += f" The evidence meets the {escape_md(a.target)} bar in {r.at_bar} of {r.total} competencies"
        summary += "; the gaps and the plan to close them are at the end." if r.at_bar < r.total else "."
    lines += [summary, ""]

    # Impact
    lines += [f"## {SECTIONS['impact']}", ""]
    if t.metrics:
        cats = ", ".join(f"{c} {format_money(v)}" for c, v in sorted(t.by_category.items(), key=lambda kv: -kv[1]))
        lead = (f"Quantified impact in the cycle: **{format_money(t.money)} a year**"
                + (f" ({cats})" if cats else "")
                + f" and **{t.hours:,.0f} hours a year** saved, from {plural(t.metrics, 'metric')} on "
                f"{t.quantified_wins} of {plural(t.wins, 'accomplishment')}. Money figures are own annualised "
                "estimates.")
        lines += [lead, ""]
        lines += ["| Accomplishment | What changed | Before → after | Value a year | Confidence |",
                  "| --- | --- | --- | --- | --- |"]
        titles = dict(zip(a.cycle_accs["id"], a.cycle_accs["title"], strict=True))
        ordered = a.metrics.assign(_m=a.metrics["money_usd"].fillna(-1), _h=a.metrics["hours"].fillna(-1))
        ordered = ordered.sort_values(["_m", "_h", "id"], ascending=[False, False, True])
        for m in ordered.itertuples():
            value = format_money(m.money_usd) if pd.notna(m.money_usd) else (
                f"{m.hours:,.0f} h" if pd.notna(m.hours) else "—")
            conf = m.confidence + (f" by {escape_md(m.verified_by)}" if m.verified_by and pd.notna(m.verified_by) else "")
            row = m._asdict()
            lines.append(f"| {escape_md(titles.get(m.accomplishment_id, ''))} | {escape_md(m.description)} | "
                         f"{_before_after(row)} | {value} | {conf} |")
        lines.append("")
    else:
        lines += ["_No impact metric on an accomplishment in this cycle yet: add a baseline and a new value._", ""]

    # Evidence sections
    by_id = {int(x.id): x for x in a.cycle_accs.itertuples()} if not a.cycle_accs.empty else {}
    first_metric = _first_rows(a.metrics)
    for key in EVIDENCE_SECTIONS:
        lines += [f"## {SECTIONS[key]}", ""]
        ids = a.sections.get(key, [])
        if key == "scope" and by_id:
            scopes = scope_counts(a.cycle_accs)
            lines += ["Scope in the cycle: " + ", ".join(f"{n} {SCOPE_LABELS[s]}" for s, n in scopes.items())
                      + (" accomplishments." if sum(scopes.values()) > 1 else " accomplishment."), ""]
        if ids:
            lines += [_claim(by_id[i], a.metrics, first_metric) for i in ids] + [""]
        else:
            lines += ["_Nothing in this cycle is linked to this section yet._", ""]

    # Advocates
    lines += [f"## {SECTIONS['advocates']}", ""]
    if a.advocates.empty:
        lines += ["_No supporter, advocate or sponsor recorded yet: add contacts and their advocacy stage._", ""]
    else:
        for c in a.advocates.itertuples():
            when = f"last spoke {format_day(c.last_interaction)}" if c.last_interaction else "no conversation logged"
            what = ("has seen " + ", ".join(f"“{escape_md(s)}”" for s in c.seen[:3])) if c.seen else \
                "has not yet been told about a win from this cycle"
            lines.append(f"- **{escape_md(c.name)}**, {c.relationship} ({c.advocacy_stage}, influence "
                         f"{int(c.influence)}/5; {when}): {what}.")
        lines.append("")

    # Gaps and plan
    lines += [f"## {SECTIONS['gaps']}", ""]
    if not a.gaps:
        lines += [f"- No gap against the {escape_md(a.target)} expectations in this cycle. Plan: keep logging wins "
                  "as they happen and keep advocates current.", ""]
    for g in a.gaps:
        state = "no evidence in this cycle" if g.strength <= 0 else f"evidence {g.strength:.1f} of {g.target}"
        lines.append(f"- **{escape_md(g.name)}**: {state} ({escape_md(a.target)} expects {g.target}/5: "
                     f"{escape_md(g.expectation)}) Plan: {escape_md(' '.join(g.plan))}")
    lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --- the linter ------------------------------------------------------------------------------

LINT_RULES = {
    "no_proof": "Claim without a metric or a link",
    "tense": "Claim not in the past tense",
    "outside_cycle": "Evidence outside the review cycle",
    "uncovered": "Target-level competency without evidence",
    "no_gaps": "No gaps section",
    "stale_advocate": "Advocate with no recent interaction",
}


@dataclass(frozen=True)
class Finding:
    """One problem in the draft, pointing at the line (1-based) and the text to fix."""

    rule: str
    line: int | None
    excerpt: str
    message: str

    @property
    def title(self) -> str:
        return LINT_RULES[self.rule]


@dataclass(frozen=True)
class DraftLine:
    number: int
    text: str
    section: str  # a key of SECTIONS, "title", "other" or "" before any heading
    heading: bool
    bullet: str | None  # the bullet's text without its marker


_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*\S)\s*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def section_kind(heading: str) -> str:
    h = heading.lower()
    for key, words in (("gaps", ("gap",)), ("advocates", ("advocate", "sponsor", "support")),
                       ("summary", ("summary",)), ("impact", ("impact",)), ("scope", ("scope", "complexity")),
                       ("leverage", ("leverage", "mentor")), ("leadership", ("leadership",)),
                       ("glue", ("glue",))):
        if any(w in h for w in words):
            return key
    return "other"


def parse_draft(markdown: str) -> list[DraftLine]:
    out, section = [], ""
    for n, text in enumerate(markdown.splitlines(), start=1):
        head = _HEADING.match(text)
        if head:
            section = "title" if len(head.group(1)) == 1 else section_kind(head.group(2))
            out.append(DraftLine(n, text, section, True, None))
            continue
        bullet = _BULLET.match(text)
        out.append(DraftLine(n, text, section, False, bullet.group(1) if bullet else None))
    return out


IRREGULAR_PAST = set(re.findall(r"\S+", """
    led built drove ran wrote made took cut set grew won began brought found gave kept got spoke taught thought
    sold sought held became chose overcame rewrote rebuilt undertook oversaw stood put shut split spent sent met
    paid laid told understood withdrew drew knew saw did went came rode broke fought bought caught dealt fed fell
    felt forgave froze hid hit hung lent let lit lost meant mistook outgrew quit read rose rang sank shook shone
    shot sang sat slept slid spun spread stuck struck swept swore swam swung tore threw upheld wove wound
    was were had co-led mentored coached
"""))
NOT_PAST_ED = {"need", "feed", "speed", "seed", "embed", "proceed", "exceed", "succeed", "indeed",
               "bed", "red", "shed", "wed", "breed", "bleed", "weed", "reed", "greed", "heed"}
_QUANT_WORDS = re.compile(r"\b(doubled|doubling|tripled|tripling|halved|halving|zero|twice|thrice|two|three|four|"
                          r"five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|"
                          r"percent)\b", re.I)
_LINK = re.compile(r"https?://|\[[^\]]+\]\([^)]+\)|\b(?:PR|MR|RFC|ADR|issue)\s*#?\d+|#\d{2,}", re.I)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b",
                             re.I)
_MONTH_YEAR = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b", re.I)
_QUARTER = re.compile(r"\bQ([1-4])\s+(\d{4})\b", re.I)
_YEAR = re.compile(r"\b(?:in|since|during|from|throughout|by|of|early|late|mid-?)\s+((?:19|20)\d{2})\b", re.I)
_ALL_YEARS = re.compile(r"\b(?:19|20)\d{2}\b")
_ONGOING = re.compile(r"\b(ongoing|present|to date|today|now)\b", re.I)


def _strip_dates(text: str) -> str:
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_YEAR, _QUARTER, _ALL_YEARS):
        text = pattern.sub(" ", text)
    return text


def has_metric(text: str) -> bool:
    """A number that is not a date, or a word like 'doubled'."""
    return bool(re.search(r"\d", _strip_dates(text)) or _QUANT_WORDS.search(text))


def _has_number(text: str) -> bool:
    return has_metric(text)


def has_link(text: str) -> bool:
    return bool(_LINK.search(text))


def first_word(claim: str) -> str:
    text = re.sub(r"[*_`~\\]", "", claim).strip()
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", text)
    if words and words[0].lower() in {"i", "we"} and len(words) > 1:
        words = words[1:]
    return words[0] if words else ""


def is_past_tense(word: str) -> bool:
    w = word.lower()
    if not w:
        return False
    last = w.split("-")[-1]
    if w in IRREGULAR_PAST or last in IRREGULAR_PAST:
        return True
    return last.endswith("ed") and last not in NOT_PAST_ED and len(last) > 3


def date_spans(text: str, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Every date or period a line mentions, as (first day, last day); 'ongoing' counts as today."""
    spans = []
    taken = text
    for m in _ISO.finditer(text):
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            spans.append((day, day))
        except ValueError:
            pass
    taken = _ISO.sub(" ", taken)
    for m in _DAY_MONTH_YEAR.finditer(taken):
        try:
            day = dt.date(int(m[3]), _MONTHS[m[2].lower()[:3]], int(m[1]))
            spans.append((day, day))
        except ValueError:
            pass
    taken = _DAY_MONTH_YEAR.sub(" ", taken)
    for m in _MONTH_YEAR.finditer(taken):
        year, month = int(m[2]), _MONTHS[m[1].lower()[:3]]
        spans.append((dt.date(year, month, 1), _month_end(year, month)))
    taken = _MONTH_YEAR.sub(" ", taken)
    for m in _QUARTER.finditer(taken):
        year, q = int(m[2]), int(m[1])
        spans.append((dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)))
    taken = _QUARTER.sub(" ", taken)
    for m in _YEAR.finditer(taken):
        year = int(m[1])
        spans.append((dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if spans and _ONGOING.search(text):
        spans.append((today, today))
    return spans


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


NAMED_MIN_CHARS = 12  # shorter titles ("Migration") would match ordinary words in the draft


class NamedWin(NamedTuple):
    """An accomplishment the linter recognises by its title in a draft line."""

    key: str  # the casefolded title
    title: str
    start: dt.date | None
    end: dt.date | None


# A title is looked up only within one line of the draft, so one holding a line break never matches.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Up to this many distinct title prefixes, searching the whole draft for each (a fast C loop) beats
# looking up every position of it in the prefix index (a Python loop).
FIND_MAX_PREFIXES = 200


@dataclass(frozen=True, eq=False)
class Linter:
    """The case's side of `lint_case`, prepared once so checking a draft costs time in proportion to the
    draft, not to the career file.

    A line names a title only where it contains the title's first NAMED_MIN_CHARS characters, so the
    casefolded titles are indexed by that prefix. The draft's lines are searched for each distinct
    prefix (or, with many prefixes, every position of a line is looked up in the index), and each place
    a prefix occurs is compared with the titles of each length that start with it, instead of
    searching every line for every accomplishment's title.
    """

    cycle_start: dt.date
    cycle_end: dt.date
    today: dt.date
    wins: tuple[NamedWin, ...]  # in the accomplishments' order
    keys: dict[str, list[int]]  # casefolded title -> its positions in `wins`
    # first NAMED_MIN_CHARS characters of a key -> the lengths of the keys starting with them; a title
    # that casefolded shorter (never seen, but cheap to allow) is under "" with length 0
    prefixes: dict[str, set[int]]
    uncovered: tuple[str, ...]
    people: tuple[tuple[str, str, dt.date | None], ...]  # (casefolded name, name, last interaction)

    @classmethod
    def build(cls, *, cycle_start: dt.date, cycle_end: dt.date, today: dt.date, accomplishments: pd.DataFrame,
              uncovered: list[str], contacts: pd.DataFrame) -> Linter:
        wins = []
        if not accomplishments.empty:
            for title, start, end in zip(accomplishments["title"].tolist(), _dates(accomplishments["start_date"]),
                                         _dates(accomplishments["end_date"]), strict=True):
                if len(str(title)) >= NAMED_MIN_CHARS:
                    wins.append(NamedWin(str(title).casefold(), title, start, end))
        keys: dict[str, list[int]] = {}
        prefixes: dict[str, set[int]] = {}
        for i, win in enumerate(wins):
            if _LINE_BREAKS.search(win.key):
                continue
            keys.setdefault(win.key, []).append(i)
            if len(win.key) >= NAMED_MIN_CHARS:
                prefixes.setdefault(win.key[:NAMED_MIN_CHARS], set()).add(len(win.key))
            else:
                prefixes.setdefault("", set()).add(0)
        people = () if contacts.empty else tuple(
            (str(name).casefold(), str(name), last)
            for name, last in zip(contacts["name"].tolist(), _dates(contacts["last_interaction"]), strict=True))
        return cls(cycle_start, cycle_end, today, tuple(wins), keys, prefixes, tuple(uncovered), people)

    def named(self, lines: list[str]) -> list[list[NamedWin]]:
        """For each casefolded line (none holding a line break), the accomplishments whose casefolded
        title occurs in it (`key in line`), in the accomplishments' order."""
        n = NAMED_MIN_CHARS
        found: list[set[int]] = [set() for _ in lines]
        indexed = {p: lengths for p, lengths in self.prefixes.items() if p}

        def add(row: int, text: str, at: int, lengths: set[int]) -> None:
            for length in lengths:
                found[row].update(self.keys.get(text[at:at + length], ()))

        if len(indexed) <= FIND_MAX_PREFIXES:
            text = "\n".join(lines)  # a key holds no line break, so a match never spans two lines
            starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
            for prefix, lengths in indexed.items():
                at = text.find(prefix)
                while at != -1:
                    add(bisect.bisect_right(starts, at) - 1, text, at, lengths)
                    at = text.find(prefix, at + 1)
        else:
            for row, line in enumerate(lines):
                for prefix in {line[i:i + n] for i in range(len(line) - n + 1)}.intersection(indexed):
                    at = line.find(prefix)
                    while at != -1:
                        add(row, line, at, indexed[prefix])
                        at = line.find(prefix, at + 1)
        if "" in self.prefixes:
            short = [(key, positions) for key, positions in self.keys.items() if len(key) < n]
            for row, line in enumerate(lines):
                for key, positions in short:
                    if key in line:
                        found[row].update(positions)
        return [[self.wins[i] for i in sorted(rows)] for rows in found]

    def check(self, markdown: str) -> list[Finding]:
        """The findings of `lint_case` for this draft."""
        cycle_start, cycle_end, today = self.cycle_start, self.cycle_end, self.today
        lines = parse_draft(markdown)
        # The lines that can name an accomplishment, looked up all at once.
        named_in = [ln for ln in lines if not ln.heading and ln.text.strip()
                    and ln.section not in ("advocates", "gaps", "title")]
        named_by_line = dict(zip((ln.number for ln in named_in),
                                 self.named([ln.text.replace("\\", "").casefold() for ln in named_in]), strict=True))
        found: list[Finding] = []
        for ln in lines:
            if ln.heading or not ln.text.strip():
                continue
            plain = ln.text.replace("\\", "")
            if ln.bullet is not None and ln.section not in ("summary", "advocates", "gaps"):
                claim = ln.bullet
                if not has_metric(claim) and not has_link(claim):
                    found.append(Finding("no_proof", ln.number, claim, "Add a number (before → after, money, hours, "
                                                                       "people) or a link to the evidence."))
                word = first_word(claim)
                if not is_past_tense(word):
                    found.append(Finding("tense", ln.number, claim,
                                         f"Start with what you did, in the past tense (e.g. “Led”, “Built”, “Cut”), "
                                         f"not “{word or '…'}”."))
            if ln.section in ("advocates", "gaps", "title"):
                continue
            named = named_by_line[ln.number]
            if named:
                for a in named:
                    start, end = a.start, a.end
                    last = end or today
                    if start and (start > cycle_end or last < cycle_start):
                        found.append(Finding("outside_cycle", ln.number, ln.text.strip(),
                                             f"“{a.title}” was done {format_span(start, end)}, outside the cycle "
                                             f"{format_day(cycle_start)} – {format_day(cycle_end)}: move it to "
                                             "context or drop it."))
                continue
            spans = date_spans(plain, today)
            if spans and not any(s <= cycle_end and e >= cycle_start for s, e in spans):
                found.append(Finding("outside_cycle", ln.number, ln.text.strip(),
                                     f"Every date on this line is outside the cycle {format_day(cycle_start)} – "
                                     f"{format_day(cycle_end)}: reviewers weigh this cycle's evidence."))

        gaps_heading = next((ln for ln in lines if ln.heading and ln.section == "gaps"), None)
        gap_lines = [ln for ln in lines if ln.section == "gaps" and not ln.heading and ln.text.strip()]
        if gaps_heading is None:
            found.append(Finding("no_gaps", None, "",
                                 "Add a “## Gaps and plan” section: naming your gaps and how you close them is what "
                                 "makes the rest credible."))
        elif not gap_lines:
            found.append(Finding("no_gaps", gaps_heading.number, gaps_heading.text.strip(),
                                 "The gaps section is empty: name each gap and the plan to close it."))

        for name in self.uncovered:
            hit = next((ln for ln in gap_lines if name.casefold() in ln.text.replace("\\", "").casefold()), None)
            if hit:
                found.append(Finding("uncovered", hit.number, hit.text.strip(),
                                     f"{name} has no evidence in the cycle: link or confirm a win, or keep the plan "
                                     "here concrete (who, what, by when)."))
            else:
                target = gaps_heading
                found.append(Finding("uncovered", target.number if target else None,
                                     target.text.strip() if target else "",
                                     f"{name} has no evidence in the cycle and the gaps section does not name it: "
                                     "add it with a plan."))

        if self.people:
            for ln in lines:
                if ln.section != "advocates" or ln.heading:
                    continue
                plain = ln.text.replace("\\", "").casefold()
                for key, name, last in self.people:
                    if key in plain and (last is None or (today - last).days > ADVOCATE_RECENT_DAYS):
                        when = f"{(today - last).days} days ago" if last else "never"
                        found.append(Finding("stale_advocate", ln.number, ln.text.strip(),
                                             f"You last talked to {name} {when}: advocates repeat what they heard "
                                             f"recently. Catch up before the review (within {ADVOCATE_RECENT_DAYS} "
                                             "days)."))
        order = list(LINT_RULES)
        return sorted(found, key=lambda f: (f.line if f.line is not None else 10**9, order.index(f.rule)))


def lint_case(markdown: str, *, cycle_start: dt.date, cycle_end: dt.date, today: dt.date,
              accomplishments: pd.DataFrame, uncovered: list[str], contacts: pd.DataFrame) -> list[Finding]:
    """Check a draft against the rules of a good case; each finding names the line to fix.

    * no_proof: an evidence bullet (any bullet outside Summary, Advocates and Gaps) with no number
      (dates do not count) and no link (URL, Markdown link, PR/MR/RFC number).
    * tense: an evidence bullet whose first word (after "I"/"We") is not a past-tense verb.
    * outside_cycle: a line naming an accomplishment (a title of at least NAMED_MIN_CHARS
      characters) done outside the cycle, or whose dates all fall outside it (Advocates and Gaps
      are exempt: they talk about people and plans).
    * uncovered: a target-level competency with no evidence (`uncovered` names); it points at the
      gaps line naming it, else at the gaps heading, else at nothing.
    * no_gaps: no "Gaps" heading, or one with nothing under it.
    * stale_advocate: an Advocates line naming a contact last spoken to more than
      ADVOCATE_RECENT_DAYS ago (or never).

    To check many drafts against the same case, build the `Linter` once and call its `check`.
    """
    return Linter.build(cycle_start=cycle_start, cycle_end=cycle_end, today=today, accomplishments=accomplishments,
                        uncovered=uncovered, contacts=contacts).check(markdown)


def linter(analysis: CaseAnalysis, accomplishments: pd.DataFrame | None = None) -> Linter:
    """The `Linter` of a case: the analysis's cycle, uncovered competencies and contacts, and the titles
    and dates of `accomplishments` (default: the analysis's own; every accomplishment, so a line naming
    one from outside the cycle is caught)."""
    return Linter.build(cycle_start=analysis.cycle_start, cycle_end=analysis.cycle_end, today=analysis.today,
                        accomplishments=analysis.accomplishments if accomplishments is None else accomplishments,
                        uncovered=analysis.readiness.no_evidence, contacts=analysis.contacts)


def lint(markdown: str, analysis: CaseAnalysis) -> list[Finding]:
    """`lint_case` with the analysis's cycle, accomplishments, uncovered competencies and contacts."""
    return linter(analysis).check(markdown)


# --- versions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class VersionDiff:
    text: str  # unified diff ('' when identical)
    added: int
    removed: int


def version_diff(old: str, new: str, old_label: str = "before", new_label: str = "after") -> VersionDiff:
    """A unified diff of two drafts (difflib), with the count of added and removed lines."""
    lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(), fromfile=old_label, tofile=new_label,
                                      lineterm="", n=1))
    added = sum(1 for x in lines if x.startswith("+") and not x.startswith("+++"))
    removed = sum(1 for x in lines if x.startswith("-") and not x.startswith("---"))
    return VersionDiff("\n".join(lines), added, removed)


# --- cultivating the lead -------------------------------------------------------------------


@dataclass(frozen=True)
class PlanStep:
    """One step of the plan, back-scheduled from the review date."""

    key: str
    title: str
    why: str
    due: dt.date
    role: str  # manager / sponsor / skip / advocates
    contact: str | None  # who, from the network data


# (key, days before the review, role, title, why)
PLAN_TEMPLATE = (
    ("ask_bar", 182, "manager", "Ask {manager} what “knocking it out of the park” looks like at {target}",
     "Six months ahead there is still time to do the work the answer asks for."),
    ("sponsor_1", 154, "sponsor", "Tell {sponsor} you are going for {target}; ask what they need to see",
     "A sponsor can only argue for a case they know about."),
    ("skip_1", 133, "skip", "Skip-level check-in with {skip}: share this cycle's wins, ask how {target} is calibrated",
     "The skip-level usually sits in calibration."),
    ("sponsor_2", 112, "sponsor", "Sponsor check-in with {sponsor}: a short written update of the latest wins",
     "Regular, short updates keep the sponsor's story current."),
    ("mid_review", 91, "manager", "Mid-cycle review of the draft with {manager}: which gap would block {target}?",
     "Three months leave room to close a gap before the case is final."),
    ("sponsor_3", 70, "sponsor", "Sponsor check-in with {sponsor}: the gaps you closed since the mid-cycle review",
     "Show movement on the gaps your manager named."),
    ("skip_2", 63, "skip", "Second skip-level check-in with {skip}: the case in three sentences",
     "Calibration conversations start before the meeting."),
    ("quotes", 49, "advocates", "Ask two or three advocates for a one-line quote on what they saw",
     "Quotes from outside your team show scope."),
    ("sponsor_4", 28, "sponsor", "Brief {sponsor} before calibration: the three claims to repeat",
     "Make the sponsor's job easy: short, quantified, memorable."),
    ("final_case", 21, "manager", "Send the final case to {manager}",
     "Managers need time to turn your case into their packet."),
)
PLAN_STEP_KEYS = tuple(k for k, *_ in PLAN_TEMPLATE)


def plan_contacts(contacts: pd.DataFrame) -> dict[str, str | None]:
    """Who plays each role: the manager, the skip-level and the sponsor (most influential, then most recent)."""
    out: dict[str, str | None] = {"manager": None, "skip": None, "sponsor": None}
    if contacts.empty:
        return out
    ranked = contacts.assign(_last=pd.to_datetime(contacts["last_interaction"])).sort_values(
        ["influence", "_last"], ascending=[False, False], na_position="last")
    for role in ("manager", "skip", "sponsor"):
        match = ranked[ranked["relationship"] == role]
        if role == "sponsor" and match.empty:
            match = ranked[ranked["advocacy_stage"] == "sponsor"]
        if not match.empty:
            out[role] = str(match.iloc[0]["name"])
    return out


def plan_steps(review_date: dt.date, contacts: pd.DataFrame, target_label: str) -> list[PlanStep]:
    """The cultivating-the-lead plan: each step `days` before the review, with who it is with."""
    who = plan_contacts(contacts)
    names = {"manager": who["manager"] or "your manager", "skip": who["skip"] or "your skip-level",
             "sponsor": who["sponsor"] or "your sponsor", "target": target_label}
    steps = []
    for key, days, role, title, why in PLAN_TEMPLATE:
        steps.append(PlanStep(key, title.format(**names), why, review_date - dt.timedelta(days=days), role,
                              who.get(role)))
    return steps


DUE_SOON_DAYS = 14


def plan_status(stored: str | None, due: dt.date, today: dt.date) -> str:
    """Done / Skipped as stored; otherwise Overdue (past due), Due soon (within 14 days) or Upcoming."""
    if stored == "done":
        return "Done"
    if stored == "skipped":
        return "Skipped"
    if due < today:
        return "Overdue"
    if (due - today).days <= DUE_SOON_DAYS:
        return "Due soon"
    return "Upcoming"


def plan_table(steps: list[PlanStep], states: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """The plan with each step's status and the conversation logged against it."""
    by_key = {r.step_key: r for r in states.itertuples()} if not states.empty else {}
    rows = []
    for s in steps:
        st = by_key.get(s.key)
        logged = None
        if st is not None and st.logged_on is not None and not pd.isna(st.logged_on):
            logged = f"{format_day(to_date(st.logged_on))} · {st.contact} · {st.channel}: {st.notes}"
        rows.append({"key": s.key, "due": s.due, "step": s.title, "with": s.contact or "—",
                     "status": plan_status(st.status if st is not None else None, s.due, today),
                     "conversation": logged or "", "why": s.why})
    return pd.DataFrame(rows, columns=["key", "due", "step", "with", "status", "conversation", "why"])


def plan_progress(table: pd.DataFrame) -> dict[str, int]:
    counts = table["status"].value_counts() if not table.empty else pd.Series(dtype=int)
    return {s: int(counts.get(s, 0)) for s in ("Done", "Overdue", "Due soon", "Upcoming", "Skipped")}


def days_until(day: dt.date, today: dt.date) -> int:
    return (day - today).days


def readiness_label(r: Readiness) -> str:
    return "—" if r.score is None or math.isnan(r.score) else f"{r.score:.0%}"

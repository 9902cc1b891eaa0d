"""Suggested links from the cycle's wins to the ladder's competencies.

A win is suggested for a competency when the competency's keywords (from its name, description and
COMPETENCY_KEYWORDS) occur in the win's text or skills, scored by where they occur; a competency with
a link of any status is never suggested again for that win."""

from __future__ import annotations

import functools
import re

import pandas as pd

from careerdata.core.money import format_money
from careerdata.promotion.evidence import SCOPE_PHRASES, number_or_zero

SUGGESTION_MIN_SCORE = 2.0


MAX_SUGGESTIONS_PER_WIN = 3


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
                reasons.append(f"{SCOPE_PHRASES[a.scope]} scope")
            if key == "impact" and number_or_zero(a.money_usd) > 0 and a.scope != "team":
                score += 1
                reasons.append(f"{format_money(a.money_usd)}/yr at {SCOPE_PHRASES[a.scope]} scope")
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

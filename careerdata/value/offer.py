"""Your value proposition: the customer's needs, your proof, the impact ledger and the pitch.

The career is a product and the employer is the customer. Everything here is a pure function
over small DataFrames (from `careerdata.value.queries` and `careerdata.matrix.queries`);
`today` is always passed in; nothing calls an external service.

**The customer** is one target: one of your target roles, or an O*NET occupation when you have
none. Its *jobs* are what it hires the role to do: the ladder's expectations for the target level
(one per competency) and the O*NET tasks of its occupation (core tasks first). Its *pains* and
*gains* are read from those same sentences:

* an impact category is a **pain** (cost, time, reliability, risk: something to relieve) or a
  **gain** (revenue, users: something to create) of the customer when at least one of its job
  sentences uses one of the category's keywords (`CATEGORY_KEYWORDS`, matched at word starts);
  its weight is the number of sentences that do;
* each competency where the target level expects more than your current level is a **gain**
  ("what the next level adds"), weighted by the step (target − current); without a current level
  every expectation of the target level counts.

**The offer** matches each accomplishment to each need:

* category need: score = 3 × [it has an impact metric in that category] +
  min(3, distinct category keywords in its title and STAR text);
* competency need: score = 3 × [it is linked to that competency] +
  min(3, content words it shares with the expectation's sentence);

an accomplishment *addresses* a category need at score ≥ 3 (a metric alone is enough, text alone
needs three hits) and a competency need only when it is linked to the competency
(`careerdata.figures.evidence.linked_wins`, the links Competitors and the Promotion case count too):
a win that merely uses the competency's words is not proof of it until you link it. Proof is ranked by score, then money, hours and recency.
**Strongest skills** are your skills with evidence, ranked by evidence level × market value for the
target's occupation (both from `careerdata.matrix.skill_value`).

**The impact ledger** ("career P&L") adds up impact metrics by the quarter the work was done (end
date, or start date while ongoing), category and confidence. Money is your own annualised
estimate (USD per year) and hours are hours saved per year, so the cumulative line is the annual
run-rate of value you have delivered to date, not cash in a bank.

**The pitch** is drafted from the top evidence with fixed templates (30 seconds ≈ 65 words, two
minutes ≈ 250 words at 130 words a minute); you edit it and save versions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from careerdata.core import vocab
from careerdata.core.text import article, lower_first, serial_join, share_words, skill_phrase, text_or_none
from careerdata.figures import evidence as fevidence
from careerdata.figures import impact as fimpact
from careerdata.pnl.ledger import metric_phrases
from careerdata.value.targets import Target
from careerdata.value.words import content_words, text_features, text_features_cached

MATCH_STRONG = 3  # points for a metric in the need's category, or a link to the need's competency
MATCH_TEXT_CAP = 3  # at most this many points from words alone
MATCH_MIN = 3  # an accomplishment addresses a need from this score


# --- targets ------------------------------------------------------------------------------


# --- the customer -------------------------------------------------------------------------


# --- the offer ----------------------------------------------------------------------------


def accomplishment_text(acc: pd.DataFrame) -> pd.Series:
    parts = [acc[c].fillna("").astype(str) for c in ("title", "situation", "task", "action", "result")]
    out = parts[0]
    for p in parts[1:]:
        out = out + " " + p
    return out


def need_score(category: str | None, competency: str | None, need_words: set[str], words: set[str],
           hits: dict[str, int], acc_categories: set[str], acc_competencies: set[str]) -> int:
    if category:
        return (MATCH_STRONG if category in acc_categories else 0) + min(MATCH_TEXT_CAP, hits[category])
    return (MATCH_STRONG if competency in acc_competencies else 0) + min(MATCH_TEXT_CAP, len(need_words & words))


def match_score(need: dict, acc_text: str, acc_categories: set[str], acc_competencies: set[str]) -> int:
    """How strongly one accomplishment addresses one need (rules in the module docstring)."""
    words, hits = text_features(acc_text)
    return need_score(text_or_none(need.get("category")), text_or_none(need.get("competency_key")),
                  content_words(need.get("detail") or ""), words, hits, acc_categories, acc_competencies)


def accomplishment_impact(accomplishments: pd.DataFrame, metrics: pd.DataFrame) -> pd.DataFrame:
    """One row per accomplishment: money and hours a year (Σ of its metrics), its best metric (most
    money, then most hours), its surest confidence (verified > measured > estimated) and its categories."""
    cols = ["accomplishment_id", "money_usd", "hours", "metrics", "best_metric", "confidence", "categories"]
    if accomplishments.empty:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame({"accomplishment_id": accomplishments["id"].to_numpy()})
    if metrics.empty:
        return out.assign(money_usd=0.0, hours=0.0, metrics=0, best_metric="", confidence=None,
                          categories=[set() for _ in range(len(out))])[cols]
    m = metrics.assign(_m=metrics["money_usd"].fillna(0.0), _h=metrics["hours"].fillna(0.0),
                       _c=metrics["confidence"].map({c: i for i, c in enumerate(vocab.CONFIDENCES)}))
    agg = m.groupby("accomplishment_id").agg(money_usd=("_m", "sum"), hours=("_h", "sum"), metrics=("_m", "size"),
                                             _conf=("_c", "min"))
    categories: dict = {}
    for acc_id, category in zip(m["accomplishment_id"], m["category"], strict=True):
        categories.setdefault(acc_id, set()).add(category)
    agg["categories"] = pd.Series(list(categories.values()), index=list(categories), dtype=object)
    best = m.sort_values(["_m", "_h"], ascending=False, kind="stable").drop_duplicates("accomplishment_id")
    agg["best_metric"] = pd.Series(metric_phrases(best), index=best["accomplishment_id"].to_numpy())
    agg["confidence"] = agg["_conf"].map(lambda i: vocab.CONFIDENCES[int(i)] if pd.notna(i) else None)
    out = out.merge(agg.drop(columns="_conf"), left_on="accomplishment_id", right_index=True, how="left")
    out["money_usd"] = out["money_usd"].fillna(0.0).astype(float)
    out["hours"] = out["hours"].fillna(0.0).astype(float)
    out["metrics"] = out["metrics"].fillna(0).astype(int)
    out["best_metric"] = out["best_metric"].fillna("")
    out["confidence"] = out["confidence"].astype(object).where(out["confidence"].notna(), None)
    out["categories"] = [c if isinstance(c, set) else set() for c in out["categories"]]
    return out[cols].reset_index(drop=True)


def offer_matches(needs: pd.DataFrame, accomplishments: pd.DataFrame, metrics: pd.DataFrame,
                  links: pd.DataFrame, *, impact: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every (need, accomplishment) pair that addresses the need (`match_score` ≥ MATCH_MIN), best
    proof first per need.

    Columns: need_id, accomplishment_id, title, done_on, score, money_usd, hours, best_metric,
    confidence, rank (1 = best proof for that need). `impact`: `accomplishment_impact` of the same
    frames, when the caller already has it.
    """
    cols = ["need_id", "accomplishment_id", "title", "done_on", "score", "money_usd", "hours", "best_metric",
            "confidence", "rank"]
    if needs.empty or accomplishments.empty:
        return pd.DataFrame(columns=cols)
    impact = impact if impact is not None else accomplishment_impact(accomplishments, metrics)
    comps: dict[int, set[str]] = {}
    for key, ids_linked in fevidence.linked_wins(links).items():
        for acc_id in ids_linked:
            comps.setdefault(acc_id, set()).add(key)
    ids = [int(i) for i in accomplishments["id"]]
    features = [text_features_cached(str(text)) for text in accomplishment_text(accomplishments)]
    # The same rule as `need_score`, for every accomplishment at once: one column per category.
    hits = np.array([h for _, h in features], dtype=np.int64).reshape(len(ids), len(vocab.IMPACT_CATEGORIES))
    has_metric = np.array([[c in cats for c in vocab.IMPACT_CATEGORIES] for cats in impact["categories"]],
                          dtype=bool).reshape(len(ids), len(vocab.IMPACT_CATEGORIES))
    columns = {"accomplishment_id": accomplishments["id"].to_numpy(), "title": accomplishments["title"].to_numpy(),
               "done_on": accomplishments["done_on"].to_numpy(), "money_usd": impact["money_usd"].to_numpy(),
               "hours": impact["hours"].to_numpy(), "best_metric": impact["best_metric"].to_numpy(),
               "confidence": impact["confidence"].to_numpy()}
    parts = []
    for need in needs.itertuples(index=False):
        category, competency = text_or_none(need.category), text_or_none(need.competency_key)
        if category:
            j = vocab.IMPACT_CATEGORIES.index(category)
            strong, text_points = has_metric[:, j], hits[:, j]
        else:
            need_words = content_words(need.detail or "")
            strong = np.array([competency in comps.get(i, ()) for i in ids], dtype=bool)
            text_points = np.array([len(need_words & words) for words, _ in features], dtype=np.int64)
        score = MATCH_STRONG * strong.astype(np.int64) + np.minimum(MATCH_TEXT_CAP, text_points)
        keep = np.flatnonzero((score >= MATCH_MIN) & (strong if competency else True))
        if len(keep):
            parts.append({"need_id": [need.need_id] * len(keep), "score": score[keep],
                          **{k: v[keep] for k, v in columns.items()}})
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame({c: np.concatenate([p[c] for p in parts]) if c != "need_id"
                        else [n for p in parts for n in p["need_id"]] for c in cols[:-1]})
    out = out.sort_values(["need_id", "score", "money_usd", "hours", "done_on"],
                          ascending=[True, False, False, False, False])
    out["rank"] = out.groupby("need_id").cumcount() + 1
    return out.reset_index(drop=True)


def need_coverage(needs: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """Per need: how many of your accomplishments address it and the money/hours behind them."""
    if needs.empty:
        return needs.assign(wins=pd.Series(dtype=int), money_usd=pd.Series(dtype=float),
                            hours=pd.Series(dtype=float), best="")
    grouped = matches.groupby("need_id").agg(wins=("accomplishment_id", "size"), money_usd=("money_usd", "sum"),
                                             hours=("hours", "sum")) if not matches.empty else None
    out = needs.copy()
    if grouped is None:
        out["wins"], out["money_usd"], out["hours"] = 0, 0.0, 0.0
    else:
        out = out.merge(grouped, left_on="need_id", right_index=True, how="left")
        out = out.fillna({"wins": 0, "money_usd": 0.0, "hours": 0.0})
        out["wins"] = out["wins"].astype(int)
    best = matches[matches["rank"] == 1].set_index("need_id")["title"] if not matches.empty else pd.Series(dtype=str)
    out["best"] = [best.get(n, "") for n in out["need_id"]]
    return out.reset_index(drop=True)


@dataclass(frozen=True)
class OfferSummary:
    needs: int
    covered: int  # needs with at least one accomplishment addressing them
    money_usd: float  # of the distinct accomplishments that address any need (your estimates, per year)
    hours: float
    verified_money: float
    wins: int

    @property
    def coverage(self) -> float | None:
        return self.covered / self.needs if self.needs else None

    @property
    def verified_share(self) -> float | None:
        return self.verified_money / self.money_usd if self.money_usd else None


def offer_summary(coverage: pd.DataFrame, matches: pd.DataFrame, metrics: pd.DataFrame) -> OfferSummary:
    """Needs covered = needs with ≥ 1 addressing win; money = sum over the distinct addressing wins."""
    if coverage.empty:
        return OfferSummary(0, 0, 0.0, 0.0, 0.0, 0)
    wins = set(matches["accomplishment_id"]) if not matches.empty else set()
    chosen = metrics[metrics["accomplishment_id"].isin(wins)] if not metrics.empty else metrics
    money = float(chosen["money_usd"].fillna(0).sum()) if not chosen.empty else 0.0
    verified = float(chosen.loc[chosen["confidence"] == "verified", "money_usd"].fillna(0).sum()) \
        if not chosen.empty else 0.0
    return OfferSummary(needs=len(coverage), covered=int((coverage["wins"] > 0).sum()), money_usd=money,
                        hours=float(chosen["hours"].fillna(0).sum()) if not chosen.empty else 0.0,
                        verified_money=verified, wins=len(wins))


def strongest_skills(matrix: pd.DataFrame, limit: int = 6) -> pd.DataFrame:
    """Skills you can prove, ranked by evidence level × market value for the target (then evidence).

    matrix: the frame of `skill_value.compute_matrix` for the target's occupation.
    """
    cols = ["name", "kind", "evidence_level", "accomplishments", "quantified", "market_value", "value_source",
            "strength"]
    if matrix.empty:
        return pd.DataFrame(columns=cols)
    proven = matrix[matrix["accomplishments"] > 0].copy()
    proven["strength"] = (proven["evidence_level"] * proven["market_value"]).round(1)
    proven = proven.sort_values(["strength", "evidence_level", "accomplishments", "name"],
                                ascending=[False, False, False, True])
    return proven[cols].head(limit).reset_index(drop=True)


def top_evidence(matches: pd.DataFrame, accomplishments: pd.DataFrame, metrics: pd.DataFrame,
                 limit: int = 3, *, impact: pd.DataFrame | None = None) -> pd.DataFrame:
    """The accomplishments to lead with: those addressing the most needs, then by money, hours, recency.

    Falls back to your accomplishments by money when none addresses a need. `impact`: as in `offer_matches`.
    """
    impact = impact if impact is not None else accomplishment_impact(accomplishments, metrics)
    if accomplishments.empty:
        return pd.DataFrame(columns=["accomplishment_id", "title", "situation", "result", "needs", "money_usd",
                                     "hours", "best_metric", "confidence", "done_on"])
    counts = matches.groupby("accomplishment_id").size() if not matches.empty else pd.Series(dtype=int)
    frame = accomplishments.rename(columns={"id": "accomplishment_id"}).merge(impact, on="accomplishment_id")
    frame["needs"] = frame["accomplishment_id"].map(counts).fillna(0).astype(int)
    frame = frame.sort_values(["needs", "money_usd", "hours", "done_on"], ascending=False)
    cols = ["accomplishment_id", "title", "situation", "result", "needs", "money_usd", "hours", "best_metric",
            "confidence", "done_on"]
    return frame[cols].head(limit).reset_index(drop=True)


def value_statement(profile: dict | None, target: Target, needs: pd.DataFrame, skills: pd.DataFrame,
                    summary: OfferSummary) -> str:
    """The value proposition in one sentence, as a person would say it:

    'For the Staff Engineer role at Acme, I bring <top 3 skills> to take on <top pain> and deliver
    <top gain>: <n> wins so far, a <$>/yr run-rate (my own estimates, <share> confirmed by the people
    who saw them).' Skills in lower case unless they are names (`skill_phrase`), the share as people
    say it (`share_words`)."""
    pain = needs.loc[needs["kind"] == "pain", "label"].head(1).tolist() if not needs.empty else []
    gain = needs.loc[(needs["kind"] == "gain") & needs["category"].notna(), "label"].head(1).tolist() \
        if not needs.empty else []
    aims = ([f"take on {lower_first(pain[0])}"] if pain else []) + ([f"deliver {lower_first(gain[0])}"] if gain else [])
    if skills.empty:
        title = (profile or {}).get("current_title") or "software professional"
        why = f", to {' and '.join(aims)}" if aims else ""
        return (f"For {target.role_phrase}{why}: log your wins with their skills and impact, and this line "
                f"will say what you, {article(title)} {title}, bring, in numbers.")
    kinds = skills["kind"].tolist() if "kind" in skills else [None] * len(skills)
    names = serial_join([skill_phrase(n, k) for n, k in zip(skills["name"].head(3), kinds[:3], strict=True)])
    text = f"For {target.role_phrase}, I bring {names}" + (f" to {' and '.join(aims)}" if aims else "")
    if summary.wins:
        text += f": {summary.wins} win{'s' if summary.wins != 1 else ''} so far"
        if summary.money_usd:
            text += f", a {fimpact.money_run_rate_label(summary.money_usd)} (my own estimates"
            text += (f", {share_words(summary.verified_share)} confirmed by the people who saw them)"
                     if summary.verified_share else ")")
    return text + "."


# --- the impact ledger ----------------------------------------------------------------------


# --- the pitch ------------------------------------------------------------------------------

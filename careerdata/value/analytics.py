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

an accomplishment *addresses* a need at score ≥ 3 (so a metric or a link alone is enough, and
text alone needs three hits). Proof is ranked by score, then money, hours and recency.
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

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from careerdata.core.money import format_money
from careerdata.figures import impact as fimpact
from careerdata.home.overview import quarter_label
from careerdata.matrix.skill_value import _key, rated_code

CATEGORIES = ("revenue", "cost", "time", "reliability", "users", "risk")
PAIN_CATEGORIES = ("cost", "time", "reliability", "risk")
GAIN_CATEGORIES = ("revenue", "users")
CATEGORY_NEED_LABELS = {
    "cost": "Rising costs",
    "time": "Slow delivery and toil",
    "reliability": "Outages and incidents",
    "risk": "Security and compliance risk",
    "revenue": "New revenue",
    "users": "More users, better served",
}
CATEGORY_KEYWORDS = {
    "cost": ("cost", "budget", "spend", "expenditure", "saving", "efficien", "financ", "purchas", "cheap"),
    "time": ("deadline", "schedul", "faster", "speed", "productiv", "automat", "workflow", "lead time",
             "predictab", "toil", "manual", "timely"),
    "reliability": ("reliab", "incident", "outage", "failure", "error", "stabil", "availab", "scalab",
                    "monitor", "troubleshoot", "disaster recovery", "on-call", "latency", "uptime", "pages"),
    "risk": ("risk", "secur", "complian", "privacy", "regulat", "audit", "backup", "hipaa", "vulnerab", "fraud"),
    "revenue": ("revenue", "sales", "business goal", "product line", "pricing", "profit", "new product",
                "conversion", "monetis", "monetiz"),
    "users": ("user", "customer", "client", "usability", "experience", "adoption", "patient"),
}
CONFIDENCE_ORDER = ("verified", "measured", "estimated")
CONFIDENCE_LABELS = {"verified": "Verified by a named person", "measured": "Measured (dashboard, data)",
                     "estimated": "Estimated (your guess)"}
MATCH_STRONG = 3  # points for a metric in the need's category, or a link to the need's competency
MATCH_TEXT_CAP = 3  # at most this many points from words alone
MATCH_MIN = 3  # an accomplishment addresses a need from this score
TASKS_SHOWN = 8
WORDS_PER_MINUTE = 130
PITCH_KINDS = ("30s", "2min")

_STOP_WORDS = """about above after again against also among an and another any are around as at be because been
before being below between both but by can could did does doing done down during each either every few for from
further had has have having here how into its itself just least less made make makes making many may more most much
must need needs not now of off on once only onto or other others our out over own per same shall should since so
some such than that the their them then there these they this those through thus too under until upon using very
was well were what when where which while who whom whose why will with within without would your yours"""
_STOP = set(_STOP_WORDS.split())
# One pattern per category: its keywords at a word start (none is a prefix of another in its list).
_CATEGORY_RE = {c: re.compile(r"\b(" + "|".join(re.escape(k) for k in kws) + ")") for c, kws in CATEGORY_KEYWORDS.items()}
# Every keyword of every category in one pass: a zero-width look-ahead at each word start, so a keyword
# starting inside another one is still seen. Exact only when no keyword is a prefix of another (then at
# most one keyword matches at a position); `_category_hits` falls back to one pass per category if not.
_KEYWORD_CATEGORY = {k: c for c, kws in CATEGORY_KEYWORDS.items() for k in kws}


def _trie_pattern(words) -> str:
    """One regex alternation for `words`, factored by shared prefixes (a trie), so the engine tests one
    branch per character instead of every word at every position; matches exactly the same strings."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_ANY_KEYWORD_RE = re.compile(r"\b(?=(" + _trie_pattern(_KEYWORD_CATEGORY) + "))")
_ONE_PASS = len(_KEYWORD_CATEGORY) == sum(len(kws) for kws in CATEGORY_KEYWORDS.values()) and not any(
    a != b and b.startswith(a) for a in _KEYWORD_CATEGORY for b in _KEYWORD_CATEGORY)
_WORD_RE = re.compile(r"[a-z][a-z\-]{3,}")


# --- targets ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """One customer: a target role, or an O*NET occupation when there are no target roles."""

    key: str  # 'role:<id>' or 'onet:<code>': saved pitches hang off it
    label: str  # what the selector shows
    name: str
    level: str | None  # a ladder level code, when the role names one the ladder knows
    company: str
    onet_code: str | None
    occupation: str | None  # the O*NET title of onet_code
    role_id: int | None
    level_assumed: bool = False  # True when the level is "the next one after yours", not the role's own

    @property
    def short(self) -> str:
        """'Staff Engineer at Helio Health', 'Solutions Architect', or for an O*NET occupation
        'an employer hiring Software Developers' (O*NET titles are plural)."""
        if self.role_id is None:
            return f"an employer hiring {self.name}"
        return f"{self.name} at {self.company}" if self.company else self.name

    @property
    def role_phrase(self) -> str:
        """What you ask for in a pitch: 'the Staff Engineer role at Helio Health', 'a Software Developers role'."""
        if self.role_id is None or not self.company:
            return f"{_article(self.name)} {self.name} role"
        return f"the {self.name} role at {self.company}"


def next_level(levels: pd.DataFrame, current: str | None) -> str | None:
    """The next level on the same track as `current` (lowest rank above it), if any."""
    if not current or levels.empty or current not in set(levels["code"]):
        return None
    row = levels[levels["code"] == current].iloc[0]
    above = levels[(levels["track"] == row["track"]) & (levels["rank"] > row["rank"])].sort_values("rank")
    return None if above.empty else str(above.iloc[0]["code"])


def targets(target_roles: pd.DataFrame, roles: pd.DataFrame, levels: pd.DataFrame,
            current_level: str | None) -> list[Target]:
    """The selector's choices: your target roles; if you have none, every O*NET occupation.

    An O*NET occupation has no level of its own, so it is compared with the next level after
    your current one (and says so).
    """
    titles = dict(zip(roles["onet_soc_code"], roles["title"], strict=True)) if not roles.empty else {}
    known = set(levels["code"]) if not levels.empty else set()
    if not target_roles.empty:
        out = []
        for row in target_roles.itertuples(index=False):
            code = _text(row.onet_soc_code)
            level = _text(row.level)
            company = _text(row.company) or ""
            bits = ", ".join(b for b in (level, company) if b)
            out.append(Target(
                key=f"role:{int(row.id)}", label=f"{row.name} ({bits})" if bits else str(row.name),
                name=str(row.name), level=level if level in known else None, company=company, onet_code=code,
                occupation=titles.get(code) if code else None, role_id=int(row.id)))
        return out
    assumed = next_level(levels, current_level)
    ordered = sorted(titles.items(), key=lambda kv: (kv[0] != "15-1252.00", kv[1]))  # Software Developers first
    return [Target(key=f"onet:{code}", label=f"O*NET: {title} ({code})", name=title, level=assumed, company="",
                   onet_code=code, occupation=title, role_id=None, level_assumed=assumed is not None)
            for code, title in ordered]


def default_target(choices: list[Target], levels: pd.DataFrame, current_level: str | None,
                   employer: str | None) -> int:
    """Index of the target to open with: the next level on your track, at your current employer first
    (a promotion is the nearest sale), then any role at the next level, then the first choice."""
    if not choices:
        raise ValueError("no targets")
    step = next_level(levels, current_level)
    ranked = sorted(range(len(choices)), key=lambda i: (
        choices[i].level != step or step is None,
        not (employer and _key(choices[i].company) == _key(employer)),
        i))
    return ranked[0]


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    value = str(value).strip()
    return value or None


def ratings_code(target: Target, rated_codes: set[str], proxies: dict[str, str]) -> tuple[str | None, bool]:
    """Whose O*NET ratings describe the target (its own, or its documented stand-in's)."""
    if not target.onet_code:
        return None, False
    return rated_code(target.onet_code, rated_codes, proxies)


# --- the customer -------------------------------------------------------------------------

def categories_in(text: str) -> list[str]:
    """The impact categories a sentence talks about (keyword at a word start)."""
    low = text.lower()
    return [c for c in CATEGORIES if _CATEGORY_RE[c].search(low)]


def occupation_tasks(tasks: pd.DataFrame, code: str | None, proxies: dict[str, str]) -> tuple[pd.DataFrame, str | None]:
    """The O*NET tasks of an occupation, core tasks first; falls back to its stand-in's tasks.

    Returns (tasks, stand-in code or None).
    """
    cols = ["task_id", "task", "task_type"]
    if not code:
        return pd.DataFrame(columns=cols), None
    own = tasks[tasks["onet_soc_code"] == code]
    used = None
    if own.empty and proxies.get(code):
        used = proxies[code]
        own = tasks[tasks["onet_soc_code"] == used]
    if own.empty:
        return pd.DataFrame(columns=cols), None
    order = own.assign(_core=(own["task_type"] != "Core").astype(int),
                       _n=-own["incumbents_responding"].fillna(0).astype(float))
    order = order.sort_values(["_core", "_n", "task_id"])
    return order[cols].reset_index(drop=True), used


def customer_jobs(target: Target, expectations: pd.DataFrame, competencies: pd.DataFrame,
                  tasks: pd.DataFrame) -> pd.DataFrame:
    """What the customer hires the role to do: the target level's expectations, then O*NET tasks."""
    names = dict(zip(competencies["key"], competencies["name"], strict=True)) if not competencies.empty else {}
    rows = []
    if target.level:
        exp = expectations[expectations["level_code"] == target.level].sort_values(
            ["target", "competency_key"], ascending=[False, True])
        for r in exp.itertuples(index=False):
            rows.append({"text": r.text, "source": f"Ladder {target.level} · {names.get(r.competency_key, r.competency_key)}"
                                                   f" (expects {int(r.target)} of 5)",
                         "origin": "ladder", "competency_key": r.competency_key, "expected": int(r.target)})
    for r in tasks.itertuples(index=False):
        kind = f" · {r.task_type}" if r.task_type else ""
        rows.append({"text": r.task, "source": f"O*NET task {r.task_id}{kind}", "origin": "onet",
                     "competency_key": None, "expected": None})
    frame = pd.DataFrame(rows, columns=["text", "source", "origin", "competency_key", "expected"])
    frame["categories"] = [categories_in(t) for t in frame["text"]]
    return frame


def customer_needs(jobs: pd.DataFrame, target: Target, current_level: str | None, expectations: pd.DataFrame,
                   competencies: pd.DataFrame) -> pd.DataFrame:
    """Pains and gains of the customer (see the module docstring for the rules).

    Columns: need_id, kind (pain | gain), label, detail (a quoted sentence), source, category,
    competency_key, weight.
    """
    cols = ["need_id", "kind", "label", "detail", "source", "category", "competency_key", "weight"]
    rows = []
    for category in PAIN_CATEGORIES + GAIN_CATEGORIES:
        hits = jobs[[category in cats for cats in jobs["categories"]]]
        if hits.empty:
            continue
        first = hits.sort_values("origin", key=lambda s: s.map({"ladder": 0, "onet": 1})).iloc[0]
        rows.append({"need_id": f"cat:{category}", "kind": "pain" if category in PAIN_CATEGORIES else "gain",
                     "label": CATEGORY_NEED_LABELS[category], "detail": first["text"], "source": first["source"],
                     "category": category, "competency_key": None, "weight": float(len(hits))})
    if target.level:
        names = dict(zip(competencies["key"], competencies["name"], strict=True))
        want = expectations[expectations["level_code"] == target.level].set_index("competency_key")
        have = expectations[expectations["level_code"] == current_level].set_index("competency_key") \
            if current_level and current_level != target.level else None
        steps = []
        for key, r in want.iterrows():
            now = None if have is None or key not in have.index else int(have.loc[key, "target"])
            step = int(r["target"]) - (now or 0)
            if have is not None and (now is None or step <= 0):
                continue
            label = (f"{names.get(key, key)}: level {now} → {int(r['target'])}" if now is not None
                     else f"{names.get(key, key)} at level {int(r['target'])}")
            steps.append({"need_id": f"comp:{key}", "kind": "gain", "label": label, "detail": r["text"],
                          "source": f"Ladder {target.level} · {names.get(key, key)}", "category": None,
                          "competency_key": key, "weight": float(step if now is not None else r["target"])})
        rows += sorted(steps, key=lambda s: (-s["weight"], s["label"]))
    frame = pd.DataFrame(rows, columns=cols)
    if frame.empty:
        return frame
    cat_rows = frame[frame["category"].notna()].sort_values(["kind", "weight"], ascending=[False, False])
    return pd.concat([cat_rows, frame[frame["category"].isna()]]).reset_index(drop=True)


# --- the offer ----------------------------------------------------------------------------

def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:7]


@functools.lru_cache(maxsize=65536)
def _cached_stem(word: str) -> str:
    return _stem(word)


def _content_words_low(low: str) -> set[str]:
    return {_cached_stem(w) for w in set(_WORD_RE.findall(low)) - _STOP}


def content_words(text: str) -> set[str]:
    """Stems of the words of 4+ letters that carry meaning (stop words dropped)."""
    return _content_words_low(str(text).lower())


def accomplishment_text(acc: pd.DataFrame) -> pd.Series:
    parts = [acc[c].fillna("").astype(str) for c in ("title", "situation", "task", "action", "result")]
    out = parts[0]
    for p in parts[1:]:
        out = out + " " + p
    return out


def _category_hits(low: str) -> dict[str, int]:
    """Distinct keywords per category in a lower-cased text, counted like `findall` of each category's
    pattern (non-overlapping within a category), in one pass over the text."""
    if not _ONE_PASS:
        return {c: len(set(_CATEGORY_RE[c].findall(low))) for c in CATEGORIES}
    found: dict[str, set[str]] = {c: set() for c in CATEGORIES}
    free_from = dict.fromkeys(CATEGORIES, 0)  # where the next match of a category may start
    for m in _ANY_KEYWORD_RE.finditer(low):
        keyword = m.group(1)
        category = _KEYWORD_CATEGORY[keyword]
        if m.start() >= free_from[category]:
            found[category].add(keyword)
            free_from[category] = m.start() + len(keyword)
    return {c: len(found[c]) for c in CATEGORIES}


@functools.lru_cache(maxsize=16384)
def _features(text: str) -> tuple[frozenset[str], tuple[int, ...]]:
    """(content words, distinct category keywords per category in CATEGORIES order), remembered per text
    so that switching the target does not read every accomplishment again."""
    low = text.lower()
    hits = _category_hits(low)
    return frozenset(_content_words_low(low)), tuple(hits[c] for c in CATEGORIES)


def _text_features(text: str) -> tuple[set[str], dict[str, int]]:
    """(content words, distinct category keywords found per category) of one accomplishment's text."""
    words, hits = _features(str(text))
    return set(words), dict(zip(CATEGORIES, hits, strict=True))


def _score(category: str | None, competency: str | None, need_words: set[str], words: set[str],
           hits: dict[str, int], acc_categories: set[str], acc_competencies: set[str]) -> int:
    if category:
        return (MATCH_STRONG if category in acc_categories else 0) + min(MATCH_TEXT_CAP, hits[category])
    return (MATCH_STRONG if competency in acc_competencies else 0) + min(MATCH_TEXT_CAP, len(need_words & words))


def match_score(need: dict, acc_text: str, acc_categories: set[str], acc_competencies: set[str]) -> int:
    """How strongly one accomplishment addresses one need (rules in the module docstring)."""
    words, hits = _text_features(acc_text)
    return _score(_text(need.get("category")), _text(need.get("competency_key")),
                  content_words(need.get("detail") or ""), words, hits, acc_categories, acc_competencies)


def _fmt_number(value) -> str:
    if value is None or pd.isna(value):
        return ""
    value = float(value)
    if value.is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def metric_phrase(row) -> str:
    """'Monthly EC2 bill: 9,800 → 7,400 USD/month' (or just the description without numbers)."""
    desc = str(row["description"])
    before, after, unit = _fmt_number(row["baseline"]), _fmt_number(row["new_value"]), _text(row["unit"]) or ""
    if not before and not after:
        return desc
    glue = "" if unit == "%" else " "
    if before and after:
        change = f"{before}{glue}{unit} → {after}{glue}{unit}" if unit == "%" else f"{before} → {after}{glue}{unit}"
    else:
        change = f"{before or after}{glue}{unit}"
    return f"{desc}: {change.strip()}"


def _metric_phrases(rows: pd.DataFrame) -> list[str]:
    """`metric_phrase` of every row, without building a Series per row."""
    cols = ["description", "baseline", "new_value", "unit"]
    return [metric_phrase(r) for r in rows[cols].to_dict("records")]


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
                       _c=metrics["confidence"].map({c: i for i, c in enumerate(CONFIDENCE_ORDER)}))
    agg = m.groupby("accomplishment_id").agg(money_usd=("_m", "sum"), hours=("_h", "sum"), metrics=("_m", "size"),
                                             _conf=("_c", "min"))
    categories: dict = {}
    for acc_id, category in zip(m["accomplishment_id"], m["category"], strict=True):
        categories.setdefault(acc_id, set()).add(category)
    agg["categories"] = pd.Series(list(categories.values()), index=list(categories), dtype=object)
    best = m.sort_values(["_m", "_h"], ascending=False, kind="stable").drop_duplicates("accomplishment_id")
    agg["best_metric"] = pd.Series(_metric_phrases(best), index=best["accomplishment_id"].to_numpy())
    agg["confidence"] = agg["_conf"].map(lambda i: CONFIDENCE_ORDER[int(i)] if pd.notna(i) else None)
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
    for acc_id, key in zip(links["accomplishment_id"], links["competency_key"], strict=True):
        comps.setdefault(int(acc_id), set()).add(key)
    ids = [int(i) for i in accomplishments["id"]]
    features = [_features(str(text)) for text in accomplishment_text(accomplishments)]
    # The same rule as `_score`, for every accomplishment at once: one column per category.
    hits = np.array([h for _, h in features], dtype=np.int64).reshape(len(ids), len(CATEGORIES))
    has_metric = np.array([[c in cats for c in CATEGORIES] for cats in impact["categories"]],
                          dtype=bool).reshape(len(ids), len(CATEGORIES))
    columns = {"accomplishment_id": accomplishments["id"].to_numpy(), "title": accomplishments["title"].to_numpy(),
               "done_on": accomplishments["done_on"].to_numpy(), "money_usd": impact["money_usd"].to_numpy(),
               "hours": impact["hours"].to_numpy(), "best_metric": impact["best_metric"].to_numpy(),
               "confidence": impact["confidence"].to_numpy()}
    parts = []
    for need in needs.itertuples(index=False):
        category, competency = _text(need.category), _text(need.competency_key)
        if category:
            j = CATEGORIES.index(category)
            strong, text_points = has_metric[:, j], hits[:, j]
        else:
            need_words = content_words(need.detail or "")
            strong = np.array([competency in comps.get(i, ()) for i in ids], dtype=bool)
            text_points = np.array([len(need_words & words) for words, _ in features], dtype=np.int64)
        score = MATCH_STRONG * strong.astype(np.int64) + np.minimum(MATCH_TEXT_CAP, text_points)
        keep = np.flatnonzero(score >= MATCH_MIN)
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
    """'For <customer>, who struggles with <top pain> and wants <top gain>, I offer <top 3 skills>,
    proven by <n> wins worth <$> a year.'"""
    pain = needs.loc[needs["kind"] == "pain", "label"].head(1).tolist() if not needs.empty else []
    gain = needs.loc[(needs["kind"] == "gain") & needs["category"].notna(), "label"].head(1).tolist() \
        if not needs.empty else []
    wants = []
    if pain:
        wants.append(f"struggles with {pain[0].lower()}")
    if gain:
        wants.append(f"wants {gain[0].lower()}")
    need_text = f", who {' and '.join(wants)}" if wants else ""
    if skills.empty:
        title = (profile or {}).get("current_title") or "software professional"
        return (f"For {target.short}{need_text}: log accomplishments with their skills and impact, and this line "
                f"will state what you, {_article(title)} {title}, offer, in numbers.")
    proof = ""
    if summary.wins:
        proof = f", proven by {summary.wins} win{'s' if summary.wins != 1 else ''}"
        if summary.money_usd:
            proof += f" with a {fimpact.money_run_rate_label(summary.money_usd)} (your estimates"
            proof += f", {summary.verified_share:.0%} verified)" if summary.verified_share else ")"
    return f"For {target.short}{need_text}, I offer {_join(skills['name'].head(3).tolist())}{proof}."


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --- the impact ledger ----------------------------------------------------------------------

LEDGER_MEASURES = {"money_usd": "USD a year, your estimates", "hours": "hours saved a year"}


def _quarter_labels(done_on: pd.Series) -> pd.Series:
    """`quarter_label` of every date, computed once per distinct date."""
    codes, days = pd.factorize(pd.to_datetime(done_on))
    if (codes < 0).any():  # a missing date: label it exactly as one at a time would
        return pd.Series([quarter_label(d) for d in pd.to_datetime(done_on).dt.date], index=done_on.index,
                         dtype=object)
    labels = np.array([quarter_label(d.date()) for d in days], dtype=object)
    return pd.Series(labels[codes], index=done_on.index, dtype=object)


def ledger_quarters(metrics: pd.DataFrame, today: dt.date) -> list[str]:
    """Every quarter from the first metric's quarter to today's (or the last metric's, if later)."""
    if metrics.empty:
        return []
    done = pd.to_datetime(metrics["done_on"]).dt.date
    start, end = min(done), max(max(done), today)
    labels, (year, q) = [], (start.year, (start.month - 1) // 3 + 1)
    last = (end.year, (end.month - 1) // 3 + 1)
    while (year, q) <= last:
        labels.append(f"{year} Q{q}")
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return labels


def ledger(metrics: pd.DataFrame, measure: str = "money_usd") -> pd.DataFrame:
    """Value per quarter × category × confidence (only combinations with a metric).

    value = Σ measure over the metrics of accomplishments done in that quarter (blank = 0);
    metrics = how many impact metrics (with or without a figure for the measure).
    """
    if measure not in LEDGER_MEASURES:
        raise ValueError(f"measure is one of {list(LEDGER_MEASURES)}")
    cols = ["quarter", "category", "confidence", "value", "metrics"]
    if metrics.empty:
        return pd.DataFrame(columns=cols)
    data = metrics.assign(quarter=_quarter_labels(metrics["done_on"]), value=metrics[measure].fillna(0.0).astype(float))
    out = data.groupby(["quarter", "category", "confidence"], as_index=False).agg(
        value=("value", "sum"), metrics=("value", "size"))
    return out.sort_values(["quarter", "category", "confidence"]).reset_index(drop=True)[cols]


def ledger_cumulative(entries: pd.DataFrame, quarters: list[str]) -> pd.DataFrame:
    """Per quarter (every quarter, zero where nothing was done): value, cumulative value, and the
    cumulative value by confidence (verified, measured, estimated), so the three add up to the total."""
    frame = pd.DataFrame({"quarter": quarters})
    if entries.empty:
        for col in ("value", "cumulative", *[f"cumulative_{c}" for c in CONFIDENCE_ORDER]):
            frame[col] = 0.0
        return frame
    per = entries.pivot_table(index="quarter", columns="confidence", values="value", aggfunc="sum", fill_value=0.0)
    per = per.reindex(index=quarters, columns=list(CONFIDENCE_ORDER), fill_value=0.0).fillna(0.0)
    frame["value"] = per.sum(axis=1).to_numpy()
    frame["cumulative"] = frame["value"].cumsum()
    for conf in CONFIDENCE_ORDER:
        frame[f"cumulative_{conf}"] = per[conf].cumsum().to_numpy()
    return frame


def ledger_by_category(entries: pd.DataFrame) -> pd.DataFrame:
    """Total value and metric count per category, largest first (categories with metrics only)."""
    if entries.empty:
        return pd.DataFrame(columns=["category", "value", "metrics", "share"])
    out = entries.groupby("category", as_index=False).agg(value=("value", "sum"), metrics=("metrics", "sum"))
    total = out["value"].sum()
    out["share"] = out["value"] / total if total else 0.0
    return out.sort_values(["value", "metrics"], ascending=False).reset_index(drop=True)


def ledger_by_confidence(entries: pd.DataFrame) -> pd.DataFrame:
    """Total value, metric count and share of the value per confidence (all three rows, always)."""
    frame = pd.DataFrame({"confidence": list(CONFIDENCE_ORDER)})
    if entries.empty:
        return frame.assign(value=0.0, metrics=0, share=None)
    agg = entries.groupby("confidence").agg(value=("value", "sum"), metrics=("metrics", "sum"))
    frame["value"] = frame["confidence"].map(agg["value"]).fillna(0.0).astype(float)
    frame["metrics"] = frame["confidence"].map(agg["metrics"]).fillna(0).astype(int)
    total = frame["value"].sum()
    frame["share"] = frame["value"] / total if total else None
    return frame


def ledger_drill(metrics: pd.DataFrame, quarter: str, category: str | None = None,
                 measure: str = "money_usd") -> pd.DataFrame:
    """The metrics (and their accomplishments) behind one bar: a quarter, optionally one category."""
    cols = ["accomplishment", "done_on", "category", "metric", "value", "confidence", "verified_by"]
    if metrics.empty:
        return pd.DataFrame(columns=cols)
    rows = metrics[(_quarter_labels(metrics["done_on"]) == quarter).to_numpy()]
    if category:
        rows = rows[rows["category"] == category]
    out = pd.DataFrame({
        "accomplishment": rows["accomplishment"], "done_on": rows["done_on"], "category": rows["category"],
        "metric": _metric_phrases(rows),
        "value": rows[measure].astype(float),
        "confidence": rows["confidence"], "verified_by": rows["verified_by"],
    }, columns=cols)
    return out.sort_values(["value", "accomplishment"], ascending=[False, True], na_position="last") \
        .reset_index(drop=True)


# --- the pitch ------------------------------------------------------------------------------

def word_count(text: str) -> int:
    return len(re.findall(r"\S+", text or ""))


def speaking_seconds(text: str) -> int:
    """Seconds to say `text` aloud at WORDS_PER_MINUTE (130, a calm presenting pace)."""
    return round(word_count(text) * 60 / WORDS_PER_MINUTE)


def _first_sentence(text: str, max_words: int = 30) -> str:
    """The first sentence of `text`; a longer one is cut at its last clause break (, ; : —) within
    `max_words`, so what is left can still be said aloud."""
    text = " ".join(str(text or "").split())
    if not text:
        return ""
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    words = sentence.split()
    if len(words) > max_words:
        cut = " ".join(words[:max_words])
        breaks = [cut.rfind(ch) for ch in (",", ";", ":", " —")]
        at = max(breaks)
        sentence = cut[:at] if at > len(cut) // 3 else cut
        sentence = sentence.rstrip(",;: —")
    return sentence if sentence[-1] in ".!?" else sentence + "."


def _impact_clause(row) -> tuple[str, str | None]:
    """('$540k a year and 6,900 hours a year saved', 'verified'), or the best metric when no money/hours."""
    money, hours = float(row["money_usd"] or 0), float(row["hours"] or 0)
    bits = []
    if money:
        bits.append(f"{format_money(money)} a year")
    if hours:
        bits.append(f"{hours:,.0f} hours a year saved")
    text = " and ".join(bits) if bits else str(row["best_metric"] or "")
    return text, (row["confidence"] if text else None)


def draft_pitch(kind: str, profile: dict | None, target: Target, needs: pd.DataFrame, skills: pd.DataFrame,
                evidence: pd.DataFrame, summary: OfferSummary) -> str:
    """A deterministic draft from the top evidence: '30s' (~65 words) or '2min' (~250 words).

    30 seconds: who you are, the customer's top pain, your best proof with its impact, your three
    strongest skills, your total, the ask. Two minutes: the same, with what the customer needs, three
    proofs told as title + result, and a question that opens the conversation.
    """
    if kind not in PITCH_KINDS:
        raise ValueError(f"kind is one of {PITCH_KINDS}")
    profile = profile or {}
    title = profile.get("current_title") or "software professional"
    name = profile.get("name")
    intro = f"I'm {name}, {_article(title)} {title}." if name else f"I'm {_article(title)} {title}."
    skill_names = _join(skills["name"].head(3).tolist()) if not skills.empty else ""
    pains = needs.loc[needs["kind"] == "pain", "label"].str.lower().tolist() if not needs.empty else []
    total = ""
    if summary.money_usd:
        total = f"In all, the work I have logged is worth about {format_money(summary.money_usd)} a year"
        total += (f", {summary.verified_share:.0%} of it verified by the people who saw it." if summary.verified_share
                  else ", by my own estimates.")
    ask = target.role_phrase
    if kind == "30s":
        parts = [intro]
        if pains:
            parts.append(f"I fix {pains[0]}, and I can show it.")
        proofs = [_proof_sentence(r.title, *_impact_clause(r._asdict()))
                  for r in evidence.head(1).itertuples(index=False)]
        if proofs:
            parts.append("For example: " + " ".join(proofs))
        if skill_names:
            parts.append(f"My strongest skills are {skill_names}.")
        if summary.money_usd:
            parts.append(f"In all: about {format_money(summary.money_usd)} a year of logged impact"
                         + (f", {summary.verified_share:.0%} verified." if summary.verified_share else "."))
        parts.append(f"I'd like to bring that to {ask}.")
        return _tidy(" ".join(parts))

    paras = [intro + (f" {_first_sentence(profile['headline'], 40)}" if profile.get("headline") else "")]
    if not needs.empty:
        paras.append(f"What {target.short} needs, as I read it: "
                     f"{_join([n.lower() for n in needs['label'].head(3)])}.")
    for i, r in enumerate(evidence.head(3).itertuples(index=False)):
        story = [f"{('First', 'Second', 'Third')[i]}: {_first_sentence(r.title, 25)}"]
        if r.result:
            story.append(_first_sentence(r.result, 30))
        clause, conf = _impact_clause(r._asdict())
        if clause:
            lead = "That is worth" if (r.money_usd or r.hours) else "In numbers:"
            story.append(f"{lead} {clause}" + (f" ({conf})." if conf else "."))
        paras.append(_tidy(" ".join(story)))
    closing = []
    if skill_names:
        closing.append(f"The skills behind this are {skill_names}, each backed by shipped work.")
    if total:
        closing.append(total)
    if closing:
        paras.append(" ".join(closing))
    paras.append(f"That is the value I want to keep delivering in {ask}. "
                 "What would you need to see from me to make that happen?")
    return "\n\n".join(paras)


def _proof_sentence(title: str, clause: str, confidence: str | None = None) -> str:
    """'Cut the AWS bill by 31% ($410k a year, verified).'"""
    sentence = _first_sentence(title, 25)
    if not clause:
        return sentence
    return f"{sentence.rstrip('.!?…')} ({clause}" + (f", {confidence})." if confidence else ").")


def _tidy(text: str) -> str:
    text = re.sub(r"\.\.+", ".", text)
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    return " ".join(text.split())


def latest_versions(versions: pd.DataFrame) -> dict[str, dict]:
    """kind -> the newest saved version (version, text, created_at) for one target."""
    out = {}
    if versions.empty:
        return out
    for kind, group in versions.groupby("kind"):
        row = group.sort_values("version", ascending=False).iloc[0]
        out[kind] = {"version": int(row["version"]), "text": str(row["text"]), "created_at": row["created_at"]}
    return out


def target_role_skill_names(role_skills: pd.DataFrame, target: Target) -> set[str]:
    """Case-folded names of the skills a target role lists as required."""
    if target.role_id is None or role_skills.empty:
        return set()
    return {_key(s) for s in role_skills.loc[role_skills["target_role_id"] == target.role_id, "skill_name"]}

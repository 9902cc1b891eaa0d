"""The customer: what the target role is hired to do (its jobs) and the needs that follow, from the
ladder's expectations and the O*NET tasks of its occupation."""

from __future__ import annotations

import pandas as pd

from careerdata.value.targets import Target
from careerdata.value.words import categories_in

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


TASKS_SHOWN = 8


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

"""Pipeline in numbers: the funnel of opportunities, time in each stage, follow-ups and the headline KPIs.

Pure functions over the frames of `careerdata.pipeline.queries`; `today` is always passed in.
Each docstring gives the formula, so a number on the page can be checked by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.core import vocab
from careerdata.core.dates import as_date

FUNNEL_RANK = {s: i for i, s in enumerate(vocab.FUNNEL_STAGES)}


def _furthest(opps: pd.DataFrame, stages: pd.DataFrame) -> dict[int, int]:
    """Per opportunity: the highest funnel rank among its stage history and its current stage."""
    best: dict[int, int] = {}
    for oid, stage in zip(opps["id"], opps["stage"], strict=True):
        if stage in FUNNEL_RANK:
            best[oid] = FUNNEL_RANK[stage]
    if not stages.empty:
        known = set(opps["id"])
        for oid, stage in zip(stages["opportunity_id"], stages["stage"], strict=True):
            if stage in FUNNEL_RANK and oid in known:
                best[oid] = max(best.get(oid, 0), FUNNEL_RANK[stage])
    for oid in opps["id"]:
        best.setdefault(oid, 0)
    return best


def pipeline_funnel(opps: pd.DataFrame, stages: pd.DataFrame) -> pd.DataFrame:
    """The funnel lead → conversation → application → interview → offer → accepted.

    furthest(o) = the latest funnel stage o ever reached (a skipped stage counts as passed);
    reached(k) = opportunities with furthest ≥ k;
    open_here(k) = still-open opportunities (not accepted or lost) whose furthest stage is k;
    lost_here(k) = lost opportunities whose furthest stage is k;
    conversion(k) = reached(k+1) / (reached(k) − open_here(k)): of the opportunities that left
    stage k one way or the other, the share that moved on. Opportunities still sitting at k are
    left out, since they have not had the chance to convert. None when nothing has left k yet,
    and for the last stage.
    """
    rows = []
    n = len(vocab.FUNNEL_STAGES)
    if opps.empty:
        return pd.DataFrame({"stage": list(vocab.FUNNEL_STAGES), "reached": 0, "open_here": 0, "lost_here": 0,
                             "conversion": [None] * n})
    furthest = _furthest(opps, stages)
    status = dict(zip(opps["id"], opps["stage"], strict=True))
    for k, stage in enumerate(vocab.FUNNEL_STAGES):
        reached = sum(f >= k for f in furthest.values())
        open_here = sum(f == k and status[o] not in vocab.CLOSED_STAGES for o, f in furthest.items())
        lost_here = sum(f == k and status[o] == "lost" for o, f in furthest.items())
        rows.append({"stage": stage, "reached": reached, "open_here": open_here, "lost_here": lost_here})
    frame = pd.DataFrame(rows)
    conversion = []
    for k in range(n):
        if k == n - 1:
            conversion.append(None)
            continue
        left = frame.loc[k, "reached"] - frame.loc[k, "open_here"]
        conversion.append(frame.loc[k + 1, "reached"] / left if left > 0 else None)
    frame["conversion"] = conversion
    return frame


def win_rate(opps: pd.DataFrame) -> float | None:
    """accepted / (accepted + lost): of the closed opportunities, the share you won."""
    if opps.empty:
        return None
    accepted = int((opps["stage"] == "accepted").sum())
    lost = int((opps["stage"] == "lost").sum())
    return accepted / (accepted + lost) if accepted + lost else None


def stage_stints(opps: pd.DataFrame, stages: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """One row per stage an opportunity spent time in.

    An opportunity's stage rows are ordered by date (ties by funnel order, 'lost' last). Time in
    stage s = the date the next stage was entered − the date s was entered. The last stage of an
    open opportunity is ongoing: today − entered. Accepted and lost are end states (no time).
    """
    cols = ["opportunity_id", "title", "kind", "stage", "entered_on", "left_on", "days", "ongoing"]
    if opps.empty or stages.empty:
        return pd.DataFrame(columns=cols)
    info = {oid: (title, kind, stage) for oid, title, kind, stage in zip(
        opps["id"], opps["title"], opps["kind"], opps["stage"], strict=True)}
    order = {**FUNNEL_RANK, "lost": len(FUNNEL_RANK)}
    history: dict[int, list] = {}
    for oid, stage, entered in zip(stages["opportunity_id"], stages["stage"], stages["entered_on"], strict=True):
        if oid in info:
            history.setdefault(oid, []).append((as_date(entered), order.get(stage, 99), stage))
    out = []
    for oid in sorted(history):
        title, kind, current = info[oid]
        rows = sorted(history[oid])
        for i, (entered, _, stage) in enumerate(rows):
            if stage in vocab.CLOSED_STAGES:
                continue
            if i + 1 < len(rows):
                left = rows[i + 1][0]
                out.append([oid, title, kind, stage, entered, left, (left - entered).days, False])
            elif current not in vocab.CLOSED_STAGES:
                out.append([oid, title, kind, stage, entered, None, (today - entered).days, True])
    return pd.DataFrame(out, columns=cols)


def time_in_stage(stints: pd.DataFrame) -> pd.DataFrame:
    """Per funnel stage: median and mean days of completed stints, how many completed, how many
    are ongoing and the age of the oldest ongoing one (every stage before 'accepted' listed)."""
    rows = []
    for stage in vocab.FUNNEL_STAGES[:-1]:
        part = stints[stints["stage"] == stage] if not stints.empty else stints
        done = part[~part["ongoing"].astype(bool)]["days"] if not part.empty else pd.Series(dtype=float)
        going = part[part["ongoing"].astype(bool)]["days"] if not part.empty else pd.Series(dtype=float)
        rows.append({
            "stage": stage,
            "median_days": float(done.median()) if len(done) else None,
            "mean_days": float(done.mean()) if len(done) else None,
            "completed": int(len(done)),
            "ongoing": int(len(going)),
            "oldest_ongoing": int(going.max()) if len(going) else None,
        })
    return pd.DataFrame(rows)


def open_opportunities(opps: pd.DataFrame) -> pd.DataFrame:
    """Opportunities still in play (not accepted, not lost), furthest along first."""
    if opps.empty:
        return opps
    live = opps[~opps["stage"].isin(vocab.CLOSED_STAGES)].copy()
    live["_rank"] = live["stage"].map(FUNNEL_RANK)
    return live.sort_values(["_rank", "opened_on"], ascending=[False, True]).drop(columns="_rank").reset_index(drop=True)


def follow_ups(opps: pd.DataFrame, today: dt.date, horizon_days: int = 14) -> pd.DataFrame:
    """Open opportunities with a follow-up due by today + horizon, soonest (most overdue) first.

    due_in = follow_up_due − today (negative: overdue by that many days).
    """
    live = open_opportunities(opps)
    if live.empty:
        return live.assign(due_in=pd.Series(dtype="Int64"))
    live = live[live["follow_up_due"].notna()].copy()
    live["due_in"] = [(as_date(d) - today).days for d in live["follow_up_due"]]
    live = live[live["due_in"] <= horizon_days]
    return live.sort_values("due_in").reset_index(drop=True)


@dataclass(frozen=True)
class PipelineKpis:
    open: int
    late_stage: int  # open at interview or offer
    overdue: int  # follow-ups past due
    due_soon: int  # follow-ups due within the horizon, not yet overdue
    accepted: int
    closed: int
    longest_wait: int | None  # days the longest-waiting open opportunity has sat in its stage
    longest_stage: str | None


def pipeline_kpis(opps: pd.DataFrame, stints: pd.DataFrame, due: pd.DataFrame) -> PipelineKpis:
    """Headline counts: open opportunities (and how many at interview or offer), follow-ups overdue
    (due_in < 0) and due soon, accepted and closed (accepted + lost), and the longest ongoing stint."""
    live = open_opportunities(opps)
    going = stints[stints["ongoing"].astype(bool)] if not stints.empty else stints
    longest = going.loc[going["days"].idxmax()] if not going.empty else None
    overdue = int((due["due_in"] < 0).sum()) if not due.empty else 0
    return PipelineKpis(
        open=len(live),
        late_stage=int(live["stage"].isin(["interview", "offer"]).sum()) if not live.empty else 0,
        overdue=overdue,
        due_soon=len(due) - overdue,
        accepted=int((opps["stage"] == "accepted").sum()) if not opps.empty else 0,
        closed=int(opps["stage"].isin(vocab.CLOSED_STAGES).sum()) if not opps.empty else 0,
        longest_wait=int(longest["days"]) if longest is not None else None,
        longest_stage=str(longest["stage"]) if longest is not None else None,
    )

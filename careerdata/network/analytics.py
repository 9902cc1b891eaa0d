"""Career sales in numbers: advocacy, keep-in-touch cadence, who knows which win, sponsor coverage,
visibility against the ladder, the opportunity pipeline, and hard-conversation preparation.

Pure functions over the DataFrames from `careerdata.network.queries` (and the core queries);
`today` is always passed in. Each docstring gives the formula, so a number on a page can be
checked by hand. Nothing here calls an external service: the talking-point draft is assembled
from the user's own evidence and the public BLS pay percentiles, deterministically.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from careerdata.core.money import format_money
from careerdata.figures import network as fnetwork
from careerdata.models import career as m

# --- shared helpers ---------------------------------------------------------------------


def as_date(value) -> dt.date | None:
    """A date from a date, datetime, Timestamp, None or NaT (None for missing)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, dt.datetime):  # also pandas Timestamp
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float | str) and pd.isna(value):
        return None
    return pd.Timestamp(value).date()


_date = as_date


def _key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


STAGE_RANK = {stage: i for i, stage in enumerate(m.ADVOCACY_STAGES)}

# --- advocacy funnel --------------------------------------------------------------------


def advocacy_funnel(contacts: pd.DataFrame) -> pd.DataFrame:
    """Contacts per advocacy stage, as a funnel.

    For each stage s in unknown → aware → supporter → advocate → sponsor:
    `at_stage` = contacts whose stage is s; `at_or_beyond` = contacts whose stage is s or later
    (so the first row is every contact and the column never increases);
    `share` = at_or_beyond / number of contacts (None on an empty network).
    """
    stages = list(m.ADVOCACY_STAGES)
    counts = contacts["advocacy_stage"].value_counts() if not contacts.empty else pd.Series(dtype=int)
    at_stage = [int(counts.get(s, 0)) for s in stages]
    beyond = [sum(at_stage[i:]) for i in range(len(stages))]
    total = len(contacts)
    return pd.DataFrame({
        "stage": stages,
        "at_stage": at_stage,
        "at_or_beyond": beyond,
        "share": [b / total if total else None for b in beyond],
    })


def advocates(contacts: pd.DataFrame) -> int:
    """Contacts at advocate or sponsor stage: people who speak up for you unprompted."""
    if contacts.empty:
        return 0
    return int(contacts["advocacy_stage"].isin(["advocate", "sponsor"]).sum())


# --- keep-in-touch cadence --------------------------------------------------------------

CADENCE_STATUSES = ("never", "past_max", "due", "ok")
CADENCE_LABELS = {
    "never": "Never contacted",
    "past_max": "Past maximum",
    "due": "Past ideal",
    "ok": "In touch",
}
DEFAULT_MAX_FACTOR = 2  # when a relationship has no tier row: maximum = 2 × ideal


def contact_max_days(ideal_days: int, tier_ideal: int | None, tier_max: int | None) -> int:
    """A contact's maximum days between touches.

    A contact's ideal is its own `cadence_days`; its maximum keeps the tier's stretch:
    max = ceil(ideal × tier_max / tier_ideal). A contact on the tier default (ideal = tier_ideal)
    gets exactly tier_max. Without a tier: max = 2 × ideal.
    """
    ideal = int(ideal_days)
    if tier_ideal is None or tier_max is None or pd.isna(tier_ideal) or pd.isna(tier_max) or int(tier_ideal) <= 0:
        return ideal * DEFAULT_MAX_FACTOR
    return max(ideal, -(-ideal * int(tier_max) // int(tier_ideal)))  # integer ceiling division


def cadence_status(contacts: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Each contact's touch status, reset by the latest interaction.

    days_since = today − last interaction (NA if never);
    ideal_days = the contact's cadence_days; max_days from `contact_max_days`;
    status = "never" (no interaction), "past_max" (days_since > max_days),
    "due" (ideal_days < days_since ≤ max_days), else "ok";
    overdue_ratio = days_since / ideal_days (how many cadences have gone by; > 1 is overdue);
    due_in = ideal_days − days_since (days until the next touch is due; negative = overdue).
    """
    out = contacts.copy()
    cols = ["ideal_days", "max_days", "days_since", "status", "overdue_ratio", "due_in"]
    if out.empty:
        for col in cols:
            out[col] = pd.Series(dtype="object")
        return out
    out["ideal_days"] = out["cadence_days"].astype(int)
    tier_ideal = out["tier_ideal_days"] if "tier_ideal_days" in out else pd.Series([None] * len(out), index=out.index)
    tier_max = out["tier_max_days"] if "tier_max_days" in out else pd.Series([None] * len(out), index=out.index)
    out["max_days"] = [contact_max_days(i, ti, tm) for i, ti, tm in zip(out["ideal_days"], tier_ideal, tier_max,
                                                                          strict=True)]
    last = [_date(v) for v in out["last_interaction"]]
    days = [None if d is None else (today - d).days for d in last]
    out["days_since"] = pd.array(days, dtype="Int64")
    status = []
    for d, ideal, mx in zip(days, out["ideal_days"], out["max_days"], strict=True):
        if d is None:
            status.append("never")
        elif d > mx:
            status.append("past_max")
        elif d > ideal:
            status.append("due")
        else:
            status.append("ok")
    out["status"] = status
    out["overdue_ratio"] = [None if d is None else d / ideal for d, ideal in zip(days, out["ideal_days"], strict=True)]
    out["due_in"] = pd.array([None if d is None else ideal - d for d, ideal in zip(days, out["ideal_days"], strict=True)],
                             dtype="Int64")
    return out


def losing_touch(status: pd.DataFrame) -> pd.DataFrame:
    """Contacts past their ideal cadence, most overdue first.

    Order: never contacted, then past their maximum, then past their ideal; within each group
    by overdue_ratio (days_since / ideal_days) descending, then influence descending, then name.
    """
    if status.empty:
        return status
    due = status[status["status"] != "ok"].copy()
    rank = {"never": 0, "past_max": 1, "due": 2}
    due["_rank"] = due["status"].map(rank)
    due["_ratio"] = due["overdue_ratio"].astype(float).fillna(math.inf)
    due = due.sort_values(["_rank", "_ratio", "influence", "name"], ascending=[True, False, False, True])
    return due.drop(columns=["_rank", "_ratio"]).reset_index(drop=True)


def cadence_counts(status: pd.DataFrame) -> dict[str, int]:
    """How many contacts are in each cadence status (every status present, zero when none)."""
    counts = status["status"].value_counts() if not status.empty else pd.Series(dtype=int)
    return {s: int(counts.get(s, 0)) for s in CADENCE_STATUSES}


# --- who knows which win ----------------------------------------------------------------

KEY_RELATIONSHIPS = ("manager", "skip", "sponsor")
KEY_MIN_INFLUENCE = 4


def key_contacts(contacts: pd.DataFrame, limit: int = 12) -> pd.DataFrame:
    """Decision makers: your manager, skip-level and sponsors, plus anyone with influence ≥ 4.

    Ordered manager, skip, sponsor first, then by influence (high first), then name.
    """
    if contacts.empty:
        return contacts
    is_key = contacts["relationship"].isin(KEY_RELATIONSHIPS) | (contacts["influence"] >= KEY_MIN_INFLUENCE)
    key = contacts[is_key].copy()
    order = {r: i for i, r in enumerate(KEY_RELATIONSHIPS)}
    key["_rel"] = key["relationship"].map(order).fillna(len(order))
    key = key.sort_values(["_rel", "influence", "name"], ascending=[True, False, True])
    return key.drop(columns="_rel").head(limit).reset_index(drop=True)


def top_wins(accomplishments: pd.DataFrame, today: dt.date, years: int | None = 3, limit: int = 8) -> pd.DataFrame:
    """Your best wins: done in the last `years` years (None = all time), ranked by annualised
    money (your estimate), then number of impact metrics, then most recent."""
    if accomplishments.empty:
        return accomplishments
    wins = accomplishments.copy()
    wins["_done"] = [_date(d) for d in wins["done_on"]]
    if years is not None:
        start = today - dt.timedelta(days=round(365.25 * years))
        wins = wins[[d is not None and start <= d <= today for d in wins["_done"]]]
    wins = wins.assign(_money=wins["money_usd"].fillna(0.0))
    wins = wins.sort_values(["_money", "metrics", "_done"], ascending=[False, False, False])
    return wins.drop(columns=["_done", "_money"]).head(limit).reset_index(drop=True)


@dataclass(frozen=True)
class WhoKnows:
    """Key contacts × top wins: how many touches mentioned each win, and when last."""

    times: pd.DataFrame  # index: contact names, columns: win titles, values: touches (0 = not heard)
    last_heard: pd.DataFrame  # same shape, dates or None
    contacts: pd.DataFrame  # the key contacts (rows, in order)
    wins: pd.DataFrame  # the top wins (columns, in order)

    @property
    def unheard(self) -> int:
        """Cells where a key contact has not heard about a top win."""
        return int((self.times == 0).sum().sum())

    def reach(self) -> pd.Series:
        """Per win: how many key contacts have heard about it."""
        return (self.times > 0).sum(axis=0)

    def unaware_of(self, title: str) -> list[str]:
        return [name for name, n in self.times[title].items() if n == 0]


def who_knows(key: pd.DataFrame, wins: pd.DataFrame, mentions: pd.DataFrame) -> WhoKnows:
    """Matrix of key contacts × top wins from interactions that mention the win.

    times[c, w] = number of interactions with contact c linked to accomplishment w;
    last_heard[c, w] = the latest of those dates (None if never).
    """
    names = key["name"].tolist() if not key.empty else []
    titles = wins["title"].tolist() if not wins.empty else []
    counts: dict[tuple[str, str], int] = {}
    latest: dict[tuple[str, str], dt.date] = {}
    if names and titles and not mentions.empty:
        cid_to_name = dict(zip(key["id"], key["name"], strict=True))
        aid_to_title = dict(zip(wins["id"], wins["title"], strict=True))
        for row in mentions.itertuples():
            name, title = cid_to_name.get(row.contact_id), aid_to_title.get(row.accomplishment_id)
            if name is None or title is None:
                continue
            counts[name, title] = counts.get((name, title), 0) + int(row.times)
            heard = _date(row.last_heard)
            if heard is not None and (latest.get((name, title)) is None or heard > latest[name, title]):
                latest[name, title] = heard
    times = pd.DataFrame([[counts.get((n, t), 0) for t in titles] for n in names], index=names, columns=titles,
                         dtype=int)
    last = pd.DataFrame([[latest.get((n, t)) for t in titles] for n in names], index=names, columns=titles,
                        dtype=object)
    return WhoKnows(times=times, last_heard=last, contacts=key, wins=wins)


# --- sponsor coverage -------------------------------------------------------------------

OUTSIDE_TEAM_RELATIONSHIPS = ("skip", "sponsor", "mentor", "stakeholder")
IN_TOUCH = ("ok", "due")


def outside_advocates_needed(target_rank: int | None) -> int:
    """Advocates outside your team a promotion to `target_rank` calls for: max(1, rank − 4).

    A rule of thumb: senior (rank 5) needs one voice beyond the team, Staff / M1 (rank 6) two,
    each level above one more, because calibration widens with the level.
    """
    if target_rank is None or pd.isna(target_rank):
        return 1
    return max(1, int(target_rank) - 4)


@dataclass(frozen=True)
class CoverageCheck:
    key: str
    label: str
    status: str  # met / partial / missing
    detail: str
    people: list[str] = field(default_factory=list)


def _at_employer(status: pd.DataFrame, employer: str | None) -> pd.DataFrame:
    if not employer or status.empty:
        return status
    company = status["company"].fillna("").map(_key)
    return status[(company == _key(employer)) | (company == "")]


def _stage_at_least(frame: pd.DataFrame, stage: str) -> pd.Series:
    return frame["advocacy_stage"].map(STAGE_RANK) >= STAGE_RANK[stage]


def _names(frame: pd.DataFrame) -> list[str]:
    return frame["name"].tolist()


NAMES_SHOWN = 5  # people named in a check's sentence; CoverageCheck.people keeps everyone


def name_list(names: list[str], limit: int = NAMES_SHOWN) -> str:
    """'A, B, C' — or, past `limit` names, the first `limit` and how many more: 'A, B, C, D, E and 95 more'."""
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit:,} more"


def sponsor_coverage(status: pd.DataFrame, target_rank: int | None, target_label: str,
                     employer: str | None) -> list[CoverageCheck]:
    """Four checks for a promotion to the target level, over contacts at your current employer
    (contacts with no company count too). "In touch" means cadence status ok or due (not past
    the maximum, not never).

    1. Sponsor: advocacy stage "sponsor" (`careerdata.figures.network.sponsors`; the relationship
       plays no part). Met if one is in touch; partial if one exists but you lost touch; else missing.
    2. Skip-level: relationship "skip". Met if at supporter or beyond and in touch; partial if
       one exists; else missing.
    3. Manager: relationship "manager". Met if at supporter or beyond and in touch; partial if
       one exists; else missing.
    4. Advocates outside your team: advocate stage or beyond with relationship skip, sponsor,
       mentor or stakeholder (peers and reports count as your own team). Met if their number
       reaches `outside_advocates_needed(target_rank)`; partial if at least one; else missing.

    A check's sentence names at most five people ("… and 95 more"); `people` lists all of them.
    """
    pool = _at_employer(status, employer)
    checks: list[CoverageCheck] = []
    where = f" at {employer}" if employer else ""

    if pool.empty:
        sponsors = skips = managers = outside = pool
    else:
        sponsors = fnetwork.sponsors(pool)  # the advocacy stage only (careerdata.figures.network)
        skips = pool[pool["relationship"] == "skip"]
        managers = pool[pool["relationship"] == "manager"]
        outside = pool[pool["relationship"].isin(OUTSIDE_TEAM_RELATIONSHIPS) & _stage_at_least(pool, "advocate")]

    def warm(frame: pd.DataFrame, stage: str) -> pd.DataFrame:
        return frame[_stage_at_least(frame, stage) & frame["status"].isin(IN_TOUCH)] if not frame.empty else frame

    good = warm(sponsors, "advocate")
    if not good.empty:
        checks.append(CoverageCheck("sponsor", "A sponsor", "met",
                                    f"{name_list(_names(good))} will put your name forward.", _names(good)))
    elif not sponsors.empty:
        checks.append(CoverageCheck("sponsor", "A sponsor", "partial",
                                    "You have a sponsor, but you have lost touch: a sponsor speaks for what they "
                                    "recently heard.", _names(sponsors)))
    else:
        checks.append(CoverageCheck("sponsor", "A sponsor", "missing",
                                    f"No sponsor{where}: someone senior who will spend their credibility on "
                                    f"your promotion to {target_label}."))

    for key, frame, label, who in (("skip", skips, "A skip-level relationship", "skip-level"),
                                   ("manager", managers, "Your manager's support", "manager")):
        good = warm(frame, "supporter")
        if not good.empty:
            checks.append(CoverageCheck(key, label, "met", f"{name_list(_names(good))} supports you and you are "
                                        "in touch.", _names(good)))
        elif not frame.empty:
            stages = name_list([f"{n} ({s})" for n, s in zip(frame["name"], frame["advocacy_stage"], strict=True)])
            checks.append(CoverageCheck(key, label, "partial",
                                        f"{stages}: not yet a supporter, or you are out of touch.", _names(frame)))
        else:
            checks.append(CoverageCheck(key, label, "missing", f"No {who} in your network{where}."))

    needed = outside_advocates_needed(target_rank)
    have = len(outside)
    label = f"Advocates outside your team ({have} of {needed})"
    if have >= needed:
        checks.append(CoverageCheck("outside", label, "met", f"{name_list(_names(outside))}.", _names(outside)))
    elif have:
        checks.append(CoverageCheck("outside", label, "partial",
                                    f"{name_list(_names(outside))}; {target_label} calibration usually wants "
                                    f"{needed} voices from beyond your team.", _names(outside)))
    else:
        checks.append(CoverageCheck("outside", label, "missing",
                                    f"No advocate{where} outside your team yet; {target_label} calibration usually "
                                    f"wants {needed}."))
    return checks


def coverage_score(checks: list[CoverageCheck]) -> int:
    """Checks fully met."""
    return sum(c.status == "met" for c in checks)


# --- target level and visibility --------------------------------------------------------


def default_target_level(current_level: str | None, levels: pd.DataFrame) -> str | None:
    """The next level up on the current level's track (L5 → L6); the current level at the top of
    a track; the first level when there is no current level."""
    if levels.empty:
        return None
    if not current_level or current_level not in set(levels["code"]):
        return str(levels.iloc[0]["code"])
    row = levels[levels["code"] == current_level].iloc[0]
    above = levels[(levels["track"] == row["track"]) & (levels["rank"] > row["rank"])].sort_values("rank")
    return str(above.iloc[0]["code"]) if not above.empty else str(current_level)


@dataclass(frozen=True)
class VisibilitySummary:
    start: dt.date
    items: int
    external: int
    internal: int
    reach: int
    last_external: dt.date | None

    @property
    def external_share(self) -> float | None:
        return self.external / self.items if self.items else None


def visibility_summary(visibility: pd.DataFrame, today: dt.date, days: int = 365) -> VisibilitySummary:
    """Items in the window (today − days, today]: count, external (outside the company), internal,
    total reach (people), and the date of the last external item ever."""
    start = today - dt.timedelta(days=days)
    if visibility.empty:
        return VisibilitySummary(start, 0, 0, 0, 0, None)
    dates = [_date(d) for d in visibility["date"]]
    inside = pd.Series([start < d <= today for d in dates], index=visibility.index)
    window = visibility[inside]
    external = int(window["is_external"].astype(bool).sum())
    ext_dates = [d for d, e in zip(dates, visibility["is_external"], strict=True) if bool(e) and d <= today]
    return VisibilitySummary(start=start, items=len(window), external=external, internal=len(window) - external,
                             reach=int(window["reach"].fillna(0).sum()),
                             last_external=max(ext_dates) if ext_dates else None)


def visibility_by_year(visibility: pd.DataFrame, today: dt.date, years: int = 6) -> pd.DataFrame:
    """Internal and external items per calendar year for the last `years` years (zeros kept)."""
    labels = list(range(today.year - years + 1, today.year + 1))
    if visibility.empty:
        return pd.DataFrame({"year": labels, "internal": 0, "external": 0, "reach": 0})
    internal = dict.fromkeys(labels, 0)
    external = dict.fromkeys(labels, 0)
    reach = dict.fromkeys(labels, 0)
    for day, is_external, people in zip(visibility["date"], visibility["is_external"], visibility["reach"],
                                        strict=True):
        d = _date(day)
        if d is None or d > today or d.year not in reach:
            continue
        (external if bool(is_external) else internal)[d.year] += 1
        reach[d.year] += int(people or 0)
    return pd.DataFrame({"year": labels, "internal": [internal[y] for y in labels],
                         "external": [external[y] for y in labels], "reach": [reach[y] for y in labels]})


@dataclass(frozen=True)
class VisibilityGap:
    level: str
    level_title: str
    influence_target: int
    expectation_text: str
    expected_items: int
    expected_external: int
    items: int
    external: int
    level_met: int  # highest influence proficiency whose visibility expectation the window meets (0-5)

    @property
    def missing_items(self) -> int:
        return max(0, self.expected_items - self.items)

    @property
    def missing_external(self) -> int:
        return max(0, self.expected_external - self.external)

    @property
    def on_track(self) -> bool:
        return self.missing_items == 0 and self.missing_external == 0


def visibility_level_met(items: int, external: int, expectations: pd.DataFrame) -> int:
    """The highest influence proficiency t (1-5) such that every level up to t is met:
    items ≥ items_per_year[t'] and external ≥ external_per_year[t'] for all t' ≤ t; 0 if none."""
    met = 0
    for row in expectations.sort_values("influence_target").itertuples():
        if items >= row.items_per_year and external >= row.external_per_year:
            met = int(row.influence_target)
        else:
            break
    return met


def visibility_gap(summary: VisibilitySummary, expectations: pd.DataFrame, influence: pd.DataFrame,
                   level: str | None) -> VisibilityGap | None:
    """Your last 12 months against what the target level's influence proficiency calls for.

    target = the ladder's influence expectation at `level` (1-5); expected items and external
    items come from the visibility expectation for that target; missing = max(0, expected − have).
    None when the ladder has no influence expectation for the level.
    """
    if level is None or influence.empty or expectations.empty:
        return None
    row = influence[influence["code"] == level]
    if row.empty or pd.isna(row.iloc[0]["target"]):
        return None
    row = row.iloc[0]
    target = int(row["target"])
    exp = expectations[expectations["influence_target"] == target]
    if exp.empty:
        return None
    exp = exp.iloc[0]
    return VisibilityGap(
        level=level, level_title=str(row["title"]), influence_target=target, expectation_text=str(row["text"] or ""),
        expected_items=int(exp["items_per_year"]), expected_external=int(exp["external_per_year"]),
        items=summary.items, external=summary.external,
        level_met=visibility_level_met(summary.items, summary.external, expectations),
    )


# --- opportunity pipeline ---------------------------------------------------------------

FUNNEL_STAGES = ("lead", "conversation", "application", "interview", "offer", "accepted")
FUNNEL_RANK = {s: i for i, s in enumerate(FUNNEL_STAGES)}
CLOSED = ("accepted", "lost")


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
    n = len(FUNNEL_STAGES)
    if opps.empty:
        return pd.DataFrame({"stage": list(FUNNEL_STAGES), "reached": 0, "open_here": 0, "lost_here": 0,
                             "conversion": [None] * n})
    furthest = _furthest(opps, stages)
    status = dict(zip(opps["id"], opps["stage"], strict=True))
    for k, stage in enumerate(FUNNEL_STAGES):
        reached = sum(f >= k for f in furthest.values())
        open_here = sum(f == k and status[o] not in CLOSED for o, f in furthest.items())
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
            history.setdefault(oid, []).append((_date(entered), order.get(stage, 99), stage))
    out = []
    for oid in sorted(history):
        title, kind, current = info[oid]
        rows = sorted(history[oid])
        for i, (entered, _, stage) in enumerate(rows):
            if stage in CLOSED:
                continue
            if i + 1 < len(rows):
                left = rows[i + 1][0]
                out.append([oid, title, kind, stage, entered, left, (left - entered).days, False])
            elif current not in CLOSED:
                out.append([oid, title, kind, stage, entered, None, (today - entered).days, True])
    return pd.DataFrame(out, columns=cols)


def time_in_stage(stints: pd.DataFrame) -> pd.DataFrame:
    """Per funnel stage: median and mean days of completed stints, how many completed, how many
    are ongoing and the age of the oldest ongoing one (every stage before 'accepted' listed)."""
    rows = []
    for stage in FUNNEL_STAGES[:-1]:
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
    live = opps[~opps["stage"].isin(CLOSED)].copy()
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
    live["due_in"] = [(_date(d) - today).days for d in live["follow_up_due"]]
    live = live[live["due_in"] <= horizon_days]
    return live.sort_values("due_in").reset_index(drop=True)


# --- hard conversations: pay --------------------------------------------------------------

PERCENTILES = (10, 25, 50, 75, 90)
TOPCODE_USD = 239_200  # BLS OEWS May 2025: '#' means a wage of at least $239,200 a year
MIN_RAISE = 0.03  # a target below current pay × 1.03 is not worth a hard conversation
DEFAULT_RAISE = 0.05  # when no benchmark sits above your pay
ANCHOR_PREMIUM = 0.06  # open this much above the target


def percentile_points(market: dict | pd.Series | None) -> list[tuple[int, float]]:
    """(percentile, annual wage) pairs that BLS published for the occupation (top-coded ones left out)."""
    if market is None:
        return []
    points = []
    for p in PERCENTILES:
        value = market.get(f"p{p}")
        if value is not None and not pd.isna(value):
            points.append((p, float(value)))
    return points


@dataclass(frozen=True)
class PayPosition:
    percentile: float | None  # None when outside the published range
    label: str


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def pay_percentile(amount: float | None, market: dict | pd.Series | None) -> PayPosition | None:
    """Where an annual amount sits among the occupation's BLS percentiles.

    Linear interpolation between the two published percentiles around it:
    pct = p_lo + (p_hi − p_lo) × (amount − wage_lo) / (wage_hi − wage_lo).
    Below the lowest published percentile or above the highest, it says so instead.
    """
    points = percentile_points(market)
    if amount is None or pd.isna(amount) or not points:
        return None
    lo_p, lo_w = points[0]
    hi_p, hi_w = points[-1]
    if amount < lo_w:
        return PayPosition(None, f"below the {_ordinal(lo_p)} percentile")
    if amount > hi_w:
        return PayPosition(None, f"above the {_ordinal(hi_p)} percentile")
    for (p1, w1), (p2, w2) in zip(points, points[1:], strict=False):
        if w1 <= amount <= w2:
            pct = p1 if w2 == w1 else p1 + (p2 - p1) * (amount - w1) / (w2 - w1)
            return PayPosition(pct, f"about the {_ordinal(round(pct))} percentile")
    return PayPosition(float(lo_p), f"about the {_ordinal(lo_p)} percentile")


def _ceil_k(x: float) -> float:
    return float(math.ceil(round(x, 2) / 1000) * 1000)


def _floor_k(x: float) -> float:
    return float(math.floor(round(x, 2) / 1000) * 1000)


@dataclass(frozen=True)
class Numbers:
    anchor: float
    target: float
    walk_away: float
    basis: str


def suggest_numbers(current_pay: float | None, market: dict | pd.Series | None,
                    pay_point_amounts: list[float]) -> Numbers | None:
    """Suggested anchor, target and walk-away for a pay conversation.

    With current pay c: candidates = the BLS percentiles and your own pay data points that are at
    least c × 1.03; target = the lowest candidate rounded up to $1,000 (or c × 1.05 when none);
    anchor = target × 1.06 rounded up to $1,000; walk-away = c + (target − c) / 2 rounded down
    to $1,000. Without current pay: target = the 75th percentile, walk-away = the median.
    None when neither current pay nor BLS percentiles are known.
    """
    points = dict(percentile_points(market))
    own = [float(a) for a in pay_point_amounts if a is not None and not pd.isna(a)]
    if current_pay:
        c = float(current_pay)
        floor = c * (1 + MIN_RAISE)
        candidates = [w for w in [*points.values(), *own] if w >= floor]
        if candidates:
            best = min(candidates)
            source = next((f"the BLS {_ordinal(p)} percentile" for p, w in points.items() if w == best),
                          "your own pay data point")
            target = _ceil_k(best)
            basis = f"target = {source} ({format_money_exact(best)}), the lowest benchmark at least 3% above your pay"
        else:
            target = _ceil_k(c * (1 + DEFAULT_RAISE))
            basis = "no benchmark sits 3% or more above your pay, so target = your pay + 5%"
        return Numbers(anchor=_ceil_k(target * (1 + ANCHOR_PREMIUM)), target=target,
                       walk_away=_floor_k(c + (target - c) / 2), basis=basis)
    if 75 in points and 50 in points:
        target = _ceil_k(points[75])
        return Numbers(anchor=_ceil_k(target * (1 + ANCHOR_PREMIUM)), target=target, walk_away=_floor_k(points[50]),
                       basis="no current pay in your profile, so target = the BLS 75th percentile, "
                             "walk-away = the median")
    return None


def format_money_exact(value: float | None) -> str:
    """$214,670: exact dollars, for talking points and tables."""
    if value is None or pd.isna(value):
        return "—"
    return f"${value:,.0f}"


def pay_comparison(market: dict | pd.Series | None, current_pay: float | None, numbers: dict[str, float | None],
                   pay_points: pd.DataFrame) -> pd.DataFrame:
    """The rows of the pay chart: BLS percentiles (market), your pay data points and your numbers.

    Columns: group (the chart row), label, amount, source ("market" or "yours"), detail.
    """
    rows = []
    for p, w in percentile_points(market):
        rows.append(("BLS percentiles", "Median" if p == 50 else f"{_ordinal(p)} pct", w, "market",
                     f"{_ordinal(p)} percentile of {market.get('title', '')}"))
    if not pay_points.empty:
        for r in pay_points.itertuples():
            when = _date(r.as_of)
            rows.append(("Your pay data points", str(r.kind).replace("_", " "), float(r.amount), "yours",
                         f"{r.role} · {str(r.kind).replace('_', ' ')} · {when:%b %Y}" if when else str(r.role)))
    if current_pay:
        rows.append(("Your numbers", "Current pay", float(current_pay), "yours", "your current base pay (profile)"))
    for key, label in (("walk_away", "Walk-away"), ("target", "Target"), ("anchor", "Anchor")):
        value = numbers.get(key)
        if value is not None and not pd.isna(value):
            rows.append(("Your numbers", label, float(value), "yours", f"your {label.lower()}"))
    return pd.DataFrame(rows, columns=["group", "label", "amount", "source", "detail"])


# --- hard conversations: drafting -------------------------------------------------------

COMMON_OBJECTIONS: dict[str, list[str]] = {
    "raise": [
        "The budget for this cycle is already fixed.",
        "Pay is only set at the annual review.",
        "Market data from elsewhere doesn't apply to our company.",
        "Let's revisit this after your next review.",
    ],
    "promotion": [
        "You're not ready yet: show it for longer.",
        "There are only a few promotion slots this cycle.",
        "Most of your impact is inside your own team.",
        "I haven't seen you operate at the next level.",
    ],
    "scope": [
        "That belongs to another team.",
        "It will pull you away from your current work.",
        "It's too early to decide who owns that.",
    ],
    "on_call": [
        "Every team carries the same on-call load.",
        "We can't spare the time to fix alerts.",
        "Other teams won't want to join the rotation.",
    ],
    "other": [
        "Now isn't a good time.",
        "What exactly are you asking me to do?",
    ],
}

DEFAULT_ASK = {
    "raise": "Ask for a pay adjustment",
    "promotion": "Ask to be put forward for promotion",
    "scope": "Ask for the larger scope",
    "on_call": "Ask for a fairer on-call load",
    "other": "Make the ask",
}

EVIDENCE_YEARS = 3
EVIDENCE_WINS = 3


def _win_line(win, counterpart: str | None, heard: set[int]) -> str:
    money = win.money_usd if win.money_usd and not pd.isna(win.money_usd) else None
    proof = f"{format_money(money)} a year (your estimate)" if money else (
        f"{int(win.metrics)} impact metric(s)" if win.metrics else "no metric yet")
    done = _date(win.done_on)
    line = f"- **{win.title}** ({done:%b %Y}): {proof}." if done else f"- **{win.title}**: {proof}."
    if counterpart:
        line += " Already heard it." if win.id in heard else f" New to {counterpart}: lead with it."
    return line


def draft_talking_points(
    conversation: dict,
    wins: pd.DataFrame,
    today: dt.date,
    *,
    heard: set[int] | None = None,
    market: dict | pd.Series | None = None,
    current_pay: float | None = None,
    pay_points: pd.DataFrame | None = None,
    numbers: Numbers | None = None,
    level_expectation: tuple[str, str] | None = None,
) -> str:
    """Talking points in Markdown, assembled from your data only (same input, same text).

    Sections: the ask (the goal, or a default per kind); evidence (your top wins of the last
    three years by annualised money, then metrics, marked new or already heard by the
    counterpart, from logged interactions); for promotions, the target level's influence
    expectation; for raises (or when numbers are set), the BLS percentiles, where your current
    pay and target sit among them, your own pay data points, and anchor / target / walk-away
    (your own numbers, else the suggested ones, labelled so); and a close.
    """
    heard = heard or set()
    counterpart = conversation.get("counterpart") or None
    kind = conversation.get("kind", "other")
    lines: list[str] = []
    goal = (conversation.get("goal") or "").strip()
    lines.append(f"**The ask:** {goal if goal else DEFAULT_ASK.get(kind, DEFAULT_ASK['other']) + '.'}")

    best = top_wins(wins, today, years=EVIDENCE_YEARS, limit=EVIDENCE_WINS)
    lines.append("")
    if best.empty:
        lines.append("**Evidence:** no accomplishments in the last three years yet. Log your wins with their "
                     "impact in the Journal first.")
    else:
        lines.append(f"**Evidence** (your top {len(best)} wins of the last {EVIDENCE_YEARS} years):")
        lines.extend(_win_line(w, counterpart, heard) for w in best.itertuples())

    if kind == "promotion" and level_expectation:
        label, text = level_expectation
        lines.append("")
        lines.append(f"**What {label} expects** (your ladder, influence): {text}")

    own = {k: conversation.get(k) for k in ("anchor", "target", "walk_away")}
    has_own = any(v is not None and not pd.isna(v) for v in own.values())
    points = percentile_points(market)
    if (kind == "raise" or has_own) and (points or current_pay or has_own):
        lines.append("")
        if points:
            year = market.get("year")
            title = market.get("title")
            lines.append(f"**Market** (BLS OEWS May {year}, {title}, national, all experience levels):")
            lines.append("- " + "; ".join(
                f"{'median' if p == 50 else _ordinal(p) + ' percentile'} {format_money_exact(w)}" for p, w in points)
                + ".")
            if market.get("topcoded_fields"):
                lines.append(f"- BLS top-codes the highest wages: the percentile(s) left out are at least "
                             f"{format_money_exact(TOPCODE_USD)}.")
            if market.get("wage_is_soc_aggregate"):
                lines.append(f"- These wages cover the whole group '{market.get('wage_occ_title')}', not only this "
                             "specialty.")
        else:
            lines.append("**Market:** no BLS percentiles for this occupation.")
        if current_pay:
            where = pay_percentile(current_pay, market)
            tail = f", {where.label} for this occupation" if where else ""
            lines.append(f"- Your current pay: {format_money_exact(current_pay)}{tail}.")
        if pay_points is not None and not pay_points.empty:
            quoted = "; ".join(
                f"{format_money_exact(r.amount)} ({str(r.kind).replace('_', ' ')}, {r.role}, {_date(r.as_of):%b %Y})"
                for r in pay_points.itertuples())
            lines.append(f"- Pay data points you collected: {quoted}.")
        if points:
            lines.append("- BLS covers every experience level nationally and leaves out bonus and equity: "
                         "use it as a floor, not the local market.")
        nums = own if has_own else (
            {"anchor": numbers.anchor, "target": numbers.target, "walk_away": numbers.walk_away} if numbers else {})
        if nums and any(v is not None and not pd.isna(v) for v in nums.values()):
            whose = "Your numbers" if has_own else "Suggested numbers (edit them in Numbers)"
            parts = []
            if nums.get("anchor") is not None and not pd.isna(nums.get("anchor")):
                parts.append(f"open at {format_money_exact(nums['anchor'])} (anchor)")
            if nums.get("target") is not None and not pd.isna(nums.get("target")):
                target = nums["target"]
                where = pay_percentile(target, market)
                parts.append(f"aim for {format_money_exact(target)} (target" + (f", {where.label}" if where else "")
                             + ")")
            if nums.get("walk_away") is not None and not pd.isna(nums.get("walk_away")):
                parts.append(f"do not settle below {format_money_exact(nums['walk_away'])} (walk-away)")
            lines.append("")
            lines.append(f"**{whose}:** " + ", ".join(parts) + ".")
            if not has_own and numbers:
                lines.append(f"- How they were suggested: {numbers.basis}.")

    lines.append("")
    lines.append("**Close:** make the ask, give the proof, then stop talking. Agree the next step and a date.")
    return "\n".join(lines)


def missing_common_objections(kind: str, existing: list[str]) -> list[str]:
    """The common objections for this kind of conversation that have no card yet."""
    have = {_key(o) for o in existing}
    return [o for o in COMMON_OBJECTIONS.get(kind, COMMON_OBJECTIONS["other"]) if _key(o) not in have]


def default_occupation(saved: str | None, role_occupations: list[str], market_codes: list[str]) -> str | None:
    """The occupation a conversation quotes: the saved one, else the one most of your target roles
    map to, else Software Developers (15-1252.00), else the first with pay data."""
    for code in [saved, *role_occupations, "15-1252.00"]:
        if code and code in market_codes:
            return code
    return market_codes[0] if market_codes else None


@dataclass(frozen=True)
class Readiness:
    rehearsals: int
    first_before: int | None
    latest_after: int | None
    objections: int
    answered: int

    @property
    def gain(self) -> int | None:
        """latest confidence after − first confidence before (1-5 scale)."""
        if self.first_before is None or self.latest_after is None:
            return None
        return self.latest_after - self.first_before


def readiness(rehearsals: pd.DataFrame, objections: pd.DataFrame) -> Readiness:
    """Rehearsal count, first 'before' and latest 'after' confidence, and objection cards answered
    (an answer that is not blank)."""
    answered = int(objections["answer"].fillna("").str.strip().ne("").sum()) if not objections.empty else 0
    if rehearsals.empty:
        return Readiness(0, None, None, len(objections), answered)
    ordered = rehearsals.sort_values(["date", "id"]) if "id" in rehearsals else rehearsals.sort_values("date")
    return Readiness(len(ordered), int(ordered.iloc[0]["confidence_before"]), int(ordered.iloc[-1]["confidence_after"]),
                     len(objections), answered)


def next_conversation(convs: pd.DataFrame, today: dt.date) -> dict | None:
    """The soonest planned or rehearsing conversation dated today or later (else one without a date)."""
    if convs.empty:
        return None
    live = convs[convs["status"].isin(["planned", "rehearsing"])]
    dates = [_date(d) for d in live["planned_for"]]
    upcoming = [(d, i) for d, i in zip(dates, live.index, strict=True) if d is not None and d >= today]
    if upcoming:
        return live.loc[min(upcoming)[1]].to_dict()
    undated = [i for d, i in zip(dates, live.index, strict=True) if d is None]
    return live.loc[undated[0]].to_dict() if undated else None


def pay_finding(market: dict | pd.Series | None, current_pay: float | None, target: float | None) -> str:
    """The pay chart's title: where your target (else your current pay) sits among the BLS percentiles."""
    if market is None:
        return "Your pay numbers"
    where_to = f"for {market.get('title')} (BLS, May {market.get('year')})"
    for label, amount in (("Your target of", target), ("Your current pay of", current_pay)):
        if amount is not None and not pd.isna(amount):
            pos = pay_percentile(amount, market)
            if pos:
                return f"{label} {format_money(amount)} is {pos.label} {where_to}"
    median = market.get("p50")
    if median is not None and not pd.isna(median):
        return f"The median {where_to} is {format_money(median)}"
    return f"Pay percentiles {where_to}"


def when_label(day, today: dt.date) -> str:
    """'today', 'in 12 days', '3 days ago', or 'no date set'."""
    d = _date(day)
    if d is None:
        return "no date set"
    delta = (d - today).days
    if delta == 0:
        return "today"
    if delta > 0:
        return "tomorrow" if delta == 1 else f"in {delta} days"
    return "yesterday" if delta == -1 else f"{-delta} days ago"


def page_count(total: int, size: int) -> int:
    """Pages needed to list `total` items `size` at a time: ceil(total / size), at least 1."""
    return max(1, -(-int(total) // int(size)))


def page_bounds(total: int, page: int, size: int) -> tuple[int, int]:
    """Row positions [start, end) of page `page` (1-based) of a list of `total` items shown `size`
    at a time: start = (page − 1) × size, end = min(total, start + size). A page number out of
    range is clamped to the first or last page (a list can shrink under a remembered page)."""
    page = min(max(1, int(page)), page_count(total, size))
    start = (page - 1) * size
    return start, min(int(total), start + size)


def showing_label(start: int, end: int, total: int, noun: str, order: str) -> str:
    """What a truncated list shows and how many it hides:
    'Showing 1–20 of 1,043 contacts, most overdue first; 1,023 more on the other pages.'"""
    hidden = int(total) - (end - start)
    text = f"Showing {start + 1:,}–{end:,} of {int(total):,} {noun}, {order}"
    return text + (f"; {hidden:,} more on the other pages." if hidden > 0 else ".")


def cadence_by_tier(status: pd.DataFrame) -> pd.DataFrame:
    """Contacts per relationship tier and cadence status (one column per status, zeros kept)."""
    cols = ["relationship", *CADENCE_STATUSES]
    if status.empty:
        return pd.DataFrame(columns=cols)
    table = status.groupby("relationship")["status"].value_counts().unstack(fill_value=0)
    table = table.reindex(columns=list(CADENCE_STATUSES), fill_value=0).reset_index()
    order = {r: i for i, r in enumerate(m.RELATIONSHIPS)}
    table = table.sort_values("relationship", key=lambda s: s.map(order).fillna(len(order)))
    return table[cols].reset_index(drop=True).astype({s: int for s in CADENCE_STATUSES})


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
        closed=int(opps["stage"].isin(CLOSED).sum()) if not opps.empty else 0,
        longest_wait=int(longest["days"]) if longest is not None else None,
        longest_stage=str(longest["stage"]) if longest is not None else None,
    )

"""Your network in numbers: advocacy, keep-in-touch cadence, who knows which win, sponsor coverage
and visibility against the ladder.

Pure functions over the DataFrames from `careerdata.network.queries` (and the journal's queries);
`today` is always passed in. Each docstring gives the formula, so a number on a page can be
checked by hand.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from careerdata.core import vocab
from careerdata.core.dates import as_date
from careerdata.core.text import name_key
from careerdata.figures import network as fnetwork

# --- advocacy funnel --------------------------------------------------------------------


def advocacy_funnel(contacts: pd.DataFrame) -> pd.DataFrame:
    """Contacts per advocacy stage, as a funnel.

    For each stage s in unknown → aware → supporter → advocate → sponsor:
    `at_stage` = contacts whose stage is s; `at_or_beyond` = contacts whose stage is s or later
    (so the first row is every contact and the column never increases);
    `share` = at_or_beyond / number of contacts (None on an empty network).
    """
    stages = list(vocab.ADVOCACY_STAGES)
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
    last = [as_date(v) for v in out["last_interaction"]]
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
    return {s: int(counts.get(s, 0)) for s in vocab.CADENCE_STATUSES}


# --- who knows which win ----------------------------------------------------------------

KEY_RELATIONSHIPS = ("manager", "skip")
KEY_MIN_INFLUENCE = 4


def key_contacts(contacts: pd.DataFrame, limit: int = 12) -> pd.DataFrame:
    """Decision makers: your manager, skip-level and sponsors (the advocacy stage,
    `careerdata.figures.network.sponsors`), plus anyone with influence ≥ 4.

    Ordered manager, skip, sponsors first, then by influence (high first), then name.
    """
    if contacts.empty:
        return contacts
    sponsor = pd.Series(contacts.index.isin(fnetwork.sponsors(contacts).index), index=contacts.index)
    is_key = contacts["relationship"].isin(KEY_RELATIONSHIPS) | sponsor | (contacts["influence"] >= KEY_MIN_INFLUENCE)
    key = contacts[is_key].copy()
    order = {r: i for i, r in enumerate(KEY_RELATIONSHIPS)}  # then sponsors, then everyone else
    key["_rel"] = [order.get(r, len(order) if s else len(order) + 1)
                   for r, s in zip(key["relationship"], sponsor[is_key], strict=True)]
    key = key.sort_values(["_rel", "influence", "name"], ascending=[True, False, True])
    return key.drop(columns="_rel").head(limit).reset_index(drop=True)


def top_wins(accomplishments: pd.DataFrame, today: dt.date, years: int | None = 3, limit: int = 8) -> pd.DataFrame:
    """Your best wins: done in the last `years` years (None = all time), ranked by annualised
    money (your estimate), then number of impact metrics, then most recent."""
    if accomplishments.empty:
        return accomplishments
    wins = accomplishments.copy()
    wins["_done"] = [as_date(d) for d in wins["done_on"]]
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
            heard = as_date(row.last_heard)
            if heard is not None and (latest.get((name, title)) is None or heard > latest[name, title]):
                latest[name, title] = heard
    times = pd.DataFrame([[counts.get((n, t), 0) for t in titles] for n in names], index=names, columns=titles,
                         dtype=int)
    last = pd.DataFrame([[latest.get((n, t)) for t in titles] for n in names], index=names, columns=titles,
                        dtype=object)
    return WhoKnows(times=times, last_heard=last, contacts=key, wins=wins)


# --- sponsor coverage -------------------------------------------------------------------

OUTSIDE_TEAM_RELATIONSHIPS = ("skip", "senior_leader", "mentor", "stakeholder")
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
    company = status["company"].fillna("").map(name_key)
    return status[(company == name_key(employer)) | (company == "")]


def _stage_at_least(frame: pd.DataFrame, stage: str) -> pd.Series:
    return frame["advocacy_stage"].map(vocab.ADVOCACY_RANK) >= vocab.ADVOCACY_RANK[stage]


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
    4. Advocates outside your team: advocate stage or beyond with relationship skip, senior
       leader, mentor or stakeholder (peers and reports count as your own team). Met if their number
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
    dates = [as_date(d) for d in visibility["date"]]
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
        d = as_date(day)
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


# --- cadence by tier -----------------------------------------------------------------------


def cadence_by_tier(status: pd.DataFrame) -> pd.DataFrame:
    """Contacts per relationship tier and cadence status (one column per status, zeros kept)."""
    cols = ["relationship", *vocab.CADENCE_STATUSES]
    if status.empty:
        return pd.DataFrame(columns=cols)
    table = status.groupby("relationship")["status"].value_counts().unstack(fill_value=0)
    table = table.reindex(columns=list(vocab.CADENCE_STATUSES), fill_value=0).reset_index()
    order = {r: i for i, r in enumerate(vocab.RELATIONSHIPS)}
    table = table.sort_values("relationship", key=lambda s: s.map(order).fillna(len(order)))
    return table[cols].reset_index(drop=True).astype({s: int for s in vocab.CADENCE_STATUSES})

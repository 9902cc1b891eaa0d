"""Which O*NET skills go with higher pay across occupations, stated honestly.

For each O*NET skill (or knowledge area) the occupations that have both their own O*NET ratings
and their own BLS OEWS median wage (not a SOC-group wage) give n pairs (importance, median wage):

- r = Pearson correlation of importance with median wage;
- its 95% interval by the Fisher z transform: z = atanh(r), se = 1 / sqrt(n − 3),
  interval = tanh(z ± 1.96 · se) (needs n ≥ 4);
- slope = the least-squares change in median wage (USD) per importance point, an association
  across occupations, not what one more point of a skill earns a person;
- the same with the two manager occupations (11-3021 Computer and Information Systems Managers,
  11-9041 Architectural and Engineering Managers) left out, because they are the best paid and
  rate every social and resource skill high, so they alone can carry a correlation.

The value model uses r as the skill's **pay weight** = 1 + r / 2 (0.5 to 1.5): a skill whose
importance rises with pay counts up to half again, one that falls with pay down to half.
"""

from __future__ import annotations

import math

import pandas as pd

MANAGER_CODES = ("11-3021.00", "11-9041.00")
Z95 = 1.959964
GRADIENT_COLUMNS = ["element_id", "skill", "kind", "correlation", "ci_low", "ci_high", "slope_usd", "occupations",
                    "mean_importance"]


def fisher_interval(r: float, n: int, z: float = Z95) -> tuple[float | None, float | None]:
    """95% interval of a Pearson r from n pairs by the Fisher z transform; (None, None) when n < 4."""
    if n < 4 or not -1.0 < r < 1.0:
        return None, None
    centre, se = math.atanh(r), 1.0 / math.sqrt(n - 3)
    return math.tanh(centre - z * se), math.tanh(centre + z * se)


def skill_pay_gradient(ratings: pd.DataFrame, roles: pd.DataFrame, exclude: tuple[str, ...] = (),
                       kinds: tuple[str, ...] = ("skill",)) -> pd.DataFrame:
    """Per O*NET element: r, its 95% interval, slope and n across rated occupations with their own wage.

    ratings: onet_soc_code, element_id, name, kind, importance; roles: onet_soc_code, median_wage,
    wage_is_soc_aggregate. `exclude`: occupation codes left out (e.g. MANAGER_CODES).
    """
    own = roles[~roles["wage_is_soc_aggregate"].astype(bool) & roles["median_wage"].notna()
                & ~roles["onet_soc_code"].isin(exclude)]
    data = ratings[ratings["kind"].isin(kinds)].merge(own[["onet_soc_code", "median_wage"]], on="onet_soc_code")
    x = data["importance"].astype(float).to_numpy()
    y = data["median_wage"].astype(float).to_numpy()
    sums = pd.DataFrame({"element_id": data["element_id"].astype(str).to_numpy(),
                         "skill": data["name"].astype(str).to_numpy(), "kind": data["kind"].astype(str).to_numpy(),
                         "n": 1, "x": x, "y": y, "xx": x * x, "yy": y * y, "xy": x * y}) \
        .groupby(["element_id", "skill", "kind"], as_index=False).sum()
    rows = []
    for g in sums.itertuples(index=False):
        sxx, syy, sxy = g.xx - g.x ** 2 / g.n, g.yy - g.y ** 2 / g.n, g.xy - g.x * g.y / g.n
        if g.n < 3 or sxx <= 1e-12 or syy <= 1e-12:
            continue
        r = max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))
        low, high = fisher_interval(r, int(g.n))
        rows.append({"element_id": g.element_id, "skill": g.skill, "kind": g.kind, "correlation": round(r, 3),
                     "ci_low": None if low is None else round(low, 3),
                     "ci_high": None if high is None else round(high, 3),
                     "slope_usd": round(sxy / sxx), "occupations": int(g.n),
                     "mean_importance": round(g.x / g.n, 2)})
    out = pd.DataFrame(rows, columns=GRADIENT_COLUMNS)
    return out.sort_values("correlation", ascending=False).reset_index(drop=True)


def with_and_without_managers(ratings: pd.DataFrame, roles: pd.DataFrame) -> pd.DataFrame:
    """The gradient with all occupations, plus r, interval and n without the two manager occupations."""
    full = skill_pay_gradient(ratings, roles)
    rest = skill_pay_gradient(ratings, roles, exclude=MANAGER_CODES)[
        ["element_id", "correlation", "ci_low", "ci_high", "occupations"]]
    rest = rest.rename(columns={"correlation": "r_without_managers", "ci_low": "ci_low_without_managers",
                                "ci_high": "ci_high_without_managers", "occupations": "n_without_managers"})
    return full.merge(rest, on="element_id", how="left")


def pay_weights(gradient: pd.DataFrame) -> dict[str, float]:
    """O*NET element -> pay weight = 1 + r / 2 (see the module docstring)."""
    return {e: round(1.0 + float(r) / 2.0, 4) for e, r in zip(gradient["element_id"], gradient["correlation"],
                                                              strict=True)}


def association_sentence(row) -> str:
    """One honest line for a skill: r with its interval and n, worded as an association."""
    def interval(low, high) -> str:
        if low is None or pd.isna(low):
            return "interval n/a"
        return f"95% interval {low:+.2f} to {high:+.2f}"

    text = (f"{row.skill}: r = {row.correlation:+.2f} ({interval(row.ci_low, row.ci_high)}, "
            f"n = {row.occupations} occupations)")
    if "r_without_managers" in row._fields and not pd.isna(row.r_without_managers):
        text += (f"; without the two manager occupations r = {row.r_without_managers:+.2f} "
                 f"({interval(row.ci_low_without_managers, row.ci_high_without_managers)}, "
                 f"n = {int(row.n_without_managers)})")
    return text


def signed_money(value: float) -> str:
    """+$1,234 or −$1,234 (never "+$-1,234")."""
    sign = "−" if value < 0 else "+"
    return f"{sign}${abs(value):,.0f}"

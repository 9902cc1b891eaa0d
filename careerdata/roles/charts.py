"""Charts of the target-role comparison and the learning plan."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core import placement
from careerdata.core.charts import BENCHMARK_COLOR, USER_COLOR, apply_theme, wrap_label

ROLE_COLORS = ["#4F46E5", "#0D9488", "#D97706", "#DB2777"]
HEATMAP_ROWS = 24  # the most important requirements across the roles compared
ROLE_SYMBOLS = ["circle", "diamond", "square", "triangle-up"]  # two roles on one spot stay told apart


def fit_pay_chart(rows: pd.DataFrame, current_pay: float | None) -> go.Figure:
    """Each role: its role fit (`careerdata.figures.fit.role_fit`, x) against BLS median pay (y) with the 25th–75th range."""
    data = rows.dropna(subset=["median_wage"]).reset_index(drop=True)
    # roles of one occupation share a point (same BLS pay, often the same fit): nudge them apart
    plot = placement.Plot(300, (-5, 105), (float(data["median_wage"].min()) * 0.8 if len(data) else 0,
                                          float(data["median_wage"].max()) * 1.2 if len(data) else 1))
    xs = placement.dodge(data["fit"].astype(float).tolist(), data["median_wage"].astype(float).tolist(),
                         [10.0] * len(data), plot, max_shift=3.0)
    fig = go.Figure()
    for i, r in enumerate(data.itertuples(index=False)):
        color = ROLE_COLORS[i % len(ROLE_COLORS)]
        fig.add_scatter(  # named in the legend, not beside the point: roles of one occupation share a spot
            x=[xs[i]], y=[r.median_wage], mode="markers", marker={"size": 18, "color": color,
                                                                  "symbol": ROLE_SYMBOLS[i % len(ROLE_SYMBOLS)]},
            name=r.role,
            error_y={"type": "data", "symmetric": False, "array": [(r.p75 or r.median_wage) - r.median_wage],
                     "arrayminus": [r.median_wage - (r.p25 or r.median_wage)], "color": color},
            hovertext=(f"<b>{r.role}</b><br>Role fit {r.fit:.0f}/100<br>{r.occupation}: median ${r.median_wage:,.0f} "
                       f"(25th–75th ${r.p25:,.0f}–${r.p75:,.0f}), BLS OEWS May {r.year}"),
            hoverinfo="text")
    if current_pay:  # a legend entry, not a label on the line: it cannot cover a role
        fig.add_scatter(x=[-5, 105], y=[current_pay] * 2, mode="lines", name=f"Your pay ${current_pay:,.0f} (your figure)",
                        line={"color": BENCHMARK_COLOR, "dash": "dash"}, hoverinfo="skip")
    title = "Role fit against pay"
    if not data.empty:
        best = data.sort_values(["fit", "median_wage"], ascending=False).iloc[0]
        title = f"Your role fit is highest for {best['role']} ({best['fit']:.0f}/100); bars show the middle half of pay"
    fig.update_xaxes(title="Role fit (0–100)", range=[-5, 105])
    fig.update_yaxes(title="Median annual wage, BLS OEWS (USD)", tickprefix="$", tickformat="~s")
    return apply_theme(fig, title=title, height=460)


def pay_finding(rows: pd.DataFrame, current_pay: float | None) -> str:
    """The pay chart's title: where your pay sits against the roles' BLS medians, and the best-paid role."""
    data = rows.dropna(subset=["median_wage"])
    if data.empty:
        return "Pay: no BLS pay data for these roles"
    top = data.sort_values("median_wage", ascending=False).iloc[0]
    best = f"{top['role']} pays most (BLS median ${top['median_wage']:,.0f})"
    if not current_pay:
        return best
    below = int((data["median_wage"] < current_pay).sum())
    return f"Your pay ${current_pay:,.0f} is above the BLS median of {below} of {len(data)} roles; {best}"


def pay_compare_chart(rows: pd.DataFrame, points: pd.DataFrame, current_pay: float | None) -> go.Figure:
    """Per role: BLS 10th–90th and 25th–75th ranges, the median, the role's posted range and your data points."""
    fig = go.Figure()
    shown: set[str] = set()

    def legend(name: str) -> dict:  # each kind of mark once in the legend, which says what it means
        first = name not in shown
        shown.add(name)
        return {"name": name, "legendgroup": name, "showlegend": first}

    for r in rows.iloc[::-1].itertuples(index=False):
        if pd.notna(r.median_wage):
            if pd.notna(r.p10) and pd.notna(r.p90):
                fig.add_scatter(x=[r.p10, r.p90], y=[r.role] * 2, mode="lines", line={"color": "#D1D5DB", "width": 2},
                                hoverinfo="skip", **legend("BLS 10th–90th"))
            fig.add_scatter(x=[r.p25, r.p75], y=[r.role] * 2, mode="lines", line={"color": BENCHMARK_COLOR,
                                                                                   "width": 12},
                            hoverinfo="skip", **legend("BLS 25th–75th"))
            fig.add_scatter(x=[r.median_wage], y=[r.role], mode="markers", marker={"color": "#374151", "size": 11},
                            hovertext=f"<b>{r.role}</b>: BLS median ${r.median_wage:,.0f} ({r.occupation}, May {r.year})",
                            hoverinfo="text", **legend("BLS median"))
        low, high = getattr(r, "estimate_low", None), getattr(r, "estimate_high", None)
        if low is not None and high is not None and pd.notna(low) and pd.notna(high):
            fig.add_scatter(x=[low, high], y=[r.role] * 2, mode="lines", line={"color": "#F59E0B", "width": 5},
                            opacity=0.85, hovertext=f"<b>{r.role}</b>: {r.estimate_label} (our estimate)",
                            hoverinfo="text", **legend("Level estimate (ours)"))
        if pd.notna(r.pay_min) and pd.notna(r.pay_max):
            fig.add_scatter(x=[r.pay_min, r.pay_max], y=[r.role] * 2, mode="lines+markers",
                            line={"color": USER_COLOR, "width": 3, "dash": "dot"},
                            marker={"symbol": "line-ns-open", "size": 14},
                            hovertext=f"<b>{r.role}</b>: role pay range ${r.pay_min:,.0f}–${r.pay_max:,.0f} "
                                      "(your figure)", hoverinfo="text", **legend("Role range (yours)"))
    if not points.empty:
        fig.add_scatter(x=points["amount"], y=points["role"], mode="markers", name="Your data points",
                        marker={"symbol": "diamond", "size": 13, "color": USER_COLOR,
                                "line": {"color": "white", "width": 1}},
                        hovertext=[f"<b>{p.role}</b>: {p.kind.replace('_', ' ')} ${p.amount:,.0f} ({p.as_of:%b %Y})"
                                   + (f" · {p.note}" if p.note else "") for p in points.itertuples(index=False)],
                        hoverinfo="text")
    if current_pay:
        fig.add_vline(x=current_pay, line={"color": "#DC2626", "dash": "dash"})
        fig.add_scatter(x=[None], y=[None], mode="lines", line={"color": "#DC2626", "dash": "dash"},
                        name=f"Your pay ${current_pay:,.0f}")
    fig.update_xaxes(title="Annual pay (USD)", tickprefix="$", tickformat="~s")
    fig.update_yaxes(title=None, tickvals=rows["role"].tolist(),
                     ticktext=[wrap_label(r, 18) for r in rows["role"]])
    return apply_theme(fig, title=pay_finding(rows, current_pay), height=max(360, 200 + 70 * len(rows)))


def requirements_finding(req: pd.DataFrame) -> str:
    """The heatmap's title: how many requirements are above your level, and the biggest gap (must-haves first)."""
    short = req.assign(short=(req["required_level"].astype(float) - req["current"].astype(float)).clip(lower=0))
    gaps = short[short["short"] > 0]
    if gaps.empty:
        return f"You meet all {len(short)} requirements of these roles"
    worst = gaps.sort_values(["must_have", "short", "importance"], ascending=False).iloc[0]
    must = "must-have " if worst["must_have"] else ""
    return (f"{len(gaps)} of {len(short)} requirements are above your level; the biggest gap is the {must}"
            f"{worst['skill']} of {worst['role']} ({worst['short']:.0f} level{'s' if worst['short'] != 1 else ''} short)")


def requirements_heatmap(req: pd.DataFrame, roles: list[str]) -> go.Figure:
    """Skills × roles: colour = levels you are short; text = required level and yours."""
    skills = (req.groupby("skill")["importance"].max().sort_values(ascending=False).index.tolist())[:HEATMAP_ROWS]
    z, text = [], []
    for skill in skills:
        row_z, row_t = [], []
        for role in roles:
            hit = req[(req["skill"] == skill) & (req["role"] == role)]
            if hit.empty:
                row_z.append(None)
                row_t.append("")
            else:
                h = hit.iloc[0]
                row_z.append(max(float(h["required_level"]) - float(h["current"]), 0.0))
                star = "★" if h["must_have"] else ""
                row_t.append(f"{star}{int(h['required_level'])} · {h['current']:.1f}".replace(".0", ""))
        z.append(row_z)
        text.append(row_t)
    fig = go.Figure(go.Heatmap(
        z=z, x=[wrap_label(r, 14) for r in roles], y=skills, text=text, texttemplate="%{text}", colorscale=[[0, "#ECFDF5"], [0.25, "#FEF3C7"],
                                                                               [1, "#DC2626"]],
        zmin=0, zmax=4, colorbar={"title": {"text": "Levels short", "side": "right"}, "thickness": 14, "dtick": 1},
        xgap=2, ygap=2,
        customdata=[list(roles)] * len(skills),  # the role's name unwrapped, for the hover
        hovertemplate="<b>%{y}</b> for %{customdata}<br>required level · yours: %{text}<br>%{z:.1f} level(s) short"
                      "<extra></extra>"))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=None, tickangle=0)
    fig = apply_theme(fig, title=requirements_finding(req), height=max(360, 190 + 24 * len(skills)))
    return fig


def plan_chart(plan: pd.DataFrame, start_fit: float, role: str) -> go.Figure:
    """Projected role fit (`careerdata.figures.fit.role_fit`) as the learning plan's steps are done."""
    weeks = [0.0, *plan["done_after_weeks"].tolist()]
    fits = [start_fit, *plan["projected_fit"].tolist()]
    labels = ["today", *plan["skill"].tolist()]
    fig = go.Figure()
    fig.add_scatter(x=weeks, y=fits, mode="lines+markers", line={"shape": "hv", "color": USER_COLOR, "width": 3},
                    marker={"size": 9}, name="Projected role fit",
                    hovertext=[f"after {w:g} weeks: role fit {f:.0f}/100" + (f"<br>closed: {s}" if i else "")
                               for i, (w, f, s) in enumerate(zip(weeks, fits, labels, strict=True))],
                    hoverinfo="text")
    title = f"{role}: role fit {start_fit:.0f} today"
    if not plan.empty:
        title += f", {fits[-1]:.0f} after {weeks[-1]:g} weeks of focused learning"
    fig.update_xaxes(title="Weeks of effort (your estimates)")
    fig.update_yaxes(title="Projected role fit (0–100)", range=[0, 105])
    return apply_theme(fig, title=title, height=360)

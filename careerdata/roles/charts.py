"""Charts of the target-role comparison and the learning plan."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core.charts import BENCHMARK_COLOR, USER_COLOR, apply_theme

ROLE_COLORS = ["#4F46E5", "#0D9488", "#D97706", "#DB2777"]


def fit_pay_chart(rows: pd.DataFrame, current_pay: float | None) -> go.Figure:
    """Each role: its role fit (`careerdata.figures.fit.role_fit`, x) against BLS median pay (y) with the 25th–75th range."""
    data = rows.dropna(subset=["median_wage"])
    fig = go.Figure()
    for i, r in enumerate(data.itertuples(index=False)):
        color = ROLE_COLORS[i % len(ROLE_COLORS)]
        fig.add_scatter(
            x=[r.fit], y=[r.median_wage], mode="markers+text", text=[r.role],
            textposition=["top right", "bottom right", "top left", "bottom left"][i % 4],
            marker={"size": 18, "color": color}, name=r.role, showlegend=False,
            error_y={"type": "data", "symmetric": False, "array": [(r.p75 or r.median_wage) - r.median_wage],
                     "arrayminus": [r.median_wage - (r.p25 or r.median_wage)], "color": color},
            hovertext=(f"<b>{r.role}</b><br>Role fit {r.fit:.0f}/100<br>{r.occupation}: median ${r.median_wage:,.0f} "
                       f"(25th–75th ${r.p25:,.0f}–${r.p75:,.0f}), BLS OEWS May {r.year}"),
            hoverinfo="text")
    if current_pay:
        fig.add_hline(y=current_pay, line={"color": BENCHMARK_COLOR, "dash": "dash"},
                      annotation_text=f"your pay ${current_pay:,.0f} (your figure)", annotation_position="bottom right")
    title = "Role fit against pay"
    if not data.empty:
        best = data.sort_values(["fit", "median_wage"], ascending=False).iloc[0]
        title = f"Your role fit is highest for {best['role']} ({best['fit']:.0f}/100); bars show the middle half of pay"
    fig.update_xaxes(title="Role fit (0–100)", range=[-5, 105])
    fig.update_yaxes(title="Median annual wage, BLS OEWS (USD)", tickprefix="$", tickformat="~s")
    return apply_theme(fig, title=title)


def pay_compare_chart(rows: pd.DataFrame, points: pd.DataFrame, current_pay: float | None) -> go.Figure:
    """Per role: BLS 10th–90th and 25th–75th ranges, the median, the role's posted range and your data points."""
    fig = go.Figure()
    data = rows.iloc[::-1]
    for r in data.itertuples(index=False):
        if pd.notna(r.median_wage):
            if pd.notna(r.p10) and pd.notna(r.p90):
                fig.add_scatter(x=[r.p10, r.p90], y=[r.role] * 2, mode="lines", line={"color": "#D1D5DB", "width": 2},
                                showlegend=False, hoverinfo="skip")
            fig.add_scatter(x=[r.p25, r.p75], y=[r.role] * 2, mode="lines", line={"color": BENCHMARK_COLOR,
                                                                                   "width": 12},
                            showlegend=False, hoverinfo="skip")
            fig.add_scatter(x=[r.median_wage], y=[r.role], mode="markers", name="BLS median",
                            marker={"color": "#374151", "size": 11}, showlegend=False,
                            hovertext=f"<b>{r.role}</b>: BLS median ${r.median_wage:,.0f} ({r.occupation}, May {r.year})",
                            hoverinfo="text")
        low, high = getattr(r, "estimate_low", None), getattr(r, "estimate_high", None)
        if low is not None and high is not None and pd.notna(low) and pd.notna(high):
            fig.add_scatter(x=[low, high], y=[r.role] * 2, mode="lines", showlegend=False,
                            line={"color": "#F59E0B", "width": 5}, opacity=0.85,
                            hovertext=f"<b>{r.role}</b>: {r.estimate_label} (our estimate)", hoverinfo="text")
        if pd.notna(r.pay_min) and pd.notna(r.pay_max):
            fig.add_scatter(x=[r.pay_min, r.pay_max], y=[r.role] * 2, mode="lines+markers", showlegend=False,
                            line={"color": USER_COLOR, "width": 3, "dash": "dot"}, marker={"symbol": "line-ns-open",
                                                                                           "size": 14},
                            hovertext=f"<b>{r.role}</b>: role pay range ${r.pay_min:,.0f}–${r.pay_max:,.0f} "
                                      "(your figure)", hoverinfo="text")
    if not points.empty:
        fig.add_scatter(x=points["amount"], y=points["role"], mode="markers", name="Your data points",
                        marker={"symbol": "diamond", "size": 13, "color": USER_COLOR,
                                "line": {"color": "white", "width": 1}},
                        hovertext=[f"<b>{p.role}</b>: {p.kind.replace('_', ' ')} ${p.amount:,.0f} ({p.as_of:%b %Y})"
                                   + (f" · {p.note}" if p.note else "") for p in points.itertuples(index=False)],
                        hoverinfo="text")
    if current_pay:
        fig.add_vline(x=current_pay, line={"color": "#DC2626", "dash": "dash"},
                      annotation_text=f"your pay ${current_pay:,.0f}", annotation_position="top")
    fig.update_xaxes(title="Annual pay (USD): grey = BLS 10th–90th, box = 25th–75th, dot = median; "
                           "amber = level estimate; dotted = role range, ◆ = your data", tickprefix="$",
                     tickformat="~s")
    fig.update_yaxes(title=None)
    return apply_theme(fig, title="Pay: public percentiles against your own data points",
                       height=max(300, 120 + 80 * len(rows)))


def requirements_heatmap(req: pd.DataFrame, roles: list[str], basis_label: str) -> go.Figure:
    """Skills × roles: colour = levels you are short; text = required level and yours."""
    skills = (req.groupby("skill")["importance"].max().sort_values(ascending=False).index.tolist())[:30]
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
                row_t.append(f"{star}{int(h['required_level'])} · you {h['current']:.1f}".replace(".0", ""))
        z.append(row_z)
        text.append(row_t)
    fig = go.Figure(go.Heatmap(
        z=z, x=roles, y=skills, text=text, texttemplate="%{text}", colorscale=[[0, "#ECFDF5"], [0.25, "#FEF3C7"],
                                                                               [1, "#DC2626"]],
        zmin=0, zmax=4, colorbar={"title": "Levels<br>short"}, xgap=2, ygap=2,
        hovertemplate="<b>%{y}</b> for %{x}<br>required level · yours: %{text}<br>%{z:.1f} level(s) short"
                      "<extra></extra>"))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=None, side="top", tickangle=0)
    fig = apply_theme(fig, title=f"Requirements against your {basis_label} levels (★ = must-have; "
                                 "cell: required level · yours)", height=max(360, 120 + 26 * len(skills)))
    fig.update_layout(margin={"t": 100, "l": 200})
    return fig


def plan_chart(plan: pd.DataFrame, start_fit: float, role: str) -> go.Figure:
    """Projected fit as the learning plan's steps are done."""
    weeks = [0.0, *plan["done_after_weeks"].tolist()]
    fits = [start_fit, *plan["projected_fit"].tolist()]
    labels = ["today", *plan["skill"].tolist()]
    fig = go.Figure()
    fig.add_scatter(x=weeks, y=fits, mode="lines+markers", line={"shape": "hv", "color": USER_COLOR, "width": 3},
                    marker={"size": 9}, name="Projected fit",
                    hovertext=[f"after {w:g} weeks: fit {f:.0f}/100" + (f"<br>closed: {s}" if i else "")
                               for i, (w, f, s) in enumerate(zip(weeks, fits, labels, strict=True))],
                    hoverinfo="text")
    title = f"{role}: fit {start_fit:.0f} today"
    if not plan.empty:
        title += f", {fits[-1]:.0f} after {weeks[-1]:g} weeks of focused learning"
    fig.update_xaxes(title="Weeks of effort (your estimates)")
    fig.update_yaxes(title="Projected fit (0–100)", range=[0, 105])
    return apply_theme(fig, title=title, height=360)

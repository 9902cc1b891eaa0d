"""Charts of the Market page: roles map, pay percentiles and trend, skill-pay gradient."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core.charts import BENCHMARK_COLOR, USER_COLOR, apply_theme, wrap_label
from careerdata.figures.fit import occupation_match_label
from careerdata.market.analytics import best_target, skill_group
from careerdata.market.pay_gradient import signed_money

GROUP_COLORS = {
    "Basic: content": "#D97706", "Basic: process": "#F59E0B", "Social": "#DB2777", "Problem solving": "#7C3AED",
    "Technical": "#2563EB", "Systems": "#0D9488", "Resource management": "#9333EA", "Other": "#6B7280",
}


def roles_map_chart(frame: pd.DataFrame) -> go.Figure:
    """Occupation match (`careerdata.figures.fit.occupation_match`) vs median pay (p25–p75 bars), size =
    employment, colour = projected growth."""
    data = frame.dropna(subset=["fit", "median_wage"])
    size = (data["employment"].fillna(0) ** 0.5) / 18 + 6
    hover = [
        f"<b>{r.title}</b> ({r.onet_soc_code})<br>{occupation_match_label(r.fit)}"
        + (f" (ratings of stand-in {r.stand_in})" if isinstance(r.stand_in, str) and r.stand_in else "")
        + f"<br>Median pay ${r.median_wage:,.0f} (25th–75th: ${r.p25:,.0f}–${r.p75:,.0f})"
        + (" — wage of the whole SOC group" if r.wage_is_group else "")
        + f"<br>Employment {r.employment:,.0f} · growth 2024–34 "
        + ("n/a" if pd.isna(r.growth_pct) else f"{r.growth_pct:+.1f}%")
        for r in data.itertuples(index=False)
    ]
    fig = go.Figure()
    fig.add_scatter(
        x=data["fit"], y=data["median_wage"], mode="markers",
        error_y={"type": "data", "symmetric": False, "array": data["p75"] - data["median_wage"],
                 "arrayminus": data["median_wage"] - data["p25"], "color": "#D1D5DB", "thickness": 1.2},
        marker={"size": size, "color": data["growth_pct"], "colorscale": "RdYlGn", "cmid": 0,
                "colorbar": {"title": "Growth<br>2024–34 %"}, "line": {
                    "width": [3 if t else 0.5 for t in data["is_target"]],
                    "color": [USER_COLOR if t else "#6B7280" for t in data["is_target"]]}},
        hovertext=hover, hoverinfo="text", showlegend=False,
    )
    low = max(float(data["fit"].min()) - 6, 0) if not data.empty else 0
    high = min(float(data["fit"].max()) + 6, 101) if not data.empty else 100
    # each target's name points inwards (right of a bubble in the left half, left of one in the right half) and
    # is wrapped, so it stays off the axis titles on a 1024 px window
    heights = [-45, 50, -40, 55]
    for i, r in enumerate(data[data["is_target"]].sort_values("median_wage", ascending=False).itertuples(index=False)):
        side = 1 if r.fit < (low + high) / 2 else -1
        fig.add_annotation(x=r.fit, y=r.median_wage, text=wrap_label(r.title, 22), showarrow=True, arrowhead=0,
                           ax=side * 50, ay=heights[i % len(heights)], xanchor="left" if side > 0 else "right",
                           font={"size": 12, "color": USER_COLOR}, bgcolor="rgba(255,255,255,0.85)")
    top = best_target(frame)
    title = "How your skills match each occupation, and what it pays"
    if top is not None:
        title = (f"Of your target occupations, your skills match {top['title']} best "
                 f"({occupation_match_label(top['fit'])})")
    fig.update_xaxes(title="Occupation match: your skills vs its O*NET skill profile (0–100)", range=[low, high])
    fig.update_yaxes(title="Median annual wage, May 2025 (USD)", tickprefix="$", tickformat="~s")
    return apply_theme(fig, title=title, height=520)


def pay_percentiles_chart(history: pd.DataFrame, year: int) -> go.Figure:
    """Per occupation: the p10–p90 range with p25–p75 box and the median, for one year."""
    data = history[history["year"] == year].sort_values("annual_median")
    fig = go.Figure()
    for r in data.itertuples(index=False):
        fig.add_scatter(x=[r.annual_p10, r.annual_p90], y=[r.occ_title] * 2, mode="lines",
                        line={"color": "#D1D5DB", "width": 2}, showlegend=False, hoverinfo="skip")
        fig.add_scatter(x=[r.annual_p25, r.annual_p75], y=[r.occ_title] * 2, mode="lines",
                        line={"color": BENCHMARK_COLOR, "width": 12}, showlegend=False, hoverinfo="skip")
        top = " (90th percentile top-coded by BLS)" if r.topcoded_fields and "p90" in str(r.topcoded_fields) else ""
        fig.add_scatter(
            x=[r.annual_median], y=[r.occ_title], mode="markers", marker={"color": USER_COLOR, "size": 12},
            showlegend=False,
            hovertext=(f"<b>{r.occ_title}</b> ({r.soc_code}), May {year}<br>10th ${r.annual_p10:,.0f} · 25th "
                       f"${r.annual_p25:,.0f} · median ${r.annual_median:,.0f} · 75th ${r.annual_p75:,.0f} · 90th "
                       + (f"${r.annual_p90:,.0f}" if pd.notna(r.annual_p90) else "n/a") + top),
            hoverinfo="text")
    fig.update_xaxes(title=f"Annual wage, May {year} (USD)", tickprefix="$", tickformat="~s")
    fig.update_yaxes(title=None)
    title = f"Pay by target occupation, May {year}"
    if len(data) > 1:
        title = f"{data.iloc[-1]['occ_title']} pays the most of your targets (median, May {year})"
    return apply_theme(fig, title=title, height=max(260, 90 + 70 * len(data)))


def pay_trend_chart(history: pd.DataFrame) -> go.Figure:
    """Median wage per year with the 25th–75th band, per occupation."""
    fig = go.Figure()
    palette = [USER_COLOR, "#0D9488", "#D97706", "#DB2777", "#2563EB"]
    growth_notes = []
    for i, (code, part) in enumerate(history.groupby("soc_code")):
        part = part.sort_values("year")
        color = palette[i % len(palette)]
        name = part["occ_title"].iloc[-1]
        fig.add_scatter(x=list(part["year"]) + list(part["year"])[::-1],
                        y=list(part["annual_p75"]) + list(part["annual_p25"])[::-1], fill="toself",
                        fillcolor=color, opacity=0.12, line={"width": 0}, showlegend=False, hoverinfo="skip")
        fig.add_scatter(x=part["year"], y=part["annual_median"], mode="lines+markers", name=name,
                        line={"color": color, "width": 2.5},
                        hovertemplate=f"<b>{name}</b> ({code})<br>May %{{x}}: median $%{{y:,.0f}}<extra></extra>")
        first, last = part.iloc[0], part.iloc[-1]
        if first["annual_median"]:
            growth_notes.append((last["annual_median"] / first["annual_median"] - 1, name, int(first["year"]),
                                 int(last["year"])))
    title = "Median pay over time"
    if growth_notes:
        g, name, y0, y1 = max(growth_notes)
        title = f"{name} median pay grew {g:.0%} from {y0} to {y1} (nominal)"
    fig.update_xaxes(title="OEWS survey year (May)", dtick=1)
    fig.update_yaxes(title="Annual wage (USD)", tickprefix="$", tickformat="~s")
    return apply_theme(fig, title=title)


def skill_pay_chart(gradient: pd.DataFrame, yours: set[str], occupations: int) -> go.Figure:
    """Bars: correlation of each O*NET skill's importance with median pay, with its 95% interval."""
    data = gradient.sort_values("correlation")
    groups = [skill_group(e) for e in data["element_id"]]
    labels = [f"{s} ●" if e in yours else s for s, e in zip(data["skill"], data["element_id"], strict=True)]
    fig = go.Figure()
    for group in dict.fromkeys(groups):
        mask = [g == group for g in groups]
        part = data[mask]
        hover = [
            f"<b>{r.skill}</b><br>r = {r.correlation:+.2f} with median pay"
            + ("" if pd.isna(r.ci_low) else f" (95% interval {r.ci_low:+.2f} to {r.ci_high:+.2f})")
            + f", n = {r.occupations} occupations"
            + ("" if "r_without_managers" not in part or pd.isna(r.r_without_managers)
               else f"<br>without the 2 manager occupations: r = {r.r_without_managers:+.2f}")
            + f"<br>median wage per importance point: {signed_money(r.slope_usd)}"
              "<br>(an association across occupations, not a raise for one person)"
            for r in part.itertuples(index=False)]
        error = {"type": "data", "symmetric": False, "color": "#9CA3AF", "thickness": 1,
                 "array": (part["ci_high"] - part["correlation"]).fillna(0),
                 "arrayminus": (part["correlation"] - part["ci_low"]).fillna(0)}
        fig.add_bar(
            x=part["correlation"], y=[lbl for lbl, k in zip(labels, mask, strict=True) if k], orientation="h",
            name=group, marker_color=GROUP_COLORS.get(group, "#6B7280"), error_x=error,
            hovertext=hover, hoverinfo="text",
        )
    top = gradient.head(2)["skill"].tolist()
    bottom = gradient.tail(1)["skill"].tolist()
    title = "Which skills go with higher pay"
    if len(top) == 2 and bottom:
        title = (f"{top[0]} and {top[1]} go with higher pay across {occupations} computer occupations; "
                 f"{bottom[0]} with lower")
    fig.update_xaxes(title="Correlation of O*NET importance with median wage (−1 to 1), with 95% interval",
                     range=[-1, 1])
    fig.update_yaxes(title=None, categoryorder="array", categoryarray=labels)
    fig = apply_theme(fig, title=title, height=900)
    fig.update_layout(barmode="relative")
    return fig

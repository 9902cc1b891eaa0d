"""The skill-value matrix chart: proficiency vs market value, in quadrants."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core import placement
from careerdata.core.charts import BENCHMARK_COLOR, SKILL_KIND_COLORS, apply_theme
from careerdata.matrix.skill_value import HIGH_PROFICIENCY, QUADRANT_MEANING

SOURCE_SYMBOL = {"market": "circle", "your estimate": "diamond", "no market data": "circle-open"}


HEIGHT = 620
MARGIN = {"l": 70, "r": 20, "b": 130}  # the bottom holds the x ticks, the axis title and the legend
TITLE_SPACE = 80  # px above the plot for a title of up to two lines (the theme sizes the top margin to it)
PLOT_HEIGHT = HEIGHT - TITLE_SPACE - MARGIN["b"]
LABEL_FONT = 11
LEVERAGE_LABELS = 3  # the highest-valued skills you can lead with, named on the chart
CORNERS = [("Invest", 0.01, 0.99, "lt"), ("Leverage", 0.99, 0.99, "rt"),
           ("Reconsider", 0.01, 0.01, "lb"), ("Maintain", 0.99, 0.01, "rb")]


def marker_size(wins: pd.Series) -> pd.Series:
    """Marker diameter in px: 9 px, plus 1.5 px a win that uses the skill (counted up to 12)."""
    return 9 + 1.5 * wins.clip(upper=12)


def named_skills(frame: pd.DataFrame) -> pd.DataFrame:
    """The skills named on the chart, most important first: every one to invest in (by value to gain),
    then the few most valuable ones to lead with. The hover names every other point."""
    return pd.concat([frame[frame["quadrant"] == "Invest"].sort_values("value_gain", ascending=False),
                      frame[frame["quadrant"] == "Leverage"].sort_values("market_value", ascending=False)
                      .head(LEVERAGE_LABELS)])


def matrix_layout(frame: pd.DataFrame, x_range, y_range) -> tuple[pd.Series, dict]:
    """Where each skill's marker goes (x nudged sideways off its neighbours) and where the names go.

    Returns (plotted x by row, {row: Placement}) from `careerdata.core.placement`; a name that fits
    nowhere is left to the hover.
    """
    plot = placement.Plot(PLOT_HEIGHT, x_range, y_range)
    radii = (marker_size(frame["accomplishments"]) / 2 + 1).tolist()
    xs = placement.dodge(frame["proficiency"].astype(float).tolist(), frame["plot_value"].tolist(), radii, plot,
                         max_shift=0.3)
    x = pd.Series(xs, index=frame.index)
    named = named_skills(frame)
    fixed = [(fx, fy, *placement.text_size(label, 14), anchor) for label, fx, fy, anchor in CORNERS]
    spots = placement.place_labels(
        [(x[i], frame.at[i, "plot_value"], radii[frame.index.get_loc(i)], frame.at[i, "name"],
          1 if frame.at[i, "proficiency"] >= HIGH_PROFICIENCY else -1) for i in named.index],
        plot, font_px=LABEL_FONT, fixed=fixed,
        regions=[(HIGH_PROFICIENCY, x_range[1]) if frame.at[i, "proficiency"] >= HIGH_PROFICIENCY
                 else (x_range[0], HIGH_PROFICIENCY) for i in named.index],  # a name stays in its quadrant
        markers=[(x[i], frame.at[i, "plot_value"], r) for i, r in zip(frame.index, radii, strict=True)])
    return x, {i: spot for i, spot in zip(named.index, spots, strict=True) if spot is not None}


def skill_matrix_chart(frame: pd.DataFrame, threshold: float, proficiency: str, role_label: str) -> go.Figure:
    """Scatter: proficiency vs market value, size = evidence, colour = skill kind, quadrants."""
    x_title = "Self-assessed proficiency (1–5)" if proficiency == "self" else "Evidence level from your wins (0–5)"
    fig = go.Figure()
    top = frame["market_value"].max()
    y_max = max(float(0 if pd.isna(top) else top) * 1.3, threshold * 2, 10)  # headroom for the names
    frame = frame.assign(plot_value=frame["market_value"].fillna(0.0)).reset_index(drop=True)
    low = max(min(float(frame["proficiency"].min()), 1.0) - 0.6, -0.3)
    x_range, y_range = (low, 5.5), (-y_max * 0.04, y_max)
    plotted_x, spots = matrix_layout(frame, x_range, y_range)
    for kind, color in SKILL_KIND_COLORS.items():
        part = frame[frame["kind"] == kind]
        if part.empty:
            continue
        hover = [
            f"<b>{r.name}</b> ({r.kind})<br>{r.quadrant}: {QUADRANT_MEANING[r.quadrant]}"
            + (f"<br>No market value: {r.basis}" if pd.isna(r.market_value)
               else f"<br>Market value {r.market_value:.0f} ({r.value_source}; {r.basis})")
            + f"<br>Self level {'' if pd.isna(r.self_level) else int(r.self_level)} · evidence level "
            f"{r.evidence_level:.1f} from {r.accomplishments} win(s), {r.quantified} with a metric"
            f"<br>{r.finding}"
            for r in part.itertuples(index=False)
        ]
        fig.add_scatter(
            x=plotted_x[part.index].tolist(), y=part["plot_value"], mode="markers", name=kind.capitalize(),
            marker={"color": color, "size": marker_size(part["accomplishments"]), "opacity": 0.75,
                    "symbol": [SOURCE_SYMBOL.get(s, "circle") for s in part["value_source"]],
                    "line": {"width": 1.5, "color": color}},
            hovertext=hover, hoverinfo="text",
        )
    notes = [{"x": plotted_x[i], "y": frame.at[i, "plot_value"], "text": frame.at[i, "name"], "showarrow": True,
              "ax": spot.dx, "ay": spot.dy, "axref": "pixel", "ayref": "pixel", "xanchor": "center",
              "yanchor": "middle", "arrowhead": 0, "arrowwidth": 1,
              "standoff": float(marker_size(frame["accomplishments"])[i]) / 2,
              "arrowcolor": BENCHMARK_COLOR if spot.leader else "rgba(0,0,0,0)",
              "bgcolor": "rgba(255,255,255,0.85)", "font": {"size": LABEL_FONT, "color": "#374151"}}
             for i, spot in spots.items()]
    notes += [{"xref": "paper", "yref": "paper", "x": x, "y": y, "xanchor": {"l": "left", "r": "right"}[a[0]],
               "yanchor": {"t": "top", "b": "bottom"}[a[1]], "showarrow": False,
               "text": f"<b>{label}</b>", "font": {"size": 14, "color": "#6B7280"}}
              for label, x, y, a in CORNERS]
    # One layout update: adding annotations one by one re-validates the whole list each time.
    fig.update_layout(
        annotations=notes,
        shapes=[{"type": "line", "xref": "x", "yref": "paper", "x0": HIGH_PROFICIENCY, "x1": HIGH_PROFICIENCY,
                 "y0": 0, "y1": 1, "line": {"color": BENCHMARK_COLOR, "dash": "dot"}},
                {"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": threshold, "y1": threshold,
                 "line": {"color": BENCHMARK_COLOR, "dash": "dot"}}])
    counts = frame["quadrant"].value_counts()
    title = (f"{counts.get('Leverage', 0)} skills to lead with and {counts.get('Invest', 0)} to invest in, "
             f"valued for {role_label}")
    fig.update_xaxes(title=x_title, range=list(x_range), dtick=1)
    fig.update_yaxes(title="Market value index", range=list(y_range))
    fig = apply_theme(fig, title=title, height=HEIGHT)
    fig.update_layout(margin=MARGIN, legend={"title": {"text": "Skill kind · size = wins using it", "side": "top"},
                                             "yref": "container", "y": 0, "yanchor": "bottom"})
    return fig

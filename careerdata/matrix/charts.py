"""The skill-value matrix chart: proficiency vs market value, in quadrants."""

from __future__ import annotations

import zlib

import pandas as pd
import plotly.graph_objects as go

from careerdata.core.charts import BENCHMARK_COLOR, SKILL_KIND_COLORS, apply_theme
from careerdata.matrix.skill_value import HIGH_PROFICIENCY, QUADRANT_MEANING

SOURCE_SYMBOL = {"market": "circle", "your estimate": "diamond", "no market data": "circle-open"}


def _jitter(name: str, spread: float = 0.5) -> float:
    """A small, stable sideways offset so skills at the same level don't hide each other."""
    return ((zlib.crc32(name.encode()) % 1000) / 999 - 0.5) * spread


def skill_matrix_chart(frame: pd.DataFrame, threshold: float, proficiency: str, role_label: str) -> go.Figure:
    """Scatter: proficiency vs market value, size = evidence, colour = skill kind, quadrants."""
    x_title = "Self-assessed proficiency (1–5)" if proficiency == "self" else "Evidence level from your wins (0–5)"
    fig = go.Figure()
    top = frame["market_value"].max()
    y_max = max(float(0 if pd.isna(top) else top) * 1.15, threshold * 2, 10)
    frame = frame.assign(plot_value=frame["market_value"].fillna(0.0))
    for kind, color in SKILL_KIND_COLORS.items():
        part = frame[frame["kind"] == kind]
        if part.empty:
            continue
        xs = [p + _jitter(n) for p, n in zip(part["proficiency"], part["name"], strict=True)]
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
            x=xs, y=part["plot_value"], mode="markers", name=kind.capitalize(),
            marker={"color": color, "size": 10 + 3.2 * part["accomplishments"].clip(upper=12), "opacity": 0.8,
                    "symbol": [SOURCE_SYMBOL.get(s, "circle") for s in part["value_source"]],
                    "line": {"width": 1.5, "color": color}},
            hovertext=hover, hoverinfo="text",
        )
    labelled = pd.concat([frame[frame["quadrant"] == "Invest"],
                          frame[frame["quadrant"] == "Leverage"].sort_values("market_value", ascending=False).head(4)])
    notes = [{"x": r.proficiency + _jitter(r.name), "y": r.market_value, "text": r.name, "showarrow": False,
              "yshift": 14, "font": {"size": 11, "color": "#374151"}} for r in labelled.itertuples(index=False)]
    corners = [("Invest", 0.02, 0.98, "left", "top"), ("Leverage", 0.98, 0.98, "right", "top"),
               ("Reconsider", 0.02, 0.02, "left", "bottom"), ("Maintain", 0.98, 0.02, "right", "bottom")]
    notes += [{"xref": "paper", "yref": "paper", "x": x, "y": y, "xanchor": xa, "yanchor": ya, "showarrow": False,
               "text": f"<b>{label}</b>", "font": {"size": 14, "color": "#6B7280"}}
              for label, x, y, xa, ya in corners]
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
    low = max(min(float(frame["proficiency"].min()), 1.0) - 0.6, -0.3)
    fig.update_xaxes(title=x_title, range=[low, 5.5], dtick=1)
    fig.update_yaxes(title="Market value index", range=[-y_max * 0.04, y_max])
    fig = apply_theme(fig, title=title, height=600)
    fig.update_layout(legend={"title": "Skill kind · size = wins using it"})
    return fig

"""The one chart theme and its colours, shared by every feature's charts.py (no Streamlit here).

Colours are fixed per skill kind and per impact category across every chart, and the user
is always USER_COLOR against grey benchmarks.
"""

from __future__ import annotations

import plotly.graph_objects as go

from careerdata.core.text import sanitize_figure

USER_COLOR = "#4F46E5"
BENCHMARK_COLOR = "#9CA3AF"
MUTED_COLOR = "#E5E7EB"

SKILL_KIND_COLORS = {
    "technical": "#2563EB",
    "domain": "#0D9488",
    "soft": "#D97706",
    "leadership": "#9333EA",
}
IMPACT_CATEGORY_COLORS = {
    "revenue": "#16A34A",
    "cost": "#0EA5E9",
    "time": "#F59E0B",
    "reliability": "#6366F1",
    "users": "#EC4899",
    "risk": "#EF4444",
}

_FONT = "Inter, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"

# A small template with only what differs from Plotly's defaults: copying the full
# "plotly_white" template into every figure cost more than drawing the data.
THEME = go.layout.Template(layout={
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
    "colorway": ["#4F46E5", "#0D9488", "#D97706", "#DB2777", "#2563EB", "#9333EA", "#16A34A", "#EF4444"],
    "xaxis": {"gridcolor": "#F3F4F6", "linecolor": "#E5E7EB", "zerolinecolor": "#E5E7EB", "automargin": True},
    "yaxis": {"gridcolor": "#F3F4F6", "linecolor": "#E5E7EB", "zerolinecolor": "#E5E7EB", "automargin": True},
    "polar": {"bgcolor": "white", "radialaxis": {"gridcolor": "#E5E7EB"}, "angularaxis": {"gridcolor": "#E5E7EB"}},
})


def wrap_label(text: str, width: int) -> str:
    """Break a label into lines of at most `width` characters (whole words) for Plotly's <br>."""
    words, lines, line = str(text).split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(lines)


def apply_theme(fig: go.Figure, *, title: str, height: int = 420) -> go.Figure:
    """The one look: white background, readable title, light grid, legend under the plot.

    Every figure passes here, so here its user text is made inert: `sanitize_figure` escapes any
    markup in names, labels, hover text, titles and annotations (see `careerdata.core.text`).
    """
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        template=THEME,
        font={"family": _FONT, "size": 13, "color": "#1F2937"},
        height=height,
        margin={"l": 70, "r": 20, "t": 60, "b": 90},
        legend={"orientation": "h", "yanchor": "top", "y": -0.34, "xanchor": "left", "x": 0, "title": None},
        hoverlabel={"bgcolor": "white", "font_size": 13},
        bargap=0.25,
    )
    fig.update_xaxes(showgrid=False, ticks="outside", tickcolor=MUTED_COLOR)
    fig.update_yaxes(gridcolor="#F3F4F6", zeroline=False)
    return sanitize_figure(fig)


# Lightest to darkest: one hue for the stages of a funnel, the user's colour at the end.
FUNNEL_SHADES = ["#E0E7FF", "#C7D2FE", "#A5B4FC", "#818CF8", "#6366F1", USER_COLOR]

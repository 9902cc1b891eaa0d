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
    """Break a label into lines of at most `width` characters (whole words) for Plotly's <br>.

    Line breaks already in the text are kept; a single word longer than `width` stays whole.
    """
    out = []
    for part in str(text).split("<br>"):
        words, lines, line = part.split(), [], ""
        for w in words:
            if line and len(line) + 1 + len(w) > width:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}".strip()
        lines.append(line)
        out.extend(lines)
    return "<br>".join(out)


# How many characters fit on one line, measured in Chromium on the narrowest screen the app is
# laid out for (1024 px: the main column, so a full-width chart, is about 560 px wide):
# a 16 px title averages ~7.5 px a character, a 13 px axis title ~6.5 px; an x-axis title is centred on
# the plot area, which long y-axis labels can narrow to half the chart.
TITLE_CHARS = 62
X_TITLE_CHARS = 40
Y_TITLE_PX_PER_CHAR = 7
TITLE_FONT_SIZE = 16


def _wrap_axis_titles(fig: go.Figure, height: int, share: int) -> None:
    """Wrap each axis title to what its axis can hold: x by the chart's width, y by its height."""
    plot_height = max(120, height - 150)  # the plot area between the title and the x axis
    for name in [k for k in fig.layout.to_plotly_json() if k.startswith(("xaxis", "yaxis"))]:
        text = fig.layout[name].title.text
        if not text:
            continue
        width = X_TITLE_CHARS // share if name.startswith("x") else max(18, plot_height // Y_TITLE_PX_PER_CHAR)
        fig.layout[name].title.text = wrap_label(text, width)


def apply_theme(fig: go.Figure, *, title: str, height: int = 420, share: int = 1) -> go.Figure:
    """The one look: white background, readable title, light grid, legend under the plot.

    Nothing sticks out of a chart at the narrowest width (1024 px): the title, which states the
    chart's finding and may be long, is wrapped to `TITLE_CHARS // share` characters a line and
    pushes the top margin down as far as its lines need (`automargin`); axis titles are wrapped
    to what their axis can hold; the legend sits at the bottom of the figure and pushes the plot
    up, so it never covers the x-axis title. `share` is how many charts share the row (2 for a
    chart in one of two columns), which divides the width a line may take.

    A chart may change the side and bottom margins after this, never the top one: Plotly places a
    wrapped title by its first line, so a fixed top margin lets the other lines fall onto the plot.

    Every figure passes here, so here its user text is made inert: `sanitize_figure` escapes any
    markup in names, labels, hover text, titles and annotations (see `careerdata.core.text`).
    """
    _wrap_axis_titles(fig, height, share)
    fig.update_layout(
        title={"text": wrap_label(title, TITLE_CHARS // share), "x": 0, "xanchor": "left", "xref": "container",
               "y": 1, "yref": "paper", "yanchor": "bottom", "pad": {"b": 14}, "automargin": True,
               "font": {"size": TITLE_FONT_SIZE}},
        template=THEME,
        font={"family": _FONT, "size": 13, "color": "#1F2937"},
        height=height,
        margin={"l": 70, "r": 20, "t": 40, "b": 30},
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "xanchor": "left", "x": 0,
                "title": None},
        hoverlabel={"bgcolor": "white", "font_size": 13},
        bargap=0.25,
    )
    fig.update_xaxes(showgrid=False, ticks="outside", tickcolor=MUTED_COLOR)
    fig.update_yaxes(gridcolor="#F3F4F6", zeroline=False)
    return sanitize_figure(fig)


# Lightest to darkest: one hue for the stages of a funnel, the user's colour at the end.
FUNNEL_SHADES = ["#E0E7FF", "#C7D2FE", "#A5B4FC", "#818CF8", "#6366F1", USER_COLOR]

"""Charts for the promotion case: evidence coverage of the ladder, competency x level.

Pure Plotly builders (no Streamlit); the page shows an empty state instead of calling them
with no data. Ladder text in hovers is HTML-escaped (a company ladder is user-provided).
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from careerdata.core.charts import USER_COLOR, apply_theme

# Below the bar runs red -> amber -> yellow; at the bar jumps to a light shade of the user's colour
# (light enough that dark cell text stays readable), so "met" and "not met" never look alike.
COVERAGE_SCALE = [[0.0, "#FCA5A5"], [0.6, "#FCD34D"], [0.999, "#FEF08A"], [1.0, "#A5B4FC"]]


def _wrap(text: str, width: int = 60) -> str:
    return "<br>".join(html.escape(line) for line in textwrap.wrap(str(text), width=width)) or ""


def coverage_heatmap(matrix: pd.DataFrame, level_labels: dict[str, str], target: str, title: str) -> go.Figure:
    """Competency (rows) x ladder level (columns): how much of each expectation the cycle's evidence covers.

    `matrix` is `analytics.promotion.coverage_matrix`; `level_labels` maps level code -> axis label
    in column order; the target level's column is outlined in the user's colour.
    """
    levels = [lvl for lvl in level_labels if lvl in set(matrix["level"])]
    names = list(dict.fromkeys(matrix["name"]))
    cells = {(r["name"], r["level"]): r for r in matrix.to_dict("records")}
    z, text, custom = [], [], []
    for name in names:
        zr, tr, cr = [], [], []
        for lvl in levels:
            c = cells.get((name, lvl))
            if c is None:
                zr.append(None)
                tr.append("")
                cr.append(["", "", "", ""])
                continue
            zr.append(float(c["ratio"]))
            tr.append(f"{c['strength']:.1f} / {int(c['target'])}")
            evidence = (f"{c['strength']:.1f} from {int(c['wins'])} win(s) in the cycle, "
                        f"{int(c['quantified'])} with a metric") if c["wins"] else "no linked win in the cycle"
            cr.append([html.escape(level_labels[lvl]), _wrap(f"Expected {int(c['target'])}/5: {c['text']}"),
                       evidence, f"{c['ratio']:.0%}"])
        z.append(zr)
        text.append(tr)
        custom.append(cr)
    x = [_tick(level_labels[lvl]) for lvl in levels]
    fig = go.Figure(go.Heatmap(
        z=z, x=x, y=[html.escape(n) for n in names], text=text, texttemplate="%{text}",
        textfont={"size": 13, "color": "#1F2937"}, customdata=custom, zmin=0, zmax=1,
        colorscale=COVERAGE_SCALE, xgap=3, ygap=3,
        colorbar={"title": {"text": "Share of the expectation covered", "side": "right"}, "tickformat": ".0%",
                  "tickvals": [0, 0.5, 1], "len": 0.9, "thickness": 12},
        hovertemplate=("<b>%{y}</b> at %{customdata[0]}<br>%{customdata[1]}<br>Your evidence: %{customdata[2]}"
                       "<br>Covered: %{customdata[3]}<extra></extra>"),
    ))
    if target in levels:
        i = levels.index(target)
        fig.add_shape(type="rect", xref="x", yref="paper", x0=i - 0.5, x1=i + 0.5, y0=0, y1=1,
                      line={"color": USER_COLOR, "width": 3}, fillcolor="rgba(0,0,0,0)")
    fig.update_yaxes(title={"text": "Competency", "standoff": 14}, autorange="reversed", showgrid=False,
                     automargin=True, ticksuffix=" ")
    fig.update_xaxes(title="Ladder level (cell: your evidence / expected, 1–5)", side="bottom", showgrid=False,
                     tickangle=0)
    fig = apply_theme(fig, title=title, height=230 + 40 * len(names))
    fig.update_layout(margin={"l": 20, "r": 20})
    return fig


def _tick(label: str) -> str:
    """'L6 · Staff Engineer (target)' as three short lines, so the axis needs no rotation."""
    code, _, rest = label.partition(" · ")
    title, _, role = rest.partition(" (")
    lines = [f"<b>{html.escape(code)}</b>"] + [html.escape(x) for x in textwrap.wrap(title, 11)]
    if role:
        lines.append(f"({html.escape(role.rstrip(')'))})")
    return "<br>".join(lines)


def heatmap_title(target: str, at_bar: int, total: int, missing: list[str]) -> str:
    """A title that states the finding."""
    if total == 0:
        return f"No expectations for {target} in the ladder"
    title = f"Your evidence meets the {target} bar in {at_bar} of {total} competencies"
    if missing:
        shown = ", ".join(missing[:2]) + (f" and {len(missing) - 2} more" if len(missing) > 2 else "")
        title += f"; {shown} {'has' if len(missing) == 1 else 'have'} no evidence in this cycle"
    return html.escape(title)

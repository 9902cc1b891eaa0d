"""Offer charts (pure Plotly, the project's theme). One figure per currency: amounts of two
currencies never share an axis. Every string goes through `apply_theme`, which makes user text
(company names) inert, so it is applied after the traces are added."""

from __future__ import annotations

import plotly.graph_objects as go

from careerdata.core.charts import BENCHMARK_COLOR, MUTED_COLOR, USER_COLOR, apply_theme, wrap_label
from careerdata.offers.comp import COMPONENT_LABELS, COMPONENTS, YEARS, OfferComp, money
from careerdata.offers.market import Placement
from careerdata.offers.negotiation import Band

OFFER_COLORS = ("#4F46E5", "#0D9488", "#D97706", "#DB2777", "#2563EB", "#9333EA")
CURRENT_JOB_COLOR = BENCHMARK_COLOR
COMPONENT_COLORS = {"base": "#4F46E5", "bonus": "#818CF8", "sign_on": "#D97706", "equity": "#0D9488",
                    "refresh": "#5EEAD4", "benefits": "#CBD5E1"}


def colors(group: list[OfferComp]) -> dict[str, str]:
    """The current job is grey; offers take the palette in order (the same colour in every chart)."""
    out, n = {}, 0
    for c in group:
        if c.offer.current_job:
            out[c.offer.label] = CURRENT_JOB_COLOR
        else:
            out[c.offer.label] = OFFER_COLORS[n % len(OFFER_COLORS)]
            n += 1
    return out


def _symbol(currency: str) -> str:
    return "$" if currency == "USD" else f"{currency} "


def finding(group: list[OfferComp]) -> str:
    """'Tidewater Analytics pays most over four years: $1,529,200, $541,167 more than staying'."""
    cur = group[0].currency
    offers = [c for c in group if not c.offer.current_job]
    if not offers:
        return f"Your current job over the next four years: {money(group[0].total_4y, cur)}"
    best = max(offers, key=lambda c: c.total_4y)
    current = next((c for c in group if c.offer.current_job), None)
    tail = ""
    if current is not None:
        delta = best.total_4y - current.total_4y
        tail = f", {money(abs(delta), cur)} {'more' if delta >= 0 else 'less'} than staying"
    return f"{best.offer.company} pays most over four years: {money(best.total_4y, cur)}{tail}"


def years_chart(group: list[OfferComp]) -> go.Figure:
    """Grouped bars: total compensation in years 1-4 for each offer and the current job (one currency)."""
    cur = group[0].currency
    palette = colors(group)
    fig = go.Figure()
    for c in group:
        parts = [" · ".join(f"{COMPONENT_LABELS[k]} {money(getattr(y, k), cur)}" for k in COMPONENTS
                            if getattr(y, k)) for y in c.years]
        fig.add_bar(
            x=[f"Year {y.year}" for y in c.years], y=[float(t) for t in c.totals], name=c.offer.label,
            marker_color=palette[c.offer.label], customdata=[[c.offer.label, p] for p in parts],
            hovertemplate=f"%{{customdata[0]}}, %{{x}}: {_symbol(cur)}%{{y:,.0f}}<br>%{{customdata[1]}}<extra></extra>")
    fig.update_layout(barmode="group", bargap=0.25, legend_title_text="")
    fig.update_yaxes(title_text=f"Total compensation ({cur} a year)", tickprefix=_symbol(cur), tickformat=",.0f",
                     rangemode="tozero")
    fig.update_xaxes(title_text="Year after the start date (the current job: after today)")
    return apply_theme(fig, title=finding(group), height=400)


def components_chart(group: list[OfferComp]) -> go.Figure:
    """Stacked horizontal bars: what each 4-year total is made of (one currency)."""
    cur = group[0].currency
    fig = go.Figure()
    labels = [wrap_label(c.offer.label, 22) for c in group]
    for k in COMPONENTS:
        values = [float(sum((getattr(y, k) for y in c.years), 0)) for c in group]
        if not any(values):
            continue
        fig.add_bar(y=labels, x=values, name=COMPONENT_LABELS[k], orientation="h", marker_color=COMPONENT_COLORS[k],
                    customdata=[c.offer.label for c in group],
                    hovertemplate=f"%{{customdata}}: {COMPONENT_LABELS[k]} {_symbol(cur)}%{{x:,.0f}} over four "
                                  "years<extra></extra>")
    equity_share = {c.offer.label: (sum((y.equity + y.refresh for y in c.years), 0) / c.total_4y if c.total_4y else 0)
                    for c in group}
    top = max(equity_share, key=equity_share.get)
    fig.update_layout(barmode="stack", legend_title_text="")
    fig.update_yaxes(autorange="reversed", title_text="")
    fig.update_xaxes(title_text=f"Four-year total ({cur})", tickprefix=_symbol(cur), tickformat=",.0f")
    title = f"Equity makes up {equity_share[top]:.0%} of the {top} package over four years" if equity_share[top] else \
        "All cash: no equity in these packages"
    return apply_theme(fig, title=title, height=230 + 55 * len(group))


def placement_chart(rows: list[tuple[str, float, str, Band | None]], placement: Placement) -> go.Figure:
    """BLS percentiles (grey ticks), each offer's base (indigo) and the band it is measured against
    (a grey bar on its row: the level estimate, or the BLS 50th-90th percentiles), in annual USD.

    rows: (offer label, base, where it sits in words, its band).
    """
    fig = go.Figure()
    xs = [w for _, w in placement.points]
    fig.add_scatter(x=xs, y=["BLS percentiles"] * len(xs), mode="markers+text", name="BLS OEWS percentiles",
                    marker={"color": BENCHMARK_COLOR, "size": 12, "symbol": "line-ns-open", "line": {"width": 3}},
                    text=[("Median" if p == 50 else f"{p}th") for p, _ in placement.points], textposition="top center",
                    hovertemplate="%{text} percentile: $%{x:,.0f} a year<extra></extra>")
    for n, (label, _, _, band) in enumerate(rows):
        if band is not None:
            fig.add_scatter(x=[float(band.low), float(band.high)], y=[label, label], mode="lines",
                            line={"color": MUTED_COLOR, "width": 14}, name="Band to aim at", showlegend=n == 0,
                            customdata=[band.label, band.label],
                            hovertemplate="%{customdata}<extra></extra>")
    fig.add_scatter(x=[b for _, b, _, _ in rows], y=[label for label, _, _, _ in rows], mode="markers",
                    name="Offered base (yours)", marker={"color": USER_COLOR, "size": 13},
                    customdata=[[label, where] for label, _, where, _ in rows],
                    hovertemplate="%{customdata[0]}: base $%{x:,.0f}, %{customdata[1]}<extra></extra>")
    fig.update_xaxes(title_text="Annual base pay (USD)", tickprefix="$", tickformat=",.0f")
    fig.update_yaxes(title_text="", range=[len(rows) + 0.5, -1.1])  # room above the first row for the labels
    best = max(rows, key=lambda r: r[1])
    title = f"{best[0]}: base {best[2]} of {placement.title}"
    return apply_theme(fig, title=title, height=170 + 50 * len(rows))


__all__ = ["YEARS", "colors", "components_chart", "finding", "placement_chart", "years_chart"]

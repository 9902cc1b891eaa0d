"""The offer form of the Offers page: add or edit an offer or the current job's package.

Every field goes through `careerdata.models.offers.Offer` (errors named by field, nothing saved
until the whole offer is valid); amounts are entered to the cent and stored exactly.
"""

from __future__ import annotations

from decimal import Decimal

import streamlit as st

from careerdata.core import vocab
from careerdata.models.offers import Offer
from careerdata.ui import widgets

CURRENT_JOB = "— my current job —"
BONUS_KINDS = {"pct": "% of base", "amount": "fixed amount"}


def _dec(value: float | None) -> str | None:
    """A form number as exact text for the model (None stays None)."""
    return None if value is None else format(Decimal(str(round(value, 4))).normalize(), "f")


def _num(value) -> float | None:
    return None if value is None else float(value)


def offer_form(key: str, initial: Offer | None, opportunities: list[str], submit: str) -> Offer | None:
    """The form; returns a valid Offer when submitted and valid, else None (errors shown by field)."""
    o = initial
    belongs = [CURRENT_JOB, *opportunities]
    if o is not None and o.opportunity and o.opportunity not in belongs:
        belongs.append(o.opportunity)
    start = CURRENT_JOB if o is None or o.current_job else o.opportunity
    with st.form(key, border=True):
        a1, a2, a3, a4 = st.columns([3, 3, 1, 1])
        company = a1.text_input("Company", value=o.company if o else "", key=f"{key}_company")
        title = a2.text_input("Title", value=o.title if o else "", key=f"{key}_title")
        level = a3.text_input("Level", value=o.level if o else "", key=f"{key}_level", help="Ladder code, e.g. L6.")
        currency = a4.text_input("Currency", value=o.currency if o else "USD", key=f"{key}_currency",
                                 help="ISO code (USD, EUR, CAD…). Amounts in different currencies are never added.")
        owner = st.selectbox(
            "Belongs to", belongs, index=belongs.index(start) if start in belongs else 0, key=f"{key}_owner",
            help="An opportunity at the offer stage in your Pipeline, or your current job (what you would leave).")
        (b1, b2), (b3, b4) = st.columns(2), st.columns(2)  # every value and date whole at 1024 px
        base = b1.number_input("Base salary a year", min_value=0.0, max_value=1e9, step=1000.0, format="%.2f",
                               value=_num(o.base) if o else None, key=f"{key}_base")
        bonus_kind = b2.radio("Bonus target as", list(BONUS_KINDS), format_func=BONUS_KINDS.get, horizontal=True,
                              index=1 if o is not None and o.bonus_amount is not None else 0, key=f"{key}_bkind")
        bonus = b3.number_input("Bonus target", min_value=0.0, max_value=1e9, step=1.0, format="%.2f",
                                value=_num(o.bonus_amount if o and o.bonus_amount is not None else
                                           (o.bonus_pct if o else None)), key=f"{key}_bonus")
        benefits = b4.number_input("Benefits a year (your estimate)", min_value=0.0, max_value=1e9, step=500.0,
                                   format="%.2f", value=_num(o.benefits_value) if o else 0.0, key=f"{key}_benefits")
        (c1, c2), (c3, c4) = st.columns(2), st.columns(2)
        sign_on = c1.number_input("Sign-on (year 1)", min_value=0.0, max_value=1e9, step=1000.0, format="%.2f",
                                  value=_num(o.sign_on) if o else 0.0, key=f"{key}_sign_on")
        clawback = c2.number_input("Clawback months", min_value=0, max_value=60, step=1,
                                   value=o.sign_on_clawback_months if o else 0, key=f"{key}_clawback",
                                   help="Repaid if you leave within this many months.")
        start_date = c3.date_input("Start date (current job: grant start)", value=o.start_date if o else None,
                                   min_value=widgets.EARLIEST, key=f"{key}_start")
        refresh = c4.number_input("Refresher grant a year", min_value=0.0, max_value=1e9, step=1000.0, format="%.2f",
                                  value=_num(o.refresh_per_year) if o else 0.0, key=f"{key}_refresh")
        (d1, d2, d3), (d4, d5, d6) = st.columns(3), st.columns(3)
        kind = d1.selectbox("Equity", vocab.EQUITY_KINDS, format_func=vocab.EQUITY_KIND_LABELS.get, key=f"{key}_ekind",
                            index=vocab.EQUITY_KINDS.index(o.equity_kind) if o else 1)
        value = d2.number_input("RSU grant value", min_value=0.0, max_value=1e9, step=1000.0, format="%.2f",
                                value=_num(o.equity_value) if o else None, key=f"{key}_evalue")
        count = d3.number_input("Options: count", min_value=0.0, max_value=1e9, step=100.0, format="%.0f",
                                value=_num(o.option_count) if o else None, key=f"{key}_count")
        strike = d4.number_input("Options: strike", min_value=0.0, max_value=1e7, step=0.01, format="%.4f",
                                 value=_num(o.strike) if o else None, key=f"{key}_strike")
        price = d5.number_input("Options: current price", min_value=0.0, max_value=1e7, step=0.01, format="%.4f",
                                value=_num(o.current_price) if o else None, key=f"{key}_price")
        onet = d6.text_input("O*NET-SOC code", value=(o.onet_soc_code or "") if o else "", key=f"{key}_onet",
                             help="Occupation for the BLS placement (blank: the opportunity's target role).")
        e1, e2 = st.columns([3, 1])
        vesting = e1.text_input("Vesting", value=o.vesting if o else "25/25/25/25", key=f"{key}_vesting",
                                help="Yearly percents such as 25/25/25/25 or 5/15/40/40, or 'monthly after cliff'.")
        cliff = e2.number_input("Cliff months", min_value=0, max_value=60, step=1, value=o.cliff_months if o else 12,
                                key=f"{key}_cliff")
        notes = st.text_area("Notes", value=o.notes if o else "", key=f"{key}_notes", height=68)
        if not st.form_submit_button(submit, type="primary"):
            return None
    data = {"company": company, "title": title, "level": level, "currency": currency or "USD",
            "current_job": owner == CURRENT_JOB, "opportunity": None if owner == CURRENT_JOB else owner,
            "onet_soc_code": onet or None, "base": _dec(base),
            "bonus_pct": _dec(bonus) if bonus_kind == "pct" and bonus else None,
            "bonus_amount": _dec(bonus) if bonus_kind == "amount" and bonus else None,
            "sign_on": _dec(sign_on) or "0", "sign_on_clawback_months": clawback, "equity_kind": kind,
            "equity_value": _dec(value) if kind == "rsu" else None,
            "option_count": _dec(count) if kind == "options" else None,
            "strike": _dec(strike) if kind == "options" else None,
            "current_price": _dec(price) if kind == "options" else None,
            "vesting": vesting, "cliff_months": cliff, "refresh_per_year": _dec(refresh) or "0",
            "benefits_value": _dec(benefits) or "0", "start_date": start_date, "notes": notes}
    return widgets.validate(Offer, data)

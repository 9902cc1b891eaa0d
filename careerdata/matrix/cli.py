"""`careerdata matrix`: the skill-value matrix as a table or JSON."""

from __future__ import annotations

import json

import pandas as pd

from careerdata.core import clock, errors
from careerdata.matrix import skill_value as sv
from careerdata.matrix.queries import matrix_inputs
from careerdata.store import db


def register(sub, add_db) -> None:
    p = sub.add_parser("matrix", help="skill-value matrix: market value, proficiency and quadrant per skill")
    p.add_argument("--role", help="a target-role name, an O*NET-SOC code (15-1252.00) or an O*NET title; "
                                  "default: all your target roles")
    p.add_argument("--proficiency", choices=["self", "evidence"], default="self",
                   help="x axis: your self-rating or the evidence level of your wins (default self)")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        inputs = matrix_inputs(con)
    finally:
        con.close()
    try:
        label, targets = sv.resolve_role(inputs, args.role)
    except LookupError as err:
        raise errors.InputError(str(err)) from None
    result = sv.compute_matrix(inputs, targets, args.proficiency, clock.today())
    table = sv.ranked_table(result.frame)
    if args.json:
        print(json.dumps(json_rows(table, result), indent=2))
        return 0
    where = ", ".join(f"{t.code} at {t.level}" if t.level else t.code for t in targets)
    print(f"Skill-value matrix for {label} ({where}); proficiency: {args.proficiency}")
    for code, proxy in result.stand_ins.items():
        print(f"  note: {code} has no O*NET ratings; using stand-in {proxy}")
    print(f"{'skill':<36} {'kind':<11} {'quadrant':<10} {'value':>6} {'self':>5} {'evid':>5}  finding")
    for r in table.itertuples(index=False):
        self_level = "-" if r.self_level is None or r.self_level != r.self_level else str(int(r.self_level))
        value = "  n/a" if pd.isna(r.market_value) else f"{r.market_value:>6.1f}"
        why = f" ({r.basis})" if r.value_source == "no market data" else ""
        print(f"{r.name[:36]:<36} {r.kind:<11} {r.quadrant:<10} {value:>6} {self_level:>5} "
              f"{r.evidence_level:>5.1f}  {r.finding}{why}")
    return 0


def _num(value, digits: int = 3):
    return None if value is None or pd.isna(value) else round(float(value), digits)


def json_rows(table: pd.DataFrame, result: sv.MatrixResult) -> list[dict]:
    """One row per skill with its value and its basis: per role, the occupation, stand-in and components."""
    ids = dict(zip(result.frame["name"], result.frame["skill_id"], strict=True))
    by_skill = {k: g for k, g in result.components.groupby("skill_id")} if not result.components.empty else {}
    rows = []
    for r in table.itertuples(index=False):
        comps = by_skill.get(ids[r.name])
        basis = [] if comps is None else [{
            "occupation": c.occupation, "is_stand_in": c.stand_in is not None and not pd.isna(c.stand_in),
            "ratings_from": c.stand_in if isinstance(c.stand_in, str) else c.occupation,
            "target_level": c.target_level if isinstance(c.target_level, str) else None, "link": c.link,
            "components": {"importance": _num(c.importance, 2), "level": _num(c.level, 2),
                           "ladder_expectation": _num(c.ladder_expectation),
                           "ladder_competency": c.competency if isinstance(c.competency, str) else None,
                           "pay_weight": _num(c.pay_weight)},
            "score": _num(c.score, 4), "no_data": c.note if isinstance(c.note, str) else None,
        } for c in comps.itertuples(index=False)]
        rows.append({
            "skill": r.name, "kind": r.kind,
            "self_level": None if r.self_level is None or pd.isna(r.self_level) else int(r.self_level),
            "evidence_level": float(r.evidence_level), "market_value": _num(r.market_value, 1),
            "value_source": r.value_source, "value_basis": r.basis, "quadrant": r.quadrant, "finding": r.finding,
            "value_gain": float(r.value_gain), "recommendation": r.recommendation, "basis": basis,
        })
    return rows

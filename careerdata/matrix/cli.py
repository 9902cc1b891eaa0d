"""`careerdata matrix`: the skill-value matrix as a table or JSON."""

from __future__ import annotations

import json

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
        label, codes = sv.resolve_role(inputs, args.role)
    except LookupError as err:
        raise errors.InputError(str(err)) from None
    result = sv.compute_matrix(inputs, codes, args.proficiency, clock.today())
    table = sv.ranked_table(result.frame)
    if args.json:
        rows = [
            {
                "skill": r.name, "kind": r.kind,
                "self_level": None if r.self_level is None or r.self_level != r.self_level else int(r.self_level),
                "evidence_level": float(r.evidence_level), "market_value": float(r.market_value),
                "value_source": r.value_source, "quadrant": r.quadrant, "finding": r.finding,
                "value_gain": float(r.value_gain), "recommendation": r.recommendation,
            }
            for r in table.itertuples(index=False)
        ]
        print(json.dumps(rows, indent=2))
        return 0
    print(f"Skill-value matrix for {label} ({', '.join(codes)}); proficiency: {args.proficiency}")
    for code, proxy in result.stand_ins.items():
        print(f"  note: {code} has no O*NET ratings; using stand-in {proxy}")
    print(f"{'skill':<36} {'kind':<11} {'quadrant':<10} {'value':>6} {'self':>5} {'evid':>5}  finding")
    for r in table.itertuples(index=False):
        self_level = "-" if r.self_level is None or r.self_level != r.self_level else str(int(r.self_level))
        print(f"{r.name[:36]:<36} {r.kind:<11} {r.quadrant:<10} {r.market_value:>6.1f} {self_level:>5} "
              f"{r.evidence_level:>5.1f}  {r.finding}")
    return 0

"""`careerdata roles`: list target roles and compare roles side by side."""

from __future__ import annotations

import json

from careerdata.core import clock, errors
from careerdata.matrix import skill_value as sv
from careerdata.matrix.queries import matrix_inputs
from careerdata.roles import analytics as rl
from careerdata.roles.queries import role_data
from careerdata.store import db


def register(sub, add_db) -> None:
    p = sub.add_parser("roles", help="target roles: list them or compare fit, gaps, pay and demand")
    roles_sub = p.add_subparsers(dest="roles_command", required=True, parser_class=type(p))
    c = roles_sub.add_parser("compare", help="compare roles: target-role names, O*NET-SOC codes or O*NET titles")
    c.add_argument("roles", nargs="+", metavar="ROLE")
    c.add_argument("--basis", choices=["self", "evidence"], default="self",
                   help="your level from self-ratings (default) or from the evidence of your wins")
    c.add_argument("--json", action="store_true", help="print JSON")
    add_db(c)
    c.set_defaults(func=compare)
    ls = roles_sub.add_parser("list", help="your target roles")
    add_db(ls)
    ls.set_defaults(func=list_roles)


def _load(args):
    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        return matrix_inputs(con), role_data(con)
    finally:
        con.close()


def compare_roles(names: list[str], inputs, data, basis: str) -> list[dict]:
    """One summary per role: fit, market pay (or why there is none), demand and gaps."""
    mappings = sv.resolve_mappings(inputs.skills, inputs.default_map, inputs.user_map, inputs.elements,
                                   inputs.technologies)
    evidence = sv.evidence_levels(inputs.evidence, clock.today())
    lookup = rl.level_lookup(inputs.skills, mappings, evidence, inputs.elements)
    out = []
    for spec in rl.resolve_specs(names, inputs, data, mappings):
        req = rl.with_current(spec.requirements, lookup)
        fit = rl.fit_score(req, basis)
        facts = rl.market_facts(spec.onet_soc_code, inputs)
        out.append({
            "role": spec.name,
            "onet_soc_code": spec.onet_soc_code,
            "occupation": facts.occupation,
            "fit": fit.fit,
            "coverage": fit.coverage,
            "gated_by": fit.gating_skill,
            "median_wage": facts.median_wage,
            "median_wage_note": facts.wage_reason,
            "wage_year": facts.year,
            "p25": facts.p25,
            "p75": facts.p75,
            "growth_2024_34_pct": facts.growth_pct,
            "annual_openings": None if facts.openings_thousands is None else round(facts.openings_thousands * 1000),
            "gaps": [{"skill": g.skill, "required": int(g.required_level), "current": float(g.current),
                      "must_have": bool(g.must_have)} for g in rl.gaps(req, basis).itertuples(index=False)],
            "notes": spec.notes,
        })
    return out


def compare(args) -> int:
    inputs, data = _load(args)
    if len(args.roles) < 1:
        raise errors.InputError("give at least one role")
    try:
        rows = compare_roles(args.roles, inputs, data, args.basis)
    except LookupError as err:
        raise errors.InputError(str(err)) from None
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for r in rows:
        pay = f"${r['median_wage']:,.0f}" if r["median_wage"] else "n/a"
        note = f" ({r['median_wage_note']})" if r["median_wage_note"] else ""
        growth = "n/a" if r["growth_2024_34_pct"] is None else f"{r['growth_2024_34_pct']:+.1f}%"
        print(f"{r['role']} [{r['onet_soc_code'] or 'no O*NET occupation'}]")
        gate = f", gated by must-have {r['gated_by']}" if r["gated_by"] else ""
        print(f"  fit {r['fit']:.0f}/100 (coverage {r['coverage']:.0f}{gate})")
        print(f"  median pay {pay}{note}; growth 2024-34 {growth}; openings/yr {r['annual_openings'] or 'n/a'}")
        for g in r["gaps"][:6]:
            star = " (must-have)" if g["must_have"] else ""
            print(f"  gap: {g['skill']}: required {g['required']}, you {g['current']:g}{star}")
        for n in r["notes"]:
            print(f"  note: {n}")
    return 0


def list_roles(args) -> int:
    _, data = _load(args)
    if data.roles.empty:
        print("No target roles yet: add them on the dashboard's Target roles page.")
    for r in data.roles.itertuples(index=False):
        n = int((data.requirements["target_role_id"] == r.id).sum())
        print(f"{r.name} [{r.level or '-'}] {r.company or 'market'} {r.onet_soc_code or ''} ({n} required skills)")
    return 0

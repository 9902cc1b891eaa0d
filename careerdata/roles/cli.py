"""`careerdata roles`: list target roles and compare roles side by side."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from careerdata.core import clock, errors
from careerdata.matrix import skill_value as sv
from careerdata.matrix.queries import matrix_inputs
from careerdata.roles import analytics as rl
from careerdata.roles.pay import where_pay_sits
from careerdata.roles.posting import read_posting
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
    post = roles_sub.add_parser("posting", help="read a job posting: the skills it asks for (in any words), "
                                                "how strongly, and its pay range")
    post.add_argument("file", metavar="FILE", help="the posting as a text file ('-' reads standard input)")
    post.add_argument("--json", action="store_true", help="print JSON")
    add_db(post)
    post.set_defaults(func=posting)
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
        fit = rl.fit_score(req, basis, spec.level)
        facts = rl.market_facts(spec.onet_soc_code, inputs)
        estimate, why_not = rl.level_pay(spec.level, inputs.ladder, facts)
        position = (where_pay_sits(rl.percentile_points(facts), inputs.current_pay, facts.occupation)
                    if inputs.current_pay and facts.occupation and facts.median_wage else None)
        out.append({
            "role": spec.name,
            "onet_soc_code": spec.onet_soc_code,
            "occupation": facts.occupation,
            "fit": fit.fit,
            "coverage": fit.coverage,
            "gated_by": fit.gating_skill,
            "fit_reason": fit.reason,
            "fit_label": fit.label,
            "median_wage": facts.median_wage,
            "median_wage_note": facts.wage_reason,
            "pay_estimate": estimate.as_dict() if estimate else None,
            "pay_estimate_note": why_not,
            "your_pay_position": position,
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
        print(f"  {r['fit_label']}")
        print(f"  median pay {pay}{note}; growth 2024-34 {growth}; openings/yr {r['annual_openings'] or 'n/a'}")
        if r["pay_estimate"]:
            print(f"  {r['pay_estimate']['label']}")
        elif r["pay_estimate_note"]:
            print(f"  no level pay estimate: {r['pay_estimate_note']}")
        if r["your_pay_position"]:
            print(f"  {r['your_pay_position']}")
        for g in r["gaps"][:6]:
            star = " (must-have)" if g["must_have"] else ""
            print(f"  gap: {g['skill']}: required {g['required']}, you {g['current']:g}{star}")
        for n in r["notes"]:
            print(f"  note: {n}")
    return 0


def posting(args) -> int:
    if args.file == "-":
        text = sys.stdin.read()
    else:
        path = Path(args.file)
        if not path.is_file():
            raise errors.InputError(f"{args.file}: no such file (give the posting as a text file)")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise errors.InputError(f"{args.file}: not UTF-8 text (save the posting as plain text)") from None
    inputs, _ = _load(args)
    mappings = sv.resolve_mappings(inputs.skills, inputs.default_map, inputs.user_map, inputs.elements,
                                   inputs.technologies)
    result = read_posting(text, inputs, mappings)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    if not result["skills"]:
        print("No known skill, alias or O*NET technology found in the posting.")
    for s in result["skills"]:
        mark = "you have it" if s["known"] else "not in your skills"
        print(f"{s['importance']:<13} {s['skill']} (matched \"{s['matched']}\"; {mark})")
    if result["pay_range"]:
        low, high = result["pay_range"]
        print(f"pay range in the posting: ${low:,.0f}–${high:,.0f}")
    else:
        print("no pay range found in the posting")
    return 0


def list_roles(args) -> int:
    _, data = _load(args)
    if data.roles.empty:
        print("No target roles yet: add them on the dashboard's Target roles page.")
    for r in data.roles.itertuples(index=False):
        n = int((data.requirements["target_role_id"] == r.id).sum())
        print(f"{r.name} [{r.level or '-'}] {r.company or 'market'} {r.onet_soc_code or ''} ({n} required skills)")
    return 0

"""`careerdata offers`: compare offers and the current job year by year, or list them.

`offers compare --json` prints {"offers": [{"company", "title", "current_job", "currency",
"years": [y1, y2, y3, y4], "total_4y", "left_behind"}]}, every amount in that offer's own currency.
"""

from __future__ import annotations

import json

from careerdata.core import clock
from careerdata.offers import comp, queries
from careerdata.store import db


def register(sub, add_db) -> None:
    p = sub.add_parser("offers", help="job offers and your current job: total compensation in years 1-4")
    offers_sub = p.add_subparsers(dest="offers_command", required=True, parser_class=type(p))
    c = offers_sub.add_parser("compare", help="year-by-year total compensation of every offer and the current job")
    c.add_argument("--json", action="store_true", help="print JSON (amounts in each offer's own currency)")
    add_db(c)
    c.set_defaults(func=compare)
    ls = offers_sub.add_parser("list", help="your offers and current job, one line each")
    add_db(ls)
    ls.set_defaults(func=list_offers)


def _load(args) -> list[comp.OfferComp]:
    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        stored = queries.offers(con)
    finally:
        con.close()
    return comp.compare([s.offer for s in stored], clock.today())


def compare(args) -> int:
    comps = _load(args)
    if args.json:
        print(json.dumps({"offers": [c.as_dict() for c in comps]}, indent=2))
        return 0
    if not comps:
        print("No offers yet: add them on the dashboard's Offers page or with "
              "`careerdata import csv offers FILE` (template: sample_data/templates/offers.csv).")
        return 0
    for currency, group in comp.by_currency(comps).items():
        print(f"In {currency} (not added to any other currency):")
        width = max(len(c.offer.label) for c in group)
        print(f"  {'':<{width}}  " + "  ".join(f"{'year ' + str(y):>14}" for y in range(1, comp.YEARS + 1))
              + f"  {'4-year total':>15}")
        for c in group:
            years = "  ".join(f"{comp.money(t, currency):>14}" for t in c.totals)
            print(f"  {c.offer.label:<{width}}  {years}  {comp.money(c.total_4y, currency):>15}")
        for c in group:
            if c.left_behind:
                print(f"  Leaving {c.offer.company} forfeits {comp.money(c.left_behind, currency)} of unvested equity.")
            for note in c.notes:
                print(f"  {c.offer.label}: {note}")
    return 0


def list_offers(args) -> int:
    comps = _load(args)
    if not comps:
        print("No offers yet.")
    for c in comps:
        o = c.offer
        what = "current job" if o.current_job else "offer"
        print(f"{o.company}: {o.title} [{o.level or '-'}] ({what}, {o.currency}) base {comp.money(o.base, o.currency)}, "
              f"{comp.money(c.average, o.currency)} a year on average over 4 years")
    return 0

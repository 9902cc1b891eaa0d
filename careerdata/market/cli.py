"""`careerdata market FOLDER`: reload the public market data from a folder of CSVs."""

from __future__ import annotations

from pathlib import Path

from careerdata.store import db


def register(sub, add_db) -> None:
    p = sub.add_parser("market", help="reload the public market data from a folder of CSVs")
    p.add_argument("folder", help="folder with the O*NET / BLS CSV files (see sample_data/market/SOURCES.md)")
    add_db(p)
    p.set_defaults(func=cmd_market)


def cmd_market(args) -> int:
    from careerdata.market.loader import load_market_data

    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        loaded = load_market_data(con, Path(args.folder))
    finally:
        con.close()
    for table, rows in loaded.items():
        print(f"{table:<28} {rows:>7,} rows")
    return 0

"""`careerdata bench`: time every page and the main queries on scaled copies of the demo."""

from __future__ import annotations

import json
import logging


def register(sub, add_db) -> None:
    p = sub.add_parser("bench", help="time every page (cold and warm) and the main queries at 1x/10x/100x data")
    p.add_argument("--scale", type=int, action="append", metavar="N",
                   help="data scale to build and time (repeatable; default: 1, 10 and 100)")
    p.add_argument("--repeats", type=int, default=5, help="warm reruns per page (default 5)")
    p.add_argument("--no-browser", action="store_true", help="skip the headless-Chromium cold-start timing")
    p.add_argument("--no-io", action="store_true", help="skip the import and export timings")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    from careerdata.bench import runner as bench
    from careerdata.core.errors import InputError
    from careerdata.core.progress import terminal_bar

    scales = args.scale or [1, 10, 100]
    if any(s < 1 or s > 1000 for s in scales):
        raise InputError("--scale must be between 1 and 1000")
    if args.repeats < 1:
        raise InputError("--repeats must be at least 1")
    import streamlit.logger

    streamlit.logger.set_log_level(logging.ERROR)  # AppTest's bare-mode warnings are noise here
    report = bench.run(sorted(set(scales)), args.repeats, progress=terminal_bar("Benchmark"),
                       browser=not args.no_browser, io=not args.no_io)
    print(json.dumps(report, indent=2) if args.json else bench.format_table(report))
    return 0

"""`careerdata bench`: how fast every page and the main queries are at 1x, 10x and 100x data.

A scaled file is the demo persona with its accomplishments (and their skills, competencies and
metrics), contacts (and their interactions), visibility items and opportunities copied N times
under new ids and names, plus the full market tables: at x100 about 7,000 accomplishments,
11,000 impact metrics and 2,500 contacts. Each page is run headless with Streamlit's AppTest:
"cold" is the first run with every cache empty, "warm" the median of repeated reruns (what a
user feels on each click). Times include AppTest's own overhead of a few milliseconds.

Also measured: imports and exports at each scale (a synthetic skills CSV of 1,000 rows per
scale, a JSON Resume of 400 skills per scale, the persona's own exports, backup and restore),
the browser cold start against Streamlit's one-metric floor (ratio of medians), and the peak
memory of the whole run.
"""

from __future__ import annotations

import gc
import os
import resource
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from careerdata.core import errors
from careerdata.core.progress import Progress
from careerdata.core.progress import report as report_progress
from careerdata.import_export.create import create_database
from careerdata.store import db

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard.py"
BUDGET_WARM_MS = 400.0
BUDGET_SCALE_FACTOR = 3.0
ID_STRIDE = 1_000_000  # copy k of a row gets id + k × stride, so copies never collide

_COPY_SQL = [
    # (table, SQL with {k} and {s} = k × stride); order matters only for readability.
    ("accomplishment", """INSERT INTO accomplishment (id, title, start_date, end_date, employer, scope, situation,
        task, action, result, links) SELECT id + {s}, title || ' (copy {k})', start_date - {k}, end_date - {k},
        employer, scope, situation, task, action, result, links FROM accomplishment WHERE id < {stride}"""),
    ("accomplishment_skill", """INSERT INTO accomplishment_skill SELECT accomplishment_id + {s}, skill_id
        FROM accomplishment_skill WHERE accomplishment_id < {stride}"""),
    ("accomplishment_competency", """INSERT INTO accomplishment_competency SELECT accomplishment_id + {s},
        competency_key, status FROM accomplishment_competency WHERE accomplishment_id < {stride}"""),
    ("contact", """INSERT INTO contact (id, name, name_key, relationship, company, title, influence, advocacy_stage,
        cadence_days, notes) SELECT id + {s}, name || ' ({k})', name_key || ' ({k})', relationship, company, title,
        influence, advocacy_stage, cadence_days, notes FROM contact WHERE id < {stride}"""),
    ("impact_metric", """INSERT INTO impact_metric (id, accomplishment_id, category, description, baseline,
        new_value, unit, money_usd, hours, confidence, verified_by_contact_id) SELECT id + {s},
        accomplishment_id + {s}, category, description, baseline, new_value, unit, money_usd, hours, confidence,
        verified_by_contact_id + {s} FROM impact_metric WHERE id < {stride}"""),
    ("interaction", """INSERT INTO interaction (id, contact_id, date, channel, notes, follow_up_due)
        SELECT id + {s}, contact_id + {s}, date - {k}, channel, notes, follow_up_due FROM interaction
        WHERE id < {stride}"""),
    ("interaction_accomplishment", """INSERT INTO interaction_accomplishment SELECT interaction_id + {s},
        accomplishment_id + {s} FROM interaction_accomplishment WHERE interaction_id < {stride}"""),
    ("visibility_item", """INSERT INTO visibility_item (id, title, kind, venue, date, audience, reach, is_external,
        url) SELECT id + {s}, title || ' (copy {k})', kind, venue, date - {k}, audience, reach, is_external, url
        FROM visibility_item WHERE id < {stride}"""),
    ("opportunity", """INSERT INTO opportunity (id, title, kind, company, target_role_id, stage, opened_on,
        next_step, follow_up_due, notes) SELECT id + {s}, title || ' (copy {k})', kind, company, target_role_id,
        stage, opened_on - {k}, next_step, follow_up_due, notes FROM opportunity WHERE id < {stride}"""),
    ("opportunity_stage", """INSERT INTO opportunity_stage SELECT opportunity_id + {s}, stage, entered_on - {k}
        FROM opportunity_stage WHERE opportunity_id < {stride}"""),
    ("opportunity_contact", """INSERT INTO opportunity_contact SELECT opportunity_id + {s}, contact_id + {s}
        FROM opportunity_contact WHERE opportunity_id < {stride}"""),
]


def build_scaled(path: Path, scale: int) -> Path:
    """The demo persona copied `scale` times into a new file at `path`."""
    if scale < 1:
        raise errors.InputError("--scale must be 1 or more")
    create_database(path, demo=True, force=True)
    return scale_up(path, scale)


def scale_up(path: Path, scale: int) -> Path:
    """Copy the demo persona already in the file at `path` until it is there `scale` times."""
    if scale == 1:
        return path
    con = db.connect(path)
    try:
        with db.transaction(con) as cur:
            for k in range(1, scale):
                for _table, sql in _COPY_SQL:
                    cur.execute(sql.format(k=k, s=k * ID_STRIDE, stride=ID_STRIDE))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path


@contextmanager
def _env(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _clear_caches() -> None:
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    gc.collect()


def _run_timed(at) -> tuple[float, float]:
    """(wall ms, CPU ms) of one script run: CPU time is this process's, so other programs on the machine
    do not count; on a quiet machine the two are about equal."""
    wall, cpu = time.perf_counter(), time.process_time()
    at.run()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def time_pages(path: Path, repeats: int = 5) -> list[dict]:
    """Cold and warm script-run times of every page in the navigation, in milliseconds."""
    from streamlit.testing.v1 import AppTest

    from careerdata.ui.layout import PAGES

    results = []
    with _env(CAREERDATA_DB=str(path)):
        for key, (file, title, *_rest) in PAGES.items():
            _clear_caches()
            at = AppTest.from_file(str(APP), default_timeout=120)
            at.run()  # the entry script, on the default page
            at.switch_page(file)
            cold, cold_cpu = _run_timed(at)
            warm = [_run_timed(at) for _ in range(repeats)]
            page_errors = [str(e.value)[:200] for e in at.exception]
            results.append({"page": key, "title": title, "cold_ms": round(cold, 1),
                            "warm_ms": round(statistics.median(w for w, _ in warm), 1),
                            "cold_cpu_ms": round(cold_cpu, 1), "warm_cpu_ms": round(statistics.median(c for _, c in warm), 1),
                            "errors": page_errors})
    _clear_caches()
    return results


def time_queries(path: Path, repeats: int = 5) -> list[dict]:
    """The main reads alone, on their own connection (median of `repeats`)."""
    from careerdata.journal import queries
    from careerdata.matrix.queries import matrix_inputs
    from careerdata.roles.queries import role_data

    reads = {
        "accomplishments": queries.accomplishments,
        "impact_metrics": queries.impact_metrics,
        "skills": queries.skills,
        "contacts": queries.contacts,
        "visibility": queries.visibility,
        "matrix_inputs": matrix_inputs,
        "role_data": role_data,
    }
    con = db.connect(path)
    out = []
    try:
        for name, fn in reads.items():
            times, rows = [], None
            for _ in range(repeats):
                start = time.perf_counter()
                result = fn(con)
                times.append((time.perf_counter() - start) * 1000)
                rows = len(result) if hasattr(result, "__len__") else None
            out.append({"query": name, "ms": round(statistics.median(times), 1), "rows": rows})
    finally:
        con.close()
    return out


SKILL_ROWS_PER_SCALE = 1_000  # synthetic skills CSV: 100,000 rows at x100
RESUME_SKILLS_PER_SCALE = 400  # synthetic JSON Resume: 40,000 skills (groups of 100) at x100
_KINDS = ("technical", "domain", "soft", "leadership")
# The round trip of the persona's own CSVs (skills, contacts, accomplishments, metrics, interactions):
# 34,000 records at x100, written in bulk like the skills.
ROUND_TRIP_MAX_SCALE = 100


def skills_csv(rows: int) -> bytes:
    """A skills CSV of `rows` distinct skills in the import template's columns."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "kind", "taxonomy_id", "notes"])
    for i in range(rows):
        writer.writerow([f"Skill {i:06d}", _KINDS[i % 4], f"T{i}" if i % 3 == 0 else "",
                         f"Used at job {i % 7}" if i % 2 else ""])
    return out.getvalue().encode()


def resume_json(skills: int) -> bytes:
    """A JSON Resume whose skills section holds `skills` distinct skills (group names plus 99 keywords each)."""
    import json

    groups = [{"name": f"Group {g}", "level": "Advanced", "keywords": [f"Keyword {g}-{k}" for k in range(99)]}
              for g in range(max(1, skills // 100))]
    return json.dumps({"basics": {"name": "Bench Person", "label": "Engineer"}, "skills": groups}).encode()


def _timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return round((time.perf_counter() - start) * 1000), result


def time_io(path: Path, scale: int, folder: Path) -> list[dict]:
    """Import and export times at one scale, in milliseconds (each import into a fresh empty file).

    Imports are timed whole: reading, validating and writing, in one transaction. "again"
    imports the same file a second time (every record is already there: all skipped).
    Exports are from the scaled demo file; the round trip imports its own CSV exports
    (skills, contacts, accomplishments, metrics, interactions) into an empty file, up to
    ROUND_TRIP_MAX_SCALE.
    """
    from careerdata.import_export import backup as bk
    from careerdata.import_export import export
    from careerdata.import_export.csv_io import read_csv_entity
    from careerdata.import_export.imports import run_import
    from careerdata.import_export.jsonresume import read_jsonresume

    empty = folder / "empty.duckdb"
    if not empty.exists():
        create_database(empty, demo=False)
    out = []

    def fresh(name: str) -> Path:
        target = folder / name
        import shutil

        shutil.copyfile(empty, target)
        return target

    def import_into(target: Path, reads: list) -> tuple[int, int]:
        con = db.connect(target, create=False)
        try:
            start, cpu = time.perf_counter(), time.process_time()
            records = 0
            for read, raw, name, *extra in reads:
                bundle = read(raw, name, *extra)
                records += len(bundle.items)
                run_import(con, bundle)
            return round((time.perf_counter() - start) * 1000), records, round((time.process_time() - cpu) * 1000)
        finally:
            con.close()

    raw = skills_csv(SKILL_ROWS_PER_SCALE * scale)
    target = fresh(f"skills-x{scale}.duckdb")
    ms, n, cpu = import_into(target, [(read_csv_entity, raw, "skills.csv", "skills")])
    again, _, _ = import_into(target, [(read_csv_entity, raw, "skills.csv", "skills")])
    out.append({"what": "import skills CSV", "records": n, "ms": ms, "cpu_ms": cpu, "again_ms": again})
    raw = resume_json(RESUME_SKILLS_PER_SCALE * scale)
    target = fresh(f"resume-x{scale}.duckdb")
    ms, n, cpu = import_into(target, [(read_jsonresume, raw, "resume.json")])
    again, _, _ = import_into(target, [(read_jsonresume, raw, "resume.json")])
    out.append({"what": "import JSON Resume skills", "records": n, "ms": ms, "cpu_ms": cpu, "again_ms": again})

    con = db.connect(path, create=False)
    try:
        ms, text = _timed(export.jsonresume_text, con)
        out.append({"what": "export JSON Resume", "records": None, "ms": ms, "bytes": len(text)})
        entities = ("skills", "contacts", "accomplishments", "metrics", "interactions")
        start = time.perf_counter()
        csvs = {e: export.export_csv(con, e).encode() for e in entities}
        out.append({"what": "export CSV (5 entities)", "records": sum(c.count(b"\n") - 1 for c in csvs.values()),
                    "ms": round((time.perf_counter() - start) * 1000)})
        ms, manifest = _timed(bk.backup, con, folder / f"backup-x{scale}")
        out.append({"what": "backup (Parquet)", "records": sum(t["rows"] for t in manifest["tables"].values()),
                    "ms": ms})
    finally:
        con.close()
    ms, counts = _timed(bk.restore, folder / f"backup-x{scale}", folder / f"restored-x{scale}.duckdb")
    out.append({"what": "restore", "records": sum(counts.values()), "ms": ms})
    if scale <= ROUND_TRIP_MAX_SCALE:
        ms, n, cpu = import_into(fresh(f"roundtrip-x{scale}.duckdb"),
                            [(read_csv_entity, csvs[e], f"{e}.csv", e) for e in entities])
        out.append({"what": "import CSV round trip (5 entities)", "records": n, "ms": ms, "cpu_ms": cpu})
    return out


FLOOR_SCRIPT = """import streamlit as st

st.metric("Metric", 42)
"""
COLD_START_RUNS = 3
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _first_metric_seconds(browser, script: Path, env: dict) -> float:
    """Seconds from `streamlit run script` to its first st.metric drawn in a fresh browser context.

    Both the app and the floor start from the project folder, so they read the same
    .streamlit/config.toml; a fresh context means no cached JavaScript from an earlier run.
    """
    import subprocess

    port = _free_port()
    context = browser.new_context()
    page = context.new_page()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
                             "--server.headless", "true"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}", timeout=2000)
                break
            except Exception:
                if time.perf_counter() - start > 60:
                    raise
                time.sleep(0.05)
        page.wait_for_selector('[data-testid="stMetric"]', timeout=60_000)
        return time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        context.close()


def browser_cold_start(path: Path, runs: int = COLD_START_RUNS, chromium: str = "/usr/bin/chromium") -> dict:
    """The app's cold start against Streamlit's own floor, measured side by side.

    Cold start: seconds from `streamlit run` to the Home page's KPIs drawn in headless Chromium.
    Floor: the same for a one-metric Streamlit script (`st.metric("Metric", 42)`): the server
    start, the browser's page load and one metric, which no Streamlit app can beat.
    The two are run in turn (app, floor, app, floor, ...) so a machine that slows down
    mid-run slows both; ratio = median(app) / median(floor). Needs Playwright and Chromium;
    returns a note instead of figures without them.
    """
    if not Path(chromium).exists():
        return {"seconds": None, "note": f"no browser at {chromium}"}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"seconds": None, "note": "playwright is not installed (pip install -e '.[test]')"}
    env = {**os.environ, "CAREERDATA_DB": str(path)}
    app_runs, floor_runs = [], []
    with tempfile.TemporaryDirectory(prefix="careerdata-floor-") as folder, sync_playwright() as p:
        floor = Path(folder) / "floor.py"
        floor.write_text(FLOOR_SCRIPT, encoding="utf-8")
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                app_runs.append(round(_first_metric_seconds(browser, APP, env), 2))
                floor_runs.append(round(_first_metric_seconds(browser, floor, env), 2))
        finally:
            browser.close()
    app_s, floor_s = statistics.median(app_runs), statistics.median(floor_runs)
    return {"seconds": round(app_s, 2), "floor_seconds": round(floor_s, 2), "ratio": round(app_s / floor_s, 2),
            "runs": app_runs, "floor_runs": floor_runs,
            "note": f"process start to the Home KPIs in headless Chromium, median of {runs}; floor: a one-metric "
                    "Streamlit script measured the same way in turn"}


def peak_memory_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


BUDGET_COLD_START_RATIO = 1.3  # the app's cold start at most 1.3 × Streamlit's one-metric floor
BUDGET_SKILLS_CSV_S = 15.0  # 100,000 skills from a CSV (x100), read, validated and written


def run(scales: list[int], repeats: int = 5, progress: Progress | None = None, browser: bool = True,
        io: bool = True) -> dict:
    """Build each scale in a temporary folder and time it; returns the JSON-ready report.

    Progress is reported per step: per scale building, pages, queries and imports/exports,
    then the cold start (each of its app and floor runs).
    """
    report = {"scales": [], "budgets": {"warm_ms_at_max_scale": BUDGET_WARM_MS,
                                        "warm_vs_x1_factor": BUDGET_SCALE_FACTOR,
                                        "cold_start_vs_floor": BUDGET_COLD_START_RATIO,
                                        "skills_csv_100k_s": BUDGET_SKILLS_CSV_S}}
    steps = len(scales) * (4 if io else 3) + (1 if browser else 0)
    step = 0

    def tell(what: str) -> None:
        report_progress(progress, step, steps, what)

    with tempfile.TemporaryDirectory(prefix="careerdata-bench-") as folder:
        for scale in scales:
            path = Path(folder) / f"x{scale}.duckdb"
            tell(f"building x{scale}")
            start = time.perf_counter()
            build_scaled(path, scale)
            built = (time.perf_counter() - start) * 1000
            con = db.connect(path)
            counts = db.row_counts(con)
            con.close()
            step += 1
            tell(f"timing x{scale} pages")
            pages = time_pages(path, repeats)
            step += 1
            tell(f"timing x{scale} queries")
            queries_ = time_queries(path, repeats)
            step += 1
            entry = {"scale": scale, "build_ms": round(built), "rows": {k: counts[k] for k in (
                "accomplishment", "impact_metric", "contact", "interaction", "skill")},
                "pages": pages, "queries": queries_}
            if io:
                tell(f"timing x{scale} imports and exports")
                entry["io"] = time_io(path, scale, Path(folder))
                step += 1
            report["scales"].append(entry)
            if browser and scale == scales[0]:
                cold_path = path
        if browser:
            tell("timing the cold start against the floor")
            report["browser_cold_start"] = browser_cold_start(cold_path)
            step += 1
    tell("done")
    report["peak_memory_mb"] = peak_memory_mb()
    report["verdict"] = verdict(report)
    return report


def _cpu(row: dict, wall: str, cpu: str) -> tuple[float, str]:
    """The figure a budget is judged on: CPU time when the run measured it (what the work costs this
    process; on a shared machine, wall time adds the wait for a core), else wall time."""
    return (row[cpu], "CPU ") if cpu in row else (row[wall], "")


def _import_misses(report: dict) -> list[str]:
    """The 100,000-row skills CSV over its budget, at whichever scale reached that size."""
    misses = []
    for s in report["scales"]:
        for row in s.get("io", []):
            ms, kind = _cpu(row, "ms", "cpu_ms")
            if row["what"] == "import skills CSV" and row["records"] >= 100_000 and ms > BUDGET_SKILLS_CSV_S * 1000:
                misses.append(f"{row['records']:,} skills from a CSV took {ms / 1000:.1f} {kind}s > "
                              f"{BUDGET_SKILLS_CSV_S:g} s")
    return misses


def verdict(report: dict) -> list[str]:
    """Which budgets the run missed (empty when all are met)."""
    misses = []
    ratio = (report.get("browser_cold_start") or {}).get("ratio")
    if ratio is not None and ratio > BUDGET_COLD_START_RATIO:
        misses.append(f"cold start {ratio:g} × the one-metric floor > {BUDGET_COLD_START_RATIO:g} ×")
    misses.extend(_import_misses(report))
    scales = {s["scale"]: s for s in report["scales"]}
    if not scales:
        return misses
    top = scales[max(scales)]
    base = scales.get(1)
    for page in top["pages"]:
        if page["errors"]:
            misses.append(f"{page['page']}: raised {page['errors'][0]}")
        ms, kind = _cpu(page, "warm_ms", "warm_cpu_ms")
        if ms > BUDGET_WARM_MS:
            misses.append(f"{page['page']}: warm {ms} {kind}ms at x{top['scale']} > {BUDGET_WARM_MS:.0f} ms")
        if base and top is not base:
            own, _ = _cpu(next(p for p in base["pages"] if p["page"] == page["page"]), "warm_ms", "warm_cpu_ms")
            if own and ms > BUDGET_SCALE_FACTOR * max(own, 1.0):
                misses.append(f"{page['page']}: warm {ms} {kind}ms at x{top['scale']} > "
                              f"{BUDGET_SCALE_FACTOR:g} × its x1 {own} ms")
    return misses


def format_table(report: dict) -> str:
    lines = []
    for s in report["scales"]:
        rows = s["rows"]
        lines.append(f"x{s['scale']}: {rows['accomplishment']:,} accomplishments, {rows['impact_metric']:,} metrics, "
                     f"{rows['contact']:,} contacts, {rows['interaction']:,} interactions (built in "
                     f"{s['build_ms'] / 1000:.1f} s)")
        lines.append(f"  {'page':<16} {'cold ms':>9} {'warm ms':>9} {'warm CPU':>9}")
        for p in s["pages"]:
            flag = "  ERROR" if p["errors"] else ""
            cpu = f"{p['warm_cpu_ms']:>9.1f}" if "warm_cpu_ms" in p else f"{'':>9}"
            lines.append(f"  {p['page']:<16} {p['cold_ms']:>9.1f} {p['warm_ms']:>9.1f} {cpu}{flag}")
        lines.append(f"  {'query':<16} {'ms':>9} {'rows':>9}")
        for q in s["queries"]:
            lines.append(f"  {q['query']:<16} {q['ms']:>9.1f} {q['rows'] if q['rows'] is not None else '':>9}")
        if s.get("io"):
            lines.append(f"  {'import / export':<36} {'records':>9} {'ms':>9} {'CPU ms':>9} {'again ms':>9}")
            for row in s["io"]:
                records = f"{row['records']:,}" if row["records"] is not None else ""
                cpu = f"{row['cpu_ms']:,}" if "cpu_ms" in row else ""
                again = f"{row['again_ms']:,}" if "again_ms" in row else ""
                lines.append(f"  {row['what']:<36} {records:>9} {row['ms']:>9,} {cpu:>9} {again:>9}")
    cold = report.get("browser_cold_start")
    if cold:
        if cold["seconds"] is None:
            lines.append(f"cold start: not measured ({cold['note']})")
        else:
            lines.append(f"cold start: {cold['seconds']} s, floor {cold['floor_seconds']} s, ratio {cold['ratio']} "
                         f"(app runs {cold['runs']}, floor runs {cold['floor_runs']}; {cold['note']})")
    lines.append(f"peak memory: {report['peak_memory_mb']} MB")
    if report["verdict"]:
        lines.append("budgets missed:")
        lines.extend(f"  - {m}" for m in report["verdict"])
    else:
        lines.append(f"all budgets met (judged on CPU time where measured; warm ≤ {BUDGET_WARM_MS:.0f} ms at the "
                     "largest scale and ≤ "
                     f"{BUDGET_SCALE_FACTOR:g} × x1; cold start ≤ {BUDGET_COLD_START_RATIO:g} × the floor; "
                     f"100,000 CSV skills ≤ {BUDGET_SKILLS_CSV_S:g} s)")
    return "\n".join(lines)

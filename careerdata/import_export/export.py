"""Take your career anywhere: JSON Resume (v1.0.0), a Markdown brag document, CSV per entity.

Pure reads of the career file; nothing here writes. CSV export lives in `csv_io` (it shares
its columns with the CSV import) and is re-exported here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import duckdb

from careerdata.core import vocab
from careerdata.core.clock import today
from careerdata.core.progress import Progress, report
from careerdata.core.text import name_key
from careerdata.core.urls import is_web_url, normalise_url
from careerdata.figures import cycle, impact
from careerdata.figures.metric_text import metric_sentence
from careerdata.figures.proficiency import level_word
from careerdata.import_export.csv_io import CSV_ENTITIES, export_csv
from careerdata.journal import queries

__all__ = ["CSV_ENTITIES", "brag_markdown", "brag_period", "export_csv", "export_jsonresume", "jsonresume_text"]

JSONRESUME_SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
LEVEL_WORDS = vocab.PROFICIENCY_LABELS  # a skill's self-level in words (careerdata.figures.proficiency)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cur = con.cursor()
    cur.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _url(value: str | None) -> str | None:
    """A link only when it is an absolute http(s) URL (the schema's `uri` format)."""
    url = normalise_url(value)
    return url if is_web_url(url) else None


# --- JSON Resume ------------------------------------------------------------------------------

def export_jsonresume(con: duckdb.DuckDBPyConnection, progress: Progress | None = None) -> dict:
    """The career file as a JSON Resume v1.0.0 document.

    Positions become `work` (newest first) with the titles of the accomplishments done there
    (same employer, started within the position's dates) as highlights; accomplishments at no
    known position become `projects`; skills carry the latest self-level in words; external
    talks, posts and docs become `publications`. People (contacts, references) are private and
    are not exported.
    """
    report(progress, 0, 4, "reading positions and wins")
    profile = queries.profile(con) or {}
    basics = {k: v for k, v in {"name": profile.get("name"), "label": profile.get("current_title"),
                                "summary": profile.get("headline")}.items() if v}
    positions = _rows(con, "SELECT id, employer, title, start_date, end_date FROM position "
                           "ORDER BY start_date DESC, id DESC")
    wins = _rows(con, """
        SELECT a.id, a.title, a.start_date, a.end_date, a.employer, a.result, a.links,
               (SELECT list(s.name ORDER BY s.name_key) FROM accomplishment_skill x JOIN skill s ON s.id = x.skill_id
                 WHERE x.accomplishment_id = a.id) AS skills
        FROM accomplishment a ORDER BY a.start_date, a.id""")
    report(progress, 1, 4, "placing wins at positions")
    highlights: dict[int, list[str]] = {p["id"]: [] for p in positions}
    projects = []
    for w in wins:
        home = next((p for p in positions  # newest first: the latest position that had started
                     if w["employer"] and name_key(p["employer"]) == name_key(w["employer"])
                     and p["start_date"] <= w["start_date"] and (p["end_date"] is None or w["start_date"] <= p["end_date"])),
                    None)
        if home is not None:
            highlights[home["id"]].append(w["title"])
            continue
        project = {"name": w["title"], "startDate": w["start_date"].isoformat()}
        if w["end_date"]:
            project["endDate"] = w["end_date"].isoformat()
        if w["result"]:
            project["description"] = w["result"]
        if w["skills"]:
            project["keywords"] = list(w["skills"])
        if w["employer"]:
            project["entity"] = w["employer"]
        url = next((_url(u) for u in (w["links"] or []) if _url(u)), None)
        if url:
            project["url"] = url
        projects.append(project)
    work = []
    for p in positions:
        entry = {"name": p["employer"], "position": p["title"], "startDate": p["start_date"].isoformat()}
        if p["end_date"]:
            entry["endDate"] = p["end_date"].isoformat()
        if highlights[p["id"]]:
            entry["highlights"] = highlights[p["id"]]
        work.append(entry)
    report(progress, 2, 4, "skills")
    skills = []
    for s in _rows(con, "SELECT name, self_level FROM v_skill_latest ORDER BY kind, lower(name)"):
        entry = {"name": s["name"]}
        if s["self_level"]:
            entry["level"] = level_word(s["self_level"])
        skills.append(entry)
    report(progress, 3, 4, "publications")
    publications = []
    for v in _rows(con, "SELECT title, kind, venue, date, url FROM visibility_item "
                        "WHERE is_external AND kind IN ('talk', 'post', 'doc') ORDER BY date DESC, id DESC"):
        entry = {"name": v["title"], "releaseDate": v["date"].isoformat(), "summary": vocab.VISIBILITY_KIND_LABELS[v["kind"]]}
        if v["venue"]:
            entry["publisher"] = v["venue"]
        if _url(v["url"]):
            entry["url"] = _url(v["url"])
        publications.append(entry)
    resume: dict = {"$schema": JSONRESUME_SCHEMA, "basics": basics}
    for key, value in (("work", work), ("projects", projects), ("skills", skills), ("publications", publications)):
        if value:
            resume[key] = value
    resume["meta"] = {"version": "v1.0.0", "lastModified": f"{today().isoformat()}T00:00:00"}
    report(progress, 4, 4)
    return resume


def jsonresume_text(con: duckdb.DuckDBPyConnection, progress: Progress | None = None) -> str:
    return json.dumps(export_jsonresume(con, progress), indent=2, ensure_ascii=False) + "\n"


# --- brag document --------------------------------------------------------------------------

def md_escape(text: str) -> str:
    """Show user text literally in Markdown (the same characters `ui.layout.escape_markdown` escapes)."""
    for char in "\\*_`[]<>#":
        text = text.replace(char, "\\" + char)
    return text


def brag_period(con: duckdb.DuckDBPyConnection) -> tuple[dt.date, dt.date]:
    """The review cycle (`figures.cycle.review_cycle`): the Promotion case's window."""
    return cycle.review_cycle(queries.profile(con), today())


def _metric_line(x: dict, esc: Callable[[str], str]) -> str:
    """'- Reliability: Sev-1 incidents: 8 → 4 per quarter, ≈ $120k/yr, measured' (the one metric sentence,
    `careerdata.figures.metric_text`, after its category)."""
    return f"- {vocab.IMPACT_CATEGORY_LABELS.get(x['category'], x['category'])}: {esc(metric_sentence(x))}"


def brag_markdown(con: duckdb.DuckDBPyConnection, start: dt.date | None = None, end: dt.date | None = None,
                  escape: Callable[[str], str] = md_escape, base_level: int = 1) -> str:
    """A brag document for a period: wins grouped by ladder competency, each with its impact.

    A win linked to several competencies is written out under the first (in ladder order)
    and named under the others. `escape` makes user text literal (pass
    `ui.layout.escape_markdown` where Streamlit renders it); `base_level` is the level of the
    top heading (3 to show the document inside a page).
    """
    default_start, default_end = brag_period(con)
    start, end = start or default_start, end or default_end
    esc = escape
    profile = queries.profile(con) or {}
    wins = _rows(con, """
        SELECT a.id, a.title, a.start_date, a.end_date, coalesce(a.end_date, a.start_date) AS done_on, a.employer,
               a.scope, a.situation, a.task, a.action, a.result, a.links,
               (SELECT list(s.name ORDER BY s.name_key) FROM accomplishment_skill x JOIN skill s ON s.id = x.skill_id
                 WHERE x.accomplishment_id = a.id) AS skills
        FROM accomplishment a
        WHERE a.start_date <= ?
        ORDER BY done_on, a.id""", [end])
    now = today()
    wins = [w for w in wins if cycle.in_cycle(w["start_date"], w["end_date"], (start, end), now)]
    ids = [w["id"] for w in wins]
    metrics: dict[int, list[dict]] = {i: [] for i in ids}
    links: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        for x in _rows(con, """
                SELECT x.accomplishment_id, x.category, x.description, x.baseline, x.new_value, x.unit, x.money_usd,
                       x.hours, x.confidence, c.name AS verified_by
                FROM impact_metric x LEFT JOIN contact c ON c.id = x.verified_by_contact_id
                WHERE x.accomplishment_id IN (SELECT unnest(?::BIGINT[])) ORDER BY x.id""", [ids]):
            metrics[x["accomplishment_id"]].append(x)
        for r in _rows(con, """
                SELECT l.accomplishment_id, l.competency_key FROM accomplishment_competency l
                LEFT JOIN competency c ON c.key = l.competency_key
                WHERE l.status <> 'rejected' AND l.accomplishment_id IN (SELECT unnest(?::BIGINT[]))
                ORDER BY c.grp NULLS LAST, c.name NULLS LAST, l.competency_key""", [ids]):
            links[r["accomplishment_id"]].append(r["competency_key"])
    comps = queries.competencies(con)
    comp_names = dict(zip(comps["key"], comps["name"], strict=True))
    comp_order = list(comps["key"])

    lines = [f"# Brag document: {esc(profile.get('name') or 'my career')}", ""]
    who = " · ".join(esc(x) for x in (profile.get("current_title"), profile.get("current_level")) if x)
    lines.append(f"*{who + ' · ' if who else ''}{start:%d %b %Y} to {end:%d %b %Y} · written {today():%d %b %Y}*")
    lines.append("")
    all_metrics = [x for i in ids for x in metrics[i]]
    if not wins:
        lines += ["No accomplishment overlaps this period. Log your wins in the Journal as they happen, "
                  "then come back here before your review.", ""]
    else:
        money = sum(x["money_usd"] or 0 for x in all_metrics)
        hours = sum(x["hours"] or 0 for x in all_metrics)
        verified = sum(x["confidence"] == "verified" for x in all_metrics)
        summary = (f"**In this period:** {len(wins)} win{'s' if len(wins) != 1 else ''}, "
                   f"{len(all_metrics)} impact metric{'s' if len(all_metrics) != 1 else ''} ({verified} verified)")
        if money:
            summary += f", {impact.money_run_rate_label(money)}"
        if hours:
            summary += f" and {impact.hours_run_rate_label(hours)} saved"
        if money or hours:
            summary += " (money and hours are your own estimates unless verified)"
        lines += [summary + ".", ""]

    def section_key(key: str) -> tuple:
        return (comp_order.index(key) if key in comp_order else len(comp_order), key)

    groups: dict[str | None, list[dict]] = {}
    for w in wins:
        keys = sorted(links[w["id"]], key=section_key)
        w["competencies"] = keys
        for key in keys or [None]:
            groups.setdefault(key, []).append(w)
    ordered = sorted((k for k in groups if k is not None), key=section_key) + ([None] if None in groups else [])
    for key in ordered:
        heading = esc(comp_names.get(key, key)) if key else "Not linked to a ladder competency yet"
        lines += [f"## {heading}", ""]
        for w in groups[key]:
            primary = w["competencies"][0] if w["competencies"] else None
            if key is not None and primary != key:
                lines += [f"- {esc(w['title'])} (written up under {esc(comp_names.get(primary, primary))})", ""]
                continue
            lines += _win_block(w, metrics[w["id"]], comp_names, esc)

    vis = _rows(con, "SELECT title, kind, venue, date, reach, is_external FROM visibility_item "
                     "WHERE date BETWEEN ? AND ? ORDER BY date, id", [start, end])
    if vis:
        lines += ["## Visibility", ""]
        for v in vis:
            where = f" at {esc(v['venue'])}" if v["venue"] else ""
            reach = f", reached about {v['reach']:,} people" if v["reach"] else ""
            lines.append(f"- {v['date']:%d %b %Y} · {vocab.VISIBILITY_KIND_LABELS[v['kind']]}: {esc(v['title'])}{where}"
                         f"{reach} ({'external' if v['is_external'] else 'internal'})")
        lines.append("")
    text = "\n".join(lines).rstrip() + "\n"
    if base_level > 1:  # headings are only ever written at the start of a line, as "#" runs
        shift = "#" * (base_level - 1)
        text = "\n".join(shift + line if line.startswith("#") else line for line in text.split("\n"))
    return text


def _win_block(w: dict, metrics: list[dict], comp_names: dict, esc: Callable[[str], str]) -> list[str]:
    dates = f"{w['start_date']:%d %b %Y}" + (f" to {w['end_date']:%d %b %Y}" if w["end_date"] else "")
    meta = " · ".join(x for x in (dates, esc(w["employer"] or ""), f"{w['scope']} scope") if x)
    out = [f"### {esc(w['title'])}", "", f"*{meta}*", ""]
    for label, field in (("Situation", "situation"), ("Task", "task"), ("Action", "action"), ("Result", "result")):
        if w[field]:
            out += [f"**{label}.** {esc(w[field])}", ""]
    if metrics:
        out += ["**Impact**", ""] + [_metric_line(x, esc) for x in metrics] + [""]
    extras = []
    if w["skills"]:
        extras.append("**Skills:** " + ", ".join(esc(s) for s in w["skills"]))
    if len(w["competencies"]) > 1:
        extras.append("**Also evidence for:** " + ", ".join(esc(comp_names.get(k, k)) for k in w["competencies"][1:]))
    if w["links"]:
        extras.append("**Links:** " + ", ".join(esc(u) for u in w["links"]))
    if extras:
        out += [" · ".join(extras), ""]
    return out

"""The Journal's review queue: candidate wins from git or a GitHub CLI export, until you decide.

Reads and writes of `win_candidate` (migration 0014). Saving is idempotent by source key (a commit
hash or a pull request's url): a key already taken is never offered again, even when its candidate
was dismissed. Accepting turns one candidate, or several merged, into one accomplishment with the
STAR fields pre-filled from the messages; the co-authors and reviewers who know the win are logged
as having seen it (an interaction that names the accomplishment), which is how the Network page's
"who knows your wins" and the promotion case's advocates count them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from careerdata.core import vocab
from careerdata.core.errors import InputError
from careerdata.journal.repo import insert_accomplishment
from careerdata.models import career as m
from careerdata.store.db import transaction

Cursor = duckdb.DuckDBPyConnection
STATUSES = vocab.WIN_CANDIDATE_STATUSES
HOW = {"co-author": "Co-authored", "reviewer": "Reviewed"}
CHANGE_TYPE_LABELS = {"feat": "feature", "fix": "fix", "perf": "performance", "refactor": "refactor",
                      "docs": "docs", "test": "tests", "build": "build", "ci": "CI", "chore": "chore",
                      "style": "style", "revert": "revert", "": "—"}
# A message line that states an outcome pre-fills the Result field.
RESULT_LINE = re.compile(r"^\s*(?:result|impact|outcome)s?\s*[:\-]\s*(?P<text>.+)$", re.IGNORECASE | re.MULTILINE)


@dataclass
class NewCandidate:
    """A candidate as an importer builds it, before it is saved."""

    source: str  # git / gh
    repo: str
    title: str
    start_date: dt.date
    end_date: dt.date
    keys: list[str]  # commit hashes, or "gh:<url>"
    change_type: str = ""
    commits: int = 0
    files_touched: int = 0
    lines_added: int = 0
    lines_removed: int = 0
    summary: str = ""  # a PR's description or a merge's body
    details: str = ""  # one line per commit
    url: str = ""
    people: list[tuple[str, str]] = field(default_factory=list)  # (name, how)


def known_keys(con) -> set[str]:
    """Every source key already imported (any status)."""
    return {r[0] for r in con.cursor().execute("SELECT source_key FROM win_candidate_source").fetchall()}


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _contact_id(cur: Cursor, name: str, note: str) -> tuple[int, bool]:
    """The contact called `name`, added as an aware peer when new: (id, added)."""
    row = cur.execute("SELECT id FROM contact WHERE name_key = ?", [_key(name)]).fetchone()
    if row:
        return row[0], False
    c = m.Contact(name=name, relationship="peer", advocacy_stage="aware", notes=note)
    return cur.execute(
        """INSERT INTO contact (name, name_key, relationship, company, title, influence, advocacy_stage,
               cadence_days, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        [c.name, _key(c.name), c.relationship, c.company, c.title, c.influence, c.advocacy_stage,
         c.cadence_days, c.notes]).fetchone()[0], True


@dataclass
class SaveReport:
    added: int = 0
    skipped: int = 0
    contacts_added: list[str] = field(default_factory=list)


def save_candidates(con, found: list[NewCandidate]) -> SaveReport:
    """Queue the candidates whose keys are new, and add the people who know them as contacts; one transaction."""
    report = SaveReport()
    with transaction(con) as cur:
        taken = {r[0] for r in cur.execute("SELECT source_key FROM win_candidate_source").fetchall()}
        for c in found:
            keys = [k for k in dict.fromkeys(c.keys) if k not in taken]
            if not keys:
                report.skipped += 1
                continue
            cid = cur.execute(
                """INSERT INTO win_candidate (source, repo, title, start_date, end_date, change_type, commits,
                       files_touched, lines_added, lines_removed, summary, details, url)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                [c.source, c.repo, c.title[:200], c.start_date, c.end_date, c.change_type, c.commits,
                 c.files_touched, c.lines_added, c.lines_removed, c.summary[:10_000], c.details[:10_000],
                 c.url[:500]]).fetchone()[0]
            for k in keys:
                cur.execute("INSERT INTO win_candidate_source VALUES (?, ?)", [k, cid])
            taken.update(keys)
            for name, how in c.people:
                note = f"{HOW[how]} work with you in {c.repo} (from {c.source})."
                contact_id, added = _contact_id(cur, name, note)
                if added:
                    report.contacts_added.append(name)
                cur.execute("INSERT OR IGNORE INTO win_candidate_contact VALUES (?, ?, ?)", [cid, contact_id, how])
            report.added += 1
    return report


def queue(con, status: str = "new") -> pd.DataFrame:
    """Candidates with this status, newest work first, with who knows each (names, comma-separated)."""
    assert status in STATUSES
    return con.cursor().execute("""
        SELECT w.id, w.source, w.repo, w.title, w.start_date, w.end_date, w.change_type, w.commits,
               w.files_touched, w.lines_added, w.lines_removed, w.summary, w.details, w.url, w.accomplishment_id,
               coalesce(string_agg(c.name, ', ' ORDER BY c.name), '') AS people
        FROM win_candidate w
        LEFT JOIN win_candidate_contact wc ON wc.candidate_id = w.id
        LEFT JOIN contact c ON c.id = wc.contact_id
        WHERE w.status = ?
        GROUP BY ALL ORDER BY w.end_date DESC, w.id DESC""", [status]).df()


def queue_counts(con) -> dict[str, int]:
    rows = con.cursor().execute("SELECT status, count(*) FROM win_candidate GROUP BY status").fetchall()
    return {s: dict(rows).get(s, 0) for s in STATUSES}


def star_draft(rows: list[dict]) -> dict[str, str]:
    """STAR fields pre-filled from the messages of one or more candidates.

    Situation: the pull request / merge descriptions (first paragraph each). Task: what shipped, by
    title. Action: commits, span, size, then one line per commit. Result: message lines that start
    with "Result:", "Impact:" or "Outcome:"; empty otherwise (numbers are the user's to add).
    """
    situation = "\n\n".join(r["summary"].strip().split("\n\n")[0] for r in rows if r["summary"].strip())
    repos = ", ".join(dict.fromkeys(r["repo"] for r in rows))
    commits = sum(int(r["commits"]) for r in rows)
    added, removed = sum(int(r["lines_added"]) for r in rows), sum(int(r["lines_removed"]) for r in rows)
    files = sum(int(r["files_touched"]) for r in rows)
    unit = "pull request" if all(r["source"] == "gh" for r in rows) else "commit"
    count = len(rows) if unit == "pull request" else commits
    head = (f"{count} {unit}{'s' if count != 1 else ''} in {repos}"
            + (f", {files} file{'s' if files != 1 else ''}" if files else "")
            + f", +{added:,}/−{removed:,} lines.")
    lines = [head] + [d for r in rows for d in r["details"].splitlines() if d.strip()]
    results = [mm["text"].strip() for r in rows for mm in RESULT_LINE.finditer(r["summary"] + "\n" + r["details"])]
    task = "; ".join(r["title"] for r in rows)
    return {"situation": situation[:10_000], "task": f"Ship: {task}"[:10_000], "action": "\n".join(lines)[:10_000],
            "result": "\n".join(dict.fromkeys(results))[:10_000]}


def _rows(cur: Cursor, ids: list[int]) -> list[dict]:
    marks = ", ".join("?" for _ in ids)
    got = cur.execute(f"""SELECT id, source, repo, title, start_date, end_date, commits, files_touched, lines_added,
                                 lines_removed, summary, details, url, status
                          FROM win_candidate WHERE id IN ({marks}) ORDER BY start_date, id""", ids)
    cols = [d[0] for d in got.description]
    return [dict(zip(cols, r, strict=True)) for r in got.fetchall()]


def accept(con, ids: list[int], title: str | None = None, employer: str | None = None) -> int:
    """Accept one candidate, or merge several into one accomplishment; returns its id.

    The accomplishment spans the earliest start to the latest end, is titled `title` (default: the
    first candidate's), and the people who know any of them are logged as having seen it on its end date.
    """
    with transaction(con) as cur:
        return accept_in(cur, ids, title, employer)


def accept_in(cur: Cursor, ids: list[int], title: str | None = None, employer: str | None = None) -> int:
    """`accept` inside a transaction the caller holds (the weekly check-in accepts with its other writes)."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    if not ids:
        raise InputError("candidates: choose at least one candidate to accept")
    rows = _rows(cur, ids)
    missing = sorted(set(ids) - {r["id"] for r in rows})
    if missing:
        raise InputError(f"candidates: no candidate {', '.join(map(str, missing))} (was it removed?)")
    decided = [r["id"] for r in rows if r["status"] != "new"]
    if decided:
        raise InputError(f"candidates: {', '.join(map(str, decided))} already accepted or dismissed")
    star = star_draft(rows)
    start = min(r["start_date"] for r in rows)
    if employer is None:  # the employer you were with when the work started (Journal > Profile positions)
        found = cur.execute("""SELECT employer FROM position WHERE start_date <= ? AND coalesce(end_date, ?) >= ?
                               ORDER BY start_date DESC LIMIT 1""", [start, start, start]).fetchone()
        employer = found[0] if found else None
    acc = m.Accomplishment(
        title=(title or rows[0]["title"]).strip()[:200] or rows[0]["title"][:200],
        start_date=start, end_date=max(r["end_date"] for r in rows),
        employer=employer, links=list(dict.fromkeys(r["url"] for r in rows if r["url"])), **star)
    acc_id = insert_accomplishment(cur, acc)
    marks = ", ".join("?" for _ in ids)
    cur.execute(f"UPDATE win_candidate SET status = 'accepted', accomplishment_id = ? WHERE id IN ({marks})",
                [acc_id, *ids])
    people = cur.execute(f"""SELECT contact_id, min(how) FROM win_candidate_contact
                             WHERE candidate_id IN ({marks}) GROUP BY contact_id ORDER BY contact_id""",
                         ids).fetchall()
    for contact_id, how in people:
        iid = cur.execute(
            "INSERT INTO interaction (contact_id, date, channel, notes) VALUES (?, ?, 'other', ?) RETURNING id",
            [contact_id, acc.end_date, f"{HOW[how]} “{acc.title}” (from the work trail)."]).fetchone()[0]
        cur.execute("INSERT INTO interaction_accomplishment VALUES (?, ?)", [iid, acc_id])
    return acc_id


def dismiss(con, ids: list[int]) -> int:
    """Dismiss candidates (kept, so a re-import does not offer them again); returns how many."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    if not ids:
        return 0
    marks = ", ".join("?" for _ in ids)
    with transaction(con) as cur:
        return len(cur.execute(f"UPDATE win_candidate SET status = 'dismissed' WHERE status = 'new' AND id IN ({marks}) "
                           "RETURNING id", ids).fetchall())

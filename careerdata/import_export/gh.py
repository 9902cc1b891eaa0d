"""`careerdata import gh FILE.json`: your merged pull requests, from a GitHub CLI export.

The user runs, in a repository:

    gh pr list --author @me --state merged --json number,title,body,mergedAt,createdAt,url,additions,deletions,reviews > prs.json

and this reads that file (this command never calls the network). Each pull request becomes one
candidate win in the Journal's review queue, from its creation to its merge; the people who
reviewed it become contacts who know the win. Idempotent by the pull request's url.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from careerdata.core.errors import InputError
from careerdata.journal.candidates import NewCandidate, SaveReport, known_keys, save_candidates

REQUIRED = ("number", "title", "mergedAt", "createdAt", "url")
REPO_FROM_URL = re.compile(r"^https?://[^/]+/(?P<owner>[^/]+)/(?P<repo>[^/]+)/pull/\d+")
CONVENTIONAL = re.compile(r"^(?P<type>[a-z]+)(?:\([^)]*\))?!?:\s*", re.IGNORECASE)


def _day(value, where: str) -> dt.date:
    if not isinstance(value, str) or not value:
        raise InputError(f"{where}: missing (gh writes an ISO timestamp like 2026-03-01T12:00:00Z)")
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(f"{where}: {value!r} is not an ISO timestamp") from None


def _count(value, where: str, problems: list[str]) -> int:
    if value is None:
        return 0
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        problems.append(f"{where}: {value!r} is not a whole number of lines")
        return 0
    return value


def _reviewers(reviews, where: str, problems: list[str], author: str | None) -> list[str]:
    names: list[str] = []
    if reviews is None:
        return names
    if not isinstance(reviews, list):
        problems.append(f"{where}: expected a list of reviews")
        return names
    for i, r in enumerate(reviews):
        login = (r.get("author") or {}).get("login") if isinstance(r, dict) else None
        if not isinstance(login, str) or not login.strip():
            problems.append(f"{where}[{i}].author.login: missing")
            continue
        if login != author and login not in names:
            names.append(login.strip())
    return names


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def read_gh(data: bytes, source: str) -> list[NewCandidate]:
    """Candidates from `gh pr list --json ...` output; every row's problems reported at once, nothing read on any."""
    try:
        rows = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{source}: not the JSON `gh pr list --json ...` writes ({err})") from None
    if not isinstance(rows, list):
        raise InputError(f"{source}: expected a JSON list of pull requests, as `gh pr list --json ...` writes")
    problems: list[str] = []
    found: list[NewCandidate] = []
    for n, pr in enumerate(rows):
        where = f"{source}: pull request {n + 1}"
        if not isinstance(pr, dict):
            problems.append(f"{where}: expected an object")
            continue
        missing = [k for k in REQUIRED if pr.get(k) in (None, "")]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        try:
            created, merged = _day(pr["createdAt"], f"{where}.createdAt"), _day(pr["mergedAt"], f"{where}.mergedAt")
        except InputError as err:
            problems.append(str(err))
            continue
        url = str(pr["url"])
        m = REPO_FROM_URL.match(url)
        repo = f"{m['owner']}/{m['repo']}" if m else url
        title = " ".join(str(pr["title"]).split())
        kind = CONVENTIONAL.match(title)
        added = _count(pr.get("additions"), f"{where}.additions", problems)
        removed = _count(pr.get("deletions"), f"{where}.deletions", problems)
        people = _reviewers(pr.get("reviews"), f"{where}.reviews", problems, None)
        found.append(NewCandidate(
            source="gh", repo=repo, title=_capital(title[kind.end():] if kind else title)[:200] or title[:200],
            start_date=min(created, merged), end_date=merged, keys=[f"gh:{url}"],
            change_type=kind["type"].lower() if kind else "", commits=0, lines_added=added, lines_removed=removed,
            summary=str(pr.get("body") or ""), details=f"- #{pr['number']} {title} (merged {merged.isoformat()})",
            url=url, people=[(p, "reviewer") for p in people]))
    if problems:
        raise InputError("; ".join(problems))
    return found


def import_gh(con, data: bytes, source: str, dry_run: bool) -> tuple[list[NewCandidate], SaveReport]:
    found = read_gh(data, source)
    if dry_run:
        known = known_keys(con)
        fresh = [c for c in found if not set(c.keys) <= known]
        return found, SaveReport(added=len(fresh), skipped=len(found) - len(fresh))
    return found, save_candidates(con, found)

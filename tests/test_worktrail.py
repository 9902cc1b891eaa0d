"""The work trail: git history and gh pull requests into the review queue, the plan out as a calendar.

The git repository is built here, with fixed author and committer dates, so the candidates are
known by hand:
- Alice (you) 03-02  "chore: initial layout"                       -> candidate "Initial layout"
- branch retry: Alice 03-03 "feat(queue): add retry queue" (Co-authored-by Carol Diaz),
                Alice 03-04 "test(queue): cover retries"
- main: Bob 03-04 "docs: contributing guide"                        -> Bob's, not yours
- Alice 03-05 merges retry as pull request #7 "Retry failed payments automatically"
                                                                    -> one candidate, 2 commits, Carol co-author
- Alice 03-10 and 03-11 "fix(billing): ..."                         -> one candidate (same topic, 1 day apart)
- Alice 03-20 "fix(billing): ..."                                   -> its own candidate (9 days later)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from careerdata.cli import main
from careerdata.import_export import gh as gh_import
from careerdata.import_export import ics
from careerdata.import_export.git import import_git
from careerdata.journal import candidates as cq
from careerdata.store import db

ALICE = ("Alice Ng", "alice@example.com")
BOB = ("Bob Stone", "bob@example.com")


def _git(repo: Path, *args: str, who=ALICE, when: str = "2026-03-01T10:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": who[0], "GIT_AUTHOR_EMAIL": who[1], "GIT_COMMITTER_NAME": who[0],
           "GIT_COMMITTER_EMAIL": who[1], "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent)}
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


def _commit(repo: Path, path: str, lines: int, message: str, who=ALICE, day: str = "01") -> None:
    file = repo / path
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("a") as fh:
        fh.writelines(f"{message.splitlines()[0]} line {i}\n" for i in range(lines))
    _git(repo, "add", path, who=who)
    _git(repo, "commit", "-q", "-m", message, who=who, when=f"2026-03-{day}T10:00:00+00:00")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    r = tmp_path_factory.mktemp("trail") / "payments"
    r.mkdir()
    _git(r, "init", "-q", "-b", "main")
    _commit(r, "README.md", 3, "chore: initial layout", day="02")
    _git(r, "checkout", "-q", "-b", "retry")
    _commit(r, "src/queue.py", 10, "feat(queue): add retry queue\n\nCo-authored-by: Carol Diaz <carol@example.com>",
            day="03")
    _commit(r, "tests/test_queue.py", 5, "test(queue): cover retries", day="04")
    _git(r, "checkout", "-q", "main")
    _commit(r, "CONTRIBUTING.md", 4, "docs: contributing guide", who=BOB, day="04")
    _git(r, "merge", "-q", "--no-ff", "retry", "-m",
         "Merge pull request #7 from alice/retry\n\nfeat: Retry failed payments automatically\n\n"
         "Payments that failed on a timeout were lost.\n\nResult: failed jobs recovered without a page",
         when="2026-03-05T10:00:00+00:00")
    _commit(r, "billing/cents.py", 6, "fix(billing): round cents half-even", day="10")
    _commit(r, "billing/refund.py", 2, "fix(billing): handle refunds", day="11")
    _commit(r, "billing/fx.py", 1, "fix(billing): currency of refunds", day="20")
    return r


def _cli(*args: str, db_path: Path) -> subprocess.CompletedProcess:
    """The command as a user runs it: a real subprocess."""
    return subprocess.run([sys.executable, "-m", "careerdata.cli", *args, "--db", str(db_path)],
                          capture_output=True, text=True, env={**os.environ, "CAREERDATA_TODAY": "2026-11-21"})


def _main(capsys, *args: str, db_path: Path) -> subprocess.CompletedProcess:
    """The same command run in this process (the CLI's `main`), to keep the suite quick."""
    capsys.readouterr()
    code = main([*args, "--db", str(db_path)])
    out = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out.out, out.err)


def test_import_git_groups_commits_and_adds_the_co_author(repo, empty_db, capsys):
    done = _cli("import", "git", str(repo), "--author", ALICE[1], "--json", db_path=empty_db)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)["candidates"]
    assert [(c["title"], c["start_date"], c["end_date"], c["commits"]) for c in got] == [
        ("Initial layout", "2026-03-02", "2026-03-02", 1),
        ("Retry failed payments automatically", "2026-03-03", "2026-03-04", 2),
        ("Round cents half-even", "2026-03-10", "2026-03-11", 2),
        ("Currency of refunds", "2026-03-20", "2026-03-20", 1),
    ]
    retry = got[1]
    assert retry["repo"] == "payments"
    assert (retry["lines_added"], retry["lines_removed"], retry["files_touched"]) == (15, 0, 2)
    assert retry["change_type"] == "feat"
    assert retry["co_authors"] == [{"name": "Carol Diaz", "email": "carol@example.com"}]
    assert got[2]["change_type"] == "fix" and got[2]["lines_added"] == 8
    con = db.connect(empty_db)
    try:
        assert con.execute("SELECT relationship, advocacy_stage FROM contact WHERE name = 'Carol Diaz'").fetchall() \
            == [("peer", "aware")]
        assert cq.queue_counts(con) == {"new": 4, "accepted": 0, "dismissed": 0}
    finally:
        con.close()
    again = _main(capsys, "import", "git", str(repo), "--author", ALICE[1], db_path=empty_db)
    assert again.returncode == 0 and "Imported: 0 new candidate" in again.stdout


def test_import_git_only_adds_new_work_and_the_other_author_sees_theirs(repo, tmp_path, empty_con):
    first, saved = import_git(empty_con, [str(repo)], [BOB[1]], None, dry_run=False)
    assert [c.title for c in first.candidates] == ["Contributing guide"] and saved.added == 1
    _, again = import_git(empty_con, [str(repo)], [BOB[1]], None, dry_run=False)
    assert again.added == 0
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
    _commit(clone, "docs/faq.md", 3, "docs(faq): answer the refund question", who=BOB, day="25")
    found, saved = import_git(empty_con, [str(clone)], [BOB[1]], None, dry_run=False)
    assert [c.title for c in found.candidates] == ["Answer the refund question"] and saved.added == 1


def test_import_git_refuses_a_folder_that_is_not_a_repository_and_an_unknown_author(repo, tmp_path, empty_db, capsys):
    plain = tmp_path / "notes"
    plain.mkdir()
    done = _main(capsys, "import", "git", str(plain), db_path=empty_db)
    assert done.returncode == 2 and "not a git repository" in done.stderr
    done = _main(capsys, "import", "git", str(repo), "--author", "nobody@example.com", db_path=empty_db)
    assert done.returncode == 2 and "no commits by nobody@example.com" in done.stderr
    done = _main(capsys, "import", "git", str(repo), "--author", ALICE[1], "--since", "2026-03-15", "--dry-run", "--json",
                db_path=empty_db)
    assert [c["title"] for c in json.loads(done.stdout)["candidates"]] == ["Currency of refunds"]
    con = db.connect(empty_db)
    try:
        assert cq.queue_counts(con)["new"] == 0  # a dry run writes nothing
    finally:
        con.close()


def test_accept_prefills_star_merge_joins_and_dismiss_sticks(repo, empty_con):
    import_git(empty_con, [str(repo)], [ALICE[1]], None, dry_run=False)
    q = cq.queue(empty_con).set_index("title")
    acc_id = cq.accept(empty_con, [int(q.loc["Retry failed payments automatically", "id"])])
    title, situation, task, action, result, start, end = empty_con.execute(
        "SELECT title, situation, task, action, result, start_date, end_date FROM accomplishment WHERE id = ?",
        [acc_id]).fetchone()
    assert title == "Retry failed payments automatically"
    assert situation == "Payments that failed on a timeout were lost."
    assert result == "failed jobs recovered without a page"
    assert action.startswith("2 commits in payments, 2 files, +15/−0 lines.") and "cover retries" in action
    assert (str(start), str(end)) == ("2026-03-03", "2026-03-04")
    knows = empty_con.execute("""SELECT c.name FROM interaction_accomplishment ia JOIN interaction i ON i.id = ia.interaction_id
                                 JOIN contact c ON c.id = i.contact_id WHERE ia.accomplishment_id = ?""",
                              [acc_id]).fetchall()
    assert knows == [("Carol Diaz",)]
    merged = cq.accept(empty_con, [int(q.loc["Round cents half-even", "id"]), int(q.loc["Currency of refunds", "id"])],
                       title="Billing correctness")
    row = empty_con.execute("SELECT title, start_date, end_date FROM accomplishment WHERE id = ?", [merged]).fetchone()
    assert (row[0], str(row[1]), str(row[2])) == ("Billing correctness", "2026-03-10", "2026-03-20")
    assert cq.dismiss(empty_con, [int(q.loc["Initial layout", "id"])]) == 1
    assert cq.queue_counts(empty_con) == {"new": 0, "accepted": 3, "dismissed": 1}
    _, again = import_git(empty_con, [str(repo)], [ALICE[1]], None, dry_run=False)
    assert again.added == 0 and cq.queue(empty_con).empty


GH_EXPORT = [
    {"number": 41, "title": "perf(api): cache the pricing lookup", "body": "p99 was 900 ms.\n\nResult: p99 120 ms",
     "mergedAt": "2026-05-06T15:00:00Z", "createdAt": "2026-05-01T09:00:00Z",
     "url": "https://github.com/acme/shop/pull/41", "additions": 120, "deletions": 30,
     "reviews": [{"author": {"login": "dana"}, "state": "APPROVED"}, {"author": {"login": "dana"}, "state": "COMMENTED"}]},
]


def test_import_gh_reads_the_export_reviewers_become_contacts_and_rerun_adds_nothing(empty_con):
    data = json.dumps(GH_EXPORT).encode()
    found, saved = gh_import.import_gh(empty_con, data, "prs.json", dry_run=False)
    assert saved.added == 1 and saved.contacts_added == ["dana"]
    c = found[0]
    assert (c.title, c.repo, c.change_type, str(c.start_date), str(c.end_date)) == (
        "Cache the pricing lookup", "acme/shop", "perf", "2026-05-01", "2026-05-06")
    _, again = gh_import.import_gh(empty_con, data, "prs.json", dry_run=False)
    assert again.added == 0
    bad = json.dumps([{"number": 1, "title": "x"}, {"number": 2, "title": "y", "mergedAt": "soon",
                                                    "createdAt": "2026-01-01T00:00:00Z", "url": "u"}]).encode()
    with pytest.raises(Exception) as err:
        gh_import.read_gh(bad, "prs.json")
    assert "pull request 1: missing mergedAt, createdAt, url" in str(err.value)
    assert "pull request 2.mergedAt: 'soon' is not an ISO timestamp" in str(err.value)


def _events(data: bytes) -> dict[str, tuple[str, str]]:
    cal = Calendar.from_ical(data)
    return {str(e["uid"]): (str(e["summary"]), e.decoded("dtstart").isoformat()) for e in cal.walk("VEVENT")}


def test_ics_holds_the_plan_steps_with_dates_and_keeps_uids(demo_db, capsys):
    out = demo_db.parent / "plan.ics"
    done = _cli("export", "ics", "-o", str(out), db_path=demo_db)
    assert done.returncode == 0, done.stderr
    first = _events(out.read_bytes())
    con = db.connect(demo_db)
    try:
        steps, review = ics.plan_items(con, ics.pe.to_date("2026-11-21"))
        assert steps and review
        for s in steps:  # every open plan step, on its back-scheduled day
            uid = ics.uid(s, ics.file_id(con))
            assert first[uid] == (s.summary, s.day.isoformat())
        kinds = {u.split("-")[0] for u in first}
        assert kinds == {"plan", "review", "followup", "cadence", "rehearsal"}
    finally:
        con.close()
    again = _main(capsys, "export", "ics", "--what", "plan,review", db_path=demo_db)
    second = _events(again.stdout.encode())
    assert second and set(second) <= set(first) and all(second[u] == first[u] for u in second)
    assert all(u.split("-")[0] in {"plan", "review"} for u in second)
    assert "http" not in again.stdout
    bad = _main(capsys, "export", "ics", "--what", "plan,holidays", db_path=demo_db)
    assert bad.returncode == 2 and "--what: unknown holidays" in bad.stderr


def test_ics_on_an_empty_file_is_a_valid_calendar(empty_con):
    cal = Calendar.from_ical(ics.calendar_bytes(empty_con))
    assert cal.walk("VEVENT") == [] and str(cal["version"]) == "2.0"

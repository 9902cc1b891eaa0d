"""`careerdata import git`: your own commits in local repositories, grouped into candidate wins.

Reads history with the `git` command (subprocess, no network, no extra dependency: git is on every
developer's machine and its `log` output is a stable interface). Grouping:

1. A merge commit (a pull-request merge or `git merge`) makes one candidate of the commits it
   brought in (`git rev-list M^1..M^2`), titled by the pull request's title (the merge body's first
   line) or, for a plain "Merge branch 'x'", by the first commit's subject.
2. Commits no merge brought in are grouped by topic (the conventional-commit scope, otherwise the
   top folder they touch) while each follows the previous one of that topic within
   `TOPIC_WINDOW_DAYS` days.

A candidate counts when one of its commits is by you (`--author`, default: the repository's
`user.email`). Its co-authors are the `Co-authored-by` trailers that are not you.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from careerdata.core.errors import InputError
from careerdata.journal.candidates import NewCandidate, SaveReport, known_keys, save_candidates

TOPIC_WINDOW_DAYS = 3
# A conventional-commit subject: type(scope)!: description
CONVENTIONAL = re.compile(r"^(?P<type>[a-z]+)(?:\((?P<scope>[^)]*)\))?!?:\s*(?P<desc>.+)$", re.IGNORECASE)
CHANGE_TYPES = ("feat", "fix", "perf", "refactor", "docs", "test", "build", "ci", "chore", "style", "revert")
# Which type names the win when its commits mix types: what a reviewer values first.
TYPE_RANK = {t: i for i, t in enumerate(CHANGE_TYPES)}
CO_AUTHOR = re.compile(r"^co-authored-by:\s*(?P<name>.*?)\s*<(?P<email>[^>]+)>\s*$", re.IGNORECASE | re.MULTILINE)
PR_MERGE = re.compile(r"^Merge pull request #(?P<number>\d+) from (?P<branch>\S+)")
BRANCH_MERGE = re.compile(r"^Merge (?:remote-tracking )?branch '(?P<branch>[^']+)'")
_RS, _US = "\x1e", "\x1f"
_FORMAT = f"{_RS}%H{_US}%P{_US}%an{_US}%ae{_US}%aI{_US}%B{_US}"


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass
class Commit:
    sha: str
    parents: list[str]
    author: Person
    when: dt.date
    subject: str
    body: str
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> (added, removed)

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1

    @property
    def conventional(self) -> re.Match | None:
        return CONVENTIONAL.match(self.subject)

    @property
    def change_type(self) -> str:
        m = self.conventional
        kind = m["type"].lower() if m else ""
        return kind if kind in TYPE_RANK else ""

    @property
    def topic(self) -> str:
        """The conventional scope, else the top folder most of its lines touch, else the repo root."""
        m = self.conventional
        if m and m["scope"]:
            return m["scope"].strip().lower()
        if not self.files:
            return ""
        top = Counter()
        for path, (added, removed) in self.files.items():
            top[path.split("/")[0] if "/" in path else ""] += added + removed + 1
        return top.most_common(1)[0][0]

    def co_authors(self) -> list[Person]:
        return [Person(m["name"].strip() or m["email"], m["email"].strip().lower())
                for m in CO_AUTHOR.finditer(self.body)]


@dataclass
class Candidate:
    """One candidate win: what the review queue shows and `--json` prints."""

    repo: str
    title: str
    commits: list[Commit]
    co_authors: list[Person]
    merge_sha: str | None = None
    summary: str = ""  # the pull request's description, when a merge carried one

    @property
    def start_date(self) -> dt.date:
        return min(c.when for c in self.commits)

    @property
    def end_date(self) -> dt.date:
        return max(c.when for c in self.commits)

    @property
    def files(self) -> set[str]:
        return {p for c in self.commits for p in c.files}

    @property
    def lines_added(self) -> int:
        return sum(a for c in self.commits for a, _ in c.files.values())

    @property
    def lines_removed(self) -> int:
        return sum(r for c in self.commits for _, r in c.files.values())

    @property
    def change_type(self) -> str:
        """The highest-ranked conventional type among its commits (feat before fix before chore)."""
        kinds = [c.change_type for c in self.commits if c.change_type]
        return min(kinds, key=TYPE_RANK.__getitem__) if kinds else ""

    @property
    def keys(self) -> list[str]:
        """Commit hashes it takes (the merge commit too): the import is idempotent by these."""
        return [c.sha for c in self.commits] + ([self.merge_sha] if self.merge_sha else [])

    def as_json(self) -> dict:
        return {"title": self.title, "start_date": self.start_date.isoformat(), "end_date": self.end_date.isoformat(),
                "repo": self.repo, "commits": len(self.commits), "change_type": self.change_type,
                "files_touched": len(self.files),
                "co_authors": [{"name": p.name, "email": p.email} for p in self.co_authors],
                "lines_added": self.lines_added, "lines_removed": self.lines_removed}


def _git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False,
                              encoding="utf-8", errors="replace", env={**os.environ, "LC_ALL": "C"})
    except FileNotFoundError:
        raise InputError("git: the `git` command is not installed (import git reads history with it)") from None
    if done.returncode != 0:
        raise InputError(f"{repo}: git {args[0]} failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    return done.stdout


def repo_root(path: str | Path) -> Path:
    """The repository's top folder; a clear InputError when `path` is not inside a git repository."""
    p = Path(path).expanduser()
    if not p.is_dir():
        raise InputError(f"{path}: no such folder")
    try:
        top = _git(p, "rev-parse", "--show-toplevel").strip()
    except InputError:
        raise InputError(f"{path}: not a git repository (run `git init` there, or pass a repository's folder)") from None
    return Path(top)


def default_authors(repo: Path) -> list[str]:
    """The repository's configured `user.email` (what `git commit` would write as you)."""
    try:
        email = _git(repo, "config", "user.email").strip()
    except InputError:
        return []
    return [email.lower()] if email else []


def parse_log(text: str) -> list[Commit]:
    """Commits from `git log --format=_FORMAT --numstat` output (oldest last, as git prints)."""
    commits = []
    for record in text.split(_RS)[1:]:
        sha, parents, name, email, when, message, stats = record.split(_US)
        files: dict[str, tuple[int, int]] = {}
        for line in stats.strip().splitlines():
            parts = line.split("\t")
            if len(parts) != 3:
                continue
            added, removed, path = parts
            # Binary files show "-": they count as touched, with no lines.
            files[_renamed(path)] = (int(added) if added.isdigit() else 0, int(removed) if removed.isdigit() else 0)
        message = message.strip()
        subject, _, body = message.partition("\n")
        commits.append(Commit(sha, parents.split(), Person(name, email.lower()),
                              dt.datetime.fromisoformat(when).date(), subject.strip(), body.strip(), files))
    return commits


def _renamed(path: str) -> str:
    """`dir/{old => new}/f` or `old => new` as numstat prints a rename: the new path."""
    if "=>" not in path:
        return path
    if "{" in path:
        head, rest = path.split("{", 1)
        inner, tail = rest.split("}", 1)
        return (head + inner.split("=>")[1].strip() + tail).replace("//", "/")
    return path.split("=>")[1].strip()


def read_history(repo: Path, since: dt.date | None) -> list[Commit]:
    args = ["log", "--no-color", "--no-renames", f"--format={_FORMAT}", "--numstat", "--date-order", "HEAD",
            "--branches"]
    if since:
        args.append(f"--since={since.isoformat()}")
    try:
        return parse_log(_git(repo, *args))
    except InputError as err:
        if "does not have any commits" in str(err) or "unknown revision" in str(err):
            return []
        raise


def _strip_type(subject: str) -> str:
    m = CONVENTIONAL.match(subject)
    text = m["desc"] if m else subject
    return text[:1].upper() + text[1:]


def _title(merge: Commit | None, commits: list[Commit]) -> tuple[str, str]:
    """(title, summary): a PR's title and description from its merge, else the first commit's subject."""
    first = min(commits, key=lambda c: (c.when, c.sha))
    if merge is not None:
        if PR_MERGE.match(merge.subject):
            title, _, summary = merge.body.partition("\n")
            if title.strip():
                return _strip_type(title.strip()), summary.strip()
        elif not BRANCH_MERGE.match(merge.subject):
            return _strip_type(merge.subject), merge.body
    return _strip_type(first.subject), ""


def group(repo_name: str, commits: list[Commit], mine: set[str], known: set[str]) -> list[Candidate]:
    """Candidate wins from a repository's commits (see the module docstring for the rule).

    `mine`: your email addresses (empty: everyone's commits count); `known`: hashes already imported,
    which are left out, so a re-run only offers new work.
    """
    by_sha = {c.sha: c for c in commits}
    taken: set[str] = set()
    found: list[Candidate] = []

    def is_mine(c: Commit) -> bool:
        return not mine or c.author.email in mine

    merges = sorted((c for c in commits if c.is_merge), key=lambda c: (c.when, c.sha))
    for merge in merges:
        brought = _brought_in(merge, by_sha)
        members = [by_sha[s] for s in brought if s not in taken]
        taken.update(brought)
        taken.add(merge.sha)
        fresh = [c for c in members if c.sha not in known]
        if not fresh or merge.sha in known or not any(is_mine(c) for c in fresh):
            continue
        title, summary = _title(merge, fresh)
        found.append(Candidate(repo_name, title, fresh, _co_authors(fresh + [merge], mine), merge.sha, summary))

    loose = sorted((c for c in commits if not c.is_merge and c.sha not in taken and c.sha not in known and is_mine(c)),
                   key=lambda c: (c.when, c.sha))
    open_topics: dict[str, list[Commit]] = {}
    groups: list[list[Commit]] = []
    for c in loose:
        current = open_topics.get(c.topic)
        if current and (c.when - current[-1].when).days <= TOPIC_WINDOW_DAYS:
            current.append(c)
        else:
            current = [c]
            open_topics[c.topic] = current
            groups.append(current)
    for g in groups:
        title, summary = _title(None, g)
        found.append(Candidate(repo_name, title, g, _co_authors(g, mine), None, summary))
    return sorted(found, key=lambda k: (k.start_date, k.title))


def _brought_in(merge: Commit, by_sha: dict[str, Commit]) -> list[str]:
    """Commits reachable from the merged branch's tip but not from the first parent (walked in memory)."""
    def ancestors(start: str) -> set[str]:
        seen, stack = set(), [start]
        while stack:
            s = stack.pop()
            if s in seen or s not in by_sha:
                continue
            seen.add(s)
            stack.extend(by_sha[s].parents)
        return seen

    base = ancestors(merge.parents[0])
    brought: set[str] = set()
    for tip in merge.parents[1:]:
        brought |= ancestors(tip) - base
    return [s for s in brought if not by_sha[s].is_merge]


def _co_authors(commits: list[Commit], mine: set[str]) -> list[Person]:
    seen: dict[str, Person] = {}
    for c in commits:
        for p in c.co_authors():
            if p.email not in mine and p.email not in seen:
                seen[p.email] = p
    return list(seen.values())


@dataclass
class GitScan:
    candidates: list[Candidate]
    notes: list[str]


def scan(paths: list[str], authors: list[str], since: dt.date | None, known: set[str]) -> GitScan:
    """Read every repository and group its commits; InputError (exit 2) for a path that is not a
    repository or when none of the given authors has a commit in any of them."""
    mine_given = {a.strip().lower() for a in authors if a.strip()}
    candidates: list[Candidate] = []
    notes: list[str] = []
    any_mine = False
    for path in paths:
        root = repo_root(path)
        mine = mine_given or set(default_authors(root))
        commits = read_history(root, since)
        if mine and any(c.author.email in mine for c in commits):
            any_mine = True
        elif not mine and commits:
            any_mine = True
            notes.append(f"{root.name}: no --author and no user.email configured: every author's commits count")
        candidates.extend(group(root.name, commits, mine, known))
    if not any_mine:
        who = ", ".join(sorted(mine_given)) or "you (user.email)"
        span = f" since {since.isoformat()}" if since else ""
        raise InputError(f"--author: no commits by {who}{span} in {', '.join(paths)} "
                         "(check the email with `git log --format=%ae | sort -u`)")
    return GitScan(candidates, notes)


def as_new(c: Candidate) -> NewCandidate:
    """What the review queue stores of a git candidate."""
    details = "\n".join(f"- {x.subject} ({x.sha[:7]}, {x.when.isoformat()})"
                        for x in sorted(c.commits, key=lambda x: (x.when, x.sha)))
    return NewCandidate(source="git", repo=c.repo, title=c.title, start_date=c.start_date, end_date=c.end_date,
                        keys=c.keys, change_type=c.change_type, commits=len(c.commits), files_touched=len(c.files),
                        lines_added=c.lines_added, lines_removed=c.lines_removed, summary=c.summary,
                        details=details, people=[(p.name, "co-author") for p in c.co_authors])


def import_git(con, paths: list[str], authors: list[str], since: dt.date | None, dry_run: bool) -> tuple[GitScan, SaveReport]:
    """Scan the repositories and queue the new candidates (nothing written on a dry run)."""
    found = scan(paths, authors, since, known_keys(con))
    if dry_run:
        return found, SaveReport(added=len(found.candidates))
    return found, save_candidates(con, [as_new(c) for c in found.candidates])

"""A first run for a real person: the "start here" steps with progress, and the gaps an import
leaves, each with the place where it is closed.

An import brings in positions, skills and wins but not what only the user knows: how good they
are at each skill, what each win was worth, which role they want next. `first_run` counts those
gaps in one read so Home (the checklist) and Import & export (the "what next" panel after an
import) say the same thing.

Steps (done when):
  import a résumé or LinkedIn export  -> an import has written something, or a position exists
  add a target role                    -> a target role exists
  log your latest win                  -> an accomplishment done in the last 90 days
  rate your skills                     -> at least one skill, and every skill has a self-rating
Progress = steps done / 4.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

RECENT_WIN_DAYS = 90


@dataclass(frozen=True)
class Link:
    """Something to do, and where: a page key of careerdata.ui.layout.PAGES and its tab."""

    message: str
    action: str
    page: str
    tab: str | None = None
    done: bool = False


@dataclass(frozen=True)
class FirstRun:
    steps: list[Link]
    gaps: list[Link]
    empty: bool  # nothing of the user's yet: Home shows the steps instead of a page of zeros

    @property
    def progress(self) -> float:
        return sum(s.done for s in self.steps) / len(self.steps)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def first_run(con, today: dt.date) -> FirstRun:
    """Counts of what a new file lacks, in one query (see the module docstring for the rules)."""
    row = con.cursor().execute(
        """SELECT
            (SELECT count(*) FROM position), (SELECT count(*) FROM skill), (SELECT count(*) FROM accomplishment),
            (SELECT count(*) FROM target_role),
            (SELECT count(*) FROM accomplishment WHERE coalesce(end_date, start_date) >= ?),
            (SELECT count(*) FROM skill s WHERE NOT EXISTS
                (SELECT 1 FROM skill_assessment a WHERE a.skill_id = s.id)),
            (SELECT count(*) FROM accomplishment a WHERE NOT EXISTS
                (SELECT 1 FROM impact_metric m WHERE m.accomplishment_id = a.id)),
            (SELECT count(*) FROM metric_suggestion WHERE status = 'open'),
            (SELECT count(*) FROM contact c WHERE NOT EXISTS (SELECT 1 FROM interaction i WHERE i.contact_id = c.id)),
            (SELECT count(*) FROM target_role r WHERE NOT EXISTS
                (SELECT 1 FROM target_role_skill s WHERE s.target_role_id = r.id)),
            (SELECT count(*) FROM profile), (SELECT count(*) FROM meta WHERE key = 'imported'),
            (SELECT count(*) FROM weekly_checkin)""",
        [today - dt.timedelta(days=RECENT_WIN_DAYS)]).fetchone()
    (positions, skills, wins, roles, recent, unrated, unmeasured, suggested, untouched, bare_roles, profiles,
     imported, checkins) = row
    steps = [
        Link("Import a résumé (JSON Resume) or your LinkedIn data export", "Import & export", "import_export",
             done=bool(imported or positions)),
        Link("Add the role you want next", "Target roles", "roles", done=bool(roles)),
        Link("Log your latest win, with what it was worth", "Log a win", "journal", "log", done=bool(recent)),
        Link("Rate your skills (1 to 5), so the matrix can tell claims from proof", "Rate skills", "journal", "skills",
             done=bool(skills) and not unrated),
    ]
    gaps = []
    if unrated:
        gaps.append(Link(f"{_plural(unrated, 'skill has', 'skills have')} no self-rating", "Rate them",
                         "journal", "skills"))
    if suggested:
        gaps.append(Link(f"{_plural(suggested, 'figure', 'figures')} read from your wins "
                         f"{'waits' if suggested == 1 else 'wait'} for you to confirm as impact metrics",
                         "Confirm them", "journal", "accomplishments"))
    if unmeasured:
        gaps.append(Link(f"{_plural(unmeasured, 'win has', 'wins have')} no metric", "Add what they were worth",
                         "journal", "accomplishments"))
    if untouched:
        gaps.append(Link(f"{_plural(untouched, 'contact has', 'contacts have')} no logged conversation",
                         "Log a touch", "journal", "people"))
    if bare_roles:
        gaps.append(Link(f"{_plural(bare_roles, 'target role has', 'target roles have')} no required skills",
                         "Add them", "roles"))
    if not profiles and (positions or skills or wins):
        gaps.append(Link("Your profile has no name or title", "Edit your profile", "journal", "profile"))
    return FirstRun(steps, gaps, empty=not (positions or skills or wins or roles or profiles or checkins))

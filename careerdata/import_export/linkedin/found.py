"""What the files of one LinkedIn export add up to while they are parsed: people, skills and wins are
collected across files (an endorser may also have recommended you, a skill may be listed and endorsed),
and a win listed twice is imported once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from careerdata.core import vocab
from careerdata.core.errors import InputError
from careerdata.core.text import name_key
from careerdata.import_export.common import Bundle, CsvTable, guess_skill_kind, parse_linkedin_date, shorten
from careerdata.models import career as m


@dataclass
class Person:
    name: str
    where: str
    company: str = ""
    title: str = ""
    advocacy: str = "unknown"
    cadence: int = 365
    notes: list[str] = field(default_factory=list)
    vouched: bool = False  # recommended or endorsed you

    def raise_advocacy(self, stage: str) -> None:
        if vocab.ADVOCACY_RANK[stage] > vocab.ADVOCACY_RANK[self.advocacy]:
            self.advocacy = stage


def table_date(table: CsvTable, row_no: int, row: dict, column: str, required: bool = False) -> dt.date | None:
    """The date in `column` of a row, or None when empty; an InputError naming file, row and column when malformed."""
    value = row.get(column.casefold(), "")
    if not value:
        if required:
            raise InputError(f"{table.name} row {row_no}, {column}: empty, but a date is needed")
        return None
    try:
        return parse_linkedin_date(value)
    except ValueError as err:
        raise InputError(f"{table.name} row {row_no}, {column}: {err}") from None


def full_name(row: dict, first: str, last: str) -> str:
    """First and last name columns joined, runs of whitespace as one space."""
    return " ".join(f"{row.get(first.casefold(), '')} {row.get(last.casefold(), '')}".split())


@dataclass
class Found:
    """The bundle being built, and what is collected across files before it is added to it."""

    bundle: Bundle
    all_connections: bool = False
    people: dict[str, Person] = field(default_factory=dict)
    skills: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (name, where)
    endorsements: dict[str, int] = field(default_factory=dict)
    wins: dict[tuple[str, dt.date], str] = field(default_factory=dict)
    position_rows: list[tuple[dt.date, dt.date | None, str]] = field(default_factory=list)

    def date(self, table: CsvTable, row_no: int, row: dict, column: str, required: bool = False) -> dt.date | None:
        return table_date(table, row_no, row, column, required)

    def person(self, name: str, where: str) -> Person:
        return self.people.setdefault(name_key(name), Person(name, where))

    def add_skill(self, name: str, where: str) -> None:
        self.skills.setdefault(name_key(name), (name, where))

    def add_win(self, data: dict, where: str, guessed=("scope", "situation"), **flags) -> None:
        key = (name_key(data["title"]), data["start_date"])
        if key in self.wins:
            self.bundle.notes.append(f"{where} repeats {self.wins[key]}; imported once")
            return
        self.wins[key] = where
        self.bundle.add("accomplishment", m.Accomplishment, data, where, guessed=guessed, month_dates=True, **flags)

    def add_skills_and_contacts(self) -> None:
        """The skills and people collected from every file, added once each."""
        all_connections = self.all_connections
        for key, (skill_name, where) in self.skills.items():
            count = self.endorsements.get(key, 0)
            self.bundle.add("skill", m.Skill, {"name": skill_name, "kind": guess_skill_kind(skill_name),
                                          "notes": f"{count} endorsement{'s' if count != 1 else ''} on LinkedIn" if count else ""},
                       where, guessed={"kind", "notes"})

        only_update = 0
        for p in self.people.values():
            made = self.bundle.add(
                "contact", m.Contact,
                {"name": p.name, "relationship": "peer", "company": shorten(p.company), "title": shorten(p.title),
                 "advocacy_stage": p.advocacy, "cadence_days": p.cadence, "notes": "\n".join(p.notes)[:10_000]},
                p.where, guessed={"relationship", "advocacy_stage", "cadence_days", "notes"})
            if not (p.vouched or all_connections):
                self.bundle.items[-1] = replace(made, add_if_new=False)
                only_update += 1
        if only_update:
            self.bundle.notes.append(
                f"{only_update} connection(s) who have not recommended or endorsed you only update contacts you "
                "already have; choose “every connection” (--all-connections) to add them all as contacts")

"""The case linter: every claim checked for a metric, a past-tense verb, a link, a date in the cycle and a
named win, with findings the page lists line by line."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from careerdata.core.dates import format_day, format_span
from careerdata.core.text import is_past_tense
from careerdata.promotion.case import ADVOCATE_RECENT_DAYS, CaseAnalysis
from careerdata.promotion.evidence import dates_of

LINT_RULES = {
    "no_proof": "Claim without a metric or a link",
    "tense": "Claim not in the past tense",
    "outside_cycle": "Evidence outside the review cycle",
    "uncovered": "Target-level competency without evidence",
    "no_gaps": "No gaps section",
    "stale_advocate": "Advocate with no recent interaction",
    "private_in_packet": "Private note in the packet",
}


# What belongs to the private plan, never to the packet the manager and committee read: a rating of a
# person's influence, and who has or has not been told about a win.
_PRIVATE_NOTE = re.compile(r"\binfluence\s*:?\s*\d\s*/\s*5\b|\bnot\s+(?:yet\s+)?(?:been\s+)?told\b|"
                           r"\bhas(?:n't| not)\s+(?:yet\s+)?heard\b", re.I)


@dataclass(frozen=True)
class Finding:
    """One problem in the draft, pointing at the line (1-based) and the text to fix."""

    rule: str
    line: int | None
    excerpt: str
    message: str

    @property
    def title(self) -> str:
        return LINT_RULES[self.rule]


@dataclass(frozen=True)
class DraftLine:
    number: int
    text: str
    section: str  # a key of SECTIONS, "title", "other" or "" before any heading
    heading: bool
    bullet: str | None  # the bullet's text without its marker


_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*\S)\s*$")


_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def section_kind(heading: str) -> str:
    h = heading.lower()
    for key, words in (("gaps", ("gap",)), ("advocates", ("advocate", "sponsor", "support")),
                       ("summary", ("summary",)), ("impact", ("impact",)), ("scope", ("scope", "complexity")),
                       ("leverage", ("leverage", "mentor")), ("leadership", ("leadership",)),
                       ("glue", ("glue",))):
        if any(w in h for w in words):
            return key
    return "other"


def parse_draft(markdown: str) -> list[DraftLine]:
    out, section = [], ""
    for n, text in enumerate(markdown.splitlines(), start=1):
        head = _HEADING.match(text)
        if head:
            section = "title" if len(head.group(1)) == 1 else section_kind(head.group(2))
            out.append(DraftLine(n, text, section, True, None))
            continue
        bullet = _BULLET.match(text)
        out.append(DraftLine(n, text, section, False, bullet.group(1) if bullet else None))
    return out


_QUANT_WORDS = re.compile(r"\b(doubled|doubling|tripled|tripling|halved|halving|zero|twice|thrice|two|three|four|"
                          r"five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|"
                          r"percent)\b", re.I)


_LINK = re.compile(r"https?://|\[[^\]]+\]\([^)]+\)|\b(?:PR|MR|RFC|ADR|issue)\s*#?\d+|#\d{2,}", re.I)


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b",
                             re.I)


_MONTH_YEAR = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b", re.I)


_QUARTER = re.compile(r"\bQ([1-4])\s+(\d{4})\b", re.I)


_YEAR = re.compile(r"\b(?:in|since|during|from|throughout|by|of|early|late|mid-?)\s+((?:19|20)\d{2})\b", re.I)


_ALL_YEARS = re.compile(r"\b(?:19|20)\d{2}\b")


_ONGOING = re.compile(r"\b(ongoing|present|to date|today|now)\b", re.I)


def _strip_dates(text: str) -> str:
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_YEAR, _QUARTER, _ALL_YEARS):
        text = pattern.sub(" ", text)
    return text


def has_metric(text: str) -> bool:
    """A number that is not a date, or a word like 'doubled'."""
    return bool(re.search(r"\d", _strip_dates(text)) or _QUANT_WORDS.search(text))


def has_number(text: str) -> bool:
    return has_metric(text)


def has_link(text: str) -> bool:
    return bool(_LINK.search(text))


def first_word(claim: str) -> str:
    text = re.sub(r"[*_`~\\]", "", claim).strip()
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", text)
    if words and words[0].lower() in {"i", "we"} and len(words) > 1:
        words = words[1:]
    return words[0] if words else ""


def date_spans(text: str, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Every date or period a line mentions, as (first day, last day); 'ongoing' counts as today."""
    spans = []
    taken = text
    for m in _ISO.finditer(text):
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            spans.append((day, day))
        except ValueError:
            pass
    taken = _ISO.sub(" ", taken)
    for m in _DAY_MONTH_YEAR.finditer(taken):
        try:
            day = dt.date(int(m[3]), _MONTHS[m[2].lower()[:3]], int(m[1]))
            spans.append((day, day))
        except ValueError:
            pass
    taken = _DAY_MONTH_YEAR.sub(" ", taken)
    for m in _MONTH_YEAR.finditer(taken):
        year, month = int(m[2]), _MONTHS[m[1].lower()[:3]]
        spans.append((dt.date(year, month, 1), _month_end(year, month)))
    taken = _MONTH_YEAR.sub(" ", taken)
    for m in _QUARTER.finditer(taken):
        year, q = int(m[2]), int(m[1])
        spans.append((dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)))
    taken = _QUARTER.sub(" ", taken)
    for m in _YEAR.finditer(taken):
        year = int(m[1])
        spans.append((dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if spans and _ONGOING.search(text):
        spans.append((today, today))
    return spans


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


NAMED_MIN_CHARS = 12  # shorter titles ("Migration") would match ordinary words in the draft


class NamedWin(NamedTuple):
    """An accomplishment the linter recognises by its title in a draft line."""

    key: str  # the casefolded title
    title: str
    start: dt.date | None
    end: dt.date | None


# A title is looked up only within one line of the draft, so one holding a line break never matches.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


# Up to this many distinct title prefixes, searching the whole draft for each (a fast C loop) beats
# looking up every position of it in the prefix index (a Python loop).
FIND_MAX_PREFIXES = 200


@dataclass(frozen=True, eq=False)
class Linter:
    """The case's side of `lint_case`, prepared once so checking a draft costs time in proportion to the
    draft, not to the career file.

    A line names a title only where it contains the title's first NAMED_MIN_CHARS characters, so the
    casefolded titles are indexed by that prefix. The draft's lines are searched for each distinct
    prefix (or, with many prefixes, every position of a line is looked up in the index), and each place
    a prefix occurs is compared with the titles of each length that start with it, instead of
    searching every line for every accomplishment's title.
    """

    cycle_start: dt.date
    cycle_end: dt.date
    today: dt.date
    wins: tuple[NamedWin, ...]  # in the accomplishments' order
    keys: dict[str, list[int]]  # casefolded title -> its positions in `wins`
    # first NAMED_MIN_CHARS characters of a key -> the lengths of the keys starting with them; a title
    # that casefolded shorter (never seen, but cheap to allow) is under "" with length 0
    prefixes: dict[str, set[int]]
    uncovered: tuple[str, ...]
    people: tuple[tuple[str, str, dt.date | None], ...]  # (casefolded name, name, last interaction)

    @classmethod
    def build(cls, *, cycle_start: dt.date, cycle_end: dt.date, today: dt.date, accomplishments: pd.DataFrame,
              uncovered: list[str], contacts: pd.DataFrame) -> Linter:
        wins = []
        if not accomplishments.empty:
            for title, start, end in zip(accomplishments["title"].tolist(), dates_of(accomplishments["start_date"]),
                                         dates_of(accomplishments["end_date"]), strict=True):
                if len(str(title)) >= NAMED_MIN_CHARS:
                    wins.append(NamedWin(str(title).casefold(), title, start, end))
        keys: dict[str, list[int]] = {}
        prefixes: dict[str, set[int]] = {}
        for i, win in enumerate(wins):
            if _LINE_BREAKS.search(win.key):
                continue
            keys.setdefault(win.key, []).append(i)
            if len(win.key) >= NAMED_MIN_CHARS:
                prefixes.setdefault(win.key[:NAMED_MIN_CHARS], set()).add(len(win.key))
            else:
                prefixes.setdefault("", set()).add(0)
        people = () if contacts.empty else tuple(
            (str(name).casefold(), str(name), last)
            for name, last in zip(contacts["name"].tolist(), dates_of(contacts["last_interaction"]), strict=True))
        return cls(cycle_start, cycle_end, today, tuple(wins), keys, prefixes, tuple(uncovered), people)

    def named(self, lines: list[str]) -> list[list[NamedWin]]:
        """For each casefolded line (none holding a line break), the accomplishments whose casefolded
        title occurs in it (`key in line`), in the accomplishments' order."""
        n = NAMED_MIN_CHARS
        found: list[set[int]] = [set() for _ in lines]
        indexed = {p: lengths for p, lengths in self.prefixes.items() if p}

        def add(row: int, text: str, at: int, lengths: set[int]) -> None:
            for length in lengths:
                found[row].update(self.keys.get(text[at:at + length], ()))

        if len(indexed) <= FIND_MAX_PREFIXES:
            text = "\n".join(lines)  # a key holds no line break, so a match never spans two lines
            starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
            for prefix, lengths in indexed.items():
                at = text.find(prefix)
                while at != -1:
                    add(bisect.bisect_right(starts, at) - 1, text, at, lengths)
                    at = text.find(prefix, at + 1)
        else:
            for row, line in enumerate(lines):
                for prefix in {line[i:i + n] for i in range(len(line) - n + 1)}.intersection(indexed):
                    at = line.find(prefix)
                    while at != -1:
                        add(row, line, at, indexed[prefix])
                        at = line.find(prefix, at + 1)
        if "" in self.prefixes:
            short = [(key, positions) for key, positions in self.keys.items() if len(key) < n]
            for row, line in enumerate(lines):
                for key, positions in short:
                    if key in line:
                        found[row].update(positions)
        return [[self.wins[i] for i in sorted(rows)] for rows in found]

    def check(self, markdown: str) -> list[Finding]:
        """The findings of `lint_case` for this draft."""
        cycle_start, cycle_end, today = self.cycle_start, self.cycle_end, self.today
        lines = parse_draft(markdown)
        # The lines that can name an accomplishment, looked up all at once.
        named_in = [ln for ln in lines if not ln.heading and ln.text.strip()
                    and ln.section not in ("advocates", "gaps", "title")]
        named_by_line = dict(zip((ln.number for ln in named_in),
                                 self.named([ln.text.replace("\\", "").casefold() for ln in named_in]), strict=True))
        found: list[Finding] = []
        private = False  # under the "# Private plan" heading: the rest of the draft stays in the app
        for ln in lines:
            if ln.heading and ln.section == "title":
                private = private or _HEADING.match(ln.text).group(2).strip().casefold().startswith("private plan")
            if ln.heading or not ln.text.strip() or (private and ln.section not in ("advocates", "gaps")):
                continue  # the private plan's own notes are not claims
            plain = ln.text.replace("\\", "")
            if not private and ln.section not in ("advocates", "gaps") and _PRIVATE_NOTE.search(plain):
                found.append(Finding("private_in_packet", ln.number, ln.text.strip(),
                                     "This line is in the packet your manager and the committee read: move "
                                     "influence ratings and who has been told to the private plan."))
            if ln.bullet is not None and ln.section not in ("summary", "advocates", "gaps"):
                claim = ln.bullet
                if not has_metric(claim) and not has_link(claim):
                    found.append(Finding("no_proof", ln.number, claim, "Add a number (before → after, money, hours, "
                                                                       "people) or a link to the evidence."))
                word = first_word(claim)
                if not is_past_tense(word):
                    found.append(Finding("tense", ln.number, claim,
                                         f"Start with what you did, in the past tense (e.g. “Led”, “Built”, “Cut”), "
                                         f"not “{word or '…'}”."))
            if ln.section in ("advocates", "gaps", "title"):
                continue
            named = named_by_line[ln.number]
            if named:
                for a in named:
                    start, end = a.start, a.end
                    last = end or today
                    if start and (start > cycle_end or last < cycle_start):
                        found.append(Finding("outside_cycle", ln.number, ln.text.strip(),
                                             f"“{a.title}” was done {format_span(start, end)}, outside the cycle "
                                             f"{format_day(cycle_start)} – {format_day(cycle_end)}: move it to "
                                             "context or drop it."))
                continue
            spans = date_spans(plain, today)
            if spans and not any(s <= cycle_end and e >= cycle_start for s, e in spans):
                found.append(Finding("outside_cycle", ln.number, ln.text.strip(),
                                     f"Every date on this line is outside the cycle {format_day(cycle_start)} – "
                                     f"{format_day(cycle_end)}: reviewers weigh this cycle's evidence."))

        gaps_heading = next((ln for ln in lines if ln.heading and ln.section == "gaps"), None)
        gap_lines = [ln for ln in lines if ln.section == "gaps" and not ln.heading and ln.text.strip()]
        if gaps_heading is None:
            found.append(Finding("no_gaps", None, "",
                                 "Add a “## Gaps and plan” section to your private plan (under “# Private plan — not "
                                 "for sharing”, left out of the packet's files): knowing your gaps and how you close "
                                 "them is what lets you answer for them in the review."))
        elif not gap_lines:
            found.append(Finding("no_gaps", gaps_heading.number, gaps_heading.text.strip(),
                                 "The gaps section is empty: name each gap and the plan to close it."))

        for name in self.uncovered:
            hit = next((ln for ln in gap_lines if name.casefold() in ln.text.replace("\\", "").casefold()), None)
            if hit:
                found.append(Finding("uncovered", hit.number, hit.text.strip(),
                                     f"{name} has no evidence in the cycle: link or confirm a win, or keep the plan "
                                     "here concrete (who, what, by when)."))
            else:
                target = gaps_heading
                found.append(Finding("uncovered", target.number if target else None,
                                     target.text.strip() if target else "",
                                     f"{name} has no evidence in the cycle and the gaps section does not name it: "
                                     "add it with a plan."))

        if self.people:
            for ln in lines:
                if ln.section != "advocates" or ln.heading:
                    continue
                plain = ln.text.replace("\\", "").casefold()
                for key, name, last in self.people:
                    if key in plain and (last is None or (today - last).days > ADVOCATE_RECENT_DAYS):
                        when = f"{(today - last).days} days ago" if last else "never"
                        found.append(Finding("stale_advocate", ln.number, ln.text.strip(),
                                             f"You last talked to {name} {when}: advocates repeat what they heard "
                                             f"recently. Catch up before the review (within {ADVOCATE_RECENT_DAYS} "
                                             "days)."))
        order = list(LINT_RULES)
        return sorted(found, key=lambda f: (f.line if f.line is not None else 10**9, order.index(f.rule)))


def lint_case(markdown: str, *, cycle_start: dt.date, cycle_end: dt.date, today: dt.date,
              accomplishments: pd.DataFrame, uncovered: list[str], contacts: pd.DataFrame) -> list[Finding]:
    """Check a draft against the rules of a good case; each finding names the line to fix.

    * no_proof: an evidence bullet (any bullet outside Summary, Advocates and Gaps) with no number
      (dates do not count) and no link (URL, Markdown link, PR/MR/RFC number).
    * tense: an evidence bullet whose first word (after "I"/"We") is not a past-tense verb.
    * outside_cycle: a line naming an accomplishment (a title of at least NAMED_MIN_CHARS
      characters) done outside the cycle, or whose dates all fall outside it (Advocates and Gaps
      are exempt: they talk about people and plans).
    * uncovered: a target-level competency with no evidence (`uncovered` names); it points at the
      gaps line naming it, else at the gaps heading, else at nothing.
    * no_gaps: no "Gaps" heading, or one with nothing under it.
    * stale_advocate: an Advocates line naming a contact last spoken to more than
      ADVOCATE_RECENT_DAYS ago (or never).
    * private_in_packet: a packet line (not under "# Private plan…", Advocates or Gaps) that rates a
      person's influence ("influence 4/5") or says who has not been told about a win: the packet's
      exports would carry it to the manager and the committee.

    To check many drafts against the same case, build the `Linter` once and call its `check`.
    """
    return Linter.build(cycle_start=cycle_start, cycle_end=cycle_end, today=today, accomplishments=accomplishments,
                        uncovered=uncovered, contacts=contacts).check(markdown)


def linter(analysis: CaseAnalysis, accomplishments: pd.DataFrame | None = None) -> Linter:
    """The `Linter` of a case: the analysis's cycle, uncovered competencies and contacts, and the titles
    and dates of `accomplishments` (default: the analysis's own; every accomplishment, so a line naming
    one from outside the cycle is caught)."""
    return Linter.build(cycle_start=analysis.cycle_start, cycle_end=analysis.cycle_end, today=analysis.today,
                        accomplishments=analysis.accomplishments if accomplishments is None else accomplishments,
                        uncovered=analysis.readiness.no_evidence, contacts=analysis.contacts)


def lint(markdown: str, analysis: CaseAnalysis) -> list[Finding]:
    """`lint_case` with the analysis's cycle, accomplishments, uncovered competencies and contacts."""
    return linter(analysis).check(markdown)

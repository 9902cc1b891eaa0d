"""What every importer shares: records bound for the database, where each came from, and
the small parsers (CSV with row numbers, dates, skill kinds) that turn files into them.

An importer reads a file into a `Bundle` of `Item`s; each item is a validated pydantic model
(built through `item()`, so a bad value is refused with the file, row and field named), the
place in the file it came from, and the fields it may change on a record that already
exists. `careerdata.import_export.imports.run_import` writes a bundle in one transaction.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from pydantic import BaseModel, TypeAdapter, ValidationError

from careerdata.core.errors import InputError
from careerdata.core.text import name_key
from careerdata.models.career import describe_validation_error

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # the page refuses bigger uploads; a career file is far smaller

# Fields that make up an entity's natural key: they identify a record and are never "updated".
KEY_FIELDS: dict[str, frozenset[str]] = {
    "profile": frozenset(),
    "position": frozenset({"employer", "title", "start_date"}),
    "skill": frozenset({"name"}),
    "assessment": frozenset({"skill", "as_of"}),
    "contact": frozenset({"name"}),
    "accomplishment": frozenset({"title", "start_date"}),
    "metric": frozenset({"accomplishment", "accomplishment_start_date", "description"}),
    "interaction": frozenset({"contact", "date", "channel"}),
    "visibility": frozenset({"title", "date"}),
    "offer": frozenset({"company", "title", "current_job"}),
}
ENTITY_ORDER = tuple(KEY_FIELDS)  # write order: what others refer to comes first

ENTITY_LABELS = {
    "profile": "Profile",
    "position": "Positions",
    "skill": "Skills",
    "assessment": "Skill assessments",
    "contact": "Contacts",
    "accomplishment": "Accomplishments",
    "metric": "Impact metrics",
    "interaction": "Interactions",
    "visibility": "Visibility items",
    "offer": "Offers",
}


@dataclass(frozen=True)
class Item:
    """One record an import wants in the database."""

    entity: str
    model: BaseModel
    where: str  # "resume.json work[2]" or "contacts.csv row 4": shown in every message about it
    update: frozenset[str]  # fields that may overwrite an existing record's values
    add_if_new: bool = True  # False: only update a record that already exists (e.g. a mere LinkedIn connection)
    month_dates: bool = False  # dates known to the month only (LinkedIn): match a record in the same month
    # An accomplishment dated only by where it happened (a résumé highlight takes its job's dates):
    # it also matches a record with the same title that started within this window.
    window: tuple[dt.date, dt.date | None] | None = None


@dataclass
class Bundle:
    """Everything one file (or one LinkedIn export) would bring in, plus what it left out and why."""

    source: str
    format: str
    items: list[Item] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, entity: str, model_cls: type[BaseModel], data: dict, where: str, guessed: Iterable[str] = (),
            **flags) -> Item:
        made = item(entity, model_cls, data, where, guessed)
        if flags:
            made = replace(made, **flags)
        self.items.append(made)
        return made


    def add_many(self, entity: str, model_cls: type[BaseModel], rows: list[tuple[dict, str]]) -> None:
        """Validate many records of one kind in one pass (`rows`: (data, where) pairs).

        The same rule as `add` for each record, but pydantic checks the whole list in one call:
        100,000 CSV rows validate in about a second instead of ten. When a record is refused,
        it is validated again on its own so the message is exactly the one `add` gives
        (the first bad row, its field and how many more problems it has).
        """
        try:
            models = _list_adapter(model_cls).validate_python([data for data, _ in rows])
        except ValidationError as err:
            bad = err.errors()[0]["loc"][0]
            item(entity, model_cls, *rows[bad])  # raises the single-record message
            raise InputError(f"{rows[bad][1]}, {first_problem(err)}") from None  # (refused in the list only)
        keys = KEY_FIELDS[entity]
        self.items.extend(
            Item(entity, model, where, frozenset(k for k, v in data.items() if k not in keys and not _is_empty(v)))
            for model, (data, where) in zip(models, rows, strict=True))


_ADAPTERS: dict[type, TypeAdapter] = {}


def _list_adapter(model_cls: type[BaseModel]) -> TypeAdapter:
    """A cached TypeAdapter for list[model_cls] (building one costs milliseconds)."""
    if model_cls not in _ADAPTERS:
        _ADAPTERS[model_cls] = TypeAdapter(list[model_cls])
    return _ADAPTERS[model_cls]


def _is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == ()


def first_problem(err: ValidationError) -> str:
    """One line: the first problem with its field, and how many more there are."""
    lines = describe_validation_error(err).splitlines()
    more = f" (and {len(lines) - 1} more problem{'s' if len(lines) > 2 else ''})" if len(lines) > 1 else ""
    return lines[0] + more


def item(entity: str, model_cls: type[BaseModel], data: dict, where: str, guessed: Iterable[str] = ()) -> Item:
    """Validate `data` into `model_cls`; the fields given (not blank, not guessed) may update a match.

    `guessed` names values the importer made up for a new record (a skill's kind, a
    contact's relationship, notes it composed): they never overwrite what the user has.
    """
    try:
        model = model_cls.model_validate(data)
    except ValidationError as err:
        raise InputError(f"{where}, {first_problem(err)}") from None
    update = {k for k, v in data.items() if not _is_empty(v)} - set(guessed) - KEY_FIELDS[entity]
    return Item(entity, model, where, frozenset(update))


def month_end(day: dt.date) -> dt.date:
    """The last day of `day`'s month."""
    following = day.replace(day=28) + dt.timedelta(days=4)
    return following - dt.timedelta(days=following.day)


def shorten(text: str, limit: int = 200) -> str:
    """Cut text to `limit` characters at a word boundary, ending with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-")
    return cut + "…"


# --- text, CSV ----------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"), (codecs.BOM_UTF16_LE, "UTF-16"),
         (codecs.BOM_UTF16_BE, "UTF-16"))
_CONTROL = frozenset(range(1, 9)) | frozenset(range(14, 32)) - {27}  # never in text (27 is ESC)
_TEXT_BYTES = bytes(range(32, 256)) + b"\t\n\r"


def _save_as_utf8(name: str) -> str:
    """The fix, in the words of the program that wrote the file."""
    how = "in a spreadsheet choose “CSV UTF-8”" if name.casefold().endswith(".csv") else "in a text editor choose UTF-8"
    return f"save it as UTF-8 ({how}) and try again"


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 (with or without a byte-order mark), or a refusal that names the encoding found.

    UTF-16 and UTF-32 (what Excel's "Unicode text" and Windows editors write) are recognised by
    their byte-order mark, or by the zero byte beside every ASCII letter, and named. A file
    with many zero bytes that is neither is binary. Stray NUL bytes in real text are dropped
    (`careerdata.core.text.strip_nul`): they are never meant and break other tools.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise InputError(f"{name}: the file is {encoding} text, not UTF-8; {_save_as_utf8(name)}")
    head = raw[:4096]
    zeros = head.count(0)
    if zeros and zeros * 8 >= len(head):
        even, odd = head[0::2], head[1::2]
        if odd and (odd.count(0) * 10 >= len(odd) * 9 or even.count(0) * 10 >= len(even) * 9):
            raise InputError(f"{name}: the file looks like UTF-16 text, not UTF-8; {_save_as_utf8(name)}")
        raise InputError(f"{name}: not a text file (it looks binary)")
    if head.translate(None, _TEXT_BYTES) and any(b in _CONTROL for b in head):
        raise InputError(f"{name}: not a text file (it looks binary)")
    if b"\x00" in raw:
        raw = raw.replace(b"\x00", b"")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        guess = "Windows-1252 or Latin-1" if _decodes(raw, "cp1252") else "an encoding other than UTF-8"
        raise InputError(f"{name}: not UTF-8 text (byte {err.start} cannot be read; it looks like {guess}); "
                         f"{_save_as_utf8(name)}") from None


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


@dataclass
class CsvTable:
    """A CSV file read with its header matched case-insensitively and each row's line number."""

    name: str
    columns: list[str]  # header as written
    rows: list[tuple[int, dict[str, str]]]  # (row number as a spreadsheet shows it, {lower-case header: value})

    def has(self, column: str) -> bool:
        return column.casefold() in {c.casefold() for c in self.columns}


def read_csv(text: str, name: str, *, header_starts: str | None = None) -> CsvTable:
    """Parse CSV text strictly: every row must have as many cells as the header.

    `header_starts` skips a preamble (LinkedIn's Connections.csv opens with "Notes:" and a
    paragraph) up to the first line that begins with that text. Rows whose cells are all blank
    are skipped. Row numbers are the line numbers a spreadsheet shows (the header is row 1).
    """
    lines = text.splitlines(keepends=True)
    offset = 0
    if header_starts is not None:
        for n, line in enumerate(lines):
            if line.lstrip('"').casefold().startswith(header_starts.casefold()):
                offset = n
                break
        else:
            raise InputError(f"{name}: no header row starting with {header_starts!r} found")
    reader = csv.reader(io.StringIO("".join(lines[offset:])), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(f"{name}: the file is empty; it needs a header row")
        if not any(h.strip() for h in header):
            raise InputError(f"{name} row {offset + 1}: the header row is blank; the first row must name the columns")
        columns = [h.strip() for h in header]
        if "" in columns:
            raise InputError(f"{name} row {offset + 1}: column {columns.index('') + 1} of the header has no name; "
                             "the first row must name every column (is the header row missing?)")
        keys = [c.casefold() for c in columns]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise InputError(f"{name} row {offset + 1}: column {dupes[0]!r} appears twice in the header")
        rows: list[tuple[int, dict[str, str]]] = []
        width = len(columns)
        for cells in reader:
            stripped = [c.strip() for c in cells]
            if not any(stripped):
                continue
            if len(cells) != width:
                raise InputError(
                    f"{name} row {offset + reader.line_num}: has {len(cells)} cells but the header has {width} "
                    "(a missing or extra comma, or the file was cut off)"
                )
            rows.append((offset + reader.line_num, dict(zip(keys, stripped, strict=True))))
    except csv.Error as err:
        raise InputError(f"{name} row {offset + reader.line_num}: not valid CSV ({err})") from None
    return CsvTable(name, columns, rows)


def require_columns(table: CsvTable, required: Iterable[str], allowed: Iterable[str] | None = None) -> None:
    """Refuse a table missing a column it needs (or, with `allowed`, one with a column nobody reads)."""
    have = {c.casefold() for c in table.columns}
    missing = [c for c in required if c.casefold() not in have]
    expected = list(allowed if allowed is not None else required)
    if missing and not have & {c.casefold() for c in expected}:
        raise InputError(f"{table.name} row 1: no header row (the first row is {', '.join(table.columns)}); "
                         f"the first row must name the columns: {', '.join(expected)}")
    if missing:
        raise InputError(
            f"{table.name} row 1: missing column {missing[0]!r} (the header has: {', '.join(table.columns)})"
        )
    if allowed is not None:
        known = {c.casefold() for c in allowed}
        extra = [c for c in table.columns if c.casefold() not in known]
        if extra:
            raise InputError(
                f"{table.name} row 1: unknown column {extra[0]!r}; the columns are: {', '.join(allowed)}"
            )


# --- dates --------------------------------------------------------------------------------

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_iso_partial(value: str) -> dt.date:
    """'2020', '2020-05' or '2020-05-31' (JSON Resume's iso8601): the first day of what is given."""
    match = _ISO_PARTIAL.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a date like 2020-05-31, 2020-05 or 2020")
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    try:
        return dt.date(year, month, day)
    except ValueError as err:
        raise ValueError(f"{value!r} is not a real date ({err})") from None


_LINKEDIN_FORMATS = (
    "%b %Y",  # Positions: "Apr 2023"
    "%B %Y",  # "April 2023"
    "%d %b %Y",  # Connections: "15 Mar 2021"
    "%b %d, %Y",  # Publications, Honors: "Mar 15, 2021"
    "%B %d, %Y",
    "%m/%d/%y, %I:%M %p",  # Recommendations: "03/15/21, 05:22 PM"
    "%m/%d/%Y",
    "%m/%d/%y",
    "%Y/%m/%d %H:%M:%S UTC",  # Endorsements: "2024/05/24 18:04:01 UTC"
    "%Y-%m-%d %H:%M:%S UTC",
    "%Y-%m-%d",
    "%Y",
)


def parse_linkedin_date(value: str) -> dt.date:
    """The date formats LinkedIn's export uses in its different files."""
    text = " ".join(value.split())
    for fmt in _LINKEDIN_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{value!r} is not a date LinkedIn writes (e.g. 'Apr 2023' or '15 Mar 2021')")


# --- skill kinds ----------------------------------------------------------------------------

_SOFT = {
    "communication", "communications", "public speaking", "presentation", "presentations", "presentation skills",
    "writing", "technical writing", "negotiation", "persuasion", "collaboration", "teamwork", "team work",
    "problem solving", "complex problem solving", "critical thinking", "stakeholder management",
    "customer service", "time management", "active listening", "interpersonal skills", "facilitation",
    "conflict resolution", "relationship building", "storytelling",
}
_LEADERSHIP = {
    "leadership", "team leadership", "technical leadership", "people management", "team management",
    "management", "mentoring", "coaching", "hiring", "recruiting", "interviewing", "hiring & interviewing",
    "strategic planning", "strategy", "roadmap planning", "program management", "project management",
    "delegation", "incident command", "cross-functional team leadership", "cross-team coordination",
    "engineering management", "decision making", "change management",
}


def guess_skill_kind(name: str) -> str:
    """A first guess at a skill's kind from its name (LinkedIn and JSON Resume have no kinds).

    A guess only: it is used for new skills and never overwrites a kind the user chose.
    """
    key = name_key(name)
    if key in _LEADERSHIP:
        return "leadership"
    if key in _SOFT:
        return "soft"
    return "technical"


def certificate_title(name: str) -> str:
    """An accomplishment title for a certificate: its own name when that says so already."""
    return name if "certif" in name.casefold() else f"{name} certification"


def unique_names(names: Iterable[str]) -> list[str]:
    """Names in their first spelling, without repeats that differ only in case or spacing."""
    out: dict[str, str] = {}
    for n in names:
        out.setdefault(name_key(n), n)
    return list(out.values())

"""Read a LinkedIn data export ("Get a copy of your data": the zip as downloaded, or its
unzipped folder) into records for the career file.

Files are matched by name and columns by header, both case-insensitively; files this app
does not use (messages, invitations, ads, education...) are ignored and listed.

  Profile.csv                    -> profile (first + last name, headline; title from the current position)
  Positions.csv                  -> positions; bullet lines ("•", "-", "*") of a description -> accomplishments
  Skills.csv                     -> skills (kinds guessed)
  Endorsement_Received_Info.csv  -> skills, and endorsers as contacts (advocacy "aware")
  Recommendations_Received.csv   -> recommenders as contacts (advocacy "advocate", the text in notes)
  Connections.csv                -> company and position of your contacts; with `all_connections`,
                                    every connection becomes a contact (relationship "peer")
  Certifications.csv, Projects.csv, Honors.csv -> accomplishments
  Publications.csv               -> visibility items (external posts)

Connections.csv opens with a "Notes:" preamble before its header; it is skipped. A connection
who neither recommended nor endorsed you only updates a contact you already have, unless
`all_connections` is set: hundreds of never-contacted people would drown the network list.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from careerdata.core.errors import InputError
from careerdata.import_export.common import (
    Bundle,
    CsvTable,
    certificate_title,
    decode_text,
    guess_skill_kind,
    month_end,
    name_key,
    parse_linkedin_date,
    read_csv,
    require_columns,
    shorten,
)
from careerdata.models import career as m

# Caps for what an export may hold, checked while reading (never from the sizes a zip claims):
# a real Basic export is a few MB; Connections.csv of 30,000 people is about 4 MB.
MAX_MEMBERS = 5_000  # entries in the zip or files in the folder
MAX_MEMBER_BYTES = 16 * 2**20  # one file this app reads, as unzipped
MAX_TOTAL_BYTES = 48 * 2**20  # every file this app reads, together
MAX_RATIO = 200  # unzipped / zipped size of one member; CSV text is 3-20x, a block of zeros 1000x
RATIO_FROM = 2**20  # the ratio is judged once a member has produced this much
CHUNK = 16 * 1024  # small reads keep the compressed bytes consumed close to what was inflated

# lower-case file name -> (required columns, optional columns)
FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "profile.csv": (("First Name", "Last Name"), ("Headline", "Summary")),
    "positions.csv": (("Company Name", "Title", "Started On"), ("Description", "Location", "Finished On")),
    "skills.csv": (("Name",), ()),
    "endorsement_received_info.csv": (("Skill Name", "Endorser First Name", "Endorser Last Name"),
                                      ("Endorsement Date", "Endorser Public Url", "Endorsement Status")),
    "recommendations_received.csv": (("First Name", "Last Name", "Text"),
                                     ("Company", "Job Title", "Creation Date", "Status")),
    "connections.csv": (("First Name", "Last Name", "Company", "Position", "Connected On"), ("URL", "Email Address")),
    "certifications.csv": (("Name", "Started On"), ("Url", "Authority", "Finished On", "License Number")),
    "projects.csv": (("Title", "Started On"), ("Description", "Url", "Finished On")),
    "publications.csv": (("Name", "Published On"), ("Publisher", "Description", "Url")),
    "honors.csv": (("Title", "Issued On"), ("Description",)),
}
FILE_NAMES = {
    "profile.csv": "Profile.csv", "positions.csv": "Positions.csv", "skills.csv": "Skills.csv",
    "endorsement_received_info.csv": "Endorsement_Received_Info.csv",
    "recommendations_received.csv": "Recommendations_Received.csv", "connections.csv": "Connections.csv",
    "certifications.csv": "Certifications.csv", "projects.csv": "Projects.csv",
    "publications.csv": "Publications.csv", "honors.csv": "Honors.csv",
}
_BULLET = re.compile(r"^\s*[•·\-*–▪●◦]\s+(.*\S)\s*$")
_ADVOCACY_RANK = {s: n for n, s in enumerate(m.ADVOCACY_STAGES)}


# --- getting the files ----------------------------------------------------------------------

class _CountingReader(io.RawIOBase):
    """A seekable file that counts the bytes read from it: how much of a zip has been consumed."""

    def __init__(self, fh):
        super().__init__()
        self.fh, self.consumed = fh, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size)
        self.consumed += len(data)
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.fh.seek(offset, whence)

    def tell(self) -> int:
        return self.fh.tell()


class _Budget:
    """Bytes read so far across one export, refused the moment a cap is passed."""

    def __init__(self, source: str):
        self.source, self.total = source, 0

    def read(self, fh, member: str, packed: _CountingReader | None = None) -> bytes:
        """Read `fh` in chunks, counting what it really yields (a zip's stated sizes may lie).

        `packed` counts the compressed bytes consumed meanwhile: the ratio of the two is judged
        as the member unzips, so a bomb is caught after RATIO_FROM bytes, whatever its header says.
        """
        parts, size = [], 0
        start = packed.consumed if packed is not None else 0
        while chunk := fh.read(CHUNK):
            size += len(chunk)
            self.total += len(chunk)
            if size > MAX_MEMBER_BYTES:
                raise InputError(f"{self.source}: {member} is bigger than {MAX_MEMBER_BYTES // 2**20} MB unpacked; "
                                 "a LinkedIn export file is far smaller, so this is refused")
            if self.total > MAX_TOTAL_BYTES:
                raise InputError(f"{self.source}: the files this app reads add up to more than "
                                 f"{MAX_TOTAL_BYTES // 2**20} MB; a LinkedIn export is far smaller, so this is refused")
            if packed is not None and size > RATIO_FROM and size > MAX_RATIO * max(packed.consumed - start, 1):
                raise InputError(f"{self.source}: {member} unzips to more than {MAX_RATIO} times its packed size "
                                 "(a zip bomb, not a LinkedIn export); refused")
            parts.append(chunk)
        return b"".join(parts)


def _unsafe(member: str) -> bool:
    parts = PurePosixPath(member.replace("\\", "/")).parts
    return member.startswith(("/", "\\")) or ".." in parts or bool(parts and ":" in parts[0])


def files_from_zip(archive: bytes | Path, name: str) -> dict[str, bytes]:
    """{member path: bytes} of a LinkedIn export zip (its bytes, or its path: read from disk).

    Damaged or unsafe archives are refused; only the files this app uses are unzipped, in
    chunks, with their real sizes counted against MAX_MEMBER_BYTES, MAX_TOTAL_BYTES and
    MAX_RATIO as they come out, so a zip bomb is refused after a few MB and memory stays flat.
    """
    try:
        raw = io.BytesIO(archive) if isinstance(archive, bytes) else open(archive, "rb")  # noqa: SIM115
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from None
    with raw:
        return _members(_CountingReader(raw), name)


def _members(source: _CountingReader, name: str) -> dict[str, bytes]:
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise InputError(f"{name}: not a zip file, or the download was cut off (a LinkedIn export is a .zip)") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from None
    budget = _Budget(name)
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > MAX_MEMBERS:
            raise InputError(f"{name}: {len(infos):,} files inside; a LinkedIn export has far fewer")
        out = {}
        for info in infos:
            member = info.filename
            if _unsafe(member):
                raise InputError(f"{name}: member {member!r} has an unsafe path; this is not a LinkedIn export")
            if PurePosixPath(member).name.casefold() not in FILES:
                out[member] = b""  # listed as ignored, never unzipped
                continue
            try:
                with zf.open(info) as fh:
                    out[member] = budget.read(fh, member, packed=source)
            except InputError:
                raise
            except (zipfile.BadZipFile, OSError, EOFError) as err:
                raise InputError(f"{name}: {member} is damaged inside the zip ({err})") from None
            except Exception as err:  # zlib.error, NotImplementedError (encrypted, unknown method) and friends
                raise InputError(f"{name}: {member} cannot be unzipped ({err})") from None
    return out


def files_from_uploads(files: dict[str, bytes], source: str) -> dict[str, bytes]:
    """Loose CSV files of an export (uploaded one by one), held to the same caps as a zip's."""
    budget = _Budget(source)
    return {name: budget.read(io.BytesIO(raw), name) if PurePosixPath(name).name.casefold() in FILES else b""
            for name, raw in files.items()}


def files_from_folder(path: Path) -> dict[str, bytes]:
    """{relative path: bytes} of an unzipped export folder: no symbolic link is followed, same caps as a zip."""
    out: dict[str, bytes] = {}
    budget = _Budget(path.name)
    count = 0
    for folder, dirs, names in os.walk(path, followlinks=False):
        here = Path(folder)
        for entry in sorted(dirs + names):
            full = here / entry
            if full.is_symlink():
                rel = full.relative_to(path).as_posix()
                raise InputError(f"{path}: {rel} is a symbolic link; links are not followed "
                                 "(copy the real file into the export folder)")
        dirs.sort()
        for entry in sorted(names):
            full = here / entry
            count += 1
            if count > MAX_MEMBERS:
                raise InputError(f"{path}: more than {MAX_MEMBERS:,} files; point at the unzipped LinkedIn export folder")
            rel = full.relative_to(path).as_posix()
            if entry.casefold() not in FILES or not full.is_file():
                out[rel] = b""
                continue
            try:
                with open(full, "rb", buffering=0) as fh:
                    out[rel] = budget.read(fh, rel)
            except OSError as err:
                raise InputError(f"{path}: cannot read {rel} ({err.strerror})") from None
    return out


def files_from_path(path: Path) -> tuple[dict[str, bytes], str]:
    """Files of an export zip or of its unzipped folder, and the name to show for it."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_dir():
        return files_from_folder(path), path.name
    return files_from_zip(path, path.name), path.name


def read_linkedin(path: Path | str, *, all_connections: bool = False) -> Bundle:
    files, source = files_from_path(Path(path))
    return read_linkedin_files(files, source, all_connections=all_connections)


# --- turning them into records ----------------------------------------------------------

@dataclass
class _Person:
    name: str
    where: str
    company: str = ""
    title: str = ""
    advocacy: str = "unknown"
    cadence: int = 365
    notes: list[str] = field(default_factory=list)
    vouched: bool = False  # recommended or endorsed you

    def raise_advocacy(self, stage: str) -> None:
        if _ADVOCACY_RANK[stage] > _ADVOCACY_RANK[self.advocacy]:
            self.advocacy = stage


def _date(table: CsvTable, row_no: int, row: dict, column: str, required: bool = False) -> dt.date | None:
    value = row.get(column.casefold(), "")
    if not value:
        if required:
            raise InputError(f"{table.name} row {row_no}, {column}: empty, but a date is needed")
        return None
    try:
        return parse_linkedin_date(value)
    except ValueError as err:
        raise InputError(f"{table.name} row {row_no}, {column}: {err}") from None


def _full_name(row: dict, first: str, last: str) -> str:
    return " ".join(f"{row.get(first.casefold(), '')} {row.get(last.casefold(), '')}".split())


def read_linkedin_files(files: dict[str, bytes], source: str, *, all_connections: bool = False) -> Bundle:
    """Parse the export's files ({path inside the export: bytes}) into a Bundle (nothing is written)."""
    bundle = Bundle(source=source, format="linkedin")
    tables: dict[str, CsvTable] = {}
    ignored = []
    known = 0
    for member, raw in sorted(files.items()):
        key = PurePosixPath(member).name.casefold()
        if key not in FILES:
            ignored.append(member)
            continue
        if key in tables:
            raise InputError(f"{source}: {FILE_NAMES[key]} appears twice ({tables[key].name} and {member})")
        known += 1
        required, _optional = FILES[key]
        text = decode_text(raw, member)
        if not text.strip():
            bundle.notes.append(f"{member} is empty; nothing taken from it")
            continue
        table = read_csv(text, member, header_starts="First Name" if key == "connections.csv" else None)
        require_columns(table, required)
        tables[key] = table
    if not known:
        expected = ", ".join(FILE_NAMES.values())
        raise InputError(f"{source}: no LinkedIn export files found (expected some of {expected})")
    if ignored:
        shown = ", ".join(PurePosixPath(n).name for n in ignored[:8])
        more = f" and {len(ignored) - 8} more" if len(ignored) > 8 else ""
        bundle.notes.append(f"Ignored {len(ignored)} file(s) this app does not use: {shown}{more}")

    people: dict[str, _Person] = {}
    skills: dict[str, tuple[str, str]] = {}  # key -> (name, where)
    endorsements: dict[str, int] = {}
    wins: dict[tuple[str, dt.date], str] = {}
    position_rows = []

    def person(name: str, where: str) -> _Person:
        return people.setdefault(name_key(name), _Person(name, where))

    def add_skill(name: str, where: str) -> None:
        skills.setdefault(name_key(name), (name, where))

    def add_win(data: dict, where: str, guessed=("scope", "situation"), **flags) -> None:
        key = (name_key(data["title"]), data["start_date"])
        if key in wins:
            bundle.notes.append(f"{where} repeats {wins[key]}; imported once")
            return
        wins[key] = where
        bundle.add("accomplishment", m.Accomplishment, data, where, guessed=guessed, month_dates=True, **flags)

    if t := tables.get("positions.csv"):
        for n, row in t.rows:
            where = f"{t.name} row {n}"
            employer, title = row["company name"], row["title"]
            start = _date(t, n, row, "Started On", required=True)
            end = _date(t, n, row, "Finished On")
            if not employer or not title:
                raise InputError(f"{where}, {'Company Name' if not employer else 'Title'}: empty")
            bundle.add("position", m.Position, {"employer": employer, "title": title, "start_date": start,
                                                "end_date": end}, where, month_dates=True)
            position_rows.append((start, end, title))
            for line in row.get("description", "").splitlines():
                bullet = _BULLET.match(line)
                if bullet:
                    text = bullet[1]
                    add_win({"title": shorten(text), "start_date": start, "end_date": end, "employer": employer,
                             "result": text}, f"{where}, Description", guessed=("scope", "end_date", "result"),
                            window=(start, month_end(end) if end else None))

    if t := tables.get("profile.csv"):
        if len(t.rows) > 1:
            bundle.notes.append(f"{t.name} has {len(t.rows)} rows; only the first is used")
        if t.rows:
            n, row = t.rows[0]
            full = _full_name(row, "First Name", "Last Name")
            headline = row.get("headline", "")
            data = {"name": full, "headline": headline}
            guessed = {"current_title"}
            if position_rows:
                latest = max(position_rows, key=lambda p: (p[1] is None, p[1] or p[0], p[0]))
                data["current_title"] = latest[2]
            elif headline:
                data["current_title"] = shorten(headline.split("|")[0].split(" at ")[0], 200)
            if not full:
                raise InputError(f"{t.name} row {n}, First Name: empty")
            if "current_title" in data:
                bundle.add("profile", m.Profile, data, f"{t.name} row {n}", guessed=guessed)
            else:
                bundle.notes.append(f"{t.name}: no current position or headline to take your title from; "
                                    "profile not imported")

    if t := tables.get("skills.csv"):
        for n, row in t.rows:
            if row["name"]:
                add_skill(row["name"], f"{t.name} row {n}")

    if t := tables.get("endorsement_received_info.csv"):
        not_accepted = 0
        for n, row in t.rows:
            where = f"{t.name} row {n}"
            status = row.get("endorsement status", "")
            if status and status.upper() != "ACCEPTED":
                not_accepted += 1
                continue
            skill = row["skill name"]
            if not skill:
                raise InputError(f"{where}, Skill Name: empty")
            _date(t, n, row, "Endorsement Date")  # refuse a malformed date even though only the name is kept
            add_skill(skill, where)
            endorsements[name_key(skill)] = endorsements.get(name_key(skill), 0) + 1
            who = _full_name(row, "Endorser First Name", "Endorser Last Name")
            if who:
                p = person(who, where)
                p.vouched = True
                p.raise_advocacy("aware")
                p.cadence = min(p.cadence, 180)
                note = f"Endorsed you on LinkedIn for {skill}"
                if note not in p.notes:
                    p.notes.append(note)
        if not_accepted:
            bundle.notes.append(f"{t.name}: {not_accepted} endorsement(s) not accepted on LinkedIn were left out")

    if t := tables.get("recommendations_received.csv"):
        for n, row in t.rows:
            where = f"{t.name} row {n}"
            who = _full_name(row, "First Name", "Last Name")
            if not who:
                raise InputError(f"{where}, First Name: empty")
            when = _date(t, n, row, "Creation Date")
            p = person(who, where)
            p.vouched = True
            p.raise_advocacy("advocate")
            p.cadence = min(p.cadence, 90)
            p.company = p.company or row.get("company", "")
            p.title = p.title or row.get("job title", "")
            text = row["text"]
            p.notes.append(f"Recommended you on LinkedIn{f' ({when})' if when else ''}: “{shorten(text, 2000)}”")

    if t := tables.get("connections.csv"):
        for n, row in t.rows:
            where = f"{t.name} row {n}"
            who = _full_name(row, "First Name", "Last Name")
            if not who:
                continue  # LinkedIn leaves names blank for members who hid them
            since = _date(t, n, row, "Connected On")
            p = person(who, where)
            # Connections are the most current record of someone's company and position.
            p.company = row["company"] or p.company
            p.title = row["position"] or p.title
            p.notes.insert(0, f"LinkedIn connection since {since}." if since else "LinkedIn connection.")
            if row.get("url"):
                p.notes.insert(1, row["url"])

    for key, (skill_name, where) in skills.items():
        count = endorsements.get(key, 0)
        bundle.add("skill", m.Skill, {"name": skill_name, "kind": guess_skill_kind(skill_name),
                                      "notes": f"{count} endorsement{'s' if count != 1 else ''} on LinkedIn" if count else ""},
                   where, guessed={"kind", "notes"})

    only_update = 0
    for p in people.values():
        made = bundle.add(
            "contact", m.Contact,
            {"name": p.name, "relationship": "peer", "company": shorten(p.company), "title": shorten(p.title),
             "advocacy_stage": p.advocacy, "cadence_days": p.cadence, "notes": "\n".join(p.notes)[:10_000]},
            p.where, guessed={"relationship", "advocacy_stage", "cadence_days", "notes"})
        if not (p.vouched or all_connections):
            bundle.items[-1] = replace(made, add_if_new=False)
            only_update += 1
    if only_update:
        bundle.notes.append(
            f"{only_update} connection(s) who have not recommended or endorsed you only update contacts you "
            "already have; choose “every connection” (--all-connections) to add them all as contacts")

    if t := tables.get("certifications.csv"):
        for n, row in t.rows:
            where = f"{t.name} row {n}"
            start = _date(t, n, row, "Started On", required=True)
            if not row["name"]:
                raise InputError(f"{where}, Name: empty")
            authority, url = row.get("authority", ""), row.get("url", "")
            add_win({"title": shorten(certificate_title(row["name"])), "start_date": start, "scope": "external",
                     "situation": f"Issued by {authority}" if authority else "", "links": [url] if url else []},
                    where)

    if t := tables.get("projects.csv"):
        for n, row in t.rows:
            where = f"{t.name} row {n}"
            start = _date(t, n, row, "Started On", required=True)
            if not row["title"]:
                raise InputError(f"{where}, Title: empty")
            url = row.get("url", "")
            add_win({"title": shorten(row["title"]), "start_date": start, "end_date": _date(t, n, row, "Finished On"),
                     "result": row.get("description", ""), "links": [url] if url else []}, where)

    if t := tables.get("honors.csv"):
        for n, row in t.rows:
            where = f"{t.name} row {n}"
            start = _date(t, n, row, "Issued On", required=True)
            if not row["title"]:
                raise InputError(f"{where}, Title: empty")
            add_win({"title": shorten(row["title"]), "start_date": start, "result": row.get("description", "")},
                    where)

    if t := tables.get("publications.csv"):
        seen = set()
        for n, row in t.rows:
            where = f"{t.name} row {n}"
            when = _date(t, n, row, "Published On", required=True)
            if not row["name"]:
                raise InputError(f"{where}, Name: empty")
            if (name_key(row["name"]), when) in seen:
                continue
            seen.add((name_key(row["name"]), when))
            bundle.add("visibility", m.VisibilityItem,
                       {"title": shorten(row["name"]), "kind": "post", "venue": row.get("publisher", ""),
                        "date": when, "is_external": True, "url": row.get("url", "")},
                       where, guessed={"kind", "is_external"})
    return bundle

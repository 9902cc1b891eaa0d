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

import io
import os
import zipfile
from pathlib import Path, PurePosixPath

from careerdata.core.errors import InputError
from careerdata.import_export.common import (
    Bundle,
    CsvTable,
    decode_text,
    read_csv,
    require_columns,
)
from careerdata.import_export.linkedin import (
    certifications,
    connections,
    endorsements,
    honors,
    positions,
    profile,
    projects,
    publications,
    recommendations,
    skills,
)
from careerdata.import_export.linkedin.found import Found

# Caps for what an export may hold, checked while reading (never from the sizes a zip claims):
# a real Basic export is a few MB; Connections.csv of 30,000 people is about 4 MB.
MAX_MEMBERS = 5_000  # entries in the zip or files in the folder
MAX_MEMBER_BYTES = 16 * 2**20  # one file this app reads, as unzipped
MAX_TOTAL_BYTES = 48 * 2**20  # every file this app reads, together
MAX_RATIO = 200  # unzipped / zipped size of one member; CSV text is 3-20x, a block of zeros 1000x
RATIO_FROM = 2**20  # the ratio is judged once a member has produced this much
CHUNK = 16 * 1024  # small reads keep the compressed bytes consumed close to what was inflated

# One parser per file of the export, in the order they are read (positions before the profile, which
# takes its title from the latest one; people and skills are added once every file that names them is read).
PARSERS = (positions, profile, skills, endorsements, recommendations, connections, certifications, projects, honors,
           publications)
# lower-case file name -> (required columns, optional columns)
FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {p.FILE.casefold(): (p.REQUIRED, p.OPTIONAL) for p in PARSERS}
FILE_NAMES = {p.FILE.casefold(): p.FILE for p in PARSERS}


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


def read_tables(files: dict[str, bytes], source: str, bundle: Bundle) -> dict[str, CsvTable]:
    """The export's files this app reads, by lower-case name, with their required columns checked; files
    it does not use are listed in the bundle's notes, an empty one is noted and skipped."""
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
    return tables


def read_linkedin_files(files: dict[str, bytes], source: str, *, all_connections: bool = False) -> Bundle:
    """Parse the export's files ({path inside the export: bytes}) into a Bundle (nothing is written)."""
    bundle = Bundle(source=source, format="linkedin")
    tables = read_tables(files, source, bundle)
    found = Found(bundle, all_connections=all_connections)
    for parser in PARSERS:
        if parser is certifications:  # people and skills first, once every file that names them is read
            found.add_skills_and_contacts()
        if t := tables.get(parser.FILE.casefold()):
            parser.parse(t, found)
    return bundle

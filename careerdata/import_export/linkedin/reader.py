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

MAX_MEMBERS = 5_000
MAX_UNZIPPED_BYTES = 500 * 1024 * 1024

# One parser per file of the export, in the order they are read (positions before the profile, which
# takes its title from the latest one; people and skills are added once every file that names them is read).
PARSERS = (positions, profile, skills, endorsements, recommendations, connections, certifications, projects, honors,
           publications)
# lower-case file name -> (required columns, optional columns)
FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {p.FILE.casefold(): (p.REQUIRED, p.OPTIONAL) for p in PARSERS}
FILE_NAMES = {p.FILE.casefold(): p.FILE for p in PARSERS}


# --- getting the files ----------------------------------------------------------------------

def files_from_zip(raw: bytes, name: str) -> dict[str, bytes]:
    """{member path: bytes} of a LinkedIn export zip, refusing damaged or unsafe archives."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError):
        raise InputError(f"{name}: not a zip file, or the download was cut off (a LinkedIn export is a .zip)") from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > MAX_MEMBERS:
            raise InputError(f"{name}: {len(infos):,} files inside; a LinkedIn export has far fewer")
        if sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES:
            raise InputError(f"{name}: unzips to more than {MAX_UNZIPPED_BYTES // 2**20} MB; refusing it")
        out = {}
        for info in infos:
            member = info.filename
            parts = PurePosixPath(member.replace("\\", "/")).parts
            if member.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
                raise InputError(f"{name}: member {member!r} has an unsafe path; this is not a LinkedIn export")
            if PurePosixPath(member).name.casefold() not in FILES:
                out[member] = b""  # listed as ignored, never read
                continue
            try:
                out[member] = zf.read(info)
            except (zipfile.BadZipFile, OSError, EOFError) as err:
                raise InputError(f"{name}: {member} is damaged inside the zip ({err})") from None
            except Exception as err:  # zlib.error and friends on a corrupted member
                raise InputError(f"{name}: {member} cannot be unzipped ({err})") from None
    return out


def files_from_path(path: Path) -> tuple[dict[str, bytes], str]:
    """Files of an export zip or of its unzipped folder, and the name to show for it."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file())
        if len(found) > MAX_MEMBERS:
            raise InputError(f"{path}: {len(found):,} files; point at the unzipped LinkedIn export folder")
        out = {}
        for p in found:
            rel = p.relative_to(path).as_posix()
            out[rel] = p.read_bytes() if p.name.casefold() in FILES else b""
        return out, path.name
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return files_from_zip(raw, path.name), path.name


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

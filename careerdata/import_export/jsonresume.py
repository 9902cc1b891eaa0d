"""Read a JSON Resume (https://jsonresume.org/schema, v1.0.0; older files with `company`
in `work` are accepted too) into records for the career file.

Mapping:
  basics        -> profile (name; label = current title, else the latest work position; summary = headline)
  work          -> positions (name or company = employer, position = title, start/end dates);
                   each highlight -> an accomplishment dated from its work entry (full text as result);
                   it matches a win with the same title that started during that job and never
                   changes its dates or text
  skills        -> skills (name and every keyword; kinds are guessed, the level goes into the notes)
  projects      -> accomplishments (keywords become skills linked to them; url becomes a link)
  awards, certificates, volunteer -> accomplishments
  publications  -> visibility items (external posts)
  references    -> contacts (relationship "peer", advocacy "supporter": guesses you can change)
Education, languages and interests have no place in the career file and are listed as not imported.
Undated work, projects and awards cannot be placed on a timeline: they are skipped and listed.
"""

from __future__ import annotations

import datetime as dt
import json

from careerdata.core.errors import InputError
from careerdata.core.text import name_key, strip_nul
from careerdata.import_export.common import (
    MAX_UPLOAD_BYTES,
    Bundle,
    certificate_title,
    decode_text,
    guess_skill_kind,
    parse_iso_partial,
    shorten,
    unique_names,
)
from careerdata.models import career as m

_NOT_KEPT = ("education", "languages", "interests")
_KNOWN = {"$schema", "basics", "work", "volunteer", "education", "awards", "certificates", "publications", "skills",
          "languages", "interests", "references", "projects", "meta"}


class _Reader:
    """Typed access to the parsed JSON that names the path of anything of the wrong type."""

    def __init__(self, name: str):
        self.name = name

    def fail(self, path: str, message: str):
        raise InputError(f"{self.name} {path}: {message}")

    def obj(self, value, path: str) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(path, f"expected an object {{...}}, got {_kind(value)}")
        return value

    def list(self, parent: dict, key: str, path: str) -> list:
        value = parent.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(f"{path}{key}", f"expected a list [...], got {_kind(value)}")
        return value

    def text(self, parent: dict, key: str, path: str) -> str:
        value = parent.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(f"{path}{key}", f"expected text, got {_kind(value)}")
        return value.strip()

    def texts(self, parent: dict, key: str, path: str) -> list[str]:
        out = []
        for n, value in enumerate(self.list(parent, key, path)):
            if not isinstance(value, str):
                self.fail(f"{path}{key}[{n}]", f"expected text, got {_kind(value)}")
            if value.strip():
                out.append(value.strip())
        return out

    def date(self, parent: dict, key: str, path: str) -> dt.date | None:
        value = self.text(parent, key, path)
        if not value:
            return None
        try:
            return parse_iso_partial(value)
        except ValueError as err:
            self.fail(f"{path}{key}", str(err))


def _kind(value) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


MAX_JSON_DEPTH = 32  # a JSON Resume nests 4 deep; anything near Python's recursion limit is hostile
MAX_NUMBER_CHARS = 40  # digits of one number: money and levels are short


def _number(kind):
    def parse(text: str):
        if len(text) > MAX_NUMBER_CHARS:
            raise InputError(f"a number {len(text):,} characters long; numbers in a résumé are short")
        return kind(text)
    return parse


def _depth_and_nul(value, name: str, depth: int = 0):
    """The parsed document without NUL characters, refused if it nests deeper than MAX_JSON_DEPTH."""
    if depth > MAX_JSON_DEPTH:
        raise InputError(f"{name}: nested more than {MAX_JSON_DEPTH} levels deep; this is not a JSON Resume")
    if isinstance(value, str):
        return strip_nul(value)
    if isinstance(value, dict):
        return {strip_nul(k): _depth_and_nul(v, name, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_depth_and_nul(v, name, depth + 1) for v in value]
    return value


def parse_json(raw: bytes, name: str) -> dict:
    """The JSON object in `raw`: size, nesting and number length limited, NULs dropped.

    Every refusal is one InputError line (exit 2 on the command line), never a traceback.
    """
    if len(raw) > MAX_UPLOAD_BYTES:
        raise InputError(f"{name}: {len(raw) / 2**20:.1f} MB; a JSON Resume is far smaller "
                         f"(the limit is {MAX_UPLOAD_BYTES // 2**20} MB)")
    text = decode_text(raw, name)
    if not text.strip():
        raise InputError(f"{name}: the file is empty; expected a JSON Resume object")
    try:
        data = json.loads(text, parse_int=_number(int), parse_float=_number(float),
                          parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise InputError(f"{name} line {err.lineno} column {err.colno}: not valid JSON ({err.msg})") from None
    except RecursionError:
        raise InputError(f"{name}: nested more than {MAX_JSON_DEPTH} levels deep; "
                         "this is not a JSON Resume") from None
    except InputError as err:
        raise InputError(f"{name}: not a JSON Resume ({err})") from None
    if not isinstance(data, dict):
        raise InputError(f"{name}: expected a JSON Resume object {{...}} at the top, got {_kind(data)}")
    return _depth_and_nul(data, name)


def _no_constant(text: str):
    raise InputError(f"{text} is not a number JSON allows")


def read_jsonresume(raw: bytes, name: str = "resume.json") -> Bundle:
    """Parse and validate a JSON Resume file into a Bundle (nothing is written here)."""
    data = parse_json(raw, name)
    r = _Reader(name)
    bundle = Bundle(source=name, format="jsonresume")
    skills_seen: set[str] = set()
    wins_seen: dict[tuple[str, dt.date], str] = {}

    def add_skill(skill_name: str, where: str, notes: str = "") -> None:
        key = name_key(skill_name)
        if key in skills_seen:
            return
        skills_seen.add(key)
        bundle.add("skill", m.Skill, {"name": skill_name, "kind": guess_skill_kind(skill_name), "notes": notes},
                   where, guessed={"kind", "notes"})

    def add_win(data: dict, where: str, guessed=("scope",), **flags) -> None:
        key = (name_key(data["title"]), data["start_date"])
        if key in wins_seen:
            bundle.notes.append(f"{where} repeats {wins_seen[key]}; imported once")
            return
        wins_seen[key] = where
        bundle.add("accomplishment", m.Accomplishment, data, where, guessed=guessed, **flags)

    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        bundle.notes.append(f"Not imported: unknown section(s) {', '.join(unknown)}")
    for section in _NOT_KEPT:
        entries = r.list(data, section, "")
        if entries:
            bundle.notes.append(f"Not imported: {section} ({len(entries)}): the career file has no place for it")

    # --- work (positions first: the profile's fallback title comes from the latest one) ---
    positions = []
    for n, raw_w in enumerate(r.list(data, "work", "")):
        path = f"work[{n}]."
        w = r.obj(raw_w, f"work[{n}]")
        employer = r.text(w, "name", path) or r.text(w, "company", path)
        title = r.text(w, "position", path)
        start, end = r.date(w, "startDate", path), r.date(w, "endDate", path)
        label = f"work[{n}] ({title or '?'} at {employer or '?'})"
        if not employer or not title:
            bundle.notes.append(f"Skipped {label}: it needs both a name (employer) and a position")
            continue
        if start is None:
            bundle.notes.append(f"Skipped {label}: no startDate, so it cannot be placed on your timeline")
            continue
        where = f"{name} work[{n}]"
        bundle.add("position", m.Position, {"employer": employer, "title": title, "start_date": start,
                                            "end_date": end}, where)
        positions.append((start, end, title))
        for h, text in enumerate(r.texts(w, "highlights", path)):
            # A highlight has no dates of its own: it takes its job's, matches a win with the same
            # title during that job, and never moves the dates of a win you already have.
            add_win({"title": shorten(text), "start_date": start, "end_date": end, "employer": employer,
                     "result": text}, f"{name} work[{n}].highlights[{h}]", guessed=("scope", "end_date", "result"),
                    window=(start, end))

    # --- basics -> profile ---
    basics = r.obj(data.get("basics"), "basics")
    person = r.text(basics, "name", "basics.")
    label = r.text(basics, "label", "basics.")
    summary = r.text(basics, "summary", "basics.")
    if person:
        profile = {"name": person, "headline": summary}
        guessed = set()
        if label:
            profile["current_title"] = label
        elif positions:
            latest = max(positions, key=lambda p: (p[1] is None, p[1] or p[0], p[0]))
            profile["current_title"] = latest[2]
            guessed.add("current_title")
        if "current_title" in profile:
            bundle.add("profile", m.Profile, profile, f"{name} basics", guessed=guessed)
        else:
            bundle.notes.append("Profile not imported: basics.label (your current title) is missing and there is "
                                "no work entry to take it from")
    elif basics:
        bundle.notes.append("Profile not imported: basics.name is missing")

    # --- skills ---
    for n, raw_s in enumerate(r.list(data, "skills", "")):
        path = f"skills[{n}]."
        s = r.obj(raw_s, f"skills[{n}]")
        group = r.text(s, "name", path)
        level = r.text(s, "level", path)
        keywords = r.texts(s, "keywords", path)
        if group:
            add_skill(group, f"{name} skills[{n}]", f"Level on your résumé: {level}" if level else "")
        for k, kw in enumerate(keywords):
            add_skill(kw, f"{name} skills[{n}].keywords[{k}]",
                      f"From the résumé skill group “{group}”" if group else "")

    # --- projects ---
    for n, raw_p in enumerate(r.list(data, "projects", "")):
        path = f"projects[{n}]."
        p = r.obj(raw_p, f"projects[{n}]")
        title = r.text(p, "name", path)
        start, end = r.date(p, "startDate", path), r.date(p, "endDate", path)
        if not title or start is None:
            bundle.notes.append(f"Skipped projects[{n}] ({title or 'no name'}): it needs a name and a startDate")
            continue
        keywords = r.texts(p, "keywords", path)
        for k, kw in enumerate(keywords):
            add_skill(kw, f"{name} projects[{n}].keywords[{k}]")
        url = r.text(p, "url", path)
        add_win({"title": shorten(title), "start_date": start, "end_date": end,
                 "employer": r.text(p, "entity", path) or None, "result": r.text(p, "description", path),
                 "action": "\n".join(r.texts(p, "highlights", path)),
                 "skills": unique_names(keywords),
                 "links": [url] if url else []}, f"{name} projects[{n}]")

    # --- awards, certificates, volunteer ---
    for n, raw_a in enumerate(r.list(data, "awards", "")):
        path = f"awards[{n}]."
        a = r.obj(raw_a, f"awards[{n}]")
        title = r.text(a, "title", path)
        when = r.date(a, "date", path) or r.date(a, "awardDate", path)
        if not title or when is None:
            bundle.notes.append(f"Skipped awards[{n}] ({title or 'no title'}): it needs a title and a date")
            continue
        awarder = r.text(a, "awarder", path)
        add_win({"title": shorten(title), "start_date": when, "scope": "external" if awarder else "team",
                 "situation": f"Awarded by {awarder}" if awarder else "", "result": r.text(a, "summary", path)},
                f"{name} awards[{n}]", guessed=("scope", "situation"))
    for n, raw_c in enumerate(r.list(data, "certificates", "")):
        path = f"certificates[{n}]."
        c = r.obj(raw_c, f"certificates[{n}]")
        title = r.text(c, "name", path)
        when = r.date(c, "date", path)
        if not title or when is None:
            bundle.notes.append(f"Skipped certificates[{n}] ({title or 'no name'}): it needs a name and a date")
            continue
        issuer, url = r.text(c, "issuer", path), r.text(c, "url", path)
        add_win({"title": shorten(certificate_title(title)), "start_date": when, "scope": "external",
                 "situation": f"Issued by {issuer}" if issuer else "", "links": [url] if url else []},
                f"{name} certificates[{n}]", guessed=("scope", "situation"))
    for n, raw_v in enumerate(r.list(data, "volunteer", "")):
        path = f"volunteer[{n}]."
        v = r.obj(raw_v, f"volunteer[{n}]")
        org, role = r.text(v, "organization", path), r.text(v, "position", path)
        start, end = r.date(v, "startDate", path), r.date(v, "endDate", path)
        if not (org or role) or start is None:
            bundle.notes.append(f"Skipped volunteer[{n}] ({org or role or 'no name'}): it needs an organization "
                                "and a startDate")
            continue
        url = r.text(v, "url", path)
        add_win({"title": shorten(f"{role} at {org}" if role and org else (org or role)), "start_date": start,
                 "end_date": end, "scope": "external", "result": r.text(v, "summary", path),
                 "action": "\n".join(r.texts(v, "highlights", path)), "links": [url] if url else []},
                f"{name} volunteer[{n}]")

    # --- publications -> visibility ---
    seen_pubs: set[tuple[str, dt.date]] = set()
    for n, raw_p in enumerate(r.list(data, "publications", "")):
        path = f"publications[{n}]."
        p = r.obj(raw_p, f"publications[{n}]")
        title = r.text(p, "name", path)
        when = r.date(p, "releaseDate", path)
        if not title or when is None:
            bundle.notes.append(f"Skipped publications[{n}] ({title or 'no name'}): it needs a name and a "
                                "releaseDate")
            continue
        if (name_key(title), when) in seen_pubs:
            continue
        seen_pubs.add((name_key(title), when))
        bundle.add("visibility", m.VisibilityItem,
                   {"title": shorten(title), "kind": "post", "venue": r.text(p, "publisher", path), "date": when,
                    "is_external": True, "url": r.text(p, "url", path)},
                   f"{name} publications[{n}]", guessed={"kind", "is_external"})

    # --- references -> contacts ---
    seen_people: set[str] = set()
    for n, raw_ref in enumerate(r.list(data, "references", "")):
        path = f"references[{n}]."
        ref = r.obj(raw_ref, f"references[{n}]")
        person_name = r.text(ref, "name", path)
        if not person_name:
            bundle.notes.append(f"Skipped references[{n}]: no name")
            continue
        if name_key(person_name) in seen_people:
            continue
        seen_people.add(name_key(person_name))
        text = r.text(ref, "reference", path)
        bundle.add("contact", m.Contact,
                   {"name": person_name, "relationship": "peer", "advocacy_stage": "supporter",
                    "notes": f"Reference on your résumé: “{text}”" if text else ""},
                   f"{name} references[{n}]", guessed={"relationship", "advocacy_stage", "notes"})
    return bundle

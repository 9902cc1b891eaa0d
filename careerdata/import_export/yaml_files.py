"""Read career files and ladders written in YAML (the demo persona's and a user's format).

A career can be one YAML file or a folder of them whose top-level keys are merged (the demo
splits profile, accomplishments, network and plans). Errors name the file and the field.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from careerdata.core.errors import InputError
from careerdata.models.career import CareerFile, Ladder, describe_validation_error

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"
DEMO_DIR = SAMPLE_DATA / "demo"
DEFAULT_LADDER = SAMPLE_DATA / "ladders" / "engineering.yaml"


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise InputError(f"{path.name}{where}: not valid YAML ({getattr(err, 'problem', err)})") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read ({err})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path.name}: expected a mapping of sections at the top level")
    return data


def read_career(path: Path | str) -> CareerFile:
    """Validate a career YAML file, or a folder of them, into a CareerFile."""
    path = Path(path)
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    if not files:
        raise InputError(f"{path}: no .yaml files found")
    merged: dict = {}
    origin: dict[str, str] = {}
    for file in files:
        for key, value in _read_yaml(file).items():
            if key in merged:
                raise InputError(f"{file.name}: section {key!r} is also in {origin[key]}")
            merged[key] = value
            origin[key] = file.name
    try:
        return CareerFile.model_validate(merged)
    except ValidationError as err:
        first = err.errors()[0]["loc"]
        where = origin.get(str(first[0]), files[0].name) if first else files[0].name
        raise InputError(describe_validation_error(err, where=f"{where}: ")) from None


def read_ladder(path: Path | str = DEFAULT_LADDER) -> Ladder:
    path = Path(path)
    try:
        return Ladder.model_validate(_read_yaml(path))
    except ValidationError as err:
        raise InputError(describe_validation_error(err, where=f"{path.name}: ")) from None

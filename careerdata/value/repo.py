"""Writes for the value-proposition page: saved pitch versions (append-only)."""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.models.value import PitchVersion
from careerdata.store.db import transaction


def save_pitch(con, pitch: PitchVersion) -> int:
    """Save `pitch` as the next version for its target and kind; returns the version number."""
    with transaction(con) as cur:
        if pitch.target_role_id is not None and not cur.execute(
                "SELECT count(*) FROM target_role WHERE id = ?", [pitch.target_role_id]).fetchone()[0]:
            raise InputError(f"target_role: no target role with id {pitch.target_role_id}")
        if pitch.target_key.startswith("onet:") and not cur.execute(
                "SELECT count(*) FROM market_occupation WHERE onet_soc_code = ?",
                [pitch.target_key.removeprefix("onet:")]).fetchone()[0]:
            raise InputError(f"target: {pitch.target_key.removeprefix('onet:')} is not an O*NET occupation "
                             "in the loaded market data")
        version = cur.execute("SELECT coalesce(max(version), 0) + 1 FROM pitch WHERE target_key = ? AND kind = ?",
                              [pitch.target_key, pitch.kind]).fetchone()[0]
        cur.execute(
            "INSERT INTO pitch (target_key, target_role_id, target_label, kind, version, text) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [pitch.target_key, pitch.target_role_id, pitch.target_label, pitch.kind, version, pitch.text])
        return int(version)

"""Writes for target roles: create, replace, delete, and learning-plan effort estimates."""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.core.text import name_key
from careerdata.journal.repo import insert_target_role
from careerdata.models import career as m
from careerdata.store.db import transaction


def _require_role(cur, role_id: int) -> None:
    if not cur.execute("SELECT count(*) FROM target_role WHERE id = ?", [role_id]).fetchone()[0]:
        raise InputError(f"target role {role_id} does not exist (was it deleted?)")


def update_target_role(con, role_id: int, role: m.TargetRole) -> None:
    """Replace a target role with its requirements and pay points, keeping its id and effort estimates."""
    with transaction(con) as cur:
        _require_role(cur, role_id)
        clash = cur.execute("SELECT count(*) FROM target_role WHERE name_key = ? AND id <> ?",
                            [name_key(role.name), role_id]).fetchone()[0]
        if clash:
            raise InputError(f"name: another target role is already called {role.name!r}")
        cur.execute("""UPDATE target_role SET name = ?, name_key = ?, level = ?, company = ?, onet_soc_code = ?,
                           pay_min = ?, pay_max = ?, notes = ? WHERE id = ?""",
                    [role.name, name_key(role.name), role.level, role.company, role.onet_soc_code, role.pay_min,
                     role.pay_max, role.notes, role_id])
        cur.execute("DELETE FROM target_role_skill WHERE target_role_id = ?", [role_id])
        cur.execute("DELETE FROM target_role_pay_point WHERE target_role_id = ?", [role_id])
        seen = set()
        for n, s in enumerate(role.skills):
            if name_key(s.skill) in seen:
                raise InputError(f"skills[{n}].skill: {s.skill!r} is listed twice")
            seen.add(name_key(s.skill))
            cur.execute("INSERT INTO target_role_skill VALUES (?, ?, ?, ?, ?)",
                        [role_id, s.skill, s.importance, s.required_level, s.must_have])
        for p in role.pay_points:
            cur.execute("INSERT INTO target_role_pay_point (target_role_id, amount, kind, as_of, note) "
                        "VALUES (?, ?, ?, ?, ?)", [role_id, p.amount, p.kind, p.as_of, p.note])


def create_target_role(con, role: m.TargetRole) -> int:
    with transaction(con) as cur:
        return insert_target_role(cur, role)


def delete_target_role(con, role_id: int) -> None:
    """Delete a role, its requirements, pay points and estimates; opportunities and saved pitches keep
    their record (pitches keep the role's name as it was when saved)."""
    with transaction(con) as cur:
        _require_role(cur, role_id)
        for table in ("target_role_skill", "target_role_pay_point", "target_role_gap_effort"):
            cur.execute(f"DELETE FROM {table} WHERE target_role_id = ?", [role_id])
        cur.execute("UPDATE opportunity SET target_role_id = NULL WHERE target_role_id = ?", [role_id])
        cur.execute("UPDATE pitch SET target_role_id = NULL WHERE target_role_id = ?", [role_id])
        cur.execute("DELETE FROM target_role WHERE id = ?", [role_id])


def set_gap_effort(con, role_id: int, skill: str, weeks: float) -> None:
    if not 0 < weeks <= 520:
        raise InputError("effort_weeks: must be more than 0 and at most 520 weeks")
    with transaction(con) as cur:
        _require_role(cur, role_id)
        cur.execute("INSERT OR REPLACE INTO target_role_gap_effort VALUES (?, ?, ?)", [role_id, skill, weeks])

"""Writes for the skill-value model: your own value estimates and skill-to-O*NET links."""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.journal.repo import id_by_name
from careerdata.models import career as m
from careerdata.store.db import transaction


def set_value_estimate(con, estimate: m.SkillValueEstimate) -> None:
    with transaction(con) as cur:
        skill_id = id_by_name(cur, "skill", estimate.skill, "skill")
        cur.execute("INSERT OR REPLACE INTO skill_value_estimate VALUES (?, ?, ?, ?)",
                    [skill_id, estimate.value, estimate.note, estimate.as_of])


def clear_value_estimate(con, skill: str) -> None:
    with transaction(con) as cur:
        skill_id = id_by_name(cur, "skill", skill, "skill")
        cur.execute("DELETE FROM skill_value_estimate WHERE skill_id = ?", [skill_id])


def add_skill_link(con, link: m.SkillLink) -> None:
    """Link a skill to an O*NET element or technology that exists in the loaded market data."""
    with transaction(con) as cur:
        skill_id = id_by_name(cur, "skill", link.skill, "skill")
        if link.element_id and not cur.execute(
                "SELECT count(*) FROM market_skill_definition WHERE element_id = ?", [link.element_id]).fetchone()[0]:
            raise InputError(f"element_id: {link.element_id!r} is not an O*NET skill or knowledge element")
        technology = link.technology
        if technology:
            row = cur.execute("SELECT technology FROM market_technology WHERE lower(technology) = lower(?) LIMIT 1",
                              [technology]).fetchone()
            if row is None:
                raise InputError(f"technology: {technology!r} is not an O*NET technology example")
            technology = row[0]
        cur.execute("INSERT INTO skill_map_user VALUES (?, ?, ?, ?)", [skill_id, link.element_id, technology,
                                                                        link.note])

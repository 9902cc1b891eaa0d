"""Pydantic models: the one place that says what valid career data is.

Every write (a form, an import, the CLI, the demo loader) builds one of these first, so a
bad value is caught with the field's name before anything touches the database. Models
refer to other records by *name* (a skill name, a contact name), which is how people write
their data; the repository resolves names to ids inside the write transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from careerdata.core import vocab
from careerdata.core.urls import normalise_url, unique_urls
from careerdata.models.offers import Offer

SkillKind = Literal[vocab.SKILL_KINDS]
Scope = Literal[vocab.SCOPES]
ImpactCategory = Literal[vocab.IMPACT_CATEGORIES]
Confidence = Literal[vocab.CONFIDENCES]
Relationship = Literal[vocab.RELATIONSHIPS]
AdvocacyStage = Literal[vocab.ADVOCACY_STAGES]
Channel = Literal[vocab.INTERACTION_CHANNELS]
VisibilityKind = Literal[vocab.VISIBILITY_KINDS]
OpportunityKind = Literal[vocab.OPPORTUNITY_KINDS]
OpportunityStage = Literal[vocab.OPPORTUNITY_STAGES]
ConversationKind = Literal[vocab.CONVERSATION_KINDS]
ConversationStatus = Literal[vocab.CONVERSATION_STATUSES]
Track = Literal[vocab.LADDER_TRACKS]
PayPointKind = Literal[vocab.PAY_POINT_KINDS]
CompetencyGroup = Literal[vocab.COMPETENCY_GROUPS]

Name = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(max_length=10_000)]
Level1to5 = Annotated[int, Field(ge=1, le=5)]
Money = Annotated[float, Field(ge=0, le=1e10)]

ONET_SOC_PATTERN = re.compile(r"^\d{2}-\d{4}\.\d{2}$")

# Default keep-in-touch cadence (ideal days between touches) per relationship tier.
DEFAULT_CADENCE_DAYS = {
    "manager": 14,
    "skip": 30,
    "senior_leader": 30,
    "mentor": 45,
    "peer": 60,
    "report": 14,
    "stakeholder": 60,
    "recruiter": 90,
}


class Model(BaseModel):
    """Base: strip whitespace, refuse unknown fields (a typo in a YAML key is an error)."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


def _blank_to_none(value):
    if isinstance(value, str) and not value.strip():
        return None
    return value


class Profile(Model):
    name: Name
    headline: LongText = ""
    current_title: Name
    current_level: str = Field(default="", max_length=20, description="ladder level code, e.g. L5")
    current_pay: Money | None = None
    review_cycle_start: dt.date | None = None
    review_cycle_end: dt.date | None = None

    _blank = field_validator("current_pay", "review_cycle_start", "review_cycle_end", mode="before")(
        _blank_to_none
    )

    @model_validator(mode="after")
    def _cycle_order(self):
        if self.review_cycle_start and self.review_cycle_end and self.review_cycle_end < self.review_cycle_start:
            raise ValueError("review_cycle_end must be on or after review_cycle_start")
        return self


class Position(Model):
    employer: Name
    title: Name
    level: str = Field(default="", max_length=20)
    start_date: dt.date
    end_date: dt.date | None = None

    _blank = field_validator("end_date", mode="before")(_blank_to_none)

    @model_validator(mode="after")
    def _order(self):
        if self.end_date and self.end_date < self.start_date:
            raise ValueError("end date must be on or after the start date")
        return self


class Skill(Model):
    name: Name
    kind: SkillKind
    taxonomy_id: str | None = Field(default=None, max_length=100, description="O*NET element id or technology name")
    notes: LongText = ""


class SkillAssessment(Model):
    skill: Name
    as_of: dt.date
    self_level: Level1to5
    note: LongText = ""


class ImpactMetric(Model):
    category: ImpactCategory
    description: Annotated[str, Field(min_length=1, max_length=500)]
    baseline: float | None = None
    new_value: float | None = None
    unit: str = Field(default="", max_length=40)
    # not `Money`: a negative value gets its own message below instead of a bare "must be >= 0"
    money_usd: Annotated[float, Field(le=1e10)] | None = Field(default=None,
                                                              description="annualised money value of the change")
    hours: Annotated[float, Field(le=1e8)] | None = Field(default=None, description="hours saved per year")
    confidence: Confidence = "estimated"
    verified_by: str | None = Field(default=None, max_length=200, description="contact name")

    _blank = field_validator("baseline", "new_value", "money_usd", "hours", "verified_by", mode="before")(
        _blank_to_none
    )

    @field_validator("money_usd", "hours", mode="after")
    @classmethod
    def _not_a_loss(cls, value: float | None, info) -> float | None:
        if value is not None and value < 0:
            what = "money" if info.field_name == "money_usd" else "hours saved"
            raise ValueError(f"{what} cannot be negative ({value:g}): enter what the change was worth, 0 or more "
                             "(a cost you cut is a positive saving); a loss is not recorded as impact")
        return value

    @model_validator(mode="after")
    def _verified_needs_verifier(self):
        if self.confidence == "verified" and not self.verified_by:
            raise ValueError("a verified metric needs verified_by: the contact who confirmed it")
        return self


class Accomplishment(Model):
    title: Annotated[str, Field(min_length=3, max_length=200)]
    start_date: dt.date
    end_date: dt.date | None = None
    employer: str | None = Field(default=None, max_length=200)
    scope: Scope = "team"
    situation: LongText = ""
    task: LongText = ""
    action: LongText = ""
    result: LongText = ""
    skills: list[Name] = Field(default_factory=list)
    competencies: list[Name] = Field(default_factory=list, description="ladder competency keys")
    links: list[Annotated[str, Field(min_length=1, max_length=500)]] = Field(default_factory=list)
    metrics: list[ImpactMetric] = Field(default_factory=list)

    _blank = field_validator("end_date", "employer", mode="before")(_blank_to_none)

    @field_validator("links", mode="after")
    @classmethod
    def _links(cls, value: list[str]) -> list[str]:
        return unique_urls(value)  # `github.com/x` -> `https://github.com/x`, twins merged

    @model_validator(mode="after")
    def _order(self):
        if self.end_date and self.end_date < self.start_date:
            raise ValueError("end date must be on or after the start date")
        if len({s.casefold() for s in self.skills}) != len(self.skills):
            raise ValueError("skills lists the same skill twice")
        return self


class Contact(Model):
    name: Name
    relationship: Relationship
    company: str = Field(default="", max_length=200)
    title: str = Field(default="", max_length=200)
    influence: Level1to5 = 3
    advocacy_stage: AdvocacyStage = "unknown"
    cadence_days: Annotated[int, Field(ge=1, le=730)] | None = None
    notes: LongText = ""

    @model_validator(mode="before")
    @classmethod
    def _renamed_relationship(cls, data):
        """An older file's relationship "sponsor" (vocab.RENAMED_RELATIONSHIPS): the person is a senior
        leader and, as the user said, their sponsor, which is now the advocacy stage only."""
        if isinstance(data, dict) and isinstance(data.get("relationship"), str):
            renamed = vocab.RENAMED_RELATIONSHIPS.get(data["relationship"].strip())
            if renamed:
                data = {**data, "relationship": renamed[0], "advocacy_stage": renamed[1]}
        return data

    @model_validator(mode="after")
    def _default_cadence(self):
        if self.cadence_days is None:
            self.cadence_days = DEFAULT_CADENCE_DAYS[self.relationship]
        return self


class Interaction(Model):
    contact: Name
    date: dt.date
    channel: Channel = "1:1"
    notes: LongText = ""
    follow_up_due: dt.date | None = None
    accomplishments: list[Name] = Field(default_factory=list, description="titles of wins discussed")

    _blank = field_validator("follow_up_due", mode="before")(_blank_to_none)


class VisibilityItem(Model):
    title: Annotated[str, Field(min_length=3, max_length=200)]
    kind: VisibilityKind
    venue: str = Field(default="", max_length=200)
    date: dt.date
    audience: str = Field(default="", max_length=200)
    reach: Annotated[int, Field(ge=0, le=100_000_000)] = 0
    is_external: bool = False
    url: str = Field(default="", max_length=500)

    @field_validator("url", mode="after")
    @classmethod
    def _url(cls, value: str) -> str:
        return normalise_url(value)


class TargetRoleSkill(Model):
    skill: Name
    importance: Level1to5 = 3
    required_level: Level1to5 = 3
    must_have: bool = False


class PayPoint(Model):
    amount: Money
    kind: PayPointKind = "other"
    as_of: dt.date
    note: str = Field(default="", max_length=500)


class TargetRole(Model):
    name: Name
    level: str = Field(default="", max_length=20)
    company: str = Field(default="", max_length=200)
    onet_soc_code: str | None = None
    pay_min: Money | None = None
    pay_max: Money | None = None
    notes: LongText = ""
    skills: list[TargetRoleSkill] = Field(default_factory=list)
    pay_points: list[PayPoint] = Field(default_factory=list)

    _blank = field_validator("onet_soc_code", "pay_min", "pay_max", mode="before")(_blank_to_none)

    @field_validator("onet_soc_code")
    @classmethod
    def _soc(cls, value):
        if value is not None and not ONET_SOC_PATTERN.match(value):
            raise ValueError("must be an O*NET-SOC code like 15-1252.00")
        return value

    @model_validator(mode="after")
    def _pay_order(self):
        if self.pay_min is not None and self.pay_max is not None and self.pay_max < self.pay_min:
            raise ValueError("pay_max must be at least pay_min")
        return self


class StageChange(Model):
    stage: OpportunityStage
    entered_on: dt.date


class Opportunity(Model):
    title: Annotated[str, Field(min_length=3, max_length=200)]
    kind: OpportunityKind
    company: str = Field(default="", max_length=200)
    target_role: str | None = Field(default=None, max_length=200)
    stage: OpportunityStage = "lead"
    opened_on: dt.date
    next_step: str = Field(default="", max_length=500)
    follow_up_due: dt.date | None = None
    contacts: list[Name] = Field(default_factory=list)
    notes: LongText = ""
    history: list[StageChange] = Field(default_factory=list, description="earlier stages, oldest first")

    _blank = field_validator("follow_up_due", "target_role", mode="before")(_blank_to_none)


class Objection(Model):
    objection: Annotated[str, Field(min_length=3, max_length=500)]
    answer: LongText = ""


class Rehearsal(Model):
    date: dt.date
    confidence_before: Level1to5
    confidence_after: Level1to5
    notes: LongText = ""


class Conversation(Model):
    title: Annotated[str, Field(min_length=3, max_length=200)]
    kind: ConversationKind
    counterpart: str | None = Field(default=None, max_length=200, description="contact name")
    planned_for: dt.date | None = None
    goal: LongText = ""
    talking_points: LongText = ""
    anchor: Money | None = None
    target: Money | None = None
    walk_away: Money | None = None
    status: ConversationStatus = "planned"
    outcome: LongText = ""
    objections: list[Objection] = Field(default_factory=list)
    rehearsals: list[Rehearsal] = Field(default_factory=list)

    _blank = field_validator("counterpart", "planned_for", "anchor", "target", "walk_away", mode="before")(
        _blank_to_none
    )

    @model_validator(mode="after")
    def _numbers_order(self):
        a, t, w = self.anchor, self.target, self.walk_away
        if a is not None and t is not None and a < t:
            raise ValueError("anchor must be at least the target (open high)")
        if t is not None and w is not None and t < w:
            raise ValueError("target must be at least the walk-away number")
        return self


class LadderLevel(Model):
    code: Annotated[str, Field(min_length=1, max_length=20)]
    track: Track
    rank: Annotated[int, Field(ge=1, le=20)]
    title: Name
    summary: LongText = ""


class Competency(Model):
    key: Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")]
    name: Name
    group: CompetencyGroup
    description: LongText = ""


class Expectation(Model):
    level: str
    competency: str
    target: Level1to5 = Field(description="proficiency expected at this level, 1-5")
    text: LongText


class Ladder(Model):
    """A career ladder: levels, competencies and what each level is expected to show."""

    name: Name
    source: str = Field(default="", max_length=500)
    levels: list[LadderLevel]
    competencies: list[Competency]
    expectations: list[Expectation]

    @model_validator(mode="after")
    def _references(self):
        codes = [lvl.code for lvl in self.levels]
        keys = [c.key for c in self.competencies]
        if len(set(codes)) != len(codes):
            raise ValueError("levels: two levels share a code")
        if len(set(keys)) != len(keys):
            raise ValueError("competencies: two competencies share a key")
        seen = set()
        for i, exp in enumerate(self.expectations):
            if exp.level not in codes:
                raise ValueError(f"expectations[{i}].level: unknown level {exp.level!r}")
            if exp.competency not in keys:
                raise ValueError(f"expectations[{i}].competency: unknown competency {exp.competency!r}")
            if (exp.level, exp.competency) in seen:
                raise ValueError(f"expectations[{i}]: {exp.level}/{exp.competency} is listed twice")
            seen.add((exp.level, exp.competency))
        return self


class CareerFile(Model):
    """A whole career in one document: the demo persona's format, and a user's own."""

    profile: Profile
    positions: list[Position] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    assessments: list[SkillAssessment] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    accomplishments: list[Accomplishment] = Field(default_factory=list)
    interactions: list[Interaction] = Field(default_factory=list)
    visibility: list[VisibilityItem] = Field(default_factory=list)
    target_roles: list[TargetRole] = Field(default_factory=list)
    opportunities: list[Opportunity] = Field(default_factory=list)
    conversations: list[Conversation] = Field(default_factory=list)
    offers: list[Offer] = Field(default_factory=list, description="offers (each of an opportunity at the offer "
                                                                   "stage) and your current job's package")


def describe_validation_error(err: ValidationError, where: str = "") -> str:
    """One readable line per problem: 'accomplishments[3].metrics[0].unit: ...'."""
    lines = []
    for item in err.errors():
        parts = []
        for part in item["loc"]:
            if isinstance(part, int):
                parts.append(f"[{part}]")
            else:
                name = str(part)
                shown = name if name.isidentifier() else repr(name)  # a stray key may hold a newline
                parts.append(("." if parts else "") + shown)
        field = "".join(parts)
        message = item["msg"].removeprefix("Value error, ")
        lines.append(f"{where}{field}: {message}" if field else f"{where}{message}")
    return "\n".join(lines)


class SkillValueEstimate(Model):
    """Your own estimate of a skill's market value index, shown as 'your estimate'."""

    skill: Name
    value: Annotated[float, Field(ge=0, le=300)]
    note: str = Field(default="", max_length=500)
    as_of: dt.date


class SkillLink(Model):
    """A link from one of your skills to an O*NET element (e.g. 2.B.1.d) or technology name."""

    skill: Name
    element_id: str | None = Field(default=None, pattern=r"^2\.[A-C](\.[0-9a-z]+)*$")
    technology: str | None = Field(default=None, max_length=200)
    note: str = Field(default="", max_length=500)

    _blank = field_validator("element_id", "technology", mode="before")(_blank_to_none)

    @model_validator(mode="after")
    def _one_target(self):
        if bool(self.element_id) == bool(self.technology):
            raise ValueError("give either an O*NET element id or a technology name")
        return self

"""What a valid offer is: money exact (Decimal), a vesting schedule that parses, one currency.

An offer belongs to an opportunity at the offer stage (named by its title) or is the user's
current job (what they would compare against and leave behind). Money is `Decimal` with at
most two decimals (cents); per-share prices may carry four. Every amount is in the offer's own
`currency`; nothing here converts currencies, and nothing downstream adds two currencies.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from careerdata.core import vocab

EquityKind = Literal[vocab.EQUITY_KINDS]

MAX_MONEY = Decimal("1000000000")  # a billion in any currency: more is a typo
Money = Annotated[Decimal, Field(ge=0, le=MAX_MONEY, max_digits=14, decimal_places=2)]
SharePrice = Annotated[Decimal, Field(ge=0, le=Decimal("10000000"), max_digits=14, decimal_places=4)]
ShareCount = Annotated[Decimal, Field(ge=0, le=Decimal("1000000000"), max_digits=16, decimal_places=4)]
CURRENCY_PATTERN = re.compile(r"^[A-Z]{3}$")
MAX_YEARS = 10
MONTHLY = re.compile(r"^monthly(?:\s+after\s+(?:the\s+)?cliff)?(?:\s+over\s+(\d{1,2})\s+years?)?$")


@dataclass(frozen=True)
class Vesting:
    """A parsed vesting schedule: the percent of the grant that vests in each year, and the cliff.

    Within a year the year's percent accrues evenly month by month; nothing vests before
    `cliff_months`, and at the cliff everything accrued so far vests at once (so a 12-month
    cliff on 25/25/25/25 vests 25% at month 12, then 25/12% a month).
    """

    year_percents: tuple[Decimal, ...]
    cliff_months: int
    text: str

    @property
    def months(self) -> int:
        return 12 * len(self.year_percents)

    def vested_percent(self, month: int) -> Decimal:
        """Percent of the grant vested after `month` whole months (0 before the cliff, 100 at the end).

        vested(m) = 0 if m < cliff, else sum(p_1..p_k) + p_(k+1) * r / 12 where m = 12k + r.
        """
        if month <= 0 or month < self.cliff_months:
            return Decimal(0)
        if month >= self.months:
            return Decimal(100)
        k, r = divmod(month, 12)
        return sum(self.year_percents[:k], Decimal(0)) + self.year_percents[k] * r / 12


def parse_vesting(text: str, cliff_months: int = 0) -> Vesting:
    """'25/25/25/25', '5/15/40/40', 'monthly', 'monthly after cliff' or 'monthly over 3 years'.

    Year percents must be numbers >= 0 adding up to 100 over 1-10 years. 'monthly' vests
    equal parts every month over 4 years (or the years given); 'monthly after cliff' needs a
    cliff. Raises ValueError with a message that says what is wrong.
    """
    raw = " ".join(str(text).split()).casefold()
    if not raw:
        raise ValueError("the vesting schedule is empty; write it like 25/25/25/25 or 'monthly after cliff'")
    if not 0 <= cliff_months <= 60:
        raise ValueError("the cliff must be 0-60 months")
    match = MONTHLY.match(raw)
    if match:
        years = int(match[1] or 4)
        if not 1 <= years <= MAX_YEARS:
            raise ValueError(f"monthly vesting runs over 1-{MAX_YEARS} years")
        if "cliff" in raw and cliff_months == 0:
            raise ValueError("'monthly after cliff' needs cliff_months (usually 12)")
        return Vesting(tuple(Decimal(100) / years for _ in range(years)), cliff_months, raw)
    parts = [p.strip().rstrip("%") for p in raw.split("/")]
    try:
        percents = tuple(Decimal(p) for p in parts)
    except ArithmeticError:
        raise ValueError(f"{text!r} is not a schedule; write yearly percents like 25/25/25/25 or 5/15/40/40, "
                         "or 'monthly after cliff'") from None
    if any(not p.is_finite() or p < 0 for p in percents):
        raise ValueError("each year's percent must be a number of 0 or more")
    if not 1 <= len(percents) <= MAX_YEARS:
        raise ValueError(f"a schedule runs over 1-{MAX_YEARS} years")
    total = sum(percents, Decimal(0))
    if abs(total - 100) > Decimal("0.01"):
        raise ValueError(f"the yearly percents add up to {total.normalize():f}, not 100")
    if cliff_months > len(percents) * 12:
        raise ValueError("the cliff is longer than the whole schedule")
    return Vesting(percents, cliff_months, "/".join(parts))


def _blank_to_none(value):
    if isinstance(value, str) and not value.strip():
        return None
    return value


class Offer(BaseModel):
    """One offer (or the current job), every amount per year unless it says otherwise.

    base: annual base salary. bonus: a target percent of base OR a fixed annual amount.
    sign_on: paid once in year 1; repaid if you leave within `sign_on_clawback_months`.
    equity: an RSU grant's total value (`equity_value`), or options (`option_count` at `strike`,
    valued at `current_price`), vesting on `vesting` with `cliff_months`. For the current job,
    it is what is left of the grant that started vesting on `start_date`.
    refresh_per_year: the value of a yearly refresher grant (from year 2, on the same schedule).
    benefits_value: your estimate of benefits per year (retirement match, stipends).
    """

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    company: Annotated[str, Field(min_length=1, max_length=200)]
    title: Annotated[str, Field(min_length=1, max_length=200)]
    level: str = Field(default="", max_length=20, description="ladder level code, e.g. L6")
    current_job: bool = Field(default=False, description="this is your current job, not an offer")
    opportunity: str | None = Field(default=None, max_length=200,
                                    description="title of the pipeline opportunity at the offer stage")
    onet_soc_code: str | None = Field(default=None, description="occupation for the BLS pay placement")
    currency: str = "USD"
    base: Money
    bonus_pct: Annotated[Decimal, Field(ge=0, le=200, max_digits=7, decimal_places=3)] | None = None
    bonus_amount: Money | None = None
    sign_on: Money = Decimal(0)
    sign_on_clawback_months: Annotated[int, Field(ge=0, le=60)] = 0
    equity_kind: EquityKind = "none"
    equity_value: Money | None = None
    option_count: ShareCount | None = None
    strike: SharePrice | None = None
    current_price: SharePrice | None = None
    cliff_months: Annotated[int, Field(ge=0, le=60)] = 0  # before `vesting`, which is checked against it
    vesting: str = Field(default="25/25/25/25", max_length=60, validate_default=True)
    refresh_per_year: Money = Decimal(0)
    benefits_value: Money = Decimal(0)
    start_date: dt.date | None = Field(default=None, validate_default=True)
    notes: str = Field(default="", max_length=10_000)

    _blank = field_validator("opportunity", "onet_soc_code", "bonus_pct", "bonus_amount", "equity_value",
                             "option_count", "strike", "current_price", "start_date", mode="before")(_blank_to_none)

    @field_validator("sign_on", "refresh_per_year", "benefits_value", "sign_on_clawback_months", "cliff_months",
                     mode="before")
    @classmethod
    def _blank_zero(cls, value):
        return 0 if isinstance(value, str) and not value.strip() else value

    @field_validator("currency", mode="before")
    @classmethod
    def _currency(cls, value):
        value = str(value or "USD").strip().upper()
        if not CURRENCY_PATTERN.match(value):
            raise ValueError("must be a three-letter ISO 4217 code such as USD, EUR or CAD")
        return value

    @field_validator("onet_soc_code")
    @classmethod
    def _soc(cls, value):
        if value is not None and not re.match(r"^\d{2}-\d{4}\.\d{2}$", value):
            raise ValueError("must be an O*NET-SOC code like 15-1252.00")
        return value

    @field_validator("vesting", mode="before")
    @classmethod
    def _vesting_text(cls, value):
        return "25/25/25/25" if value is None or (isinstance(value, str) and not value.strip()) else value

    @field_validator("vesting")
    @classmethod
    def _vesting_parses(cls, value, info):
        parse_vesting(value, info.data.get("cliff_months", 0))
        return value

    @field_validator("start_date")
    @classmethod
    def _grant_start(cls, value, info):
        if value is None and info.data.get("current_job") and (
                info.data.get("equity_kind", "none") != "none" or info.data.get("equity_value")):
            raise ValueError("for your current job, give the date your grant started vesting")
        return value

    @model_validator(mode="after")
    def _consistent(self):
        if self.bonus_pct is not None and self.bonus_amount is not None:
            raise ValueError("bonus_pct and bonus_amount: give the bonus as a percent of base or as an amount, "
                             "not both")
        if self.current_job and self.opportunity:
            raise ValueError("opportunity: your current job is not a pipeline opportunity; leave it blank")
        if self.equity_kind == "none" and self.equity_value:
            self.equity_kind = "rsu"  # a grant value without a kind is an RSU grant
        if self.equity_kind == "options":
            missing = [f for f in ("option_count", "strike", "current_price") if getattr(self, f) is None]
            if missing:
                raise ValueError(f"{missing[0]}: options need option_count, strike and current_price")
            if self.equity_value is not None:
                raise ValueError("equity_value: options are valued from option_count, strike and current_price; "
                                 "leave equity_value blank")
        elif self.equity_kind == "rsu" and self.equity_value is None:
            raise ValueError("equity_value: an RSU grant needs its total value")
        return self

    @property
    def schedule(self) -> Vesting:
        return parse_vesting(self.vesting, self.cliff_months)

    @property
    def label(self) -> str:
        return f"Current job ({self.company})" if self.current_job else self.company

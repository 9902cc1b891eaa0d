"""Cached models of the Journal: the review queue (candidate wins from git or gh) and who is losing touch."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.figures import network as fnetwork
from careerdata.journal import candidates, queries


@dataclass
class ReviewQueue:
    waiting: pd.DataFrame  # the new candidates, newest work first (see candidates.queue)
    counts: dict[str, int]  # new / accepted / dismissed


def review_queue(con) -> ReviewQueue:
    return ReviewQueue(waiting=candidates.queue(con, "new"), counts=candidates.queue_counts(con))


def overdue_contacts(con, today: dt.date) -> pd.DataFrame:
    """"Losing touch": every contact past their cadence (`figures.network.overdue_contacts`), cached, so
    a rerun does not compute it again over thousands of contacts."""
    return fnetwork.overdue_contacts(queries.contacts(con), today)

"""Cached model of the Journal's review queue: candidate wins from git or gh, waiting for a decision."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from careerdata.journal import candidates


@dataclass
class ReviewQueue:
    waiting: pd.DataFrame  # the new candidates, newest work first (see candidates.queue)
    counts: dict[str, int]  # new / accepted / dismissed


def review_queue(con) -> ReviewQueue:
    return ReviewQueue(waiting=candidates.queue(con, "new"), counts=candidates.queue_counts(con))

"""The Journal's chart title states its finding: how a skill's self-assessed level moved."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from careerdata.journal.charts import history_finding


def test_the_skill_history_chart_states_how_the_level_moved():
    def hist(*levels):
        return pd.DataFrame({"as_of": [dt.date(2024, 3, 1) + dt.timedelta(days=100 * i) for i in range(len(levels))],
                             "self_level": list(levels)})

    assert history_finding(hist(2, 3, 4), "Kafka") == "Kafka: from 2 to 4 of 5 since Mar 2024"
    assert history_finding(hist(3, 4, 3), "Go") == "Go: still 3 of 5 since Mar 2024 (3 assessments)"
    assert history_finding(hist(5), "SQL") == "SQL: rated 5 of 5 in Mar 2024, your only assessment"

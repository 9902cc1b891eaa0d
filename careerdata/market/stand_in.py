"""Evidence for choosing the stand-in of an occupation that O*NET has not rated yet.

A stand-in lends its O*NET skill ratings to an unrated occupation (sample_data/market/proxies.csv).
For each candidate the evidence is:

- **agreement with the neighbourhood**: the Pearson correlation of the candidate's 35 skill
  importances with those of each rated "Primary" related occupation of the unrated one (O*NET
  Related Occupations), the candidate itself left out; reported as the mean and the minimum;
- **how social skills rank**: the rank (1 = most important) of Coordination, Persuasion and
  Negotiation among the candidate's skills, and of Programming, so a candidate that is all
  craft and no coordination shows up as such.

Rerun it on a newer O*NET release before keeping a stand-in (SOURCES.md records the last run).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

RANKED_SKILLS = {"2.B.1.b": "Coordination", "2.B.1.c": "Persuasion", "2.B.1.d": "Negotiation",
                 "2.B.3.e": "Programming"}


def stand_in_evidence(ratings: pd.DataFrame, related: pd.DataFrame, code: str,
                      candidates: dict[str, pd.Series]) -> pd.DataFrame:
    """One row per candidate: mean and minimum r with the rated primary neighbours of `code`, skill ranks.

    ratings: onet_soc_code, element_id, kind, importance; related: onet_soc_code,
    related_onet_soc_code, relatedness_tier; candidates: label -> importance by element_id (a
    rated occupation's column, or a blend such as a pay-weighted mean).
    """
    skills = ratings[ratings["kind"] == "skill"]
    table = skills.pivot_table(index="element_id", columns="onet_soc_code", values="importance")
    near = related[(related["onet_soc_code"] == code)
                   & related["relatedness_tier"].astype(str).str.startswith("Primary")
                   & related["related_onet_soc_code"].isin(table.columns)]["related_onet_soc_code"].tolist()
    rows = []
    for label, values in candidates.items():
        values = values.reindex(table.index)
        others = [n for n in near if n != label]
        cors = [float(np.corrcoef(values, table[n])[0, 1]) for n in others]
        rank = values.rank(ascending=False, method="min")
        row = {"candidate": label, "neighbours": len(others),
               "mean_r": round(float(np.mean(cors)), 3) if cors else None,
               "min_r": round(float(np.min(cors)), 3) if cors else None}
        for element, name in RANKED_SKILLS.items():
            row[f"{name.lower()}_rank"] = int(rank[element]) if element in rank and pd.notna(rank[element]) else None
        rows.append(row)
    return pd.DataFrame(rows).sort_values("mean_r", ascending=False).reset_index(drop=True)

"""Cached reads are shared objects (careerdata.ui.state): what a page changes in its copy never reaches
the cache, so another rerun or another browser tab sees the data as it is in the file."""

import dataclasses
import datetime as dt

import pandas as pd

from careerdata.ui import state


@dataclasses.dataclass(frozen=True)
class View:
    frame: pd.DataFrame
    rows: list[dict]
    names: tuple[str, ...]
    when: dt.date


def _cached() -> View:
    return View(pd.DataFrame({"name": ["Ann", "Bo"], "score": [1.0, 2.0]}), [{"id": 1, "tags": ["a"]}],
                ("Ann", "Bo"), dt.date(2026, 11, 21))


def test_a_page_changing_its_copy_leaves_the_cached_read_as_it_was():
    cached = _cached()
    mine = state.fresh(cached)
    mine.frame.loc[0, "score"] = 99.0  # in place
    mine.frame["extra"] = 1  # a new column
    mine.rows[0]["tags"].append("b")
    mine.rows.append({"id": 2})
    assert cached.frame.equals(_cached().frame) and list(cached.frame.columns) == ["name", "score"]
    assert cached.rows == [{"id": 1, "tags": ["a"]}]
    assert mine.names == cached.names and mine.when is cached.when  # immutable values are shared, not copied


def test_a_bare_frame_and_other_objects_are_copies_too():
    frame = pd.DataFrame({"x": [1, 2]})
    copy = state.fresh(frame)
    copy.iloc[0, 0] = 5
    assert frame["x"].tolist() == [1, 2]

    class Box:
        def __init__(self):
            self.items = [1]

    box = Box()
    state.fresh(box).items.append(2)
    assert box.items == [1]

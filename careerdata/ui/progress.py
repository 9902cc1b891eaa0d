"""Progress of long work in the app: the Streamlit side of `careerdata.core.progress`."""

from __future__ import annotations

import streamlit as st

from careerdata.core.progress import Progress


def progress_bar(verb: str, unit: str = "records") -> Progress:
    """A bar that fills as the library reports `done` of `total`, then disappears when the work is done.

    Its text names the step under way: "Importing 4,500 of 100,000 records (Skills)…".
    """
    bar = st.progress(0.0, text=f"{verb}…")

    def progress(done: int, total: int, what: str = "") -> None:
        step = f" ({what})" if what else ""
        bar.progress(min(done / total, 1.0) if total else 1.0, text=f"{verb} {done:,} of {total:,} {unit}{step}…")
        if done >= total:
            bar.empty()

    return progress

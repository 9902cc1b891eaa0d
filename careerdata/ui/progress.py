"""Progress of long work in the app: the Streamlit side of `careerdata.core.progress`."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from careerdata.core.progress import Progress
from careerdata.ui import state


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


def _size(data: bytes | str) -> str:
    n = len(data.encode() if isinstance(data, str) else data)
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, round(n / 1024)):,} kB"


def prepared_download(label: str, build: Callable[[Progress], bytes | str], *, file_name: str, mime: str,
                      key: str, icon: str, unit: str = "steps", width: str = "content") -> None:
    """A download whose file takes a while to build, with progress: "Prepare <label>" builds it under a
    status box with a bar, then "Download <label>" serves those bytes.

    A one-click download (a callable `data`) builds the file where Streamlit cannot draw, so a big backup
    looked frozen. The prepared file is dropped by any write (`state.write`): a download is never older
    than the data it shows.
    """
    slot = f"{state.PREPARED}{key}"
    button = st.empty()
    if slot not in st.session_state and button.button(f"Prepare {label}", key=f"{key}_prepare", icon=icon,
                                                      width=width):
        button.empty()  # built once: the download takes its place
        with st.status(f"Building {file_name}…", expanded=True) as status:
            data = build(progress_bar("Building", unit))
            status.update(label=f"{file_name} is ready ({_size(data)})", state="complete", expanded=False)
        st.session_state[slot] = data
    if slot in st.session_state:
        st.download_button(f"Download {label}", st.session_state[slot], file_name=file_name, mime=mime, icon=icon,
                           key=key, width=width, on_click="ignore")

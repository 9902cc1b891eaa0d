"""Progress of long work (imports, exports, backup, restore, the benchmark), for whoever shows it.

The library reports through one small interface, `progress(done, total, what)`: `done` of
`total` steps finished, `what` the step under way ("" when there is nothing to add). It
never knows who listens: the CLI draws a bar on a terminal (`terminal_bar`, here), the app
a Streamlit bar (`careerdata.ui.widgets.progress_bar`); a `None` progress means nobody does.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO


class Progress(Protocol):
    def __call__(self, done: int, total: int, what: str = "") -> None: ...


def report(progress: Progress | None, done: int, total: int, what: str = "") -> None:
    """Tell `progress`, when there is one."""
    if progress is not None:
        progress(done, total, what)


WORTH_A_BAR = 500  # records or rows: smaller work is done before a bar could be seen
BAR_WIDTH = 24
REDRAW_SECONDS = 0.1  # a terminal redrawn more often than this only flickers


def bar_line(label: str, done: int, total: int, what: str = "") -> str:
    """One line: label, a bar of `BAR_WIDTH` cells, percent, counts and the current step.

    The bar fills floor(BAR_WIDTH × done / total) cells; percent is floor(100 × done / total).
    """
    share = min(max(done / total, 0.0), 1.0) if total > 0 else 1.0
    filled = int(BAR_WIDTH * share)
    counts = f"{done:,}/{total:,}"
    line = f"{label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {int(share * 100):3d}% {counts}"
    return f"{line} {what}" if what else line


def terminal_bar(label: str, stream: TextIO | None = None, *, min_total: int = 0) -> Progress | None:
    """A bar redrawn in place on `stream` (standard error), or None when it is not a terminal.

    Standard output is never touched, so `--json` output and pipes stay clean; a log file or a
    pipe gets nothing either. Work of fewer than `min_total` steps is too quick to need a bar.
    """
    out = stream if stream is not None else sys.stderr
    if not out.isatty():
        return None
    last = {"at": 0.0, "width": 0}

    def progress(done: int, total: int, what: str = "") -> None:
        if total < min_total:
            return
        now = time.monotonic()
        final = done >= total
        if not final and now - last["at"] < REDRAW_SECONDS:
            return
        last["at"] = now
        line = bar_line(label, done, total, what)
        pad = " " * max(0, last["width"] - len(line))  # wipe the tail of a longer previous line
        last["width"] = len(line)
        out.write(f"\r{line}{pad}" + ("\n" if final else ""))
        out.flush()

    return progress

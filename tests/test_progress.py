"""Progress of long work: the bar's arithmetic, and that it only ever draws on a terminal's stderr."""

from __future__ import annotations

import io

from careerdata.core.progress import BAR_WIDTH, bar_line, terminal_bar


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_fills_in_proportion_and_names_the_step():
    # 4,500 of 10,000: floor(24 × 0.45) = 10 cells, 45 %
    assert bar_line("Importing", 4_500, 10_000, "Skills") == \
        "Importing [##########..............]  45% 4,500/10,000 Skills"
    assert bar_line("Restoring", 3, 3) == f"Restoring [{'#' * BAR_WIDTH}] 100% 3/3"
    assert bar_line("Exporting", 0, 0) == f"Exporting [{'#' * BAR_WIDTH}] 100% 0/0"  # nothing to do is done


def test_no_bar_when_stderr_is_not_a_terminal():
    assert terminal_bar("Importing", io.StringIO()) is None  # a pipe or a log file gets nothing


def test_a_terminal_gets_the_bar_redrawn_in_place_and_a_final_newline():
    out = _Tty()
    progress = terminal_bar("Backing up", out)
    progress(1, 3, "skill")
    progress(3, 3, "visibility_item")
    text = out.getvalue()
    assert text.startswith("\rBacking up [") and text.endswith("100% 3/3 visibility_item\n")
    assert "\n" not in text[:-1]  # one line, redrawn


def test_work_smaller_than_the_threshold_draws_nothing():
    out = _Tty()
    progress = terminal_bar("Importing", out, min_total=500)
    progress(10, 10)
    assert out.getvalue() == ""

"""Text helpers shared by every feature: how names compare and words are joined or shortened, and user
text made safe where it leaves the app (Plotly labels, spreadsheet cells, stored strings).

Three hazards, one helper each:

- Plotly renders a subset of HTML in every text it draws (titles, hover text, tick labels,
  legend names, annotations, text on marks): ``<a href>`` becomes a live link and
  ``<span style="fill:url(http://...)">`` makes the browser fetch that address. `plotly_safe`
  keeps only the attribute-free formatting tags the app writes itself (``<br>``, ``<b>``,
  ``<i>``, ``<em>``, ``<sup>``, ``<sub>``, ``<extra>``) and one plain ``<span style>`` form
  without parentheses (so no ``url(...)``); every other ``<`` and ``>`` becomes ``&lt;`` /
  ``&gt;``, which Plotly shows as the characters themselves. `sanitize_figure` applies it to
  every string of a figure, and `careerdata.core.charts.apply_theme` calls it, so no chart
  builder can forget it.
- A spreadsheet runs a cell that begins with ``=``, ``+``, ``-``, ``@``, tab or carriage return
  as a formula (OWASP "CSV injection"). `neutralise_cell` prefixes such a cell with a single
  quote, which spreadsheets show as text; `restore_cell` undoes exactly that on import, so a
  round trip export -> import gives back what was stored.
- NUL characters are invisible, break other tools and are never meant: `strip_nul` removes
  them from imported text.
"""

from __future__ import annotations

import re
import sys
from typing import Any

# --- Plotly -----------------------------------------------------------------------------------

_SAFE_TAG = re.compile(
    r"<(?:br ?/?|/?(?:b|i|em|sup|sub|extra)|/span|span style=(['\"])[a-z-]+: ?[#\w.% -]+"
    r"(?:; ?[a-z-]+: ?[#\w.% -]+)*;?\1)>",
    re.IGNORECASE,
)
_ANGLE = re.compile(r"[<>]")


def plotly_safe(text: str) -> str:
    """`text` with every ``<``/``>`` escaped except in the few formatting tags the app writes.

    Idempotent (``&lt;`` stays ``&lt;``): a figure may pass through it twice. Plotly turns the
    entities back into the characters when it draws, so the user sees what they typed.
    """
    if "<" not in text and ">" not in text:
        return text
    out, pos = [], 0
    for tag in _SAFE_TAG.finditer(text):
        out.append(_ANGLE.sub(lambda c: "&lt;" if c[0] == "<" else "&gt;", text[pos:tag.start()]))
        out.append(tag[0])
        pos = tag.end()
    out.append(_ANGLE.sub(lambda c: "&lt;" if c[0] == "<" else "&gt;", text[pos:]))
    return "".join(out)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return plotly_safe(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    np = sys.modules.get("numpy")  # not imported yet: then no value is an array
    if np is not None and isinstance(value, np.ndarray) and value.dtype.kind in "OUS":
        cleaned = np.empty(value.shape, dtype=object)
        for index, item in np.ndenumerate(value):
            cleaned[index] = _clean(item)
        return cleaned
    return value


def _needs_cleaning(value: Any) -> bool:
    if isinstance(value, str):
        return "<" in value or ">" in value
    if isinstance(value, dict):
        return any(_needs_cleaning(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_needs_cleaning(v) for v in value)
    np = sys.modules.get("numpy")
    if np is not None and isinstance(value, np.ndarray):
        return value.dtype.kind in "OUS" and any(_needs_cleaning(v) for v in value.ravel().tolist())
    return False


def sanitize_figure(fig):
    """Escape markup in every string of a Plotly figure's traces and layout (not its template).

    Walks each trace's and the layout's properties generically, so text, hovertext, customdata
    (substituted into hover templates), categorical x/y/theta values, labels, legend names,
    annotations, titles and tick text are all covered, including properties added later.
    Values that hold no ``<`` or ``>`` are left as they are.
    """
    for trace in fig.data:
        props = trace.to_plotly_json()
        changed = {k: _clean(v) for k, v in props.items() if k != "type" and _needs_cleaning(v)}
        if changed:
            trace.update(changed, overwrite=True)
    layout = fig.layout.to_plotly_json()
    changed = {k: _clean(v) for k, v in layout.items() if k != "template" and _needs_cleaning(v)}
    if changed:
        fig.update_layout(changed, overwrite=True)
    return fig


# --- spreadsheet cells ------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ``'`` before ``= + - @``, tab or CR.

    A cell that already begins with quotes followed by one of those gets one more, so that
    `restore_cell` can tell the added quote from those the user typed.
    """
    return "'" + value if value.lstrip("'").startswith(FORMULA_STARTS) else value


def restore_cell(value: str) -> str:
    """Undo `neutralise_cell`: ``'=1+1`` read back is ``=1+1``; any other cell is unchanged."""
    return value[1:] if value.startswith("'") and value.lstrip("'").startswith(FORMULA_STARTS) else value


def strip_nul(text: str) -> str:
    """Text without NUL characters (they are never meant, and break other tools)."""
    return text.replace("\x00", "") if "\x00" in text else text


def frame_csv(frame) -> str:
    """A pandas DataFrame as CSV text with every text cell neutralised (numbers stay numbers)."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or str(safe[column].dtype) in ("string", "str"):
            safe[column] = safe[column].map(lambda v: neutralise_cell(v) if isinstance(v, str) else v)
    return safe.to_csv(index=False)


# --- names and words ---------------------------------------------------------------------------


def name_key(name: str) -> str:
    """How names compare: case-insensitive, runs of whitespace as one space (as the repository does)."""
    return " ".join(str(name).split()).casefold()


def shorten(text: str, width: int = 48) -> str:
    """`text` cut to at most `width` characters, with an ellipsis when cut."""
    text = str(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 win', '3 wins', '2 people' (with `many`): the count with thousands separators."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def text_or_none(value):
    """A stripped string, or None for None, NaN, pd.NA and blank text (a missing cell of a frame)."""
    if is_missing(value):
        return None
    value = str(value).strip()
    return value or None


def join_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def is_missing(value) -> bool:
    """None, NaN (float or NumPy), NaT or pandas' NA, without importing pandas (Home's first paint
    does not load it)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are the values not equal to themselves
    except TypeError:  # pandas.NA compares to NA, which has no truth value
        return True
    except ValueError:  # an array: not one missing value
        return False


def format_number(value) -> str:
    if is_missing(value):
        return "?"
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def escape_md(text: str) -> str:
    """User text inside the generated Markdown: shown literally, never as formatting."""
    text = " ".join(str(text).split())
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


# --- plain English ---------------------------------------------------------------------------

IRREGULAR_PAST = set(re.findall(r"\S+", """
    led built drove ran wrote made took cut set grew won began brought found gave kept got spoke taught thought
    sold sought held became chose overcame rewrote rebuilt undertook oversaw stood put shut split spent sent met
    paid laid told understood withdrew drew knew saw did went came rode broke fought bought caught dealt fed fell
    felt forgave froze hid hit hung lent let lit lost meant mistook outgrew quit read rose rang sank shook shone
    shot sang sat slept slid spun spread stuck struck swept swore swam swung tore threw upheld wove wound
    was were had co-led mentored coached
"""))


NOT_PAST_ED = {"need", "feed", "speed", "seed", "embed", "proceed", "exceed", "succeed", "indeed",
               "bed", "red", "shed", "wed", "breed", "bleed", "weed", "reed", "greed", "heed"}


def is_past_tense(word: str) -> bool:
    """'Led', 'built', 'co-led', 'shipped': a verb in the past tense (a claim about what was done),
    from the common irregular verbs and the regular -ed ending ('need', 'speed' are not)."""
    w = word.lower()
    if not w:
        return False
    last = w.split("-")[-1]
    if w in IRREGULAR_PAST or last in IRREGULAR_PAST:
        return True
    return last.endswith("ed") and last not in NOT_PAST_ED and len(last) > 3


def lower_first(text: str) -> str:
    """'Technical writing' -> 'technical writing'; an acronym or a name in capitals stays ('AWS bill', 'FHIR')."""
    word = text.split(" ", 1)[0] if text else ""
    if len(word) > 1 and word[0].isupper() and word[1:].replace("-", "").isalpha() and word[1:].islower():
        return text[0].lower() + text[1:]
    return text


def skill_phrase(name: str, kind: str | None = None) -> str:
    """A skill's name inside a sentence: a common noun in lower case ('technical writing', 'negotiation'),
    a product or language as it is written ('Go', 'Kafka', 'Google Cloud')."""
    words = name.split()
    common = kind in ("soft", "leadership") or (len(words) > 1 and all(w[:1].islower() for w in words[1:]))
    return lower_first(name) if common else name


def serial_join(items: list[str]) -> str:
    """join_words, with a comma before the last 'and' when an item has its own 'and' (so 'rising costs, and
    security and compliance risk' cannot be misread)."""
    if len(items) > 2 and any(" and " in i for i in items):
        return ", ".join(items[:-1]) + ", and " + items[-1]
    return join_words(items)


def share_words(share: float) -> str:
    """0.48 -> 'about half', 0.74 -> 'about three quarters', 1 -> 'all', 0.6 -> '60%': a share as people say it."""
    if share >= 0.995:
        return "all"
    for value, words in ((1 / 4, "about a quarter"), (1 / 3, "about a third"), (1 / 2, "about half"),
                         (2 / 3, "about two thirds"), (3 / 4, "about three quarters")):
        if abs(share - value) <= 0.04:
            return words
    return f"{share:.0%}"

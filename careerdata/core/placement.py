"""Where chart labels and crowded markers go so that nothing collides, at any chart width.

Plotly does not avoid collisions: text on a scatter is drawn where it is asked, on top of its
neighbours. A chart in this app is drawn at the width of its column, which is unknown when the
figure is built (about 460 px of plot area on a 1024 px laptop, about 880 px at 1440 px, more on a
wide screen), while its height is fixed. So placement works in pixels and checks every candidate
at several plot widths (`WIDTHS`): a label offset is in pixels, the point it belongs to moves with
the width.

- `dodge` moves markers that would cover each other sideways (a beeswarm along x): each marker,
  biggest first, takes the nearest free x offset in steps of a quarter radius, up to `max_shift`
  data units either side; when no offset is free, the one covering the least area of the others.
- `place_labels` gives each label, in order of importance, the cheapest candidate offset (beside the
  point on its preferred side, then shifted, further out or on the other side, joined to its point
  by a leader line once it is not right next to it) whose text box
  stays inside the plot and overlaps no placed label, no fixed box (corner texts) and no marker at
  any of the widths, and inside its region when it has one (a quadrant); a label that fits nowhere is
  left off (the hover still names the point). When keeping clear of markers makes a label stray from
  its region or drop off, the layout that lets labels (on their white background) cover markers is
  tried and kept if fewer stray.

Text size is estimated, not measured: `CHAR_EM` em a character (wide enough for DejaVu/Liberation
Sans, the fonts Chromium falls back on here) plus padding.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTHS = (440.0, 880.0, 1240.0)  # plot-area widths checked: small laptop .. wide screen
CHAR_EM = 0.52


@dataclass(frozen=True)
class Plot:
    """The plot area: its size in pixels and the data ranges it shows."""

    height: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]

    def px(self, x: float, y: float, width: float) -> tuple[float, float]:
        """Pixel position (from the top left of the plot area) of data point (x, y) at a plot width."""
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        return (x - x0) / (x1 - x0) * width, (y1 - y) / (y1 - y0) * self.height


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box, margin: float = 1.0) -> bool:
        return (min(self.right, other.right) - max(self.left, other.left) > -margin
                and min(self.bottom, other.bottom) - max(self.top, other.top) > -margin)


def _crosses(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Do segments a and b ((x1, y1, x2, y2)) cross (touching ends do not count)?"""
    def side(x1, y1, x2, y2, x, y):
        return (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)
    d1, d2 = side(*a, *b[:2]), side(*a, *b[2:])
    d3, d4 = side(*b, *a[:2]), side(*b, *a[2:])
    return d1 * d2 < 0 and d3 * d4 < 0


def _through(seg: tuple[float, float, float, float], box: Box, samples: int = 12) -> bool:
    """Does the segment pass through the box (sampled along its length, ends excluded)?"""
    x1, y1, x2, y2 = seg
    return any(box.left < x1 + (x2 - x1) * t / samples < box.right and box.top < y1 + (y2 - y1) * t / samples
               < box.bottom for t in range(1, samples))


def text_size(text: str, font_px: float) -> tuple[float, float]:
    """Estimated (width, height) in pixels of one line of text with its padding."""
    return len(text) * font_px * CHAR_EM + 6, font_px * 1.25 + 4


def dodge(xs: list[float], ys: list[float], radii: list[float], plot: Plot, max_shift: float,
          width: float = WIDTHS[0]) -> list[float]:
    """New x values (data units) so that markers (radius in px) overlap as little as possible at `width`.

    A marker never moves more than `max_shift` from its own x, so the reading on the x axis stays true
    to within that much. Order: biggest marker first (it stays nearest its true place).
    """
    scale = width / (plot.x_range[1] - plot.x_range[0])  # px per x unit
    placed: list[tuple[float, float, float]] = []  # (px x, px y, radius)
    out = list(xs)
    for i in sorted(range(len(xs)), key=lambda j: (-radii[j], j)):
        px, py = plot.px(xs[i], ys[i], width)
        r = radii[i]
        steps = int(max_shift * scale / max(r / 4, 1.0))
        offsets = [0.0] + [s * k * max(r / 4, 1.0) for k in range(1, steps + 1) for s in (1, -1)]

        def covered(dx: float, px=px, py=py, r=r) -> float:
            return sum(max(0.0, r + q - ((px + dx - qx) ** 2 + (py - qy) ** 2) ** 0.5) for qx, qy, q in placed)

        best = next((dx for dx in offsets if covered(dx) == 0.0), None)
        if best is None:
            best = min(offsets, key=lambda dx: (covered(dx), abs(dx)))
        placed.append((px + best, py, r))
        out[i] = xs[i] + best / scale
    return out


@dataclass(frozen=True)
class Placement:
    """A label's text-box centre relative to its point, in pixels (Plotly's ax/ay; y grows downwards)."""

    dx: float
    dy: float
    leader: bool


def _candidates(r: float, tw: float, th: float, prefer: int) -> list[Placement]:
    """Offsets to try, cheapest first: beside the point on the preferred side (then the other), above and
    below it, shifted up or down and moved further out with a leader line; cost = distance moved out
    + 0.8 × vertical shift + 30 for the other side."""
    found = []
    for d in (4.0, 26.0, 50.0, 80.0, 115.0):
        for side in (prefer, -prefer):
            for dy in (0.0, *(s * k * 16.0 for k in range(1, 7) for s in (-1, 1))):
                cost = d + 0.8 * abs(dy) + (30 if side != prefer else 0)
                found.append((cost, Placement(side * (r + d + tw / 2), dy, d > 4 or abs(dy) > th)))
        for uy in (-1, 1):  # above or below: centred, or running off to the preferred side
            found.append((1.5 * d + 8, Placement(0.0, uy * (r + d + th / 2), d > 4)))
            found.append((1.5 * d + 12, Placement(prefer * (tw / 2 - r), uy * (r + d + th / 2), d > 4)))
    return [p for _, p in sorted(found, key=lambda c: c[0])]


@dataclass
class _Layout:
    """What is already on the chart, at each width checked: text boxes, leader lines, markers."""

    plot: Plot
    widths: tuple[float, ...]
    taken: dict
    leaders: dict
    markers: dict


def _fits(state: _Layout, point: tuple, spot: Placement, avoid_markers: bool, region) -> bool:
    """Does a label at `spot` off `point` ((x, y, radius, text width, text height)) stay inside the plot
    (and its region), clear of other text, leader lines and (if asked) markers, at every width?"""
    x, y, r, tw, th = point
    dx, dy = spot.dx, spot.dy
    for w in state.widths:
        px, py = state.plot.px(x, y, w)
        box = Box(px + dx - tw / 2, py + dy - th / 2, px + dx + tw / 2, py + dy + th / 2)
        if region and (box.left < state.plot.px(region[0], y, w)[0] or box.right > state.plot.px(region[1], y, w)[0]):
            return False
        own = Box(px - r, py - r, px + r, py + r)
        seg = (px, py, px + dx, py + dy)
        if (box.left < 0 or box.right > w or box.top < 0 or box.bottom > state.plot.height
                or any(box.overlaps(b) for b in state.taken[w])
                or any(_through(line, box) for line in state.leaders[w])
                or (spot.leader and (any(_crosses(seg, line) for line in state.leaders[w])
                                     or any(_through(seg, b) for b in state.taken[w])))
                or (avoid_markers and any(box.overlaps(b, -2) for b in state.markers[w] if b != own))):
            return False
    return True


def place_labels(points: list[tuple[float, float, float, str, int]], plot: Plot, *,
                 font_px: float | list[float] = 11,
                 fixed: list[tuple[float, float, float, float, str]] = (), markers=(),
                 widths: tuple[float, ...] = WIDTHS,
                 regions: list[tuple[float, float]] | None = None) -> list[Placement | None]:
    """Offsets for labels of `points` ((x, y, marker radius px, text, preferred side -1 left / 1 right),
    most important first). `font_px`: one size for all, or one a point.

    `regions`: for each point, the x range (data units) its label should stay in, such as its quadrant;
    a label that fits nowhere inside it may go outside rather than be left off.

    `fixed`: boxes already drawn, as (paper x 0..1, paper y 0..1, width px, height px, anchor) where
    anchor is two letters: l/r/c then t/b/m (e.g. "lt" = its left-top corner at that paper point).
    `markers`: every marker as (x, y, radius px) that labels should not cover.
    """
    def fixed_boxes(width: float) -> list[Box]:
        boxes = []
        for fx, fy, w, h, anchor in fixed:
            left = fx * width - {"l": 0, "r": w, "c": w / 2}[anchor[0]]
            top = (1 - fy) * plot.height - {"t": 0, "b": h, "m": h / 2}[anchor[1]]
            boxes.append(Box(left, top, left + w, top + h))
        return boxes

    marker_boxes = {w: [Box(px - r, py - r, px + r, py + r)
                        for x, y, r in markers for px, py in [plot.px(x, y, w)]] for w in widths}
    fonts = font_px if isinstance(font_px, list) else [font_px] * len(points)
    areas = regions or [None] * len(points)
    # Greedy, most important first. Keeping clear of markers can push an early label where it blocks a
    # later one; then the layout that ignores markers (labels have a background) is taken if it strays less.
    best = None
    for clear_of_markers in (True, False):
        state = _Layout(plot, widths, {w: fixed_boxes(w) for w in widths}, {w: [] for w in widths}, marker_boxes)
        spots, strays = _place_all(state, points, fonts, areas, clear_of_markers)
        if best is None or strays < best[1]:
            best = (spots, strays)
        if strays == 0:
            break
    return best[0]


def _place_all(state: _Layout, points, fonts, areas, clear_of_markers: bool) -> tuple[list[Placement | None], int]:
    """Place every label in turn; returns the placements and how many strayed (left off or out of region)."""
    out: list[Placement | None] = []
    strays = 0
    for (x, y, r, text, prefer), font, area in zip(points, fonts, areas, strict=True):
        tw, th = text_size(text, font)
        candidates = _candidates(r, tw, th, prefer)
        # in its region (clear of markers first, when asked), then anywhere clear of other text
        passes = [(area, True), (area, False), (None, True), (None, False)] if area else [(None, True), (None, False)]
        passes = [p for p in passes if clear_of_markers or not p[1]]
        found = next(((c, region) for region, avoid in passes for c in candidates
                      if _fits(state, (x, y, r, tw, th), c, avoid, region)), (None, None))
        chosen = found[0]
        strays += chosen is None or (area is not None and found[1] is None)
        out.append(chosen)
        if chosen is None:
            continue
        for w in state.widths:
            px, py = state.plot.px(x, y, w)
            state.taken[w].append(Box(px + chosen.dx - tw / 2, py + chosen.dy - th / 2,
                                      px + chosen.dx + tw / 2, py + chosen.dy + th / 2))
            if chosen.leader:
                state.leaders[w].append((px, py, px + chosen.dx, py + chosen.dy))
    return out, strays

"""Chart label and marker placement (careerdata.core.placement) on small hand-computed cases."""

from careerdata.core import placement as pl

PLOT = pl.Plot(height=400, x_range=(0.0, 10.0), y_range=(0.0, 100.0))


def _box(x, y, spot, text, width, font=11):
    px, py = PLOT.px(x, y, width)
    tw, th = pl.text_size(text, font)
    return pl.Box(px + spot.dx - tw / 2, py + spot.dy - th / 2, px + spot.dx + tw / 2, py + spot.dy + th / 2)


def test_data_points_map_to_pixels_from_the_top_left_of_the_plot():
    assert PLOT.px(5, 50, 200) == (100, 200)
    assert PLOT.px(0, 100, 200) == (0, 0)
    assert PLOT.px(10, 0, 880) == (880, 400)


def test_dodge_separates_markers_on_the_same_spot_and_keeps_them_near_their_value():
    xs = pl.dodge([5.0, 5.0, 5.0], [50.0, 50.0, 50.0], [10.0, 10.0, 10.0], PLOT, max_shift=0.5, width=440)
    scale = 440 / 10  # px per x unit
    assert xs[0] == 5.0  # the first of equals stays on its value
    gaps = sorted(abs(a - b) * scale for i, a in enumerate(xs) for b in xs[i + 1:])
    assert gaps[0] >= 20 - 1e-9  # two radii of 10 px: touching at most
    assert all(abs(x - 5.0) <= 0.5 for x in xs)


def test_dodge_leaves_markers_that_do_not_touch_where_they_are():
    assert pl.dodge([2.0, 8.0], [50.0, 50.0], [10.0, 10.0], PLOT, max_shift=0.4) == [2.0, 8.0]


def test_dodge_never_moves_a_marker_past_its_limit_even_in_a_crowd():
    xs = pl.dodge([5.0] * 12, [50.0] * 12, [12.0] * 12, PLOT, max_shift=0.3, width=440)
    assert max(abs(x - 5.0) for x in xs) <= 0.3


def test_labels_of_two_points_on_one_spot_do_not_overlap_at_any_width():
    points = [(5.0, 50.0, 6.0, "Stakeholder management", -1), (5.0, 50.0, 6.0, "Public speaking", -1)]
    spots = pl.place_labels(points, PLOT)
    assert all(spots)
    assert spots[0] == pl.Placement(-(6.0 + 4.0 + pl.text_size("Stakeholder management", 11)[0] / 2), 0.0, False)
    for width in pl.WIDTHS:
        a, b = (_box(x, y, s, t, width) for (x, y, _r, t, _p), s in zip(points, spots, strict=True))
        assert not a.overlaps(b)
        assert a.left >= 0 and b.right <= width


def test_a_label_goes_on_its_preferred_side_unless_the_plot_edge_is_there():
    left, right = pl.place_labels([(5.0, 50.0, 5.0, "Go", -1), (5.0, 20.0, 5.0, "Go", 1)], PLOT)
    assert left.dx < 0 < right.dx
    (at_edge,) = pl.place_labels([(0.0, 50.0, 5.0, "Kubernetes", -1)], PLOT)
    assert at_edge.dx >= 0  # no room to the left of x = 0


def test_a_fixed_text_keeps_its_place_and_a_label_too_long_for_the_plot_is_left_off():
    corner = (0.0, 1.0, 120.0, 60.0, "lt")  # a 120×60 px box in the top-left corner
    (spot,) = pl.place_labels([(3.0, 90.0, 5.0, "Rust", -1)], PLOT, fixed=[corner])
    for width in pl.WIDTHS:
        assert not _box(3.0, 90.0, spot, "Rust", width).overlaps(pl.Box(0, 0, 120, 60))
    assert pl.place_labels([(5.0, 50.0, 5.0, "x" * 200, 1)], PLOT) == [None]

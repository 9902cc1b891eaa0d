"""Where each career figure is shown: `registry.figures(con, today)` and `careerdata figures [--json]`.

The figures themselves are defined once in `careerdata.figures` (a low layer: core and store only);
this package reads the pages' views to give the exact string each surface shows, so it sits above the
feature packages.
"""

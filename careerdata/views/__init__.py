"""Page models: one read plus its analysis, cached as a unit by `careerdata.ui.state.read`.

A function here takes the connection and plain, hashable arguments (tuples, strings, dates),
reads through `careerdata.queries` and computes through `careerdata.analytics`, so a page's
warm rerun is one cache hit instead of repeating the same pure computation on every click.
"""

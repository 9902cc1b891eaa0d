"""Competitors page: competency benchmarks, the moat and positioning against a target."""

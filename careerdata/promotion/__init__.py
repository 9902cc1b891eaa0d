"""Promotion case: evidence, suggestions, the draft, its lint, the plan, readiness and export."""

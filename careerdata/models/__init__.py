"""The pydantic models of what a user writes, one module per feature area."""

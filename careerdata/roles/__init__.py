"""Target roles: requirements, fit, pay comparison and the plan to close the gaps."""

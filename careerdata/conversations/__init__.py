"""Conversations page: pay numbers, talking points, objections and rehearsal readiness."""

"""Pipeline page: opportunities, their stages, time in stage and follow-ups."""

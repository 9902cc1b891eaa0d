"""Journal page: the core entities (profile, skills, wins, contacts, visibility) and their writes."""

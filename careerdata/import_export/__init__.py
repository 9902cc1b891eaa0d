"""Import and export: CSV, JSON Resume, LinkedIn, YAML career files, backups, new career files."""

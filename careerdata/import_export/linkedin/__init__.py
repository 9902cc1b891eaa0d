"""The LinkedIn data export: `reader` finds its files, one module per file parses it (see reader.py)."""

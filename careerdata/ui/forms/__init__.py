"""Forms of the pages, one module per feature, plus the helpers they share (`common`): Streamlit-aware."""

"""About: where the data lives, what is private, and where the market figures come from."""

import streamlit as st

from careerdata.figures import glossary
from careerdata.journal import queries
from careerdata.market.loader import attributions
from careerdata.ui import layout, state

layout.header("About & data sources", "Where does your data live, and where do the market numbers come from?")

st.subheader("Your data stays here")
st.markdown(
    f"""
- Your career file is **`{state.db_path()}`**, a single DuckDB file (schema version {state.schema_version()}).
  Choose another with `CAREERDATA_DB=/path/file.duckdb` or `streamlit run dashboard.py -- --db PATH`.
- The app listens on **127.0.0.1** only and sends **no usage statistics**; nothing is uploaded anywhere.
- Back it up by copying the file while the app is stopped. `careerdata info` shows what it holds.
- Figures you enter (money estimates, self-levels, pay) are **your own estimates** and are labelled as such.
"""
)

tab_sources, tab_figures, tab_ladder = st.tabs(["Public market data and attribution", "How each figure is defined",
                                                "Career ladder"])
with tab_sources:
    sources = state.read(queries.market_sources)
    for text in state.run(attributions):
        st.caption(layout.escape_markdown(text))
    if sources.empty:
        st.warning("No market data loaded: run `careerdata market sample_data/market`.")
    else:
        st.dataframe(sources, hide_index=True, width="stretch",
                     column_config={"table_name": "Table", "file": "File", "rows": "Rows"})
    st.markdown("The full list of sources, versions, checksums and changes is in `sample_data/market/SOURCES.md`.")

with tab_figures:
    st.caption("Every number that more than one page, export or command shows is computed in one place "
               "(`careerdata/figures/`) and shown the same everywhere. `careerdata figures` lists this file's "
               "figures, their values and where each is shown.")
    for term, (definition, source) in glossary.GLOSSARY.items():
        st.markdown(f"**{layout.escape_markdown(term)}**: "
                    f"{layout.escape_markdown(definition).replace('$', chr(92) + '$')} *(computed by `{source}`)*")

with tab_ladder:
    ladder = state.read(queries.ladder_info)
    if ladder:
        st.markdown(f"**{layout.escape_markdown(ladder['name'])}**: {layout.escape_markdown(ladder['source'])}")
    else:
        st.info("No ladder loaded.")
    st.markdown("Load your company's ladder with `careerdata ladder my-ladder.yaml` (format: "
                "`sample_data/ladders/engineering.yaml`).")

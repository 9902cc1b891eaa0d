"""The Import & export page's tabs: bringing a file in (checked by a dry run and previewed before anything
is written) and taking everything out (JSON Resume, a full backup, the brag document, CSV per entity)."""


import hashlib

import streamlit as st

from careerdata.core.clock import today
from careerdata.core.errors import CareerDataError, InputError
from careerdata.core.progress import WORTH_A_BAR
from careerdata.home import queries as home_queries
from careerdata.import_export import backup, export
from careerdata.import_export import view as io_view
from careerdata.import_export.common import ENTITY_LABELS, MAX_UPLOAD_BYTES
from careerdata.import_export.csv_io import CSV_ENTITIES, read_csv_entity, template_path
from careerdata.import_export.imports import run_import
from careerdata.import_export.jsonresume import read_jsonresume
from careerdata.import_export.linkedin.reader import files_from_uploads, files_from_zip, read_linkedin_files
from careerdata.ui import layout, state, widgets
from careerdata.ui.progress import prepared_download, progress_bar

FORMATS = {
    "jsonresume": "JSON Resume",
    "linkedin": "LinkedIn data export",
    "csv": "CSV spreadsheet",
}
MAX_MB = MAX_UPLOAD_BYTES // 2**20


def parse_uploads(fmt: str, uploads: list, entity: str | None, all_connections: bool):
    """The uploaded file(s) as a Bundle; an InputError names the file, row and field."""
    if fmt == "jsonresume":
        return read_jsonresume(uploads[0].getvalue(), uploads[0].name)
    if fmt == "csv":
        return read_csv_entity(uploads[0].getvalue(), uploads[0].name, entity)
    files: dict[str, bytes] = {}
    zips = [u for u in uploads if u.name.lower().endswith(".zip")]
    if zips:
        if len(uploads) > 1:
            raise InputError("Upload either the LinkedIn export .zip or the CSV files from it, not both")
        files, source = files_from_zip(zips[0].getvalue(), zips[0].name), zips[0].name
    else:
        source = f"{len(uploads)} LinkedIn file(s)"
        files = files_from_uploads({u.name: u.getvalue() for u in uploads}, source)
    return read_linkedin_files(files, source, all_connections=all_connections)


def preview(report) -> None:
    """What an import would add, update and leave unchanged, in totals, per kind of record and row by row."""
    totals = report.totals()
    kpis = layout.kpi_row()
    kpis.metric("Will be added", f"{totals['added']:,}", help="Records whose natural key is new to your file")
    kpis.metric("Will be updated", f"{totals['updated']:,}",
              help="Existing records where the file states a different value")
    kpis.metric("Unchanged", f"{totals['skipped']:,}", help="Already in your file as the file has them: skipped")
    counts = report.counts()
    left, right = st.columns([3, 2], gap="large")
    if counts:
        left.dataframe(
            [{"what": ENTITY_LABELS[e], **c} for e, c in counts.items()], hide_index=True, width="stretch",
            column_config={"what": "Records", "added": st.column_config.NumberColumn("Added"),
                           "updated": st.column_config.NumberColumn("Updated"),
                           "skipped": st.column_config.NumberColumn("Unchanged")},
        )
    else:
        left.info("The file holds no records this app keeps.", icon=":material/info:")
    if report.notes:
        right.markdown("**Left out or worth knowing**")
        right.caption("\n".join(f"- {layout.escape_markdown(note)}" for note in report.notes))
    rows = report.rows()
    show_all = st.toggle("Show unchanged records too", key="ie_show_all") if rows else False
    shown = rows if show_all else [r for r in rows if r["action"] != "skipped"]
    if shown:
        with st.expander(f"Record by record ({len(shown):,})", expanded=len(shown) <= 20):
            st.dataframe(shown, hide_index=True, width="stretch", height=min(38 + 35 * len(shown), 460),
                         column_config={"what": "Records",
                                        "record": st.column_config.TextColumn("Record", width="large"),
                                        "action": "Action", "changes": "Changes",
                                        "from": st.column_config.TextColumn("From (file and row)", width="medium")})


def pick_upload():
    """The format, and the file(s) of that format: (format, CSV entity, every connection?, uploads)."""
    fmt = st.segmented_control("What are you bringing in?", list(FORMATS), format_func=FORMATS.get,
                               default="jsonresume", key="ie_format") or "jsonresume"
    entity, all_connections = None, False
    if fmt == "jsonresume":
        st.markdown("A **JSON Resume** file ([jsonresume.org](https://jsonresume.org/schema), v1.0.0): your "
                    "work history becomes positions, highlights become accomplishments, skills and keywords "
                    "become skills, references become contacts.")
        uploads = st.file_uploader("JSON Resume file", type=["json"], key="ie_upload_jsonresume",
                                   max_upload_size=MAX_MB)
    elif fmt == "linkedin":
        st.markdown("Your **LinkedIn data export** (Settings → Data privacy → *Get a copy of your data*): the "
                    "zip as downloaded, or the CSV files from it. Positions, skills, endorsements, "
                    "recommendations, connections, projects, certifications, honors and publications are used; "
                    "other files are ignored and listed.")
        uploads = st.file_uploader("LinkedIn export (.zip) or its CSV files", type=["zip", "csv"],
                                   accept_multiple_files=True, key="ie_upload_linkedin", max_upload_size=MAX_MB)
        all_connections = st.checkbox(
            "Add every connection as a contact", key="ie_all_connections",
            help="Off: only people who recommended or endorsed you become contacts; other connections only "
                 "update the company and title of contacts you already have.")
    else:
        c1, c2 = st.columns([2, 1], vertical_alignment="bottom")
        entity = c1.selectbox("Which records does the spreadsheet hold?", list(CSV_ENTITIES),
                              format_func=lambda e: ENTITY_LABELS[CSV_ENTITIES[e].entity], key="ie_csv_entity")
        c2.download_button("Template", template_path(entity).read_bytes(), file_name=f"{entity}.csv",
                           mime="text/csv", icon=":material/download:", key=f"ie_template_{entity}",
                           help="An empty template with one example row and every column")
        spec = CSV_ENTITIES[entity]
        st.caption(f"Columns: {', '.join(spec.columns)}. Required: {', '.join(spec.required)}. "
                   f"A row matches an existing record by {spec.key}. Lists are separated by “;”.")
        uploads = st.file_uploader(f"{entity}.csv", type=["csv"], key=f"ie_upload_csv_{entity}",
                                   max_upload_size=MAX_MB)
    uploads = [u for u in (uploads if isinstance(uploads, list) else [uploads]) if u is not None]
    return fmt, entity, all_connections, uploads


def checked_upload(fmt: str, entity: str | None, all_connections: bool, uploads: list):
    """(bundle, its dry-run report, the upload's key) once the file(s) parse cleanly, else None with the
    reason shown; the dry run is kept per upload so a rerun does not parse the file again."""
    ready = None
    digest = hashlib.sha256(repr((fmt, entity, all_connections)).encode())
    for u in uploads:
        digest.update(u.name.encode() + b"\0" + u.getvalue())
    upload_key = digest.hexdigest()
    result = st.session_state.get("ie_result")
    if uploads and result and result[0] == upload_key:
        st.success(result[1], icon=":material/check_circle:")
        # what only you can add now: ratings, what wins were worth, the role you want
        widgets.gaps_panel(state.read(home_queries.first_run, today()).gaps, "What next")
    if not uploads:
        st.info("Choose a file above. Nothing is written until you have seen the preview and pressed "
                "**Import**.", icon=":material/upload_file:")
    elif any(u.size > MAX_UPLOAD_BYTES for u in uploads):
        big = next(u for u in uploads if u.size > MAX_UPLOAD_BYTES)
        st.error(f"{layout.escape_markdown(big.name)} is {big.size / 2**20:.1f} MB; the limit is {MAX_MB} MB. "
                 "A career file is far smaller: check you picked the right file.", icon=":material/error:")
    elif all(u.size == 0 for u in uploads):
        st.warning(f"{layout.escape_markdown(uploads[0].name)} is empty: there is nothing to import. "
                   "Export the file again and upload the new copy.", icon=":material/draft:")
    else:
        key = (upload_key, st.session_state.get("ie_imports", 0))
        cached = st.session_state.get("ie_preview")
        if cached is None or cached[0] != key:
            try:
                bundle = parse_uploads(fmt, uploads, entity, all_connections)
                report = state.run(run_import, bundle, dry_run=True,
                                    progress=progress_bar("Checking") if len(bundle.items) > 300 else None)
                cached = (key, bundle, report, None)
            except CareerDataError as err:
                cached = (key, None, None, str(err))
            except Exception as err:  # a hostile file must never show a traceback or a path
                cached = (key, None, None, f"{uploads[0].name} could not be read ({type(err).__name__})")
            st.session_state["ie_preview"] = cached
        _, bundle, report, error = cached
        if error:
            st.error(f"Nothing was imported: {layout.escape_markdown(error)}", icon=":material/error:")
        else:
            ready = (bundle, report, upload_key)
    return ready


def how_importing_works() -> None:
    """The rules of an import, next to the picker."""
    st.markdown("**How importing works**")
    st.markdown(
        "- **Preview first.** The table shows exactly what will be added, updated and left alone.\n"
        "- **Safe to repeat.** A record is recognised by its natural key (a skill or contact by name, a position "
        "by employer, title and start date, a win by title and start date, a talk or post by title and date), "
        "so importing the same file twice changes nothing.\n"
        "- **Your edits win.** An import only updates what the file states; guesses it makes for new records "
        "(a skill's kind, a contact's relationship) never overwrite yours, and a blank never erases.\n"
        "- **All or nothing.** A bad file changes nothing; the message names the file, row and field.")
    layout.page_link("journal", label="Check and enrich imported records in the Journal")


def import_ready(ready) -> None:
    """The preview of a checked file and the button that imports it in one transaction."""
    bundle, report, upload_key = ready
    st.subheader(f"Preview: {layout.escape_markdown(bundle.source)}")
    preview(report)
    changes = report.totals()["added"] + report.totals()["updated"]
    if st.button(f"Import {changes:,} change{'s' if changes != 1 else ''}" if changes else
                 "Nothing new to import", type="primary", disabled=not changes, key="ie_import",
                 icon=":material/download_done:"):
        try:
            done = state.write(run_import, bundle, progress=progress_bar("Importing"))
        except CareerDataError as err:
            st.error(f"Nothing was imported: {layout.escape_markdown(str(err))}", icon=":material/error:")
        else:
            t = done.totals()
            st.session_state["ie_result"] = (upload_key, (
                f"Imported {layout.escape_markdown(bundle.source)}: {t['added']:,} added, "
                f"{t['updated']:,} updated, {t['skipped']:,} unchanged. Importing it again changes nothing."))
            st.session_state["ie_imports"] = st.session_state.get("ie_imports", 0) + 1
            st.session_state["flash"] = "Import complete"
            st.rerun()


def import_tab() -> None:
    """Import: pick a format and a file, see what would change, then import it."""
    ready = None  # (bundle, its dry-run report, the upload's key) once a file parsed cleanly
    left, right = st.columns([3, 2], gap="large")
    with left:
        fmt, entity, all_connections, uploads = pick_upload()
        ready = checked_upload(fmt, entity, all_connections, uploads)
    with right, st.container(border=True):
        how_importing_works()
    if ready:
        import_ready(ready)


def export_tab(counts: dict[str, int]) -> None:
    """Export: everything in the career file, in formats other tools read, built when clicked."""
    st.markdown("Everything in your career file, in formats other tools read. Files are built when you click.")
    c1, c2 = st.columns(2)
    with c1, st.container(border=True, height="stretch"):
        st.markdown("**JSON Resume** (v1.0.0)")
        st.caption("Positions with your wins as highlights, skills with your latest level, external talks and posts. "
                   "Contacts stay private. Works with any jsonresume.org theme.")
        prepared_download("resume.json", lambda p: state.run(export.jsonresume_text, progress=p),
                          file_name="resume.json", mime="application/json", icon=":material/description:",
                          key="ie_dl_jsonresume")
    with c2, st.container(border=True, height="stretch"):
        st.markdown("**Full backup** (Parquet per table + manifest.json)")
        st.caption("Every table, exactly. Unzip it and restore with `careerdata restore FOLDER --db NEW.duckdb` "
                   "(stop the dashboard first).")
        prepared_download("backup (.zip)", lambda p: state.run(backup.backup_zip, progress=p),
                          file_name="careerdata-backup.zip", mime="application/zip", icon=":material/backup:",
                          key="ie_dl_backup", unit="tables")

    with st.container(border=True):
        st.markdown("**Brag document** (Markdown): your wins in a period, grouped by ladder competency, with impact")
        default_start, default_end = state.run(export.brag_period)
        b1, b2, b3 = st.columns([1.2, 1.2, 1.8], vertical_alignment="bottom")  # whole dates at 1024 px
        start = b1.date_input("From", value=default_start, min_value=widgets.EARLIEST, key="ie_brag_from")
        end = b2.date_input("To", value=default_end, min_value=widgets.EARLIEST, key="ie_brag_to")
        if start and end and end >= start:
            b3.download_button("Download brag document", lambda: state.run(export.brag_markdown, start, end),
                               file_name=f"brag-{start}-to-{end}.md", mime="text/markdown",
                               icon=":material/emoji_events:", key="ie_dl_brag")
            with st.expander("Preview the brag document"):
                shown, length = state.read(io_view.brag_preview, start, end)
                st.markdown(shown)
                if len(shown) < length:
                    st.caption(f"The preview shows the first {len(shown):,} of {length:,} characters; the download "
                               "has the whole document.")
        else:
            b3.warning("“To” must be on or after “From”.")

    with st.container(border=True):
        st.markdown("**CSV per entity**: the same columns as the import templates, so you can edit in a "
                    "spreadsheet and import the file back")
        cols = st.columns(2)  # two a row: each label ("Skill assessments (160)") whole at 1024 px
        for n, (name, spec) in enumerate(CSV_ENTITIES.items()):
            label = f"{ENTITY_LABELS[spec.entity]} ({counts[name]:,})"
            with cols[n % 2]:
                if counts[name] < WORTH_A_BAR:  # built in a blink: one click
                    st.download_button(label, lambda name=name: state.run(export.export_csv, name),
                                       file_name=f"{name}.csv", mime="text/csv", icon=":material/table_view:",
                                       key=f"ie_dl_csv_{name}", width="stretch")
                else:
                    prepared_download(label, lambda p, name=name: state.run(export.export_csv, name, progress=p),
                                      file_name=f"{name}.csv", mime="text/csv", icon=":material/table_view:",
                                      key=f"ie_dl_csv_{name}", unit="rows", width="stretch")

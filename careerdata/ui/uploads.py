"""Your own ladder and your backups, loaded from the app: upload, preview, then apply.

The app writes through its own connection, so neither needs the dashboard stopped (the CLI's
`careerdata ladder` and `careerdata restore` are refused while the app holds the file).
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from careerdata.core.errors import CareerDataError
from careerdata.import_export.backup import unpack_upload
from careerdata.import_export.common import MAX_UPLOAD_BYTES
from careerdata.import_export.yaml_files import parse_ladder
from careerdata.journal import repo
from careerdata.ui import layout, state, widgets
from careerdata.ui.progress import progress_bar

MAX_MB = MAX_UPLOAD_BYTES // 2**20


def ladder_upload() -> None:
    st.markdown("**Your company's career ladder** (YAML, in the format documented at the top of "
                "`sample_data/ladders/engineering.yaml`): levels, competencies and what each level expects.")
    upload = st.file_uploader("Ladder file", type=["yaml", "yml"], key="ladder_upload", max_upload_size=MAX_MB)
    if upload is None:
        return
    try:
        ladder = parse_ladder(upload.getvalue(), upload.name)
    except CareerDataError as err:
        st.error(f"Not loaded: {layout.escape_markdown(str(err))}. Your current ladder is kept.",
                 icon=":material/error:")
        return
    st.markdown(f"Preview: **{layout.escape_markdown(ladder.name)}**, {len(ladder.levels)} levels, "
                f"{len(ladder.competencies)} competencies, {len(ladder.expectations)} expectations.")
    st.dataframe(pd.DataFrame([{"code": lv.code, "title": lv.title, "track": lv.track, "rank": lv.rank}
                               for lv in ladder.levels]), hide_index=True, width="stretch")
    apply = st.button("Use this ladder", type="primary", key="ladder_apply", icon=":material/stairs:",
                      help="Replaces the ladder in use; your wins keep their competency links where the keys match.")
    if apply and widgets.save(lambda: state.write(repo.replace_ladder, ladder), f"Loaded the ladder “{ladder.name}”"):
        st.rerun()


def backup_restore_upload() -> None:
    st.markdown("**Restore a backup**: the .zip from *Download backup*, or `manifest.json` with its Parquet "
                "files. You see what it holds before anything changes; restoring **replaces everything** in "
                "your career file.")
    uploads = st.file_uploader("Backup", type=["zip", "json", "parquet"], accept_multiple_files=True,
                               key="restore_upload", max_upload_size=MAX_MB)
    if not uploads:
        return
    digest = hashlib.sha256(b"".join(u.name.encode() + b"\0" + u.getvalue() for u in uploads)).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"careerdata-restore-{digest}"
    try:
        manifest = unpack_upload({u.name: u.getvalue() for u in uploads}, folder)
    except CareerDataError as err:
        st.error(f"Not restored: {layout.escape_markdown(str(err))}. Nothing was changed.", icon=":material/error:")
        return
    rows = {t: info["rows"] for t, info in manifest["tables"].items()}
    keep = ("profile", "position", "skill", "accomplishment", "impact_metric", "contact", "interaction",
            "target_role", "opportunity")
    st.markdown(f"Preview: a backup made **{layout.escape_markdown(str(manifest.get('created_at', '?'))[:19])}**, "
                f"schema version {max(manifest['migrations'], default=0)}, {len(rows)} tables.")
    st.dataframe(pd.DataFrame([{"table": t, "rows": rows.get(t, 0)} for t in keep]), hide_index=True,
                 width="content")
    with st.popover("Restore this backup", icon=":material/settings_backup_restore:"):
        st.markdown("This replaces **everything** in your career file with the backup. Download a backup of the "
                    "current file first if you may want it back.")
        apply = st.button("Replace my file with the backup", type="primary", key="restore_apply")
        if apply and widgets.save(lambda: state.restore_backup(folder, progress_bar("Restoring", "tables")),
                                  "Restored the backup"):
            st.rerun()

"""Exports of a promotion case: Markdown as is, DOCX read back with python-docx, HTML escaped."""

from __future__ import annotations

import datetime as dt
import io

import docx

from careerdata.promotion import export as pe

CASE = """# Promotion case: Ada for Staff Engineer (L6)

Review cycle 1 Apr 2026 – 31 Mar 2027

## Impact

Quantified impact: **$883k a year** from 2 metrics.

| Accomplishment | What changed | Before → after | Value a year | Confidence |
| --- | --- | --- | --- | --- |
| Cut \\| trimmed the bill | AWS spend | 10 → 7 USD/month | $36k | verified by Bo |
| Sped up search | p99 latency | 1,800 → 300 ms | — | measured |

## Technical leadership

- **Led the ledger migration** (May 2026, org-level): close from 5 days to 1. [link](https://wiki.example/ledger)
  - Sub-point with `code` and *emphasis*
- Drove 3 RFCs (PR #88)

## Gaps and plan

1. People management: ask to run a hiring loop.
"""


def test_parse_blocks_reads_headings_lists_tables_and_paragraphs():
    blocks = pe.parse_blocks(CASE)
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Heading", "Paragraph", "Heading", "Paragraph", "Table", "Heading", "BulletList", "Heading",
                     "BulletList"]
    table = blocks[4]
    assert table.header[0] == "Accomplishment" and len(table.rows) == 2
    assert table.rows[0][0] == "Cut \\| trimmed the bill"  # an escaped pipe stays in its cell
    bullets = blocks[6]
    assert [i.depth for i in bullets.items] == [0, 1, 0] and not bullets.ordered
    assert blocks[8].ordered


def test_inline_runs_resolve_formatting_links_and_escapes():
    runs = pe.parse_inline(r"**Bold** and \*literal\* [doc](https://x.example/a) `c`")
    assert runs[0] == pe.Run("Bold", bold=True)
    assert pe.Run(" and *literal* ") in runs
    assert pe.Run("doc", url="https://x.example/a") in runs
    assert runs[-1] == pe.Run("c", code=True)
    assert pe.plain_text("snake_case_name stays") == "snake_case_name stays"


def test_docx_has_title_headings_bullets_and_the_metrics_table():
    document = docx.Document(io.BytesIO(pe.to_docx(CASE, "Case")))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", "Promotion case: Ada for Staff Engineer (L6)") in styles
    assert ("Heading 1", "Impact") in styles and ("Heading 1", "Gaps and plan") in styles
    bullets = [t for s, t in styles if s.startswith("List Bullet")]
    assert bullets[0].startswith("Led the ledger migration (May 2026, org-level): close from 5 days to 1.")
    assert ("List Bullet 2", "Sub-point with code and emphasis") in styles
    assert any(s == "List Number" for s, _ in styles)
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "Led the ledger migration" in bold
    [table] = document.tables
    assert [c.text for c in table.rows[0].cells] == ["Accomplishment", "What changed", "Before → after",
                                                     "Value a year", "Confidence"]
    assert [c.text for c in table.rows[1].cells][:3] == ["Cut | trimmed the bill", "AWS spend", "10 → 7 USD/month"]
    assert len(table.rows) == 3
    links = [r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert links == ["https://wiki.example/ledger"]
    assert document.core_properties.title == "Case"


def test_html_escapes_user_text_and_allows_only_safe_links():
    hostile = CASE + '\n- <script>alert("x")</script> [click](javascript:alert(1)) <img src=x onerror=y>\n'
    page = pe.to_html(hostile, "<b>Title</b>")
    assert "<script>" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<img" not in page and "&lt;img src=x onerror=y&gt;" in page
    assert 'href="javascript' not in page and "click (javascript:alert(1))" in page
    assert '<a href="https://wiki.example/ledger">link</a>' in page
    assert "<title>&lt;b&gt;Title&lt;/b&gt;</title>" in page
    assert "Content-Security-Policy" in page and "@media print" in page
    assert "<table>" in page and "<th>Accomplishment</th>" in page and "<td>Cut | trimmed the bill</td>" in page
    assert "<h2>Impact</h2>" in page and "<strong>$883k a year</strong>" in page


def test_export_dispatches_by_format_and_names_files():
    assert pe.export(CASE, "md") == CASE.encode()
    assert pe.export(CASE, "docx")[:2] == b"PK"  # a zip container
    assert pe.export(CASE, "html").startswith(b"<!doctype html>")
    assert pe.file_name("L6", dt.date(2027, 3, 31), "docx") == "promotion-case-L6-2027-03-31.docx"


# --- the packet and the private plan: two files for two readers ----------------------------------

OLD_STYLE = """# Promotion case: Ada for L6

## Support from the data team

- Built the shared feature store the data team runs on (3 teams).

## Advocates

- **Bo Boss**, manager (supporter, influence 4/5): has not yet been told about a win from this cycle.

## Gaps and plan

- **Architecture**: plan to write an RFC by March.

## Glue work

- Ran 12 incident reviews.
"""


def test_an_old_draft_is_split_by_its_exact_private_headings():
    packet, plan = pe.split_case(OLD_STYLE)
    assert "## Support from the data team" in packet  # a user's own section, not the Advocates one
    assert "## Glue work\n\n- Ran 12 incident reviews." in packet
    assert "Advocates" not in packet and "influence" not in packet and "Gaps" not in packet
    assert plan.startswith("# Private plan — not for sharing\n\n## Advocates")
    assert "influence 4/5" in plan and "## Gaps and plan" in plan and "Glue work" not in plan
    assert pe.split_case("# Case\n\n## Impact\n\n- Led 3 things.\n") == ("# Case\n\n## Impact\n\n- Led 3 things.\n", "")


def test_everything_under_the_private_heading_stays_private():
    draft = "# Case\n\n## Impact\n\n- Cut cost 3%.\n\n# Private plan — not for sharing\n\n## My notes\n\n- ask Bo\n"
    packet, plan = pe.split_case(draft)
    assert packet == "# Case\n\n## Impact\n\n- Cut cost 3%.\n"
    assert plan == "# Private plan — not for sharing\n\n## My notes\n\n- ask Bo\n"
    assert pe.file_name("L6", dt.date(2027, 3, 31), "md", private=True) == "PRIVATE-promotion-plan-L6-2027-03-31.md"


def _docx_text(data: bytes) -> tuple[str, docx.document.Document]:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells), document


def test_the_demo_packet_holds_only_the_case_in_one_voice_with_the_user_as_author(demo_con):
    import re

    from careerdata.promotion import case as pcase
    from careerdata.promotion import draft as pdraft
    from careerdata.promotion import evidence as pa
    from careerdata.promotion import queries as pq

    today = dt.date(2026, 11, 21)
    inputs = pq.case_inputs(demo_con)
    start, end = pa.default_cycle(inputs.profile, today)
    draft = pdraft.draft_case(pcase.analyse(inputs, "L6", start, end, today))
    assert "influence 4/5" in draft  # the draft in the app keeps the plan...
    title = "Promotion case: Staff Engineer (L6)"
    md = pe.export_packet(draft, "md", title, "Priya Raman").decode()
    page = pe.export_packet(draft, "html", title, "Priya Raman").decode()
    text, document = _docx_text(pe.export_packet(draft, "docx", title, "Priya Raman"))
    for shown in (md, page, text):  # ...the packet's files do not
        assert not re.search(r"influence \d/5", shown)
        assert "not yet" not in shown and "told" not in shown
        assert "Advocates" not in shown and "Gaps and plan" not in shown and "python-docx" not in shown
        assert "Priya" in shown and "Staff Engineer (L6)" in shown
        assert not re.search(r"\b(you|your|yours)\b", shown, re.I)  # one voice: the third person throughout
    assert '<meta name="author" content="Priya Raman">' in page
    props = document.core_properties
    assert (props.author, props.last_modified_by, props.title) == ("Priya Raman", "Priya Raman", title)
    assert "python-docx" not in (props.comments or "")

    plan_text, plan_doc = _docx_text(pe.export_private(draft, "docx", "Priya Raman"))
    assert plan_doc.core_properties.title == "Private plan — not for sharing"
    assert plan_doc.paragraphs[0].text == "Private plan — not for sharing"
    assert re.search(r"Leo Park\*?\*?, peer \(advocate, influence 1/5", pe.export_private(draft, "md").decode())
    assert "Dana Whitfield" in plan_text and "People management" in plan_text
    assert "<title>Private plan — not for sharing</title>" in pe.export_private(draft, "html").decode()

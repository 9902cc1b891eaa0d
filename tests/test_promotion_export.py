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

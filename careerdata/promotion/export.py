"""Export a promotion case (Markdown) as Markdown, DOCX or printable HTML: the packet and the private plan
as two separate files.

The draft holds the packet (for the manager and the committee) and the private plan (advocates, their
influence, who has heard about which win, the gaps): `split_case` cuts them apart, so the packet's
files carry only the case and the plan goes to its own file, titled and named as private. A draft
saved before the split (or edited by hand) is split by its "Advocates" and "Gaps and plan" headings.

The case is Markdown the user may have edited, so this reads the small subset a case uses
(headings, bullet and numbered lists, pipe tables, paragraphs; **bold**, *italic*, `code`,
[links](https://...) and backslash escapes) and writes each format from those blocks.
HTML escapes every piece of text (no user HTML ever passes through, and the page forbids
scripts with a Content-Security-Policy); only http(s) and mailto links become anchors.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from dataclasses import dataclass

FORMATS = {
    "md": ("Markdown", "text/markdown"),
    "docx": ("Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "html": ("Printable HTML", "text/html"),
}
SAFE_URL = re.compile(r"^(https?://|mailto:)", re.I)
PRIVATE_HEADING = "Private plan — not for sharing"
# The sections of the private plan, by their exact headings (careerdata.promotion.evidence.SECTIONS):
# a user's own "Support from the data team" section stays in the packet.
PRIVATE_SECTIONS = ("advocates", "gaps and plan")


# --- packet and private plan -------------------------------------------------------------------

def split_case(markdown: str) -> tuple[str, str]:
    """(packet, private plan) of a draft.

    Private: everything from a level-1 heading that starts with "Private plan" to the end, and any
    section headed exactly "Advocates" or "Gaps and plan" (to the next heading of level 1 or 2).
    The rest is the packet. The plan always opens with the `PRIVATE_HEADING` title (added when the
    draft has none), and is '' when the draft has no private part.
    """
    packet: list[str] = []
    private: list[str] = []
    rest_private = section_private = False
    for line in markdown.splitlines():
        head = _HEADING.match(line)
        if head:
            level, text = len(head.group(1)), head.group(2).strip().casefold()
            if level == 1 and text.startswith("private plan"):
                rest_private = True
            elif level <= 2:
                section_private = text in PRIVATE_SECTIONS
        (private if rest_private or section_private else packet).append(line)
    body = "\n".join(private).strip()
    if body and not body.startswith("# "):
        body = f"# {PRIVATE_HEADING}\n\n{body}"
    return "\n".join(packet).rstrip() + "\n", (body + "\n" if body else "")


def packet(markdown: str) -> str:
    """The case for the manager and the committee: the draft without its private plan."""
    return split_case(markdown)[0]


def private_plan(markdown: str) -> str:
    """The private plan of the draft ('' when it has none)."""
    return split_case(markdown)[1]


# --- blocks ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class ListItem:
    depth: int
    text: str


@dataclass(frozen=True)
class BulletList:
    ordered: bool
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | BulletList | Table

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def split_row(line: str) -> tuple[str, ...]:
    """Cells of a pipe-table row; '\\|' is a literal pipe inside a cell."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells, cur, i = [], "", 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            cur += body[i:i + 2]
            i += 2
            continue
        if body[i] == "|":
            cells.append(cur.strip())
            cur = ""
        else:
            cur += body[i]
        i += 1
    cells.append(cur.strip())
    return tuple(cells)


def parse_blocks(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    lines = markdown.splitlines()
    i = 0
    para: list[str] = []

    def flush():
        if para:
            blocks.append(Paragraph(" ".join(p.strip() for p in para)))
            para.clear()

    while i < len(lines):
        line = lines[i]
        if not line.strip():
            flush()
            i += 1
            continue
        head = _HEADING.match(line)
        if head:
            flush()
            blocks.append(Heading(len(head.group(1)), head.group(2)))
            i += 1
            continue
        if line.lstrip().startswith("|") and i + 1 < len(lines) and _TABLE_SEP.match(lines[i + 1]):
            flush()
            header = split_row(line)
            rows = []
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                cells = split_row(lines[i])
                rows.append(tuple(cells[: len(header)]) + ("",) * (len(header) - len(cells)))
                i += 1
            blocks.append(Table(header, tuple(rows)))
            continue
        item = _ITEM.match(line)
        if item:
            flush()
            ordered = item.group(2)[0].isdigit()
            items = []
            while i < len(lines):
                m = _ITEM.match(lines[i])
                if m:
                    depth = min(2, len(m.group(1).expandtabs(4)) // 2)
                    items.append(ListItem(depth, m.group(3).strip()))
                elif lines[i].strip() and lines[i].startswith((" ", "\t")) and items:
                    last = items[-1]
                    items[-1] = ListItem(last.depth, last.text + " " + lines[i].strip())
                else:
                    break
                i += 1
            blocks.append(BulletList(ordered, tuple(items)))
            continue
        para.append(line)
        i += 1
    flush()
    return blocks


# --- inline runs -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    url: str | None = None


_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(\s*([^)\s]+)\s*\)")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def parse_inline(text: str) -> list[Run]:
    """Split Markdown inline text into runs with their formatting (escapes resolved)."""
    runs: list[Run] = []
    buf = ""
    bold = italic = code = False
    i = 0

    def emit():
        nonlocal buf
        if buf:
            runs.append(Run(buf, bold, italic, code))
            buf = ""

    while i < len(text):
        ch = text[i]
        if code:
            if ch == "`":
                emit()
                code = False
            else:
                buf += ch
            i += 1
            continue
        if ch == "\\" and i + 1 < len(text):
            buf += text[i + 1]
            i += 2
            continue
        if ch == "`":
            emit()
            code = True
            i += 1
            continue
        if text.startswith("**", i) or text.startswith("__", i):
            emit()
            bold = not bold
            i += 2
            continue
        if ch in "*_":
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            opening = not italic and not prev.isalnum() and not nxt.isspace()
            closing = italic and not prev.isspace() and not nxt.isalnum()
            if ch == "*" or opening or closing:
                emit()
                italic = not italic
                i += 1
                continue
        if ch == "[":
            m = _LINK.match(text, i)
            if m:
                emit()
                runs.append(Run(_unescape(m.group(1)), bold, italic, False, m.group(2)))
                i = m.end()
                continue
        buf += ch
        i += 1
    emit()
    return runs


def plain_text(text: str) -> str:
    return "".join(r.text + (f" ({r.url})" if r.url and r.url != r.text else "") for r in parse_inline(text))


# --- Markdown --------------------------------------------------------------------------------

def to_markdown(markdown: str) -> str:
    return markdown.rstrip() + "\n"


# --- HTML ------------------------------------------------------------------------------------

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; color: #1F2937; max-width: 52rem; margin: 2.5rem auto;
       padding: 0 1.5rem; line-height: 1.55; font-size: 11.5pt; }
h1 { font-size: 1.7rem; margin-bottom: .3rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #E5E7EB; padding-bottom: .2rem; margin-top: 1.8rem; }
h3 { font-size: 1.05rem; }
ul, ol { padding-left: 1.4rem; } li { margin: .25rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: .8rem 0; }
th, td { border: 1px solid #D1D5DB; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #F3F4F6; }
code { font-family: Menlo, Consolas, monospace; font-size: .9em; }
a { color: #4338CA; }
@page { margin: 18mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  h1, h2, h3 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 8.5pt; color: #6B7280; }
}
"""


def _html_inline(text: str) -> str:
    out = []
    for r in parse_inline(text):
        piece = html.escape(r.text)
        if r.code:
            piece = f"<code>{piece}</code>"
        if r.url:
            if SAFE_URL.match(r.url):
                piece = f'<a href="{html.escape(r.url, quote=True)}">{piece}</a>'
            else:
                piece = f"{piece} ({html.escape(r.url)})"
        if r.italic:
            piece = f"<em>{piece}</em>"
        if r.bold:
            piece = f"<strong>{piece}</strong>"
        out.append(piece)
    return "".join(out)


def _html_list(block: BulletList) -> list[str]:
    tag = "ol" if block.ordered else "ul"
    out, depth = [f"<{tag}>"], 0
    for item in block.items:
        while item.depth > depth:
            out.append(f"<{tag}>")
            depth += 1
        while item.depth < depth:
            out.append(f"</{tag}>")
            depth -= 1
        out.append(f"<li>{_html_inline(item.text)}</li>")
    out += [f"</{tag}>"] * (depth + 1)
    return out


def to_html(markdown: str, title: str = "Promotion case", author: str | None = None) -> str:
    """A standalone, printable HTML page with its title and author; every piece of text is escaped."""
    body = []
    for block in parse_blocks(markdown):
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{_html_inline(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{_html_inline(block.text)}</p>")
        elif isinstance(block, BulletList):
            body += _html_list(block)
        else:
            body.append("<table><thead><tr>" + "".join(f"<th>{_html_inline(c)}</th>" for c in block.header)
                        + "</tr></thead><tbody>")
            for row in block.rows:
                body.append("<tr>" + "".join(f"<td>{_html_inline(c)}</td>" for c in row) + "</tr>")
            body.append("</tbody></table>")
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        + (f"<meta name=\"author\" content=\"{html.escape(author, quote=True)}\">\n" if author else "")
        + f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body) + "\n</body>\n</html>\n"
    )


# --- DOCX ------------------------------------------------------------------------------------

def _add_hyperlink(paragraph, url: str, text: str, bold: bool, italic: bool) -> None:
    """A real, clickable hyperlink run (python-docx has no public API for it)."""
    from docx.enum.dml import MSO_THEME_COLOR_INDEX
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    run.font.underline = True
    run.font.color.theme_color = MSO_THEME_COLOR_INDEX.HYPERLINK
    link.append(run._r)
    paragraph._p.append(link)


def _docx_inline(paragraph, text: str) -> None:
    for r in parse_inline(text):
        if r.url and SAFE_URL.match(r.url):
            _add_hyperlink(paragraph, r.url, r.text, r.bold, r.italic)
            continue
        run = paragraph.add_run(r.text + (f" ({r.url})" if r.url else ""))
        run.bold = r.bold or None
        run.italic = r.italic or None
        if r.code:
            run.font.name = "Consolas"


def to_docx(markdown: str, title: str = "Promotion case", author: str | None = None) -> bytes:
    """A Word document: H1 as the title, H2/H3 as headings, bullet lists, and tables (the metrics).

    Its properties are the reader's: title = `title`, author and last editor = `author` (the user's
    name; never python-docx's own "python-docx" and "generated by python-docx"), created now."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    props = doc.core_properties
    props.title = title
    props.author = props.last_modified_by = author or ""
    props.comments = ""
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    doc.styles["Normal"].font.size = Pt(10.5)
    for block in parse_blocks(markdown):
        if isinstance(block, Heading):
            doc.add_heading(plain_text(block.text), level=0 if block.level == 1 else min(block.level - 1, 4))
        elif isinstance(block, Paragraph):
            _docx_inline(doc.add_paragraph(), block.text)
        elif isinstance(block, BulletList):
            base = "List Number" if block.ordered else "List Bullet"
            for item in block.items:
                style = base if item.depth == 0 else f"{base} {item.depth + 1}"
                _docx_inline(doc.add_paragraph(style=style), item.text)
        else:
            table = doc.add_table(rows=1, cols=len(block.header))
            table.style = "Light Grid Accent 1"
            for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                cell.text = ""
                _docx_inline(cell.paragraphs[0], f"**{text}**" if "**" not in text else text)
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    _docx_inline(cell.paragraphs[0], text)
                    for run in cell.paragraphs[0].runs:
                        run.font.size = Pt(9)
            doc.add_paragraph()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def export(markdown: str, fmt: str, title: str = "Promotion case", author: str | None = None) -> bytes:
    """`markdown` as it is in `fmt` ('md', 'docx' or 'html') as bytes, ready to write or download
    (pass `packet(draft)` or `private_plan(draft)`, or use `export_packet` / `export_private`)."""
    if fmt == "md":
        return to_markdown(markdown).encode("utf-8")
    if fmt == "html":
        return to_html(markdown, title, author).encode("utf-8")
    if fmt == "docx":
        return to_docx(markdown, title, author)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def export_packet(draft: str, fmt: str, title: str, author: str | None = None) -> bytes:
    """The packet of a draft (no private plan) in `fmt`, titled `title` and authored by the user."""
    return export(packet(draft), fmt, title, author)


def export_private(draft: str, fmt: str, author: str | None = None) -> bytes:
    """The private plan of a draft in `fmt`, titled `PRIVATE_HEADING`."""
    return export(private_plan(draft) or f"# {PRIVATE_HEADING}\n\nThis draft has no private plan.\n", fmt,
                  PRIVATE_HEADING, author)


def file_name(target: str, cycle_end, fmt: str, private: bool = False) -> str:
    """'promotion-case-L6-2027-03-31.docx'; the private plan: 'PRIVATE-promotion-plan-L6-2027-03-31.docx'."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", target).strip("-") or "case"
    kind = "PRIVATE-promotion-plan" if private else "promotion-case"
    return f"{kind}-{safe}-{cycle_end:%Y-%m-%d}.{fmt}"

"""What a person would call a broken screen, measured in the real browser.

`screen_problems(page)` runs in the page after it has settled and returns one line per problem:

- the page scrolls sideways (document wider than the window);
- a text element is clipped: its text is wider than its box and the box hides the rest
  (an ellipsis on a KPI label, a cut-off table header) — `scrollWidth > clientWidth` on an
  element whose overflow is not visible and that holds text of its own;
- a chart's text sticks out of the chart, or two texts of one chart overlap (a legend over an
  axis title, two bubble labels on top of each other), or its title runs onto the plot — bounding
  boxes of Plotly's SVG text and plot area;
- a data table is wider than its column, so its right-hand columns are cut off unless scrolled (a table
  the page put in `careerdata.ui.layout.scrolling_table`, which scrolls on purpose with its key column
  pinned, is not counted).

`height_before_tabs(page)` is how far down the page the first tab bar starts (or the page's
whole height when it has none): the part a person scrolls through before the detail.
"""

from __future__ import annotations

PROBLEMS_JS = r"""
() => {
  const problems = [];
  const doc = document.scrollingElement || document.documentElement;
  const main = document.querySelector('[data-testid="stMain"]');
  if (doc.scrollWidth > doc.clientWidth + 1) {
    problems.push(`page scrolls sideways: ${doc.scrollWidth}px content in a ${doc.clientWidth}px window`);
  }
  const label = el => (el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  // 1. clipped text: any box that hides overflow (or ends in an ellipsis) while its text is wider
  for (const el of main.querySelectorAll('*')) {
    if (!el.offsetParent || el.closest('.js-plotly-plot') || el.closest('[data-testid="stDataFrame"]')) continue;
    if (el.clientWidth === 0) continue;
    const style = getComputedStyle(el);
    const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    if (!hides || el.scrollWidth <= el.clientWidth + 1) continue;
    const text = label(el);
    if (!text) continue;
    // only the innermost clipping box that holds the text, not every ancestor of it
    if ([...el.children].some(c => c.scrollWidth > c.clientWidth + 1 && label(c) === text)) continue;
    problems.push(`clipped text: "${text}" needs ${el.scrollWidth}px, has ${el.clientWidth}px`);
  }
  // 1b. form fields whose value is wider than the field (a date cut to its year, a cut-off name)
  for (const el of main.querySelectorAll('input[type="text"], input[type="search"], input:not([type])')) {
    if (!el.offsetParent || !el.value || el.clientWidth === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      problems.push(`field value cut off: "${el.value.slice(0, 40)}" needs ${el.scrollWidth}px, has ${el.clientWidth}px`);
    }
  }
  // a date field scrolls its "yyyy / mm / dd" inside a box: narrower than that, the date is cut to its year
  for (const el of main.querySelectorAll('[data-testid="stDateInputFieldsScroller"]')) {
    if (!el.offsetParent || el.scrollWidth <= el.clientWidth + 1) continue;
    const name = label(el.closest('[data-testid="stDateInput"]').querySelector('label') || el).slice(0, 40);
    problems.push(`date field too narrow to show a whole date: "${name}" needs ${el.scrollWidth}px, has ${el.clientWidth}px`);
  }
  // 2. charts: text outside the chart, and overlapping texts within one chart
  const charts = main.querySelectorAll('.js-plotly-plot');
  charts.forEach((chart, i) => {
    if (!chart.offsetParent) return;
    const box = chart.getBoundingClientRect();
    const title = (chart.querySelector('.gtitle') || {}).textContent || `chart ${i + 1}`;
    const texts = [...chart.querySelectorAll(
      '.gtitle, .xtitle, .ytitle, .legendtext, .annotation-text, .textpoint text, .bartext, .xtick text, .ytick text, '
      + '.g-xtitle text, .g-ytitle text, .colorbar text, .cbtitle text')]
      .filter(t => (t.textContent || '').trim() && t.getBoundingClientRect().width > 0);
    const rects = texts.map(t => ({t, r: t.getBoundingClientRect(), kind: t.closest('.legend') ? 'legend'
      : t.classList.contains('gtitle') ? 'title' : (t.closest('.textpoint') || t.classList.contains('bartext')) ? 'label'
      : (t.closest('.xtick') || t.closest('.ytick')) ? 'tick' : 'other'}));
    for (const {t, r} of rects) {
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        problems.push(`chart "${title.slice(0, 50)}": text "${t.textContent.trim().slice(0, 40)}" sticks out of the chart`);
      }
    }
    // the title (above the plot) must not run onto the plot area
    const plot = chart.querySelector('.nsewdrag');
    const head = rects.find(x => x.kind === 'title');
    if (plot && head) {
      const p = plot.getBoundingClientRect();
      const w = Math.min(p.right, head.r.right) - Math.max(p.left, head.r.left);
      const h = Math.min(p.bottom, head.r.bottom) - Math.max(p.top, head.r.top);
      if (w > 2 && h > 2) problems.push(`chart "${title.slice(0, 50)}": the title runs onto the plot`);
    }
    for (let a = 0; a < rects.length; a++) {
      for (let b = a + 1; b < rects.length; b++) {
        const A = rects[a], B = rects[b];
        if (A.kind === 'tick' && B.kind === 'tick') continue;  // Plotly thins its own ticks
        const w = Math.min(A.r.right, B.r.right) - Math.max(A.r.left, B.r.left);
        const h = Math.min(A.r.bottom, B.r.bottom) - Math.max(A.r.top, B.r.top);
        if (w > 2 && h > 2) {
          problems.push(`chart "${title.slice(0, 50)}": "${A.t.textContent.trim().slice(0, 30)}" overlaps `
                        + `"${B.t.textContent.trim().slice(0, 30)}"`);
        }
      }
    }
  });
  // 3. data tables wider than their column
  for (const grid of main.querySelectorAll('[data-testid="stDataFrame"]')) {
    if (!grid.offsetParent) continue;
    // a page says a table scrolls on purpose (key column pinned) with careerdata.ui.layout.scrolling_table
    if (grid.closest('[class*="st-key-scrolls-"]')) continue;
    const scroller = grid.querySelector('.dvn-scroller');
    if (scroller && scroller.scrollWidth > scroller.clientWidth + 2) {
      const heads = [...grid.querySelectorAll('[role="columnheader"]')].map(h => label(h)).slice(0, 3).join(', ');
      problems.push(`table cut off on the right (${scroller.scrollWidth}px in ${scroller.clientWidth}px): ${heads}`);
    }
  }
  return problems;
}
"""

HEIGHT_JS = r"""
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const tabs = main.querySelector('[data-testid="stTabs"]');
  const top = main.getBoundingClientRect().top + window.scrollY;
  if (tabs) return tabs.getBoundingClientRect().top + window.scrollY - top;
  const blocks = main.querySelector('[data-testid="stMainBlockContainer"]') || main;
  return blocks.scrollHeight;
}
"""


FULL_HEIGHT_JS = r"""
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const blocks = main.querySelector('[data-testid="stMainBlockContainer"]') || main;
  return blocks.scrollHeight + blocks.getBoundingClientRect().top + 40;
}
"""


def screen_problems(page) -> list[str]:
    return page.evaluate(PROBLEMS_JS)


def height_before_tabs(page) -> float:
    return page.evaluate(HEIGHT_JS)


def tab_problems(page) -> list[str]:
    """Open each tab of the page's first tab bar in turn and check what it shows."""
    found = []
    bar = page.locator('[data-testid="stMain"] [data-testid="stTabs"] [role="tablist"]').first
    names = [t.strip() for t in bar.locator('[role="tab"]').all_inner_texts()]  # its own tabs, not nested ones
    for i, name in enumerate(names):
        tab = bar.locator('[role="tab"]').nth(i)
        if not tab.count():  # a tab that opened another view changed the bar
            break
        tab.click()  # a tab's content is already on the page: only its charts lay out again when shown
        page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=30_000)
        page.wait_for_timeout(600)
        found += [f"[tab {name}] {problem}" for problem in screen_problems(page)]
    return found


def check_pages(url: str, browser, keys, widths, shots, screen_height: int = 1000, tabs_at=()) -> dict:
    """Visit each page at each width; return {(width, key): (problems, height_before_tabs)}.

    A full-page screenshot of each visit is written to `shots/<width>/<key>.png` for a person to look at.
    At the widths in `tabs_at`, every tab of the first tab bar is opened and checked too (its problems
    start "[tab NAME]").
    """
    from test_browser import _settle

    from careerdata.ui.layout import PAGES

    found = {}
    for width in widths:
        folder = shots / str(width)
        folder.mkdir(parents=True, exist_ok=True)
        page = browser.new_page(viewport={"width": width, "height": screen_height})
        for key in keys:
            page.goto(f"{url}/{'' if key == 'home' else PAGES[key][3]}")  # home is the default page: "/"
            _settle(page)
            found[(width, key)] = (screen_problems(page), height_before_tabs(page))
            # Streamlit scrolls its main area, not the document, so a "full page" shot would show one
            # screen: make the window as tall as the page for the picture, then put it back.
            tall = page.evaluate(FULL_HEIGHT_JS)
            page.set_viewport_size({"width": width, "height": max(screen_height, min(int(tall), 16000))})
            page.wait_for_timeout(500)
            page.screenshot(path=str(shots / str(width) / f"{key}.png"), full_page=True)
            page.set_viewport_size({"width": width, "height": screen_height})
            if width in tabs_at and page.locator('[data-testid="stMain"] [data-testid="stTabs"]').count():
                found[(width, key)] = (found[(width, key)][0] + tab_problems(page), found[(width, key)][1])
        page.close()
    return found


def main(argv: list[str]) -> int:
    """`python tests/screen_check.py [--db FILE] [page ...]`: the check on chosen pages, for working on one.

    Serves the app on a copy of the demo (or FILE), prints each problem and the height before the tabs,
    and leaves screenshots in test-artifacts/screenshots/<width>/.
    """
    import argparse
    import shutil
    import sys
    import tempfile
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM, CHROMIUM_ARGS, SHOTS, running_app

    from careerdata.import_export.create import create_database
    from careerdata.ui.layout import PAGES

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--width", type=int, action="append")
    ap.add_argument("--tabs", action="store_true", help="open every tab of the first tab bar and check it too")
    ap.add_argument("pages", nargs="*")
    args = ap.parse_args(argv)
    keys = args.pages or list(PAGES)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "career.duckdb"
        if args.db:
            shutil.copy(args.db, path)
        else:
            create_database(path, demo=True)
        with running_app(path, Path(tmp) / "streamlit.log") as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            widths = args.width or [1440, 1024]
            found = check_pages(url, browser, keys, widths, SHOTS, tabs_at=widths if args.tabs else ())
            browser.close()
    bad = 0
    for (width, key), (problems, height) in found.items():
        print(f"{key} @ {width}px: {height:.0f}px before the tabs" + (" (too tall)" if height > 2500 else ""))
        for problem in problems:
            print(f"    {problem}")
        bad += len(problems) + (height > 2500)
    return 1 if bad else 0


if __name__ == "__main__":
    import os
    import sys

    os.environ.setdefault("CAREERDATA_TODAY", "2026-11-21")
    raise SystemExit(main(sys.argv[1:]))

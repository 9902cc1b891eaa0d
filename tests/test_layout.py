"""The layout rules the CI enforces (docs/ENGINEERING.md, "Layout"): import contracts, module size,
no private name used across modules, the complexity allow-list, thin pages, one name per feature."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "careerdata"
PAGES = ROOT / "app_pages"
MAX_MODULE_LINES = 600
MAX_PAGE_LINES = 200

# Files with a function over ruff's complexity limit (pyproject's per-file-ignores for C901). May only shrink.
COMPLEX_FILES = {
    "careerdata/conversations/analytics.py", "careerdata/import_export/backup.py", "careerdata/import_export/common.py", "careerdata/import_export/export.py",
    "careerdata/home/overview.py", "careerdata/import_export/jsonresume.py",
    "careerdata/matrix/skill_value.py", "careerdata/models/offers.py", "careerdata/promotion/draft.py", "careerdata/promotion/export.py",
    "careerdata/promotion/lint.py", "careerdata/promotion/suggest.py", "careerdata/value/pitch.py",
}


def _python_files() -> list[Path]:
    return sorted([*PACKAGE.rglob("*.py"), *PAGES.glob("*.py"), ROOT / "dashboard.py"])


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_import_contracts_hold():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "BROKEN" not in out.stdout and out.stdout.count("KEPT") >= 3


def test_every_package_has_its_place_in_the_layers():
    """careerdata.figures was once in no contract (its registry imported the features' views), so nothing
    stopped a figure from depending on a page's code. Every package is now a named layer."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")["layers"]
    named = {m.strip().removeprefix("careerdata.") for layer in layers for m in layer.replace(":", "|").split("|")}
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()} | {"cli"}
    assert packages - named == set()
    low = next(c for c in config["tool"]["importlinter"]["contracts"] if c.get("source_modules") == ["careerdata.figures"])
    assert {f"careerdata.{p}" for p in packages - {"core", "store", "figures"}} <= set(low["forbidden_modules"])


def test_no_module_in_careerdata_is_over_600_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES}
    assert long == {}, f"split these by topic: {long}"


def _is_careerdata_module(name: str) -> bool:
    path = ROOT / Path(*name.split("."))
    return name.split(".")[0] == "careerdata" and (path.with_suffix(".py").exists() or path.is_dir())


def _module_aliases(tree: ast.Module) -> set[str]:
    """Local names bound to a careerdata module (`from careerdata.x import y as z`, `import careerdata.x`)."""
    aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            aliases |= {a.asname or a.name for a in node.names if _is_careerdata_module(f"{node.module}.{a.name}")}
        elif isinstance(node, ast.Import):
            aliases |= {a.asname or a.name.split(".")[0] for a in node.names if a.name.split(".")[0] == "careerdata"}
    return aliases


def _private_uses(path: Path) -> list[str]:
    """`from careerdata.x import _name`, and `alias._name` where alias is an imported careerdata module."""
    tree = ast.parse(path.read_text())
    aliases = _module_aliases(tree)
    found = [f"{path.name}:{node.lineno} imports {node.module}.{a.name}" for node in ast.walk(tree)
             if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "careerdata"
             for a in node.names if a.name.startswith("_")]
    found += [f"{path.name}:{node.lineno} uses {node.value.id}.{node.attr}" for node in ast.walk(tree)
              if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
              and node.attr.startswith("_") and not node.attr.startswith("__")]
    return found


def test_no_private_name_is_used_outside_its_module():
    found = [use for path in _python_files() for use in _private_uses(path)]
    assert found == [], "make these public (and documented) or move them where they are used"


def test_the_private_name_scan_catches_both_forms(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from careerdata.store.db import _rollback\nfrom careerdata.store import db\ndb._rollback(1)\n")
    assert len(_private_uses(sample)) == 2


def test_complexity_allow_list_only_shrinks():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    ignores = config["tool"]["ruff"]["lint"]["per-file-ignores"]
    allowed = {f for f, rules in ignores.items() if "C901" in rules}
    assert allowed <= COMPLEX_FILES, f"new files on the complexity allow-list: {allowed - COMPLEX_FILES}"
    ruff = Path(sys.executable).with_name("ruff")
    out = subprocess.run([str(ruff), "check", "--isolated", "--select", "C901", "--output-format", "json",
                          *sorted(allowed)], cwd=ROOT, capture_output=True, text=True)
    still = {str(Path(v["filename"]).relative_to(ROOT)) for v in json.loads(out.stdout)}
    assert allowed - still == set(), f"no longer complex, take them off the allow-list: {allowed - still}"


# Pages still over MAX_PAGE_LINES, with the most lines each may have. May only shrink: lower the number
# when the page gets shorter, take it off when it is thin.
LONG_PAGES: dict[str, int] = {}


def test_pages_are_thin():
    """A page composes: header, its feature's cached view, KPIs, tabs from careerdata/ui/forms/<feature>.py."""
    long = {p.stem: n for p in PAGES.glob("*.py") if (n := len(p.read_text().splitlines())) > MAX_PAGE_LINES}
    assert set(long) <= set(LONG_PAGES), "move forms and tab bodies into careerdata/ui/forms/<feature>.py"
    assert all(long[k] <= LONG_PAGES[k] for k in long), f"a long page grew: {long}"
    assert set(LONG_PAGES) <= set(long), "thin now: take it off LONG_PAGES"


def test_pages_never_open_the_connection_themselves():
    """Pages read through state.read (cached), write through state.write, and run anything else
    (a dry run, a download) through state.run: the connection belongs to careerdata.ui.state."""
    opening = sorted(p.name for p in [*PAGES.glob("*.py"), ROOT / "dashboard.py"] if "state.connection()" in p.read_text())
    assert opening == ["dashboard.py"]  # it opens the file once at start-up to report an unusable one


def test_streamlit_is_imported_only_by_the_ui_pages_dashboard_and_bench():
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).parts
        if rel[0] in ("ui", "bench"):  # bench times the pages with streamlit.testing
            continue
        tree = ast.parse(path.read_text())
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
        assert not [n for n in names if n.split(".")[0] == "streamlit"], path


def test_one_name_leads_to_a_page_its_package_and_its_tests():
    from careerdata.ui.layout import PAGES as NAV

    features = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    for key in NAV:
        assert (PAGES / f"{key}.py").exists(), key
        if key != "about":  # About shows the file, the sources and the glossary: no feature code of its own
            assert key in features, f"page {key} has no careerdata/{key}/ package"
        assert list((ROOT / "tests").glob(f"test_{key}*.py")), f"no tests/test_{key}*.py"

"""Home's KPIs draw before anything heavy loads: the modules the entry script and Home import at the
top (before their KPIs are drawn) load no pandas, NumPy, Arrow, pydantic, Plotly Express, YAML or
python-docx. One import of pandas there added about two seconds to every cold start on this machine;
`careerdata bench` measures the cold start itself."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pandas", "numpy", "pyarrow", "pydantic", "plotly.express", "yaml", "docx")


def _top_imports(path: Path) -> list[str]:
    """The modules a script imports before its first other statement (the code that draws)."""
    names = []
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names += [f"{node.module}.{a.name}" if node.module.startswith("careerdata") else node.module
                      for a in node.names]
        elif not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):  # past the docstring
            break
    return names


def test_the_entry_script_and_homes_top_load_nothing_heavy():
    modules = sorted(set(_top_imports(ROOT / "dashboard.py") + _top_imports(ROOT / "app_pages" / "home.py")))
    assert "careerdata.home.queries" in modules and "careerdata.ui.state" in modules
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n"
            "    try:\n        importlib.import_module(name)\n"
            "    except ModuleNotFoundError:\n        importlib.import_module(name.rpartition('.')[0])\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", f"loaded before Home's KPIs: {out.stdout.strip()}"

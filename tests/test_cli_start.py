"""`careerdata` starts without importing every feature: a command builds only its own feature's part of
the command line (importing them all loaded pandas, about a second, before any command ran)."""

import argparse
import importlib
import subprocess
import sys

from careerdata import cli


def _registered(module: str) -> set[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(module).register(sub, lambda p: p.add_argument("--db"))
    return set(sub.choices)


def test_the_command_names_read_from_source_are_the_ones_each_feature_registers():
    found = cli.command_modules()
    for module in cli.feature_cli_modules():
        assert {n for n, m in found.items() if m == module} == _registered(module), module
    assert {"import", "export", "backup", "restore", "matrix", "promotion", "promo", "figures"} <= set(found)


def test_an_import_starts_without_pandas_and_help_still_lists_every_command():
    code = ("import sys\nfrom careerdata import cli\n"
            "cli.build_parser(['import', 'csv', 'skills', 'skills.csv'])\n"
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    full = subprocess.run([sys.executable, "-m", "careerdata.cli", "--help"], capture_output=True, text=True, check=True)
    for name in cli.command_modules():
        assert name in full.stdout, name

"""The README's run command installs only `[project].dependencies`: every third-party
module the bot imports must be declared there, not just in the `dev` extra."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "flows", "storage")


def _imported_modules() -> set[str]:
    names: set[str] = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - set(PACKAGES) - {"__future__"}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_imported_library_is_a_runtime_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_normalise(re.split(r"[\[<>=;! ]", spec, maxsplit=1)[0])
                for spec in project["dependencies"]}  # fmt: skip
    providers = packages_distributions()
    missing = {
        module: providers.get(module, ["?"])
        for module in _imported_modules()
        if not any(_normalise(dist) in declared for dist in providers.get(module, []))
    }
    assert not missing, f"imported but not in [project].dependencies: {missing}"

"""The dependency rule of the layout (README, "Layout"), checked on every import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Where a module lives -> the imports it must not make (prefixes of module names).
FORBIDDEN: dict[str, tuple[str, ...]] = {
    # Pure logic: no I/O, no application, no Telegram.
    "flows": ("bot", "storage", "telegram", "sqlalchemy", "tools", "testing"),
    # Storage knows nothing of the bot or Telegram.
    "storage": ("bot", "telegram", "tools", "testing"),
    # The Telegram-free core: no Telegram, no front end.
    "bot/core": ("telegram", "bot.telegram", "bot.console", "tools", "testing"),
    # What users read: no Telegram, no use cases, no storage.
    "bot/ui": ("telegram", "bot.telegram", "bot.console", "bot.core.service", "storage.database",
               "tools", "testing"),
    "bot/console.py": ("telegram", "bot.telegram"),
    "bot/config.py": ("telegram",),
    "bot/logs.py": ("telegram",),
    "bot/__main__.py": ("telegram",),
}  # fmt: skip


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules(place: str) -> list[Path]:
    path = ROOT / place
    return [path] if path.is_file() else sorted(path.rglob("*.py"))


CASES = [(place, path) for place in FORBIDDEN for path in modules(place)]


@pytest.mark.parametrize(("place", "path"), CASES, ids=[str(p.relative_to(ROOT)) for _, p in CASES])
def test_no_module_imports_across_the_rule(place: str, path: Path) -> None:
    broken = sorted(
        name
        for name in imports(path)
        for banned in FORBIDDEN[place]
        if name == banned or name.startswith(f"{banned}.")
    )
    assert not broken, f"{path.relative_to(ROOT)} imports {broken}"


def test_only_bot_telegram_imports_python_telegram_bot() -> None:
    runtime = [p for package in ("bot", "flows", "storage") for p in modules(package)]
    outside = [
        str(p.relative_to(ROOT))
        for p in runtime
        if "telegram" not in p.relative_to(ROOT).parts[1:2]
        and any(n == "telegram" or n.startswith("telegram.") for n in imports(p))
    ]
    assert outside == []

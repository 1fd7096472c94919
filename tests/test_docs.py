"""The docs keep up with the code: every command and option is in docs/cli.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer.main

from claimledger.cli import app

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _commands() -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []

    # typer ships its own copy of click: walk its command tree by duck typing
    def walk(cmd: Any, path: list[str]) -> None:
        if hasattr(cmd, "list_commands"):
            ctx = cmd.context_class(cmd)
            for name in cmd.list_commands(ctx):
                sub = cmd.get_command(ctx, name)
                assert sub is not None
                walk(sub, [*path, name])
            return
        options = [max(p.opts, key=len) for p in cmd.params if p.param_type_name == "option"]
        out.append((" ".join(path), options))

    walk(typer.main.get_command(app), ["claimledger"])
    return out


@pytest.mark.parametrize(("command", "options"), _commands(), ids=lambda x: str(x))
def test_command_is_documented(command: str, options: list[str]) -> None:
    doc = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"`{command}" in doc, f"{command} is missing from docs/cli.md"
    section = doc[doc.index(f"`{command}") :]
    for option in options:
        if option == "--help":
            continue
        assert option in section, f"{command} {option} is missing from docs/cli.md"


def test_readme_starts_with_the_two_commands() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    head = readme[: readme.index("## ")]
    assert "scripts/setup && .venv/bin/claimledger extract examples/" in head
    assert "\nscripts/test\n" in head
    ci = (DOCS.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test" in ci

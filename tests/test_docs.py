"""Docs stay complete: every CLI command is in README and has help text."""
from __future__ import annotations

import typer.main

from kroniek.cli import app

from .conftest import ROOT


def _commands(group: typer.Typer, prefix: str = "") -> dict[str, object]:
    click_group = typer.main.get_command(group)
    out = {}
    for name, cmd in click_group.commands.items():
        out[f"{prefix}{name}"] = cmd
        for sub, subcmd in getattr(cmd, "commands", {}).items():
            out[f"{prefix}{name} {sub}"] = subcmd
    return out


def test_every_command_is_documented_in_readme_with_help() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _commands(app)
    assert {"extract", "ingest", "quotes", "events", "actors", "actors show", "actors import", "timeline",
            "eval", "serve"} <= set(commands)
    for name, cmd in commands.items():
        assert f"kroniek {name}" in readme or f"kroniek {name.split()[0]}" in readme, name
        assert (cmd.help or "").strip(), f"{name} has no help text"

"""Docs tested against code: every command has help text and a README section; the README's first screen
shows the two set-up commands; every command's options are mentioned in its README section."""

import re
from pathlib import Path

import click
import pytest
import typer.main

from onrecord.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, click.Command]:
    group = typer.main.get_command(app)
    out = {}
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            for sub, subcmd in cmd.commands.items():
                out[f"{name} {sub}"] = subcmd
        out[name] = cmd
    return out


def _section(name: str) -> str:
    m = re.search(rf"^#+ `onrecord {re.escape(name)}`.*?$(.*?)(?=^#+ |\Z)", README, re.M | re.S)
    return m.group(1) if m else ""


def test_docs_first_screen_has_the_two_commands():
    first_screen = "\n".join(README.splitlines()[:30])
    assert "make run" in first_screen and "make test" in first_screen


@pytest.mark.parametrize("name", sorted(_commands()))
def test_docs_every_command_has_help_and_a_readme_section(name):
    cmd = _commands()[name]
    assert (cmd.help or "").strip(), f"`onrecord {name}` has no help text"
    section = _section(name)
    assert section.strip(), f"README has no section headed `onrecord {name}`"
    for param in cmd.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert opt in section, f"README section for `onrecord {name}` does not mention {opt}"

"""Docs are tested: every rule is documented, every command has help with an example and is in the README."""

import re

import pytest
from typer.main import get_command

from partreg.cli import app
from partreg.lint import _sections, rules_markdown
from partreg.rules import ALL
from tests.common import REPO

SECTIONS = ("What it checks:", "Why it matters:", "Example:", "Instead:")
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.id)
def test_rule_has_full_docs(rule):
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.id)
    assert rule.summary.endswith("."), "the first line is a one-sentence summary"
    sections = list(_sections(rule.doc))
    assert [h + ":" for h, _ in sections] == list(SECTIONS), f"{rule.id} needs the sections {SECTIONS}"
    assert all(body for _, body in sections), f"{rule.id} has an empty section"


def test_docs_rules_md_is_current():
    assert (REPO / "docs" / "rules.md").read_text() == rules_markdown(ALL), "run `make docs`"


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.id)
def test_rule_has_a_test_file(rule):
    assert (REPO / "tests" / "rules" / f"test_{rule.id.replace('-', '_')}.py").is_file()


def test_rule_ids_are_unique():
    ids = [r.id for r in ALL]
    assert len(ids) == len(set(ids))


def test_every_rule_module_is_registered():
    modules = {
        p.stem for p in (REPO / "src" / "partreg" / "rules").glob("*.py") if not p.stem.startswith("_")
    }
    assert modules == {r.id.replace("-", "_") for r in ALL}


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_an_example(name):
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    assert command.help and len(command.help.strip()) > 20
    assert "Example: partreg " + name in command.help
    for param in command.params:
        if param.name not in ("help",):
            assert getattr(param, "help", None), f"{name}: {param.name} has no help"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name):
    assert f"partreg {name}" in (REPO / "README.md").read_text()


def test_readme_gives_the_two_first_commands():
    text = (REPO / "README.md").read_text()
    assert text.index("make run") < text.index("make test")

"""The console script: CI's `partreg lint` read without Typer, exactly as Typer reads it, or left to Typer."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from partreg.cli import app
from partreg.entry import lint_arguments
from tests.common import PARTNERSHIP, REPO
from tests.test_cli import QUIET_DAY

#: Arguments of `partreg lint`, in every form of option click and argparse read (and some that they
#: read differently, or that only Typer may answer).
ARGUMENTS = [
    [],
    ["--format", "parsable"],
    ["--format=json"],
    ["-f", "sarif"],
    ["-fgithub"],
    ["-f", "JSON"],
    ["-f", "Parsable", "--strict"],
    ["--format", "auto"],
    ["--format", "text"],
    ["--format", "csv"],
    ["-f=json"],
    ["--form", "json"],
    ["--strict", "--as-of", "2026-01-01", "--jobs", "2", "--root", "."],
    ["--as-of=2026-01-01", "-j3", "--root=register"],
    ["-j", "0"],
    ["-j", "two"],
    ["--jobs", "1_0"],
    ["--as-of", "2026-13-01"],
    ["--as-of", "01/02/2026"],
    ["--as-of", "31/12/2026"],
    ["--as-of", "2026-12"],
    ["--as-of", "9999-01-01"],
    ["--root", "partreg.yaml"],
    ["register", "--format", "json", "README.md"],
    ["register/a.yaml", "--strict", "register/b.yaml", "-f", "parsable"],
    ["--", "-odd-name.yaml"],
    ["-1"],
    ["-x"],
    ["--strict=yes"],
    ["--help"],
    ["-h"],
    ["--version"],
    ["--root"],
    ["--format", "json", "--format", "sarif"],
    [""],
]


def partreg(module, args, cwd, env=None):
    """`partreg` run by the console script (``entry``) or straight by Typer (``cli``)."""
    code = f"import sys; sys.argv[0] = 'partreg'; from partreg.{module} import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, env=env
    )


def typer_reading(argv):
    """The values Typer's `lint` command is called with, or None where Typer refuses the arguments."""
    command = typer.main.get_command(app).commands["lint"]
    try:
        with command.make_context("lint", list(argv), resilient_parsing=False) as ctx:
            params = dict(ctx.params)
    except Exception:  # a usage error, or help, which Typer answers itself
        return None
    params["paths"] = [Path(p) for p in params["paths"]] if params["paths"] else None
    return params


@pytest.mark.parametrize("argv", ARGUMENTS, ids=lambda a: " ".join(a) or "(none)")
def test_arguments_read_as_typer_reads_them_or_left_to_typer(argv, monkeypatch):
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    quick = lint_arguments(argv)
    if quick is not None:
        assert quick == typer_reading(argv)


def test_the_options_are_the_typer_commands():
    """A new option of `partreg lint` is read here too, or the quick reading would refuse it."""
    from partreg.entry import _OPTIONS, _lint_parser

    command = typer.main.get_command(app).commands["lint"]
    declared = {o for p in command.params for o in p.opts if o.startswith("-")} - {"-h", "--help"}
    assert declared == set(_OPTIONS)
    read = {o for a in _lint_parser()._actions for o in a.option_strings}
    assert read == declared


@pytest.mark.parametrize(
    "argv",
    [["--format", "parsable"], ["-f", "json"], ["-f", "sarif"], ["-f", "github"], ["--strict", "-f", "json"]],
)
@pytest.mark.spawns
def test_quick_path_and_typer_say_the_same(argv, tmp_path):
    shutil.copy(REPO / "partreg.yaml", tmp_path)
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "test-partnership.yaml").write_text(PARTNERSHIP + "sumary: x\n")
    (tmp_path / "register" / "broken.yaml").write_text("id: [\n")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    args = ["lint", "--as-of", QUIET_DAY, *argv]
    quick, slow = (partreg(module, args, tmp_path, environment) for module in ("entry", "cli"))
    assert (quick.returncode, quick.stdout, quick.stderr) == (slow.returncode, slow.stdout, slow.stderr)
    assert quick.returncode == 1 and "broken.yaml" in quick.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["lint", "--root", "nowhere", "-f", "parsable"], 2),  # the command's own error, in the quick path
        (["lint", "-f", "csv"], 2),  # Typer's usage error
        (["lint", "--help"], 0),
        (["lint", "-f", "json", "--as-of", "2026-02-30"], 2),
        (["--version"], 0),
    ],
)
@pytest.mark.spawns
def test_errors_and_help_are_the_same_either_way(args, code, tmp_path):
    quick, slow = (partreg(module, args, tmp_path) for module in ("entry", "cli"))
    assert (quick.returncode, quick.stdout, quick.stderr) == (slow.returncode, slow.stdout, slow.stderr)
    assert quick.returncode == code


@pytest.mark.spawns
def test_ci_lint_loads_only_what_it_needs(tmp_path):
    """No CLI library, nothing for pages, sheets, calendars or editing YAML; and no look through
    every installed package for pydantic plugins (partreg uses none)."""
    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    (tmp_path / "register" / "test-partnership.yaml").write_text(PARTNERSHIP)
    code = (
        "import os, sys, runpy, importlib.metadata as metadata\n"
        "looked = []\n"
        "everything = metadata.distributions\n"
        "metadata.distributions = lambda *a, **k: looked.append(1) or everything(*a, **k)\n"
        "end = os._exit\n"  # (a lint ends with os._exit, at once: what it loaded is said as it ends)
        "os._exit = lambda code: (sys.stderr.write('LOADED ' + repr(sorted(m for m in "
        "('typer', 'click', 'rich', 'jinja2', 'openpyxl', 'icalendar', 'ruamel.yaml') if m in sys.modules))"
        " + ' LOOKED ' + str(len(looked)) + '\\n'), sys.stderr.flush(), end(code))\n"
        "sys.argv = ['partreg', 'lint', '-f', 'parsable', '--root', sys.argv[1]]\n"
        "runpy.run_module('partreg', run_name='__main__')\n"
    )
    environment = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=environment
    )
    assert result.returncode == 1 and "(no-review-history)" in result.stdout, result.stderr
    assert "LOADED [] LOOKED 0" in result.stderr


@pytest.mark.spawns
@pytest.mark.skipif(
    not os.path.exists("/dev/full"), reason="needs /dev/full, a device that is always full (Linux)"
)
def test_output_that_cannot_be_written_is_one_line_not_a_traceback(tmp_path):
    """A full disk under the output: it had been a Python traceback."""
    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    (tmp_path / "register" / "test-partnership.yaml").write_text(PARTNERSHIP)
    # lint's quick path, and the commands Typer runs (lint in text, list, review-due)
    root = ["--root", str(tmp_path)]
    for command in (
        ["lint", "-f", "parsable", *root],
        ["lint", "-f", "text", *root],
        ["list", *root],
        ["--help"],
    ):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "partreg", *command],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
            )
        assert result.returncode == 2, (command, result.stderr)
        assert result.stderr == "partreg: could not write the output: No space left on device\n", command


@pytest.mark.spawns
@pytest.mark.skipif(
    not os.path.exists("/dev/full"), reason="needs /dev/full, a device that is always full (Linux)"
)
def test_output_that_cannot_be_written_after_a_file_was_says_the_file_was(tmp_path):
    """`review` had recorded the review when its message met a full disk: the one line said only that
    the output could not be written, and an officer would run it again."""
    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    entry = tmp_path / "register" / "test-partnership.yaml"
    entry.write_text(PARTNERSHIP)
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "partreg",
                "review",
                "test-partnership",
                "--date",
                "2026-11-01",
                "--outcome",
                "continue",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        "partreg: could not write the output: No space left on device; "
        "register/test-partnership.yaml was written before that\n"
    )
    assert "date: 2026-11-01" in entry.read_text()
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "partreg", "render", "--out", "site"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
    assert result.returncode == 2, result.stderr
    assert (
        result.stderr
        == "partreg: could not write the output: No space left on device; site was written before that\n"
    )
    assert (tmp_path / "site" / "index.html").exists()

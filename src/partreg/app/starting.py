"""Start a register: a new council's settings, register folder and the files around them,
written only where none of them exists yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from partreg.errors import UsageError, WriteRefused
from partreg.files import make_folder, write_atomic
from partreg.folders import package_templates
from partreg.scaffold import TEMPLATES, scaffold


@dataclass
class Started:
    """A register started: the files written (relative to its folder)."""

    files: list[str]


def start_register(directory: Path, council: str, priorities: list[str]) -> Started:
    """Write a new register for ``council`` with its corporate ``priorities`` into ``directory``;
    nothing is written if any of its files exists already."""
    source = package_templates() / "init"
    try:
        files = scaffold(
            council, priorities, {name: (source / name).read_text("utf-8") for name in TEMPLATES}
        )
    except ValueError as e:  # pydantic's ValidationError is one: said a line, not as its report
        errors = getattr(e, "errors", None)
        said = (
            "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in errors())
            if callable(errors)
            else str(e)
        )
        raise UsageError(said) from None
    existing = [name for name in files if (directory / name).exists()]
    if existing:
        raise WriteRefused(
            f"{directory}: {', '.join(existing)} already exist; partreg init never replaces a file"
        )
    for name, text in files.items():
        make_folder((directory / name).parent)
        write_atomic(directory / name, text, exclusive=True)
    return Started(list(files))

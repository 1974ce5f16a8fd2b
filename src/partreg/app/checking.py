"""Lint paths: which files a ``partreg lint`` checks (the register, or the paths given, less the
settings' ignore globs), their problems, the output format ``auto`` stands for, and whether they fail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from partreg.errors import PartregError
from partreg.folders import (
    SETTINGS_FILE,
    Listed,
    expand_paths,
    listed_files,
    read_settings,
    resolve_root,
    shown_as,
)
from partreg.problems import Problem, Severity
from partreg.runner import lint_files

#: What a caller wraps around the files' problems as they come (a progress bar), given how many files.
Watch = Callable[[Iterator[list[Problem]], int], Iterable[list[Problem]]]


@dataclass
class Checked:
    """A lint's outcome: the files checked, and every problem (the settings' first)."""

    files: Sequence[Path]
    problems: list[Problem]


def _unwatched(found: Iterator[list[Problem]], _: int) -> Iterable[list[Problem]]:
    return found


def lint_paths(
    paths: Sequence[Path] | None,
    root: Path | None,
    cwd: Path,
    today: dt.date,
    *,
    jobs: int | None = None,
    watch: Watch = _unwatched,
) -> Checked:
    """Check ``paths`` (files or folders), or with none the whole register at ``root`` (searched
    upward from ``cwd`` where not given). Given paths are checked even outside a register (with the
    default settings); the settings' ``ignore`` globs leave files out, and their problems come first."""
    base: Path | None
    files: Sequence[Path]
    if paths:
        files = expand_paths(list(paths))
        try:
            base = resolve_root(root, cwd)
        except PartregError:
            base = None
    else:
        base = resolve_root(root, cwd)
    # listed once, and made paths only as they are read (in the workers, for many)
    in_register = listed_files(base) if base is not None else Listed(Path(), [])
    if not paths:
        files = in_register
    if base is not None:
        settings, problems = read_settings(base, shown_as(base / SETTINGS_FILE, cwd))
    else:
        settings, problems = None, []
    # a settings file given by name is checked as the settings it is, not as an arrangement
    # (a file of that name in the register's folder is an arrangement's, as every file there is;
    # looked for only where a file has that name: resolving 100,000 paths took seconds)
    named = [f for f in files if f.name == SETTINGS_FILE] if files is not in_register else []
    if named:
        entries = {f.resolve() for f in in_register if f.name == SETTINGS_FILE}
        named = [f for f in named if f.resolve() not in entries]
    if named:
        files = [f for f in files if f not in named]
        for f in named:
            if base is None or f.resolve() != (base / SETTINGS_FILE).resolve():
                problems.extend(read_settings(f.parent, shown_as(f, cwd))[1])
    if settings is not None and settings.ignore and base is not None:
        files = [f for f in files if not any(fnmatch(shown_as(f, base), glob) for glob in settings.ignore)]
    known = in_register.ids() if base is not None else None
    results = lint_files(files, cwd, settings, today, jobs=jobs, known=known)
    for found in watch(results, len(files)):
        problems.extend(found)
    if not paths and base is not None:  # the files in folders inside it, which are no entries: each said
        problems.extend(in_register.left_out(cwd, settings.ignore if settings else []))
    return Checked(files, problems)


def output_format(requested: str, environment: Mapping[str, str], terminal: bool) -> str:
    """The format ``auto`` stands for: github under GitHub Actions, text on a terminal, else parsable."""
    if requested != "auto":
        return requested
    if environment.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "text" if terminal else "parsable"


def fails(problems: Iterable[Problem], strict: bool) -> bool:
    """Whether the lint fails: an error, or with ``strict`` a warning too."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(p.severity in failing for p in problems)

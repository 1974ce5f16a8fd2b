"""Start a register: a new council's settings, register folder and the files around them,
written only where none of them exists yet.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from partreg.errors import UsageError
from partreg.files import make_folder, write_atomic
from partreg.folders import package_templates
from partreg.scaffold import TEMPLATES, scaffold


@dataclass
class Started:
    """A register started: the files written (relative to its folder)."""

    files: list[str]
    #: Where the workflow's install line is a guess (this partreg was installed from a folder here):
    #: what it says, for the officer to change to where the council gets partreg.
    install_to_check: str | None = None


def install_spec() -> tuple[str, bool]:
    """What the new repository's workflow gives ``pip install`` for partreg: this partreg's git URL
    and commit where it was installed from git (PEP 610's ``direct_url.json``), else its version
    pinned; and whether that is where this partreg came from (not where it was installed from a
    folder on this machine, which a CI runner cannot reach)."""
    import importlib.metadata
    import json

    try:
        found = importlib.metadata.distribution("partreg")
        direct = json.loads(found.read_text("direct_url.json") or "null")
        version = found.version
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return "partreg", False
    pinned = f"'partreg=={version}'"
    if not isinstance(direct, dict):
        return pinned, True  # from a package index
    vcs = direct.get("vcs_info")
    url = str(direct.get("url", ""))
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and not url.startswith("file:"):
        commit = vcs.get("commit_id") or vcs.get("requested_revision") or ""
        return f"'partreg @ git+{url}{'@' + commit if commit else ''}'", True
    archive = direct.get("archive_info")
    if isinstance(archive, dict) and url.startswith(("https://", "http://")) and "'" not in url:
        # a wheel or an archive on the web, with the hash it was installed with where pip recorded one
        hashes = archive.get("hashes")
        sha256 = hashes.get("sha256") if isinstance(hashes, dict) else None
        return f"'partreg @ {url.split('#')[0]}{'#sha256=' + sha256 if sha256 else ''}'", True
    return pinned, False


def start_register(directory: Path, council: str, priorities: list[str]) -> Started:
    """Write a new register for ``council`` with its corporate ``priorities`` into ``directory``;
    nothing is written if any of its files exists already."""
    source = package_templates() / "init"
    install, known = install_spec()
    try:
        files = scaffold(
            council,
            priorities,
            {name: (source / name).read_text("utf-8") for name in TEMPLATES},
            install,
        )
    except ValueError as e:  # pydantic's ValidationError is one: said a line, not as its report
        errors = getattr(e, "errors", None)
        said = (
            "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in errors())
            if callable(errors)
            else str(e)
        )
        raise UsageError(said) from None
    existing = _in_the_way(directory, files)
    if existing:
        raise UsageError(  # a register is there already: init was run in the wrong folder
            f"{directory}: {', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
            "partreg init never replaces a file"
        )
    folders = {
        directory,
        *(p for name in files for p in (directory / name).parents if directory in p.parents),
    }
    new_folders = sorted((f for f in folders if not os.path.lexists(f)), key=lambda f: -len(f.parts))
    written: list[Path] = []
    try:
        for name, text in files.items():
            make_folder((directory / name).parent)
            write_atomic(directory / name, text, exclusive=True)
            written.append(directory / name)
    except BaseException:  # (a file that cannot be written, or ^C): none of the register is left
        for path in written:
            path.unlink(missing_ok=True)
        for folder in new_folders:  # (deepest first; only those made here, and only where empty)
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return Started(list(files), None if known else install)


def _in_the_way(directory: Path, names: Iterable[str]) -> list[str]:
    """What stops the register's files being written in ``directory``: a file (or a link, even to
    nothing) where one goes, or where one of its folders goes (a file named `.github`)."""
    found: set[str] = set()
    for name in names:
        for part in [
            *reversed(Path(name).parents[:-1]),
            Path(name),
        ]:  # `.github`, then `.github/workflows`...
            path = directory / part
            if os.path.lexists(path) and (part == Path(name) or path.is_symlink() or not path.is_dir()):
                found.add(part.as_posix())
                break
    return sorted(found)

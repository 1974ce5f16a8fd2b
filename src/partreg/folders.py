"""The register's folders and settings: where the register is, which files are its entries, how a
file is named in reports, and where partreg's own templates are."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatch
from importlib.resources import files
from pathlib import Path
from typing import overload

from partreg.collector import collector_paused
from partreg.errors import RegisterNotFound, UsageError
from partreg.lint import validate_settings
from partreg.models import Settings, entry_stem
from partreg.problems import Problem
from partreg.rules import unreadable_file
from partreg.yaml.reading import DEFAULT_MAX_BYTES, Document, read_bytes, read_document

SETTINGS_FILE = "partreg.yaml"
REGISTER_DIR = "register"
SCHEMA_PATH = "schema/arrangement.v1.json"


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds ``partreg.yaml``: whatever it is there (a
    folder, a link, a pipe), reading the settings then says what is wrong with it, rather than a
    register further up being used instead."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if os.path.lexists(folder / SETTINGS_FILE):
            return folder
    raise RegisterNotFound(
        f"no {SETTINGS_FILE} found in {start} or any folder above it: "
        "run partreg inside a register, or give --root DIR"
    )


def resolve_root(root: Path | None, cwd: Path) -> Path:
    """The register root: ``root`` if given (it must hold partreg.yaml), else searched from ``cwd``."""
    if root is None:
        return find_root(cwd)
    if not root.is_dir():
        raise UsageError(f"{root}: no such folder (given as --root)")
    if not os.path.lexists(root / SETTINGS_FILE):
        raise RegisterNotFound(f"{root}: has no {SETTINGS_FILE} (given as --root)")
    return root


def register_files(root: Path) -> list[Path]:
    """The arrangement files of the register at ``root``, in name order."""
    listed = listed_files(root)
    with (
        collector_paused()
    ):  # 100,000 paths made without the collector walking them as they are: half the time
        return [listed.folder / name for name in listed.names]


def listed_files(root: Path) -> Listed:
    """:func:`register_files`, each made a ``Path`` only where it is asked for."""
    folder = root / REGISTER_DIR
    if not folder.is_dir():
        return Listed(folder, [])
    names, folders = [], []
    with os.scandir(folder) as entries:
        for e in entries:
            if is_entry_name(e.name):
                names.append(e.name)
            elif e.is_dir():  # (asked only of what is not an entry's name; a link to a folder too)
                folders.append(e.name)
    names.sort()  # names sorted as text: sorting Path objects is slow at 100,000
    return Listed(folder, names, sorted(folders))


class Listed(Sequence[Path]):
    """The arrangement files of a register, in name order, each made a ``Path`` only where it is
    asked for. A lint of many files hands them out to worker processes by their places, and needs
    their names here (the register's ids), not their paths: making 100,000 paths took about 0.2 s,
    and their stems 0.1 s more, in the process that hands them out, before any worker started."""

    __slots__ = ("folder", "folders", "names")

    def __init__(self, folder: Path, names: list[str], folders: list[str] | None = None) -> None:
        self.folder, self.names = folder, names
        #: The folders inside the register's folder, whose files are no entries (:meth:`nested`).
        self.folders = folders or []

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> Listed: ...
    def __getitem__(self, index: int | slice) -> Path | Listed:
        if isinstance(index, slice):
            return Listed(self.folder, self.names[index])
        return self.folder / self.names[index]

    def __iter__(self) -> Iterator[Path]:
        folder = self.folder
        return (folder / name for name in self.names)

    def ids(self) -> frozenset[str]:
        """The ids the files' names give (``csp.yaml`` and ``csp.yml``: ``csp``)."""
        return frozenset(map(entry_stem, self.names))

    def nested(self, ignore: Sequence[str] = ()) -> list[Path]:
        """The files named as entries in folders inside the register's folder
        (``register/archive/old.yaml``): partreg reads entries from the register's folder alone,
        and every command names each of these, so that none is left out unsaid; not those the
        settings' ``ignore`` globs leave out (``register/archive/*``), as lint leaves out any file."""
        found: list[Path] = []
        for name in self.folders:
            for top, folders, names in os.walk(self.folder / name):  # (links to folders not followed)
                folders.sort()
                found.extend(Path(top) / f for f in sorted(names) if is_entry_name(f))
        root = self.folder.parent
        return [p for p in found if not any(fnmatch(shown_as(p, root), glob) for glob in ignore)]

    def left_out(self, base: Path, ignore: Sequence[str] = ()) -> list[Problem]:
        """A problem for each of :meth:`nested`, named as from ``base``, which no command reads:
        the problem of a file that cannot be read (``unreadable-file``)."""
        prefix, cwd = folder_prefix(base), os.getcwd()
        return [unreadable_file.in_a_folder(shown_below(prefix, path, cwd)) for path in self.nested(ignore)]


def is_entry_name(name: str) -> bool:
    """An arrangement file's name: ``.yaml``, and the ``.yml`` and ``.YAML`` that editors and other
    systems write (read and checked like the rest, never silently passed over)."""
    return name.endswith(".yaml") or name.lower().endswith((".yaml", ".yml"))


def register_file_problem(root: Path, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """Why ``path`` is not one of the arrangement files of the register at ``root``, or ``None`` when it
    is: a file named as an entry (:func:`is_entry_name`) in the register folder that lint would read
    (not a link, a folder, a device or a pipe, and no larger than ``max_bytes``)."""
    if not is_entry_name(path.name):
        return f"is not an arrangement file: give an arrangement's id, or its file in {REGISTER_DIR}/"
    if os.path.realpath(path.parent) != os.path.realpath(root / REGISTER_DIR):
        return f"is not in the register's folder: give an arrangement's id, or its file in {REGISTER_DIR}/"
    doc = Document(path=path, display=str(path))
    return doc.problems[0].message if read_bytes(doc, max_bytes) is None else None


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files named, and the ``.yaml`` files of folders named; a register root means its register."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir() and not p.name.endswith(".yaml"):
            if (p / SETTINGS_FILE).is_file() and (p / REGISTER_DIR).is_dir():
                out.extend(register_files(p))
            else:
                out.extend(sorted(q for q in p.iterdir() if is_entry_name(q.name)))
        elif p.exists() or p.is_symlink():
            out.append(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    return out


def package_templates() -> Path:
    """partreg's own templates: inside the installed package, or beside the source in a checkout."""
    installed = Path(str(files("partreg"))) / "templates"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "templates"


def read_settings(root: Path, display: str = SETTINGS_FILE) -> tuple[Settings | None, list[Problem]]:
    """The settings in ``root/partreg.yaml``, or the problems that stop them being read."""
    return validate_settings(read_document(root / SETTINGS_FILE, display))


def shown_as(path: Path, base: Path) -> str:
    """How a file is named in reports: relative to ``base`` where it lies below it, else as given."""
    return shown_below(folder_prefix(base), path)


def folder_prefix(base: Path) -> str:
    """``base`` as the start of the absolute names of the files below it (for :func:`shown_below`)."""
    return os.path.join(os.path.abspath(base), "")


def shown_below(prefix: str, path: Path, cwd: str | None = None) -> str:
    """:func:`shown_as`, with the base's :func:`folder_prefix` (and the working folder, ``cwd``, if
    given) worked out once for many files."""
    # no symlink resolution: a string operation, fast for many files
    if cwd is None:
        absolute = os.path.abspath(path)
    else:
        named = os.fspath(path)
        absolute = os.path.normpath(named if os.path.isabs(named) else os.path.join(cwd, named))
    return absolute[len(prefix) :] if absolute.startswith(prefix) else str(path)

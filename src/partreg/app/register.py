"""Load the register: its settings (one policy where they cannot be read), its entries, and the
entry with a given id.

Every command that reads the register comes here: a ``partreg.yaml`` that
cannot be read stops it (:func:`usable_settings`), and an id names the file
``register/<id>.yaml`` (or ``.yml``) and the entry read from it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path

from partreg.documents import iter_documents
from partreg.errors import PartregError, UsageError
from partreg.folders import (
    REGISTER_DIR,
    is_entry_name,
    listed_files,
    read_settings,
    register_file_problem,
    register_files,
    shown_as,
)
from partreg.lint import run
from partreg.models import ID_PATTERN, Arrangement, Settings, entry_stem
from partreg.problems import Problem
from partreg.rules import ALL, duplicate_id
from partreg.spelling import did_you_mean
from partreg.yaml.reading import DEFAULT_MAX_BYTES, read_document


@dataclass
class Register:
    """A register as read from disk: settings, every entry that could be read, and all problems."""

    root: Path
    settings: Settings | None
    entries: list[Arrangement]
    problems: list[Problem]
    #: Files left out, each with the problem that put it out: it could not be read at all (syntax,
    #: not a mapping, encoding, size), or it repeats the id of an earlier file.
    left_out: list[Problem] = field(default_factory=list)
    #: Each file that could be read (as reports name it) and the entry in it, a file left out for
    #: repeating an earlier file's id included: an id names a file (:func:`find_entry`).
    in_file: dict[str, Arrangement] = field(default_factory=dict)


def open_register(root: Path, today: dt.date | None = None, *, rules: bool = True) -> Register:
    """Read every arrangement of the register at ``root``. The lint rules run unless ``rules`` is
    false (then only what stops a file being read is a problem); date rules need ``today``."""
    settings, problems = read_settings(root)
    listed = listed_files(root)
    register = Register(root, settings, [], problems)
    limit = settings.max_file_bytes if settings else DEFAULT_MAX_BYTES
    for source, entry, found in run(
        settings, iter_documents(listed, root, limit), ALL if rules else (), today, listed.ids()
    ):
        problems.extend(found)
        if entry is not None:
            register.in_file[source.display] = entry
        repeated = next((p for p in found if p.rule == duplicate_id.ID), None)
        if entry is not None and repeated is None:
            register.entries.append(entry)
        else:
            register.left_out.append(repeated or found[0])
    nested = listed.left_out(root, settings.ignore if settings else [])
    problems.extend(nested)
    register.left_out.extend(nested)
    return register


# --------------------------------------------------------------------------- the one policy for settings


def usable_settings(settings: Settings | None, problems: list[Problem]) -> Settings:
    """``settings``, or the first problem that kept them from being read, as the command's error.

    The settings say what is internal and when reviews fall due: a command
    that went on with the defaults could print what the council keeps
    private, or show a late review as on time. (``partreg lint`` alone goes
    on: it lists the settings' problems with the others.)
    """
    if settings is None:
        # every problem of the settings at once: one typo at a time, run after run, is slow to fix
        said = sorted(p for p in problems if p.path.endswith("partreg.yaml")) or problems[:1]
        lines = [f"{p.path}:{p.line}:{p.column}: {p.message} ({p.rule})" for p in said]
        raise PartregError(
            "\n".join(lines) + ("\n" if len(lines) > 1 else "; ") + "partreg stops here "
            f"rather than use the defaults: fix {'them' if len(lines) > 1 else 'it'} "
            "(`partreg lint` lists every problem)"
        )
    return settings


def register_settings(base: Path) -> Settings:
    """The settings of the register at ``base``; a ``partreg.yaml`` that cannot be read stops the command."""
    return usable_settings(*read_settings(base))


@dataclass
class Loaded(Register):
    """A register loaded for a command: its settings could be read (:func:`load_register`)."""

    settings: Settings


def load_register(base: Path) -> Loaded:
    """Every entry of the register at ``base`` that can be read, with its settings (settings that
    cannot be read stop the command). The lint rules do not run: ``partreg lint`` checks them;
    the files left out are in ``left_out``."""
    register = open_register(base, rules=False)
    settings = usable_settings(register.settings, register.problems)
    return Loaded(**{f.name: getattr(register, f.name) for f in fields(register)} | {"settings": settings})


# --------------------------------------------------------------------------- the entry with this id


def no_such_entry(arrangement_id: str, known: Iterable[str]) -> UsageError:
    """The error for an id the register does not have, suggesting the nearest it does: a usage
    mistake (exit 2), as a path that does not exist is."""
    return UsageError(
        f"no arrangement {arrangement_id!r} in the register{did_you_mean(arrangement_id, known)}"
    )


def ids_on_disk(base: Path) -> set[str]:
    """The ids the register's file names give (``csp.yaml`` and ``csp.yml`` are both ``csp``)."""
    return {entry_stem(p.name) for p in register_files(base)}


def entry_file(base: Path, arrangement_id: str) -> Path:
    """The entry with this id: ``register/<id>.yaml`` (or ``.yml``) of the register at ``base``;
    where there is none, the error suggests the nearest id."""
    if not re.match(ID_PATTERN, arrangement_id):
        stem = entry_stem(Path(arrangement_id).name).lower()  # register/x.yaml given for x, X for x
        hint = f" (did you mean {stem!r}?)" if stem != arrangement_id and re.match(ID_PATTERN, stem) else ""
        raise UsageError(
            f"{arrangement_id!r} is not an arrangement id{hint}: an id is its file's name in {REGISTER_DIR}/ "
            "without .yaml, in lowercase letters, digits and hyphens"
        )
    path = base / REGISTER_DIR / f"{arrangement_id}.yaml"
    if os.path.lexists(path):  # what is there (a link, a folder) is for the reader to report
        return path
    files = register_files(base)
    named = [p for p in files if entry_stem(p.name) == arrangement_id]  # register/<id>.yml
    if len(named) == 1:
        return named[0]
    recorded = _recording(files, arrangement_id)
    if recorded is not None:  # the id `list` shows of a file named otherwise (lint's id-mismatch)
        raise UsageError(
            f"no file in {REGISTER_DIR}/ is named {arrangement_id!r}: {REGISTER_DIR}/{recorded.name} records it as "
            f"its id, and is named otherwise: give {entry_stem(recorded.name)!r}, or rename the file after its id"
        )
    raise no_such_entry(arrangement_id, [entry_stem(p.name) for p in files])


def _recording(files: list[Path], arrangement_id: str) -> Path | None:
    """The file whose text records ``arrangement_id`` as its id (``id: x`` at the first column)."""
    line = re.compile(rf"^\ufeff?id:[ \t]*(['\"]?){re.escape(arrangement_id)}\1[ \t]*(?:#.*)?$", re.MULTILINE)
    for path in files:
        try:
            if line.search(path.read_text("utf-8", "replace")):
                return path
        except OSError:
            continue
    return None


def find_entry(register: Register, arrangement_id: str) -> Arrangement:
    """The entry with this id: the one in its file (:func:`entry_file`), as ``review`` and
    ``history`` find it too; where that file could not be read, why."""
    shown = shown_as(entry_file(register.root, arrangement_id), register.root)
    entry = register.in_file.get(shown)
    if entry is not None:
        return entry
    why = next((p for p in register.left_out if p.path == shown), None)
    if why is None:
        raise PartregError(f"{shown} cannot be read as an arrangement: `partreg lint {shown}` says why")
    raise PartregError(
        f"{why.path}:{why.line}:{why.column}: {why.message} ({why.rule}); `partreg lint` lists every problem"
    )


def register_file(base: Path, target: str, max_bytes: int, *, paths: bool = False) -> Path:
    """The arrangement file ``target`` names: an id (:func:`entry_file`), or with ``paths`` also a
    file's path. Refused, as a usage mistake, where it is not a file lint reads as one of the
    register's arrangements."""
    is_path = any(sep in target for sep in ("/", os.sep, os.altsep) if sep)
    if paths and (is_path or is_entry_name(target)):
        path, shown = Path(target), target
    else:  # an id (which cannot be a path)
        path = entry_file(base, target)
        shown = f"{REGISTER_DIR}/{path.name}"
    problem = register_file_problem(base, path, max_bytes)
    if problem is not None:
        raise UsageError(f"{shown} {problem}")
    return path


def names_a_file(target: str) -> bool:
    """Whether ``target`` (an id or a file's path, as ``partreg classify`` takes it) is a file's path."""
    return target.endswith((".yaml", ".yml")) or Path(target).exists()


def read_entry_file(target: str) -> Arrangement:
    """The entry in the file ``target``, read and checked alone, not as one of a register's."""
    path = Path(target)
    if not path.is_file():
        raise UsageError(f"{target}: no such file")
    doc = read_document(path, target)
    [(_, entry, problems)] = list(run(None, [(doc, path.stem)], ()))
    if entry is None:
        first = problems[0]
        raise PartregError(
            f"{first.path}:{first.line}:{first.column}: {first.message} ({first.rule}); run `partreg lint {target}`"
        )
    return entry

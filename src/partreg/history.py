"""An arrangement's change history, from git: who changed what, when, and which fields.

The only module that runs git. Outside a git repository it says so
(``NotInGit``), rather than pretending there is no history.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partreg.errors import PartregError


class NotInGit(PartregError):
    """The register is not in a git repository, or git is not installed."""


@dataclass(frozen=True)
class Change:
    commit: str
    date: str
    author: str
    subject: str
    fields: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "commit": self.commit,
            "date": self.date,
            "author": self.author,
            "subject": self.subject,
            "fields": self.fields,
        }


def changed_fields(old: Any, new: Any, prefix: str = "", depth: int = 2) -> list[str]:
    """Dotted names of the fields that differ between two versions of an entry (two levels deep)."""
    if old is None and new is not None:
        return ["(created)"]
    if new is None and old is not None:
        return ["(deleted)"]
    if not (isinstance(old, dict) and isinstance(new, dict)) or depth == 0:
        return [prefix.rstrip(".") or "(whole file)"] if old != new else []
    out: list[str] = []
    for key in list(old) + [k for k in new if k not in old]:
        if old.get(key) != new.get(key):
            if key in old and key in new:
                out.extend(changed_fields(old[key], new[key], f"{prefix}{key}.", depth - 1))
            else:
                out.append(f"{prefix}{key}")
    return out


def _git(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise NotInGit("git is not installed: the history comes from git") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise NotInGit(message.splitlines()[-1] if message else "git failed")
    return result.stdout


def file_history(root: Path, path: Path, parse: Any) -> list[Change]:
    """The commits that changed ``path`` (following renames), newest first; ``parse`` reads a version's text."""
    try:
        _git(root, "rev-parse", "--is-inside-work-tree")
    except NotInGit:
        raise NotInGit(f"{root} is not in a git repository: the history comes from git") from None
    top = Path(os.fsdecode(_git(root, "rev-parse", "--show-toplevel").rstrip(b"\n")))
    try:
        relative = path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:  # the register folder is a link out of the repository
        raise NotInGit(f"{path} is not inside the git repository {top}: its history is not there") from None
    # -z: every field ends in a NUL, which git cannot put in a name, a subject or a path
    log = _git(
        top, "log", "--follow", "-z", "--format=%H%x00%aI%x00%an%x00%s", "--name-status", "--", relative
    )
    changes = []
    for commit, date, author, subject, status, paths in _commits(log):
        old_path, new_path = (paths[0], paths[-1]) if paths else (relative, relative)
        new = _version(top, f"{commit}:{new_path}", parse) if status != "D" else None
        old = _version(top, f"{commit}^:{old_path}", parse) if status != "A" else None
        changes.append(Change(commit[:12], date, author, subject, changed_fields(old, new)))
    return changes


def _commits(log: bytes) -> Iterator[tuple[str, str, str, str, str, list[str]]]:
    """Each commit of ``git log -z --format=%H%x00%aI%x00%an%x00%s --name-status``: its id, date,
    author and subject, and the status letter and path (old and new path, for a rename) of the file."""
    fields = log.split(b"\0")
    at = 0
    while at + 4 <= len(fields):
        commit, date, author, subject = (f.decode("utf-8", "replace") for f in fields[at : at + 4])
        at += 4
        status, paths = "", []
        if at < len(fields) and fields[at].startswith(b"\n"):  # the file's status follows the header
            status = fields[at][1:2].decode("ascii", "replace")
            count = 2 if status in ("R", "C") else 1
            paths = [os.fsdecode(f) for f in fields[at + 1 : at + 1 + count]]
            at += 1 + count
        yield commit, date, author, subject, status, paths


def _version(top: Path, spec: str, parse: Any) -> Any:
    try:
        return parse(_git(top, "show", spec).decode("utf-8"))
    except NotInGit:
        return None


def last_changed(root: Path, folder: str = "register") -> dict[str, str]:
    """The date each arrangement file last changed in git, by id (empty outside git): one git call."""
    try:
        log = _git(root, "log", "--format=\x1e%cs", "--name-only", "--", folder).decode("utf-8", "replace")
    except NotInGit:
        return {}
    dates: dict[str, str] = {}
    for block in filter(None, log.split("\x1e")):
        day, _, names = block.partition("\n")
        for name in names.split():
            if name.lower().endswith((".yaml", ".yml")):
                dates.setdefault(Path(name).stem, day.strip())
    return dates

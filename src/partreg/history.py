"""An arrangement's change history, from git: who changed what, when, and which fields.

The only module that runs git. Outside a git repository it says so
(``NotInGit``), rather than pretending there is no history.
"""

from __future__ import annotations

import subprocess
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


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise NotInGit("git is not installed: the history comes from git") from None
    if result.returncode != 0:
        raise NotInGit(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "git failed")
    return result.stdout


def file_history(root: Path, path: Path, parse: Any) -> list[Change]:
    """The commits that changed ``path`` (following renames), newest first; ``parse`` reads a version's text."""
    try:
        _git(root, "rev-parse", "--is-inside-work-tree")
    except NotInGit:
        raise NotInGit(f"{root} is not in a git repository: the history comes from git") from None
    top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    try:
        relative = path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:  # the register folder is a link out of the repository
        raise NotInGit(f"{path} is not inside the git repository {top}: its history is not there") from None
    log = _git(top, "log", "--follow", "--format=%x1e%H%x1f%aI%x1f%an%x1f%s", "--name-status", "--", relative)
    changes = []
    for block in filter(None, log.split("\x1e")):
        header, _, files = block.partition("\n")
        commit, date, author, subject = header.split("\x1f")
        status = [line.split("\t") for line in files.strip().splitlines() if line.strip()]
        old_path, new_path = relative, relative
        if status:
            parts = status[0]
            old_path, new_path = (parts[1], parts[2]) if parts[0].startswith("R") else (parts[1], parts[1])
        new = _version(top, f"{commit}:{new_path}", parse) if not (status and status[0][0] == "D") else None
        old = _version(top, f"{commit}^:{old_path}", parse) if not (status and status[0][0] == "A") else None
        changes.append(Change(commit[:12], date, author, subject, changed_fields(old, new)))
    return changes


def _version(top: Path, spec: str, parse: Any) -> Any:
    try:
        return parse(_git(top, "show", spec))
    except NotInGit:
        return None


def last_changed(root: Path, folder: str = "register") -> dict[str, str]:
    """The date each arrangement file last changed in git, by id (empty outside git): one git call."""
    try:
        log = _git(root, "log", "--format=\x1e%cs", "--name-only", "--", folder)
    except NotInGit:
        return {}
    dates: dict[str, str] = {}
    for block in filter(None, log.split("\x1e")):
        day, _, names = block.partition("\n")
        for name in names.split():
            if name.lower().endswith((".yaml", ".yml")):
                dates.setdefault(Path(name).stem, day.strip())
    return dates

"""An arrangement's change history, from git: who changed what, when, and which fields.

The only module that runs git. Outside a git repository it says so
(``NotInGit``), rather than pretending there is no history. It reads the
versions of one file (:func:`file_history`) or of a whole folder
(:func:`folder_revisions`) the same way: one ``git log``, and ``git cat-file``
to size and read the versions, whatever the history's length.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from partreg.errors import PartregError
from partreg.folders import is_entry_name
from partreg.models import entry_stem
from partreg.versions import UNREADABLE, Revision
from partreg.yaml.reading import DEFAULT_MAX_BYTES, parse_document


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
    """Dotted names of the fields that differ between two versions of an entry (two levels deep).

    A version is ``None`` where the file did not exist, and :data:`UNREADABLE` where it could not
    be read: there are no fields to compare then, and the change is named as a whole.
    """
    if new is UNREADABLE:
        return ["(created)", "(unreadable version)"] if old is None else ["(unreadable version)"]
    if old is UNREADABLE:
        return ["(deleted)"] if new is None else ["(whole file)"]
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


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise NotInGit("git is not installed: the history comes from git") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise NotInGit(message.splitlines()[-1] if message else "git failed")
    return result.stdout


def in_git(root: Path) -> bool:
    """Whether ``root`` is inside a git work tree (and git is installed)."""
    try:
        return _git(root, "rev-parse", "--is-inside-work-tree").strip() == b"true"
    except NotInGit:
        return False


def file_history(root: Path, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Change]:
    """The commits that changed ``path`` (following renames), newest first.

    Each version is read as lint reads a file: one larger than ``max_bytes``, or one lint could
    not read, is :data:`UNREADABLE`. Two git processes read them all, whatever the history's length.
    """
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
        top,
        "log",
        "--follow",
        "-z",
        "--raw",
        "--no-abbrev",
        "--format=%H%x00%aI%x00%an%x00%s",
        "--",
        relative,
    )
    changes = []
    commits = [(c, c.files[0] if c.files else _UNCHANGED) for c in _commits(log, 4)]
    versions = _read_versions(top, [file for _, file in commits], max_bytes)
    for (c, file), (old, new) in zip(commits, versions, strict=True):
        commit, date, author, subject = c.header
        fields = [] if file.old[1] == file.new[1] else changed_fields(old, new)
        changes.append(Change(commit[:12], date, author, subject, fields))
    return changes


#: Modes of a file in git; a link (120000) or a submodule (160000) is no arrangement file.
_FILE_MODES = ("100644", "100755")
_NO_FILE = ("000000", "0" * 40)


class _FileChange(NamedTuple):
    path: str  # the file's path after the commit, as git gives it
    old: tuple[str, str]  # the file's mode and blob id before the commit (``_NO_FILE`` where none)
    new: tuple[str, str]  # and after it


#: A commit that shows no change to the file (a merge).
_UNCHANGED = _FileChange("", _NO_FILE, _NO_FILE)


class _Commit(NamedTuple):
    header: tuple[str, ...]  # the fields of ``--format``, in order
    files: tuple[_FileChange, ...]  # the files it changed, as ``--raw`` lists them


def _commits(log: bytes, header: int) -> Iterator[_Commit]:
    """Each commit of ``git log -z --raw --no-abbrev --format=...``, whose format has ``header``
    fields separated by ``%x00``, the commit's id first."""
    fields = log.split(b"\0")
    at = 0
    while at + header <= len(fields):
        head = tuple(f.decode("utf-8", "replace") for f in fields[at : at + header])
        at += header
        files = []
        # the first file's change opens with a line break; a commit id never opens with either
        while at < len(fields) and fields[at].lstrip(b"\n").startswith(b":"):
            # :old-mode new-mode old-blob new-blob status, then the path (old and new, for a rename)
            old_mode, new_mode, old_blob, new_blob, status = (
                fields[at].lstrip(b"\n")[1:].decode("ascii").split()
            )
            paths = 2 if status[0] in "RC" else 1
            path = os.fsdecode(fields[at + paths]) if at + paths < len(fields) else ""
            files.append(_FileChange(path, (old_mode, old_blob), (new_mode, new_blob)))
            at += 1 + paths
        yield _Commit(head, tuple(files))


def _sizes(top: Path, blobs: set[str]) -> dict[str, int]:
    """The size of each blob that is in the repository, without reading it."""
    if not blobs:
        return {}
    out = _git(top, "cat-file", "--batch-check", stdin="".join(f"{b}\n" for b in blobs).encode())
    sizes = {}
    for line in out.decode("ascii", "replace").splitlines():
        blob, kind, *size = line.split()
        if kind == "blob" and size:
            sizes[blob] = int(size[0])
    return sizes


@contextlib.contextmanager
def _blob_reader(top: Path) -> Iterator[Callable[[str], bytes | None]]:
    """A function that reads a blob's bytes from one ``git cat-file --batch`` (``None`` if it cannot)."""
    with subprocess.Popen(
        ["git", "-C", str(top), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    ) as git:
        assert git.stdin is not None and git.stdout is not None
        stdin, stdout = git.stdin, git.stdout

        def read(blob: str) -> bytes | None:
            try:
                stdin.write(f"{blob}\n".encode())
                stdin.flush()
            except BrokenPipeError:
                return None
            header = stdout.readline().split()  # <blob> blob <size>, or <blob> missing
            if len(header) != 3 or header[1] != b"blob":
                return None
            size = int(header[2])
            data = stdout.read(size + 1)  # the blob, and the line break after it
            return data[:size] if len(data) == size + 1 else None

        yield read


def _version(
    mode: str, blob: str, sizes: dict[str, int], max_bytes: int, read: Callable[[str], bytes | None]
) -> Any:
    """One version's data, as lint reads a file: ``None`` where there was no file, else
    :data:`UNREADABLE` where lint could not read it."""
    if mode == _NO_FILE[0]:
        return None
    if mode not in _FILE_MODES or sizes.get(blob, max_bytes + 1) > max_bytes:
        return UNREADABLE
    raw = read(blob)
    if raw is None:
        return UNREADABLE
    doc = parse_document(raw, blob)
    return UNREADABLE if doc.problems else doc.data


def _read_versions(
    top: Path, files: list[_FileChange], max_bytes: int
) -> Generator[tuple[Any, Any], None, None]:
    """The versions before and after each change in ``files``, in order (see :func:`_version`).

    One ``git cat-file --batch`` reads them all, as they are asked for. A log lists a file's changes
    newest first, so the version before one change is the version after the next: it is read once.
    """
    sizes = _sizes(top, {blob for f in files for mode, blob in (f.old, f.new) if mode in _FILE_MODES})
    with _blob_reader(top) as read:
        last: dict[str, dict[str, Any]] = {}  # by path: the versions its latest change compared
        for f in files:
            known = last.get(f.path, {})
            versions = {
                blob: known[blob] if blob in known else _version(mode, blob, sizes, max_bytes, read)
                for mode, blob in (f.old, f.new)
            }
            last[f.path] = versions
            yield versions[f.old[1]], versions[f.new[1]]


def folder_revisions(
    root: Path, folder: str = "register", max_bytes: int = DEFAULT_MAX_BYTES
) -> Generator[Revision, None, None]:
    """Every change to an arrangement file (``<id>.yaml`` directly in ``root/folder``) in git, newest
    first: one for each file each commit changed. ``NotInGit`` outside git (or without git), at once.

    A file renamed is its old name removed and its new name added (``--no-renames``): the file's
    name is the arrangement's id, so a new name is a new entry. A merge shows no changes of its
    own: the commits it brought in show them. The commits' authors and messages are not read.
    The versions are read as the generator is consumed; close it (or consume it) to end git.
    """
    # --root: the first commit's files too, whatever log.showRoot says; -z: every name ends in a NUL;
    # --relative: paths from ``root``, as ``folder`` is
    log = _git(
        root,
        "-c",
        "log.showSignature=false",
        "log",
        "--root",
        "--no-renames",
        "--no-color",
        "--relative",
        "-z",
        "--raw",
        "--no-abbrev",
        "--format=%H%x00%cI",
        "--",
        folder,
    )
    prefix = folder.strip("/") + "/"
    changes = []
    for c in _commits(log, 2):
        for file in c.files:
            name = file.path.removeprefix(prefix)
            if file.path.startswith(prefix) and "/" not in name and is_entry_name(name):
                changes.append((c.header, entry_stem(name), file))
    return _revisions(root, changes, max_bytes)


def _revisions(
    root: Path, changes: list[tuple[tuple[str, ...], str, _FileChange]], max_bytes: int
) -> Generator[Revision, None, None]:
    versions = _read_versions(root, [file for _, _, file in changes], max_bytes)
    for ((commit, date), stem, file), (old, new) in zip(changes, versions, strict=True):
        yield Revision(
            stem,
            commit,
            date,
            old,
            new,
            None if file.old == _NO_FILE else file.old[1],
            None if file.new == _NO_FILE else file.new[1],
        )


def last_changed(root: Path, folder: str = "register", *, precise: bool = False) -> dict[str, str]:
    """The date each arrangement file last changed in git, by id (empty outside git): one git call.
    With ``precise``, the commit's date and time (ISO 8601, with its offset from UTC)."""
    when = "%cI" if precise else "%cs"
    try:
        log = _git(root, "log", f"--format=\x1e{when}", "--name-only", "--", folder).decode(
            "utf-8", "replace"
        )
    except NotInGit:
        return {}
    dates: dict[str, str] = {}
    for block in filter(None, log.split("\x1e")):
        day, _, names = block.partition("\n")
        for name in names.split():
            if name.lower().endswith((".yaml", ".yml")):
                dates.setdefault(Path(name).stem, day.strip())
    return dates
